#include "core/surface_registration.hpp"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace psoas {

namespace {

// The nearest point of triangle abc to p: the Voronoi-region walk of Ericson, Real-Time Collision
// Detection (2005) §5.1.5.
glm::vec3 nearestOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && d4 - d3 >= 0.0f && d5 - d6 >= 0.0f) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float sum = va + vb + vc;
    if (!(sum > 0.0f)) return a;  // a degenerate triangle: its first corner will do
    return a + ab * (vb / sum) + ac * (vc / sum);
}

// The unknowns of one step: a small turn (3) and a shift (3).
constexpr int kUnknowns = 6;
using StepSystem = std::array<std::array<double, kUnknowns + 1>, kUnknowns>;  // [A | b]

// Solves A x = b by Gaussian elimination with partial pivoting; a singular direction (a surface
// that slides along itself, like a cylinder) gets no motion.
std::array<double, kUnknowns> solveStep(StepSystem m) {
    constexpr int n = kUnknowns;
    for (int col = 0; col < n; ++col) {
        int pivot = col;
        for (int r = col + 1; r < n; ++r)
            if (std::abs(m[r][col]) > std::abs(m[pivot][col])) pivot = r;
        std::swap(m[col], m[pivot]);
        if (std::abs(m[col][col]) < 1e-18) continue;
        for (int r = col + 1; r < n; ++r) {
            const double f = m[r][col] / m[col][col];
            for (int k = col; k <= kUnknowns; ++k) m[r][k] -= f * m[col][k];
        }
    }
    std::array<double, kUnknowns> x{};
    for (int r = n - 1; r >= 0; --r) {
        if (std::abs(m[r][r]) < 1e-18) continue;
        double s = m[r][kUnknowns];
        for (int k = r + 1; k < n; ++k) s -= m[r][k] * x[k];
        x[r] = s / m[r][r];
    }
    return x;
}

// Area-weighted centroid and covariance of a surface (so that vertex density does not count).
struct Moments {
    glm::dvec3 centre{0.0};
    glm::dmat3 covariance{0.0};
};

Moments surfaceMoments(const MeshData& mesh) {
    Moments out;
    double area = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]], c = mesh.positions[mesh.indices[t + 2]];
        const double w = 0.5 * glm::length(glm::cross(b - a, c - a));
        out.centre += w * (a + b + c) / 3.0;
        area += w;
    }
    if (area <= 0.0) return out;
    out.centre /= area;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]], c = mesh.positions[mesh.indices[t + 2]];
        const double w = 0.5 * glm::length(glm::cross(b - a, c - a)) / area;
        for (const glm::dvec3& corner : {a, b, c}) {
            const glm::dvec3 d = corner - out.centre;
            out.covariance += (w / 3.0) * glm::outerProduct(d, d);
        }
    }
    return out;
}

// Eigenvectors of a symmetric 3x3 matrix as columns, eigenvalues descending (cyclic Jacobi).
glm::dmat3 principalAxes(glm::dmat3 a) {
    glm::dmat3 v(1.0);
    for (int sweep = 0; sweep < 50; ++sweep) {
        for (int p = 0; p < 2; ++p) {
            for (int q = p + 1; q < 3; ++q) {
                if (std::abs(a[q][p]) < 1e-30) continue;
                const double theta = (a[q][q] - a[p][p]) / (2.0 * a[q][p]);
                const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
                glm::dmat3 r(1.0);
                r[p][p] = c, r[q][q] = c, r[q][p] = s, r[p][q] = -s;  // column-major: r[col][row]
                a = glm::transpose(r) * a * r;
                v = v * r;
            }
        }
    }
    std::array<int, 3> order{0, 1, 2};
    std::sort(order.begin(), order.end(), [&](int i, int j) { return a[i][i] > a[j][j]; });
    glm::dmat3 sorted;
    for (int i = 0; i < 3; ++i) sorted[i] = v[order[static_cast<std::size_t>(i)]];
    if (glm::determinant(sorted) < 0.0) sorted[2] = -sorted[2];
    return sorted;
}

// Up to this many moving points take part in each round (every n-th vertex): enough for a bone's
// shape, and each round stays cheap.
constexpr std::size_t kSamples = 2000;
constexpr int kStartRounds = 15;  // each start is tried this long; the best one then goes on
constexpr int kRounds = 100;
constexpr double kTrim = 0.9;  // the closest 90 % of pairs steer each round

struct IcpResult {
    glm::mat4 transform;
    float trimmedRms;
};

// The pairs of one pose: each moved sample, its nearest surface point, and the trimmed RMS (the
// closest kTrim of the pairs) that the fit lowers.
struct Pairing {
    std::vector<glm::vec3> moved;
    std::vector<SurfaceNearest::Hit> hits;
    float limit = 0.0f;  // pairs farther than this are left out
    double trimmedMeanSquare = 0.0;
};

void pair(const std::vector<glm::vec3>& samples, const SurfaceNearest& fixed, const glm::mat4& transform, Pairing& out) {
    out.moved.resize(samples.size());
    const bool warm = out.hits.size() == samples.size();  // the last answers are good guesses
    out.hits.resize(samples.size());
    std::vector<float> distances(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        out.moved[i] = glm::vec3(transform * glm::vec4(samples[i], 1.0f));
        out.hits[i] = warm ? fixed.nearest(out.moved[i], out.hits[i].vertex) : fixed.nearest(out.moved[i]);
        distances[i] = out.hits[i].distance;
    }
    const auto keep = static_cast<std::size_t>(kTrim * static_cast<double>(distances.size()));
    std::nth_element(distances.begin(), distances.begin() + static_cast<std::ptrdiff_t>(keep), distances.end());
    out.limit = distances[keep];
    double sum = 0.0;
    for (std::size_t i = 0; i <= keep; ++i) sum += static_cast<double>(distances[i]) * distances[i];
    out.trimmedMeanSquare = sum / static_cast<double>(keep + 1);
}

// The normal equations of the linearised point-to-plane step from the pairs within the limit:
// residual (p - q).n + w.(p x n) + t.n for a small turn w and shift t.
StepSystem pointToPlaneSystem(const std::vector<glm::vec3>& samples, const Pairing& current) {
    StepSystem system{};
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (current.hits[i].distance > current.limit) continue;
        const glm::dvec3 p = current.moved[i], n = current.hits[i].normal;
        const glm::dvec3 pxn = glm::cross(p, n);
        const std::array<double, kUnknowns> row{pxn.x, pxn.y, pxn.z, n.x, n.y, n.z};
        const double r = glm::dot(p - glm::dvec3(current.hits[i].point), n);
        for (int j = 0; j < kUnknowns; ++j) {
            for (int k = 0; k < kUnknowns; ++k) system[j][k] += row[j] * row[k];
            system[j][kUnknowns] -= row[j] * r;
        }
    }
    return system;
}

enum class StepOutcome { Improved, Settled, NoGain };

// Tries the step (turn, shift) on `transform`, halving it up to six times until the trimmed error
// falls; on a fall, `transform` and `current` take the new fit. Settled when a round gains under a
// part in ten thousand of the error (a micrometre of a few millimetres): later rounds only polish
// what no picture shows.
StepOutcome takeStep(const std::vector<glm::vec3>& samples, const SurfaceNearest& fixed, glm::dvec3 turn, glm::dvec3 shift,
                     glm::mat4& transform, Pairing& current, Pairing& trial) {
    for (int halving = 0; halving < 7; ++halving, turn *= 0.5, shift *= 0.5) {
        const double angle = glm::length(turn);
        if (angle < 1e-7 && glm::length(shift) < 1e-7) return StepOutcome::NoGain;  // a tenth of a micrometre: settled
        glm::dmat4 step = glm::translate(glm::dmat4(1.0), shift);
        if (angle > 0.0) step = glm::rotate(step, angle, turn / angle);
        const glm::mat4 candidate = glm::mat4(step * glm::dmat4(transform));
        pair(samples, fixed, candidate, trial);
        if (trial.trimmedMeanSquare >= current.trimmedMeanSquare) continue;
        transform = candidate;
        const bool settled = trial.trimmedMeanSquare > (1.0 - 1e-4) * current.trimmedMeanSquare;
        std::swap(current, trial);
        return settled ? StepOutcome::Settled : StepOutcome::Improved;
    }
    return StepOutcome::NoGain;
}

// Point-to-plane steps with backtracking: a step that does not lower the trimmed error is halved
// (up to six times), so the error falls every round and the fit settles instead of swaying between
// two sets of pairs (on coarse meshes the plain step swung by 1-2 mm and 1° each round).
IcpResult iterateClosestPoints(const std::vector<glm::vec3>& samples, const SurfaceNearest& fixed, glm::mat4 transform, int rounds) {
    Pairing current;
    pair(samples, fixed, transform, current);
    Pairing trial = current;  // its hits are the guesses for the next search
    for (int round = 0; round < rounds; ++round) {
        const std::array<double, kUnknowns> x = solveStep(pointToPlaneSystem(samples, current));
        const StepOutcome outcome = takeStep(samples, fixed, {x[0], x[1], x[2]}, {x[3], x[4], x[5]}, transform, current, trial);
        if (outcome != StepOutcome::Improved) break;
    }
    return {transform, static_cast<float>(std::sqrt(current.trimmedMeanSquare))};
}

}  // namespace

SurfaceNearest::SurfaceNearest(const MeshData& surface) : surface_(surface) {
    if (surface.indices.size() < 3 || surface.positions.empty()) throw std::invalid_argument("the surface has no triangles");
    const auto vertexCount = surface.positions.size();
    firstTriangle_.assign(vertexCount + 1, 0);
    for (std::uint32_t index : surface.indices) ++firstTriangle_[index + 1];
    for (std::size_t v = 0; v < vertexCount; ++v) firstTriangle_[v + 1] += firstTriangle_[v];
    trianglesOf_.resize(surface.indices.size());
    std::vector<std::uint32_t> fill(firstTriangle_.begin(), firstTriangle_.end() - 1);
    for (std::size_t i = 0; i < surface.indices.size(); ++i) trianglesOf_[fill[surface.indices[i]]++] = static_cast<std::uint32_t>(i / 3);

    // Only vertices that some triangle uses can be nearest.
    for (std::uint32_t v = 0; v < vertexCount; ++v)
        if (firstTriangle_[v + 1] > firstTriangle_[v]) tree_.push_back(v);
    struct Range {
        std::size_t lo, hi;
        int axis;
    };
    std::vector<Range> pending{{0, tree_.size(), 0}};
    while (!pending.empty()) {
        const Range r = pending.back();
        pending.pop_back();
        if (r.hi - r.lo < 2) continue;
        const std::size_t mid = (r.lo + r.hi) / 2;
        std::nth_element(tree_.begin() + static_cast<std::ptrdiff_t>(r.lo), tree_.begin() + static_cast<std::ptrdiff_t>(mid),
                         tree_.begin() + static_cast<std::ptrdiff_t>(r.hi),
                         [&](std::uint32_t a, std::uint32_t b) { return surface_.positions[a][r.axis] < surface_.positions[b][r.axis]; });
        pending.push_back({r.lo, mid, (r.axis + 1) % 3});
        pending.push_back({mid + 1, r.hi, (r.axis + 1) % 3});
    }
}

std::uint32_t SurfaceNearest::nearestVertex(const glm::vec3& point, std::uint32_t guess) const {
    std::uint32_t best = guess;
    const glm::vec3 g = surface_.positions[guess] - point;
    float bestDistance = glm::dot(g, g);
    struct Range {
        std::size_t lo, hi;
        int axis;
        float planeDistance2;  // squared distance from the point to this range's side of the parent's split
    };
    std::array<Range, 128> stack{};  // the tree is balanced: 64 levels hold any mesh, two entries a level
    std::size_t top = 0;
    stack[top++] = {0, tree_.size(), 0, 0.0f};
    while (top > 0) {
        const Range r = stack[--top];
        if (r.lo >= r.hi || r.planeDistance2 >= bestDistance) continue;
        const std::size_t mid = (r.lo + r.hi) / 2;
        const glm::vec3& p = surface_.positions[tree_[mid]];
        const glm::vec3 d = p - point;
        if (const float d2 = glm::dot(d, d); d2 < bestDistance) bestDistance = d2, best = tree_[mid];
        const float side = point[r.axis] - p[r.axis];
        const int next = (r.axis + 1) % 3;
        const Range below{r.lo, mid, next, side < 0 ? 0.0f : side * side};
        const Range above{mid + 1, r.hi, next, side < 0 ? side * side : 0.0f};
        // The far side first, so the near side is searched first and the far one is mostly skipped.
        stack[top++] = side < 0 ? above : below;
        stack[top++] = side < 0 ? below : above;
    }
    return best;
}

SurfaceNearest::Hit SurfaceNearest::nearest(const glm::vec3& point) const { return nearest(point, tree_.front()); }

SurfaceNearest::Hit SurfaceNearest::nearest(const glm::vec3& point, std::uint32_t nearVertex) const {
    const std::uint32_t v = nearestVertex(point, nearVertex < surface_.positions.size() ? nearVertex : tree_.front());
    Hit hit;
    hit.vertex = v;
    float best = std::numeric_limits<float>::max();
    for (std::uint32_t k = firstTriangle_[v]; k < firstTriangle_[v + 1]; ++k) {
        const std::size_t t = 3u * trianglesOf_[k];
        const glm::vec3& a = surface_.positions[surface_.indices[t]];
        const glm::vec3& b = surface_.positions[surface_.indices[t + 1]];
        const glm::vec3& c = surface_.positions[surface_.indices[t + 2]];
        const glm::vec3 q = nearestOnTriangle(point, a, b, c);
        const glm::vec3 d = q - point;
        if (const float d2 = glm::dot(d, d); d2 < best) {
            best = d2;
            hit.point = q;
            const glm::vec3 n = glm::cross(b - a, c - a);
            const float length = glm::length(n);
            hit.normal = length > 0.0f ? n / length : surface_.normals.empty() ? hit.normal : surface_.normals[v];
        }
    }
    hit.distance = std::sqrt(best);
    return hit;
}

float SurfaceNearest::rmsDistance(const std::vector<glm::vec3>& points) const {
    if (points.empty()) return 0.0f;
    double sum = 0.0;
    for (const glm::vec3& p : points) {
        const double d = nearest(p).distance;
        sum += d * d;
    }
    return static_cast<float>(std::sqrt(sum / static_cast<double>(points.size())));
}

SurfaceFit fitSurface(const MeshData& moving, const MeshData& fixed) {
    const SurfaceNearest target(fixed);
    if (moving.indices.size() < 3 || moving.positions.empty()) throw std::invalid_argument("the moving surface has no triangles");
    std::vector<glm::vec3> samples;
    const std::size_t stride = std::max<std::size_t>(1, moving.positions.size() / kSamples);
    for (std::size_t i = 0; i < moving.positions.size(); i += stride) samples.push_back(moving.positions[i]);

    IcpResult best{glm::mat4(1.0f), std::numeric_limits<float>::max()};
    {  // a short try from each start
        const Moments from = surfaceMoments(moving), to = surfaceMoments(fixed);
        // Starts: as placed (the teacher's placement, or a fit already made), the same with the centres
        // matched, then the principal axes matched four ways (the sign of each axis is unknown; proper
        // rotations only, a mirror is never a fit).
        std::vector<glm::mat4> starts{glm::mat4(1.0f)};
        std::vector<glm::dmat3> turns{glm::dmat3(1.0)};
        const glm::dmat3 axesFrom = principalAxes(from.covariance), axesTo = principalAxes(to.covariance);
        for (const glm::dvec3 signs : {glm::dvec3(1, 1, 1), glm::dvec3(-1, -1, 1), glm::dvec3(-1, 1, -1), glm::dvec3(1, -1, -1)}) {
            glm::dmat3 flipped = axesTo;
            for (int i = 0; i < 3; ++i) flipped[i] *= signs[i];
            turns.push_back(flipped * glm::transpose(axesFrom));
        }
        for (const glm::dmat3& turn : turns) {
            glm::dmat4 start(turn);
            start[3] = glm::dvec4(to.centre - turn * from.centre, 1.0);
            starts.push_back(glm::mat4(start));
        }
        for (std::size_t s = 0; s < starts.size(); ++s) {
            const IcpResult result = iterateClosestPoints(samples, target, starts[s], kStartRounds);
            // Where the teacher put it wins unless another start ends clearly closer: bones of
            // different shapes have several nearly equal fits, and the placement picks among them.
            if (s == 0 || result.trimmedRms < 0.8f * best.trimmedRms) best = result;
        }
    }

    best = iterateClosestPoints(samples, target, best.transform, kRounds);  // the best start, to the end

    SurfaceFit fit;
    fit.transform = best.transform;
    fit.startRmsMetres = target.rmsDistance(moving.positions);
    std::vector<glm::vec3> moved;
    moved.reserve(moving.positions.size());
    for (const glm::vec3& p : moving.positions) moved.push_back(glm::vec3(fit.transform * glm::vec4(p, 1.0f)));
    fit.rmsMetres = target.rmsDistance(moved);
    return fit;
}

}  // namespace psoas
