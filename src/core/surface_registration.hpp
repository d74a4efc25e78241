#pragma once
// Fits one triangle surface onto another by a rigid motion: a teacher's bone onto the built-in bone
// it replaces (issue 18), so the atlas's landmarks, attachment areas, joints and muscles line up with
// it. Landmark-free: iterative closest point, point-to-plane (Chen & Medioni 1992), trimmed to the
// closest 90 % of pairs each round so that parts one surface has and the other lacks do not pull.
// Started from the given placement and from the four proper alignments of the principal axes; the
// start that ends closest wins. No GL here.

#include "core/mesh.hpp"

#include <glm/mat4x4.hpp>

#include <cstdint>
#include <vector>

namespace psoas {

struct SurfaceFit {
    glm::mat4 transform{1.0f};   // moves the moving surface's points onto the fixed surface (metres)
    float rmsMetres = 0.0f;      // after the fit: RMS over every moving vertex of its distance to the fixed surface
    float startRmsMetres = 0.0f;  // the same, as given (before any motion)
};

// Both meshes in one frame (the scene frame, metres); throws std::invalid_argument when either has
// no triangles. Rigid: the moving surface keeps its size and shape (a uniform-scale fit was tried
// and shrank a one-sided fit into the other bone's bulk). Deterministic for the same input.
[[nodiscard]] SurfaceFit fitSurface(const MeshData& moving, const MeshData& fixed);

// Nearest points on one surface: the nearest vertex (a k-d tree over the positions), then the
// nearest point on the triangles around it, which is the true nearest point unless the surface folds
// back within one triangle ring. Holds a reference: the mesh must outlive it.
class SurfaceNearest {
public:
    explicit SurfaceNearest(const MeshData& surface);  // throws std::invalid_argument for a mesh without triangles
    SurfaceNearest(const SurfaceNearest&) = delete;
    SurfaceNearest& operator=(const SurfaceNearest&) = delete;

    struct Hit {
        glm::vec3 point{0.0f};
        glm::vec3 normal{0.0f, 1.0f, 0.0f};  // of the triangle the point lies on
        float distance = 0.0f;              // metres
        std::uint32_t vertex = 0;           // the nearest vertex
    };
    [[nodiscard]] Hit nearest(const glm::vec3& point) const;
    // The same, searching from a vertex that is probably near (the last answer for a point that
    // moved a little): the search then skips most of the tree.
    [[nodiscard]] Hit nearest(const glm::vec3& point, std::uint32_t nearVertex) const;
    // RMS over the points of their distance to the surface, metres.
    [[nodiscard]] float rmsDistance(const std::vector<glm::vec3>& points) const;

private:
    [[nodiscard]] std::uint32_t nearestVertex(const glm::vec3& point, std::uint32_t guess) const;

    const MeshData& surface_;
    std::vector<std::uint32_t> tree_;               // vertex indices, a balanced k-d tree by median splits
    std::vector<std::uint32_t> firstTriangle_;      // CSR: vertex v's triangles are trianglesOf_[first[v] .. first[v+1])
    std::vector<std::uint32_t> trianglesOf_;
};

}  // namespace psoas
