#include "core/motion/pose_transition.hpp"

#include <algorithm>

namespace psoas {

namespace {
// Shorter than any frame: a "jump" request still passes through one eased frame.
constexpr float kShortestDuration = 0.001f;
}  // namespace

float easeInOut(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return t * t * t * (t * (t * 6.0f - 15.0f) + 10.0f);
}

PoseTransition::PoseTransition(const Pose& from, const Pose& to, float durationSeconds)
    : from_(from), to_(to), duration_(std::max(durationSeconds, kShortestDuration)), elapsed_(0.0f) {}

void PoseTransition::advance(float seconds) {
    elapsed_ = std::min(duration_, elapsed_ + std::max(seconds, 0.0f));
    // Frame times summed in float fall a hair short of the duration; 10 microseconds is no motion.
    if (duration_ - elapsed_ < 1e-5f) elapsed_ = duration_;
}

void PoseTransition::retarget(const Pose& to, float durationSeconds) {
    *this = PoseTransition(current(), to, durationSeconds);
}

float PoseTransition::progress() const { return std::clamp(elapsed_ / duration_, 0.0f, 1.0f); }

Pose PoseTransition::current() const { return blendPoses(from_, to_, easeInOut(progress())); }

}  // namespace psoas
