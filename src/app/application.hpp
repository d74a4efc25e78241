#pragma once
// The viewer application: the window, the viewer session, the renderer and the UI, joined by one
// frame step in a fixed order — time moves on, the UI is laid out and its intents applied, the 3D
// view is drawn, the UI drawn over it. The window runs that step with the machine's clock; the jobs
// (app/jobs.hpp: screenshots, lesson export, --bench, --soak, --record, --script) run it with
// fixed clocks into offscreen images, so what they produce is what the window shows.

#include "app/command_line.hpp"
#include "app/input_controller.hpp"
#include "app/lesson_export.hpp"
#include "app/model_opening.hpp"
#include "app/touch_gestures.hpp"
#include "app/ui_backend.hpp"
#include "app/window.hpp"
#include "core/image.hpp"
#include "core/key.hpp"
#include "core/lesson_draft.hpp"
#include "core/transient_message.hpp"
#include "core/lesson_shelf.hpp"
#include "core/scene.hpp"
#include "core/screen_plan.hpp"
#include "core/settings_store.hpp"
#include "core/viewer_session.hpp"
#include "ui/viewer_panels.hpp"
#include "render/frame_renderer.hpp"
#include "render/offscreen_target.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

struct GLFWmonitor;

namespace psoas::app {

class Application {
public:
    // Loads the scene and the lessons before any window opens, so a bad file never leaves a
    // half-made window. Throws ModelImportError / DataFileError for bad files, UsageError for a
    // --lesson, --step or --pose that does not exist.
    explicit Application(Options options);
    ~Application();
    Application(const Application&) = delete;
    Application& operator=(const Application&) = delete;

    // Runs the mode the command line asked for (the window, or a job). Returns the exit code.
    int run();

    // The interactive window, one piece at a time (run() is these three; tests drive them):
    // open the window with the saved settings, one pass of the frame loop, save on the way out.
    void startWindow();
    void windowFrame();
    void finishWindow();
    // One frame at the sizes the window reports (a minimised window reports 0 x 0).
    void drawWindowFrame(glm::vec2 windowSize, glm::ivec2 framebufferSize);

    // What one frame is drawn into: its size in UI units and in pixels, the image (null: the
    // window's framebuffer), the background, and whether the panels are shown (false: the slide
    // layout: 3D view, labels and the step caption).
    struct FrameTarget {
        glm::vec2 displaySize{1.0f};
        glm::ivec2 framebufferSize{1};
        const render::OffscreenTarget* image = nullptr;
        Background background = Background::Dark;
        bool withUi = true;
    };
    // Where a frame's CPU time went (milliseconds), for --bench.
    struct FrameTimes {
        double advanceMs = 0.0, uiMs = 0.0, sceneMs = 0.0;
    };
    // The one frame step every driver runs: time moves on by `seconds`, the UI is laid out and its
    // intents applied, and the frame is drawn into `target`.
    void step(double seconds, const FrameTarget& target, FrameTimes* times = nullptr);
    // One finished frame (camera moves complete) at the given size: with the panels, or in the slide
    // layout. Opens the hidden window that carries the GL context on first use.
    Image renderImage(int width, int height, Background background, bool withUi);
    // One slide of a lesson step: staged for the slide layout at `size`, transitions finished.
    Image renderStep(const Lesson& lesson, int step, glm::ivec2 size, Background background);
    // Whether the scene draws straight into the target (and needs its depth buffer): only with
    // anti-aliasing off; otherwise render::SceneSmoothing draws it in a buffer of its own.
    [[nodiscard]] bool sceneNeedsTargetDepth() const { return antiAliasing_ == AntiAliasing::Off; }

    // Every change of the session goes through here: the app follows what it must (full screen
    // with presenter mode, bent meshes uploaded after a solve).
    void apply(const SessionAction& action);
    [[nodiscard]] const Scene& scene() const { return scene_; }
    [[nodiscard]] const ViewerSession& session() const { return *session_; }
    [[nodiscard]] const LessonPlayer& lessonPlayer() const { return session_->lessonPlayer(); }
    [[nodiscard]] const OrbitCamera& camera() const { return session_->camera(); }
    [[nodiscard]] int selectedStructure() const { return session_->selected(); }
    [[nodiscard]] const LessonLibrary& lessonLibrary() const { return lessons_.library(); }
    [[nodiscard]] Window* window() const { return window_.get(); }
    // Presenter mode on two screens (F6, the Lesson tab's "Two screens", --audience-screen): the
    // class's window, opened and closed by the frame step as the session asks (null otherwise),
    // and the picture its last frame showed (app/audience_screen.cpp).
    [[nodiscard]] Window* audienceWindow() const { return audience_ ? audience_->window.get() : nullptr; }
    static constexpr const char* kAudienceTitle = "Psoas Atlas - the class's screen";
    [[nodiscard]] std::optional<Image> audiencePicture() const;
    // Whether the last frame's caption bar cut the step's text (ended in "…"): images say so.
    [[nodiscard]] bool captionCut() const { return captionCut_; }
    // Where the last renderImage drew the 3D view, in the image's pixels (a slide's caption is below it).
    [[nodiscard]] ViewRect lastImageScene() const { return imageScene_; }
    [[nodiscard]] const std::string& status() const { return status_.text(); }
    // A one-line message for the user, as the viewer's own are given: the status line and the terminal.
    void tell(std::string text) { setStatus(std::move(text)); }
    // Replaces the scene with the one `source` asks for, as the command line would show it (an atlas
    // scene opens its first lesson), rebuilding the session and the renderer's meshes. A file that
    // cannot be opened keeps the scene, the lesson and the view as they were, and says why in one
    // line on the status line and the terminal. True when the scene was replaced.
    bool openScene(SceneSource source);
    // Dropped, picked or typed paths: lesson files (app/lesson_import.hpp) with openLessonFiles,
    // anything else (app/model_opening.hpp sceneSourceFor) with openScene.
    bool openPaths(const std::vector<std::filesystem::path>& paths);
    // The built-in atlas and its lessons in place of the teacher's own files, at the lesson and
    // step that were open when the files replaced them (else as the command line opens). True
    // when the scene was replaced.
    bool openBuiltInAnatomy();
    // "Open files…": the browser's picker (its files come as a drop; true), or false on the desktop,
    // where the caller takes typed paths. A picker the browser refused says on the status line
    // that the next click opens it.
    bool pickFiles();
    void askForFiles();
    // Lesson files kept in the teacher's lessons folder, the last one opened at its first step; the
    // first file with problems is kept nowhere and its line goes to the status line. True when opened.
    bool openLessonFiles(const std::vector<std::filesystem::path>& files);
    // The Orientation panel's choice for a --model scene: applied at once (the meshes already
    // imported are turned and scaled again, core turnModelScene; no file is read), unless up and
    // anterior lie on one axis — then the panel says why and the scene stays. True when turned.
    bool chooseOrientation(const ModelOrientation& choice);
    // Opens a lesson at a step (0-based); false when there is no such lesson.
    bool openLesson(std::string_view id, int step);
    // Looks for saved, added or removed lesson files now (the window does this twice a second);
    // with `force`, reads them again even when none changed.
    void checkLessonFiles(bool force = false);
    // The labels this frame draws, where their leaders end (window UI units), and where the panel,
    // the 3D view and the caption go: what the leader-line test checks against the pixels.
    [[nodiscard]] std::vector<ui::LabelAnchor> labelAnchors() const;
    [[nodiscard]] ViewerLayout layout() const;

    // Input entry points (GLFW callbacks land here; --script and tests call them directly).
    void onMouseButton(int button, int action, int mods);
    void onPointerButton(PointerButton button, bool pressed, bool shift, bool alt = false);
    void onCursorMoved(double x, double y);
    void onScroll(double yOffset);
    void onKey(int key, int action, int mods);
    // A key in the class's window: the viewer's keys as in the teacher's (a clicker plugged into
    // either turns the pages), never the panels' (the teacher's text field does not take them);
    // F11 there makes the class's window full screen on the monitor it was dragged to.
    void onAudienceKey(int key, int action, int mods);
    // A key press in the viewer's own terms (what onKey makes of GLFW's codes; scripts send these).
    void onKeyPress(KeyChord chord);
    // --script's input, as a real window's events reach both ImGui and the viewer: the key (and the
    // character it types) to the panels first, then onKeyPress; the wheel to the panels, then
    // onScroll; typed text to the panels only.
    void onScriptKey(KeyChord chord);
    void onScriptScroll(double notches);
    void onScriptText(std::string_view utf8);
    [[nodiscard]] const std::string& structureQuery() const { return structureQuery_; }
    void onFocus(bool focused);
    void onTouchGesture(const TouchIntent& intent);  // what a mouse cannot say (platform::listenForTouch)
    void onMonitorDisconnected(GLFWmonitor* monitor);
    // A monitor plugged in while the class's window waits as a window (F6 pressed before the
    // projector's cable): full screen there, unless the teacher's window is on it.
    void onMonitorConnected(GLFWmonitor* monitor);
    // Opens or closes the class's window as the session asks (its own close button or Esc in it
    // leave two screens); a window that cannot be opened leaves presenter mode and says why.
    void followScreens();
    // Picks what is under the pointer again if it or the camera moved.
    void updateHover();
    // The window's lesson export (issue 14): "Export slides and handout..." or Ctrl+E opens the
    // choice of slide size and background (ui/export_dialog) at the teacher's last export; its
    // Export starts the export in that format and remembers it in the settings file.
    // exportChoice(): the choice being made, while the dialog is open. slideFormat(): the last
    // export's format (the settings file's when the window opened; the default in jobs and scripts).
    [[nodiscard]] const std::optional<SlideFormat>& exportChoice() const { return exportChoice_; }
    [[nodiscard]] const SlideFormat& slideFormat() const { return slideFormat_; }
    // The export, one step a frame, so the window stays alive and shows progress; the window's
    // frame loop and --script call it before each frame.
    void continueSlideExport();
    // The lesson being edited in the program (app/lesson_editing.cpp, issue 14); null when none.
    [[nodiscard]] const LessonDraft* lessonDraft() const { return draft_ ? &*draft_ : nullptr; }

private:
    void openWindow(bool visible, int width, int height);
    void startUi(float uiScale);
    // `page`: what the 3D view of the frame being laid out is cleared to (ui::ViewerUiState::page).
    void buildUi(glm::vec2 displaySize, glm::vec2 framebufferScale, Background page);
    void onViewerKey(KeyChord chord, Screen from);
    void drawAudienceFrame();
    void placeOnTheOneScreen(Window& classWindow);
    // What the screen being laid out shows (core screenRole): the teacher's, or the class's.
    [[nodiscard]] ScreenRole role() const;
    [[nodiscard]] bool blanked() const;  // the screen being drawn is black (core screenBlanked)
    [[nodiscard]] glm::vec2 audienceSize() const;
    // While it lives, the frame being laid out is the class's window's, of `size` UI units.
    class AudienceScope {
    public:
        AudienceScope(Application& app, glm::vec2 size) : app_(app), teacherSize_(app.displaySize_) {
            app_.building_ = Screen::Audience;
            app_.displaySize_ = size;
        }
        ~AudienceScope() {
            app_.building_ = Screen::Teacher;
            app_.displaySize_ = teacherSize_;
        }
        AudienceScope(const AudienceScope&) = delete;
        AudienceScope& operator=(const AudienceScope&) = delete;
    private:
        Application& app_;
        glm::vec2 teacherSize_;
    };
    void applyIntents(const ui::ViewerUiIntents& intents);
    void sayWhereTheJointStopped(const JointAngle& asked);
    void applyLessonIntents(const ui::ViewerUiIntents& intents);
    void applyPoseIntents(const ui::ViewerUiIntents& intents);
    // The lesson editor (app/lesson_editing.cpp): its panel's view, its intents, Ctrl+Z / Ctrl+Y,
    // and the close that waits while edits are unsaved (true: the question is asked instead).
    [[nodiscard]] std::optional<ui::LessonEditorView> editorView() const;
    void applyEditIntents(const ui::LessonEditorIntents& intents);
    void applyDraftEdits(const ui::LessonEditorIntents& intents);
    void startNewLesson();
    void toggleEditing();
    // "Add label: click the model" is on and a lesson is being edited: a click in the 3D view adds
    // a label there (addLabelAt) instead of selecting.
    [[nodiscard]] bool addingLabels() const { return addingLabels_ && draft_; }
    void addLabelAt(const act::Click& click);
    bool endsAddingLabels(KeyChord chord);  // Esc while adding labels: the mode ends (true), nothing else
    [[nodiscard]] static std::string labelName(const Scene& scene, const LessonLabel& label);
    void answerEditorQuestion(ui::EditorAnswer answer);
    void editStep(const std::function<void(LessonDraft&, int)>& edit);
    void saveDraft();
    bool holdCloseForEdits();
    void startSession();  // the session, poses and lessons for scene_ (model_opening.cpp)
    void showScene(Scene next, SceneSource source);
    void openAtlasPlace();
    void applyModelIntents(const ui::ModelIntents& intents);
    [[nodiscard]] ui::ModelPanelView modelPanelView() const;
    void drawScene(const render::BoundTarget& target, glm::ivec2 framebufferSize, Background background);
    void saveScreenshot();
    void setStatus(std::string text, bool onTerminal = true);  // false: the terminal was told already
    void uploadMotion();
    // The 3D view's shape, told to the session: with `reframe`, a step's preset view follows it.
    void tellViewAspect(bool reframe);
    void lessonsRead();
    [[nodiscard]] std::string openLessonId() const;
    void followReload(const std::optional<LessonReload>& reload);
    [[nodiscard]] Settings currentSettings() const;
    void storeSettings();
    void setUiScale(float scale);
    [[nodiscard]] CaptionPlace captionPlace() const;
    // Presenter mode sizes text for the back row from the display's height (core/viewer_layout).
    [[nodiscard]] float effectiveUiScale() const {
        return session_ && role().forTheRoom ? presenterUiScale(uiScale_, contentScale_, displaySize_.y) : uiScale_;
    }
    [[nodiscard]] double now() const;
    [[nodiscard]] bool presenterHintShown() const;  // presenter mode, in the first seconds
    // What falls due on the window's clocks (a lesson file check, the status and presenter hint
    // timing out); true when it changed what is shown.
    bool doDueWork();

    Options options_;
    Scene scene_;
    std::unique_ptr<ViewerSession> session_;
    LessonShelf lessons_;
    SettingsStore settings_;  // keeps nothing until the window opens: images and tests never touch it
    // Declared in the order they must go: the renderer and the UI before the window's context.
    std::unique_ptr<Window> window_;
    UiBackend ui_;
    std::unique_ptr<render::FrameRenderer> frameRenderer_;
    // The class's window on two screens, its own ImGui context (ui_ stays the teacher's, so neither
    // screen's frame disturbs the other's widgets) and the image its frame is drawn into in the
    // teacher's GL context, then copied into its window. Null on one screen. After the renderer:
    // it goes first, while the teacher's context is still there.
    struct Audience {
        std::unique_ptr<Window> window;
        std::unique_ptr<UiBackend> ui;
        std::optional<render::OffscreenTarget> image;
        bool imageDepth = false;
    };
    std::unique_ptr<Audience> audience_;
    Screen building_ = Screen::Teacher;  // the screen the frame being laid out is for
    std::uint64_t uploadedMotion_ = 0;  // the session's motion revision the renderer's meshes show
    std::vector<std::uint64_t> uploadedVertices_;  // per structure, the vertex revision the renderer has (SceneMotion::vertexRevision)
    AntiAliasing antiAliasing_ = AntiAliasing::EdgeFilter;
    Background screenshotBackground_ = Background::Dark;
    float uiScale_ = 1.0f;
    bool firstRunHint_ = false;  // the first run's "how to turn, zoom, find the keys" until dismissed
    float contentScale_ = 1.0f;  // the monitor's own UI scale (window_->contentScale()); 1 without a window
    glm::vec2 displaySize_{1280.0f, 720.0f};  // window (or offscreen image) size in UI units
    bool showUi_ = true;
    // Measured by the UI for each screen (Screen::Teacher, Screen::Audience): the caption bar (the
    // 3D view sits above it) and the key reminder's strip (the 3D view sits under it).
    float captionHeight_[2] = {0.0f, 0.0f};
    float hintHeight_[2] = {0.0f, 0.0f};
    double presentingSince_ = 0.0;  // when presenter mode began (the teacher's clock on two screens)
    bool captionCut_ = false;     // the last frame's caption did not hold the whole step text
    ViewRect imageScene_;         // the last renderImage's 3D view
    bool stillSlide_ = false;     // drawing a slide image (renderImage without panels): quizzes show only their question
    double lastFrameTime_ = 0.0;
    double presenterHintUntil_ = 0.0;  // the key reminder shows for a few seconds, then gets out of the way
    bool screenshotRequested_ = false;
    bool slideScreenshot_ = false;
    bool scripted_ = false;  // --script: the hidden window never goes full screen
    UiPointer scriptPointer_;  // --script: the pointer the panels see
    // Slides exported from the window: one step a frame, so the window stays alive and shows
    // progress; afterwards the step, the camera and the view's shape are the teacher's again.
    struct WindowExport {
        LessonExport job;
        int returnStep = 0;
        CameraPose returnCamera;
        glm::vec2 returnDisplay{1.0f};
    };
    std::optional<WindowExport> slideExport_;
    SlideFormat slideFormat_;                    // the last export's (settings: slideExport)
    std::optional<SlideFormat> exportChoice_;    // the dialog is open with this choice
    void openExportChoice();
    void describeExport(ui::ViewerUiState& state, bool forAudience) const;
    void applyExportIntents(const ui::ViewerUiIntents& intents);
    void startSlideExport();
    // Frames still to draw after an event: ImGui settles hover and auto-sized windows over a couple
    // of frames. Set by every window callback; the window sleeps once it is back to 0.
    static constexpr int kFramesAfterEvent = 3;
    int framesToDraw_ = kFramesAfterEvent;
    TransientMessage status_{5.0};  // the status line: 5 s from the first frame that shows it
    // The panel's open field and orientation choice (a choice with up and anterior on one axis is
    // shown with its problem and not applied), and Ctrl+O asking the field to take the keyboard.
    std::string openText_;
    // The lesson and step that were open when the teacher's own files replaced the atlas: where
    // "Back to the built-in anatomy" returns, and what the settings keep meanwhile as the place left.
    std::optional<std::pair<std::string, int>> atlasPlace_;
    std::string structureQuery_;  // the Structures tab's search field
    std::string poseNameDraft_;   // the Motion tab's "Save pose…" name field
    ModelOrientation orientationChoice_;
    // Ctrl+O asks the open field to take the keyboard for up to this many UI frames: from another
    // tab the Structures tab only opens a frame later (tester, session 14: the path typed went to
    // the viewer's keys); 0 once the field has taken it.
    int focusOpenFieldFrames_ = 0;

    std::optional<LessonDraft> draft_;
    ui::EditorQuestion question_ = ui::EditorQuestion::None;
    // What follows a save the question asked for: stay editing, leave edit mode, or close the window.
    enum class AfterSave { Stay, LeaveEditing, Quit } afterSave_ = AfterSave::Stay;
    unsigned updateParts_ = kAllViewParts;  // what "Update step from this view" takes
    bool addingLabels_ = false;  // the teacher's mode; it counts only while draft_ is open (addingLabels)
    // The last click on the model while adding labels: a second click on the same spot labels what
    // lies behind the structure it hit (psoas major under psoas minor; fresh tester, session 11), in
    // place of the label that click added.
    struct LabelClick {
        glm::vec2 position{0.0f};
        int step = 0;
        int structure = -1;
        std::string at;      // the label it added, or found there already
        bool added = false;  // it added `at` (a second click replaces it); else it was there before
    };
    std::optional<LabelClick> labelClick_;

    InputController input_{[this](const SessionAction& action) { apply(action); }, [this] { return session_ && session_->holdingJoint(); }};
};

}  // namespace psoas::app
