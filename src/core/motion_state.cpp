#include "core/motion_state.hpp"

#include <algorithm>

namespace psoas {

namespace {
// 1.5 s: a body moving between poses at a calm demonstration pace.
constexpr float kPoseSeconds = 1.5f;
}  // namespace

bool sameInputs(const MotionInputs& a, const MotionInputs& b) {
    return a.pose == b.pose && a.breath == b.breath && a.depth == b.depth && a.exaggeration == b.exaggeration &&
           a.reference == b.reference;
}

MotionState::MotionState(std::vector<Pose> poses) : poses_(std::move(poses)) {}

Pose MotionState::poseOf(const MotionSettings& settings) const {
    if (settings.joints) return *settings.joints;
    if (settings.loop) return poseAt(*settings.loop, 0.0);
    if (settings.pose < 0 || static_cast<std::size_t>(settings.pose) >= poses_.size()) return {};
    return poses_[static_cast<std::size_t>(settings.pose)];
}

double MotionState::loopPhase() const {
    return user_.loop ? loopClock_ / static_cast<double>(user_.loop->periodSeconds) : 0.0;
}

Pose MotionState::heading() const { return user_.loop ? poseAt(*user_.loop, loopPhase()) : poseOf(user_); }

Pose MotionState::currentPose() const {
    return user_.loop && transition_.finished() ? heading() : transition_.current();
}

DegreeRange MotionState::controlRange(JointCoordinate coordinate) const {
    MotionSettings chosen = user_;
    chosen.joints.reset();
    const DegreeRange range = rangeIncluding(coordinate, coordinateValue(poseOf(staged_), coordinate));
    return rangeIncluding(range, coordinateValue(poseOf(chosen), coordinate));
}

void MotionState::moveTo(const Pose& target, bool instant) {
    if (target == transition_.target() && !instant) return;  // already there, or on the way
    transition_ = PoseTransition(transition_.current(), target, instant ? 0.0f : kPoseSeconds);
    if (instant) transition_.advance(1.0f);
}

void MotionState::setLibrary(std::vector<Pose> poses) {
    poses_ = std::move(poses);
    if (!user_.joints && !user_.loop) moveTo(poseOf(user_), false);
}

void MotionState::stage(const MotionSettings& settings, bool instant) {
    beforeDrags_.clear();
    staged_ = settings;
    user_ = settings;
    loopClock_ = 0.0;
    moveTo(heading(), instant);
}

// The user's angles start from what the body is heading for (from where a looping motion has the
// body now: the hand takes over from the loop); back at exactly what the step set, the change is
// gone (overridden() is false again).
void MotionState::setJoint(JointCoordinate coordinate, float degrees) {
    const Pose from = user_.loop ? currentPose() : poseOf(user_);
    Pose pose = from;
    setCoordinate(pose, coordinate, degrees);
    if (pose == from) return;
    if (!user_.loop && !staged_.loop && user_.pose == staged_.pose && pose == poseOf(staged_)) user_.joints = staged_.joints;
    else user_.joints = pose;
    user_.loop.reset();
    moveTo(pose, true);
}

void MotionState::change(const MotionChange& change) {
    if (change.any()) beforeDrags_.clear();  // the drags are no longer the last changes
    if (change.pose && (*change.pose != user_.pose || user_.joints || user_.loop)) {
        user_.pose = *change.pose;
        user_.joints.reset();
        user_.loop.reset();
        moveTo(poseOf(user_), false);
    }
    if (change.joint) {
        const DegreeRange range = controlRange(change.joint->coordinate);
        setJoint(change.joint->coordinate, std::clamp(change.joint->degrees, range.min, range.max));
    }
    if (change.resetJoint) setJoint(*change.resetJoint, coordinateValue(poseOf(staged_), *change.resetJoint));
    if (change.resetJoints) {
        user_.pose = staged_.pose;
        user_.joints = staged_.joints;
        user_.loop = staged_.loop;  // the loop goes on from where it was left
        moveTo(heading(), false);
    }
    if (change.loopSpeed) user_.loopSpeed = std::clamp(*change.loopSpeed, kLoopSpeedMin, kLoopSpeedMax);
    if (change.loopPaused) user_.loopPaused = *change.loopPaused;
    if (change.breathing) user_.breathing = *change.breathing;
    if (change.depth) user_.depth = *change.depth;
    if (change.rate) user_.breathsPerMinute = *change.rate;
    if (change.exaggeration) user_.exaggeration = *change.exaggeration;
    if (change.colourByLength) user_.colourByLength = *change.colourByLength;
    if (change.lengthTags) user_.lengthTags = *change.lengthTags;
    if (change.reference) reference_ = *change.reference;
}

MotionSettings MotionState::settings() const { return user_; }

void MotionState::advance(double seconds) {
    const bool moving = !transition_.finished();
    transition_.advance(static_cast<float>(seconds));
    if (user_.loop && !moving && !user_.loopPaused) loopClock_ += seconds * static_cast<double>(user_.loopSpeed);
    if (user_.breathing) breathClock_ += seconds;
}

void MotionState::beginDrag() {
    if (beforeDrags_.size() == kDragUndoDepth) beforeDrags_.erase(beforeDrags_.begin());
    beforeDrags_.push_back({user_, loopClock_});
}

void MotionState::dragJoints(const Pose& pose, const std::vector<JointCoordinate>& coordinates) {
    for (const JointCoordinate coordinate : coordinates) setJoint(coordinate, coordinateValue(pose, coordinate));
}

void MotionState::endDrag() {
    if (!beforeDrags_.empty() && beforeDrags_.back().settings == user_) beforeDrags_.pop_back();
}

void MotionState::undoDrag() {
    if (beforeDrags_.empty()) return;
    user_ = beforeDrags_.back().settings;
    loopClock_ = beforeDrags_.back().loopClock;
    beforeDrags_.pop_back();
    moveTo(heading(), false);
}

void MotionState::finishTransition() { transition_.advance(1e6f); }

bool MotionState::animating() const {
    return (user_.breathing && !heldBreath_) || !transition_.finished() || (user_.loop && !user_.loopPaused);
}

MotionInputs MotionState::inputs() const {
    MotionInputs in;
    in.pose = currentPose();
    BreathCycle cycle;
    cycle.depth = user_.depth;
    cycle.breathsPerMinute = user_.breathsPerMinute;
    in.breath = heldBreath_ ? *heldBreath_ : user_.breathing ? cycle.stateAt(breathClock_) : 0.0f;
    in.depth = user_.depth;
    in.exaggeration = user_.breathing ? user_.exaggeration : 1.0f;
    in.reference = reference_;
    return in;
}

}  // namespace psoas
