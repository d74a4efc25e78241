#pragma once
// A body posture as a teacher describes it: joint angles in degrees. Plain values; the skeleton
// solver (skeleton.hpp) turns them into a transform per body.

namespace psoas {

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
    // ratios (docs/sources.md §2); about -80..+26 degrees.
    float lumbarExtension = 0.0f;
    float pelvicTilt = 0.0f;  // anterior tilt positive, about the axis through both hip centres
    HipAngles hipRight;
    HipAngles hipLeft;

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
