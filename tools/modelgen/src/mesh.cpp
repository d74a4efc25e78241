#include "mesh.hpp"

#include "edge_collapse.hpp"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <stdexcept>
#include <unordered_map>

namespace modelgen {
namespace {

// Cube corner c has offset bit 0 = +x, bit 1 = +y, bit 2 = +z. The Kuhn split
// into six tetrahedra along the 0-7 diagonal is the same in every cube, so
// shared faces are split identically and the surface stays watertight.
constexpr std::array<std::array<int, 4>, 6> kTetrahedra{{
    {0, 1, 3, 7}, {0, 1, 5, 7}, {0, 2, 3, 7}, {0, 2, 6, 7}, {0, 4, 5, 7}, {0, 4, 6, 7},
}};

struct Grid {
    int nx, ny, nz;
    Vec3 lo;
    double cell;
    std::vector<double> value;
    size_t index(int i, int j, int k) const { return (size_t(k) * ny + j) * nx + i; }
    Vec3 point(int i, int j, int k) const { return lo + Vec3(i, j, k) * cell; }
};

// Sample the field; blocks whose centre is clearly far from the surface are
// filled with the centre value (only its sign matters there), which makes
// thin-shelled structures in large boxes affordable.
void sample(Grid& g, const Field& field) {
    constexpr int kBlock = 4;
    g.value.assign(size_t(g.nx) * g.ny * g.nz, 0.0);
    const double reach = 1.5 * std::sqrt(3.0) * 0.5 * kBlock * g.cell + 2.0 * g.cell;
    for (int bk = 0; bk < g.nz; bk += kBlock)
        for (int bj = 0; bj < g.ny; bj += kBlock)
            for (int bi = 0; bi < g.nx; bi += kBlock) {
                const Vec3 centre = g.lo + (Vec3(bi, bj, bk) + Vec3(0.5 * kBlock)) * g.cell;
                const double dc = field(centre);
                const bool far = std::abs(dc) > reach;
                for (int k = bk; k < std::min(bk + kBlock + 1, g.nz); ++k)
                    for (int j = bj; j < std::min(bj + kBlock + 1, g.ny); ++j)
                        for (int i = bi; i < std::min(bi + kBlock + 1, g.nx); ++i) {
                            double& v = g.value[g.index(i, j, k)];
                            if (v != 0.0) continue;  // shared with an earlier block
                            v = far ? dc : field(g.point(i, j, k));
                            if (v == 0.0) v = 1e-12;  // keep crossings strictly inside edges
                        }
            }
    // A positive border closes shapes that the box clips.
    for (int k = 0; k < g.nz; ++k)
        for (int j = 0; j < g.ny; ++j)
            for (int i = 0; i < g.nx; ++i)
                if (i == 0 || j == 0 || k == 0 || i == g.nx - 1 || j == g.ny - 1 || k == g.nz - 1)
                    g.value[g.index(i, j, k)] = std::max(g.value[g.index(i, j, k)], g.cell);
}

}  // namespace

TriangleMesh polygonise(const Field& field, const Box& box, double cell) {
    Grid g;
    g.cell = cell;
    g.lo = box.lo - Vec3(cell);
    const Vec3 span = box.hi - box.lo;
    g.nx = int(std::ceil(span.x / cell)) + 3;
    g.ny = int(std::ceil(span.y / cell)) + 3;
    g.nz = int(std::ceil(span.z / cell)) + 3;
    sample(g, field);

    TriangleMesh mesh;
    std::unordered_map<uint64_t, uint32_t> edge_vertex;
    edge_vertex.reserve(1 << 16);
    auto vertex_on_edge = [&](size_t a, size_t b, const Vec3& pa, const Vec3& pb) {
        const uint64_t key = a < b ? (uint64_t(a) << 32) | b : (uint64_t(b) << 32) | a;
        auto it = edge_vertex.find(key);
        if (it != edge_vertex.end()) return it->second;
        const double va = g.value[a], vb = g.value[b];
        const Vec3 p = pa + (pb - pa) * (va / (va - vb));
        const auto id = uint32_t(mesh.positions.size());
        mesh.positions.emplace_back(p);
        edge_vertex.emplace(key, id);
        return id;
    };

    for (int k = 0; k + 1 < g.nz; ++k)
        for (int j = 0; j + 1 < g.ny; ++j)
            for (int i = 0; i + 1 < g.nx; ++i) {
                std::array<size_t, 8> id;
                std::array<Vec3, 8> pos;
                bool any_in = false, any_out = false;
                for (int c = 0; c < 8; ++c) {
                    const int ci = i + (c & 1), cj = j + ((c >> 1) & 1), ck = k + ((c >> 2) & 1);
                    id[c] = g.index(ci, cj, ck);
                    pos[c] = g.point(ci, cj, ck);
                    (g.value[id[c]] < 0.0 ? any_in : any_out) = true;
                }
                if (!(any_in && any_out)) continue;
                for (const auto& tet : kTetrahedra) {
                    std::array<int, 4> in{}, out{};
                    int n_in = 0, n_out = 0;
                    for (int c : tet) (g.value[id[c]] < 0.0 ? in[n_in++] : out[n_out++]) = c;
                    if (n_in == 0 || n_out == 0) continue;
                    Vec3 inside_centre(0.0), outside_centre(0.0);
                    for (int a = 0; a < n_in; ++a) inside_centre += pos[in[a]] / double(n_in);
                    for (int a = 0; a < n_out; ++a) outside_centre += pos[out[a]] / double(n_out);
                    const Vec3 outward = outside_centre - inside_centre;
                    // Orientation is decided on the edge midpoints, whose section of the
                    // tetrahedron is never degenerate, so sliver triangles cannot flip.
                    struct Crossing {
                        uint32_t vertex;
                        Vec3 midpoint;
                    };
                    auto v = [&](int a, int b) {
                        return Crossing{vertex_on_edge(id[a], id[b], pos[a], pos[b]), 0.5 * (pos[a] + pos[b])};
                    };
                    auto emit = [&](const Crossing& a, const Crossing& b, const Crossing& c) {
                        const bool flip = glm::dot(glm::cross(b.midpoint - a.midpoint, c.midpoint - a.midpoint), outward) < 0.0;
                        mesh.indices.insert(mesh.indices.end(), {a.vertex, flip ? c.vertex : b.vertex, flip ? b.vertex : c.vertex});
                    };
                    if (n_in == 1) {
                        emit(v(in[0], out[0]), v(in[0], out[1]), v(in[0], out[2]));
                    } else if (n_in == 3) {
                        emit(v(out[0], in[0]), v(out[0], in[1]), v(out[0], in[2]));
                    } else {
                        // Quad around the tetrahedron, in cycle order, split into two triangles.
                        const Crossing q0 = v(in[0], out[0]), q1 = v(in[0], out[1]), q2 = v(in[1], out[1]), q3 = v(in[1], out[0]);
                        emit(q0, q1, q2);
                        emit(q0, q2, q3);
                    }
                }
            }
    return mesh;
}

TriangleMesh simplify_and_finish(const TriangleMesh& dense, const Field& field, size_t target_triangles) {
    const TriangleMesh coarse = collapse_edges(dense, target_triangles);
    std::vector<uint32_t> indices = coarse.indices;
    meshopt_optimizeVertexCache(indices.data(), indices.data(), indices.size(), coarse.positions.size());

    TriangleMesh out;
    std::vector<uint32_t> remap(coarse.positions.size());
    const size_t unique = meshopt_optimizeVertexFetchRemap(remap.data(), indices.data(), indices.size(), coarse.positions.size());
    out.positions.resize(unique);
    meshopt_remapVertexBuffer(out.positions.data(), coarse.positions.data(), coarse.positions.size(), sizeof(glm::vec3),
                              remap.data());
    out.indices.resize(indices.size());
    meshopt_remapIndexBuffer(out.indices.data(), indices.data(), indices.size(), remap.data());
    // Normals from the field gradient are smoother than face averages, but where
    // the field has a crease (blends, carved pits) the gradient can point inward;
    // there the area-weighted face normal is used instead.
    std::vector<Vec3> face_average(unique, Vec3(0.0));
    for (size_t t = 0; t < out.indices.size(); t += 3) {
        const Vec3 a = out.positions[out.indices[t]], b = out.positions[out.indices[t + 1]], c = out.positions[out.indices[t + 2]];
        const Vec3 n = glm::cross(b - a, c - a);
        for (int k = 0; k < 3; ++k) face_average[out.indices[t + size_t(k)]] += n;
    }
    out.normals.reserve(unique);
    for (size_t v = 0; v < unique; ++v) {
        const Vec3 mesh_normal = glm::normalize(face_average[v]);
        const Vec3 n = field_normal(field, Vec3(out.positions[v]), 0.3 * mm);
        out.normals.emplace_back(glm::dot(n, mesh_normal) > 0.5 ? n : mesh_normal);
    }
    return out;
}

TriangleMesh mirror_x(const TriangleMesh& mesh) {
    TriangleMesh m = mesh;
    for (auto& p : m.positions) p.x = -p.x;
    for (auto& n : m.normals) n.x = -n.x;
    for (size_t t = 0; t < m.indices.size(); t += 3) std::swap(m.indices[t + 1], m.indices[t + 2]);
    return m;
}

bool is_closed_and_oriented(const TriangleMesh& mesh, std::string* why) {
    // Each directed edge must appear once, and its reverse exactly once.
    std::map<std::pair<uint32_t, uint32_t>, int> directed;
    for (size_t t = 0; t < mesh.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
            const uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
            if (a == b) {
                if (why) *why = "degenerate triangle " + std::to_string(t / 3);
                return false;
            }
            if (++directed[{a, b}] > 1) {
                if (why) *why = "directed edge used twice (non-manifold or flipped) at triangle " + std::to_string(t / 3);
                return false;
            }
        }
    for (const auto& [edge, n] : directed)
        if (!directed.count({edge.second, edge.first})) {
            if (why) *why = "open edge " + std::to_string(edge.first) + "-" + std::to_string(edge.second);
            return false;
        }
    return true;
}

double signed_volume(const TriangleMesh& mesh) {
    double v = 0.0;
    for (size_t t = 0; t < mesh.indices.size(); t += 3) {
        const glm::dvec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                         c = mesh.positions[mesh.indices[t + 2]];
        v += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return v;
}


double distance_to_surface(const TriangleMesh& mesh, const glm::dvec3& p) {
    double best = 1e9;
    for (size_t t = 0; t < mesh.indices.size(); t += 3)
        best = std::min(best, triangle_distance(p, mesh.positions[mesh.indices[t]],
                                                      mesh.positions[mesh.indices[t + 1]],
                                                      mesh.positions[mesh.indices[t + 2]]));
    return best;
}

double winding_number(const TriangleMesh& mesh, const glm::dvec3& p) {
    // Sum of signed solid angles (Van Oosterom-Strackee formula).
    double total = 0.0;
    for (size_t t = 0; t < mesh.indices.size(); t += 3) {
        const glm::dvec3 a = glm::dvec3(mesh.positions[mesh.indices[t]]) - p;
        const glm::dvec3 b = glm::dvec3(mesh.positions[mesh.indices[t + 1]]) - p;
        const glm::dvec3 c = glm::dvec3(mesh.positions[mesh.indices[t + 2]]) - p;
        const double la = glm::length(a), lb = glm::length(b), lc = glm::length(c);
        const double num = glm::dot(a, glm::cross(b, c));
        const double den = la * lb * lc + glm::dot(a, b) * lc + glm::dot(b, c) * la + glm::dot(c, a) * lb;
        total += 2.0 * std::atan2(num, den);
    }
    return total / (4.0 * M_PI);
}

}  // namespace modelgen
