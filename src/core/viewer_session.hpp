#pragma once
// The viewer's session: everything the viewer decides, as GL-free state that changes only through
// apply(action) and advance(seconds). It owns what is shown and faded, the selection and hover,
// the lesson player and the step it staged, the quiz, the camera and its glides, the classroom
// flags (presenter, blank, autoplay, auto-rotate, pause, help) and how the body moves. The window,
// the command line's images and the tests all drive it the same way; a frame is drawn from values
// it builds (structureLooks, labels), never from state kept between frames.

#include "core/camera_animation.hpp"
#include "core/frame_state.hpp"
#include "core/joint_drag.hpp"
#include "core/label_anchor.hpp"
#include "core/label_layout.hpp"
#include "core/lesson_player.hpp"
#include "core/motion_state.hpp"
#include "core/orbit_camera.hpp"
#include "core/picking.hpp"
#include "core/quiz.hpp"
#include "core/rich_text.hpp"
#include "core/scene.hpp"
#include "core/scene_motion.hpp"
#include "core/step_staging.hpp"
#include "core/view_preset.hpp"
#include "core/viewer_layout.hpp"
#include "core/visibility.hpp"

#include <glm/vec2.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace psoas {

// What can happen to a session. Screen positions are in the 3D view's pixels (top-left origin);
// rays come from the camera through the point under the cursor.
// A press that moves less than this is a click, not a drag (the usual desktop default).
inline constexpr float kClickSlopPixels = 4.0f;
// Each wheel notch (act::Zoom) moves 15 % of the way toward the point under the cursor: the
// camera's distance scales by kZoomPerNotch^notches. A touch pinch converts its ratio with it.
inline constexpr float kZoomPerNotch = 0.85f;

namespace act {
struct ShowView { ViewPreset preset; };  // glide to a preset framing the whole scene
struct ResetView {};                     // glide home
struct Select { int structure; };        // -1 clears
struct Focus { int structure; };         // select and frame it
struct HideSelected {};
struct ToggleIsolation {};               // isolate the selection, or leave isolation
struct FadeSelected {};
struct ShowAll {};
struct SetVisible { int structure; bool visible; };
struct SetOpacity { int structure; float opacity; };
struct Isolate { int structure; };
struct LeaveIsolation {};
struct Escape {};  // cancels a joint drag in progress, else closes help, else leaves presenter mode, else isolation, else the selection
struct OpenLesson { Lesson lesson; int step = 0; };
struct ReloadLesson { Lesson lesson; };  // a saved edit: new text, same step if it still exists
// The lesson editor's new version of the open lesson, on `step`: staged again only when what the
// step shows changed, so typing its title, text or a label's own words never moves the view the
// teacher set up (new label words only change the labels' text).
struct EditLesson { Lesson lesson; int step = 0; };
struct CloseLesson {};
struct NextStep {};
struct PreviousStep {};
struct FirstStep {};
struct LastStep {};
struct JumpToStep { int step; };
struct RestartLesson {};  // the first step, and a new quiz score
// Presenter mode on or off. `twoScreens`: on two screens (the class sees the slide layout in a
// window of its own, the teacher keeps the panels with the step's notes); off leaves both.
struct SetPresenter { bool on; bool twoScreens = false; };
struct SetBlank { bool on; };
struct ToggleAutoplay {};
struct ToggleAutoRotate {};
struct TogglePause {};
struct ToggleHelp {};
struct ToggleCaption {};  // presenter mode's caption: beside the model -> below it -> hidden (the model takes the whole view) -> beside
struct ChangeMotion { MotionChange change; };
struct HoldBreath { std::optional<float> breath; };
// A pose saved by the teacher: one with the same id is replaced in place, a new one is added last
// (the indices of the others stay), and the Motion tab's pose box names it; while a looping motion
// plays it goes on (saving never changes what is on screen) and the pose only joins the list.
struct AddPose { PoseFile pose; };
struct Click { glm::vec2 position; glm::vec2 viewPixels; };  // a press and release that did not drag
struct Hover { std::optional<glm::vec2> position; glm::vec2 viewPixels; };  // nullopt: over the UI, or dragging
struct Orbit { glm::vec2 deltaPixels; };
struct Pan { glm::vec2 deltaPixels; glm::vec2 viewPixels; };
struct Zoom { glm::vec2 position; glm::vec2 viewPixels; float notches; };  // toward the point under the cursor
struct SetDragging { bool on; };
// Drag to pose (issue 13). GrabJoint: a press that may move a joint (Alt held, or the Motion tab's
// "Move joints" on): a thigh or lumbar vertebra under the pointer is held (holdingJoint()),
// anything else is not and the drag orbits as usual. DragJoint: the pointer now; the held joint
// turns so the point grabbed follows it (joint_drag.hpp), the camera stays. ReleaseJoint: let go.
// UndoPoseDrag: back to the pose before the last drag, while that drag is the last motion change.
struct GrabJoint { glm::vec2 position; glm::vec2 viewPixels; bool modifier; };
struct DragJoint { glm::vec2 position; };
struct ReleaseJoint {};
struct UndoPoseDrag {};
struct SetMoveJoints { bool on; };  // a plain left drag on a thigh or the spine moves it (touch, trackpads)
// The 3D view's width / height. With `reframe`, a step's preset view is framed again when the
// shape changed by more than `tolerance` (a fraction): the window allows 5 % so a caption growing
// by a line does not make the model jump; images allow none, so they frame the step exactly.
struct SetViewAspect { float aspect; bool reframe = true; float tolerance = 0.05f; };
struct SetCamera { CameraPose pose; };  // at once, no glide
struct FinishTransitions {};            // camera glide, fades and pose move done at once (images)
}  // namespace act

using SessionAction =
    std::variant<act::ShowView, act::ResetView, act::Select, act::Focus, act::HideSelected, act::ToggleIsolation,
                 act::FadeSelected, act::ShowAll, act::SetVisible, act::SetOpacity, act::Isolate, act::LeaveIsolation,
                 act::Escape, act::OpenLesson, act::ReloadLesson, act::EditLesson, act::CloseLesson, act::NextStep, act::PreviousStep,
                 act::FirstStep, act::LastStep, act::JumpToStep, act::RestartLesson, act::SetPresenter, act::SetBlank,
                 act::ToggleAutoplay, act::ToggleAutoRotate, act::TogglePause, act::ToggleHelp, act::ToggleCaption, act::ChangeMotion, act::AddPose,
                 act::HoldBreath, act::Click, act::Hover, act::Orbit, act::Pan, act::Zoom, act::SetDragging,
                 act::GrabJoint, act::DragJoint, act::ReleaseJoint, act::UndoPoseDrag, act::SetMoveJoints,
                 act::SetViewAspect, act::SetCamera, act::FinishTransitions>;

struct SessionSetup {
    std::vector<PoseFile> poses;  // empty: the body does not move (a --model file)
    bool withMotion = false;      // the built-in model set, whose skeleton can move
    std::optional<ViewPreset> homeView;  // the view F / Home returns to (oblique when unset)
    float viewAspect = 16.0f / 9.0f;
};

class ViewerSession {
public:
    ViewerSession(const Scene& scene, SessionSetup setup);

    void apply(const SessionAction& action);
    // Moves time on: glides, fades, the pose move, breathing, autoplay and auto-rotate. Solves the
    // skeleton again only when its inputs changed.
    void advance(double seconds);

    // Whether advancing would change anything: false on a still step, so a window can sleep until
    // the next event (issue 12, defect 1).
    [[nodiscard]] bool moving() const;
    // Counts skeleton solves: a renderer uploads bent meshes when this differs from what it has.
    [[nodiscard]] std::uint64_t motionRevision() const { return motionRevision_; }

    // This frame, built fresh on every call.
    [[nodiscard]] std::vector<StructureLook> structureLooks() const;
    [[nodiscard]] std::vector<PosedLabel> labels() const;  // only on shown structures
    // The labels as the 3D view (`viewPixels`, the units the camera projects into) draws them:
    // each leader ends on a part of its structure this frame shows, or is marked behind.
    // `model`, if given: where the model is drawn in the same view (rows of about 17 pixels at
    // 1080), for the labels' columns to keep off it (core/label_layout.hpp); left empty when there
    // are no labels.
    [[nodiscard]] std::vector<ViewLabel> viewLabels(glm::vec2 viewPixels, Silhouette* model = nullptr) const;
    // The 3D part of this frame: looks, camera, where the 3D view (`view`, UI units on a display of
    // `displaySize`) lies in a framebuffer of `framebufferSize`, and where the model lies in it.
    // `blankShown` false: the model even while the session is blanked (the teacher's screen on two
    // screens, core screenBlanked).
    [[nodiscard]] FrameState frameState(const ViewRect& view, glm::vec2 displaySize, glm::ivec2 framebufferSize,
                                        glm::vec4 background, AntiAliasing antiAliasing, bool blankShown = true) const;

    [[nodiscard]] const Scene& scene() const { return scene_; }
    [[nodiscard]] const Visibility& visibility() const { return visibility_; }
    [[nodiscard]] const std::vector<float>& displayOpacity() const { return displayOpacity_; }
    [[nodiscard]] int selected() const { return selected_; }
    // The structure under the pointer in the frame as it is now (-1: none, or the pointer over the
    // UI): picked again whenever the pointer, the camera, the pose or what is shown changed, so a
    // body that moves under a still pointer (a walking step, a slider) never leaves a stale name.
    [[nodiscard]] int hovered() const;
    // What a click at `position` (pixels in a view of `viewPixels`) hits in the frame as it is now:
    // the nearest shown, not faded structure and the point on it (scene frame, metres); with
    // `skip`, what lies behind that structure there.
    [[nodiscard]] std::optional<PickHit> pickAt(glm::vec2 position, glm::vec2 viewPixels, int skip = -1) const;
    [[nodiscard]] const OrbitCamera& camera() const { return camera_; }
    [[nodiscard]] OrbitCamera& camera() { return camera_; }  // tests and --camera set it directly
    [[nodiscard]] const CameraAnimation& cameraAnimation() const { return animation_; }
    [[nodiscard]] CameraPose homePose() const;
    [[nodiscard]] float viewAspect() const { return viewAspect_; }
    [[nodiscard]] double clock() const { return clock_; }

    [[nodiscard]] const LessonPlayer& lessonPlayer() const { return player_; }
    [[nodiscard]] const StagedStep& staged() const { return staged_; }
    [[nodiscard]] const std::vector<TextBlock>& stepText() const { return stepText_; }
    [[nodiscard]] bool quizOpen() const;
    [[nodiscard]] const QuizScore& quizScore() const { return quiz_; }
    [[nodiscard]] const std::string& quizFeedback() const { return quizFeedback_; }
    [[nodiscard]] bool quizRight() const { return quizRight_; }

    [[nodiscard]] bool presenter() const { return presenter_; }
    // Presenter mode on two screens (act::SetPresenter's twoScreens); never without presenter().
    [[nodiscard]] bool twoScreens() const { return twoScreens_; }
    [[nodiscard]] bool blank() const { return blank_; }
    [[nodiscard]] bool autoplay() const { return autoplay_; }
    [[nodiscard]] bool autoRotate() const { return autoRotate_; }
    // Where presenter mode puts the step's caption: beside the model (the first choice: the model
    // keeps the screen's height), below it, or nowhere (None: hidden in class). C cycles through
    // them; the choice holds from step to step. Slides and --no-ui images always have it below.
    [[nodiscard]] CaptionPlace captionPlace() const { return caption_; }
    [[nodiscard]] bool captionShown() const { return caption_ != CaptionPlace::None; }
    [[nodiscard]] bool paused() const { return paused_; }
    [[nodiscard]] bool showHelp() const { return showHelp_; }

    [[nodiscard]] bool hasMotion() const { return motion_ != nullptr; }
    [[nodiscard]] const SceneMotion* sceneMotion() const { return motion_.get(); }
    [[nodiscard]] const MotionState& motion() const { return motionState_; }
    [[nodiscard]] const std::vector<PoseFile>& poses() const { return poses_; }
    // Drag to pose: whether a joint is held now, the drag as it began, and the Motion tab's mode.
    [[nodiscard]] bool holdingJoint() const { return jointDrag_.has_value(); }
    [[nodiscard]] const std::optional<JointDrag>& jointDrag() const { return jointDrag_; }
    [[nodiscard]] bool moveJoints() const { return moveJoints_; }
    // The psoas major of `side`, mm, 30 a second, with the chosen hip reference (emptied when it
    // changes). Both sides are kept: the Motion tab charts either (fresh tester, session 12: with
    // the left hip flexed the right psoas's flat line was all there was).
    [[nodiscard]] const std::vector<float>& lengthHistory(Side side = Side::Right) const { return history_[sideIndex(side)]; }
    // How many seconds lengthHistory() covers: up to 20, fewer just after the motion started.
    [[nodiscard]] double lengthHistorySeconds() const;
    // Right psoas, mm against hip flexion in the target pose, with the chosen hip reference.
    [[nodiscard]] const std::vector<glm::vec2>& lengthCurve(Side side = Side::Right) const { return curve_[sideIndex(side)]; }

private:
    void handle(const act::ShowView& a);
    void handle(const act::ResetView&);
    void handle(const act::Select& a);
    void handle(const act::Focus& a);
    void handle(const act::HideSelected&);
    void handle(const act::ToggleIsolation&);
    void handle(const act::FadeSelected&);
    void handle(const act::ShowAll&);
    void handle(const act::SetVisible& a);
    void handle(const act::SetOpacity& a);
    void handle(const act::Isolate& a);
    void handle(const act::LeaveIsolation&);
    void handle(const act::Escape&);
    void handle(const act::OpenLesson& a);
    void handle(const act::ReloadLesson& a);
    void handle(const act::EditLesson& a);
    void handle(const act::CloseLesson&);
    void handle(const act::NextStep&);
    void handle(const act::PreviousStep&);
    void handle(const act::FirstStep&);
    void handle(const act::LastStep&);
    void handle(const act::JumpToStep& a);
    void handle(const act::RestartLesson&);
    void handle(const act::SetPresenter& a);
    void handle(const act::SetBlank& a);
    void handle(const act::ToggleAutoplay&);
    void handle(const act::ToggleAutoRotate&);
    void handle(const act::ToggleCaption&);
    void handle(const act::TogglePause&);
    void handle(const act::ToggleHelp&);
    void handle(const act::ChangeMotion& a);
    void handle(const act::HoldBreath& a);
    void handle(const act::AddPose& a);
    void handle(const act::Click& a);
    void handle(const act::Hover& a);
    void handle(const act::Orbit& a);
    void handle(const act::Pan& a);
    void handle(const act::Zoom& a);
    void handle(const act::SetDragging& a);
    void handle(const act::GrabJoint& a);
    void handle(const act::DragJoint& a);
    void handle(const act::ReleaseJoint&);
    void handle(const act::UndoPoseDrag&);
    void handle(const act::SetMoveJoints& a);
    void handle(const act::SetViewAspect& a);
    void handle(const act::SetCamera& a);
    void handle(const act::FinishTransitions&);

    // Stages the player's step if its revision moved on since the last staging.
    void stageIfChanged();
    void stageCurrent();
    // Whether `lesson`'s step `step` is the step on screen with other words (or other steps
    // around it): then reword() takes it without staging the step again.
    [[nodiscard]] bool rewordsShownStep(const Lesson& lesson, int step) const;
    void reword(const Lesson& lesson);
    void answerQuiz(glm::vec2 position, glm::vec2 viewPixels);
    [[nodiscard]] std::string quizAnswer(const std::optional<PickHit>& hit) const;
    [[nodiscard]] std::string wrongAnswerName(const PickHit& hit) const;
    void animateTo(const CameraPose& destination);
    void takeCamera();
    [[nodiscard]] std::optional<CameraPose> stagedCameraGoal() const;
    [[nodiscard]] bool fading() const;
    void solveIfChanged();
    void updateLengthCurve();
    [[nodiscard]] bool drawn(std::size_t structure) const;
    [[nodiscard]] bool drawnAsSolved() const;
    void addLengthTags(std::vector<StepLabel>& labels) const;
    void recordHistory(double seconds);
    void advanceClassroomClocks(double seconds);

    const Scene& scene_;
    std::vector<PoseFile> poses_;
    std::optional<ViewPreset> homeView_;
    double clock_ = 0.0;  // seconds since the session began, as advance() counted them

    Visibility visibility_;
    std::vector<float> displayOpacity_;  // eased toward the visibility state: fades, never pops
    int selected_ = -1;
    struct HoverPointer {
        glm::vec2 position{0.0f};
        glm::vec2 viewPixels{0.0f};
        bool operator==(const HoverPointer&) const = default;
    };
    std::optional<HoverPointer> hoverPointer_;  // where act::Hover put the pointer; nullopt: over the UI, or dragging
    // The last hover pick and everything it was picked from: a memo of hovered(), never set by hand.
    struct HoverPick {
        HoverPointer pointer;
        CameraPose camera;
        float fovYDegrees = 0.0f;
        std::uint64_t motionRevision = 0;
        Visibility visibility;
        int structure = -1;
    };
    mutable std::optional<HoverPick> hoverPick_;
    bool dragging_ = false;
    double lastClickTime_ = -1.0;
    glm::vec2 lastClickPosition_{0.0f};

    OrbitCamera camera_;
    CameraAnimation animation_;
    float viewAspect_;
    // The aspect the step's preset view was last framed for; 0 once the user moved the camera.
    float framedAspect_ = 0.0f;

    LessonPlayer player_;
    std::uint64_t stagedRevision_ = 0;
    StagedStep staged_;
    std::vector<TextBlock> stepText_;
    QuizScore quiz_;
    std::string quizLessonId_;  // the lesson the score belongs to
    std::string quizFeedback_;
    bool quizRight_ = false;
    double stepClock_ = 0.0;  // seconds on the current step, for autoplay

    bool presenter_ = false;
    bool twoScreens_ = false;
    bool blank_ = false;
    bool autoplay_ = false;
    bool autoRotate_ = false;
    CaptionPlace caption_ = CaptionPlace::Beside;
    bool paused_ = false;
    bool showHelp_ = false;

    std::unique_ptr<SceneMotion> motion_;
    MotionState motionState_;
    std::optional<MotionInputs> solved_;  // what motion_ was last solved for
    std::vector<bool> solvedDrawn_;        // and for which structures' vertices (drawn())
    std::uint64_t motionRevision_ = 0;
    std::optional<JointDrag> jointDrag_;  // the joint held by the pointer, as the drag began
    bool moveJoints_ = false;
    static std::size_t sideIndex(Side side) { return side == Side::Right ? 0 : 1; }
    std::array<std::vector<float>, 2> history_;  // right, left
    double historyClock_ = 0.0;
    std::array<std::vector<glm::vec2>, 2> curve_;  // right, left
    std::optional<Pose> curvePose_;  // the target pose and reference curve_ was computed for
    HipReference curveReference_ = HipReference::Gait2392;
};

}  // namespace psoas
