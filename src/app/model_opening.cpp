// Application's scene, set up at start-up and replaced at run time: a teacher's files dropped onto
// the window or typed into the panel open exactly as --model / --model-set would, and a file that
// cannot be opened leaves the scene as it was.

#include "app/model_opening.hpp"

#include "app/application.hpp"
#include "app/terminal_log.hpp"
#include "app/commands.hpp"
#include "app/first_view.hpp"
#include "app/lesson_import.hpp"
#include "app/platform.hpp"
#include "app/pose_saving.hpp"
#include "app/user_paths.hpp"
#include "core/diagnostic.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace psoas::app {

namespace {

std::string_view trimmed(std::string_view text) {
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    const bool quoted = text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front();
    return quoted ? text.substr(1, text.size() - 2) : text;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// file:///home/a/My%20bones.stl -> /home/a/My bones.stl (a %XX that is not one is kept as written).
std::string uriPath(std::string_view uri) {
    uri.remove_prefix(std::string_view("file://").size());
    if (const auto slash = uri.find('/'); slash != std::string_view::npos) uri.remove_prefix(slash);  // file://host/path
    std::string path;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        const int high = uri[i] == '%' && i + 2 < uri.size() ? hexValue(uri[i + 1]) : -1;
        const int low = high >= 0 ? hexValue(uri[i + 2]) : -1;
        if (low < 0) {
            path += uri[i];
            continue;
        }
        path += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return path;
}

std::filesystem::path pathOf(std::string_view piece) {
    if (piece.rfind("file://", 0) == 0) return uriPath(piece);
    const char* home = std::getenv("HOME");
    if (piece.rfind("~/", 0) == 0 && home && *home) return std::filesystem::path(home) / piece.substr(2);
    return std::filesystem::path(piece);
}

// "Opened cube.obj (1 structure)", with the first thing the files held that was left out: said on
// the status line, not on the terminal alone (tester, session 13), with how many more it has.
std::string openedLine(const Scene& scene, const std::string& name) {
    const std::size_t count = scene.structures.size();
    std::string opened = "Opened " + name + " (" + std::to_string(count) + (count == 1 ? " structure)" : " structures)");
    if (scene.leftOut.empty()) return opened;
    opened += "; " + scene.leftOut.front();
    if (scene.leftOut.size() > 1) opened += " (" + std::to_string(scene.leftOut.size() - 1) + " more on the terminal)";
    return opened;
}

}  // namespace

std::vector<std::filesystem::path> pathsFromText(std::string_view text) {
    std::vector<std::filesystem::path> paths;
    while (!text.empty()) {
        const std::size_t end = text.find_first_of(";\n\r");
        const std::string_view piece = trimmed(text.substr(0, end));
        if (!piece.empty()) paths.push_back(pathOf(piece));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return paths;
}

SceneSource sceneSourceFor(const std::vector<std::filesystem::path>& paths, const ModelOrientation& orientation) {
    if (paths.empty()) throw ModelImportError({}, "nothing to open: give a mesh file, a folder of them, or a mesh set (.toml)");
    for (const std::filesystem::path& path : paths)
        if (path.extension() == ".toml" && paths.size() > 1)
            throw ModelImportError(path, "a .toml file (a lesson or a mesh set) does not open together with model files: "
                                         "open the lessons on their own (several at once is fine), the model's files on their own");
    SceneSource source;
    if (paths.front().extension() == ".toml") {
        source.meshSet = paths.front();
        return source;
    }
    source.model = ModelRequest{paths, orientation};
    return source;
}

std::string openFailureLine(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const ModelImportError& e) {
        return "error: " + (e.path().empty() ? std::string() : platform::shownPath(e.path()) + ": ") + e.what();
    } catch (const DataFileError& e) {
        const auto& problems = e.diagnostics();
        if (problems.empty()) return std::string("error: ") + e.what();
        // One line, with the next two problems after the first: the browser has no terminal where
        // the rest could be read (tester, session 9: "(and 1 more)" never said what the other was).
        Diagnostic first = problems.front();
        first.file = platform::shownPath(first.file);
        std::string line = first.format();
        const std::size_t shown = std::min<std::size_t>(problems.size(), 3);
        for (std::size_t i = 1; i < shown; ++i) {
            Diagnostic next = problems[i];
            const bool sameFile = next.file == problems.front().file && next.line > 0;
            next.file = platform::shownPath(next.file);
            line += "; " + (sameFile ? std::to_string(next.line) + ":" + std::to_string(next.column) + ": " + next.message : next.format());
        }
        if (problems.size() > shown) line += " (and " + std::to_string(problems.size() - shown) + " more)";
        return line;
    } catch (const std::exception& e) {
        return std::string("error: ") + e.what();
    }
}

// What depends on the scene, made for the scene now in scene_: the session (selection, camera,
// motion), the poses and lessons of an atlas scene, and the characters the panels will show.
void Application::startSession() {
    const bool atlasScene = !options_.model;
    if (atlasScene) ui_.coverFile(dataDirectory() / "models" / "atlas.toml");
    else
        for (const SceneStructure& s : scene_.structures) ui_.cover(scene_.title + s.info.name);
    std::vector<PoseFile> poses;
    if (atlasScene) {
        try {
            std::vector<std::string> problems;
            poses = posesWithUserPoses(dataDirectory() / "models" / "poses", userPoseFolders(options_.lessonDirs), problems);
            for (const std::string& problem : problems) logLine(problem);  // that file is left out
        } catch (const DataFileError& e) {
            logLine(e.what());  // the viewer still works, in the neutral pose
        }
    }
    for (const PoseFile& pose : poses) ui_.coverFile(pose.file);
    // The first step is framed for the shape the first frame will have: an image's own layout.
    const LayoutMode mode = options_.noUi ? LayoutMode::Slide : LayoutMode::Panels;
    const float aspect = psoas::layoutFor(displaySize_, uiScale_, mode, atlasScene ? CaptionPlace::Below : CaptionPlace::None, 0.0f).sceneAspect();
    session_ = std::make_unique<ViewerSession>(scene_, SessionSetup{std::move(poses), atlasScene, options_.view, aspect});
    if (const SceneMotion* motion = session_->sceneMotion())
        for (const std::string& note : motion->notes()) logLine(note);  // e.g. a set's muscle that cannot bend
    lessons_ = LessonShelf();  // a --model scene has no lessons: they name the atlas's structures
    if (!atlasScene) return;
    lessons_ = LessonShelf(lessonSources(options_), builtInVocabulary(options_.lessonDirs));
    lessons_.load();
    lessonsRead();
}

bool Application::openPaths(const std::vector<std::filesystem::path>& paths) {
    if (!paths.empty() && std::all_of(paths.begin(), paths.end(), isLessonFile)) return openLessonFiles(paths);
    try {
        return openScene(sceneSourceFor(paths, options_.model ? options_.model->orientation : ModelOrientation{}));
    } catch (const ModelImportError&) {
        setStatus(openFailureLine(std::current_exception()));
        return false;
    }
}

bool Application::openScene(SceneSource source) {
    if (slideExport_) {
        setStatus("Nothing opened: slides are being exported; open it when they are done");
        return false;
    }
    Scene next;
    try {
        next = source.model ? loadModelScene(*source.model) : loadAtlasScene(dataDirectory() / "models" / "atlas.toml", source.meshSet);
    } catch (const std::exception&) {
        setStatus(openFailureLine(std::current_exception()));  // the scene shown stays as it was
        return false;
    }
    showScene(std::move(next), std::move(source));
    return true;
}

// Replaces scene_ with `next`, made from `source`, and everything that depends on it.
void Application::showScene(Scene next, SceneSource source) {
    logSceneNotes(next);
    // The same files again: the Orientation panel turned them.
    const bool turned = source.model && options_.model && source.model->paths == options_.model->paths;
    // Leaving the atlas for the teacher's files: the lesson step is kept for coming back.
    if (!options_.model && source.model && session_ && session_->lessonPlayer().active())
        atlasPlace_ = std::pair{session_->lessonPlayer().lesson().id, session_->lessonPlayer().stepIndex()};
    // The session and the renderer hold the scene: they go before it is replaced.
    frameRenderer_.reset();
    session_.reset();
    scene_ = std::move(next);
    options_.model = std::move(source.model);
    options_.meshSet = std::move(source.meshSet);
    orientationChoice_ = options_.model ? options_.model->orientation : ModelOrientation{};
    startSession();
    if (window_) {
        frameRenderer_ = std::make_unique<render::FrameRenderer>(scene_);
        uploadedMotion_ = 0;
        uploadedVertices_.clear();
    }
    if (!options_.model) openAtlasPlace();
    tellViewAspect(false);
    if (!session_->lessonPlayer().active()) apply(act::SetCamera{session_->homePose()});
    framesToDraw_ = kFramesAfterEvent;
    const std::size_t firstLineEnd = scene_.title.find('\n');
    const std::string name = scene_.title.substr(0, firstLineEnd);
    if (turned) {
        std::string placement = scene_.title.substr(firstLineEnd + 1);  // "units: …\nup …, anterior …"
        for (std::size_t at = placement.find('\n'); at != std::string::npos; at = placement.find('\n', at)) placement.replace(at, 1, "; ");
        setStatus("Turned " + name + ": " + placement);
    } else {
        setStatus(openedLine(scene_, name));
    }
}

ui::ModelPanelView Application::modelPanelView() const {
    ui::ModelPanelView view;
    view.openText = openText_;
    view.focusOpenField = focusOpenFieldFrames_ > 0;
    view.filePicker = platform::picksFiles();
    view.ownFiles = options_.model || !options_.meshSet.empty();
    if (options_.model) {
        view.orientation = orientationChoice_;
        if (!orientationProblem(orientationChoice_).empty())  // core's words name the options; the panel's its combos
            view.orientationProblem = "Up " + axisName(orientationChoice_.upAxis()) + " and anterior " +
                                      axisName(orientationChoice_.forwardAxis()) +
                                      " are on one axis: pick an anterior axis at right angles to up. Not applied.";
    }
    return view;
}

bool Application::pickFiles() {
    switch (platform::chooseFiles()) {
        case platform::FilePicker::None: return false;
        case platform::FilePicker::Opened: break;
        case platform::FilePicker::OpensAtNextPress:
            setStatus("Click, tap or press a key once more to choose the files: the browser opens its picker only "
                      "right after one");
            break;
    }
    return true;
}

bool Application::openBuiltInAnatomy() { return openScene(SceneSource{}); }

// An atlas scene opens at the lesson step left for the teacher's own files, else as the command
// line opens (the first lesson).
void Application::openAtlasPlace() {
    const Lesson* left = atlasPlace_ ? lessons_.library().find(atlasPlace_->first) : nullptr;
    if (left) apply(act::OpenLesson{*left, atlasPlace_->second});
    else showFirstView(*this, Options{});
    atlasPlace_.reset();
}

void Application::applyModelIntents(const ui::ModelIntents& intents) {
    if (intents.builtIn) openBuiltInAnatomy();
    if (intents.openText) openText_ = *intents.openText;
    if (intents.open && !pickFiles()) openPaths(pathsFromText(openText_));  // picked files come as a drop
    if (intents.orientation) chooseOrientation(*intents.orientation);
}

bool Application::chooseOrientation(const ModelOrientation& choice) {
    if (!options_.model) return false;
    orientationChoice_ = choice;
    if (!orientationProblem(choice).empty()) return false;  // the panel says why; the scene stays
    // The meshes already imported, turned and scaled again: the files are not read a second time.
    showScene(turnModelScene(scene_, choice), SceneSource{ModelRequest{options_.model->paths, choice, options_.model->fileColours}, {}});
    return true;
}

}  // namespace psoas::app
