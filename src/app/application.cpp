#include "app/application.hpp"

#include "app/commands.hpp"
#include "app/image_file.hpp"
#include "app/input_map.hpp"
#include "app/input_script.hpp"
#include "app/user_paths.hpp"
#include "app/video_encoder.hpp"
#include "core/atomic_file.hpp"
#include "core/attachment_tint.hpp"
#include "core/handout.hpp"
#include "core/picking.hpp"
#include "core/quiz.hpp"
#include "core/settings.hpp"
#include "core/view_preset.hpp"
#include "render/gl_debug.hpp"
#include "render/floor_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/frame_renderer.hpp"
#include "render/render_target.hpp"
#include "render/scene_renderer.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <sys/resource.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <cmath>
#include <ctime>
#include <fstream>
#include <string_view>
#include <iostream>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace psoas::app {

namespace {
constexpr double kStatusSeconds = 5.0;
// Saved lesson files are picked up within half a second (the issue asks for under one).
constexpr double kLessonCheckSeconds = 0.5;

// Start-up is timed from here: the program's static initialisation, before main() runs.
const auto kProcessStart = std::chrono::steady_clock::now();

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// PSOAS_TRACE_STARTUP=1 prints when each start-up phase ends, counted from process start: the
// first thing to look at when start-up gets slower (scripts/bench.sh reports the total).
void traceStartup(const char* phase) {
    static const bool enabled = [] {
        const char* value = std::getenv("PSOAS_TRACE_STARTUP");
        return value && *value && std::string_view(value) != "0";
    }();
    if (enabled) std::fprintf(stderr, "startup: %7.1f ms  %s\n", millisecondsSince(kProcessStart), phase);
}

double percentile(std::vector<double> values, double fraction) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(std::lround(fraction * static_cast<double>(values.size() - 1)));
    return values[index];
}

double residentMegabytes() {
    long pages = 0, resident = 0;
    if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(statm);
    }
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Resident memory with the allocator's free cache handed back first: main() lets glibc keep up to
// 64 MB of freed heap (software GL reallocates megabytes a frame), so plain RSS would count that
// cache as growth. The soak measures what the program still holds.
double memoryInUseMegabytes() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    return residentMegabytes();
}

double peakResidentMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

Application* fromWindow(GLFWwindow* window) { return static_cast<Application*>(glfwGetWindowUserPointer(window)); }

// GLFW tells about monitors to the whole program, not to a window: this is the window to tell.
GLFWwindow* gMonitorListener = nullptr;

Scene loadInitialScene(const Options& options) {
    traceStartup("command line read");
    Scene scene = options.model ? loadModelScene(*options.model) : loadAtlasScene(dataDirectory() / "models" / "atlas.toml", options.meshSet);
    traceStartup("meshes loaded");
    for (const std::string& note : scene.notes) std::cerr << "psoas-atlas: " << note << '\n';
    return scene;
}

glm::vec4 backgroundColour(ui::ScreenshotBackground background) {
    switch (background) {
        case ui::ScreenshotBackground::White: return {1.0f, 1.0f, 1.0f, 1.0f};
        case ui::ScreenshotBackground::Transparent: return {0.0f, 0.0f, 0.0f, 0.0f};
        case ui::ScreenshotBackground::Dark: break;
    }
    return {0.10f, 0.11f, 0.13f, 1.0f};
}

void logLine(const std::string& text) { std::cerr << "psoas-atlas: " << text << '\n'; }

std::string timestampedName() {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char name[64];
    std::strftime(name, sizeof name, "psoas-atlas-%Y%m%d-%H%M%S.png", &local);
    return name;
}
}  // namespace

Application::Application(Options options)
    : options_(std::move(options)), scene_(loadInitialScene(options_)),
      antiAliasing_(options_.antiAliasing.value_or(AntiAliasing::EdgeFilter)), screenshotBackground_(options_.background) {
    displaySize_ = {static_cast<float>(options_.width), static_cast<float>(options_.height)};
    if (options_.model)
        for (const SceneStructure& s : scene_.structures) coverText(scene_.title + s.info.name);
    else coverFile(dataDirectory() / "models" / "atlas.toml");
    if (options_.model && options_.lesson) throw UsageError("--lesson: lessons use the built-in model set, not --model files");
    if (!options_.model) {
        try {
            poses_ = loadPoseLibrary(dataDirectory() / "models" / "poses");
        } catch (const DataFileError& e) {
            logLine(e.what());  // the viewer still works, in the neutral pose
        }
        for (const PoseFile& pose : poses_) coverFile(pose.file);
    }
    SessionSetup setup;
    setup.poses = poses_;
    setup.withMotion = !options_.model;
    setup.homeView = options_.view;
    // The first step is framed for the shape the first frame will have: an image's own layout.
    setup.viewAspect = layoutFor(displaySize_, options_.noUi, !options_.model).sceneAspect();
    session_ = std::make_unique<ViewerSession>(scene_, std::move(setup));
    if (options_.breath) session_->apply(act::HoldBreath{*options_.breath});
    if (options_.model) return;
    loadLessons();
    openLessonFromOptions();
    // A view asked for on the command line wins over the step's (issue 12, defect 5).
    if (options_.view && session_->lessonPlayer().active()) {
        apply(act::ShowView{*options_.view});
        apply(act::FinishTransitions{});
    }
    traceStartup("poses and lessons loaded");
    if (options_.pose) {
        // A pose asked for by name shows that pose on its own, outside any lesson.
        int index = -1;
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < poses_.size(); ++i) {
            ids.push_back(poses_[i].id);
            if (poses_[i].id == *options_.pose) index = static_cast<int>(i);
        }
        if (index < 0) {
            const std::string guess = closestMatch(*options_.pose, ids);
            throw UsageError("--pose: no pose '" + *options_.pose + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
        }
        if (!options_.lesson) session_->apply(act::CloseLesson{});
        MotionChange change;
        change.pose = index;
        session_->apply(act::ChangeMotion{change});
        session_->apply(act::FinishTransitions{});
    }
}

void Application::apply(const SessionAction& action) {
    const bool wasPresenter = session_->presenter();
    session_->apply(action);
    if (session_->presenter() != wasPresenter) {
        presenterHintUntil_ = now() + 6.0;
        if (window_ && !scripted_ && window_->fullscreen() != session_->presenter()) window_->toggleFullscreen();
    }
    uploadMotion();
}

void Application::advance(double seconds) {
    session_->advance(seconds);
    uploadMotion();
}

void Application::uploadMotion() {
    const SceneMotion* motion = session_->sceneMotion();
    if (!frameRenderer_ || !motion || uploadedMotion_ == session_->motionRevision()) return;
    uploadedMotion_ = session_->motionRevision();
    for (std::size_t i = 0; i < scene_.structures.size(); ++i)
        if (const auto* positions = motion->positions(i)) frameRenderer_->updateVertices(i, *positions, *motion->normals(i));
}

void Application::tellViewAspect(bool reframe) { apply(act::SetViewAspect{layout().sceneAspect(), reframe}); }

ui::MotionView Application::motionView() const {
    const MotionSettings settings = session_->motion().settings();
    ui::MotionView view;
    for (const PoseFile& pose : poses_) view.poseNames.push_back(pose.name);
    view.pose = std::max(settings.pose, 0);
    view.breathing = settings.breathing;
    view.deep = settings.depth == BreathDepth::Deep;
    view.rate = settings.breathsPerMinute;
    view.exaggeration = settings.exaggeration;
    view.colourByLength = settings.colourByLength;
    view.readouts = &session_->sceneMotion()->readouts();
    view.domeDescentMm = session_->sceneMotion()->domeDescentMm();
    view.history = &session_->lengthHistory();
    view.curve = &session_->lengthCurve();
    view.hipFlexion = session_->motion().currentPose().hipRight.flexion;
    return view;
}

void Application::loadLessons() {
    lessonSources_ = lessonSources(options_);
    lessonSignature_ = LessonLibrary::signature(lessonSources_);
    library_ = LessonLibrary::load(lessonSources_, builtInVocabulary(), &library_);
    lessonList_.clear();
    for (const LessonEntry& entry : library_.entries()) {
        ui::LessonListItem item;
        item.title = entry.lesson ? entry.lesson->title : entry.file.filename().string();
        item.origin = entry.origin;
        for (const Diagnostic& d : entry.problems) item.problems.push_back(d.format());
        coverFile(entry.file);
        coverText(item.origin);
        for (const std::string& problem : item.problems) coverText(problem);
        lessonList_.push_back(std::move(item));
    }
    for (const Diagnostic& d : library_.problems()) logLine(d.format());
}

void Application::openLessonFromOptions() {
    if (!options_.lesson) {
        // Start where a class starts: the first lesson that can be opened, at its first step.
        for (const LessonEntry& entry : library_.entries())
            if (entry.lesson) {
                apply(act::OpenLesson{*entry.lesson, 0});
                break;
            }
        return;
    }
    const Lesson* lesson = library_.find(*options_.lesson);
    if (!lesson) {
        std::vector<std::string> ids;
        for (const LessonEntry& entry : library_.entries())
            if (entry.lesson) ids.push_back(entry.lesson->id);
        const std::string guess = closestMatch(*options_.lesson, ids);
        throw UsageError("--lesson: no lesson '" + *options_.lesson + "'" +
                         (guess.empty() ? "; see --list-lessons" : " (did you mean '" + guess + "'?)"));
    }
    if (options_.step > static_cast<int>(lesson->steps.size()))
        throw UsageError("--step: lesson '" + lesson->id + "' has " + std::to_string(lesson->steps.size()) + " steps");
    apply(act::OpenLesson{*lesson, options_.step - 1});
}

bool Application::openLesson(std::string_view id, int step) {
    const Lesson* lesson = library_.find(id);
    if (!lesson) return false;
    apply(act::OpenLesson{*lesson, step});
    return true;
}

void Application::reloadLessonsIfChanged() {
    if (lessonSources_.empty() || now() < nextLessonCheck_) return;
    nextLessonCheck_ = now() + kLessonCheckSeconds;
    checkLessonFiles();
}

void Application::checkLessonFiles() {
    if (LessonLibrary::signature(lessonSources_) == lessonSignature_) return;
    const LessonPlayer& player = session_->lessonPlayer();
    const std::string openId = player.active() ? player.lesson().id : "";
    try {
        loadLessons();
    } catch (const std::exception& e) {
        setStatus(std::string("Lessons not reloaded: ") + e.what());
        return;
    }
    const Lesson* lesson = openId.empty() ? nullptr : library_.find(openId);
    if (lesson) apply(act::ReloadLesson{*lesson});
    if (!library_.folderProblems().empty()) {
        // A lesson folder went away or became unreadable; its lessons stay as they were. Said once,
        // when it happens: the files' signature does not change again until the folder does.
        const Diagnostic& problem = library_.folderProblems().front();
        setStatus(problem.file.string() + " " + problem.message, false);  // loadLessons logged it
    } else if (lesson) {
        setStatus("Reloaded lesson '" + lesson->title + "'");
    } else if (!openId.empty()) {
        // Keep teaching from the last good version; the list shows what to fix in the file.
        setStatus("Lesson '" + openId + "' has problems now; showing its last good version (see the Lesson tab)");
    }
}

std::vector<ui::LabelAnchor> Application::labelAnchors() const {
    std::vector<ui::LabelAnchor> anchors;
    const ViewRect area = layout().scene;
    const OrbitCamera& camera = session_->camera();
    for (const PosedLabel& label : session_->labels()) {
        // A point behind the camera has no place on screen; its label waits until it turns back.
        if (glm::dot(label.point - camera.eye(), camera.forward()) <= 0.0f) continue;
        anchors.push_back({label.text, area.origin + camera.project(label.point, area.size)});
    }
    return anchors;
}

Application::~Application() {
    if (window_ && gMonitorListener == window_->handle()) gMonitorListener = nullptr;
    frameRenderer_.reset();
    if (imguiReady_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    window_.reset();
}

double Application::now() const { return window_ ? glfwGetTime() : 0.0; }

ViewerLayout Application::layoutFor(glm::vec2 displaySize, bool slideLayout, bool lessonOpen) const {
    return psoas::layoutFor(displaySize, effectiveUiScale(), slideLayout ? LayoutMode::Slide : LayoutMode::Panels, lessonOpen,
                            captionHeight_);
}

ViewerLayout Application::layout() const {
    return layoutFor(displaySize_, !showUi_ || session_->presenter(), session_->lessonPlayer().active());
}
void Application::openWindow(bool visible, int width, int height) {
    window_ = std::make_unique<Window>(WindowOptions{width, height, visible, options_.glDebug, "Psoas Atlas"});
    if (options_.glDebug) render::installGlDebugOutput(logLine);
    glfwSetWindowUserPointer(window_->handle(), this);
    // Ours first: ImGui's backend chains to callbacks already installed when it initialises.
    glfwSetMouseButtonCallback(window_->handle(), [](GLFWwindow* w, int b, int a, int m) { fromWindow(w)->onMouseButton(b, a, m); });
    glfwSetCursorPosCallback(window_->handle(), [](GLFWwindow* w, double x, double y) { fromWindow(w)->onCursorMoved(x, y); });
    glfwSetScrollCallback(window_->handle(), [](GLFWwindow* w, double, double y) { fromWindow(w)->onScroll(y); });
    glfwSetKeyCallback(window_->handle(), [](GLFWwindow* w, int k, int, int a, int m) { fromWindow(w)->onKey(k, a, m); });
    glfwSetWindowFocusCallback(window_->handle(), [](GLFWwindow* w, int focused) { fromWindow(w)->onFocus(focused != 0); });
    // Uncovered, resized or moved to another screen: the picture must be drawn again.
    glfwSetCharCallback(window_->handle(), [](GLFWwindow* w, unsigned int) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
    glfwSetCursorEnterCallback(window_->handle(), [](GLFWwindow* w, int) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
    glfwSetWindowRefreshCallback(window_->handle(), [](GLFWwindow* w) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
    glfwSetFramebufferSizeCallback(window_->handle(), [](GLFWwindow* w, int, int) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
    traceStartup("window and GL context open");
    frameRenderer_ = std::make_unique<render::FrameRenderer>(scene_);
    traceStartup("meshes uploaded, shaders built");
}

void Application::initialiseUi(float uiScale) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    // No imgui.ini: every panel is placed by the program from the window size and UI scale, so
    // there is no layout to keep, and ImGui would write the file into the working directory.
    io.IniFilename = nullptr;
    uiScale_ = uiScale;
    builtFontScale_ = effectiveUiScale();
    ui::applyViewerStyle(builtFontScale_);
    fonts_ = ui::loadFonts(builtFontScale_, glyphs_);
    glyphsAdded_ = false;
    if (!fonts_.warning.empty()) setStatus(fonts_.warning, true);  // e.g. no font for a Chinese file name: on screen too
    ImGui_ImplGlfw_InitForOpenGL(window_->handle(), true);
    // After ImGui: its 1.86 backend sets a monitor callback of its own that does nothing and does
    // not pass the event on, so one installed before it would never hear of an unplugged projector.
    gMonitorListener = window_->handle();
    glfwSetMonitorCallback([](GLFWmonitor* monitor, int event) {
        if (event == GLFW_DISCONNECTED && gMonitorListener) fromWindow(gMonitorListener)->onMonitorDisconnected(monitor);
    });
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imguiReady_ = true;
    traceStartup("ImGui ready");
}

int Application::run() {
    if (options_.screenshot) {
        const Image image = renderImage(options_.width, options_.height, options_.background, !options_.noUi);
        traceStartup("image read back");
        const std::string problem = writePng(image, *options_.screenshot);
        traceStartup("PNG written");
        if (!problem.empty()) {
            std::cerr << "error: " << options_.screenshot->string() << ": " << problem << '\n';
            return 2;
        }
        return 0;
    }

    if (options_.exportLesson) return exportLesson(*options_.exportLesson, *options_.outDir);
    if (options_.bench) return bench();
    if (options_.record) return record(*options_.record, options_.seconds);
    if (options_.soak > 0) return soak(options_.soak);
    if (options_.script) return runScript(*options_.script);

    startWindow();
    while (!window_->shouldClose()) windowFrame();
    finishWindow();
    return 0;
}

void Application::startWindow() {
    settingsFile_ = configDirectory() / "settings.toml";
    const LoadedSettings saved = loadSettings(settingsFile_);
    if (!saved.warning.empty()) logLine(saved.warning);
    const bool sizeFromSettings = !options_.sizeGiven;
    openWindow(true, sizeFromSettings ? saved.settings.windowWidth : options_.width,
               sizeFromSettings ? saved.settings.windowHeight : options_.height);
    if (sizeFromSettings && saved.settings.windowX && saved.settings.windowY)
        glfwSetWindowPos(window_->handle(), *saved.settings.windowX, *saved.settings.windowY);
    window_->keepOnScreen();  // a place saved beside a projector that is no longer there
    initialiseUi(saved.settings.uiScale > 0.0f ? saved.settings.uiScale : window_->contentScale());
    screenshotBackground_ = saved.settings.screenshotBackground;
    if (!options_.antiAliasing) antiAliasing_ = saved.settings.antiAliasing;
    // Back where the teacher left off, unless the command line asked for a lesson.
    if (!options_.lesson && !saved.settings.lastLesson.empty())
        if (const Lesson* lesson = library_.find(saved.settings.lastLesson)) apply(act::OpenLesson{*lesson, saved.settings.lastStep});
    if (!saved.warning.empty()) setStatus("Settings were damaged; the defaults are used (details on the terminal)");
    if (options_.present) apply(act::SetPresenter{true});
    displaySize_ = window_->windowSize();
    tellViewAspect(false);
    // Outside a lesson the window opens on the home view framed for its own shape; a step keeps
    // the view it glides to (and --view keeps the one it asked for).
    if (!session_->lessonPlayer().active()) apply(act::SetCamera{session_->homePose()});
    storedRevision_ = session_->lessonPlayer().revision();
}

void Application::windowFrame() {
    if (window_->minimised()) {
        // Nothing to draw into: sleep until restored instead of spinning through empty frames.
        glfwWaitEventsTimeout(0.25);
        return;
    }
    // Sleep while nothing moves: a viewer left open through a class should not heat the laptop. It
    // wakes for input (every callback asks for frames), and for the next thing due on a clock.
    if (session_->moving() || input_.dragging() || slideExport_ || framesToDraw_ > 0) {
        glfwPollEvents();
    } else {
        // Without lesson files to watch (a --model file) only the status and the hint fall due.
        double due = lessonSources_.empty() ? now() + 1.0 : nextLessonCheck_;
        if (!status_.empty()) due = std::min(due, statusUntil_);
        if (presenterHintUntil_ > now()) due = std::min(due, presenterHintUntil_);
        glfwWaitEventsTimeout(std::clamp(due - now(), 0.01, 1.0));
        // Woken by the clock, not by an event: draw only if something due changed what is shown.
        if (framesToDraw_ == 0) {
            const std::string statusBefore = status_;
            const std::uint64_t revisionBefore = session_->lessonPlayer().revision();
            reloadLessonsIfChanged();
            const bool hintEnded = presenterHintUntil_ > 0.0 && now() > presenterHintUntil_;
            if (hintEnded) presenterHintUntil_ = 0.0;
            if (!status_.empty() && now() > statusUntil_) status_.clear();
            if (status_ == statusBefore && session_->lessonPlayer().revision() == revisionBefore && !hintEnded) return;
            framesToDraw_ = kFramesAfterEvent;
        }
    }
    if (window_->minimised()) return;
    drawWindowFrame(window_->windowSize(), window_->framebufferSize());
    window_->swapBuffers();
    if (framesToDraw_ > 0) --framesToDraw_;
}

void Application::drawWindowFrame(glm::vec2 windowSize, glm::ivec2 framebuffer) {
    // A minimised window can report 0 x 0 before (or instead of) saying it is iconified: there is
    // nothing to draw into, and the 3D view's shape would be 0 / 0.
    if (framebuffer.x <= 0 || framebuffer.y <= 0 || windowSize.x <= 0.0f || windowSize.y <= 0.0f) return;
    const double frameTime = now();
    const double elapsed = std::max(frameTime - lastFrameTime_, 0.0);
    lastFrameTime_ = frameTime;
    reloadLessonsIfChanged();
    if (!status_.empty() && now() > statusUntil_) status_.clear();
    continueSlideExport();
    displaySize_ = windowSize;
    updateHover();
    step(elapsed, {windowSize, framebuffer, nullptr, ui::ScreenshotBackground::Dark});
    storeSettingsOnStepChange();
    if (screenshotRequested_) saveScreenshot();
}

void Application::step(double seconds, const FrameTarget& target, FrameTimes* times) {
    using Clock = std::chrono::steady_clock;
    auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    const auto start = Clock::now();
    displaySize_ = target.displaySize;
    tellViewAspect(true);
    advance(seconds);
    const auto advanced = Clock::now();
    buildUi(target.displaySize, glm::vec2(target.framebufferSize) / glm::max(target.displaySize, glm::vec2(1.0f)));
    const auto laidOut = Clock::now();
    const render::BoundTarget bound(target.image, target.framebufferSize);
    drawScene(bound, target.framebufferSize, target.background);
    const auto sceneDrawn = Clock::now();
    if (!session_->blank()) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!times) return;
    times->advanceMs = ms(start, advanced);
    times->uiMs = ms(advanced, laidOut) + ms(sceneDrawn, Clock::now());
    times->sceneMs = ms(laidOut, sceneDrawn);
}

void Application::finishWindow() { storeSettings(); }

Image Application::renderImage(int width, int height, ui::ScreenshotBackground background, bool withUi) {
    if (!window_) {
        // Images are drawn offscreen at their own size; the hidden window only carries the GL
        // context, so it is kept tiny: its own colour and depth buffers would otherwise cost
        // ~25 MB at 1920x1080 on software GL.
        openWindow(false, 64, 64);
        initialiseUi(1.0f);  // fixed scale: the same command gives the same image on every machine
    }
    const bool wasShowingUi = showUi_;
    const float wasScale = uiScale_;
    showUi_ = withUi;
    // Slides are shown large: their text grows with the picture (1.0 at 720 lines, 1.5 at 1080) so
    // a caption reads the same on a projected slide whatever size it was exported at.
    if (!withUi) uiScale_ = std::clamp(static_cast<float>(height) / 720.0f, 1.0f, 3.0f);
    displaySize_ = {static_cast<float>(width), static_cast<float>(height)};
    // Images show a step as the window would once its transitions have finished, framed for
    // their own 3D view.
    apply(act::SetViewAspect{layout().sceneAspect(), true, 0.0f});
    apply(act::FinishTransitions{});
    render::OffscreenTarget target(width, height, sceneNeedsTargetDepth());
    // ImGui lays windows out over a couple of frames (auto-sized windows measure themselves
    // first); three frames give the settled layout the window would show. Only the last is drawn:
    // the layout needs no pixels, and each drawn frame costs tens of milliseconds on software GL.
    constexpr int kSettlingFrames = 3;
    const glm::vec2 display{static_cast<float>(width), static_cast<float>(height)};
    for (int frame = 1; frame < kSettlingFrames; ++frame) {
        buildUi(display, {1.0f, 1.0f});
        traceStartup("UI laid out");
    }
    step(0.0, {display, {width, height}, &target, background});
    traceStartup("frame submitted");
    Image image = target.read();
    showUi_ = wasShowingUi;
    uiScale_ = wasScale;
    return image;
}

void Application::coverText(std::string_view text) {
    if (glyphs_.add(text)) glyphsAdded_ = true;
}

void Application::coverFile(const std::filesystem::path& file) {
    coverText(file.string());
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) > (1u << 20) || ec) return;  // too big to be shown: the loader refuses it
    std::ifstream in(file, std::ios::binary);
    coverText(std::string(std::istreambuf_iterator<char>(in), {}));
}

void Application::rebuildFontsIfNeeded() {
    if (builtFontScale_ == effectiveUiScale() && !glyphsAdded_) return;
    // Fonts are rasterised at the size they are shown, so text stays crisp at every scale.
    builtFontScale_ = effectiveUiScale();
    glyphsAdded_ = false;
    ui::applyViewerStyle(builtFontScale_);
    fonts_ = ui::loadFonts(builtFontScale_, glyphs_);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Application::storeSettings() {
    if (settingsFile_.empty() || !window_) return;
    Settings settings;
    settings.uiScale = uiScale_;
    if (const LessonPlayer& player = session_->lessonPlayer(); player.active()) {
        settings.lastLesson = player.lesson().id;
        settings.lastStep = player.stepIndex();
    }
    if (!window_->fullscreen()) {
        int x = 0, y = 0, w = 0, h = 0;
        glfwGetWindowPos(window_->handle(), &x, &y);
        glfwGetWindowSize(window_->handle(), &w, &h);
        settings.windowX = x;
        settings.windowY = y;
        if (w > 0 && h > 0) settings.windowWidth = w, settings.windowHeight = h;
    }
    settings.screenshotBackground = screenshotBackground_;
    settings.antiAliasing = antiAliasing_;
    const std::string problem = saveSettings(settings, settingsFile_);
    if (!problem.empty() && problem != settingsProblem_) setStatus("Settings not saved: " + problem);
    settingsProblem_ = problem;
}

// A crash or power cut mid-class loses nothing: each step reached is kept.
void Application::storeSettingsOnStepChange() {
    if (session_->lessonPlayer().revision() == storedRevision_) return;
    storedRevision_ = session_->lessonPlayer().revision();
    storeSettings();
}

void Application::setUiScale(float scale) {
    uiScale_ = std::clamp(scale, 1.0f, 3.0f);
    storeSettings();
    setStatus("Text and lines at " + std::to_string(static_cast<int>(std::lround(uiScale_ * 100.0f))) + " %");
}

void Application::openBreathingStep() {
    if (options_.lesson) return;  // --lesson/--step chose already
    // The default workload: the breathing lesson's first step that breathes (the heaviest steady case).
    if (const Lesson* lesson = library_.find("breathing")) {
        for (std::size_t i = 0; i < lesson->steps.size(); ++i)
            if (lesson->steps[i].breathing && lesson->steps[i].breathing->on) {
                apply(act::OpenLesson{*lesson, static_cast<int>(i)});
                return;
            }
    }
}

int Application::bench() {
    const int width = options_.width, height = options_.height, frames = options_.frames;
    openBreathingStep();
    (void)renderImage(width, height, ui::ScreenshotBackground::Dark, true);  // window, fonts, first frame
    render::finishGpuWork();
    const double startupMs = millisecondsSince(kProcessStart);

    render::OffscreenTarget target(width, height);
    const glm::vec2 display{static_cast<float>(width), static_cast<float>(height)};
    std::vector<double> frameMs, animationMs, submitMs, uiMs, waitMs;
    for (auto* v : {&frameMs, &animationMs, &submitMs, &uiMs, &waitMs}) v->reserve(static_cast<std::size_t>(frames));
    const double dt = 1.0 / 60.0;
    using Clock = std::chrono::steady_clock;
    for (int i = 0; i < frames; ++i) {
        const auto start = Clock::now();
        FrameTimes times;
        step(dt, {display, {width, height}, &target, ui::ScreenshotBackground::Dark}, &times);
        const auto submitted = Clock::now();
        render::finishGpuWork();
        const auto done = Clock::now();
        auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
        animationMs.push_back(times.advanceMs);
        uiMs.push_back(times.uiMs);
        submitMs.push_back(times.sceneMs);
        waitMs.push_back(ms(submitted, done));
        frameMs.push_back(ms(start, done));
    }

    // The floor: the same triangles in the same pose, drawn the simplest way, at the same size.
    render::FloorRenderer floor(scene_);
    std::vector<bool> visible(scene_.structures.size());
    std::vector<glm::mat4> models(scene_.structures.size(), glm::mat4(1.0f));
    for (std::size_t i = 0; i < scene_.structures.size(); ++i) {
        visible[i] = session_->displayOpacity()[i] > 0.003f;
        if (const SceneMotion* motion = session_->sceneMotion()) {
            models[i] = motion->model(i);
            if (const auto* positions = motion->positions(i)) floor.updateVertices(i, *positions, *motion->normals(i));
        }
    }
    const glm::ivec2 floorSize{width, height};
    std::vector<double> floorMs;
    {
        const render::BoundTarget bound(&target, floorSize);
        for (int i = 0; i < frames; ++i) {
            const auto start = Clock::now();
            floor.render(session_->camera(), floorSize, models, visible);
            render::finishGpuWork();
            floorMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        }
    }
    const std::string renderer = render::rendererName();
    std::printf("{\"startup_ms\": %.1f, \"frame_ms_median\": %.3f, \"frame_ms_p95\": %.3f, \"floor_frame_ms_median\": %.3f, "
                "\"animation_cpu_ms\": %.4f, \"submit_cpu_ms\": %.3f, \"ui_cpu_ms\": %.3f, \"gpu_wait_ms\": %.3f, "
                "\"peak_rss_mb\": %.1f, \"size\": \"%dx%d\", \"frames\": %d, \"triangles\": %zu, \"gl_renderer\": \"%s\"}\n",
                startupMs, percentile(frameMs, 0.5), percentile(frameMs, 0.95), percentile(floorMs, 0.5),
                percentile(animationMs, 0.5), percentile(submitMs, 0.5), percentile(uiMs, 0.5), percentile(waitMs, 0.5),
                peakResidentMegabytes(), width, height, frames, scene_.triangleCount(), renderer.c_str());
    return 0;
}

int Application::record(const std::filesystem::path& file, double seconds) {
    const int width = options_.width, height = options_.height;
    const bool slides = options_.noUi;
    renderImage(width, height, options_.background, !slides);  // window, fonts, the step settled
    const bool showProgress = isatty(STDERR_FILENO) != 0;  // a progress bar in a log file is noise
    try {
        VideoEncoder video(file, width, height, 30);
        render::OffscreenTarget target(width, height, sceneNeedsTargetDepth());
        const int frames = static_cast<int>(std::lround(seconds * 30.0));
        const double dt = 1.0 / 30.0;
        showUi_ = !slides;
        for (int i = 0; i < frames; ++i) {
            // A fixed 1/30 s a frame: the video's clock, not the machine's.
            step(dt, {{static_cast<float>(width), static_cast<float>(height)}, {width, height}, &target, options_.background});
            video.write(target.read());
            const int filled = ((i + 1) * 30) / std::max(frames, 1);
            if (showProgress)
                std::cerr << "\rRecording [" << std::string(static_cast<std::size_t>(filled), '#')
                          << std::string(static_cast<std::size_t>(30 - filled), ' ') << "] " << i + 1 << "/" << frames << std::flush;
        }
        video.finish();
        if (showProgress) std::cerr << '\n';
    } catch (const VideoError& e) {
        if (showProgress) std::cerr << '\n';
        std::cerr << "error: " << file.string() << ": " << e.what() << '\n';
        return 2;
    }
    return 0;
}

int Application::soak(int frames) {
    options_.glDebug = true;  // count every GL error the long run provokes
    openBreathingStep();
    renderImage(320, 180, ui::ScreenshotBackground::Dark, true);
    render::resetGlDebugStats();
    render::OffscreenTarget target(320, 180, sceneNeedsTargetDepth());
    const double dt = 1.0 / 60.0;
    double rssStart = 0.0;
    const auto started = std::chrono::steady_clock::now();
    for (int i = 1; i <= frames; ++i) {
        // A class's worth of churn: a new step every 10 s of animation, a forced lesson reload every 40 s.
        if (i % 600 == 0 && session_->lessonPlayer().active()) {
            if (session_->lessonPlayer().stepIndex() + 1 < session_->lessonPlayer().stepCount()) apply(act::NextStep{});
            else apply(act::FirstStep{});
        }
        if (i % 2400 == 0) {
            lessonSignature_.clear();
            checkLessonFiles();
        }
        step(dt, {{320.0f, 180.0f}, {320, 180}, &target, ui::ScreenshotBackground::Dark});
        render::finishGpuWork();  // a frame ends here, as a swap ends it in the window; without it llvmpipe queues frames and memory grows
        if (i == std::min(1000, frames)) rssStart = memoryInUseMegabytes();  // after warm-up: caches and fonts are built
        if (i % 5000 == 0) std::fprintf(stderr, "\rsoak: %d / %d frames", i, frames);
    }
    render::finishGpuWork();
    const double rssEnd = memoryInUseMegabytes();
    std::fprintf(stderr, "\r%*s\r", 40, "");
    std::printf("{\"frames\": %d, \"rss_start_mb\": %.2f, \"rss_end_mb\": %.2f, \"rss_growth_mb\": %.2f, \"gl_errors\": %zu, "
                "\"seconds\": %.1f}\n",
                frames, rssStart, rssEnd, rssEnd - rssStart, render::glDebugStats().errors, millisecondsSince(started) / 1000.0);
    return render::glDebugStats().errors == 0 ? 0 : 1;
}

int Application::runScript(const std::filesystem::path& file) {
    const std::vector<ScriptCommand> script = loadInputScript(file);  // bad lines: file:line:col, exit 2
    const std::filesystem::path folder = options_.outDir.value_or(".");
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    options_.glDebug = true;  // count every GL error the run provokes
    scripted_ = true;
    const glm::ivec2 size{options_.width, options_.height};
    const glm::vec2 display(size);
    (void)renderImage(size.x, size.y, screenshotBackground_, true);  // the hidden window, fonts, a first frame
    render::resetGlDebugStats();
    render::OffscreenTarget target(size.x, size.y, sceneNeedsTargetDepth());
    constexpr double kFrame = 1.0 / 60.0;
    auto frames = [&](int count) {
        for (int i = 0; i < count; ++i) {
            updateHover();
            step(kFrame, {display, size, &target, ui::ScreenshotBackground::Dark});
            render::finishGpuWork();
        }
    };
    auto moveTo = [&](glm::vec2 p) { onCursorMoved(p.x, p.y); };
    for (const ScriptCommand& command : script) {
        using Kind = ScriptCommand::Kind;
        switch (command.kind) {
            case Kind::Key:
                onKeyPress(command.chord);
                frames(2);  // pressed, released
                break;
            case Kind::Move: moveTo(command.to), frames(1); break;
            case Kind::Click:
                moveTo(command.to), frames(1);
                onMouseButton(GLFW_MOUSE_BUTTON_LEFT, GLFW_PRESS, 0), frames(1);
                onMouseButton(GLFW_MOUSE_BUTTON_LEFT, GLFW_RELEASE, 0), frames(1);
                break;
            case Kind::Drag: {
                const int button = command.right ? GLFW_MOUSE_BUTTON_RIGHT : GLFW_MOUSE_BUTTON_LEFT;
                moveTo(command.from), frames(1);
                onMouseButton(button, GLFW_PRESS, 0);
                constexpr int kDragFrames = 10;
                for (int i = 1; i <= kDragFrames; ++i)
                    moveTo(command.from + (command.to - command.from) * (static_cast<float>(i) / kDragFrames)), frames(1);
                onMouseButton(button, GLFW_RELEASE, 0), frames(1);
                break;
            }
            case Kind::Scroll: onScroll(command.value), frames(1); break;
            case Kind::Wait: frames(static_cast<int>(std::lround(command.value / kFrame))); break;
            case Kind::Lesson:
                if (!openLesson(command.name, static_cast<int>(command.value) - 1)) {
                    std::cerr << file.string() << ':' << command.line << ":1: no lesson '" << command.name << "'\n";
                    return 2;
                }
                frames(1);
                break;
            case Kind::Screenshot:
                if (const std::string problem = writePng(target.read(), folder / (command.name + ".png")); !problem.empty()) {
                    std::cerr << "error: " << (folder / (command.name + ".png")).string() << ": " << problem << '\n';
                    return 2;
                }
                break;
        }
        if (window_->shouldClose()) break;  // Ctrl+Q
    }
    const std::size_t errors = render::glDebugStats().errors;
    std::printf("{\"commands\": %zu, \"seconds\": %.2f, \"gl_errors\": %zu}\n", script.size(), session_->clock(), errors);
    return errors == 0 ? 0 : 1;
}

void Application::startSlideExport() {
    if (!session_->lessonPlayer().active() || slideExport_) return;
    SlideExport job;
    job.lesson = session_->lessonPlayer().lesson();
    std::string stamp = timestampedName();  // "psoas-atlas-YYYYmmdd-HHMMSS.png"
    stamp = stamp.substr(0, stamp.size() - 4);
    job.folder = picturesDirectory() / (stamp + "-" + job.lesson.id);
    job.returnStep = session_->lessonPlayer().stepIndex();
    job.returnCamera = session_->camera().pose;
    std::error_code ec;
    std::filesystem::create_directories(job.folder, ec);
    if (ec) {
        setStatus("Slides not exported: cannot create " + job.folder.string() + " (" + ec.message() + ")");
        return;
    }
    slideExport_ = std::move(job);
}

void Application::continueSlideExport() {
    if (!slideExport_) return;
    SlideExport& job = *slideExport_;
    const int steps = static_cast<int>(job.lesson.steps.size());
    if (job.next < steps) {
        const Image image = renderStep(job.lesson, job.next, {1920, 1080}, screenshotBackground_);
        job.images.push_back(stepImageName(job.next, job.lesson.steps[static_cast<std::size_t>(job.next)].title));
        if (const std::string problem = writePng(image, job.folder / job.images.back()); !problem.empty()) {
            setStatus("Slides not exported: " + problem);
            slideExport_.reset();
            return;
        }
        ++job.next;
        return;
    }
    if (const std::string problem = saveWholeFile(job.folder / "index.html", handoutHtml(job.lesson, job.images)); !problem.empty()) {
        setStatus("Handout not exported: " + problem);
        slideExport_.reset();
        return;
    }
    // Back to where the teacher was, as if nothing had happened.
    displaySize_ = window_->windowSize();
    tellViewAspect(false);
    apply(act::OpenLesson{job.lesson, job.returnStep});
    apply(act::FinishTransitions{});
    apply(act::SetCamera{job.returnCamera});
    setStatus("Exported " + std::to_string(steps) + " slides and index.html to " + job.folder.string());
    slideExport_.reset();
}

// One slide: the step staged for the slide layout at the image's size, as the window shows it once
// its transitions end. The window's export and --export-lesson both draw their slides here.
Image Application::renderStep(const Lesson& lesson, int step, glm::ivec2 size, ui::ScreenshotBackground background) {
    const bool wasShowingUi = showUi_;
    showUi_ = false;
    displaySize_ = glm::vec2(size);
    tellViewAspect(false);  // framed for the slide's 3D view, not the window's
    showUi_ = wasShowingUi;
    apply(act::OpenLesson{lesson, step});
    return renderImage(size.x, size.y, background, false);
}

int Application::exportLesson(const std::string& id, const std::filesystem::path& folder) {
    const Lesson* lesson = library_.find(id);
    if (!lesson) throw UsageError("--export-lesson: no lesson '" + id + "'; see --list-lessons");
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec || !std::filesystem::is_directory(folder)) {
        std::cerr << "error: " << folder.string() << ": cannot create the folder (" << ec.message() << ")\n";
        return 2;
    }
    const Lesson copy = *lesson;  // the library may reload while we work; keep what we export steady
    std::vector<std::string> images;
    const int steps = static_cast<int>(copy.steps.size());
    for (int i = 0; i < steps; ++i) {
        // Progress on the terminal: exporting a long lesson at full HD takes several seconds.
        const int filled = (i * 30) / std::max(steps, 1);
        std::cerr << "\rExporting '" << copy.id << "' [" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(30 - filled), ' ') << "] " << i << "/" << steps << std::flush;
        const Image image = renderStep(copy, i, {options_.width, options_.height}, options_.background);
        images.push_back(stepImageName(i, copy.steps[static_cast<std::size_t>(i)].title));
        if (const std::string problem = writePng(image, folder / images.back()); !problem.empty()) {
            std::cerr << "\nerror: " << (folder / images.back()).string() << ": " << problem << '\n';
            return 2;
        }
    }
    const std::filesystem::path index = folder / "index.html";
    if (const std::string problem = writeFileAtomically(index, handoutHtml(copy, images)); !problem.empty()) {
        std::cerr << "\nerror: " << index.string() << ": cannot be written (" << problem << ")\n";
        return 2;
    }
    std::cerr << "\rExported '" << copy.id << "': " << steps << " images and " << index.string() << std::string(12, ' ') << '\n';
    return 0;
}

void Application::buildUi(glm::vec2 displaySize, glm::vec2 framebufferScale) {
    rebuildFontsIfNeeded();
    ImGui_ImplOpenGL3_NewFrame();  // uploads the font atlas the first time
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->ClearTexData();  // the atlas is on the GPU now: its CPU copies are dead weight
    // Offscreen frames have the image's size, whatever the hidden window's size is.
    displaySize_ = displaySize;
    io.DisplaySize = {displaySize.x, displaySize.y};
    io.DisplayFramebufferScale = {framebufferScale.x, framebufferScale.y};
    ImGui::NewFrame();

    ui::ViewerUiState state;
    state.scene = &scene_;
    state.visibility = &session_->visibility();
    state.hovered = session_->quizOpen() ? -1 : session_->hovered();  // a name under the cursor would give the answer away
    state.selected = session_->selected();
    state.cursor = input_.cursor();
    state.showHelp = session_->showHelp();
    state.help = &helpEntries();
    state.background = screenshotBackground_;
    state.antiAliasing = antiAliasing_;
    state.status = status_;
    state.uiScale = effectiveUiScale();
    state.fonts = &fonts_;
    state.slideLayout = !showUi_ || session_->presenter();
    state.presenterTheme = session_->presenter();
    state.blank = session_->blank();
    state.captionHeight = state.slideLayout ? captionHeight_ : 0.0f;
    if (session_->presenter() && now() < presenterHintUntil_)
        state.presenterHint = std::string("PageDown / PageUp: steps   B: blank   A: autoplay") + (session_->autoplay() ? " (on)" : "") +
                              "   R: rotate   P: pause" + (session_->paused() ? " (paused)" : "") + "   Esc: leave";
    const ViewRect area = layout().scene;
    state.sceneView = area;
    state.panel = layout().panel;
    state.labels = labelAnchors();
    if (!options_.model) state.lessons = &lessonList_;
    const LessonPlayer& player = session_->lessonPlayer();
    state.attachmentLegend = player.active() && !player.step().attachments.empty();
    if (state.attachmentLegend) state.attachmentMuscles = attachmentLegendLines(scene_, player.step().attachments);
    if (slideExport_) {
        const int steps = static_cast<int>(slideExport_->lesson.steps.size());
        state.exportProgress = static_cast<float>(slideExport_->next) / static_cast<float>(std::max(steps, 1));
        state.exportText = "Step " + std::to_string(std::min(slideExport_->next + 1, steps)) + " of " + std::to_string(steps) +
                           " of '" + slideExport_->lesson.title + "' to " + slideExport_->folder.string();
    }
    if (const SceneMotion* motion = session_->sceneMotion()) {
        state.motion = motionView();
        const MotionSettings settings = session_->motion().settings();
        if (settings.breathing && settings.exaggeration > 1.0f) {
            char notice[96];
            const float dome = motion->domeShownFactor();
            if (dome + 0.05f < settings.exaggeration)
                std::snprintf(notice, sizeof notice, "Breathing motion shown \u00d7%.0f (diaphragm \u00d7%.1f); lengths are true",
                              settings.exaggeration, dome);
            else
                std::snprintf(notice, sizeof notice, "Breathing motion shown \u00d7%.0f; lengths are true", settings.exaggeration);
            state.notice = notice;
        }
    }
    state.lesson = lessonView();
    if (state.lesson)
        for (std::size_t i = 0; i < library_.entries().size(); ++i)
            if (library_.entries()[i].lesson && library_.entries()[i].lesson->id == player.lesson().id) state.openLesson = static_cast<int>(i);
    applyIntents(ui::drawViewerUi(state));
    ImGui::Render();
}

std::optional<ui::LessonView> Application::lessonView() const {
    const LessonPlayer& player = session_->lessonPlayer();
    if (!player.active()) return std::nullopt;
    const Lesson& lesson = player.lesson();
    ui::LessonView view;
    view.title = lesson.title;
    view.summary = lesson.summary;
    view.stepIndex = player.stepIndex();
    view.stepCount = player.stepCount();
    for (const LessonStep& s : lesson.steps) view.stepTitles.push_back(s.title);
    view.stepTitle = player.step().title;
    view.text = &session_->stepText();
    view.notes = player.step().notes;
    view.origin = lesson.origin;
    if (player.step().quiz) {
        view.quizPrompt = player.step().quiz->prompt;
        view.quizFeedback = session_->quizFeedback();
        view.quizRight = session_->quizRight();
    }
    int questions = 0;
    for (const LessonStep& s : lesson.steps) questions += s.quiz.has_value();
    const QuizScore& quiz = session_->quizScore();
    if (questions > 0)
        view.quizScore = "Score: " + std::to_string(quiz.answeredCount()) + " of " + std::to_string(questions) + " answered, " +
                         std::to_string(quiz.firstTryCorrect()) + " right on the first try";
    return view;
}

void Application::drawFrame(const render::BoundTarget& target, glm::ivec2 framebufferSize, ui::ScreenshotBackground background,
                            bool withUi) {
    drawScene(target, framebufferSize, background);
    if (withUi && !session_->blank()) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Application::drawScene(const render::BoundTarget& target, glm::ivec2 framebufferSize, ui::ScreenshotBackground background) {
    // Built from the session for this frame only: nothing of a look outlives its frame.
    frameRenderer_->render(session_->frameState(layout().scene, displaySize_, framebufferSize, backgroundColour(background), antiAliasing_),
                           target);
}

void Application::saveScreenshot() {
    screenshotRequested_ = false;
    const glm::ivec2 size = window_->framebufferSize();
    const std::filesystem::path file = picturesDirectory() / timestampedName();
    const bool wasShowingUi = showUi_;
    try {
        // Ctrl+F12 draws the slide layout for this one image: the panels are rebuilt without it.
        if (slideScreenshot_) {
            showUi_ = false;
            const glm::vec2 windowSize = window_->windowSize();
            buildUi(windowSize, glm::vec2(size) / glm::max(windowSize, glm::vec2(1.0f)));
        }
        // The frame just drawn, again, into an image: nothing moves on.
        render::OffscreenTarget target(size.x, size.y, sceneNeedsTargetDepth());
        Image image;
        {
            const render::BoundTarget bound(&target, size);
            drawFrame(bound, size, screenshotBackground_, true);
            image = target.read();
        }
        const std::string problem = writePng(image, file);
        setStatus(problem.empty() ? "Saved screenshot: " + file.string() : "Screenshot not saved to " + file.string() + ": " + problem);
    } catch (const std::exception& e) {
        setStatus(std::string("Screenshot not saved: ") + e.what());
    }
    showUi_ = wasShowingUi;
    slideScreenshot_ = false;
}

void Application::setStatus(std::string text, bool onTerminal) {
    if (onTerminal) logLine(text);
    coverText(text);
    status_ = std::move(text);
    statusUntil_ = now() + kStatusSeconds;
}

void Application::applyIntents(const ui::ViewerUiIntents& intents) {
    if (intents.select) apply(act::Select{*intents.select});
    if (intents.focus) apply(act::Focus{*intents.focus});
    if (intents.preset) apply(act::ShowView{*intents.preset});
    if (intents.resetView) apply(act::ResetView{});
    if (intents.setVisible) apply(act::SetVisible{intents.setVisible->first, intents.setVisible->second});
    if (intents.isolate) apply(act::Isolate{*intents.isolate});
    if (intents.leaveIsolation) apply(act::LeaveIsolation{});
    if (intents.showAll) apply(act::ShowAll{});
    if (intents.setOpacity) apply(act::SetOpacity{intents.setOpacity->first, intents.setOpacity->second});
    if (intents.screenshot) screenshotRequested_ = true;
    if (intents.toggleHelp) apply(act::ToggleHelp{});
    if (intents.background) screenshotBackground_ = *intents.background;
    if (intents.antiAliasing) antiAliasing_ = *intents.antiAliasing;
    if (intents.openLesson) {
        const auto index = static_cast<std::size_t>(*intents.openLesson);
        if (index < library_.entries().size() && library_.entries()[index].lesson)
            apply(act::OpenLesson{*library_.entries()[index].lesson, 0});
    }
    if (intents.closeLesson) apply(act::CloseLesson{});
    if (intents.exportSlides) startSlideExport();
    if (intents.nextStep) apply(act::NextStep{});
    if (intents.previousStep) apply(act::PreviousStep{});
    if (intents.jumpToStep) apply(act::JumpToStep{*intents.jumpToStep});
    if (intents.restartLesson) apply(act::RestartLesson{});
    const ui::MotionIntents& m = intents.motion;
    if (m.pose || m.breathing || m.deep || m.colourByLength || m.rate || m.exaggeration)
        apply(act::ChangeMotion{MotionChange{m.pose, m.breathing, m.deep, m.colourByLength, m.rate, m.exaggeration}});
    captionHeight_ = intents.captionHeight;
}

void Application::updateHover() { input_.updateHover(layout().scene, ImGui::GetIO().WantCaptureMouse); }

namespace {
PointerButton pointerButton(int glfwButton) {
    if (glfwButton == GLFW_MOUSE_BUTTON_LEFT) return PointerButton::Left;
    return glfwButton == GLFW_MOUSE_BUTTON_RIGHT ? PointerButton::Right : PointerButton::Middle;
}
}  // namespace

void Application::onMouseButton(int button, int action, int mods) {
    framesToDraw_ = kFramesAfterEvent;
    if (action == GLFW_PRESS) input_.buttonPressed(pointerButton(button), (mods & GLFW_MOD_SHIFT) != 0, ImGui::GetIO().WantCaptureMouse);
    else if (action == GLFW_RELEASE) input_.buttonReleased(pointerButton(button), layout().scene);
}

void Application::onCursorMoved(double x, double y) {
    framesToDraw_ = kFramesAfterEvent;
    input_.cursorMoved({static_cast<float>(x), static_cast<float>(y)}, layout().scene);
}

void Application::onScroll(double yOffset) {
    framesToDraw_ = kFramesAfterEvent;
    input_.scrolled(static_cast<float>(yOffset), layout().scene, ImGui::GetIO().WantCaptureMouse);
}

void Application::onFocus(bool focused) {
    framesToDraw_ = kFramesAfterEvent;
    if (!focused) input_.focusLost();
}

void Application::onMonitorDisconnected(GLFWmonitor* monitor) {
    if (!window_ || !window_->leaveLostMonitor(monitor)) return;
    setStatus("A screen was disconnected; the window moved to one that is still there (F11: full screen)");
}

void Application::onKey(int key, int action, int mods) {
    framesToDraw_ = kFramesAfterEvent;
    if (action == GLFW_PRESS) onKeyPress(keyChordFromGlfw(key, mods));
}

void Application::onKeyPress(KeyChord chord) {
    const auto command = input_.keyPress(chord, *session_, ImGui::GetIO().WantCaptureKeyboard);
    if (!command) return;
    switch (*command) {
        case ViewerAction::ToggleFullscreen:
            if (!scripted_) window_->toggleFullscreen();  // a script's picture is its offscreen image
            break;
        case ViewerAction::Screenshot: screenshotRequested_ = true; break;
        case ViewerAction::ScreenshotSlide:
            slideScreenshot_ = true;
            screenshotRequested_ = true;
            break;
        case ViewerAction::Quit: window_->requestClose(); break;
        case ViewerAction::ScaleUp: setUiScale(uiScale_ + 0.25f); break;
        case ViewerAction::ScaleDown: setUiScale(uiScale_ - 0.25f); break;
        case ViewerAction::ScaleReset: setUiScale(window_->contentScale()); break;
        case ViewerAction::ToggleAutoplay: setStatus(session_->autoplay() ? "Autoplay on" : "Autoplay off"); break;
        case ViewerAction::TogglePause: setStatus(session_->paused() ? "Paused (P resumes)" : "Resumed"); break;
        default: break;  // the session has it
    }
}

}  // namespace psoas::app
