// Triangle meshes: extraction from a field, simplification, mirroring and the
// geometric queries the tests need (closedness, volume, distance, inside).
#pragma once

#include "sdf.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace modelgen {

struct TriangleMesh {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<uint32_t> indices;
    size_t triangle_count() const { return indices.size() / 3; }
};

struct Box {
    Vec3 lo, hi;
};

// Marching tetrahedra (Kuhn split of each cube) over a regular grid. The grid
// border is forced outside so the result is always closed; triangles face the
// positive (outside) side of the field.
TriangleMesh polygonise(const Field& field, const Box& box, double cell);

// Reduce to about target_triangles with meshoptimizer, then order for the vertex
// cache and recompute normals from the field gradient.
TriangleMesh simplify_and_finish(const TriangleMesh& dense, const Field& field, size_t target_triangles);

// Exact reflection x -> -x with reversed winding, so left structures mirror right ones bit for bit.
TriangleMesh mirror_x(const TriangleMesh& mesh);

// Every undirected edge used by exactly two triangles, once in each direction.
bool is_closed_and_oriented(const TriangleMesh& mesh, std::string* why = nullptr);
double signed_volume(const TriangleMesh& mesh);
double distance_to_surface(const TriangleMesh& mesh, const glm::dvec3& p);
// Generalised winding number: about 1 inside a closed outward mesh, 0 outside.
double winding_number(const TriangleMesh& mesh, const glm::dvec3& p);

}  // namespace modelgen
