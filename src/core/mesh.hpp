#pragma once
// Triangle meshes as plain CPU values: what the importer produces, what picking tests against and
// what the renderer uploads. No GL here.

#include <glm/vec3.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace psoas {

struct Bounds {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{std::numeric_limits<float>::lowest()};

    [[nodiscard]] bool empty() const { return min.x > max.x; }
    [[nodiscard]] glm::vec3 centre() const { return (min + max) * 0.5f; }
    [[nodiscard]] glm::vec3 size() const { return max - min; }
    [[nodiscard]] float radius() const;  // half the diagonal: a sphere that holds the box
    // Corner 0-7: bit 0 picks max x, bit 1 max y, bit 2 max z.
    [[nodiscard]] glm::vec3 corner(int index) const {
        return {index & 1 ? max.x : min.x, index & 2 ? max.y : min.y, index & 4 ? max.z : min.z};
    }
    void include(const glm::vec3& p);
    void include(const Bounds& other);
};

struct MeshData {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;     // one per position, unit length
    std::vector<std::uint32_t> indices; // three per triangle, counter-clockwise seen from outside
    Bounds bounds;

    [[nodiscard]] std::size_t triangleCount() const { return indices.size() / 3; }
};

// True when the mesh is a closed surface wound counter-clockwise seen from outside: every edge
// (between positions, so seams with split normals count as joined) is shared by exactly two
// triangles running it in opposite directions, and the enclosed volume is positive. Only then is it
// safe to skip back faces: no camera outside the mesh can see one.
[[nodiscard]] bool isClosedOutwardSurface(const MeshData& mesh);

}  // namespace psoas
