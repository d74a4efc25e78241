#pragma once
// Smooth camera moves between poses (presets, focus, reset): a jump loses the viewer's sense of
// where they are, a short eased glide keeps it.

#include "core/orbit_camera.hpp"

namespace psoas {

class CameraAnimation {
public:
    // 0.45 s: long enough to follow, short enough not to keep a class waiting.
    static constexpr double kDefaultSeconds = 0.45;

    void start(const CameraPose& from, const CameraPose& to, double now, double seconds = kDefaultSeconds);
    void cancel() { active_ = false; }
    [[nodiscard]] bool active() const { return active_; }
    [[nodiscard]] const CameraPose& destination() const { return to_; }

    // The pose at time `now`; finishes (active() becomes false) once the duration has passed.
    CameraPose sample(double now);

private:
    CameraPose from_, to_;
    double startTime_ = 0.0, seconds_ = 0.0;
    bool active_ = false;
};

// Interpolates two poses at t in [0, 1], turning the short way round in yaw.
CameraPose interpolate(const CameraPose& a, const CameraPose& b, float t);

}  // namespace psoas
