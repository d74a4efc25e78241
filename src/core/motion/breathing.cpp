#include "core/motion/breathing.hpp"

#include "core/name_table.hpp"

#include <glm/common.hpp>
#include <glm/gtc/constants.hpp>

#include <cmath>

namespace psoas {

namespace {
// sources §5: 1.8 +- 0.3 cm quiet (Boussuges 2009); 6.0 +- 0.7 cm maximal (Houston 1994).
constexpr float kQuietExcursion = 0.018f;
constexpr float kDeepExcursion = 0.060f;
// Our assumption (sources §5 has no figure): 2 degrees of lumbar extension at a full deep breath.
constexpr float kDeepBreathLumbarExtension = 2.0f;
}  // namespace

std::string_view toString(BreathDepth depth) { return nameIn(kBreathDepthNames, depth); }

std::optional<BreathDepth> breathDepthFromName(std::string_view name) { return valueIn(kBreathDepthNames, name); }

double BreathCycle::periodSeconds() const { return 60.0 / glm::clamp(static_cast<double>(breathsPerMinute), 6.0, 30.0); }

double BreathCycle::inhaleSeconds() const {
    return periodSeconds() / (1.0 + glm::clamp(static_cast<double>(exhalePerInhale), 0.5, 3.0));
}

float BreathCycle::stateAt(double seconds) const {
    const double period = periodSeconds();
    const double inhale = inhaleSeconds();
    double t = std::fmod(seconds, period);
    if (t < 0.0) t += period;
    const double phase = t < inhale ? t / inhale : 1.0 + (t - inhale) / (period - inhale);
    // phase 0..1 breathing in, 1..2 breathing out; b = (1 - cos(pi * phase)) / 2 covers both.
    return static_cast<float>(0.5 * (1.0 - std::cos(glm::pi<double>() * phase)));
}

float domeExcursion(BreathDepth depth) { return depth == BreathDepth::Deep ? kDeepExcursion : kQuietExcursion; }

float diaphragmDomeDescent(float breath, BreathDepth depth) {
    return glm::clamp(breath, 0.0f, 1.0f) * domeExcursion(depth);
}

float breathLumbarExtension(float breath, BreathDepth depth) {
    return glm::clamp(breath, 0.0f, 1.0f) * kDeepBreathLumbarExtension * domeExcursion(depth) / kDeepExcursion;
}

Pose withBreath(Pose pose, float breath, BreathDepth depth) {
    pose.lumbarExtension += breathLumbarExtension(breath, depth);
    return pose;
}

float domeDescentWeight(const glm::vec3& neutral) {
    // Over the spine the diaphragm is tied to it (crura, median arcuate ligament; sources §1, §5), so
    // there it stays put: the descent fades in from the side of the vertebral body (half its 43-44 mm
    // width, sources §4) over about as far again, measured from the T12/L1 disc centre (sources §3).
    constexpr float kSpineZ = -0.107f;
    constexpr float kFixedRadius = 0.022f;
    constexpr float kFreeRadius = 0.045f;
    const float fromSpine = std::hypot(neutral.x, neutral.z - kSpineZ);
    return glm::smoothstep(kCruraTopHeight, kDomeApexHeight, neutral.y) * glm::smoothstep(kFixedRadius, kFreeRadius, fromSpine);
}

glm::vec3 deformDiaphragmVertex(const glm::vec3& neutral, float breath, BreathDepth depth) {
    return neutral - glm::vec3(0.0f, domeDescentWeight(neutral) * diaphragmDomeDescent(breath, depth), 0.0f);
}

}  // namespace psoas
