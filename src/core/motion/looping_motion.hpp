#pragma once
// Motions that loop (issue 13): a lesson step's `motion`, either a cycle through poses from the
// pose library or a built-in motion such as walking. The pose at any moment is a pure function of
// the motion and its phase, so the sliders, lengths, length tags and charts all follow the one
// pose the skeleton is solved for.
//
// Walking: both hips flex and extend through the sagittal hip angle of normal level walking, the
// left half a cycle behind the right. The hip angle over the gait cycle (0 = initial contact of
// that leg) passes through these published values (docs/sources.md §11):
//   about 30° of flexion at initial contact, held through the first 10 % of the cycle,
//   about 10° of extension at 50 % (end of terminal stance), neutral (0°) near toe-off at 60 %,
//   peak flexion of about 35° in late swing (85 %), back to 30° at the next initial contact.
// Sources: Perry J, Burnfield JM, Gait Analysis: Normal and Pathological Function, 2nd ed., 2010
// (Rancho Los Amigos descriptions of the hip in each phase); Kadaba MP, Ramakrishnan HK,
// Wootten ME, J Orthop Res 8:383-392, 1990 (mean sagittal hip curve of level walking).

#include "core/motion/pose.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace psoas {

enum class BuiltInMotion { Walking };
struct BuiltInMotionName {
    BuiltInMotion value;
    std::string_view name;  // in lessons: motion = "walking"
    float periodSeconds;    // one cycle at 1x speed
};
// Walking at 2 s a cycle: a slow, teaching pace (ordinary walking is about twice as fast), so a
// class can follow each thigh; the Motion tab's speed control changes it.
inline constexpr std::array<BuiltInMotionName, 1> kBuiltInMotionNames{{{BuiltInMotion::Walking, "walking", 2.0f}}};

// A step's `period` in seconds per cycle.
inline constexpr float kLoopPeriodMinSeconds = 0.5f;
inline constexpr float kLoopPeriodMaxSeconds = 60.0f;

struct LoopingMotion {
    std::optional<BuiltInMotion> builtIn;  // set: that motion; unset: the cycle through `poses`
    // The cycle passes from each pose to the next with an eased move (zero speed at each pose),
    // and from the last back to the first; each move takes period / poses.size().
    std::vector<Pose> poses;
    float periodSeconds = 4.0f;  // one whole cycle, seconds
    bool operator==(const LoopingMotion&) const = default;
};

// A built-in motion's name as lessons write it ("walking").
[[nodiscard]] std::string_view builtInMotionName(BuiltInMotion motion);

// The built-in motion with its own period.
[[nodiscard]] LoopingMotion builtInMotion(BuiltInMotion motion);

// The pose at `phase` cycles into the motion (any real number: whole cycles wrap, so phase and
// phase + 1 give the same pose). A motion through no poses gives neutral standing.
[[nodiscard]] Pose poseAt(const LoopingMotion& motion, double phase);

// The sagittal hip angle of normal walking (degrees, flexion positive) at `phase` of the gait
// cycle, 0 = initial contact of that leg; whole cycles wrap. It passes exactly through the cited
// values above and stays within them (a shape-preserving cubic through them: no overshoot).
[[nodiscard]] float gaitHipFlexionDegrees(double phase);

}  // namespace psoas
