#include "core/motion/skeleton.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

namespace psoas {

namespace {

constexpr std::array<std::string_view, kBodyCount> kBodyNames{
    "pelvis", "sacrum", "l5", "l4", "l3", "l2", "l1", "t12", "femur_r", "femur_l",
    "disc_l5_s1", "disc_l4_l5", "disc_l3_l4", "disc_l2_l3", "disc_l1_l2", "disc_t12_l1"};

// Joint centres at the disc centres of facts §3, so the bones turn where the meshes show the
// discs; they agree with the published child-to-parent offsets of §2 within about 12 mm.
// Shares: the published ratios 1 : 1.857 : 1.643 : 1.143 : 0.929 : 0.571 (facts §2), normalised.
constexpr float kRatioSum = 1.0f + 1.857f + 1.643f + 1.143f + 0.929f + 0.571f;
const std::array<LumbarJoint, 6> kLumbarJoints{{
    {Body::Sacrum, Body::L5, Body::DiscL5S1, {0.0f, 0.054f, -0.088f}, 1.0f / kRatioSum},
    {Body::L5, Body::L4, Body::DiscL4L5, {0.0f, 0.084f, -0.078f}, 1.857f / kRatioSum},
    {Body::L4, Body::L3, Body::DiscL3L4, {0.0f, 0.118f, -0.079f}, 1.643f / kRatioSum},
    {Body::L3, Body::L2, Body::DiscL2L3, {0.0f, 0.150f, -0.086f}, 1.143f / kRatioSum},
    {Body::L2, Body::L1, Body::DiscL1L2, {0.0f, 0.179f, -0.095f}, 0.929f / kRatioSum},
    {Body::L1, Body::T12, Body::DiscT12L1, {0.0f, 0.211f, -0.107f}, 0.571f / kRatioSum},
}};

// Hip joint centre, right side: gait2392 pelvis (-0.0707, -0.0661, 0.0835) converted (facts §0, §2).
constexpr glm::vec3 kRightHipCentre{-0.0835f, -0.0661f, -0.0707f};

const glm::vec3 kAxisX{1.0f, 0.0f, 0.0f};
const glm::vec3 kAxisY{0.0f, 1.0f, 0.0f};
const glm::vec3 kAxisZ{0.0f, 0.0f, 1.0f};

// A rotation about an axis through `centre`.
glm::mat4 rotationAbout(const glm::vec3& centre, const glm::mat4& rotation) {
    return glm::translate(glm::mat4(1.0f), centre) * rotation * glm::translate(glm::mat4(1.0f), -centre);
}

glm::mat4 rotateX(float degrees) { return glm::rotate(glm::mat4(1.0f), glm::radians(degrees), kAxisX); }

}  // namespace

std::string_view bodyName(Body body) { return kBodyNames[static_cast<std::size_t>(body)]; }

std::optional<Body> bodyFromName(std::string_view name) {
    for (std::size_t i = 0; i < kBodyCount; ++i)
        if (kBodyNames[i] == name) return static_cast<Body>(i);
    return std::nullopt;
}

glm::vec3 BodyTransforms::place(Body body, const glm::vec3& neutral) const {
    return glm::vec3((*this)[body] * glm::vec4(neutral, 1.0f));
}

const std::array<LumbarJoint, 6>& lumbarJoints() { return kLumbarJoints; }

glm::vec3 hipCentre(Side side) {
    return side == Side::Right ? kRightHipCentre : glm::vec3(-kRightHipCentre.x, kRightHipCentre.y, kRightHipCentre.z);
}

namespace {
// Pelvic tilt turns the pelvis about the line through both hip centres; anterior tilt moves the
// top forward (+Z), which is Rx(+tilt) in the scene frame (facts §0 axes).
glm::mat4 pelvisTransform(const Pose& pose) { return rotationAbout(hipCentre(Side::Right), rotateX(pose.pelvicTilt)); }

// Relative to the pelvis. Flexion Rx(-theta) for both legs (facts §0); then abduction and rotation
// about the thigh's own axes in the gait2392 order. For the right leg abduction (toward -X) is a
// negative turn about +Z and external rotation a negative turn about +Y; the left leg mirrors.
glm::mat4 hipRotation(const HipAngles& hip, Side side, float anatomicalFlexion) {
    const float mirror = side == Side::Right ? -1.0f : 1.0f;
    return rotateX(-anatomicalFlexion) *
           glm::rotate(glm::mat4(1.0f), glm::radians(mirror * hip.abduction), kAxisZ) *
           glm::rotate(glm::mat4(1.0f), glm::radians(mirror * hip.externalRotation), kAxisY);
}
}  // namespace

glm::mat4 femurTransform(const Pose& pose, Side side, float anatomicalFlexionDegrees) {
    return pelvisTransform(pose) *
           rotationAbout(hipCentre(side), hipRotation(pose.hip(side), side, anatomicalFlexionDegrees));
}

BodyTransforms solveSkeleton(const Pose& pose) {
    BodyTransforms out;
    out[Body::Pelvis] = pelvisTransform(pose);
    out[Body::Sacrum] = out[Body::Pelvis];  // sacrum, coccyx and hip bones move as one (facts §2)
    for (const LumbarJoint& joint : kLumbarJoints) {
        // Extension moves the upper body posterior: Rx(-share * extension) about the joint (facts §0).
        const float angle = joint.share * pose.lumbarExtension;
        const glm::mat4& below = out[joint.lower];
        out[joint.upper] = below * rotationAbout(joint.centre, rotateX(-angle));
        out[joint.disc] = below * rotationAbout(joint.centre, rotateX(-0.5f * angle));
    }
    for (Side side : {Side::Right, Side::Left})
        out[side == Side::Right ? Body::FemurRight : Body::FemurLeft] =
            femurTransform(pose, side, anatomicalHipFlexion(pose, side));
    return out;
}

glm::mat4 midwayTransform(const glm::mat4& lower, const glm::mat4& upper, const glm::vec3& pivot) {
    const glm::quat rotation = glm::slerp(glm::quat_cast(glm::mat3(lower)), glm::quat_cast(glm::mat3(upper)), 0.5f);
    const glm::vec3 pivotNow = 0.5f * (glm::vec3(lower * glm::vec4(pivot, 1.0f)) + glm::vec3(upper * glm::vec4(pivot, 1.0f)));
    return glm::translate(glm::mat4(1.0f), pivotNow) * glm::mat4_cast(rotation) * glm::translate(glm::mat4(1.0f), -pivot);
}

}  // namespace psoas
