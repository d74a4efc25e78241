#pragma once
// How the body moves now: the settings a lesson step staged, the changes the user made on top of
// them (Motion tab), the eased move between poses and the breathing clock. It is plain state with
// no GL: the viewer session asks it for the inputs of the skeleton solve (pose, breath, depth,
// exaggeration) and solves again only when those inputs really differ from the last solve, so a
// still step costs nothing per frame (issue 12, defect 1).

#include "core/motion/breathing.hpp"
#include "core/motion/hip_reference.hpp"
#include "core/motion/joint_coordinates.hpp"
#include "core/motion/pose.hpp"
#include "core/motion/pose_transition.hpp"
#include "core/step_staging.hpp"

#include <optional>
#include <vector>

namespace psoas {

// One joint control moved: the coordinate and its new angle, degrees.
struct JointAngle {
    JointCoordinate coordinate = JointCoordinate::RightHipFlexion;
    float degrees = 0.0f;
};

// A change the user asked for; unset fields keep what is there.
struct MotionChange {
    std::optional<int> pose;  // a library pose: drops the angles set joint by joint
    std::optional<bool> breathing, colourByLength, lengthTags;
    std::optional<BreathDepth> depth;
    std::optional<float> rate, exaggeration;
    std::optional<HipReference> reference;  // the geometry the numbers are computed with
    // The step's looping motion: its speed (clamped to kLoopSpeedMin..kLoopSpeedMax) and pause.
    std::optional<float> loopSpeed;
    std::optional<bool> loopPaused;
    // Joint controls: one angle set (clamped to its physiological range, joint_coordinates.hpp),
    // one coordinate back to what the step set, or every joint back to the step's pose.
    std::optional<JointAngle> joint;
    std::optional<JointCoordinate> resetJoint;
    bool resetJoints = false;
    [[nodiscard]] bool any() const {
        return pose || breathing || depth || colourByLength || lengthTags || rate || exaggeration || reference || loopSpeed || loopPaused ||
               joint || resetJoint || resetJoints;
    }
};

// The Motion tab's speed control for a looping motion: a quarter to twice its own pace.
inline constexpr float kLoopSpeedMin = 0.25f;
inline constexpr float kLoopSpeedMax = 2.0f;

// What SceneMotion::update() is called with. Equal inputs give equal geometry.
struct MotionInputs {
    Pose pose;
    float breath = 0.0f;  // 0 breathed out .. 1 breathed in
    BreathDepth depth = BreathDepth::Quiet;
    float exaggeration = 1.0f;
    HipReference reference = HipReference::Gait2392;  // for the readouts; the drawing uses the default
};
bool sameInputs(const MotionInputs& a, const MotionInputs& b);

class MotionState {
public:
    MotionState() = default;
    // `poses`: the pose library, in the order MotionSettings::pose indexes it.
    explicit MotionState(std::vector<Pose> poses);

    // A step's settings: the user's earlier changes are dropped (each step is complete in itself).
    // The hip reference is not a step's setting (a lesson cannot stage one), so it stays: a
    // teacher's choice lasts across steps and lessons until they change it.
    // `instant`: jump to the pose (images, the first frame) instead of easing over 1.5 s.
    void stage(const MotionSettings& settings, bool instant);
    // The user's change on top of the staged settings; a value equal to the current one is no change.
    // A joint angle moves the body at once (the hand on the slider is the easing); a library pose
    // or "reset all" glides there.
    void change(const MotionChange& change);
    // Breathing held at a fixed state for still pictures (--breath); nullopt breathes with the clock.
    void holdBreath(std::optional<float> breath) { heldBreath_ = breath; }
    // The pose library changed (a pose saved): same order, one replaced in place or one added last.
    // A body in a library pose that changed glides to its new angles.
    void setLibrary(std::vector<Pose> poses);

    void advance(double seconds);
    // Finishes a pose move at once (images show a step as it is after its transitions).
    void finishTransition();

    // Drag to pose (issue 13). beginDrag keeps the settings as they are (a looping motion stops
    // when the drag first moves a joint: the hand takes over, as with a joint control); dragJoints
    // sets the dragged coordinates at once, as given (the caller holds them in controlRange);
    // endDrag forgets a drag that changed nothing. undoDrag glides back to the pose before the last
    // drag, the loop included; drags made one after another undo one at a time, back to the pose
    // before the first (at most kDragUndoDepth), while drags are the last changes: any other
    // change, and a step staged, forgets them. Undoing during a drag cancels it.
    static constexpr std::size_t kDragUndoDepth = 32;
    void beginDrag();
    void dragJoints(const Pose& pose, const std::vector<JointCoordinate>& coordinates);
    void endDrag();
    [[nodiscard]] bool canUndoDrag() const { return !beforeDrags_.empty(); }
    void undoDrag();

    [[nodiscard]] MotionSettings settings() const;
    [[nodiscard]] const MotionSettings& staged() const { return staged_; }
    // The published hip geometry the numbers are computed with (gait2392 until the user chooses).
    [[nodiscard]] HipReference reference() const { return reference_; }
    // Whether the user changed anything the step set.
    [[nodiscard]] bool overridden() const { return !(settings() == staged_); }
    // Whether the inputs change with time: breathing, or a pose move under way.
    [[nodiscard]] bool animating() const;
    [[nodiscard]] MotionInputs inputs() const;
    // Where the body is heading: the end of a pose move; during a looping motion, the pose the
    // move into the loop ends on (the loop's pose when it was entered).
    [[nodiscard]] const Pose& targetPose() const { return transition_.target(); }
    // The pose drawn and measured now: the eased move's, or once that is over a looping motion's
    // pose at its phase (a pure function of the two).
    [[nodiscard]] Pose currentPose() const;
    // A looping motion plays (set by the step, and not taken over by a joint control or a pose).
    [[nodiscard]] bool looping() const { return user_.loop.has_value(); }
    // How far the looping motion has run, in cycles (its clock over its period; 0 at the step's start).
    [[nodiscard]] double loopPhase() const;
    // The angles `settings` ask for: its joints when set, else its looping motion's first pose,
    // else its library pose (neutral without one).
    [[nodiscard]] Pose poseOf(const MotionSettings& settings) const;
    // What the joint controls offer for a coordinate: its physiological range, widened to the
    // step's own angle and the chosen library pose's, so neither is ever clamped away. Joint
    // changes are held inside it.
    [[nodiscard]] DegreeRange controlRange(JointCoordinate coordinate) const;

private:
    void moveTo(const Pose& target, bool instant);
    void setJoint(JointCoordinate coordinate, float degrees);
    // What the user's settings ask for now: the loop's pose at its phase, or poseOf(user_).
    [[nodiscard]] Pose heading() const;

    std::vector<Pose> poses_;
    MotionSettings staged_;
    MotionSettings user_;  // staged_ with the user's changes applied
    HipReference reference_ = HipReference::Gait2392;
    PoseTransition transition_;
    double breathClock_ = 0.0;
    // The looping motion's own time, seconds (speed applied); runs only once the move into the
    // loop is over and while the loop is not paused, so the glide into it never jumps.
    double loopClock_ = 0.0;
    std::optional<float> heldBreath_;
    // The settings (and loop clock) before each drag of the latest run of drags, oldest first.
    struct BeforeDrag {
        MotionSettings settings;
        double loopClock = 0.0;
    };
    std::vector<BeforeDrag> beforeDrags_;
};

}  // namespace psoas
