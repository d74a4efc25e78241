#include "app/application.hpp"

#include "app/commands.hpp"
#include "app/first_view.hpp"
#include "app/image_file.hpp"
#include "app/input_map.hpp"
#include "app/jobs.hpp"
#include "app/platform.hpp"
#include "app/startup_trace.hpp"
#include "app/terminal_log.hpp"
#include "app/pose_saving.hpp"
#include "app/user_paths.hpp"
#include "core/attachment_tint.hpp"
#include "render/gl_debug.hpp"
#include "render/render_target.hpp"
#include "ui/session_view.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace psoas::app {

namespace {

Scene loadInitialScene(const Options& options) {
    traceStartup("command line read");
    Scene scene = options.model ? loadModelScene(*options.model) : loadAtlasScene(dataDirectory() / "models" / "atlas.toml", options.meshSet);
    traceStartup("meshes loaded");
    logSceneNotes(scene);
    return scene;
}
}  // namespace

Application::Application(Options options)
    : options_(std::move(options)), scene_(loadInitialScene(options_)),
      antiAliasing_(options_.antiAliasing.value_or(AntiAliasing::EdgeFilter)), screenshotBackground_(options_.background),
      displaySize_{static_cast<float>(options_.width), static_cast<float>(options_.height)}, scripted_(options_.script.has_value()) {
    options_.glDebug = options_.glDebug || options_.soak > 0 || scripted_;  // long and scripted runs count every GL error
    if (options_.model && options_.lesson) throw UsageError("--lesson: lessons use the built-in model set, not --model files");
    startSession();
    orientationChoice_ = options_.model ? options_.model->orientation : ModelOrientation{};
    if (options_.breath) session_->apply(act::HoldBreath{*options_.breath});
    if (options_.model) return;
    showFirstView(*this, options_);
    traceStartup("poses and lessons loaded");
}

int Application::run() {
    switch (options_.mode) {
        case RunMode::Screenshot: return runScreenshot(*this, options_);
        case RunMode::ExportLesson: return runLessonExport(*this, options_);
        case RunMode::Bench: return runBench(*this, options_);
        case RunMode::Record: return runRecord(*this, options_);
        case RunMode::Soak: return runSoak(*this, options_);
        default: break;
    }
    if (options_.script) return runScript(*this, options_);
    startWindow();
    platform::runFrames([this] {
        if (window_->shouldClose() && !holdCloseForEdits()) return false;
        windowFrame();
        return true;
    });
    finishWindow();
    return 0;
}

// The lessons as read now: their characters in the fonts, their problems on the terminal.
void Application::lessonsRead() {
    for (const LessonEntry& entry : lessons_.library().entries()) {
        ui_.coverFile(entry.file);
        ui_.cover(entry.origin);
        for (const Diagnostic& d : entry.problems) ui_.cover(d.format());
    }
    for (const std::string& line : lessons_.library().problemReport()) logLine(line);
}

bool Application::openLesson(std::string_view id, int step) {
    const Lesson* lesson = lessons_.library().find(id);
    if (lesson) apply(act::OpenLesson{*lesson, step});
    return lesson != nullptr;
}

void Application::checkLessonFiles(bool force) { followReload(lessons_.reload(openLessonId(), force)); }

std::string Application::openLessonId() const {
    return session_->lessonPlayer().active() ? session_->lessonPlayer().lesson().id : "";
}

// After the shelf read its folders again: the new glyphs and problems, the open lesson's new version.
void Application::followReload(const std::optional<LessonReload>& reload) {
    if (!reload) return;
    if (reload->loaded) lessonsRead();
    if (reload->reopened) apply(act::ReloadLesson{*reload->reopened});
    if (!reload->status.empty()) setStatus(reload->status, !reload->alreadyLogged);
}

void Application::apply(const SessionAction& action) {
    // While the lesson editor adds labels, a click on the model labels what it hits (issue 14).
    if (const auto* click = std::get_if<act::Click>(&action); click && addingLabels()) {
        addLabelAt(*click);
        return;
    }
    const bool wasPresenter = session_->presenter();
    const bool wasTwoScreens = session_->twoScreens();
    const bool wasDragging = session_->holdingJoint();
    session_->apply(action);
    // Esc cancelled a drag: the status line no longer shows the drag's angles (fresh tester A,
    // session 12: "abduction 45°" stayed after the leg went back).
    if (wasDragging && !session_->holdingJoint() && std::holds_alternative<act::Escape>(action))
        setStatus("Drag cancelled: the joint is back where it was", false);
    // While a joint is dragged the status line says its angles (the Motion tab may be closed).
    if (std::holds_alternative<act::DragJoint>(action) && session_->jointDrag())
        setStatus(dragAnglesText(*session_->jointDrag(), session_->motion().currentPose()) + "  (Ctrl+Z undoes the drag)", false);
    if (session_->presenter() != wasPresenter) {
        presenterHintUntil_ = now() + 6.0;
        presentingSince_ = now();
    }
    // Presenting is class time: the first run's hint ("Left-drag turns the model…") is done with,
    // and never comes up on leaving (fresh tester, session 9: it appeared on the teacher's window
    // after Esc ended two screens, in the middle of the class).
    if (session_->presenter()) firstRunHint_ = false;
    // Full screen with presenter mode on one screen; on two the laptop keeps its window.
    const bool fullscreen = teacherFullscreen(session_->presenter(), session_->twoScreens());
    const bool changed = session_->presenter() != wasPresenter || session_->twoScreens() != wasTwoScreens;
    if (changed && window_ && !scripted_ && window_->fullscreen() != fullscreen) window_->toggleFullscreen();
    uploadMotion();
}

void Application::uploadMotion() {
    const SceneMotion* motion = session_->sceneMotion();
    if (!frameRenderer_ || !motion || uploadedMotion_ == session_->motionRevision()) return;
    uploadedMotion_ = session_->motionRevision();
    uploadedVertices_.resize(scene_.structures.size(), 0);
    // Only the meshes whose vertices changed (a walking step bends the four hip flexors; the
    // column's parts stay): each mesh's revision against the one the renderer has.
    for (std::size_t i = 0; i < scene_.structures.size(); ++i) {
        const auto* positions = motion->positions(i);
        if (!positions || motion->vertexRevision(i) == uploadedVertices_[i]) continue;
        frameRenderer_->updateVertices(i, *positions, *motion->normals(i));
        uploadedVertices_[i] = motion->vertexRevision(i);
    }
}

void Application::tellViewAspect(bool reframe) { apply(act::SetViewAspect{layout().sceneAspect(), reframe}); }

std::vector<ui::LabelAnchor> Application::labelAnchors() const { return ui::labelAnchorsOf(*session_, layout().scene); }

// On two screens the keys are the teacher's business: neither the key strip nor the key list (H)
// goes on the class's screen (fresh tester, session 9).
bool Application::presenterHintShown() const { return role().forTheRoom && !session_->twoScreens() && now() < presenterHintUntil_; }

bool Application::blanked() const { return screenBlanked(building_, session_->blank(), session_->twoScreens()); }

ScreenRole Application::role() const { return screenRole(building_, session_->presenter(), session_->twoScreens(), showUi_); }

double Application::now() const { return window_ ? glfwGetTime() : 0.0; }

// Presenter mode's caption goes where the teacher chose (C); a slide or --no-ui image has it below.
CaptionPlace Application::captionPlace() const {
    if (!session_->lessonPlayer().active()) return CaptionPlace::None;
    return role().forTheRoom ? session_->captionPlace() : CaptionPlace::Below;
}

ViewerLayout Application::layout() const {
    const auto screen = static_cast<std::size_t>(building_);
    return psoas::layoutFor(displaySize_, effectiveUiScale(), role().mode, captionPlace(), captionHeight_[screen],
                            presenterHintShown() ? hintHeight_[screen] : 0.0f);
}

void Application::step(double seconds, const FrameTarget& target, FrameTimes* times) {
    using Clock = std::chrono::steady_clock;
    auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    const auto start = Clock::now();
    displaySize_ = target.displaySize;
    showUi_ = target.withUi;
    // On two screens the step is framed for the class's view; the teacher sees the same camera.
    const bool twoScreens = audience_ && !target.image && !audience_->window->minimised();
    if (twoScreens) {
        const AudienceScope audience(*this, audienceSize());
        tellViewAspect(true);
    } else {
        tellViewAspect(true);
    }
    session_->advance(seconds);
    uploadMotion();
    // The class's picture first, so that the teacher's UI frame is the last one laid out: the
    // pointer and keys that arrive before the next frame are judged against the teacher's panels.
    if (twoScreens) drawAudienceFrame();
    const auto advanced = Clock::now();
    buildUi(target.displaySize, glm::vec2(target.framebufferSize) / glm::max(target.displaySize, glm::vec2(1.0f)), target.background);
    input_.laidOut(ui_.wantsMouse(), layout().scene);  // a tap's press waited for the panels at its place
    const auto laidOut = Clock::now();
    const render::BoundTarget bound(target.image, target.framebufferSize);
    drawScene(bound, target.framebufferSize, target.background);
    const auto sceneDrawn = Clock::now();
    if (!blanked()) ui_.draw();
    if (!times) return;
    times->advanceMs = ms(start, advanced);
    times->uiMs = ms(advanced, laidOut) + ms(sceneDrawn, Clock::now());
    times->sceneMs = ms(laidOut, sceneDrawn);
}

void Application::drawScene(const render::BoundTarget& target, glm::ivec2 framebufferSize, Background background) {
    // Built from the session for this frame only: nothing of a look outlives its frame.
    frameRenderer_->render(session_->frameState(layout().scene, displaySize_, framebufferSize, clearColour(background), antiAliasing_, blanked()),
                           target);
}

Image Application::renderImage(int width, int height, Background background, bool withUi) {
    if (!window_) {
        // The hidden window only carries the GL context, so it is kept tiny: its own colour and
        // depth buffers would otherwise cost ~25 MB at 1920x1080 on software GL.
        openWindow(false, 64, 64);
        startUi(1.0f);  // fixed scale: the same command gives the same image on every machine
    }
    const bool wasShowingUi = showUi_;
    const float wasScale = uiScale_;
    showUi_ = withUi;
    stillSlide_ = !withUi;
    // Slides are shown large: their text grows with the picture (1.0 at 720 lines, 1.5 at 1080) so
    // a caption reads the same on a projected slide whatever size it was exported at.
    if (!withUi) uiScale_ = std::clamp(static_cast<float>(height) / 720.0f, 1.0f, 3.0f);
    displaySize_ = {static_cast<float>(width), static_cast<float>(height)};
    // As the window shows the step once its transitions have finished, framed for this 3D view.
    apply(act::SetViewAspect{layout().sceneAspect(), true, 0.0f});
    apply(act::FinishTransitions{});
    render::OffscreenTarget target(width, height, sceneNeedsTargetDepth());
    // ImGui lays windows out over a couple of frames (auto-sized windows measure themselves
    // first); three frames give the settled layout the window would show. Only the last is drawn:
    // the layout needs no pixels, and each drawn frame costs tens of milliseconds on software GL.
    const glm::vec2 display{static_cast<float>(width), static_cast<float>(height)};
    for (int frame = 1; frame < 3; ++frame) buildUi(display, {1.0f, 1.0f}, background);
    traceStartup("UI laid out");
    step(0.0, {display, {width, height}, &target, background, withUi});
    imageScene_ = layout().scene;
    traceStartup("frame submitted");
    Image image = target.read();
    showUi_ = wasShowingUi;
    uiScale_ = wasScale;
    stillSlide_ = false;
    return image;
}

// The window's export and --export-lesson both draw their slides here (app/lesson_export).
Image Application::renderStep(const Lesson& lesson, int step, glm::ivec2 size, Background background) {
    const bool wasShowingUi = showUi_;
    showUi_ = false;
    displaySize_ = glm::vec2(size);
    tellViewAspect(false);  // framed for the slide's 3D view, not the window's
    showUi_ = wasShowingUi;
    apply(act::OpenLesson{lesson, step});
    return renderImage(size.x, size.y, background, false);
}

void Application::buildUi(glm::vec2 displaySize, glm::vec2 framebufferScale, Background page) {
    displaySize_ = displaySize;
    const bool forAudience = building_ == Screen::Audience;
    UiBackend& ui = forAudience ? *audience_->ui : ui_;
    ui.newFrame(effectiveUiScale(), displaySize, framebufferScale, scripted_ && !forAudience ? &scriptPointer_ : nullptr);
    const ScreenRole screen = role();
    const ViewerLayout frame = layout();
    const LessonPlayer& player = session_->lessonPlayer();
    ui::ViewerUiState state;
    state.scene = &scene_;
    state.visibility = &session_->visibility();
    state.hovered = session_->quizOpen() ? -1 : session_->hovered();  // a name under the cursor would give the answer away
    state.selected = session_->selected();
    state.structureQuery = structureQuery_;
    state.poseNameDraft = poseNameDraft_;
    state.cursor = input_.cursor();
    state.showHelp = session_->showHelp() && !forAudience;
    state.help = &helpEntries();
    state.background = screenshotBackground_;
    state.page = page;
    state.antiAliasing = antiAliasing_;
    if (!forAudience && !stillSlide_) state.status = status_.shownAt(now());  // the teacher's messages: never on the class's screen or a slide
    state.uiScale = effectiveUiScale();
    state.fonts = &ui.fonts();
    state.slideLayout = screen.mode == LayoutMode::Slide;
    state.captionShown = captionPlace() != CaptionPlace::None;
    state.firstRunHint = firstRunHint_;
    state.captionView = frame.caption;
    state.presenterTheme = screen.forTheRoom;
    state.blank = blanked();
    state.captionHeight = state.slideLayout ? captionHeight_[static_cast<std::size_t>(building_)] : 0.0f;
    if (presenterHintShown()) state.presenterHint = ui::presenterHint(*session_);
    state.sceneView = frame.scene;
    state.panel = frame.panel;
    state.labels = ui::labelAnchorsOf(*session_, frame.scene, &state.silhouette);
    const std::vector<ui::LessonListItem> lessonList = ui::lessonListOf(lessons_.library());
    if (!options_.model) state.lessons = &lessonList;
    state.attachmentLegend = player.active() && !player.step().attachments.empty();
    if (state.attachmentLegend) state.attachmentMuscles = attachmentLegendLines(scene_, player.step().attachments);
    describeExport(state, forAudience);
    if (session_->sceneMotion()) state.motion = ui::motionViewOf(*session_, session_->poses());
    state.lengthLegend = state.motion && state.motion->colourByLength;
    state.notice = ui::breathingNotice(*session_);
    if (session_->blank() && !state.blank) state.notice = "The class's screen is blank: any key brings it back";
    state.lesson = ui::lessonViewOf(*session_);
    if (state.lesson && stillSlide_) state.lesson->answerable = false;
    if (platform::offersSecondWindow() && !scripted_) state.twoScreens = session_->twoScreens();
    if (state.lesson && session_->twoScreens() && !forAudience) ui::addPresenterDesk(*state.lesson, *session_, now() - presentingSince_);
    state.openLesson = ui::openLessonIndex(lessons_.library(), *session_);
    if (!forAudience) state.editor = editorView();  // the editor's questions are the teacher's
    state.model = modelPanelView();
    const ui::ViewerUiIntents intents = ui::drawViewerUi(state);
    // Asked until the field took the keyboard (it keeps it from then on), a few frames at most.
    focusOpenFieldFrames_ = intents.model.fieldFocused ? 0 : std::max(focusOpenFieldFrames_ - 1, 0);
    applyIntents(intents);
    ui.endFrame();
}

// The window's export: its progress while it runs; its choice while the dialog is open (the
// teacher's screen only).
void Application::describeExport(ui::ViewerUiState& state, bool forAudience) const {
    if (slideExport_) {
        const LessonExport& job = slideExport_->job;
        state.exportProgress = static_cast<float>(job.stepsDone()) / static_cast<float>(std::max(job.stepCount(), 1));
        state.exportText = "Step " + std::to_string(std::min(job.stepsDone() + 1, job.stepCount())) + " of " +
                           std::to_string(job.stepCount()) + " of '" + job.lesson().title + "' (" + slideFormatText(job.format()) +
                           ") to " + job.folder().string();
    }
    const LessonPlayer& player = session_->lessonPlayer();
    if (exportChoice_ && player.active() && !forAudience)
        state.exportDialog = ui::ExportDialogView{*exportChoice_, player.lesson().title, static_cast<int>(player.lesson().steps.size())};
}

void Application::setStatus(std::string text, bool onTerminal) {
    // The message on the status line said again is not a new line on the terminal: a typed angle
    // past the joint's range is held again each frame its field stays open (tester E, session 14:
    // the same line 8 to 23 times).
    if (onTerminal && text != status_.text()) logLine(text);
    ui_.cover(text);
    status_.say(std::move(text));
}

}  // namespace psoas::app
