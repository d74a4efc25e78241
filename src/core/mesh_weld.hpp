#pragma once
// Turns the vertex arrays a file gives into a shared-vertex mesh with normals, in time and memory
// linear in the triangle count: 3D scans arrive as millions of separate triangles (STL is always a
// "soup", one copy of each corner per triangle), and a per-vertex hash node or spatial search there
// cost gigabytes. meshoptimizer's vertex remap joins identical corners with one flat hash table.

#include "core/mesh.hpp"

#include <cstdint>
#include <span>

namespace psoas {

// Smooth normals join across an edge only where the two faces meet at less than this angle, so a
// cut bone or a CAD part keeps its sharp edges (60 degrees, the importer's rule before).
inline constexpr float kCreaseAngleDegrees = 60.0f;

// Corners that share a position share a vertex; each corner's normal is the mean of the unit
// normals of the faces around its position that lie within kCreaseAngleDegrees of its own face,
// and corners whose normals then agree are one vertex. `indices` are three per triangle into
// `positions` (in any frame; the result keeps it); empty `indices` mean every three positions are
// a triangle of their own. Degenerate triangles neither give nor bend a normal.
[[nodiscard]] MeshData weldWithCreaseNormals(std::span<const glm::vec3> positions, std::span<const std::uint32_t> indices);

// Joins corners whose position and normal are both bit-for-bit equal (an OBJ that carries its own
// normals); the normals are kept as given. `indices` as above.
[[nodiscard]] MeshData weldKeepingNormals(std::span<const glm::vec3> positions, std::span<const glm::vec3> normals,
                                          std::span<const std::uint32_t> indices);

// Gives every vertex whose normal is missing (zero, NaN) the mean of the faces around it, leaving
// the others as the file has them: a simplifier's degenerate triangle must not cost the whole mesh
// its authored normals.
void fillMissingNormals(MeshData& mesh);

}  // namespace psoas
