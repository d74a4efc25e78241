#pragma once
// Breathing as a smooth breath state b in [0, 1] (0 = breathed out, 1 = breathed in) and what it
// does to the body: the diaphragm dome descends and flattens, the lumbar spine extends a little.
// The psoas length is never scripted: it follows from the pose through the muscle paths.

#include "core/motion/pose.hpp"

#include <glm/vec3.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace psoas {

enum class BreathDepth { Quiet, Deep };

// One name table for lesson files (breathing.depth), --breath-depth and the Motion tab.
struct BreathDepthName {
    BreathDepth value;
    std::string_view name;  // in files and on the command line: "deep"
};
inline constexpr std::array<BreathDepthName, 2> kBreathDepthNames{{{BreathDepth::Quiet, "quiet"}, {BreathDepth::Deep, "deep"}}};

[[nodiscard]] std::string_view toString(BreathDepth depth);
[[nodiscard]] std::optional<BreathDepth> breathDepthFromName(std::string_view name);

struct BreathCycle {
    float breathsPerMinute = 12.0f;  // resting rate 12-20 (sources §5); clamped to 6..30
    float exhalePerInhale = 1.5f;    // inhale : exhale 1 : 1.5 (sources §5); clamped to 0.5..3
    BreathDepth depth = BreathDepth::Quiet;

    // Cosine ease in each phase: b and its rate are continuous, the rate is zero at full
    // inhale and full exhale, as a real breath pauses at both ends.
    [[nodiscard]] float stateAt(double seconds) const;
    [[nodiscard]] double periodSeconds() const;
    [[nodiscard]] double inhaleSeconds() const;
};

// Dome descent at full inhale, metres: 1.8 cm quiet (Boussuges 2009), 6.0 cm deep (maximal,
// Houston 1994); sources §5.
[[nodiscard]] float domeExcursion(BreathDepth depth);
// How far the dome has come down at breath state b, metres (positive down).
[[nodiscard]] float diaphragmDomeDescent(float breath, BreathDepth depth);

// Lumbar extension added by breathing in, degrees. No published figure exists (sources §5: "a few
// degrees at most"): our assumption is 2 degrees at a full deep breath, scaled by excursion for a
// quiet one (0.6 degrees).
[[nodiscard]] float breathLumbarExtension(float breath, BreathDepth depth);
[[nodiscard]] Pose withBreath(Pose pose, float breath, BreathDepth depth);

// How much of the dome's descent a diaphragm vertex (scene frame, neutral pose) takes, 0..1: most at
// the top and none at the crura (below the L1 level, y < 0.20 m), with a smooth falloff between, so
// the dome flattens as it descends (sources §5); and none where it lies over the vertebral column,
// which it is tied to.
[[nodiscard]] float domeDescentWeight(const glm::vec3& neutral);
// Where a diaphragm vertex (scene frame, neutral pose) is at breath state b. Pure: the renderer
// applies it.
[[nodiscard]] glm::vec3 deformDiaphragmVertex(const glm::vec3& neutral, float breath, BreathDepth depth);

// Heights of the falloff: fixed below the crura level, full descent from the dome apex up.
// 0.20 m: about the L1 body (disc centres, sources §3); 0.32 m: dome apex at end of exhale (§3, L).
constexpr float kCruraTopHeight = 0.20f;
constexpr float kDomeApexHeight = 0.32f;

}  // namespace psoas
