// Minimal deterministic glTF 2.0 binary reader/writer: one mesh, one node, no transform.
#pragma once

#include "mesh.hpp"

#include <string>
#include <vector>

namespace modelgen {

// Bytes of a .glb holding POSITION, NORMAL and indices. Same input, same bytes:
// no timestamps, JSON object keys sorted (nlohmann's default std::map), floats as written.
std::vector<unsigned char> encode_glb(const TriangleMesh& mesh, const std::string& name);

// Reads back what encode_glb writes (first primitive of the first mesh); throws on anything else.
TriangleMesh decode_glb(const std::vector<unsigned char>& bytes);
TriangleMesh read_glb(const std::string& path);

}  // namespace modelgen
