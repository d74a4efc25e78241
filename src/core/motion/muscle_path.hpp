#pragma once
// Muscle lines of action from the published models (sources §2): straight segments between points
// fixed on bodies, one conditional via point over the hip, and the derived musculotendon length
// and hip-flexion moment arm. Pure functions of a pose; no allocation when evaluated.

#include "core/motion/pose.hpp"
#include "core/motion/skeleton.hpp"

#include <glm/vec3.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

struct PathAnchor {
    Body body;
    glm::vec3 neutral;  // scene frame at the neutral pose, metres
};

// Every hip flexor path here has the same five roles (sources §2): origin, pelvic brim, the
// conditional point over the hip capsule, and two femoral points near the lesser trochanter.
enum class PathPointRole { Origin, Brim, HipVia, FemoralProximal, FemoralDistal };
constexpr std::size_t kPathPoints = 5;

struct MusclePath {
    std::string part;          // "l1_body", "l1_l2_disc", "lumped"
    float maxForce = 0.0f;     // Fmax, newtons: the fascicle's weight in the whole-muscle mean
    Side side = Side::Right;
    std::array<PathAnchor, kPathPoints> anchors{};
    glm::vec3 hipCentre{0.0f};  // this side's hip joint centre (the skeleton's), scene frame at the neutral pose
    // gait2392's conditional via point over the hip capsule; a path from a model without one has
    // this false and its HipVia anchor is never part of the length.
    bool hasHipVia = true;
    // The hip centre the path's femur points turn about, scene frame at the neutral pose, carried
    // by the pelvis; absent: the skeleton's own (`hipCentre`, gait2392). Another published model
    // places the hip elsewhere, and its femur points are only right about its own centre.
    std::optional<glm::vec3> hipJointCentre;
};

struct Muscle {
    std::string id;  // atlas structure id: "psoas_major_r"
    Side side = Side::Right;
    std::vector<MusclePath> paths;
};

// The via point over the hip is part of the path only for hip flexion in [-90, +45] degrees,
// inclusive (sources §2).
[[nodiscard]] bool hipViaActive(float anatomicalHipFlexionDegrees);

// Past this hip flexion the published straight-line path would pass through the pubis (the
// femoral points swing past the brim point and the length would rise again, near 100 degrees).
constexpr float kWrapOnsetDegrees = 90.0f;

struct PathState {
    // For drawing: the five points in world space. The via point glides onto the brim-femur line
    // around 45 degrees instead of switching, and past 90 degrees a psoas fascicle's brim point
    // glides onto the origin-femur line, so the drawn line never pops or zigzags; the iliacus's
    // tendon bends over its brim point instead (see muscle_path.cpp). Only below 40 degrees is the
    // drawn polyline exactly the measured one.
    std::array<glm::vec3, kPathPoints> points{};
    float length = 0.0f;     // musculotendon length, metres, as the published model defines it
    float momentArm = 0.0f;  // hip flexion moment arm -dL/dtheta, metres (theta in radians)
    bool viaActive = false;
    bool wrapped = false;    // beyond kWrapOnsetDegrees: pulley continuation, see muscle_path.cpp
};

struct MuscleState {
    float length = 0.0f;     // Fmax-weighted mean of the paths (sources §2)
    float momentArm = 0.0f;  // the same weighted mean: the derivative of the mean length
};

// A path written for the right side, hung on `skeleton` and moved to `side`: `hipCentre` becomes
// the skeleton's centre on that side; the left mirrors X (sources §0), also `hipJointCentre`, and
// uses the left femur.
[[nodiscard]] MusclePath onSide(MusclePath path, const Skeleton& skeleton, Side side);

// gait2392's lumped psoas and iliacus, and the 11 segmental psoas fascicles of Christophy 2012,
// hung on `skeleton`: femoral points are given relative to its hip centres. The fascicles' origins
// are the atlas landmarks "origin_<part>" ("origin_l3_transverse_process") of the right psoas
// major, `rightPsoasLandmarks`; the left side mirrors X. Throws std::invalid_argument naming a
// missing landmark.
[[nodiscard]] MusclePath referencePsoasPath(const Skeleton& skeleton, Side side);
[[nodiscard]] MusclePath iliacusPath(const Skeleton& skeleton, Side side);
[[nodiscard]] std::vector<MusclePath> psoasFascicles(const Skeleton& skeleton, const std::vector<Landmark>& rightPsoasLandmarks,
                                                     Side side);
// psoas_major_r, psoas_major_l, iliacus_r, iliacus_l, in that order; look them up by id.
[[nodiscard]] std::vector<Muscle> hipFlexorMuscles(const Skeleton& skeleton, const std::vector<Landmark>& rightPsoasLandmarks);
// The atlas structure whose landmarks hold the psoas fascicle origins.
constexpr std::string_view kRightPsoasId = "psoas_major_r";
constexpr std::string_view kLeftPsoasId = "psoas_major_l";

[[nodiscard]] PathState evaluatePath(const MusclePath& path, const Pose& pose, const BodyTransforms& bodies);
// `states` is filled in place (resized once); pass the same vector every frame to avoid allocating.
MuscleState evaluateMuscle(const Muscle& muscle, const Pose& pose, const BodyTransforms& bodies,
                           std::vector<PathState>& states);

}  // namespace psoas
