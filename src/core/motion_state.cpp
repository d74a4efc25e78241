#include "core/motion_state.hpp"

namespace psoas {

namespace {
// 1.5 s: a body moving between poses at a calm demonstration pace.
constexpr float kPoseSeconds = 1.5f;

bool sameHip(const HipAngles& a, const HipAngles& b) {
    return a.flexion == b.flexion && a.abduction == b.abduction && a.externalRotation == b.externalRotation;
}
}  // namespace

bool sameInputs(const MotionInputs& a, const MotionInputs& b) {
    return a.pose.lumbarExtension == b.pose.lumbarExtension && a.pose.pelvicTilt == b.pose.pelvicTilt &&
           sameHip(a.pose.hipRight, b.pose.hipRight) && sameHip(a.pose.hipLeft, b.pose.hipLeft) && a.breath == b.breath &&
           a.depth == b.depth && a.exaggeration == b.exaggeration && a.reference == b.reference;
}

MotionState::MotionState(std::vector<Pose> poses) : poses_(std::move(poses)) {}

void MotionState::moveToPose(int index, bool instant) {
    if (index < 0 || static_cast<std::size_t>(index) >= poses_.size()) return;
    if (index == movingTo_ && !instant) return;  // already there, or on the way
    movingTo_ = index;
    transition_ = PoseTransition(transition_.current(), poses_[static_cast<std::size_t>(index)], instant ? 0.0f : kPoseSeconds);
    if (instant) transition_.advance(1.0f);
}

void MotionState::stage(const MotionSettings& settings, bool instant) {
    staged_ = settings;
    user_ = settings;
    moveToPose(settings.pose, instant);
}

void MotionState::change(const MotionChange& change) {
    if (change.pose && *change.pose != user_.pose) {
        user_.pose = *change.pose;
        moveToPose(user_.pose, false);
    }
    if (change.breathing) user_.breathing = *change.breathing;
    if (change.depth) user_.depth = *change.depth;
    if (change.rate) user_.breathsPerMinute = *change.rate;
    if (change.exaggeration) user_.exaggeration = *change.exaggeration;
    if (change.colourByLength) user_.colourByLength = *change.colourByLength;
    if (change.reference) reference_ = *change.reference;
}

MotionSettings MotionState::settings() const { return user_; }

void MotionState::advance(double seconds) {
    transition_.advance(static_cast<float>(seconds));
    if (user_.breathing) breathClock_ += seconds;
}

void MotionState::finishTransition() { transition_.advance(1e6f); }

bool MotionState::animating() const { return (user_.breathing && !heldBreath_) || !transition_.finished(); }

MotionInputs MotionState::inputs() const {
    MotionInputs in;
    in.pose = transition_.current();
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
