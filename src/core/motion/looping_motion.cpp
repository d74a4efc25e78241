#include "core/motion/looping_motion.hpp"

#include "core/motion/pose_transition.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace psoas {

namespace {

struct GaitPoint {
    double phase;  // fraction of the gait cycle from initial contact
    double degrees;
};
// The cited values (header; docs/sources.md §11), in phase order; the cycle closes back on the first.
constexpr std::array<GaitPoint, 5> kGaitHip{{
    {0.00, 30.0},   // initial contact
    {0.10, 30.0},   // end of loading response: still about as flexed as at contact
    {0.50, -10.0},  // end of terminal stance: peak extension
    {0.60, 0.0},    // toe-off, end of pre-swing: neutral
    {0.85, 35.0},   // late swing: peak flexion
}};

double wrapped(double phase) { return phase - std::floor(phase); }

const GaitPoint& gaitPoint(std::ptrdiff_t index) {
    const auto n = static_cast<std::ptrdiff_t>(kGaitHip.size());
    return kGaitHip[static_cast<std::size_t>(((index % n) + n) % n)];
}

// Phase distance from point `index` to the next, across the wrap.
double gaitGap(std::ptrdiff_t index) {
    const double gap = gaitPoint(index + 1).phase - gaitPoint(index).phase;
    return gap > 0.0 ? gap : gap + 1.0;
}

double gaitSecant(std::ptrdiff_t index) { return (gaitPoint(index + 1).degrees - gaitPoint(index).degrees) / gaitGap(index); }

// Fritsch-Butland slope: zero where the curve turns or is flat on either side (so every extreme
// lies on a cited point), else a weighted harmonic mean of the two secants (no overshoot).
double gaitSlope(std::ptrdiff_t index) {
    const double before = gaitSecant(index - 1), after = gaitSecant(index);
    if (before * after <= 0.0) return 0.0;
    const double h0 = gaitGap(index - 1), h1 = gaitGap(index);
    return 3.0 * (h0 + h1) / ((2.0 * h1 + h0) / before + (h1 + 2.0 * h0) / after);
}

Pose walkingPose(double phase) {
    Pose pose;
    pose.hipRight.flexion = gaitHipFlexionDegrees(phase);
    pose.hipLeft.flexion = gaitHipFlexionDegrees(phase + 0.5);  // the other leg, half a cycle apart
    return pose;
}

}  // namespace

float gaitHipFlexionDegrees(double phase) {
    const double p = wrapped(phase);
    std::ptrdiff_t k = static_cast<std::ptrdiff_t>(kGaitHip.size()) - 1;
    for (std::ptrdiff_t i = 0; i + 1 < static_cast<std::ptrdiff_t>(kGaitHip.size()); ++i)
        if (p < kGaitHip[static_cast<std::size_t>(i + 1)].phase) {
            k = i;
            break;
        }
    const double h = gaitGap(k);
    const double t = wrapped(p - gaitPoint(k).phase) / h;
    const double t2 = t * t, t3 = t2 * t;
    const double y0 = gaitPoint(k).degrees, y1 = gaitPoint(k + 1).degrees;
    const double value = (2.0 * t3 - 3.0 * t2 + 1.0) * y0 + (t3 - 2.0 * t2 + t) * h * gaitSlope(k) +
                         (-2.0 * t3 + 3.0 * t2) * y1 + (t3 - t2) * h * gaitSlope(k + 1);
    return static_cast<float>(value);
}

std::string_view builtInMotionName(BuiltInMotion motion) {
    for (const BuiltInMotionName& entry : kBuiltInMotionNames)
        if (entry.value == motion) return entry.name;
    return {};
}

LoopingMotion builtInMotion(BuiltInMotion motion) {
    LoopingMotion loop;
    loop.builtIn = motion;
    for (const BuiltInMotionName& entry : kBuiltInMotionNames)
        if (entry.value == motion) loop.periodSeconds = entry.periodSeconds;
    return loop;
}

Pose poseAt(const LoopingMotion& motion, double phase) {
    if (motion.builtIn) {
        switch (*motion.builtIn) {
            case BuiltInMotion::Walking: return walkingPose(phase);
        }
    }
    if (motion.poses.empty()) return {};
    const double along = wrapped(phase) * static_cast<double>(motion.poses.size());
    const auto from = std::min(static_cast<std::size_t>(along), motion.poses.size() - 1);
    const std::size_t to = (from + 1) % motion.poses.size();
    const auto t = static_cast<float>(along - static_cast<double>(from));
    return blendPoses(motion.poses[from], motion.poses[to], easeInOut(t));
}

}  // namespace psoas
