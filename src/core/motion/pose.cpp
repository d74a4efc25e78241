#include "core/motion/pose.hpp"

#include <glm/common.hpp>
#include <glm/trigonometric.hpp>

#include <cmath>

namespace psoas {

float anatomicalHipFlexion(const Pose& pose, Side side) { return pose.hip(side).flexion + pose.pelvicTilt; }

namespace {
HipAngles blendHip(const HipAngles& a, const HipAngles& b, float t) {
    return {glm::mix(a.flexion, b.flexion, t), glm::mix(a.abduction, b.abduction, t),
            glm::mix(a.externalRotation, b.externalRotation, t)};
}
}  // namespace

Pose blendPoses(const Pose& a, const Pose& b, float t) {
    return {glm::mix(a.lumbarExtension, b.lumbarExtension, t), glm::mix(a.pelvicTilt, b.pelvicTilt, t),
            blendHip(a.hipRight, b.hipRight, t),           blendHip(a.hipLeft, b.hipLeft, t),
            glm::mix(a.bodyPitch, b.bodyPitch, t),         glm::mix(a.bodyRoll, b.bodyRoll, t)};
}

float bridgeHipFlexionDegrees(float blockHeightMetres) {
    // Estimates from sources §6: trunk length (hip to shoulder) 0.50 m, thigh 0.40 m, knee height
    // 0.45 m with the feet flat, shoulder height 0.07 m on the floor, hip 0.10 m above the block.
    constexpr float trunkLength = 0.50f;
    constexpr float thighLength = 0.40f;
    constexpr float kneeHeight = 0.45f;
    constexpr float shoulderHeight = 0.07f;
    constexpr float hipAboveBlock = 0.10f;
    const float hipHeight = blockHeightMetres + hipAboveBlock;
    // Clamped so a block taller than the knee gives a level thigh rather than NaN.
    const float trunkElevation = std::asin(glm::clamp((hipHeight - shoulderHeight) / trunkLength, -1.0f, 1.0f));
    const float thighElevation = std::asin(glm::clamp((kneeHeight - hipHeight) / thighLength, -1.0f, 1.0f));
    return glm::degrees(thighElevation - trunkElevation);
}

}  // namespace psoas
