#pragma once
// The moving bodies of the scene and where a pose puts them. Each transform maps a point given in
// the scene frame at the neutral pose (how every mesh in models/ is authored) to where it is now.

#include "core/atlas.hpp"
#include "core/motion/pose.hpp"

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace psoas {

// The names are the atlas `body` values (models/atlas.toml). Discs are bodies of their own that
// sit halfway between their two vertebrae.
enum class Body : std::size_t {
    Pelvis, Sacrum, L5, L4, L3, L2, L1, T12, FemurRight, FemurLeft,
    DiscL5S1, DiscL4L5, DiscL3L4, DiscL2L3, DiscL1L2, DiscT12L1,
    Count
};
constexpr std::size_t kBodyCount = static_cast<std::size_t>(Body::Count);

[[nodiscard]] std::string_view bodyName(Body body);
[[nodiscard]] std::optional<Body> bodyFromName(std::string_view name);

struct BodyTransforms {
    std::array<glm::mat4, kBodyCount> world{};
    [[nodiscard]] const glm::mat4& operator[](Body body) const { return world[static_cast<std::size_t>(body)]; }
    glm::mat4& operator[](Body body) { return world[static_cast<std::size_t>(body)]; }
    [[nodiscard]] glm::vec3 place(Body body, const glm::vec3& neutral) const;
    bool operator==(const BodyTransforms&) const = default;
};

// One lumbar joint: the two bodies it joins, its centre at the neutral pose, and its fixed share
// of the total lumbar extension.
struct LumbarJoint {
    Body lower;
    Body upper;
    Body disc;
    glm::vec3 centre;
    float share;
};

// The joints a pose turns: six lumbar levels and two hips. Their centres are the atlas's
// [[joint]] tables (models/atlas.toml), the same numbers the meshes and landmarks are built on;
// the shares of lumbar extension between the levels are the published ratios (docs/sources.md §2).
class Skeleton {
public:
    // Throws std::invalid_argument naming the first joint the pose model needs that is missing
    // ("the atlas has no [[joint]] with parent 'l5' and child 'l4'").
    explicit Skeleton(const std::vector<Joint>& joints);

    // L5/S1 first, T12/L1 last.
    [[nodiscard]] const std::array<LumbarJoint, 6>& lumbarJoints() const { return lumbar_; }
    // Hip joint centre at the neutral pose, scene frame.
    [[nodiscard]] glm::vec3 hipCentre(Side side) const { return side == Side::Right ? hipRight_ : hipLeft_; }

private:
    std::array<LumbarJoint, 6> lumbar_;
    glm::vec3 hipRight_{0.0f};
    glm::vec3 hipLeft_{0.0f};
};

[[nodiscard]] BodyTransforms solveSkeleton(const Skeleton& skeleton, const Pose& pose);

// The whole body's turn for its orientation (pose.bodyPitch, then pose.bodyRoll) about the scene
// origin; the identity for an upright body. Drawing only: lengths are computed without it.
[[nodiscard]] glm::mat4 bodyOrientationTransform(const Pose& pose);

// The femur's transform with the joint's own flexion set explicitly (abduction and rotation from
// the pose), given the pelvis's transform and the hip centre; muscle paths use it to look at the
// hip at another angle without re-solving the spine.
[[nodiscard]] glm::mat4 femurTransform(const glm::mat4& pelvis, const glm::vec3& hipCentre, const Pose& pose, Side side,
                                       float anatomicalFlexionDegrees);

// A rigid transform halfway between two others, pivoting about `pivot` (a disc centre): what a
// disc does between the vertebrae above and below it.
[[nodiscard]] glm::mat4 midwayTransform(const glm::mat4& lower, const glm::mat4& upper, const glm::vec3& pivot);

}  // namespace psoas
