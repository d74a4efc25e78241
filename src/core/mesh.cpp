#include "core/mesh.hpp"

#include <glm/geometric.hpp>
#include <glm/common.hpp>
#include <meshoptimizer.h>

#include <algorithm>
#include <cstring>
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

namespace {

// Calls visit(from, to) for the three edges of every triangle, by welded vertex `id`. A triangle
// with a repeated corner has no area and no side to see: it neither opens nor closes anything
// (the generator's simplifier leaves a few in the femurs and 11th ribs), so it is skipped.
template <typename Visit>
void forEachEdge(const MeshData& mesh, const std::vector<std::uint32_t>& id, Visit&& visit) {
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
        const std::uint32_t a = id[mesh.indices[t]], b = id[mesh.indices[t + 1]], c = id[mesh.indices[t + 2]];
        if (a == b || b == c || c == a) continue;
        visit(a, b), visit(b, c), visit(c, a);
    }
}

// Six times the signed volume, by the divergence theorem (the same triangles as forEachEdge).
double sixTimesVolume(const MeshData& mesh, const std::vector<std::uint32_t>& id) {
    double volume = 0.0;
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
        const std::uint32_t i = mesh.indices[t], j = mesh.indices[t + 1], k = mesh.indices[t + 2];
        if (id[i] == id[j] || id[j] == id[k] || id[k] == id[i]) continue;
        const glm::vec3 &a = mesh.positions[i], &b = mesh.positions[j], &c = mesh.positions[k];
        volume += glm::dot(glm::dvec3(a), glm::cross(glm::dvec3(b), glm::dvec3(c)));
    }
    return volume;
}

// Watertight and consistently wound: each edge is run as often one way as the other (once each
// on a manifold; twice each where two parts of a mesh touch along an edge). Each edge is filed
// under its lower vertex, with +1 when a triangle runs it upward and -1 when downward: a counting
// sort, linear in the triangle count.
bool everyEdgeBalanced(const MeshData& mesh, const std::vector<std::uint32_t>& id, std::size_t welded) {
    std::vector<std::uint32_t> offsets(welded + 2, 0);
    forEachEdge(mesh, id, [&](std::uint32_t from, std::uint32_t to) { ++offsets[std::min(from, to) + 2]; });
    for (std::size_t v = 2; v < offsets.size(); ++v) offsets[v] += offsets[v - 1];
    std::vector<std::pair<std::uint32_t, std::int8_t>> edges(offsets.back());  // (upper vertex, direction)
    forEachEdge(mesh, id, [&](std::uint32_t from, std::uint32_t to) {
        edges[offsets[std::min(from, to) + 1]++] = {std::max(from, to), static_cast<std::int8_t>(from < to ? 1 : -1)};
    });
    for (std::size_t v = 0; v < welded; ++v) {
        const auto first = edges.begin() + offsets[v], last = edges.begin() + offsets[v + 1];
        std::sort(first, last);
        for (auto run = first; run != last;) {
            int balance = 0;
            auto end = run;
            for (; end != last && end->first == run->first; ++end) balance += end->second;
            if (balance != 0) return false;
            run = end;
        }
    }
    return true;
}

}  // namespace

bool isClosedOutwardSurface(const MeshData& mesh) {
    if (mesh.indices.empty() || mesh.indices.size() % 3 != 0) return false;
    for (std::uint32_t index : mesh.indices)
        if (index >= mesh.positions.size()) return false;
    // Weld positions that are bit-for-bit equal: seams split vertices only to give them two normals.
    // One flat hash table (meshoptimizer) instead of a node per position: scans have millions.
    std::vector<std::uint32_t> id(mesh.positions.size());
    const std::size_t welded = meshopt_generateVertexRemap(id.data(), nullptr, mesh.positions.size(), mesh.positions.data(),
                                                           mesh.positions.size(), sizeof(glm::vec3));
    return everyEdgeBalanced(mesh, id, welded) && sixTimesVolume(mesh, id) > 0.0;
}

}  // namespace psoas
