#pragma once
// The viewer application: owns the scene, the window, the renderer and the UI, and runs the frame
// loop in a fixed order — events, UI, intents applied, 3D, UI drawn, swap. The same code renders
// into a hidden window's framebuffer object for --screenshot, so images match the window exactly.

#include "app/command_line.hpp"
#include "app/window.hpp"
#include "core/camera_animation.hpp"
#include "core/image.hpp"
#include "core/lesson_library.hpp"
#include "core/lesson_player.hpp"
#include "core/motion/breathing.hpp"
#include "core/motion/pose_file.hpp"
#include "core/motion/pose_transition.hpp"
#include "core/rich_text.hpp"
#include "core/scene_motion.hpp"
#include "core/orbit_camera.hpp"
#include "core/scene.hpp"
#include "core/visibility.hpp"
#include "ui/fonts.hpp"
#include "ui/viewer_panels.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include "render/scene_renderer.hpp"
#include "render/scene_smoothing.hpp"

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
    [[nodiscard]] int selectedStructure() const { return selected_; }

    // One finished frame (camera moves complete) at the given size: with the panels, or in the slide
    // layout (3D view, labels and the step caption, no panels) for slides and handouts.
    Image renderImage(int width, int height, ui::ScreenshotBackground background, bool withUi);

    // --bench: one JSON object of frame times against the floor renderer. Returns the exit code.
    int bench();
    // --soak FRAMES: memory at start and end and the GL error count, as JSON.
    int soak(int frames);

    // --record: a fixed 30 frames a second, whatever the machine's speed, piped to ffmpeg.
    int record(const std::filesystem::path& file, double seconds);

    // --export-lesson: one PNG per step and an index.html handout. Returns the exit code.
    int exportLesson(const std::string& id, const std::filesystem::path& folder);

    [[nodiscard]] const Scene& scene() const { return scene_; }
    [[nodiscard]] const LessonPlayer& lessonPlayer() const { return player_; }
    // Opens a lesson at a step (0-based); false when there is no such lesson.
    bool openLesson(std::string_view id, int step);
    // Looks for saved, added or removed lesson files now (the frame loop does this twice a second).
    void checkLessonFiles();
    [[nodiscard]] const LessonLibrary& lessonLibrary() const { return library_; }
    [[nodiscard]] OrbitCamera& camera() { return camera_; }

    // Input entry points (GLFW callbacks land here; tests may call them directly).
    void onMouseButton(int button, int action, int mods);
    void onCursorMoved(double x, double y);
    void onScroll(double yOffset);
    void onKey(int key, int action, int mods);
    void onFocus(bool focused);
    void onMonitorDisconnected(GLFWmonitor* monitor);

private:
    void openWindow(bool visible, int width, int height);
    void initialiseUi(float uiScale);
    void buildUi(glm::vec2 displaySize, glm::vec2 framebufferScale);
    void applyIntents(const ui::ViewerUiIntents& intents);
    void drawFrame(glm::ivec2 framebufferSize, ui::ScreenshotBackground background, bool withUi);
    void drawScene(glm::ivec2 framebufferSize, ui::ScreenshotBackground background);
    void openBreathingStep();
    void saveScreenshot();
    void updateHover();
    void click(glm::vec2 position);
    void animateTo(const CameraPose& destination);
    void resetView();
    void focus(int structure);
    void hideSelected();
    void toggleIsolation();
    void select(int structure);
    void setStatus(std::string text, bool onTerminal = true);  // false: the terminal was told already

    // Lessons
    void loadLessons();
    void openLessonFromOptions();
    void reloadLessonsIfChanged();
    void applyStepIfChanged(bool instant);
    void applyStep(const LessonStep& step, bool instant);
    [[nodiscard]] bool selects(const std::vector<std::string>& tokens, std::size_t structure) const;
    void easeOpacities(double seconds);
    [[nodiscard]] std::vector<ui::LabelAnchor> labelAnchors() const;
    [[nodiscard]] glm::vec3 labelPoint(std::size_t structure) const;

    // Settings (interactive runs only: screenshots and tests never read or write them)
    void storeSettings();

    // Classroom
    void setPresenter(bool on);
    void setUiScale(float scale);
    void rebuildFontsIfNeeded();
    // Whether the scene draws straight into the target (and needs its depth buffer): only with
    // anti-aliasing off; otherwise render::SceneSmoothing draws it in a buffer of its own.
    [[nodiscard]] bool sceneNeedsTargetDepth() const { return antiAliasing_ == AntiAliasing::Off; }
    // Where the drawn model lies within the 3D viewport, in framebuffer pixels (x, y from the
    // bottom-left, width, height): the only place the edge filter has work.
    [[nodiscard]] glm::ivec4 modelRegion(glm::ivec4 viewport) const;
    // The fonts hold only the characters the program can show (ui::GlyphCoverage): every text that
    // reaches the screen from a file or a message passes through one of these first.
    void coverText(std::string_view text);
    void coverFile(const std::filesystem::path& file);
    [[nodiscard]] float effectiveUiScale() const { return uiScale_ * (presenter_ ? 1.5f : 1.0f); }
    void advanceClassroomClocks(double seconds);

    // Motion
    void loadMotion();
    void setPose(int index, bool instant);
    void updateMotion(double seconds);
    [[nodiscard]] bool moving() const;
    [[nodiscard]] ui::MotionView motionView() const;
    void applyMotionIntents(const ui::MotionIntents& intents);
    // The part of the display the 3D view uses (window coordinates, origin top-left): right of the panel.
    struct SceneArea {
        glm::vec2 origin{0.0f};
        glm::vec2 size{1.0f};
        [[nodiscard]] float aspect() const { return size.x / std::max(size.y, 1.0f); }
    };
    [[nodiscard]] SceneArea sceneArea() const;
    [[nodiscard]] CameraPose homePose() const;
    [[nodiscard]] double now() const;

    Options options_;
    Scene scene_;
    Visibility visibility_;
    OrbitCamera camera_;
    CameraAnimation animation_;
    std::unique_ptr<Window> window_;
    std::unique_ptr<render::SceneRenderer> renderer_;
    std::unique_ptr<render::SceneSmoothing> smoothing_;
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
    LessonPlayer player_;
    std::uint64_t appliedRevision_ = 0;
    std::string lessonSignature_;
    double nextLessonCheck_ = 0.0;
    std::vector<TextBlock> stepText_;
    std::vector<bool> highlighted_;
    struct LabelTarget {
        std::string text;
        glm::vec3 point{0.0f};
    };
    std::vector<LabelTarget> labels_;
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
    QuizScore quiz_;
    std::string quizFeedback_;
    bool quizRight_ = false;
    std::string quizLessonId_;  // the lesson the score belongs to
    void answerQuiz(const std::optional<PickHit>& hit);
    void paintRegions();  // the always-painted regions (central tendon); lesson attachments add to them
    [[nodiscard]] bool quizOpen() const;
    std::vector<std::vector<glm::vec4>> paintedAreas_;  // per structure: attachment areas to paint on it
    std::vector<std::vector<float>> paintedKinds_;
    std::vector<float> displayOpacity_;  // eased toward the visibility state: fades, never pops
    double lastFrameTime_ = 0.0;

    std::unique_ptr<SceneMotion> motion_;
    std::vector<PoseFile> poses_;
    int poseIndex_ = 0;
    PoseTransition poseTransition_;
    bool breathing_ = false;
    BreathCycle cycle_;
    float exaggeration_ = 1.0f;
    double breathClock_ = 0.0;
    bool colourByLength_ = false;
    bool motionDirty_ = true;
    std::vector<float> history_;  // right psoas length, 30 samples a second, last 20 s
    double historyClock_ = 0.0;
    std::vector<glm::vec2> curve_;

    std::filesystem::path settingsFile_;  // empty: settings are not kept (screenshots, tests)
    std::string settingsProblem_;         // the last save failure, reported once
    std::vector<render::StructureLook> looks_;  // reused every frame: no allocation while drawing
    float captionHeight_ = 0.0f;  // measured by the UI; the 3D view sits above it
    bool presenter_ = false;
    double presenterHintUntil_ = 0.0;  // the key reminder shows for a few seconds, then gets out of the way
    float framedAspect_ = 0.0f;         // the 3D view's aspect when the step's view was last framed
    void reframeIfViewChanged();
    bool blank_ = false;
    bool autoplay_ = false;
    bool autoRotate_ = false;
    bool paused_ = false;
    double stepClock_ = 0.0;  // seconds on the current step, for autoplay
    float builtFontScale_ = 0.0f;
    bool slideScreenshot_ = false;
    std::optional<double> virtualTime_;  // recording: animation time advances by frames, not the clock

    int hovered_ = -1;
    int selected_ = -1;
    bool showHelp_ = false;
    bool hoverDirty_ = false;
    bool screenshotRequested_ = false;
    ui::ScreenshotBackground screenshotBackground_ = ui::ScreenshotBackground::Dark;
    std::string status_;
    double statusUntil_ = 0.0;

    struct Drag {
        int button = -1;
        bool pan = false;
        bool moved = false;
        glm::vec2 press{0.0f}, last{0.0f};
    } drag_;
    glm::vec2 cursor_{0.0f};
    double lastClickTime_ = -1.0;
    glm::vec2 lastClickPosition_{0.0f};
};

}  // namespace psoas::app
