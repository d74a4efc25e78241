#include "core/camera_animation.hpp"

#include <glm/common.hpp>

#include <algorithm>
#include <cmath>

namespace psoas {

CameraPose interpolate(const CameraPose& a, const CameraPose& b, float t) {
    float yawDelta = std::fmod(b.yawDegrees - a.yawDegrees, 360.0f);
    if (yawDelta > 180.0f) yawDelta -= 360.0f;
    if (yawDelta < -180.0f) yawDelta += 360.0f;
    CameraPose pose;
    pose.target = glm::mix(a.target, b.target, t);
    // Distance interpolates geometrically so zooming a long way feels even throughout.
    pose.distance = a.distance * std::pow(b.distance / a.distance, t);
    pose.yawDegrees = a.yawDegrees + yawDelta * t;
    pose.pitchDegrees = glm::mix(a.pitchDegrees, b.pitchDegrees, t);
    return pose;
}

void CameraAnimation::start(const CameraPose& from, const CameraPose& to, double now, double seconds) {
    from_ = from;
    to_ = to;
    startTime_ = now;
    seconds_ = seconds;
    active_ = seconds > 0.0;
}

CameraPose CameraAnimation::sample(double now) {
    if (!active_) return to_;
    const double t = std::clamp((now - startTime_) / seconds_, 0.0, 1.0);
    if (t >= 1.0) {
        active_ = false;
        return to_;
    }
    const float eased = static_cast<float>(t * t * (3.0 - 2.0 * t));  // smoothstep: no jolt at either end
    return interpolate(from_, to_, eased);
}

}  // namespace psoas
