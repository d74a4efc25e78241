#include "core/motion/column_skin.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>

#include <algorithm>
#include <cmath>

namespace psoas {

namespace {
// Half-width of the blend around each joint centre, metres: about one disc's height (anterior disc
// heights 7.9-12.6 mm, sources §4), so the change from one vertebra to the next is spread over the
// disc, where the bend happens, and the vertebral bodies between carry their own part rigidly.
constexpr float kBlendHalfWidth = 0.010f;
}  // namespace

ColumnSkin::ColumnSkin(std::span<const glm::vec3> neutralPositions, const Skeleton& skeleton) {
    const auto& joints = skeleton.lumbarJoints();  // L5/S1 first, T12/L1 last
    bindings_.reserve(neutralPositions.size());
    for (const glm::vec3& p : neutralPositions) {
        // The body between the joint below and the joint above, by height; below L5/S1 the sacrum
        // (and with it the pelvis), above T12/L1 the twelfth thoracic vertebra and its ribs.
        Binding binding{joints.front().lower, joints.front().lower, 0.0f};
        for (const LumbarJoint& joint : joints) {
            const float y = joint.centre.y;
            if (p.y >= y + kBlendHalfWidth) {
                binding = {joint.upper, joint.upper, 0.0f};
            } else if (p.y > y - kBlendHalfWidth) {
                binding = {joint.lower, joint.upper, glm::smoothstep(y - kBlendHalfWidth, y + kBlendHalfWidth, p.y)};
                break;
            } else {
                break;
            }
        }
        bindings_.push_back(binding);
    }
    spansJoints_ = std::any_of(bindings_.begin(), bindings_.end(), [&](const Binding& b) {
        return b.upperWeight > 0.0f || b.lower != bindings_.front().lower;
    });
}

void ColumnSkin::place(const BodyTransforms& bodies, std::span<glm::vec3> positions, std::span<glm::vec3> normals) const {
    const std::size_t count = std::min(positions.size(), bindings_.size());
    for (std::size_t v = 0; v < count; ++v) {
        const Binding& b = bindings_[v];
        const glm::mat4& lower = bodies[b.lower];
        if (b.upperWeight <= 0.0f) {
            positions[v] = glm::vec3(lower * glm::vec4(positions[v], 1.0f));
            if (v < normals.size()) normals[v] = glm::mat3(lower) * normals[v];
            continue;
        }
        // Linear blend of the two placements: a lumbar joint turns a few degrees at most, so the
        // blend shrinks nothing visibly.
        const glm::mat4& upper = bodies[b.upper];
        const glm::vec4 p(positions[v], 1.0f);
        positions[v] = glm::vec3(glm::mix(lower * p, upper * p, b.upperWeight));
        if (v < normals.size()) {
            const glm::vec3 n = glm::mix(glm::mat3(lower) * normals[v], glm::mat3(upper) * normals[v], b.upperWeight);
            normals[v] = n * (1.0f / std::sqrt(std::max(glm::dot(n, n), 1e-24f)));
        }
    }
}

}  // namespace psoas
