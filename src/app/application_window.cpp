// The interactive window's side of Application: opening it with the saved settings, sleeping while
// nothing moves, GLFW's events handed to the input controller, F12 pictures and the slides a
// teacher exports from the window. The frame step itself is in application.cpp.

#include "app/application.hpp"

#include "app/image_file.hpp"
#include "app/terminal_log.hpp"
#include "app/input_map.hpp"
#include "app/platform.hpp"
#include "app/startup_trace.hpp"
#include "app/user_paths.hpp"
#include "core/number_text.hpp"
#include "render/gl_debug.hpp"
#include "render/render_target.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>

namespace psoas::app {

namespace {
Application* fromWindow(GLFWwindow* window) { return static_cast<Application*>(glfwGetWindowUserPointer(window)); }
// GLFW tells about monitors to the whole program, not to a window: this is the window to tell.
GLFWwindow* gMonitorListener = nullptr;

// What C just did, and what it does next.
const char* captionStatus(CaptionPlace place) {
    switch (place) {
        case CaptionPlace::Beside: return "Caption beside the model (C: under it)";
        case CaptionPlace::Below: return "Caption under the model (C: hide it)";
        case CaptionPlace::None: break;
    }
    return "Caption hidden (C: beside the model)";
}

PointerButton pointerButton(int glfwButton) {
    if (glfwButton == GLFW_MOUSE_BUTTON_LEFT) return PointerButton::Left;
    return glfwButton == GLFW_MOUSE_BUTTON_RIGHT ? PointerButton::Right : PointerButton::Middle;
}
}  // namespace

Application::~Application() {
    if (window_ && gMonitorListener == window_->handle()) gMonitorListener = nullptr;
    frameRenderer_.reset();  // then the UI, then the window and its context (declaration order)
}

void Application::openWindow(bool visible, int width, int height) {
    window_ = std::make_unique<Window>(WindowOptions{width, height, visible, options_.glDebug, "Psoas Atlas"});
    if (options_.glDebug) render::installGlDebugOutput(logLine);
    GLFWwindow* handle = window_->handle();
    glfwSetWindowUserPointer(handle, this);
    // Ours first: ImGui's backend chains to callbacks already installed when it initialises.
    glfwSetMouseButtonCallback(handle, [](GLFWwindow* w, int b, int a, int m) { fromWindow(w)->onMouseButton(b, a, m); });
    glfwSetCursorPosCallback(handle, [](GLFWwindow* w, double x, double y) { fromWindow(w)->onCursorMoved(x, y); });
    glfwSetScrollCallback(handle, [](GLFWwindow* w, double, double y) { fromWindow(w)->onScroll(y); });
    glfwSetKeyCallback(handle, [](GLFWwindow* w, int k, int, int a, int m) { fromWindow(w)->onKey(k, a, m); });
    // Files dropped from a file manager open as the panel's Open field would open them.
    glfwSetDropCallback(handle, [](GLFWwindow* w, int count, const char** paths) {
        fromWindow(w)->framesToDraw_ = kFramesAfterEvent;
        fromWindow(w)->openPaths(std::vector<std::filesystem::path>(paths, paths + count));
    });
    glfwSetWindowFocusCallback(handle, [](GLFWwindow* w, int focused) { fromWindow(w)->onFocus(focused != 0); });
    // Uncovered, resized or moved to another screen: the picture must be drawn again.
    glfwSetCharCallback(handle, [](GLFWwindow* w, unsigned int) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
    glfwSetCursorEnterCallback(handle, [](GLFWwindow* w, int) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
    glfwSetWindowRefreshCallback(handle, [](GLFWwindow* w) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
    glfwSetFramebufferSizeCallback(handle, [](GLFWwindow* w, int, int) { fromWindow(w)->framesToDraw_ = kFramesAfterEvent; });
    platform::listenForTouch([this](const TouchIntent& intent) { onTouchGesture(intent); });
    traceStartup("window and GL context open");
    frameRenderer_ = std::make_unique<render::FrameRenderer>(scene_);
    traceStartup("meshes uploaded, shaders built");
}

void Application::startUi(float uiScale) {
    uiScale_ = uiScale;
    const std::string fontWarning = ui_.start(window_->handle(), effectiveUiScale());
    // Typed characters go to ImGui through the press queue, in their place among the keys; this
    // replaces the backend's own callback, which handed them over at once (app/press_queue.hpp).
    glfwSetCharCallback(window_->handle(), [](GLFWwindow* w, unsigned int c) {
        fromWindow(w)->framesToDraw_ = kFramesAfterEvent;
        fromWindow(w)->ui_.queueCharacter(static_cast<char32_t>(c));
    });
    if (!fontWarning.empty()) setStatus(fontWarning, true);  // e.g. no font for a Chinese file name: on screen too
    // After ImGui: its 1.86 backend sets a monitor callback of its own that does nothing and does
    // not pass the event on, so one installed before it would never hear of an unplugged projector.
    gMonitorListener = window_->handle();
    glfwSetMonitorCallback([](GLFWmonitor* monitor, int event) {
        if (event == GLFW_DISCONNECTED && gMonitorListener) fromWindow(gMonitorListener)->onMonitorDisconnected(monitor);
        if (event == GLFW_CONNECTED && gMonitorListener) fromWindow(gMonitorListener)->onMonitorConnected(monitor);
    });
    traceStartup("ImGui ready");
}

void Application::startWindow() {
    settings_ = SettingsStore(configDirectory() / "settings.toml", platform::keepUserFiles);
    const LoadedSettings saved = settings_.load();
    if (!saved.warning.empty()) logLine(saved.warning);
    const bool sizeFromSettings = !options_.sizeGiven;
    openWindow(true, sizeFromSettings ? saved.settings.windowWidth : options_.width,
               sizeFromSettings ? saved.settings.windowHeight : options_.height);
    if (sizeFromSettings && saved.settings.windowX && saved.settings.windowY)
        glfwSetWindowPos(window_->handle(), *saved.settings.windowX, *saved.settings.windowY);
    window_->keepOnScreen();  // a place saved beside a projector that is no longer there
    // The first run: the window takes its monitor's working area, and a short hint says how to
    // turn and zoom and where the keys are (unless a lesson was asked for: a link or a teacher's
    // command sent the user to a step, and the hint would cover it).
    if (!saved.found && !options_.sizeGiven) glfwMaximizeWindow(window_->handle());
    firstRunHint_ = !saved.found && !options_.lesson;
    contentScale_ = window_->contentScale();
    startUi(saved.settings.uiScale > 0.0f ? saved.settings.uiScale : contentScale_);
    screenshotBackground_ = saved.settings.screenshotBackground;
    slideFormat_ = saved.settings.slideExport;
    if (!options_.antiAliasing) antiAliasing_ = saved.settings.antiAliasing;
    // Back where the teacher left off, unless the command line asked for a lesson.
    if (!options_.lesson && !saved.settings.lastLesson.empty())
        if (const Lesson* lesson = lessons_.library().find(saved.settings.lastLesson)) apply(act::OpenLesson{*lesson, saved.settings.lastStep});
    if (!saved.warning.empty()) setStatus("Settings were damaged; the defaults are used (details on the terminal)");
    if (options_.present) apply(act::SetPresenter{true});
    if (options_.audienceScreen) apply(act::SetPresenter{true, platform::offersSecondWindow()});
    displaySize_ = window_->windowSize();
    tellViewAspect(false);
    // Outside a lesson the window opens on the home view framed for its own shape; a step keeps
    // the view it glides to (and --view keeps the one it asked for).
    if (!session_->lessonPlayer().active()) apply(act::SetCamera{session_->homePose()});
    settings_.stepSaved(session_->lessonPlayer().revision());
}

void Application::windowFrame() {
    if (window_->minimised()) {
        // Nothing to draw into: sleep until restored instead of spinning through empty frames.
        glfwWaitEventsTimeout(0.25);
        return;
    }
    // Sleep while nothing moves: a viewer left open through a class should not heat the laptop. It
    // wakes for input (every callback asks for frames), and for the next thing due on a clock.
    if (session_->moving() || input_.dragging() || slideExport_ || framesToDraw_ > 0 || ui_.pressesPending()) {
        glfwPollEvents();
    } else {
        // Without lesson files to watch (a --model file) only the status and the hint fall due.
        double due = lessons_.watching() ? lessons_.nextCheck() : now() + 1.0;
        if (const std::optional<double> statusEnds = status_.due()) due = std::min(due, *statusEnds);
        if (presenterHintUntil_ > now()) due = std::min(due, presenterHintUntil_);
        glfwWaitEventsTimeout(std::clamp(due - now(), 0.01, 1.0));
        // Woken by the clock, not by an event: draw only if something due changed what is shown.
        if (framesToDraw_ == 0) {
            if (!doDueWork()) return;
            framesToDraw_ = kFramesAfterEvent;
        }
    }
    if (window_->minimised()) return;
    drawWindowFrame(window_->windowSize(), window_->framebufferSize());
    window_->swapBuffers();
    if (framesToDraw_ > 0) --framesToDraw_;
}

bool Application::doDueWork() {
    const std::string statusBefore = status_.text();
    const std::uint64_t revisionBefore = session_->lessonPlayer().revision();
    followReload(lessons_.reloadIfChanged(now(), openLessonId()));
    const bool hintEnded = presenterHintUntil_ > 0.0 && now() > presenterHintUntil_;
    if (hintEnded) presenterHintUntil_ = 0.0;
    const bool statusEnded = status_.expire(now());
    // On two screens the teacher's clock ("presenting for 12:05") moves on every second.
    return statusEnded || status_.text() != statusBefore || session_->lessonPlayer().revision() != revisionBefore || hintEnded || session_->twoScreens();
}

void Application::drawWindowFrame(glm::vec2 windowSize, glm::ivec2 framebuffer) {
    // A minimised window can report 0 x 0 before (or instead of) saying it is iconified: there is
    // nothing to draw into, and the 3D view's shape would be 0 / 0.
    if (framebuffer.x <= 0 || framebuffer.y <= 0 || windowSize.x <= 0.0f || windowSize.y <= 0.0f) return;
    const double frameTime = now();
    const double elapsed = std::max(frameTime - lastFrameTime_, 0.0);
    lastFrameTime_ = frameTime;
    followReload(lessons_.reloadIfChanged(now(), openLessonId()));
    followScreens();
    continueSlideExport();
    displaySize_ = windowSize;
    updateHover();
    step(elapsed, {windowSize, framebuffer, nullptr, Background::Dark});
    // A crash or power cut mid-class loses nothing: each step reached is kept.
    if (const std::string problem = settings_.saveOnStepChange(session_->lessonPlayer().revision(), currentSettings()); !problem.empty())
        setStatus(problem);
    if (screenshotRequested_) saveScreenshot();
}

void Application::finishWindow() { storeSettings(); }

Settings Application::currentSettings() const {
    Settings settings;
    settings.uiScale = uiScale_;
    if (const LessonPlayer& player = session_->lessonPlayer(); player.active()) {
        settings.lastLesson = player.lesson().id;
        settings.lastStep = player.stepIndex();
    } else if (atlasPlace_) {  // the teacher's own files are shown: the lesson step left is kept
        settings.lastLesson = atlasPlace_->first;
        settings.lastStep = atlasPlace_->second;
    }
    if (window_ && !window_->fullscreen()) {
        const ScreenRect place = window_->placement();
        settings.windowX = place.x;
        settings.windowY = place.y;
        if (place.width > 0 && place.height > 0) settings.windowWidth = place.width, settings.windowHeight = place.height;
    }
    settings.screenshotBackground = screenshotBackground_;
    settings.antiAliasing = antiAliasing_;
    settings.slideExport = slideFormat_;
    return settings;
}

void Application::storeSettings() {
    if (const std::string problem = settings_.save(currentSettings()); !problem.empty()) setStatus(problem);
}

void Application::setUiScale(float scale) {
    uiScale_ = std::clamp(scale, 1.0f, 3.0f);
    storeSettings();
    setStatus("Text and lines at " + percentText(uiScale_));
}

void Application::saveScreenshot() {
    screenshotRequested_ = false;
    const glm::ivec2 size = window_->framebufferSize();
    const std::filesystem::path file = timestampedPicture(".png");
    const bool wasShowingUi = showUi_;
    try {
        // Ctrl+F12 draws the slide layout for this one image: the panels are rebuilt without them,
        // as a slide (no status line), over three frames as renderImage does: auto-sized windows
        // measure themselves first (fresh tester, session 10: one pass left the caption out, a
        // quarter of the image empty, and the last status line in).
        if (slideScreenshot_) {
            showUi_ = false;
            stillSlide_ = true;
            const glm::vec2 windowSize = window_->windowSize();
            for (int frame = 0; frame < 3; ++frame)
                buildUi(windowSize, glm::vec2(size) / glm::max(windowSize, glm::vec2(1.0f)), screenshotBackground_);
        }
        // The frame just drawn, again, into an image: nothing moves on.
        render::OffscreenTarget target(size.x, size.y, sceneNeedsTargetDepth());
        Image image;
        {
            const render::BoundTarget bound(&target, size);
            drawScene(bound, size, screenshotBackground_);
            if (!blanked()) ui_.draw();
            image = target.read();
        }
        const std::string problem = writePng(image, file);
        if (problem.empty() && platform::offerDownload(file)) setStatus("Screenshot downloaded: " + file.filename().string());
        else setStatus(problem.empty() ? "Saved screenshot: " + file.string() : "Screenshot not saved to " + file.string() + ": " + problem);
    } catch (const std::exception& e) {
        setStatus(std::string("Screenshot not saved: ") + e.what());
    }
    showUi_ = wasShowingUi;
    stillSlide_ = false;
    slideScreenshot_ = false;
}

// "Export slides and handout..." and Ctrl+E: the choice first, at the last export's format.
void Application::openExportChoice() {
    if (slideExport_) return;
    if (!session_->lessonPlayer().active()) setStatus("Ctrl+E exports a lesson's slides: open a lesson first (Lesson tab)");
    else exportChoice_ = slideFormat_;
}

// The dialog's answer: a new choice shows at once; Export remembers it and starts; Cancel writes nothing.
void Application::applyExportIntents(const ui::ViewerUiIntents& intents) {
    if (intents.exportSlides) openExportChoice();
    const ui::ExportDialogIntents& dialog = intents.exportDialog;
    if (!exportChoice_) return;
    if (dialog.choose) exportChoice_ = *dialog.choose;
    if (dialog.cancel || !session_->lessonPlayer().active()) exportChoice_.reset();
    if (!dialog.confirm || !exportChoice_) return;
    exportChoice_.reset();
    slideFormat_ = *dialog.confirm;
    storeSettings();
    startSlideExport();
}

void Application::startSlideExport() {
    const LessonPlayer& player = session_->lessonPlayer();
    if (!player.active() || slideExport_) return;
    const std::filesystem::path folder = timestampedPicture("-" + player.lesson().id);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        setStatus("Slides not exported: cannot create " + folder.string() + " (" + ec.message() + ")");
        return;
    }
    slideExport_.emplace(WindowExport{LessonExport(player.lesson(), folder, slideFormat_), player.stepIndex(), session_->camera().pose, displaySize_});
}

void Application::continueSlideExport() {
    if (!slideExport_) return;
    LessonExport& job = slideExport_->job;
    if (!job.allStepsDone()) {
        if (const std::string problem = job.writeNextStep(*this); !problem.empty()) {
            setStatus("Slides not exported: " + problem);
            slideExport_.reset();
        }
        return;
    }
    if (const std::string problem = job.writeHandout(); !problem.empty()) {
        setStatus("Handout not exported: " + job.handoutFile().string() + ": " + problem);
        slideExport_.reset();
        return;
    }
    // Back to where the teacher was, as if nothing had happened.
    displaySize_ = slideExport_->returnDisplay;
    tellViewAspect(false);
    apply(act::OpenLesson{job.lesson(), slideExport_->returnStep});
    apply(act::FinishTransitions{});
    apply(act::SetCamera{slideExport_->returnCamera});
    const std::string cut = job.cutStepsLine("a larger slide size (Export slides and handout...)");
    // A browser page's folder vanishes with it: there every slide and the handout are downloaded.
    int downloaded = 0;
    for (const std::filesystem::path& file : job.files()) downloaded += platform::offerDownload(file) ? 1 : 0;
    const std::string slides = std::to_string(job.stepCount()) + " slides (" + slideFormatText(job.format()) + ") and index.html";
    const std::string where = downloaded > 0 ? "Downloaded " + slides : "Exported " + slides + " to " + job.folder().string();
    setStatus(where + (cut.empty() ? "" : "; " + cut));
    slideExport_.reset();
}

void Application::updateHover() { input_.updateHover(layout().scene, ui_.wantsMouse()); }

void Application::onMouseButton(int button, int action, int mods) {
    if (action != GLFW_PRESS && action != GLFW_RELEASE) return;
    double x = 0.0, y = 0.0;
    glfwGetCursorPos(window_->handle(), &x, &y);
    // The panels see each change in a frame of its own, after what was typed before it.
    ui_.queueButton(button, action == GLFW_PRESS, static_cast<float>(x), static_cast<float>(y));
    onPointerButton(pointerButton(button), action == GLFW_PRESS, (mods & GLFW_MOD_SHIFT) != 0, (mods & GLFW_MOD_ALT) != 0);
}

void Application::onPointerButton(PointerButton button, bool pressed, bool shift, bool alt) {
    framesToDraw_ = kFramesAfterEvent;
    scriptPointer_.down[static_cast<int>(button)] = pressed;
    if (pressed) input_.buttonPressed(button, shift, ui_.wantsMouse(), layout().scene, alt);
    else input_.buttonReleased(button, layout().scene);
}

void Application::onCursorMoved(double x, double y) {
    framesToDraw_ = kFramesAfterEvent;
    scriptPointer_.position = {static_cast<float>(x), static_cast<float>(y)};
    input_.cursorMoved({static_cast<float>(x), static_cast<float>(y)}, layout().scene);
}

void Application::onScroll(double yOffset) {
    framesToDraw_ = kFramesAfterEvent;
    input_.scrolled(static_cast<float>(yOffset), layout().scene, ui_.wantsMouse());
}

void Application::onScriptKey(KeyChord chord) {
    scriptPointer_.keys.push_back(glfwKeyOf(chord.key));
    scriptPointer_.mods = chord.mods;
    if (const char32_t c = typedCharacter(chord); c > 0 && c < 128) scriptPointer_.text += static_cast<char>(c);
    onKeyPress(chord);
}

void Application::onScriptScroll(double notches) {
    scriptPointer_.wheel += static_cast<float>(notches);
    onScroll(notches);
}

void Application::onScriptText(std::string_view utf8) {
    framesToDraw_ = kFramesAfterEvent;
    scriptPointer_.text += utf8;
}

void Application::onFocus(bool focused) {
    framesToDraw_ = kFramesAfterEvent;
    if (!focused) input_.focusLost();
}

void Application::onTouchGesture(const TouchIntent& intent) {
    framesToDraw_ = kFramesAfterEvent;
    const ViewRect view = layout().scene;
    const bool overPanels = ui_.wantsMouse();  // where the first finger went: a pinch begun on a panel does nothing
    switch (intent.kind) {
        case TouchIntent::Kind::PointerCancel: input_.focusLost(); break;
        case TouchIntent::Kind::Pan:
            if (!overPanels) apply(act::Pan{intent.delta, view.size});
            break;
        case TouchIntent::Kind::Zoom:
            if (!overPanels) apply(act::Zoom{intent.position - view.origin, view.size, intent.notches});
            break;
        case TouchIntent::Kind::NextStep: apply(act::NextStep{}); break;
        case TouchIntent::Kind::PreviousStep: apply(act::PreviousStep{}); break;
        default: break;  // the pointer's own events come as the mouse's
    }
}

void Application::onMonitorDisconnected(GLFWmonitor* monitor) {
    framesToDraw_ = kFramesAfterEvent;
    if (audience_ && audience_->window->leaveLostMonitor(monitor))
        setStatus("The class's screen was disconnected; its window moved to one that is still there (F6 closes it)");
    if (!window_ || !window_->leaveLostMonitor(monitor)) return;
    setStatus("A screen was disconnected; the window moved to one that is still there (F11: full screen)");
}

void Application::onMonitorConnected(GLFWmonitor* monitor) {
    framesToDraw_ = kFramesAfterEvent;
    if (!audience_ || audience_->window->fullscreen() || !audience_->window->moveToNewMonitor(monitor, window_->placement())) return;
    setStatus("A second screen was connected: the class's window is full screen on it (F6 or Esc: back to one window)");
}

void Application::onKey(int key, int action, int mods) {
    framesToDraw_ = kFramesAfterEvent;
    if (action != GLFW_REPEAT) ui_.queueKey(key, action == GLFW_PRESS);  // the panels see each change in a frame of its own
    if (action == GLFW_PRESS) onKeyPress(keyChordFromGlfw(key, mods));
}

void Application::onKeyPress(KeyChord chord) {
    if (exportChoice_) return;  // the export's dialog has the keyboard (its arrows, Enter and Esc)
    if (endsAddingLabels(chord)) return;  // Esc ends "Add label: click the model" first
    onViewerKey(chord, Screen::Teacher);
}

void Application::onViewerKey(KeyChord chord, Screen from) {
    // The class's window has no panels: its keys are the viewer's, whatever the teacher's panel has.
    const auto command = input_.keyPress(chord, *session_, from == Screen::Teacher && ui_.wantsKeyboard());
    if (!command) return;
    switch (*command) {
        case ViewerAction::ToggleTwoScreens:
            if (platform::offersSecondWindow() && !scripted_) apply(act::SetPresenter{!session_->twoScreens(), true});
            else if (scripted_) setStatus("F6 (two screens) opens a second window, which a --script run does not: it draws one offscreen picture");
            else setStatus("Two screens need the desktop program (a browser page has one window)");
            break;
        case ViewerAction::ToggleFullscreen:
            // In the class's window: full screen on the projector it was dragged to.
            if (from == Screen::Audience && audience_) audience_->window->toggleFullscreen();
            else if (!scripted_) window_->toggleFullscreen();  // a script's picture is its offscreen image
            break;
        case ViewerAction::Screenshot: screenshotRequested_ = true; break;
        case ViewerAction::ScreenshotSlide:
            slideScreenshot_ = true;
            screenshotRequested_ = true;
            break;
        case ViewerAction::ExportSlides: openExportChoice(); break;
        case ViewerAction::Quit: window_->requestClose(); break;
        case ViewerAction::ScaleUp: setUiScale(uiScale_ + 0.25f); break;
        case ViewerAction::ScaleDown: setUiScale(uiScale_ - 0.25f); break;
        case ViewerAction::ScaleReset: setUiScale(contentScale_); break;
        case ViewerAction::OpenFiles: askForFiles(); break;
        case ViewerAction::UndoEdit:
            // Ctrl+Z is the lesson editor's while a lesson is being edited; otherwise it undoes the
            // joint drags, the last first, while drags are the last changes to the pose (README's key table).
            if (!draft_) {
                const bool undone = session_->motion().canUndoDrag();
                apply(act::UndoPoseDrag{});
                setStatus(!undone ? "Nothing to undo (Ctrl+Z undoes joint drags, and edits while a lesson is edited)"
                          : session_->motion().canUndoDrag() ? "Pose before the drag restored (Ctrl+Z: the drag before it)"
                                                              : "Pose before the drags restored");
                break;
            }
            [[fallthrough]];
        case ViewerAction::ToggleEditing:
        case ViewerAction::RedoEdit: {
            ui::LessonEditorIntents edit;
            edit.toggleEdit = *command == ViewerAction::ToggleEditing;
            edit.undo = *command == ViewerAction::UndoEdit;
            edit.redo = *command == ViewerAction::RedoEdit;
            applyEditIntents(edit);
            break;
        }
        case ViewerAction::ToggleAutoplay: setStatus(session_->autoplay() ? "Autoplay on" : "Autoplay off"); break;
        case ViewerAction::ToggleHelp: firstRunHint_ = false; break;  // the key list says it all
        case ViewerAction::ToggleCaption: setStatus(captionStatus(session_->captionPlace())); break;
        case ViewerAction::TogglePause: setStatus(session_->paused() ? "Paused (P resumes)" : "Resumed"); break;
        default: break;  // the session has it
    }
}

// Ctrl+O: the browser's file picker, else the panel's open field, asked to take the keyboard.
void Application::askForFiles() { focusOpenFieldFrames_ = pickFiles() ? 0 : 3; }

}  // namespace psoas::app
