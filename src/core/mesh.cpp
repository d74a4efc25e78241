#include "core/mesh.hpp"

#include <glm/geometric.hpp>
#include <glm/common.hpp>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <utility>

namespace psoas {

float Bounds::radius() const { return empty() ? 0.0f : 0.5f * glm::length(size()); }
void Bounds::include(const glm::vec3& p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
}
void Bounds::include(const Bounds& other) {
    if (other.empty()) return;
    include(other.min);
    include(other.max);
}

bool isClosedOutwardSurface(const MeshData& mesh) {
    if (mesh.indices.empty() || mesh.indices.size() % 3 != 0) return false;
    // Weld positions that are bit-for-bit equal: seams split vertices only to give them two normals.
    struct PositionHash {
        std::size_t operator()(const glm::vec3& p) const {
            std::uint32_t bits[3];
            std::memcpy(bits, &p, sizeof bits);
            return (std::size_t(bits[0]) * 73856093u) ^ (std::size_t(bits[1]) * 19349663u) ^ (std::size_t(bits[2]) * 83492791u);
        }
    };
    std::unordered_map<glm::vec3, std::uint32_t, PositionHash> welded;
    std::vector<std::uint32_t> id(mesh.positions.size());
    for (std::size_t i = 0; i < mesh.positions.size(); ++i)
        id[i] = welded.try_emplace(mesh.positions[i], static_cast<std::uint32_t>(welded.size())).first->second;

    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;  // directed, as the triangles run them
    edges.reserve(mesh.indices.size());
    double volume = 0.0;  // six times the signed volume, by the divergence theorem
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
        const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
        if (a >= id.size() || b >= id.size() || c >= id.size()) return false;
        // A triangle with a repeated corner has no area and no side to see: it neither opens nor
        // closes anything (the generator's simplifier leaves a few in the femurs and 11th ribs).
        if (id[a] == id[b] || id[b] == id[c] || id[c] == id[a]) continue;
        edges.emplace_back(id[a], id[b]);
        edges.emplace_back(id[b], id[c]);
        edges.emplace_back(id[c], id[a]);
        volume += glm::dot(glm::dvec3(mesh.positions[a]), glm::cross(glm::dvec3(mesh.positions[b]), glm::dvec3(mesh.positions[c])));
    }
    // Watertight and consistently wound: each edge is run as often one way as the other (once each
    // on a manifold; twice each where two parts of a mesh touch along an edge).
    std::sort(edges.begin(), edges.end());
    for (std::size_t i = 0; i < edges.size();) {
        const auto [from, to] = edges[i];
        const auto run = std::equal_range(edges.begin() + static_cast<std::ptrdiff_t>(i), edges.end(), edges[i]);
        const auto back = std::equal_range(edges.begin(), edges.end(), std::make_pair(to, from));
        if (run.second - run.first != back.second - back.first) return false;
        i = static_cast<std::size_t>(run.second - edges.begin());
    }
    return volume > 0.0;
}

}  // namespace psoas
