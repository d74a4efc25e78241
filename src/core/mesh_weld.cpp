#include "core/mesh_weld.hpp"

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <meshoptimizer.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

namespace psoas {

namespace {

// Mean of unit vectors, or straight up where they cancel (a degenerate or folded corner).
glm::vec3 unitOr(const glm::vec3& sum, const glm::vec3& fallback) {
    const float length = glm::length(sum);
    return (std::isfinite(length) && length > 1e-20f) ? sum / length : fallback;
}

// Compressed lists of the corners at each welded vertex: corners of vertex v are
// corners[offsets[v] .. offsets[v + 1]). Three flat arrays instead of a list per vertex.
struct CornersByVertex {
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> corners;

    CornersByVertex(std::span<const std::uint32_t> welded, std::size_t vertexCount) : offsets(vertexCount + 1, 0), corners(welded.size()) {
        for (std::uint32_t v : welded) ++offsets[v + 1];
        for (std::size_t v = 0; v < vertexCount; ++v) offsets[v + 1] += offsets[v];
        std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
        for (std::size_t c = 0; c < welded.size(); ++c) corners[fill[welded[c]]++] = static_cast<std::uint32_t>(c);
    }
};

std::vector<glm::vec3> faceNormals(const std::vector<glm::vec3>& shared, const std::vector<std::uint32_t>& welded) {
    const std::size_t triangles = welded.size() / 3;
    std::vector<glm::vec3> faceNormal(triangles);
    for (std::size_t t = 0; t < triangles; ++t) {
        const glm::vec3 &a = shared[welded[3 * t]], &b = shared[welded[3 * t + 1]], &c = shared[welded[3 * t + 2]];
        faceNormal[t] = unitOr(glm::cross(b - a, c - a), glm::vec3(0.0f));
    }
    return faceNormal;
}

struct Crease {
    float cosFull = std::cos(glm::radians(kCreaseAngleDegrees));
    // Half the crease angle: faces all within it of their mean are pairwise within the crease angle.
    float cosHalf = std::cos(glm::radians(kCreaseAngleDegrees * 0.5f));
};

// The normal of each corner around one vertex (`corners`, at least one): the mean of all its faces
// where they are all near it, else per corner the mean of the faces within the crease angle of its own.
void cornerNormalsAround(std::span<const std::uint32_t> corners, const std::vector<glm::vec3>& faceNormal, const Crease& crease,
                         std::vector<glm::vec3>& cornerNormal) {
    glm::vec3 sum(0.0f);
    for (std::uint32_t c : corners) sum += faceNormal[c / 3];
    const glm::vec3 mean = unitOr(sum, glm::vec3(0.0f, 1.0f, 0.0f));
    const bool smooth = std::all_of(corners.begin(), corners.end(), [&](std::uint32_t c) {
        return faceNormal[c / 3] == glm::vec3(0.0f) || glm::dot(faceNormal[c / 3], mean) >= crease.cosHalf;
    });
    cornerNormal.clear();
    if (smooth) {
        cornerNormal.assign(corners.size(), mean);
        return;
    }
    for (std::uint32_t c : corners) {
        const glm::vec3 own = faceNormal[c / 3];
        glm::vec3 near(0.0f);
        for (std::uint32_t o : corners)
            if (glm::dot(own, faceNormal[o / 3]) >= crease.cosFull) near += faceNormal[o / 3];
        cornerNormal.push_back(unitOr(near, mean));
    }
}

// Adds the output vertices at `position` and points each corner's index at its own: corners whose
// normals agree share one vertex; a crease gives each side its own.
void addVerticesAt(const glm::vec3& position, std::span<const std::uint32_t> corners, const std::vector<glm::vec3>& cornerNormal,
                   MeshData& out) {
    const auto base = static_cast<std::uint32_t>(out.positions.size());
    for (std::size_t k = 0; k < cornerNormal.size(); ++k) {
        std::uint32_t vertex = base;
        while (vertex < out.positions.size() && out.normals[vertex] != cornerNormal[k]) ++vertex;
        if (vertex == out.positions.size()) {
            out.positions.push_back(position);
            out.normals.push_back(cornerNormal[k]);
            out.bounds.include(position);
        }
        out.indices[corners[k]] = vertex;
    }
}

}  // namespace

MeshData weldWithCreaseNormals(std::span<const glm::vec3> positions, std::span<const std::uint32_t> indices) {
    MeshData out;
    const std::uint32_t* given = indices.empty() ? nullptr : indices.data();  // null: a triangle soup
    const std::size_t cornerCount = given ? indices.size() : positions.size() / 3 * 3;
    if (cornerCount == 0) return out;
    std::vector<std::uint32_t> remap(positions.size());
    const std::size_t unique =
        meshopt_generateVertexRemap(remap.data(), given, cornerCount, positions.data(), positions.size(), sizeof(glm::vec3));
    std::vector<std::uint32_t> welded(cornerCount);
    meshopt_remapIndexBuffer(welded.data(), given, cornerCount, remap.data());
    std::vector<glm::vec3> shared(unique);
    meshopt_remapVertexBuffer(shared.data(), positions.data(), positions.size(), sizeof(glm::vec3), remap.data());
    remap = {};

    const std::vector<glm::vec3> faceNormal = faceNormals(shared, welded);
    const CornersByVertex around(welded, unique);
    const Crease crease;
    out.positions.reserve(unique);
    out.normals.reserve(unique);
    // Each corner's output index is written once, from its vertex's list, and the welded indices
    // are not read again: the one array serves both (a scan's largest buffer, allocated once).
    out.indices = std::move(welded);
    std::vector<glm::vec3> cornerNormal;
    for (std::size_t v = 0; v < unique; ++v) {
        const std::span<const std::uint32_t> corners(around.corners.data() + around.offsets[v],
                                                     around.offsets[v + 1] - around.offsets[v]);
        if (corners.empty()) continue;  // a position no triangle uses
        cornerNormalsAround(corners, faceNormal, crease, cornerNormal);
        addVerticesAt(shared[v], corners, cornerNormal, out);
    }
    return out;
}

MeshData weldKeepingNormals(std::span<const glm::vec3> positions, std::span<const glm::vec3> normals,
                            std::span<const std::uint32_t> indices) {
    MeshData out;
    const std::uint32_t* given = indices.empty() ? nullptr : indices.data();
    const std::size_t cornerCount = given ? indices.size() : positions.size() / 3 * 3;
    if (cornerCount == 0) return out;
    const meshopt_Stream streams[] = {{positions.data(), sizeof(glm::vec3), sizeof(glm::vec3)},
                                      {normals.data(), sizeof(glm::vec3), sizeof(glm::vec3)}};
    std::vector<std::uint32_t> remap(positions.size());
    const std::size_t unique =
        meshopt_generateVertexRemapMulti(remap.data(), given, cornerCount, positions.size(), streams, 2);
    out.indices.resize(cornerCount);
    meshopt_remapIndexBuffer(out.indices.data(), given, cornerCount, remap.data());
    out.positions.resize(unique);
    out.normals.resize(unique);
    meshopt_remapVertexBuffer(out.positions.data(), positions.data(), positions.size(), sizeof(glm::vec3), remap.data());
    meshopt_remapVertexBuffer(out.normals.data(), normals.data(), normals.size(), sizeof(glm::vec3), remap.data());
    for (const glm::vec3& p : out.positions) out.bounds.include(p);
    return out;
}

void fillMissingNormals(MeshData& mesh) {
    auto missing = [](const glm::vec3& n) {
        const float length = glm::length(n);
        return !std::isfinite(length) || length < 1e-12f;
    };
    std::vector<glm::vec3> sum;
    for (std::size_t v = 0; v < mesh.normals.size(); ++v)
        if (missing(mesh.normals[v])) {
            if (sum.empty()) sum.assign(mesh.normals.size(), glm::vec3(0.0f));
            mesh.normals[v] = glm::vec3(0.0f);
        }
    if (sum.empty()) return;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
        if (mesh.normals[a] != glm::vec3(0.0f) && mesh.normals[b] != glm::vec3(0.0f) && mesh.normals[c] != glm::vec3(0.0f)) continue;
        const glm::vec3 face = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
        for (std::uint32_t v : {a, b, c}) sum[v] += face;  // area-weighted
    }
    for (std::size_t v = 0; v < mesh.normals.size(); ++v)
        if (mesh.normals[v] == glm::vec3(0.0f)) mesh.normals[v] = unitOr(sum[v], glm::vec3(0.0f, 1.0f, 0.0f));
}

}  // namespace psoas
