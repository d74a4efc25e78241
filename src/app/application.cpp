#include "app/application.hpp"

#include "app/commands.hpp"
#include "app/image_file.hpp"
#include "app/input_map.hpp"
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
// Mouse gestures: a press that moves less than this is a click, not a drag; two clicks this close
// in time and space are a double-click (the usual desktop defaults).
constexpr float kClickSlopPixels = 4.0f;
constexpr double kDoubleClickSeconds = 0.35;
// Each wheel notch moves 15 % of the way toward the point under the cursor.
constexpr float kZoomPerNotch = 0.85f;
constexpr double kStatusSeconds = 5.0;
// Structures fade in and out over 0.6 s when a step changes what is shown: slow enough to see
// what appears, quick enough to keep the class's attention.
constexpr double kFadeSeconds = 0.6;
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
    Scene scene = options.model ? loadModelScene(*options.model) : loadScene(loadAtlas(dataDirectory() / "models" / "atlas.toml"));
    traceStartup("meshes loaded");
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
    : options_(std::move(options)), scene_(loadInitialScene(options_)), visibility_(scene_.structures.size()),
      antiAliasing_(options_.antiAliasing.value_or(AntiAliasing::EdgeFilter)), screenshotBackground_(options_.background) {
    displaySize_ = {static_cast<float>(options_.width), static_cast<float>(options_.height)};
    camera_.pose = homePose();
    displayOpacity_.assign(scene_.structures.size(), 1.0f);
    highlighted_.assign(scene_.structures.size(), false);
    paintRegions();
    if (options_.model) coverText(options_.model->string());
    else coverFile(dataDirectory() / "models" / "atlas.toml");
    if (options_.model) {
        if (options_.lesson) throw UsageError("--lesson: lessons use the built-in model set, not --model files");
        return;
    }
    loadMotion();
    loadLessons();
    openLessonFromOptions();
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
        if (!options_.lesson) player_.close();
        applyStepIfChanged(true);
        setPose(index, true);
    }
}

void Application::loadMotion() {
    motion_ = std::make_unique<SceneMotion>(scene_);
    try {
        poses_ = loadPoseLibrary(dataDirectory() / "models" / "poses");
    } catch (const DataFileError& e) {
        logLine(e.what());  // the viewer still works, in the neutral pose
    }
    for (std::size_t i = 0; i < poses_.size(); ++i) {
        coverFile(poses_[i].file);
        if (poses_[i].id == "neutral_standing") poseIndex_ = static_cast<int>(i);
    }
    if (!poses_.empty()) setPose(poseIndex_, true);
}

void Application::setPose(int index, bool instant) {
    if (index < 0 || static_cast<std::size_t>(index) >= poses_.size()) return;
    poseIndex_ = index;
    const Pose& target = poses_[static_cast<std::size_t>(index)].pose;
    // 1.5 s: a body moving between poses at a calm demonstration pace.
    poseTransition_ = PoseTransition(poseTransition_.current(), target, instant ? 0.0f : 1.5f);
    curve_ = motion_->lengthAgainstHipFlexion(target, kRightPsoasId, -30.0f, 120.0f, 2.0f);
    motionDirty_ = true;
}

bool Application::moving() const { return motion_ && (breathing_ || !poseTransition_.finished() || motionDirty_); }

void Application::updateMotion(double seconds) {
    if (!moving()) return;
    poseTransition_.advance(static_cast<float>(seconds));
    if (breathing_) breathClock_ += seconds;
    // --breath holds the breath for a still picture (inhale against exhale, side by side).
    const float breath = options_.breath ? *options_.breath : breathing_ ? cycle_.stateAt(breathClock_) : 0.0f;
    motion_->update(poseTransition_.current(), breath, cycle_.depth, breathing_ ? exaggeration_ : 1.0f);
    for (std::size_t i = 0; i < scene_.structures.size(); ++i)
        if (const auto* positions = motion_->positions(i)) renderer_->updateVertices(i, *positions, *motion_->normals(i));
    motionDirty_ = false;
    historyClock_ += seconds;
    const std::size_t samples = static_cast<std::size_t>(historyClock_ * 30.0);
    if (const MuscleReadout* psoas = motion_->readout(kRightPsoasId); samples > 0 && psoas) {
        historyClock_ -= static_cast<double>(samples) / 30.0;
        for (std::size_t s = 0; s < std::min<std::size_t>(samples, 600); ++s) history_.push_back(psoas->lengthMm);
        if (history_.size() > 600) history_.erase(history_.begin(), history_.end() - 600);
    }
}

ui::MotionView Application::motionView() const {
    ui::MotionView view;
    for (const PoseFile& pose : poses_) view.poseNames.push_back(pose.name);
    view.pose = poseIndex_;
    view.breathing = breathing_;
    view.deep = cycle_.depth == BreathDepth::Deep;
    view.rate = cycle_.breathsPerMinute;
    view.exaggeration = exaggeration_;
    view.colourByLength = colourByLength_;
    view.readouts = &motion_->readouts();
    view.domeDescentMm = motion_->domeDescentMm();
    view.history = &history_;
    view.curve = &curve_;
    view.hipFlexion = poseTransition_.current().hipRight.flexion;
    return view;
}

void Application::applyMotionIntents(const ui::MotionIntents& intents) {
    if (intents.pose) setPose(*intents.pose, false);
    if (intents.breathing) breathing_ = *intents.breathing;
    if (intents.deep) cycle_.depth = *intents.deep ? BreathDepth::Deep : BreathDepth::Quiet;
    if (intents.rate) cycle_.breathsPerMinute = *intents.rate;
    if (intents.exaggeration) exaggeration_ = *intents.exaggeration;
    if (intents.colourByLength) colourByLength_ = *intents.colourByLength;
    motionDirty_ = true;
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
                player_.open(*entry.lesson, 0);
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
    player_.open(*lesson, options_.step - 1);
}

bool Application::openLesson(std::string_view id, int step) {
    const Lesson* lesson = library_.find(id);
    if (!lesson) return false;
    player_.open(*lesson, step);
    return true;
}

void Application::reloadLessonsIfChanged() {
    if (lessonSources_.empty() || now() < nextLessonCheck_) return;
    nextLessonCheck_ = now() + kLessonCheckSeconds;
    checkLessonFiles();
}

void Application::checkLessonFiles() {
    if (LessonLibrary::signature(lessonSources_) == lessonSignature_) return;
    const std::string openId = player_.active() ? player_.lesson().id : "";
    try {
        loadLessons();
    } catch (const std::exception& e) {
        setStatus(std::string("Lessons not reloaded: ") + e.what());
        return;
    }
    const Lesson* lesson = openId.empty() ? nullptr : library_.find(openId);
    if (lesson) player_.reload(*lesson);
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

void Application::paintRegions() {
    paintedAreas_.assign(scene_.structures.size(), {});
    paintedKinds_.assign(scene_.structures.size(), {});
    for (std::size_t i = 0; i < scene_.structures.size(); ++i)
        for (const AttachmentArea& region : scene_.structures[i].info.regions) {
            paintedAreas_[i].emplace_back(region.centre, region.radius);
            paintedKinds_[i].push_back(region.kind == AttachmentKind::Cartilage ? 3.0f : 2.0f);  // see shaders/mesh.frag
        }
}

bool Application::selects(const std::vector<std::string>& tokens, std::size_t structure) const {
    const StructureInfo& info = scene_.structures[structure].info;
    for (const std::string& token : tokens) {
        if (token == info.id || token == "all") return true;
        // Groups are written in the plural in lessons: "bones", "muscles", "discs", "ligaments".
        if (token == std::string(toString(info.group)) + "s") return true;
    }
    return false;
}

glm::vec3 Application::labelPoint(std::size_t structure) const {
    // The mesh vertex nearest the centre of its bounds: on the surface, and central enough that
    // the leader line clearly points at this structure.
    const MeshData& mesh = scene_.structures[structure].mesh;
    const glm::vec3 centre = mesh.bounds.centre();
    glm::vec3 best = centre;
    float bestDistance = std::numeric_limits<float>::max();
    for (const glm::vec3& p : mesh.positions) {
        const float d = glm::dot(p - centre, p - centre);
        if (d < bestDistance) {
            bestDistance = d;
            best = p;
        }
    }
    return best;
}

void Application::applyStep(const LessonStep& step, bool instant) {
    Visibility next(scene_.structures.size());
    Bounds shown;
    for (std::size_t i = 0; i < scene_.structures.size(); ++i) {
        const bool visible = (step.show.empty() || selects(step.show, i)) && !selects(step.hide, i);
        next.setVisible(i, visible);
        if (selects(step.fade, i)) next.setOpacity(i, Visibility::kFadedOpacity);
        highlighted_[i] = selects(step.highlight, i);
        if (visible && !selects(step.fade, i)) shown.include(scene_.structures[i].mesh.bounds);
    }
    visibility_ = next;
    selected_ = -1;

    labels_.clear();
    // Quiz steps keep their labels back until the question is answered: they would give it away.
    const bool quizPending = step.quiz && player_.active() && !quiz_.answered(player_.stepIndex());
    for (const std::string& token : quizPending ? std::vector<std::string>{} : step.labels) {
        const auto colon = token.find(':');
        const int index = scene_.findStructure(token.substr(0, colon));
        if (index < 0) continue;
        const StructureInfo& info = scene_.structures[static_cast<std::size_t>(index)].info;
        if (colon == std::string::npos) {
            labels_.push_back({info.name, labelPoint(static_cast<std::size_t>(index))});
            continue;
        }
        for (const Landmark& landmark : info.landmarks)
            if (landmark.id == token.substr(colon + 1)) labels_.push_back({landmark.name, landmark.position});
    }

    paintRegions();
    const std::vector<int> tintSlots = attachmentTintSlots(step.attachments);
    for (std::size_t m = 0; m < step.attachments.size(); ++m) {
        const std::string& muscleId = step.attachments[m];
        const int muscle = scene_.findStructure(muscleId);
        if (muscle < 0) continue;
        const StructureInfo& info = scene_.structures[static_cast<std::size_t>(muscle)].info;
        std::vector<const AttachmentArea*> origins, insertions;
        for (const AttachmentArea& area : info.attachments) {
            const int bone = scene_.findStructure(area.bone);
            if (bone < 0) continue;
            paintedAreas_[static_cast<std::size_t>(bone)].emplace_back(area.centre, area.radius);
            paintedKinds_[static_cast<std::size_t>(bone)].push_back(attachmentPaintKind(area.kind, tintSlots[m]));
            (area.kind == AttachmentKind::Insertion ? insertions : origins).push_back(&area);
        }
        // One label per kind, so the legend's colours are also said in words beside the model.
        if (quizPending) continue;
        if (!origins.empty())
            labels_.push_back({info.name + ": origin" + (origins.size() > 1 ? "s" : ""), origins[origins.size() / 2]->centre});
        if (!insertions.empty()) labels_.push_back({info.name + ": insertion", insertions.front()->centre});
    }
    stepText_ = parseRichText(step.text);
    if (motion_) {
        // Each step is complete in itself: no pose means standing, no breathing means still, so a
        // jump to any step shows the same thing however the class got there.
        int pose = -1;
        for (std::size_t i = 0; i < poses_.size(); ++i)
            if (poses_[i].id == step.pose.value_or("neutral_standing")) pose = static_cast<int>(i);
        if (pose >= 0 && (pose != poseIndex_ || instant)) setPose(pose, instant);
        const StepBreathing breathing = step.breathing.value_or(StepBreathing{});
        breathing_ = breathing.on;
        cycle_.depth = breathing.depth == "deep" ? BreathDepth::Deep : BreathDepth::Quiet;
        cycle_.breathsPerMinute = static_cast<float>(breathing.ratePerMinute);
        exaggeration_ = static_cast<float>(breathing.exaggeration);
        colourByLength_ = step.colourByLength;
        motionDirty_ = true;
    }
    if (shown.empty()) shown = scene_.bounds;
    std::optional<CameraPose> destination;
    if (step.camera) destination = *step.camera;
    else if (step.view) destination = framePreset(*step.view, shown, camera_.fovYDegrees, sceneArea().aspect());
    framedAspect_ = sceneArea().aspect();
    if (destination) {
        if (instant) {
            animation_.cancel();
            camera_.pose = *destination;
        } else {
            animateTo(*destination);
        }
    }
    if (instant) easeOpacities(1e9);
}

// A step's preset view is framed for the 3D view's shape; when that changes (window resized, text
// size changed, the caption grew) the view is framed again so the model still fills it.
void Application::reframeIfViewChanged() {
    if (!player_.active() || !player_.step().view || framedAspect_ <= 0.0f) return;
    const float aspect = sceneArea().aspect();
    if (std::abs(aspect - framedAspect_) < 0.05f * framedAspect_) return;
    framedAspect_ = aspect;
    Bounds shown;
    for (std::size_t i = 0; i < scene_.structures.size(); ++i)
        if (visibility_.visible(i) && visibility_.opacity(i) >= 1.0f) shown.include(scene_.structures[i].mesh.bounds);
    if (shown.empty()) shown = scene_.bounds;
    animateTo(framePreset(*player_.step().view, shown, camera_.fovYDegrees, aspect));
}

void Application::applyStepIfChanged(bool instant) {
    if (player_.revision() == appliedRevision_) return;
    appliedRevision_ = player_.revision();
    stepClock_ = 0.0;
    quizFeedback_.clear();
    if (player_.active() && player_.lesson().id != quizLessonId_) {
        quiz_.reset();  // a new lesson starts a new score
        quizLessonId_ = player_.lesson().id;
    }
    if (!instant) storeSettings();  // a crash or power cut mid-class loses nothing: the step is kept
    if (player_.active()) {
        applyStep(player_.step(), instant);
        autoRotate_ = player_.step().autoRotate;
        return;
    }
    visibility_.showAll();
    labels_.clear();
    paintRegions();
    highlighted_.assign(highlighted_.size(), false);
    stepText_.clear();
}

void Application::easeOpacities(double seconds) {
    const float step = static_cast<float>(seconds / kFadeSeconds);
    for (std::size_t i = 0; i < displayOpacity_.size(); ++i) {
        const float target = visibility_.visible(i) ? visibility_.opacity(i) : 0.0f;
        float& current = displayOpacity_[i];
        current = current < target ? std::min(target, current + step) : std::max(target, current - step);
    }
}

std::vector<ui::LabelAnchor> Application::labelAnchors() const {
    std::vector<ui::LabelAnchor> anchors;
    const SceneArea area = sceneArea();
    for (const LabelTarget& label : labels_) {
        // A point behind the camera has no place on screen; its label waits until it turns back.
        if (glm::dot(label.point - camera_.eye(), camera_.forward()) <= 0.0f) continue;
        anchors.push_back({label.text, area.origin + camera_.project(label.point, area.size)});
    }
    return anchors;
}

Application::~Application() {
    if (window_ && gMonitorListener == window_->handle()) gMonitorListener = nullptr;
    smoothing_.reset();
    renderer_.reset();
    if (imguiReady_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    window_.reset();
}

double Application::now() const {
    if (virtualTime_) return *virtualTime_;
    return window_ ? glfwGetTime() : 0.0;
}

Application::SceneArea Application::sceneArea() const {
    if (!showUi_ || presenter_) {
        const float caption = player_.active() ? std::max(captionHeight_, ui::captionHeight(displaySize_.y, true)) : 0.0f;
        return {{0.0f, 0.0f}, {std::max(displaySize_.x, 1.0f), std::max(displaySize_.y - caption, 1.0f)}};
    }
    const float panel = std::min(ui::sidePanelWidth(effectiveUiScale()), displaySize_.x * 0.5f);
    return {{panel, 0.0f}, {std::max(displaySize_.x - panel, 1.0f), std::max(displaySize_.y, 1.0f)}};
}

CameraPose Application::homePose() const {
    return framePreset(options_.view.value_or(ViewPreset::Oblique), scene_.bounds, camera_.fovYDegrees,
                       sceneArea().aspect());
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
    traceStartup("window and GL context open");
    renderer_ = std::make_unique<render::SceneRenderer>(scene_);
    smoothing_ = std::make_unique<render::SceneSmoothing>();
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
    if (!fonts_.warning.empty()) logLine(fonts_.warning);
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
        if (const Lesson* lesson = library_.find(saved.settings.lastLesson)) player_.open(*lesson, saved.settings.lastStep);
    if (!saved.warning.empty()) setStatus("Settings were damaged; the defaults are used (details on the terminal)");
    if (options_.present) setPresenter(true);
    displaySize_ = window_->windowSize();
    camera_.pose = homePose();
}

void Application::windowFrame() {
    if (window_->minimised()) {
        // Nothing to draw into: sleep until restored instead of spinning through empty frames
        // (a breathing lesson polls for events every frame, which would heat a laptop left minimised).
        glfwWaitEventsTimeout(0.25);
        return;
    }
    // Sleep while nothing moves: a viewer left open through a class should not heat the laptop.
    bool fading = false;
    for (std::size_t i = 0; i < displayOpacity_.size(); ++i)
        fading = fading || displayOpacity_[i] != (visibility_.visible(i) ? visibility_.opacity(i) : 0.0f);
    const bool classroomMotion = !paused_ && (autoRotate_ || (autoplay_ && player_.active()));
    if (animation_.active() || drag_.button >= 0 || hoverDirty_ || fading || (moving() && !paused_) || classroomMotion ||
        slideExport_)
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(0.25);
    if (window_->minimised()) return;
    drawWindowFrame(window_->windowSize(), window_->framebufferSize());
    window_->swapBuffers();
}

void Application::drawWindowFrame(glm::vec2 windowSize, glm::ivec2 framebuffer) {
    // A minimised window can report 0 x 0 before (or instead of) saying it is iconified: there is
    // nothing to draw into, and the 3D view's shape would be 0 / 0.
    if (framebuffer.x <= 0 || framebuffer.y <= 0 || windowSize.x <= 0.0f || windowSize.y <= 0.0f) return;
    const double frameTime = now();
    const double elapsed = std::clamp(frameTime - lastFrameTime_, 0.0, 0.1);
    lastFrameTime_ = frameTime;
    reloadLessonsIfChanged();
    applyStepIfChanged(false);
    reframeIfViewChanged();
    easeOpacities(elapsed);
    if (!paused_) updateMotion(elapsed);
    advanceClassroomClocks(elapsed);
    if (animation_.active()) camera_.pose = animation_.sample(now());
    if (!status_.empty() && now() > statusUntil_) status_.clear();
    updateHover();

    continueSlideExport();
    buildUi(windowSize, glm::vec2(framebuffer) / windowSize);
    drawFrame(framebuffer, ui::ScreenshotBackground::Dark, true);
    if (screenshotRequested_) saveScreenshot();
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
    // Images show a step as the window would once its transitions have finished.
    applyStepIfChanged(true);
    if (motion_) {
        poseTransition_.advance(1e6f);  // finished, as the window shows it after the transition
        motionDirty_ = true;
        updateMotion(0.0);
    }
    if (animation_.active()) camera_.pose = animation_.destination();
    animation_.cancel();
    easeOpacities(1e9);
    render::OffscreenTarget target(width, height, sceneNeedsTargetDepth());
    // ImGui lays windows out over a couple of frames (auto-sized windows measure themselves
    // first); three frames give the settled layout the window would show. Only the last is drawn:
    // the layout needs no pixels, and each drawn frame costs tens of milliseconds on software GL.
    constexpr int kSettlingFrames = 3;
    for (int frame = 0; frame < kSettlingFrames; ++frame) {
        buildUi({static_cast<float>(width), static_cast<float>(height)}, {1.0f, 1.0f});
        traceStartup("UI laid out");
    }
    target.bind();
    drawFrame({width, height}, background, true);
    traceStartup("frame submitted");
    Image image = target.read();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
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
    if (player_.active()) {
        settings.lastLesson = player_.lesson().id;
        settings.lastStep = player_.stepIndex();
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

void Application::setUiScale(float scale) {
    uiScale_ = std::clamp(scale, 1.0f, 3.0f);
    storeSettings();
    setStatus("Text and lines at " + std::to_string(static_cast<int>(std::lround(uiScale_ * 100.0f))) + " %");
}

void Application::setPresenter(bool on) {
    if (presenter_ == on) return;
    presenter_ = on;
    presenterHintUntil_ = now() + 6.0;
    if (window_ && window_->fullscreen() != on) window_->toggleFullscreen();
    showHelp_ = false;
}

void Application::advanceClassroomClocks(double seconds) {
    if (paused_) return;
    if (autoplay_ && player_.active()) {
        stepClock_ += seconds;
        // Steps without a duration get 12 s: time to read three lines aloud.
        const double duration = player_.step().durationSeconds > 0.0 ? player_.step().durationSeconds : 12.0;
        if (stepClock_ >= duration && !player_.next()) autoplay_ = false;
    }
    // One turn in 36 s: slow enough to talk over, fast enough to see every side in a minute.
    if (autoRotate_ && drag_.button < 0 && !animation_.active())
        camera_.pose.yawDegrees = std::fmod(camera_.pose.yawDegrees + static_cast<float>(seconds) * 10.0f, 360.0f);
}

void Application::openBreathingStep() {
    if (options_.lesson) return;  // --lesson/--step chose already
    // The default workload: the breathing lesson's first step that breathes (the heaviest steady case).
    if (const Lesson* lesson = library_.find("breathing")) {
        for (std::size_t i = 0; i < lesson->steps.size(); ++i)
            if (lesson->steps[i].breathing && lesson->steps[i].breathing->on) {
                player_.open(*lesson, static_cast<int>(i));
                return;
            }
    }
}

int Application::bench() {
    const int width = options_.width, height = options_.height, frames = options_.frames;
    openBreathingStep();
    (void)renderImage(width, height, ui::ScreenshotBackground::Dark, true);  // window, fonts, first frame
    glFinish();
    const double startupMs = millisecondsSince(kProcessStart);

    render::OffscreenTarget target(width, height);
    const glm::vec2 display{static_cast<float>(width), static_cast<float>(height)};
    std::vector<double> frameMs, animationMs, submitMs, uiMs, waitMs;
    for (auto* v : {&frameMs, &animationMs, &submitMs, &uiMs, &waitMs}) v->reserve(static_cast<std::size_t>(frames));
    const double dt = 1.0 / 60.0;
    using Clock = std::chrono::steady_clock;
    for (int i = 0; i < frames; ++i) {
        const auto start = Clock::now();
        updateMotion(dt);
        easeOpacities(dt);
        advanceClassroomClocks(dt);
        const auto animated = Clock::now();
        buildUi(display, {1.0f, 1.0f});
        const auto uiBuilt = Clock::now();
        target.bind();
        drawScene({width, height}, ui::ScreenshotBackground::Dark);
        const auto submitted = Clock::now();
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        const auto uiDrawn = Clock::now();
        glFinish();
        const auto done = Clock::now();
        auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
        animationMs.push_back(ms(start, animated));
        uiMs.push_back(ms(animated, uiBuilt) + ms(submitted, uiDrawn));
        submitMs.push_back(ms(uiBuilt, submitted));
        waitMs.push_back(ms(uiDrawn, done));
        frameMs.push_back(ms(start, done));
    }

    // The floor: the same triangles in the same pose, drawn the simplest way, at the same size.
    render::FloorRenderer floor(scene_);
    std::vector<bool> visible(scene_.structures.size());
    std::vector<glm::mat4> models(scene_.structures.size(), glm::mat4(1.0f));
    for (std::size_t i = 0; i < scene_.structures.size(); ++i) {
        visible[i] = displayOpacity_[i] > 0.003f;
        if (motion_) {
            models[i] = motion_->model(i);
            if (const auto* positions = motion_->positions(i)) floor.updateVertices(i, *positions, *motion_->normals(i));
        }
    }
    target.bind();
    const glm::ivec2 floorSize{width, height};
    const SceneArea area = sceneArea();  // same camera and aspect as the full frame's 3D view
    std::vector<double> floorMs;
    for (int i = 0; i < frames; ++i) {
        const auto start = Clock::now();
        floor.render(camera_, floorSize, models, visible);
        glFinish();
        floorMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    (void)area;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);

    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    std::printf("{\"startup_ms\": %.1f, \"frame_ms_median\": %.3f, \"frame_ms_p95\": %.3f, \"floor_frame_ms_median\": %.3f, "
                "\"animation_cpu_ms\": %.4f, \"submit_cpu_ms\": %.3f, \"ui_cpu_ms\": %.3f, \"gpu_wait_ms\": %.3f, "
                "\"peak_rss_mb\": %.1f, \"size\": \"%dx%d\", \"frames\": %d, \"triangles\": %zu, \"gl_renderer\": \"%s\"}\n",
                startupMs, percentile(frameMs, 0.5), percentile(frameMs, 0.95), percentile(floorMs, 0.5),
                percentile(animationMs, 0.5), percentile(submitMs, 0.5), percentile(uiMs, 0.5), percentile(waitMs, 0.5),
                peakResidentMegabytes(), width, height, frames, scene_.triangleCount(), renderer ? renderer : "unknown");
    return 0;
}

int Application::record(const std::filesystem::path& file, double seconds) {
    const int width = options_.width, height = options_.height;
    const bool slides = options_.noUi;
    renderImage(width, height, options_.background, !slides);  // window, fonts, the step settled
    virtualTime_ = 0.0;
    const bool showProgress = isatty(STDERR_FILENO) != 0;  // a progress bar in a log file is noise
    try {
        VideoEncoder video(file, width, height, 30);
        render::OffscreenTarget target(width, height, sceneNeedsTargetDepth());
        const int frames = static_cast<int>(std::lround(seconds * 30.0));
        const double dt = 1.0 / 30.0;
        showUi_ = !slides;
        for (int i = 0; i < frames; ++i) {
            *virtualTime_ += dt;
            updateMotion(dt);
            easeOpacities(dt);
            advanceClassroomClocks(dt);
            applyStepIfChanged(false);
            if (animation_.active()) camera_.pose = animation_.sample(now());
            buildUi({static_cast<float>(width), static_cast<float>(height)}, {1.0f, 1.0f});
            target.bind();
            drawFrame({width, height}, options_.background, true);
            video.write(target.read());
            const int filled = ((i + 1) * 30) / std::max(frames, 1);
            if (showProgress)
                std::cerr << "\rRecording [" << std::string(static_cast<std::size_t>(filled), '#')
                          << std::string(static_cast<std::size_t>(30 - filled), ' ') << "] " << i + 1 << "/" << frames << std::flush;
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        video.finish();
        if (showProgress) std::cerr << '\n';
    } catch (const VideoError& e) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
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
        if (i % 600 == 0 && player_.active() && !player_.next()) player_.first();
        if (i % 2400 == 0) {
            lessonSignature_.clear();
            checkLessonFiles();
        }
        updateMotion(dt);
        easeOpacities(dt);
        advanceClassroomClocks(dt);
        if (animation_.active()) camera_.pose = animation_.sample(now());
        applyStepIfChanged(false);
        buildUi({320.0f, 180.0f}, {1.0f, 1.0f});
        target.bind();
        drawFrame({320, 180}, ui::ScreenshotBackground::Dark, true);
        glFinish();  // a frame ends here, as a swap ends it in the window; without it llvmpipe queues frames and memory grows
        if (i == std::min(1000, frames)) rssStart = memoryInUseMegabytes();  // after warm-up: caches and fonts are built
        if (i % 5000 == 0) std::fprintf(stderr, "\rsoak: %d / %d frames", i, frames);
    }
    glFinish();
    const double rssEnd = memoryInUseMegabytes();
    std::fprintf(stderr, "\r%*s\r", 40, "");
    std::printf("{\"frames\": %d, \"rss_start_mb\": %.2f, \"rss_end_mb\": %.2f, \"rss_growth_mb\": %.2f, \"gl_errors\": %zu, "
                "\"seconds\": %.1f}\n",
                frames, rssStart, rssEnd, rssEnd - rssStart, render::glDebugStats().errors, millisecondsSince(started) / 1000.0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return render::glDebugStats().errors == 0 ? 0 : 1;
}

void Application::startSlideExport() {
    if (!player_.active() || slideExport_) return;
    SlideExport job;
    job.lesson = player_.lesson();
    std::string stamp = timestampedName();  // "psoas-atlas-YYYYmmdd-HHMMSS.png"
    stamp = stamp.substr(0, stamp.size() - 4);
    job.folder = picturesDirectory() / (stamp + "-" + job.lesson.id);
    job.returnStep = player_.stepIndex();
    job.returnCamera = camera_.pose;
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
        player_.open(job.lesson, job.next);
        const Image image = renderImage(1920, 1080, screenshotBackground_, false);
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
    player_.open(job.lesson, job.returnStep);
    applyStepIfChanged(true);
    camera_.pose = job.returnCamera;
    displaySize_ = window_->windowSize();
    setStatus("Exported " + std::to_string(steps) + " slides and index.html to " + job.folder.string());
    slideExport_.reset();
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
        player_.open(copy, i);
        const Image image = renderImage(options_.width, options_.height, options_.background, false);
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
    state.visibility = &visibility_;
    state.hovered = quizOpen() ? -1 : hovered_;  // a name under the cursor would give the answer away
    state.selected = selected_;
    state.cursor = cursor_;
    state.showHelp = showHelp_;
    state.help = &helpEntries();
    state.background = screenshotBackground_;
    state.antiAliasing = antiAliasing_;
    state.status = status_;
    state.uiScale = effectiveUiScale();
    state.fonts = &fonts_;
    state.slideLayout = !showUi_ || presenter_;
    state.presenterTheme = presenter_;
    state.blank = blank_;
    state.captionHeight = state.slideLayout ? captionHeight_ : 0.0f;
    if (presenter_ && now() < presenterHintUntil_)
        state.presenterHint = std::string("PageDown / PageUp: steps   B: blank   A: autoplay") + (autoplay_ ? " (on)" : "") +
                              "   R: rotate   P: pause" + (paused_ ? " (paused)" : "") + "   Esc: leave";
    const SceneArea area = sceneArea();
    state.sceneView = {area.origin, area.size};
    state.labels = labelAnchors();
    if (!options_.model) state.lessons = &lessonList_;
    state.attachmentLegend = player_.active() && !player_.step().attachments.empty();
    if (state.attachmentLegend) state.attachmentMuscles = attachmentLegendLines(scene_, player_.step().attachments);
    if (slideExport_) {
        const int steps = static_cast<int>(slideExport_->lesson.steps.size());
        state.exportProgress = static_cast<float>(slideExport_->next) / static_cast<float>(std::max(steps, 1));
        state.exportText = "Step " + std::to_string(std::min(slideExport_->next + 1, steps)) + " of " + std::to_string(steps) +
                           " of '" + slideExport_->lesson.title + "' to " + slideExport_->folder.string();
    }
    if (motion_) state.motion = motionView();
    if (motion_ && breathing_ && exaggeration_ > 1.0f) {
        char notice[96];
        const float dome = motion_->domeShownFactor();
        if (dome + 0.05f < exaggeration_)
            std::snprintf(notice, sizeof notice, "Breathing motion shown \u00d7%.0f (diaphragm \u00d7%.1f); lengths are true",
                          exaggeration_, dome);
        else
            std::snprintf(notice, sizeof notice, "Breathing motion shown \u00d7%.0f; lengths are true", exaggeration_);
        state.notice = notice;
    }
    if (player_.active()) {
        const Lesson& lesson = player_.lesson();
        for (std::size_t i = 0; i < library_.entries().size(); ++i)
            if (library_.entries()[i].lesson && library_.entries()[i].lesson->id == lesson.id) state.openLesson = static_cast<int>(i);
        ui::LessonView view;
        view.title = lesson.title;
        view.summary = lesson.summary;
        view.stepIndex = player_.stepIndex();
        view.stepCount = player_.stepCount();
        for (const LessonStep& s : lesson.steps) view.stepTitles.push_back(s.title);
        view.stepTitle = player_.step().title;
        view.text = &stepText_;
        view.notes = player_.step().notes;
        view.origin = lesson.origin;
        if (player_.step().quiz) {
            view.quizPrompt = player_.step().quiz->prompt;
            view.quizFeedback = quizFeedback_;
            view.quizRight = quizRight_;
        }
        int questions = 0;
        for (const LessonStep& s : lesson.steps) questions += s.quiz.has_value();
        if (questions > 0)
            view.quizScore = "Score: " + std::to_string(quiz_.answeredCount()) + " of " + std::to_string(questions) + " answered, " +
                             std::to_string(quiz_.firstTryCorrect()) + " right on the first try";
        state.lesson = std::move(view);
    }
    applyIntents(ui::drawViewerUi(state));
    ImGui::Render();
}

void Application::drawFrame(glm::ivec2 framebufferSize, ui::ScreenshotBackground background, bool withUi) {
    drawScene(framebufferSize, background);
    if (withUi && !blank_) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Application::drawScene(glm::ivec2 framebufferSize, ui::ScreenshotBackground background) {
    looks_.resize(scene_.structures.size());
    std::vector<render::StructureLook>& looks = looks_;
    for (std::size_t i = 0; i < looks.size(); ++i) {
        looks[i].visible = displayOpacity_[i] > 0.003f;
        looks[i].opacity = displayOpacity_[i];
        looks[i].hovered = static_cast<int>(i) == hovered_;
        looks[i].selected = static_cast<int>(i) == selected_;
        looks[i].highlighted = highlighted_[i];
        const bool painted = i < paintedAreas_.size() && !paintedAreas_[i].empty();
        looks[i].areas = painted ? &paintedAreas_[i] : nullptr;
        looks[i].areaKinds = painted ? &paintedKinds_[i] : nullptr;
        if (!motion_) continue;
        looks[i].model = motion_->model(i);
        const auto change = motion_->lengthChange(i);
        if (colourByLength_ && change) {
            // Full colour at 10 % change: a leg lift or a lunge reaches it, a breath does not.
            const float t = std::clamp(*change / 0.10f, -1.0f, 1.0f);
            looks[i].tint = t < 0.0f ? glm::vec3(0.20f, 0.40f, 1.0f) : glm::vec3(1.0f, 0.22f, 0.15f);
            looks[i].tintAmount = std::abs(t) * 0.85f;
        }
    }
    const SceneArea area = sceneArea();
    const glm::vec2 toPixels = glm::vec2(framebufferSize) / glm::max(displaySize_, glm::vec2(1.0f));
    // GL counts rows from the bottom: the caption bar, if any, is under the 3D view.
    const int bottom = static_cast<int>(std::lround((displaySize_.y - area.origin.y - area.size.y) * toPixels.y));
    const glm::ivec4 viewport{static_cast<int>(std::lround(area.origin.x * toPixels.x)), bottom,
                              static_cast<int>(std::lround(area.size.x * toPixels.x)),
                              static_cast<int>(std::lround(area.size.y * toPixels.y))};
    if (blank_) {
        glBindVertexArray(0);
        glViewport(0, 0, framebufferSize.x, framebufferSize.y);
        glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        return;
    }
    smoothing_->begin(antiAliasing_, framebufferSize);
    renderer_->render(camera_, framebufferSize, viewport, looks, render::FrameStyle{backgroundColour(background)});
    smoothing_->finish(modelRegion(viewport));
}

glm::ivec4 Application::modelRegion(glm::ivec4 viewport) const {
    // The posed box of everything drawn: bent muscles by their vertices, the rest by their meshes' boxes.
    Bounds box;
    for (std::size_t i = 0; i < looks_.size(); ++i) {
        if (!looks_[i].visible) continue;
        const std::vector<glm::vec3>* bent = motion_ ? motion_->positions(i) : nullptr;
        Bounds local = scene_.structures[i].mesh.bounds;
        if (bent) {
            local = {};
            for (const glm::vec3& p : *bent) local.include(p);
        }
        for (int corner = 0; corner < 8; ++corner)
            box.include(glm::vec3(looks_[i].model * glm::vec4(local.corner(corner), 1.0f)));
    }
    const float aspect = static_cast<float>(viewport.z) / static_cast<float>(std::max(viewport.w, 1));
    const auto rect = screenRectOf(box, camera_.projection(aspect, scene_.bounds) * camera_.view());
    if (!rect) return viewport;  // the camera is inside the model: edges may be anywhere
    constexpr int kMargin = 2;  // the filter reads a pixel beyond the edge it smooths
    const glm::vec2 size(viewport.z, viewport.w);
    const glm::ivec2 low = glm::ivec2(glm::floor((glm::vec2(rect->x, rect->y) * 0.5f + 0.5f) * size)) - kMargin;
    const glm::ivec2 high = glm::ivec2(glm::ceil((glm::vec2(rect->z, rect->w) * 0.5f + 0.5f) * size)) + kMargin;
    return {viewport.x + low.x, viewport.y + low.y, high.x - low.x, high.y - low.y};
}

void Application::saveScreenshot() {
    screenshotRequested_ = false;
    const glm::ivec2 size = window_->framebufferSize();
    const std::filesystem::path file = picturesDirectory() / timestampedName();
    try {
        // Ctrl+F12 draws the slide layout for this one image: the panels are rebuilt without it.
        const bool wasShowingUi = showUi_;
        if (slideScreenshot_) {
            showUi_ = false;
            const glm::vec2 windowSize = window_->windowSize();
            buildUi(windowSize, glm::vec2(size) / glm::max(windowSize, glm::vec2(1.0f)));
        }
        render::OffscreenTarget target(size.x, size.y, sceneNeedsTargetDepth());
        target.bind();
        drawFrame(size, screenshotBackground_, true);
        const Image image = target.read();
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        showUi_ = wasShowingUi;
        slideScreenshot_ = false;
        const std::string problem = writePng(image, file);
        setStatus(problem.empty() ? "Saved screenshot: " + file.string() : "Screenshot not saved to " + file.string() + ": " + problem);
    } catch (const std::exception& e) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        setStatus(std::string("Screenshot not saved: ") + e.what());
    }
}

void Application::setStatus(std::string text, bool onTerminal) {
    if (onTerminal) logLine(text);
    coverText(text);
    status_ = std::move(text);
    statusUntil_ = now() + kStatusSeconds;
}

void Application::applyIntents(const ui::ViewerUiIntents& intents) {
    if (intents.select) select(*intents.select);
    if (intents.focus) focus(*intents.focus);
    if (intents.preset) animateTo(framePreset(*intents.preset, scene_.bounds, camera_.fovYDegrees, sceneArea().aspect()));
    if (intents.resetView) resetView();
    if (intents.setVisible) {
        const auto [index, visible] = *intents.setVisible;
        if (index >= 0 && static_cast<std::size_t>(index) < visibility_.size()) visibility_.setVisible(index, visible);
    }
    if (intents.isolate && *intents.isolate >= 0) visibility_.isolate(static_cast<std::size_t>(*intents.isolate));
    if (intents.leaveIsolation) visibility_.leaveIsolation();
    if (intents.showAll) visibility_.showAll();
    if (intents.setOpacity) {
        const auto [index, opacity] = *intents.setOpacity;
        if (index >= 0 && static_cast<std::size_t>(index) < visibility_.size()) visibility_.setOpacity(index, opacity);
    }
    if (intents.screenshot) screenshotRequested_ = true;
    if (intents.toggleHelp) showHelp_ = !showHelp_;
    if (intents.background) screenshotBackground_ = *intents.background;
    if (intents.antiAliasing) antiAliasing_ = *intents.antiAliasing;
    if (intents.openLesson) {
        const auto index = static_cast<std::size_t>(*intents.openLesson);
        if (index < library_.entries().size() && library_.entries()[index].lesson) player_.open(*library_.entries()[index].lesson, 0);
    }
    if (intents.closeLesson) player_.close();
    if (intents.exportSlides) startSlideExport();
    if (intents.nextStep) player_.next();
    if (intents.previousStep) player_.previous();
    if (intents.jumpToStep) player_.jump(*intents.jumpToStep);
    if (motion_) applyMotionIntents(intents.motion);
    captionHeight_ = intents.captionHeight;
}

void Application::animateTo(const CameraPose& destination) { animation_.start(camera_.pose, destination, now()); }

void Application::resetView() { animateTo(homePose()); }

void Application::focus(int structure) {
    if (structure < 0 || static_cast<std::size_t>(structure) >= scene_.structures.size()) return;
    select(structure);
    animateTo(frameBounds(camera_.pose, scene_.structures[static_cast<std::size_t>(structure)].mesh.bounds,
                          camera_.fovYDegrees, sceneArea().aspect()));
}

void Application::select(int structure) {
    selected_ = (structure >= 0 && static_cast<std::size_t>(structure) < scene_.structures.size()) ? structure : -1;
}

void Application::hideSelected() {
    if (selected_ < 0) return;
    visibility_.setVisible(static_cast<std::size_t>(selected_), false);
    selected_ = -1;
}

void Application::toggleIsolation() {
    if (visibility_.isolated())
        visibility_.leaveIsolation();
    else if (selected_ >= 0)
        visibility_.isolate(static_cast<std::size_t>(selected_));
}

void Application::updateHover() {
    if (!hoverDirty_) return;
    hoverDirty_ = false;
    if (drag_.button >= 0 || ImGui::GetIO().WantCaptureMouse) {
        hovered_ = -1;
        return;
    }
    const SceneArea area = sceneArea();
    const auto hit = pick(scene_, visibility_, camera_.rayThrough(cursor_ - area.origin, area.size), motion_.get());
    hovered_ = hit ? hit->structure : -1;
}

bool Application::quizOpen() const {
    return player_.active() && player_.step().quiz && !quiz_.answered(player_.stepIndex());
}

void Application::answerQuiz(const std::optional<PickHit>& hit) {
    const QuizQuestion& question = *player_.step().quiz;
    glm::vec3 neutral = hit ? hit->point : glm::vec3(0.0f);
    // Landmarks and areas are given in the neutral pose: take the click back into the bone's frame.
    if (hit && motion_) neutral = glm::vec3(glm::inverse(motion_->model(static_cast<std::size_t>(hit->structure))) * glm::vec4(hit->point, 1.0f));
    const bool right = hit && answersQuestion(question, scene_, hit->structure, neutral);
    quiz_.record(player_.stepIndex(), right);
    quizRight_ = right;
    const std::string clicked = hit ? scene_.structures[static_cast<std::size_t>(hit->structure)].info.name : "empty space";
    if (right) {
        quizFeedback_ = "Right: " + clicked + ".";
        applyStep(player_.step(), false);  // now the labels may show
    } else {
        quizFeedback_ = "Not yet: that was " + clicked + "." + (question.hint.empty() ? " Try again." : " Hint: " + question.hint);
    }
}

void Application::click(glm::vec2 position) {
    const SceneArea area = sceneArea();
    const auto hit = pick(scene_, visibility_, camera_.rayThrough(position - area.origin, area.size), motion_.get());
    if (quizOpen()) {
        answerQuiz(hit);
        return;
    }
    const double t = now();
    const bool doubleClick = t - lastClickTime_ < kDoubleClickSeconds &&
                             glm::length(position - lastClickPosition_) < 2.0f * kClickSlopPixels;
    lastClickTime_ = doubleClick ? -1.0 : t;  // a third click starts a new pair
    lastClickPosition_ = position;
    if (doubleClick) {
        hit ? focus(hit->structure) : resetView();
        return;
    }
    select(hit ? hit->structure : -1);
}

void Application::onMouseButton(int button, int action, int mods) {
    if (action == GLFW_PRESS) {
        if (ImGui::GetIO().WantCaptureMouse || drag_.button >= 0) return;
        const bool shift = (mods & GLFW_MOD_SHIFT) != 0;
        drag_ = {button, button != GLFW_MOUSE_BUTTON_LEFT || shift, false, cursor_, cursor_};
        return;
    }
    if (action == GLFW_RELEASE && button == drag_.button) {
        if (!drag_.moved && button == GLFW_MOUSE_BUTTON_LEFT) click(cursor_);
        drag_.button = -1;
        hoverDirty_ = true;
    }
}

void Application::onCursorMoved(double x, double y) {
    const glm::vec2 position{static_cast<float>(x), static_cast<float>(y)};
    cursor_ = position;
    hoverDirty_ = true;
    if (drag_.button < 0) return;
    if (glm::length(position - drag_.press) > kClickSlopPixels) drag_.moved = true;
    if (!drag_.moved) return;
    const glm::vec2 delta = position - drag_.last;
    drag_.last = position;
    if (animation_.active()) animation_.cancel();  // the hand on the mouse wins over a glide in progress
    drag_.pan ? camera_.pan(delta, sceneArea().size) : camera_.orbit(delta);
}

void Application::onScroll(double yOffset) {
    if (ImGui::GetIO().WantCaptureMouse || yOffset == 0.0) return;
    if (animation_.active()) {
        camera_.pose = animation_.destination();
        animation_.cancel();
    }
    const SceneArea area = sceneArea();
    const glm::vec2 cursor = cursor_ - area.origin;
    const auto hit = pick(scene_, visibility_, camera_.rayThrough(cursor, area.size), motion_.get());
    const glm::vec3 anchor = hit ? hit->point : camera_.pointOnTargetPlane(cursor, area.size);
    camera_.zoomToward(anchor, std::pow(kZoomPerNotch, static_cast<float>(yOffset)));
    hoverDirty_ = true;
}

void Application::onFocus(bool focused) {
    if (focused) return;
    // The button released in another window never comes back here; GLFW then reports it released
    // for us, and that must not count as a click (it would select, or answer a quiz question).
    drag_.button = -1;
    hoverDirty_ = true;
}

void Application::onMonitorDisconnected(GLFWmonitor* monitor) {
    if (!window_ || !window_->leaveLostMonitor(monitor)) return;
    setStatus("A screen was disconnected; the window moved to one that is still there (F11: full screen)");
}

void Application::onKey(int key, int action, int mods) {
    if (action != GLFW_PRESS) return;
    if (blank_) {  // any key brings the picture back, and does nothing else
        blank_ = false;
        return;
    }
    if (ImGui::GetIO().WantCaptureKeyboard) return;
    const auto command = actionForKey(key, mods, player_.active());
    if (!command) return;
    const float aspect = sceneArea().aspect();
    auto preset = [&](ViewPreset p) { animateTo(framePreset(p, scene_.bounds, camera_.fovYDegrees, aspect)); };
    switch (*command) {
        case ViewerAction::ViewAnterior: preset(ViewPreset::Anterior); break;
        case ViewerAction::ViewPosterior: preset(ViewPreset::Posterior); break;
        case ViewerAction::ViewLeft: preset(ViewPreset::Left); break;
        case ViewerAction::ViewRight: preset(ViewPreset::Right); break;
        case ViewerAction::ViewSuperior: preset(ViewPreset::Superior); break;
        case ViewerAction::ViewInferior: preset(ViewPreset::Inferior); break;
        case ViewerAction::ViewOblique: preset(ViewPreset::Oblique); break;
        case ViewerAction::ResetView: resetView(); break;
        case ViewerAction::ToggleFullscreen: window_->toggleFullscreen(); break;
        case ViewerAction::Screenshot: screenshotRequested_ = true; break;
        case ViewerAction::ToggleHelp: showHelp_ = !showHelp_; break;
        case ViewerAction::HideSelected: hideSelected(); break;
        case ViewerAction::IsolateSelected: toggleIsolation(); break;
        case ViewerAction::FadeSelected:
            if (selected_ >= 0) visibility_.toggleFaded(static_cast<std::size_t>(selected_));
            break;
        case ViewerAction::ShowAll: visibility_.showAll(); break;
        case ViewerAction::Escape:
            if (showHelp_) showHelp_ = false;
            else if (presenter_) setPresenter(false);
            else if (visibility_.isolated()) visibility_.leaveIsolation();
            else select(-1);
            break;
        case ViewerAction::Quit: window_->requestClose(); break;
        case ViewerAction::NextStep: player_.next(); break;
        case ViewerAction::PreviousStep: player_.previous(); break;
        case ViewerAction::FirstStep: player_.first(); break;
        case ViewerAction::LastStep: player_.last(); break;
        case ViewerAction::TogglePresenter: setPresenter(!presenter_); break;
        case ViewerAction::Blank: blank_ = true; break;
        case ViewerAction::ToggleAutoplay:
            autoplay_ = !autoplay_ && player_.active();
            stepClock_ = 0.0;
            setStatus(autoplay_ ? "Autoplay on" : "Autoplay off");
            break;
        case ViewerAction::ToggleAutoRotate: autoRotate_ = !autoRotate_; break;
        case ViewerAction::TogglePause:
            paused_ = !paused_;
            setStatus(paused_ ? "Paused (P resumes)" : "Resumed");
            break;
        case ViewerAction::ScaleUp: setUiScale(uiScale_ + 0.25f); break;
        case ViewerAction::ScaleDown: setUiScale(uiScale_ - 0.25f); break;
        case ViewerAction::ScaleReset: setUiScale(window_->contentScale()); break;
        case ViewerAction::ScreenshotSlide:
            slideScreenshot_ = true;
            screenshotRequested_ = true;
            break;
    }
}

}  // namespace psoas::app
