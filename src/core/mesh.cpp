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

bool isClosedOutwardSurface(const MeshData& mesh) {
    if (mesh.indices.empty() || mesh.indices.size() % 3 != 0) return false;
    for (std::uint32_t index : mesh.indices)
        if (index >= mesh.positions.size()) return false;
    // Weld positions that are bit-for-bit equal: seams split vertices only to give them two normals.
    // One flat hash table (meshoptimizer) instead of a node per position: scans have millions.
    std::vector<std::uint32_t> id(mesh.positions.size());
    const std::size_t welded = meshopt_generateVertexRemap(id.data(), nullptr, mesh.positions.size(), mesh.positions.data(),
                                                           mesh.positions.size(), sizeof(glm::vec3));

    // Each edge filed under its lower vertex, with +1 when a triangle runs it upward and -1 when
    // downward: a counting sort, linear in the triangle count.
    std::vector<std::uint32_t> offsets(welded + 2, 0);
    double volume = 0.0;  // six times the signed volume, by the divergence theorem
    auto eachEdge = [&](auto&& visit) {
        for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
            const std::uint32_t a = id[mesh.indices[t]], b = id[mesh.indices[t + 1]], c = id[mesh.indices[t + 2]];
            // A triangle with a repeated corner has no area and no side to see: it neither opens nor
            // closes anything (the generator's simplifier leaves a few in the femurs and 11th ribs).
            if (a == b || b == c || c == a) continue;
            visit(a, b), visit(b, c), visit(c, a);
        }
    };
    eachEdge([&](std::uint32_t from, std::uint32_t to) { ++offsets[std::min(from, to) + 2]; });
    for (std::size_t v = 2; v < offsets.size(); ++v) offsets[v] += offsets[v - 1];
    std::vector<std::pair<std::uint32_t, std::int8_t>> edges(offsets.back());  // (upper vertex, direction)
    eachEdge([&](std::uint32_t from, std::uint32_t to) {
        edges[offsets[std::min(from, to) + 1]++] = {std::max(from, to), static_cast<std::int8_t>(from < to ? 1 : -1)};
    });
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
        const glm::vec3 &a = mesh.positions[mesh.indices[t]], &b = mesh.positions[mesh.indices[t + 1]], &c = mesh.positions[mesh.indices[t + 2]];
        if (id[mesh.indices[t]] == id[mesh.indices[t + 1]] || id[mesh.indices[t + 1]] == id[mesh.indices[t + 2]] ||
            id[mesh.indices[t + 2]] == id[mesh.indices[t]])
            continue;
        volume += glm::dot(glm::dvec3(a), glm::cross(glm::dvec3(b), glm::dvec3(c)));
    }
    // Watertight and consistently wound: each edge is run as often one way as the other (once each
    // on a manifold; twice each where two parts of a mesh touch along an edge).
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
    return volume > 0.0;
}

}  // namespace psoas
