#pragma once
// The viewer application: owns the scene, the window, the renderer and the UI, and runs the frame
// loop in a fixed order — events, UI, intents applied, 3D, UI drawn, swap. The same code renders
// into a hidden window's framebuffer object for --screenshot, so images match the window exactly.

#include "app/command_line.hpp"
#include "app/input_controller.hpp"
#include "app/window.hpp"
#include "core/image.hpp"
#include "core/key.hpp"
#include "core/lesson_library.hpp"
#include "core/scene.hpp"
#include "core/viewer_session.hpp"
#include "ui/fonts.hpp"
#include "ui/viewer_panels.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include "render/frame_renderer.hpp"
#include "render/offscreen_target.hpp"

struct GLFWmonitor;

namespace psoas::app {

class Application {
public:
    // Loads the scene before any window opens, so a bad file never leaves a half-made window.
    // Throws ModelImportError / DataFileError for bad files, NoDisplayError without a display.
    explicit Application(Options options);
    ~Application();
    Application(const Application&) = delete;
    Application& operator=(const Application&) = delete;

    // Interactive window, or one screenshot when options.screenshot is set. Returns the exit code.
    int run();

    // The interactive window, one piece at a time (run() is these three; tests drive them):
    // open the window with the saved settings, one pass of the frame loop, save on the way out.
    void startWindow();
    void windowFrame();
    void finishWindow();
    // One frame at the sizes the window reports (a minimised window reports 0 x 0).
    void drawWindowFrame(glm::vec2 windowSize, glm::ivec2 framebufferSize);
    [[nodiscard]] Window* window() const { return window_.get(); }
    [[nodiscard]] const std::string& status() const { return status_; }
    [[nodiscard]] int selectedStructure() const { return session_->selected(); }

    // One finished frame (camera moves complete) at the given size: with the panels, or in the slide
    // layout (3D view, labels and the step caption, no panels) for slides and handouts.
    Image renderImage(int width, int height, ui::ScreenshotBackground background, bool withUi);

    // What one frame is drawn into: its size in UI units and in pixels, the image (null: the
    // window's framebuffer) and the background.
    struct FrameTarget {
        glm::vec2 displaySize{1.0f};
        glm::ivec2 framebufferSize{1};
        const render::OffscreenTarget* image = nullptr;
        ui::ScreenshotBackground background = ui::ScreenshotBackground::Dark;
    };
    // Where a frame's CPU time went (milliseconds), for --bench.
    struct FrameTimes {
        double advanceMs = 0.0, uiMs = 0.0, sceneMs = 0.0;
    };
    // The one frame step every driver runs: time moves on by `seconds`, the UI is laid out and its
    // intents applied, and the frame is drawn into `target`. The window (with the machine's clock),
    // images (0 s), --bench and --soak (1/60 s) and --record (1/30 s) differ only in clock and target.
    void step(double seconds, const FrameTarget& target, FrameTimes* times = nullptr);

    // --bench: one JSON object of frame times against the floor renderer. Returns the exit code.
    int bench();
    // --soak FRAMES: memory at start and end and the GL error count, as JSON.
    int soak(int frames);

    // --record: a fixed 30 frames a second, whatever the machine's speed, piped to ffmpeg.
    int record(const std::filesystem::path& file, double seconds);

    // --script FILE: timed input replayed headless at 60 frames a second through the window's input
    // handlers, into an offscreen image of --size. Returns 1 on any GL error, 2 on a bad script.
    int runScript(const std::filesystem::path& file);

    // --export-lesson: one PNG per step and an index.html handout. Returns the exit code.
    int exportLesson(const std::string& id, const std::filesystem::path& folder);
    // One slide of a lesson step: staged for the slide layout at `size`, transitions finished.
    Image renderStep(const Lesson& lesson, int step, glm::ivec2 size, ui::ScreenshotBackground background);

    [[nodiscard]] const Scene& scene() const { return scene_; }
    [[nodiscard]] const LessonPlayer& lessonPlayer() const { return session_->lessonPlayer(); }
    [[nodiscard]] const ViewerSession& session() const { return *session_; }
    // Opens a lesson at a step (0-based); false when there is no such lesson.
    bool openLesson(std::string_view id, int step);
    // Looks for saved, added or removed lesson files now (the frame loop does this twice a second).
    void checkLessonFiles();
    [[nodiscard]] const LessonLibrary& lessonLibrary() const { return library_; }
    [[nodiscard]] const OrbitCamera& camera() const { return session_->camera(); }
    // The labels this frame draws, where their leaders end (window UI units), and where the panel,
    // the 3D view and the caption go: what the leader-line test checks against the pixels.
    [[nodiscard]] std::vector<ui::LabelAnchor> labelAnchors() const;
    [[nodiscard]] ViewerLayout layout() const;

    // Input entry points (GLFW callbacks land here; tests may call them directly).
    void onMouseButton(int button, int action, int mods);
    void onCursorMoved(double x, double y);
    void onScroll(double yOffset);
    void onKey(int key, int action, int mods);
    // A key press in the viewer's own terms (what onKey makes of GLFW's codes; scripts send these).
    void onKeyPress(KeyChord chord);
    void onFocus(bool focused);
    void onMonitorDisconnected(GLFWmonitor* monitor);

private:
    void openWindow(bool visible, int width, int height);
    void initialiseUi(float uiScale);
    void buildUi(glm::vec2 displaySize, glm::vec2 framebufferScale);
    [[nodiscard]] std::optional<ui::LessonView> lessonView() const;
    void applyIntents(const ui::ViewerUiIntents& intents);
    void drawFrame(const render::BoundTarget& target, glm::ivec2 framebufferSize, ui::ScreenshotBackground background, bool withUi);
    void drawScene(const render::BoundTarget& target, glm::ivec2 framebufferSize, ui::ScreenshotBackground background);
    void saveScreenshot();
    void updateHover();
    void setStatus(std::string text, bool onTerminal = true);  // false: the terminal was told already
    // Every change of the session goes through here: the app follows what it must (full screen
    // with presenter mode, bent meshes uploaded after a solve).
    void apply(const SessionAction& action);
    // Moves the session's clock on and uploads what its motion solved.
    void advance(double seconds);
    void uploadMotion();
    // The 3D view's shape, told to the session: with `reframe`, a step's preset view follows it.
    void tellViewAspect(bool reframe);

    // Lessons
    void loadLessons();
    void openLessonFromOptions();
    void openBreathingStep();
    void reloadLessonsIfChanged();

    // Settings (interactive runs only: screenshots and tests never read or write them)
    void storeSettings();
    void storeSettingsOnStepChange();

    // Classroom
    void setUiScale(float scale);
    void rebuildFontsIfNeeded();
    // Whether the scene draws straight into the target (and needs its depth buffer): only with
    // anti-aliasing off; otherwise render::SceneSmoothing draws it in a buffer of its own.
    [[nodiscard]] bool sceneNeedsTargetDepth() const { return antiAliasing_ == AntiAliasing::Off; }
    // The fonts hold only the characters the program can show (ui::GlyphCoverage): every text that
    // reaches the screen from a file or a message passes through one of these first.
    void coverText(std::string_view text);
    void coverFile(const std::filesystem::path& file);
    [[nodiscard]] float effectiveUiScale() const { return uiScale_ * (session_ && session_->presenter() ? 1.5f : 1.0f); }

    // Motion
    [[nodiscard]] ui::MotionView motionView() const;
    // The one layout the UI and the renderer share (layout() above is it for the current frame).
    [[nodiscard]] ViewerLayout layoutFor(glm::vec2 displaySize, bool slideLayout, bool lessonOpen) const;
    [[nodiscard]] double now() const;

    Options options_;
    Scene scene_;
    std::vector<PoseFile> poses_;
    std::unique_ptr<ViewerSession> session_;
    std::unique_ptr<Window> window_;
    std::unique_ptr<render::FrameRenderer> frameRenderer_;
    std::uint64_t uploadedMotion_ = 0;  // the session's motion revision the renderer's meshes show
    AntiAliasing antiAliasing_ = AntiAliasing::EdgeFilter;
    bool imguiReady_ = false;
    ui::UiFonts fonts_;
    ui::GlyphCoverage glyphs_;
    bool glyphsAdded_ = false;  // since the fonts were last built
    float uiScale_ = 1.0f;
    glm::vec2 displaySize_{1280.0f, 720.0f};  // window (or offscreen image) size in UI units
    bool showUi_ = true;

    std::vector<LessonSource> lessonSources_;
    LessonLibrary library_;
    std::vector<ui::LessonListItem> lessonList_;
    std::string lessonSignature_;
    double nextLessonCheck_ = 0.0;
    std::uint64_t storedRevision_ = 0;  // the lesson step last written to the settings
    // Slides exported from the window: one step a frame, so the window stays alive and shows progress.
    struct SlideExport {
        Lesson lesson;
        std::filesystem::path folder;
        int next = 0;
        std::vector<std::string> images;
        int returnStep = 0;
        CameraPose returnCamera;
    };
    std::optional<SlideExport> slideExport_;
    void startSlideExport();
    void continueSlideExport();
    double lastFrameTime_ = 0.0;

    std::filesystem::path settingsFile_;  // empty: settings are not kept (screenshots, tests)
    std::string settingsProblem_;         // the last save failure, reported once
    float captionHeight_ = 0.0f;  // measured by the UI; the 3D view sits above it
    double presenterHintUntil_ = 0.0;  // the key reminder shows for a few seconds, then gets out of the way
    float builtFontScale_ = 0.0f;
    bool slideScreenshot_ = false;
    bool scripted_ = false;  // --script: the hidden window never goes full screen

    // Frames still to draw after an event: ImGui settles hover and auto-sized windows over a couple
    // of frames. Set by every window callback; the window sleeps once it is back to 0.
    static constexpr int kFramesAfterEvent = 3;
    int framesToDraw_ = kFramesAfterEvent;
    bool screenshotRequested_ = false;
    ui::ScreenshotBackground screenshotBackground_ = ui::ScreenshotBackground::Dark;
    std::string status_;
    double statusUntil_ = 0.0;

    InputController input_{[this](const SessionAction& action) { apply(action); }};
};

}  // namespace psoas::app
