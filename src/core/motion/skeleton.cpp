#include "core/motion/skeleton.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include <stdexcept>
#include <string>

namespace psoas {

namespace {

constexpr std::array<std::string_view, kBodyCount> kBodyNames{
    "pelvis", "sacrum", "l5", "l4", "l3", "l2", "l1", "t12", "femur_r", "femur_l",
    "disc_l5_s1", "disc_l4_l5", "disc_l3_l4", "disc_l2_l3", "disc_l1_l2", "disc_t12_l1"};

// The lumbar levels, L5/S1 first: the bodies each joins, the disc between them, and its share of
// the total lumbar extension, the published ratios 1 : 1.857 : 1.643 : 1.143 : 0.929 : 0.571
// (docs/sources.md §2), normalised. The centres come from the atlas (at the disc centres of §3,
// so the bones turn where the meshes show the discs).
struct LumbarLevel {
    Body lower, upper, disc;
    float ratio;
};
constexpr float kRatioSum = 1.0f + 1.857f + 1.643f + 1.143f + 0.929f + 0.571f;
constexpr std::array<LumbarLevel, 6> kLumbarLevels{{
    {Body::Sacrum, Body::L5, Body::DiscL5S1, 1.0f},
    {Body::L5, Body::L4, Body::DiscL4L5, 1.857f},
    {Body::L4, Body::L3, Body::DiscL3L4, 1.643f},
    {Body::L3, Body::L2, Body::DiscL2L3, 1.143f},
    {Body::L2, Body::L1, Body::DiscL1L2, 0.929f},
    {Body::L1, Body::T12, Body::DiscT12L1, 0.571f},
}};

glm::vec3 jointCentre(const std::vector<Joint>& joints, Body parent, Body child) {
    for (const Joint& joint : joints)
        if (joint.parent == bodyName(parent) && joint.child == bodyName(child)) return joint.centre;
    throw std::invalid_argument("the atlas has no [[joint]] with parent '" + std::string(bodyName(parent)) + "' and child '" +
                                std::string(bodyName(child)) + "'");
}

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

Skeleton::Skeleton(const std::vector<Joint>& joints)
    : hipRight_(jointCentre(joints, Body::Pelvis, Body::FemurRight)), hipLeft_(jointCentre(joints, Body::Pelvis, Body::FemurLeft)) {
    for (std::size_t i = 0; i < kLumbarLevels.size(); ++i) {
        const LumbarLevel& level = kLumbarLevels[i];
        lumbar_[i] = {level.lower, level.upper, level.disc, jointCentre(joints, level.lower, level.upper), level.ratio / kRatioSum};
    }
}

namespace {
// Pelvic tilt turns the pelvis about the line through both hip centres; anterior tilt moves the
// top forward (+Z), which is Rx(+tilt) in the scene frame (sources §0 axes).
glm::mat4 pelvisTransform(const Skeleton& skeleton, const Pose& pose) {
    return rotationAbout(skeleton.hipCentre(Side::Right), rotateX(pose.pelvicTilt));
}

// Relative to the pelvis. Flexion Rx(-theta) for both legs (sources §0); then abduction and rotation
// about the thigh's own axes in the gait2392 order. For the right leg abduction (toward -X) is a
// negative turn about +Z and external rotation a negative turn about +Y; the left leg mirrors.
glm::mat4 hipRotation(const HipAngles& hip, Side side, float anatomicalFlexion) {
    const float mirror = side == Side::Right ? -1.0f : 1.0f;
    return rotateX(-anatomicalFlexion) *
           glm::rotate(glm::mat4(1.0f), glm::radians(mirror * hip.abduction), kAxisZ) *
           glm::rotate(glm::mat4(1.0f), glm::radians(mirror * hip.externalRotation), kAxisY);
}
}  // namespace

glm::mat4 femurTransform(const glm::mat4& pelvis, const glm::vec3& hipCentre, const Pose& pose, Side side,
                         float anatomicalFlexionDegrees) {
    return pelvis * rotationAbout(hipCentre, hipRotation(pose.hip(side), side, anatomicalFlexionDegrees));
}

BodyTransforms solveSkeleton(const Skeleton& skeleton, const Pose& pose) {
    BodyTransforms out;
    out[Body::Pelvis] = pelvisTransform(skeleton, pose);
    out[Body::Sacrum] = out[Body::Pelvis];  // sacrum, coccyx and hip bones move as one (sources §2)
    for (const LumbarJoint& joint : skeleton.lumbarJoints()) {
        // Extension moves the upper body posterior: Rx(-share * extension) about the joint (sources §0).
        const float angle = joint.share * pose.lumbarExtension;
        const glm::mat4& below = out[joint.lower];
        out[joint.upper] = below * rotationAbout(joint.centre, rotateX(-angle));
        out[joint.disc] = below * rotationAbout(joint.centre, rotateX(-0.5f * angle));
    }
    for (Side side : {Side::Right, Side::Left})
        out[side == Side::Right ? Body::FemurRight : Body::FemurLeft] =
            femurTransform(out[Body::Pelvis], skeleton.hipCentre(side), pose, side, anatomicalHipFlexion(pose, side));
    return out;
}

glm::mat4 midwayTransform(const glm::mat4& lower, const glm::mat4& upper, const glm::vec3& pivot) {
    const glm::quat rotation = glm::slerp(glm::quat_cast(glm::mat3(lower)), glm::quat_cast(glm::mat3(upper)), 0.5f);
    const glm::vec3 pivotNow = 0.5f * (glm::vec3(lower * glm::vec4(pivot, 1.0f)) + glm::vec3(upper * glm::vec4(pivot, 1.0f)));
    return glm::translate(glm::mat4(1.0f), pivotNow) * glm::mat4_cast(rotation) * glm::translate(glm::mat4(1.0f), -pivot);
}

glm::mat4 bodyOrientationTransform(const Pose& pose) {
    const glm::mat4 roll = glm::rotate(glm::mat4(1.0f), glm::radians(pose.bodyRoll), glm::vec3(0.0f, 0.0f, 1.0f));
    return glm::rotate(roll, glm::radians(pose.bodyPitch), glm::vec3(1.0f, 0.0f, 0.0f));
}

}  // namespace psoas
