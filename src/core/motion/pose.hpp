#pragma once
// A body posture as a teacher describes it: joint angles in degrees. Plain values; the skeleton
// solver (skeleton.hpp) turns them into a transform per body.

#include <array>
#include <string_view>

namespace psoas {

// How the body lies (issue 13). Lying turns the whole body about the scene origin (midway between
// the front of the hip bones): supine onto its back, prone onto its front, side-lying onto its
// left side (right side up). Standing, sitting and kneeling keep the trunk upright: their hips and
// spine say the rest. Lengths never depend on it: it is drawing only.
enum class BodyOrientation { Standing, Supine, Prone, SideLying, Sitting, Kneeling };
struct BodyOrientationName {
    BodyOrientation value;
    std::string_view name;  // in pose files: "supine"
    float pitchDegrees;     // about the left-right axis (+X); -90 turns the front (+Z) up
    float rollDegrees;      // about the front-back axis (+Z); -90 puts the subject's left (+X) down
};
inline constexpr std::array<BodyOrientationName, 6> kBodyOrientationNames{{
    {BodyOrientation::Standing, "standing", 0.0f, 0.0f},
    {BodyOrientation::Supine, "supine", -90.0f, 0.0f},
    {BodyOrientation::Prone, "prone", 90.0f, 0.0f},
    {BodyOrientation::SideLying, "side_lying", 0.0f, -90.0f},
    {BodyOrientation::Sitting, "sitting", 0.0f, 0.0f},
    {BodyOrientation::Kneeling, "kneeling", 0.0f, 0.0f},
}};

enum class Side { Right, Left };

// One hip, anatomical conventions a physiotherapist uses (positive = the named motion).
struct HipAngles {
    // The thigh's flexion measured against the scene frame (the neutral pelvis), not against the
    // tilted pelvis: pelvic tilt rotates the pelvis with the femurs fixed in space, so the joint's
    // own (anatomical) flexion is flexion + pelvic tilt. See anatomicalHipFlexion().
    float flexion = 0.0f;
    float abduction = 0.0f;          // thigh away from the midline
    float externalRotation = 0.0f;  // knee cap turned outward
    bool operator==(const HipAngles&) const = default;
};

struct Pose {
    // Total lumbar extension T12..S1 (negative = flexion), shared between the six joints in fixed
    // ratios (docs/sources.md §2); the joint controls' range is -65..+26 degrees (joint_coordinates.hpp).
    float lumbarExtension = 0.0f;
    float pelvicTilt = 0.0f;  // anterior tilt positive, about the axis through both hip centres
    HipAngles hipRight;
    HipAngles hipLeft;
    // The whole body's turn, from its orientation (kBodyOrientationNames); angles, so a move
    // between standing and lying eases like any other.
    float bodyPitch = 0.0f;
    float bodyRoll = 0.0f;

    [[nodiscard]] const HipAngles& hip(Side side) const { return side == Side::Right ? hipRight : hipLeft; }
    HipAngles& hip(Side side) { return side == Side::Right ? hipRight : hipLeft; }
    bool operator==(const Pose&) const = default;
};

// The hip joint's own flexion: the thigh's angle plus anterior pelvic tilt (the pelvis rolling
// forward over fixed femurs flexes the hip, which is what the psoas feels; sources §2, last line).
[[nodiscard]] float anatomicalHipFlexion(const Pose& pose, Side side);

// Every angle interpolated linearly; t = 0 gives a, t = 1 gives b.
[[nodiscard]] Pose blendPoses(const Pose& a, const Pose& b, float t);

// Hip flexion in the supported bridge with the sacrum on a block of this height (metres), from
// the geometry of sources §6: hip = thigh elevation - trunk elevation.
[[nodiscard]] float bridgeHipFlexionDegrees(float blockHeightMetres);

}  // namespace psoas
