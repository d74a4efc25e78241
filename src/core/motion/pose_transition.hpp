#pragma once
// An eased move from one pose to another over a set time, so the skeleton never jumps when a
// teacher picks a new pose mid-lesson.

#include "core/motion/pose.hpp"

namespace psoas {

class PoseTransition {
public:
    PoseTransition() = default;
    // Starts at `from`; a zero or negative duration still eases over one frame's worth (0.001 s).
    PoseTransition(const Pose& from, const Pose& to, float durationSeconds);

    void advance(float seconds);
    // Retarget mid-move: starts again from wherever the body is now, so there is no jump.
    void retarget(const Pose& to, float durationSeconds);

    [[nodiscard]] Pose current() const;
    [[nodiscard]] const Pose& target() const { return to_; }
    [[nodiscard]] bool finished() const { return elapsed_ >= duration_; }
    [[nodiscard]] float progress() const;  // 0..1, before easing

private:
    Pose from_;
    Pose to_;
    float duration_ = 0.001f;
    float elapsed_ = 0.001f;
};

// Smootherstep 6t^5 - 15t^4 + 10t^3: zero speed and acceleration at both ends.
[[nodiscard]] float easeInOut(float t);

}  // namespace psoas
