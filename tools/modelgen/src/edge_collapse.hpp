// Manifold-preserving quadric edge-collapse simplification.
#pragma once

#include "mesh.hpp"

namespace modelgen {

// Collapse edges of a closed, consistently oriented mesh until about
// target_triangles remain; the result stays closed and oriented. Normals are not set.
TriangleMesh collapse_edges(const TriangleMesh& closed_mesh, size_t target_triangles);

}  // namespace modelgen
