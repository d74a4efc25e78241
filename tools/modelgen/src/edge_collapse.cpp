// Quadric-error edge-collapse simplification that never breaks a closed surface.
// meshoptimizer's simplifier (0.18) occasionally leaves non-manifold edges on our
// meshes, and the viewer and tests need every structure watertight, so collapses
// here are vetoed unless they keep the surface a manifold (link condition) and
// flip no triangle. Ties are broken by vertex ids, so results are deterministic.
#include "edge_collapse.hpp"

#include <algorithm>
#include <array>
#include <queue>
#include <tuple>

namespace modelgen {
namespace {

// Symmetric 4x4 error quadric stored as its 10 upper-triangle entries.
struct Quadric {
    std::array<double, 10> q{};
    static Quadric plane(const Vec3& n, double d, double weight) {
        Quadric r;
        r.q = {n.x * n.x, n.x * n.y, n.x * n.z, n.x * d, n.y * n.y, n.y * n.z, n.y * d, n.z * n.z, n.z * d, d * d};
        for (double& v : r.q) v *= weight;
        return r;
    }
    Quadric& operator+=(const Quadric& o) {
        for (size_t i = 0; i < q.size(); ++i) q[i] += o.q[i];
        return *this;
    }
    double error(const Vec3& p) const {
        return q[0] * p.x * p.x + 2 * q[1] * p.x * p.y + 2 * q[2] * p.x * p.z + 2 * q[3] * p.x + q[4] * p.y * p.y +
               2 * q[5] * p.y * p.z + 2 * q[6] * p.y + q[7] * p.z * p.z + 2 * q[8] * p.z + q[9];
    }
    // Position minimising the error, if the 3x3 system is well conditioned.
    bool optimum(Vec3& out) const {
        const glm::dmat3 a(q[0], q[1], q[2], q[1], q[4], q[5], q[2], q[5], q[7]);
        const double det = glm::determinant(a);
        if (std::abs(det) < 1e-18) return false;
        out = glm::inverse(a) * Vec3(-q[3], -q[6], -q[8]);
        return true;
    }
};

class Collapser {
public:
    Collapser(const TriangleMesh& mesh) {
        pos_.assign(mesh.positions.begin(), mesh.positions.end());
        for (size_t t = 0; t < mesh.indices.size(); t += 3)
            tris_.push_back({mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]});
        tri_alive_.assign(tris_.size(), true);
        vert_alive_.assign(pos_.size(), true);
        stamp_.assign(pos_.size(), 0);
        incident_.resize(pos_.size());
        quadric_.resize(pos_.size());
        for (uint32_t t = 0; t < tris_.size(); ++t) {
            const auto& f = tris_[t];
            const Vec3 n = glm::cross(pos_[f[1]] - pos_[f[0]], pos_[f[2]] - pos_[f[0]]);
            const double area2 = glm::length(n);
            const Vec3 unit = area2 > 0 ? n / area2 : Vec3(0.0);
            const Quadric plane = Quadric::plane(unit, -glm::dot(unit, pos_[f[0]]), area2);
            for (uint32_t v : f) {
                incident_[v].push_back(t);
                quadric_[v] += plane;
            }
        }
        alive_count_ = tris_.size();
    }

    void run(size_t target) {
        // A vetoed collapse may become legal once its neighbourhood changes, so
        // refill the queue from all live edges a few times before giving up.
        for (int pass = 0; pass < 8 && alive_count_ > target; ++pass) {
            const size_t before = alive_count_;
            fill_queue();
            drain(target);
            if (alive_count_ == before) break;
        }
    }

    void fill_queue() {
        queue_ = {};
        for (uint32_t t = 0; t < tris_.size(); ++t) {
            if (!tri_alive_[t]) continue;
            for (int e = 0; e < 3; ++e) {
                const uint32_t a = tris_[t][size_t(e)], b = tris_[t][size_t(e + 1) % 3];
                if (a < b) push(a, b);  // each edge of a closed mesh appears once with a < b
            }
        }
    }

    void drain(size_t target) {
        while (alive_count_ > target && !queue_.empty()) {
            const Candidate c = queue_.top();
            queue_.pop();
            const auto [cost, u, v, su, sv] = c;
            if (!vert_alive_[u] || !vert_alive_[v] || stamp_[u] != su || stamp_[v] != sv) continue;
            Vec3 target_pos;
            choose_position(u, v, target_pos);
            if (!collapse_keeps_manifold(u, v) || flips_a_triangle(u, v, target_pos) || flips_a_triangle(v, u, target_pos)) continue;
            collapse(u, v, target_pos);
        }
    }

    TriangleMesh result() const {
        TriangleMesh out;
        std::vector<uint32_t> remap(pos_.size(), UINT32_MAX);
        for (uint32_t t = 0; t < tris_.size(); ++t) {
            if (!tri_alive_[t]) continue;
            for (uint32_t v : tris_[t]) {
                if (remap[v] == UINT32_MAX) {
                    remap[v] = uint32_t(out.positions.size());
                    out.positions.emplace_back(pos_[v]);
                }
                out.indices.push_back(remap[v]);
            }
        }
        return out;
    }

private:
    using Candidate = std::tuple<double, uint32_t, uint32_t, uint32_t, uint32_t>;
    struct Cheaper {
        bool operator()(const Candidate& a, const Candidate& b) const { return a > b; }  // min-heap, ties by ids
    };

    double choose_position(uint32_t u, uint32_t v, Vec3& p) const {
        Quadric q = quadric_[u];
        q += quadric_[v];
        Vec3 best = 0.5 * (pos_[u] + pos_[v]);
        double best_error = q.error(best);
        Vec3 opt;
        // Keep the optimum only when it stays near the edge, which avoids spikes on flat areas.
        if (q.optimum(opt) && glm::length(opt - best) < glm::length(pos_[u] - pos_[v])) {
            const double e = q.error(opt);
            if (e < best_error) best = opt, best_error = e;
        }
        for (const Vec3& end : {pos_[u], pos_[v]}) {
            const double e = q.error(end);
            if (e < best_error) best = end, best_error = e;
        }
        p = best;
        return best_error;
    }

    void push(uint32_t a, uint32_t b) {
        if (a > b) std::swap(a, b);
        Vec3 p;
        const double cost = choose_position(a, b, p);
        queue_.emplace(cost, a, b, stamp_[a], stamp_[b]);
    }

    std::vector<uint32_t> neighbours(uint32_t v) const {
        std::vector<uint32_t> n;
        neighbours_into(v, n);
        return n;
    }
    void neighbours_into(uint32_t v, std::vector<uint32_t>& n) const {
        n.clear();
        for (uint32_t t : incident_[v])
            if (tri_alive_[t])
                for (uint32_t w : tris_[t])
                    if (w != v) n.push_back(w);
        std::sort(n.begin(), n.end());
        n.erase(std::unique(n.begin(), n.end()), n.end());
    }

    // Link condition: on a closed manifold, u and v may merge only if they share
    // exactly the two vertices opposite their common edge.
    bool collapse_keeps_manifold(uint32_t u, uint32_t v) const {
        auto& nu = scratch_[0];
        auto& nv = scratch_[1];
        auto& common = scratch_[2];
        neighbours_into(u, nu);
        neighbours_into(v, nv);
        common.clear();
        std::set_intersection(nu.begin(), nu.end(), nv.begin(), nv.end(), std::back_inserter(common));
        if (common.size() != 2 || nu.size() + nv.size() <= 6) return false;
        // The two opposite vertices each lose an edge; none may drop below valence 3.
        const uint32_t a = common[0], b = common[1];
        neighbours_into(a, scratch_[3]);
        if (scratch_[3].size() <= 3) return false;
        neighbours_into(b, scratch_[3]);
        return scratch_[3].size() > 3;
    }

    bool flips_a_triangle(uint32_t moved, uint32_t other, const Vec3& p) const {
        for (uint32_t t : incident_[moved]) {
            if (!tri_alive_[t]) continue;
            const auto& f = tris_[t];
            if (std::find(f.begin(), f.end(), other) != f.end()) continue;  // removed by the collapse
            std::array<Vec3, 3> before{pos_[f[0]], pos_[f[1]], pos_[f[2]]}, after = before;
            for (int i = 0; i < 3; ++i)
                if (f[size_t(i)] == moved) after[size_t(i)] = p;
            Vec3 n0 = glm::cross(before[1] - before[0], before[2] - before[0]);
            const Vec3 n1 = glm::cross(after[1] - after[0], after[2] - after[0]);
            // Sliver triangles from the isosurface have meaningless normals: judge them by the vertex normal.
            const double longest = std::max({glm::length(before[1] - before[0]), glm::length(before[2] - before[1]),
                                             glm::length(before[0] - before[2])});
            if (glm::length(n0) < 0.05 * longest * longest) n0 = vertex_normal(moved);
            if (glm::length(n1) < 1e-14 || glm::dot(n0, n1) < 0.0) return true;
        }
        return false;
    }

    Vec3 vertex_normal(uint32_t v) const {
        Vec3 n(0.0);
        for (uint32_t t : incident_[v]) {
            if (!tri_alive_[t]) continue;
            const auto& f = tris_[t];
            n += glm::cross(pos_[f[1]] - pos_[f[0]], pos_[f[2]] - pos_[f[0]]);
        }
        return n;
    }

    void collapse(uint32_t keep, uint32_t gone, const Vec3& p) {
        pos_[keep] = p;
        quadric_[keep] += quadric_[gone];
        for (uint32_t t : incident_[gone]) {
            if (!tri_alive_[t]) continue;
            auto& f = tris_[t];
            if (std::find(f.begin(), f.end(), keep) != f.end()) {
                tri_alive_[t] = false;
                --alive_count_;
                continue;
            }
            for (auto& w : f)
                if (w == gone) w = keep;
            incident_[keep].push_back(t);
        }
        vert_alive_[gone] = false;
        incident_[gone].clear();
        auto& inc = incident_[keep];
        inc.erase(std::remove_if(inc.begin(), inc.end(), [&](uint32_t t) { return !tri_alive_[t]; }), inc.end());
        ++stamp_[keep];
        for (uint32_t w : neighbours(keep)) push(keep, w);
    }

    std::vector<Vec3> pos_;
    std::vector<std::array<uint32_t, 3>> tris_;
    std::vector<bool> tri_alive_, vert_alive_;
    std::vector<uint32_t> stamp_;
    std::vector<std::vector<uint32_t>> incident_;
    std::vector<Quadric> quadric_;
    size_t alive_count_ = 0;
    std::priority_queue<Candidate, std::vector<Candidate>, Cheaper> queue_;
    mutable std::array<std::vector<uint32_t>, 4> scratch_;  // reused neighbour lists, avoids allocation per test
};

}  // namespace

TriangleMesh collapse_edges(const TriangleMesh& closed_mesh, size_t target_triangles) {
    Collapser c(closed_mesh);
    c.run(target_triangles);
    return c.result();
}

}  // namespace modelgen
