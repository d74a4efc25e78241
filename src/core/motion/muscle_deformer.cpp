#include "core/motion/muscle_deformer.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <stdexcept>

// The per-vertex loops run over every bent vertex every frame (issue 13): on x86-64, GCC also
// builds them for x86-64-v3 (AVX2 and FMA: eight lanes instead of four) and the loader picks that
// copy on CPUs that have it. Fused multiply-adds round once instead of twice, so the two copies
// can differ in a float's last bit. Not under the sanitizers, whose start-up runs after ifunc
// resolvers.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
#define PSOAS_WIDE_LOOP __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define PSOAS_WIDE_LOOP
#endif

namespace psoas {

void muscleCentreLine(const std::vector<PathState>& paths, std::vector<glm::vec3>& line) {
    line.clear();
    if (paths.empty()) return;
    const auto origin = static_cast<std::size_t>(PathPointRole::Origin);
    // Several fascicles (psoas): run down the column from the first origin to the last (the
    // fascicle tables list them from L1 down to L5), then on along the shared course.
    if (paths.size() > 1) line.push_back(paths.front().points[origin]);
    line.push_back(paths.back().points[origin]);
    for (std::size_t i = origin + 1; i < kPathPoints; ++i) line.push_back(paths.back().points[i]);
}

namespace {

// Any unit vector at right angles to `tangent`, leaning toward `preferred`.
glm::vec3 perpendicular(const glm::vec3& tangent, const glm::vec3& preferred) {
    glm::vec3 n = preferred - glm::dot(preferred, tangent) * tangent;
    if (glm::dot(n, n) < 1e-8f) {
        const glm::vec3 other = std::abs(tangent.z) < 0.9f ? glm::vec3(0.0f, 0.0f, 1.0f) : glm::vec3(1.0f, 0.0f, 0.0f);
        n = other - glm::dot(other, tangent) * tangent;
    }
    return glm::normalize(n);
}

// Our choice: 48 even samples (about 7 mm apart on a 0.3 m psoas) and 16 passes of a 1-2-1
// filter, which rounds corners over roughly 2 cm, the psoas's own radius.
constexpr std::size_t kSmoothSamples = 48;
constexpr int kSmoothingPasses = 16;

// The volume is measured every frame on a coarser copy of the mesh (MuscleDeformer::volumeProxy):
// 8 mm cells, about a third of the psoas's radius, keep about 40 % of the shipped hip flexors'
// vertices and triangles, and the correction then differs from the whole mesh's by at most 0.05 %
// (56 um on a vertex) across the poses of muscle_deformer_test. The copy itself holds 4-5 % less
// than the mesh (the cells cut its curves), which does not matter: only its change is used. Our
// choice; a mesh whose coarse copy is more than 10 % off its own volume is measured whole.
constexpr float kProxyCell = 0.008f;
constexpr float kProxyVolumeTolerance = 0.10f;

// Four floats in one SIMD register (SSE on x86, simd128 in WebAssembly where enabled; plain
// floats otherwise): GCC and Clang both lower these vector types and __builtin_shufflevector.
using Lanes = float __attribute__((vector_size(16)));

Lanes lanesAt(const glm::vec4* at, std::uint32_t index) {
    Lanes lanes;
    std::memcpy(&lanes, at + index, sizeof lanes);
    return lanes;
}

// Enclosed volume by the divergence theorem: signed tetrahedra from each triangle to a point
// inside the muscle (measured from there the terms barely cancel, so float is precise enough).
// `relative` holds MuscleDeformer's vertices in its sorted order, relative to that point and
// padded to four floats so a corner is one load; `indices` are the triangles into that order. A
// triangle's term a . (b x c) is then three shuffles and a few lane-wise products, summed into four
// independent totals so the additions do not wait on each other.
PSOAS_WIDE_LOOP float enclosedVolume(const std::vector<glm::vec4>& relative, const std::vector<std::uint32_t>& indices) {
    const glm::vec4* at = relative.data();
    // With t = b * c.yzx - b.yzx * c = (b x c).zxy, the term is the lane sum of a.zxy * t.
    auto term = [at](const std::uint32_t* corner) {
        const Lanes a = lanesAt(at, corner[0]), b = lanesAt(at, corner[1]), c = lanesAt(at, corner[2]);
        const Lanes t = b * __builtin_shufflevector(c, c, 1, 2, 0, 3) - __builtin_shufflevector(b, b, 1, 2, 0, 3) * c;
        return __builtin_shufflevector(a, a, 2, 0, 1, 3) * t;
    };
    Lanes total[4] = {};
    const std::uint32_t* corner = indices.data();
    const std::size_t triangles = indices.size() / 3;
    std::size_t i = 0;
    for (; i + 4 <= triangles; i += 4, corner += 12)
        for (int k = 0; k < 4; ++k) total[k] += term(corner + 3 * k);
    for (; i < triangles; ++i, corner += 3) total[0] += term(corner);
    const Lanes sum = (total[0] + total[1]) + (total[2] + total[3]);
    return (sum[0] + sum[1] + sum[2]) / 6.0f;
}

// `out.size()` points spread evenly by arc length along `line` (both ends kept).
void resampleEvenly(std::span<const glm::vec3> line, std::vector<glm::vec3>& out) {
    float total = 0.0f;
    for (std::size_t i = 1; i < line.size(); ++i) total += glm::length(line[i] - line[i - 1]);
    std::size_t segment = 0;
    float segmentStart = 0.0f;
    float segmentLength = glm::length(line[1] - line[0]);
    for (std::size_t k = 0; k < out.size(); ++k) {
        const float arc = total * static_cast<float>(k) / static_cast<float>(out.size() - 1);
        while (segment + 2 < line.size() && arc > segmentStart + segmentLength) {
            segmentStart += segmentLength;
            ++segment;
            segmentLength = glm::length(line[segment + 1] - line[segment]);
        }
        const float t = segmentLength > 1e-9f ? glm::clamp((arc - segmentStart) / segmentLength, 0.0f, 1.0f) : 0.0f;
        out[k] = glm::mix(line[segment], line[segment + 1], t);
    }
}

// Length along the first `points` points of a polyline.
float polylineLength(std::span<const glm::vec3> line, std::size_t points) {
    float length = 0.0f;
    for (std::size_t i = 1; i < std::min(points, line.size()); ++i) length += glm::length(line[i] - line[i - 1]);
    return length;
}

}  // namespace

void MuscleDeformer::smoothLine(std::span<const glm::vec3> line) {
    resampleEvenly(line, smoothLine_);
    for (int pass = 0; pass < kSmoothingPasses; ++pass) {
        scratch_ = smoothLine_;  // same size every time: copies, never allocates
        for (std::size_t k = 1; k + 1 < kSmoothSamples; ++k)
            smoothLine_[k] = 0.25f * scratch_[k - 1] + 0.5f * scratch_[k] + 0.25f * scratch_[k + 1];
    }
    // Smoothing bunches samples at corners; spacing them evenly again makes a sample's index its
    // arc-length fraction, which is what a vertex is bound by.
    scratch_ = smoothLine_;
    resampleEvenly(scratch_, smoothLine_);
}

void MuscleDeformer::buildFrames() {
    const std::span<const glm::vec3> line(smoothLine_);
    const std::size_t count = line.size();
    arcLengths_[0] = 0.0f;
    for (std::size_t i = 1; i < count; ++i) arcLengths_[i] = arcLengths_[i - 1] + glm::length(line[i] - line[i - 1]);
    auto direction = [&](std::size_t segment) {
        const glm::vec3 d = line[segment + 1] - line[segment];
        const float length = glm::length(d);
        return length > 1e-9f ? d / length : glm::vec3(0.0f, -1.0f, 0.0f);
    };
    for (std::size_t i = 0; i < count; ++i) {
        // At a corner the tangent bisects the two segments, so frames turn gradually across it.
        glm::vec3 tangent = i == 0 ? direction(0) : i + 1 == count ? direction(i - 1) : direction(i - 1) + direction(i);
        tangent = glm::dot(tangent, tangent) > 1e-12f ? glm::normalize(tangent) : direction(std::min(i, count - 2));
        // The first normal leans toward the subject's left (+X): lumbar and hip flexion turn about
        // X, so it stays well defined. Later normals are parallel-transported: no twist added.
        const glm::vec3 preferred = i == 0 ? glm::vec3(1.0f, 0.0f, 0.0f) : vertexFrames_[i - 1].normal;
        Frame& frame = vertexFrames_[i];
        frame.point = line[i];
        frame.tangent = tangent;
        frame.normal = perpendicular(tangent, preferred);
        frame.binormal = glm::cross(tangent, frame.normal);
    }
}

MuscleDeformer::MuscleDeformer(const MeshData& neutral, std::span<const glm::vec3> neutralCentreLine)
    : linePoints_(neutralCentreLine.size()),
      smoothLine_(kSmoothSamples),
      scratch_(kSmoothSamples),
      vertexFrames_(kSmoothSamples),
      arcLengths_(kSmoothSamples) {
    if (neutralCentreLine.size() < 2) throw std::invalid_argument("a muscle centre line needs at least two points");
    smoothLine(neutralCentreLine);
    buildFrames();
    neutralLength_ = arcLengths_.back();
    if (!(neutralLength_ > 1e-6f)) throw std::invalid_argument("a muscle centre line must have a length");

    bindings_.reserve(neutral.positions.size());
    for (std::size_t v = 0; v < neutral.positions.size(); ++v) {
        const glm::vec3 p = neutral.positions[v];
        float bestDistance = std::numeric_limits<float>::max();
        std::uint32_t bestSegment = 0;
        float bestAlong = 0.0f;
        for (std::size_t s = 0; s + 1 < kSmoothSamples; ++s) {
            const glm::vec3 a = smoothLine_[s];
            const glm::vec3 d = smoothLine_[s + 1] - a;
            const float t = glm::clamp(glm::dot(p - a, d) / std::max(glm::dot(d, d), 1e-12f), 0.0f, 1.0f);
            const float distance = glm::length(p - (a + t * d));
            if (distance < bestDistance) {
                bestDistance = distance;
                bestSegment = static_cast<std::uint32_t>(s);
                bestAlong = t;
            }
        }
        const Frame f = frameOn(bestSegment, bestAlong);
        const glm::mat3 axes(f.tangent, f.normal, f.binormal);
        const glm::vec3 n = v < neutral.normals.size() ? neutral.normals[v] : glm::vec3(0.0f);
        bindings_.push_back({bestSegment, bestAlong, glm::inverse(axes) * (p - f.point), glm::transpose(axes) * n});
    }
    positions_ = neutral.positions;
    const bool indicesValid = std::all_of(neutral.indices.begin(), neutral.indices.end(),
                                          [&](std::uint32_t i) { return i < neutral.positions.size(); });
    normals_.assign(neutral.positions.size(), glm::vec3(0.0f, 1.0f, 0.0f));
    for (std::size_t v = 0; v < neutral.normals.size() && v < normals_.size(); ++v) normals_[v] = neutral.normals[v];
    sorted_ = sortBindings(bindings_, indicesValid ? neutral.indices : std::vector<std::uint32_t>{});
    if (!indicesValid) return;
    // The volume is measured on a coarser copy of the mesh when that copy has nearly the same
    // volume (a mesh with few vertices per cell keeps its own).
    const glm::vec3 centre = smoothLine_[kSmoothSamples / 2];
    auto volumeOf = [&](const SortedBindings& s) {
        relative_.resize(s.vertex.size());
        for (std::size_t j = 0; j < s.vertex.size(); ++j) relative_[j] = glm::vec4(neutral.positions[s.vertex[j]] - centre, 0.0f);
        return enclosedVolume(relative_, s.indices);
    };
    const float full = volumeOf(sorted_);
    SortedBindings coarse = volumeProxy(neutral);
    const float coarseVolume = volumeOf(coarse);
    const bool close = std::abs(coarseVolume - full) <= kProxyVolumeTolerance * std::abs(full);
    volume_ = close ? std::move(coarse) : sorted_;
    neutralVolume_ = close ? coarseVolume : full;
    relative_.resize(volume_.vertex.size());
}

// Vertex clustering: each vertex goes to the first vertex of its cubic cell, and the triangles
// whose corners land in three different cells keep those cells' vertices. The result is a closed
// surface whenever the mesh is (each edge is still shared by triangles running both ways), so its
// signed volume is well defined; it follows the mesh's own bindings, so it bends exactly as the
// vertices it kept do.
MuscleDeformer::SortedBindings MuscleDeformer::volumeProxy(const MeshData& neutral) const {
    const std::size_t count = neutral.positions.size();
    std::vector<std::uint32_t> representative(count);
    std::vector<std::pair<std::array<std::int32_t, 3>, std::uint32_t>> keyed(count);
    // A cell number that is defined for any float: a far or broken vertex gets a cell of its own
    // kind instead of an out-of-range conversion.
    auto cellOf = [](float coordinate) {
        const float cell = std::floor(coordinate / kProxyCell);
        return std::isfinite(cell) ? static_cast<std::int32_t>(std::clamp(cell, -1e9f, 1e9f)) : std::numeric_limits<std::int32_t>::min();
    };
    for (std::size_t v = 0; v < count; ++v) {
        const glm::vec3 p = neutral.positions[v];
        keyed[v] = {{cellOf(p.x), cellOf(p.y), cellOf(p.z)}, static_cast<std::uint32_t>(v)};
    }
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t k = 0; k < count; ++k)
        representative[keyed[k].second] = k > 0 && keyed[k].first == keyed[k - 1].first ? representative[keyed[k - 1].second] : keyed[k].second;
    constexpr auto kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> proxyOf(count, kNone), meshVertex, indices;
    std::vector<Binding> bindings;
    for (std::size_t i = 0; i + 2 < neutral.indices.size(); i += 3) {
        const std::array<std::uint32_t, 3> corner{representative[neutral.indices[i]], representative[neutral.indices[i + 1]],
                                                  representative[neutral.indices[i + 2]]};
        if (corner[0] == corner[1] || corner[1] == corner[2] || corner[0] == corner[2]) continue;  // folded flat: no volume
        for (const std::uint32_t v : corner) {
            if (proxyOf[v] == kNone) {
                proxyOf[v] = static_cast<std::uint32_t>(bindings.size());
                bindings.push_back(bindings_[v]);
                meshVertex.push_back(v);
            }
            indices.push_back(proxyOf[v]);
        }
    }
    SortedBindings proxy = sortBindings(bindings, indices);
    for (std::uint32_t& v : proxy.vertex) v = meshVertex[v];  // the mesh's own vertex numbers
    return proxy;
}

MuscleDeformer::SortedBindings MuscleDeformer::sortBindings(const std::vector<Binding>& bindings, const std::vector<std::uint32_t>& indices) {
    SortedBindings s;
    const std::size_t count = bindings.size();
    // Along the line: by segment, then along it. So within a segment the kept start's vertices
    // (keepStart) come first, and over the whole mesh the anchored ones (anchorStart) do.
    std::vector<std::uint32_t> order(count);
    for (std::size_t v = 0; v < count; ++v) order[v] = static_cast<std::uint32_t>(v);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
        return bindings[i].segment != bindings[j].segment ? bindings[i].segment < bindings[j].segment
                                                            : bindings[i].along < bindings[j].along;
    });
    s.segmentStart.assign(kSmoothSamples, 0);
    for (const Binding& b : bindings) ++s.segmentStart[b.segment + 1];  // segment < kSmoothSamples - 1
    for (std::size_t k = 1; k < kSmoothSamples; ++k) s.segmentStart[k] += s.segmentStart[k - 1];
    for (auto* array : {&s.along, &s.fraction, &s.offsetX, &s.offsetY, &s.offsetZ, &s.normalX, &s.normalY, &s.normalZ})
        array->assign(count, 0.0f);
    s.vertex = order;
    for (std::size_t j = 0; j < count; ++j) {
        const Binding& b = bindings[order[j]];
        s.along[j] = b.along;
        s.fraction[j] = static_cast<float>(b.segment) + b.along;
        s.offsetX[j] = b.offset.x;
        s.offsetY[j] = b.offset.y;
        s.offsetZ[j] = b.offset.z;
        s.normalX[j] = b.localNormal.x;
        s.normalY[j] = b.localNormal.y;
        s.normalZ[j] = b.localNormal.z;
    }
    // The triangles, with indices into the sorted order.
    std::vector<std::uint32_t> sortedOf(count);
    for (std::size_t j = 0; j < count; ++j) sortedOf[s.vertex[j]] = static_cast<std::uint32_t>(j);
    s.indices.resize(indices.size());
    for (std::size_t i = 0; i < indices.size(); ++i) s.indices[i] = sortedOf[indices[i]];
    if (s.indices.empty()) return s;  // (a coarse copy can lose every triangle)
    // Ordered along the line too, so the volume's pass reads the bent points front to back.
    std::vector<std::array<std::uint32_t, 3>> triangles(s.indices.size() / 3);
    std::memcpy(triangles.data(), s.indices.data(), triangles.size() * sizeof triangles[0]);
    std::stable_sort(triangles.begin(), triangles.end(), [](const auto& a, const auto& b) {
        return std::min({a[0], a[1], a[2]}) < std::min({b[0], b[1], b[2]});
    });
    std::memcpy(s.indices.data(), triangles.data(), triangles.size() * sizeof triangles[0]);
    return s;
}

void MuscleDeformer::anchorStart(std::size_t points, std::span<const glm::vec3> neutralCentreLine) {
    if (points < 2 || points > neutralCentreLine.size()) return;
    anchorPoints_ = points;
    neutralAnchorStart_ = neutralCentreLine[0];
    neutralAnchorEnd_ = neutralCentreLine[points - 1];
    const float total = polylineLength(neutralCentreLine, neutralCentreLine.size());
    anchorFraction_ = total > 0.0f ? polylineLength(neutralCentreLine, points) / total : 0.0f;
    // How rigid each vertex is depends only on where it is bound: worked out once, here. It falls
    // with the fraction, so the anchored vertices are the first ones in sorted_'s order.
    const float samples = static_cast<float>(kSmoothSamples - 1);
    SortedBindings& sb = sorted_;
    for (auto* array : {&sb.rigid, &sb.anchorOffsetX, &sb.anchorOffsetY, &sb.anchorOffsetZ, &sb.anchorNormalX, &sb.anchorNormalY,
                        &sb.anchorNormalZ})
        array->clear();
    for (std::size_t j = 0; j < sb.vertex.size(); ++j) {
        const Binding& binding = bindings_[sb.vertex[j]];
        const float fraction = (static_cast<float>(binding.segment) + binding.along) / samples;
        // Fully rigid up to just before the anchor's end, fully bending a little after it.
        const float rigid = 1.0f - glm::smoothstep(anchorFraction_ - 0.10f, anchorFraction_ + 0.04f, fraction);
        if (!(rigid > 0.0f)) break;
        const glm::vec3 offset = positions_[sb.vertex[j]] - neutralAnchorStart_;  // positions_ is still the neutral mesh
        const glm::vec3 normal = normals_[sb.vertex[j]];
        sb.rigid.push_back(rigid);
        sb.anchorOffsetX.push_back(offset.x);
        sb.anchorOffsetY.push_back(offset.y);
        sb.anchorOffsetZ.push_back(offset.z);
        sb.anchorNormalX.push_back(normal.x);
        sb.anchorNormalY.push_back(normal.y);
        sb.anchorNormalZ.push_back(normal.z);
    }
}

void MuscleDeformer::keepStartLength(std::size_t points, std::span<const glm::vec3> neutralCentreLine) {
    if (points < 2 || points >= neutralCentreLine.size()) return;
    const float total = polylineLength(neutralCentreLine, neutralCentreLine.size());
    if (!(total > 0.0f)) return;
    keptPoints_ = points;
    keptFraction_ = polylineLength(neutralCentreLine, points) / total;
    keptFrames_.resize(kSmoothSamples);
}

void MuscleDeformer::keepStart(std::span<const glm::vec3> currentCentreLine, float length, float stretchOf[2]) {
    // Where the kept start ends now, as a fraction of the current line; each part stretches evenly.
    const float keptNow = polylineLength(currentCentreLine, keptPoints_) /
                          std::max(polylineLength(currentCentreLine, currentCentreLine.size()), 1e-9f);
    stretchOf[0] = std::max(keptNow * length, 1e-9f) / std::max(keptFraction_ * neutralLength_, 1e-9f);
    stretchOf[1] = std::max((1.0f - keptNow) * length, 1e-9f) / std::max((1.0f - keptFraction_) * neutralLength_, 1e-9f);
    // Vertices are bound to the frames by their fraction of the neutral line, so move the frames
    // instead of every vertex: frame k goes to the same fraction of its own part on the current line.
    const float samples = static_cast<float>(kSmoothSamples - 1);
    for (std::size_t k = 0; k < kSmoothSamples; ++k) {
        const float neutral = static_cast<float>(k) / samples;
        const float now = neutral < keptFraction_
                              ? neutral * keptNow / std::max(keptFraction_, 1e-9f)
                              : keptNow + (neutral - keptFraction_) * (1.0f - keptNow) / std::max(1.0f - keptFraction_, 1e-9f);
        const float at = glm::clamp(now * samples, 0.0f, samples);
        const auto segment = std::min(static_cast<std::size_t>(at), kSmoothSamples - 2);
        keptFrames_[k] = frameOn(segment, at - static_cast<float>(segment));
    }
    std::swap(vertexFrames_, keptFrames_);
}

// The body's motion for the anchored vertices (anchorStart), from the current line's two anchor
// points: the turn that takes the neutral chord onto the current one (hip flexion and pelvic tilt
// turn about X, at right angles to this chord, so the shortest turn is the true one) and the move
// of the first point.
MuscleDeformer::BodyMotion MuscleDeformer::anchorMotion(std::span<const glm::vec3> currentCentreLine) const {
    const glm::vec3 from = glm::normalize(neutralAnchorEnd_ - neutralAnchorStart_);
    const glm::vec3 to = glm::normalize(currentCentreLine[anchorPoints_ - 1] - currentCentreLine[0]);
    const glm::vec3 axis = glm::cross(from, to);
    const float sine = glm::length(axis), cosine = glm::dot(from, to);
    glm::mat3 turn(1.0f);
    if (sine > 1e-7f) {
        const glm::vec3 k = axis / sine;
        const glm::mat3 cross(0.0f, k.z, -k.y, -k.z, 0.0f, k.x, k.y, -k.x, 0.0f);
        turn = glm::mat3(1.0f) + sine * cross + (1.0f - cosine) * cross * cross;
    }
    return {turn, currentCentreLine[0]};
}

namespace {
// The frames of one segment and the scales for its vertices, unpacked into plain floats so the
// per-vertex loops below hold them in registers. Each vertex is carried by the straight blend of
// its segment's two frames (MuscleDeformer::frameOn, written out per coordinate).
struct SegmentFrames {
    float aPx, aPy, aPz, bPx, bPy, bPz, aTx, aTy, aTz, bTx, bTy, bTz, aNx, aNy, aNz, bNx, bNy, bNz, aBx, aBy, aBz, bBx, bBy, bBz;
    SegmentFrames(const MuscleDeformer::Frame& a, const MuscleDeformer::Frame& b, const glm::vec3& origin)
        : aPx(a.point.x - origin.x), aPy(a.point.y - origin.y), aPz(a.point.z - origin.z), bPx(b.point.x - origin.x),
          bPy(b.point.y - origin.y), bPz(b.point.z - origin.z), aTx(a.tangent.x), aTy(a.tangent.y), aTz(a.tangent.z),
          bTx(b.tangent.x), bTy(b.tangent.y), bTz(b.tangent.z), aNx(a.normal.x), aNy(a.normal.y), aNz(a.normal.z),
          bNx(b.normal.x), bNy(b.normal.y), bNz(b.normal.z), aBx(a.binormal.x), aBy(a.binormal.y), aBz(a.binormal.z),
          bBx(b.binormal.x), bBy(b.binormal.y), bBz(b.binormal.z) {}
};
}  // namespace

// Pass one: only the points, relative to `origin`, for the volume.
PSOAS_WIDE_LOOP void MuscleDeformer::bendPoints(const Frame& a, const Frame& b, const Scales& scales, const SortedBindings& s,
                                                std::size_t begin, std::size_t end, const glm::vec3& origin, glm::vec4* relative) {
    const SegmentFrames f(a, b, origin);
    const float* __restrict along = s.along.data();
    const float* __restrict ox = s.offsetX.data();
    const float* __restrict oy = s.offsetY.data();
    const float* __restrict oz = s.offsetZ.data();
    float* __restrict out = &relative[0].x;
    const float thicken = scales.thicken, stretch = scales.stretch;
    for (std::size_t j = begin; j < end; ++j) {
        const float t = along[j], u = 1.0f - t;
        const float alongLine = stretch * ox[j], across = thicken * oy[j], up = thicken * oz[j];
        out[4 * j] = (f.aPx * u + f.bPx * t) + alongLine * (f.aTx * u + f.bTx * t) + across * (f.aNx * u + f.bNx * t) +
                     up * (f.aBx * u + f.bBx * t);
        out[4 * j + 1] = (f.aPy * u + f.bPy * t) + alongLine * (f.aTy * u + f.bTy * t) + across * (f.aNy * u + f.bNy * t) +
                         up * (f.aBy * u + f.bBy * t);
        out[4 * j + 2] = (f.aPz * u + f.bPz * t) + alongLine * (f.aTz * u + f.bTz * t) + across * (f.aNz * u + f.bNz * t) +
                         up * (f.aBz * u + f.bBz * t);
        out[4 * j + 3] = 0.0f;
    }
}

// Pass two: whole vertices, with the corrected cross-section, into the mesh's own order. A chunk
// at a time is worked out in plain arrays (so the compiler runs it several vertices at a time),
// blended with the body where anchored, and then scattered to the mesh's vertex order.
PSOAS_WIDE_LOOP void MuscleDeformer::bendVertices(const Frame& a, const Frame& b, const Scales& scales, const SortedBindings& s,
                                                  std::size_t begin, std::size_t end, const BodyMotion* body, glm::vec3* positions,
                                                  glm::vec3* normals) {
    const SegmentFrames f(a, b, glm::vec3(0.0f));
    const float thicken = scales.thicken, inverseThicken = scales.inverseThicken;
    const float stretch = scales.stretch, inverseStretch = scales.inverseStretch;
    constexpr std::size_t kChunk = 64;
    alignas(32) float px[kChunk], py[kChunk], pz[kChunk], nx[kChunk], ny[kChunk], nz[kChunk];
    for (std::size_t first = begin; first < end; first += kChunk) {
        const std::size_t count = std::min(kChunk, end - first);
        const float* __restrict along = s.along.data() + first;
        const float* __restrict ox = s.offsetX.data() + first;
        const float* __restrict oy = s.offsetY.data() + first;
        const float* __restrict oz = s.offsetZ.data() + first;
        const float* __restrict lx = s.normalX.data() + first;
        const float* __restrict ly = s.normalY.data() + first;
        const float* __restrict lz = s.normalZ.data() + first;
        for (std::size_t j = 0; j < count; ++j) {
            const float t = along[j], u = 1.0f - t;
            const float tanX = f.aTx * u + f.bTx * t, tanY = f.aTy * u + f.bTy * t, tanZ = f.aTz * u + f.bTz * t;
            const float norX = f.aNx * u + f.bNx * t, norY = f.aNy * u + f.bNy * t, norZ = f.aNz * u + f.bNz * t;
            const float binX = f.aBx * u + f.bBx * t, binY = f.aBy * u + f.bBy * t, binZ = f.aBz * u + f.bBz * t;
            const float alongLine = stretch * ox[j], across = thicken * oy[j], up = thicken * oz[j];
            px[j] = (f.aPx * u + f.bPx * t) + alongLine * tanX + across * norX + up * binX;
            py[j] = (f.aPy * u + f.bPy * t) + alongLine * tanY + across * norY + up * binY;
            pz[j] = (f.aPz * u + f.bPz * t) + alongLine * tanZ + across * norZ + up * binZ;
            // Normals transform by the inverse transpose of the local scaling. Left unnormalised:
            // the fragment shader normalises them (shaders/mesh.frag).
            const float tangential = inverseStretch * lx[j], normalAcross = inverseThicken * ly[j], normalUp = inverseThicken * lz[j];
            nx[j] = tangential * tanX + normalAcross * norX + normalUp * binX;
            ny[j] = tangential * tanY + normalAcross * norY + normalUp * binY;
            nz[j] = tangential * tanZ + normalAcross * norZ + normalUp * binZ;
        }
        if (body && first < s.rigid.size()) {
            // The anchored vertices: a blend of where the line carries them and where the body does.
            const glm::mat3& m = body->turn;
            const std::size_t anchored = std::min(count, s.rigid.size() - first);
            for (std::size_t j = 0; j < anchored; ++j) {
                const std::size_t k = first + j;
                const float rigid = s.rigid[k], keep = 1.0f - rigid;
                const glm::vec3 offset(s.anchorOffsetX[k], s.anchorOffsetY[k], s.anchorOffsetZ[k]);
                const glm::vec3 place = body->move + m * offset;
                px[j] = px[j] * keep + place.x * rigid;
                py[j] = py[j] * keep + place.y * rigid;
                pz[j] = pz[j] * keep + place.z * rigid;
                const glm::vec3 bent = glm::normalize(glm::vec3(nx[j], ny[j], nz[j]));
                const glm::vec3 carried = m * glm::vec3(s.anchorNormalX[k], s.anchorNormalY[k], s.anchorNormalZ[k]);
                const glm::vec3 n = glm::normalize(bent * keep + carried * rigid);
                nx[j] = n.x;
                ny[j] = n.y;
                nz[j] = n.z;
            }
        }
        const std::uint32_t* vertex = s.vertex.data() + first;
        for (std::size_t j = 0; j < count; ++j) {
            positions[vertex[j]] = {px[j], py[j], pz[j]};
            normals[vertex[j]] = {nx[j], ny[j], nz[j]};
        }
    }
}

void MuscleDeformer::deform(std::span<const glm::vec3> currentCentreLine) {
    if (currentCentreLine.size() != linePoints_)
        throw std::invalid_argument("the current centre line must have as many points as the neutral one");
    smoothLine(currentCentreLine);
    buildFrames();
    const float length = std::max(arcLengths_.back(), 1e-6f);
    // The whole cross-section scales as sqrt(L0 / L) (area x L0/L: volume kept): a muscle thickens
    // all along as it shortens, not only where its line does.
    const float thicken = std::sqrt(neutralLength_ / length);
    const float inverseThicken = 1.0f / thicken;
    float stretchOf[2] = {length / neutralLength_, length / neutralLength_};  // kept start, rest
    if (keptPoints_ > 0) keepStart(currentCentreLine, length, stretchOf);
    const float samples = static_cast<float>(kSmoothSamples - 1);
    const float keptEnd = keptFraction_ * samples;  // in samples along the neutral line
    const float keptStretch = stretchOf[0], restStretch = stretchOf[1];
    const float keptInverse = 1.0f / keptStretch, restInverse = 1.0f / restStretch;
    // Each segment's vertices, ordered by fraction: the kept start's come first, with its stretch.
    auto eachRun = [&](const SortedBindings& s, auto&& bend) {
        const float* fraction = s.fraction.data();
        for (std::size_t segment = 0; segment + 1 < kSmoothSamples; ++segment) {
            const Frame& a = vertexFrames_[segment];
            const Frame& b = vertexFrames_[segment + 1];
            const std::size_t begin = s.segmentStart[segment], end = s.segmentStart[segment + 1];
            const auto split = static_cast<std::size_t>(std::lower_bound(fraction + begin, fraction + end, keptEnd) - fraction);
            bend(a, b, keptStretch, keptInverse, begin, split);
            bend(a, b, restStretch, restInverse, split, end);
        }
    };
    // Volume goes with the square of the cross-section scale. Only for a closed mesh with a real
    // volume; the clamp keeps a broken mesh from ballooning. The bent points are measured first
    // and the vertices then made with the corrected cross-section: the correction scales each
    // vertex's offset from the line, which is what `thicken` scales. Normals keep the nominal
    // scale: the correction is a few percent and does not visibly change shading.
    volumeCorrection_ = 1.0f;
    if (std::abs(neutralVolume_) >= 1e-12f) {
        const glm::vec3 origin = smoothLine_[kSmoothSamples / 2];
        eachRun(volume_, [&](const Frame& a, const Frame& b, float stretch, float inverseStretch, std::size_t begin, std::size_t end) {
            bendPoints(a, b, {thicken, inverseThicken, stretch, inverseStretch}, volume_, begin, end, origin, relative_.data());
        });
        const float ratio = neutralVolume_ / enclosedVolume(relative_, volume_.indices);
        if (ratio > 0.0f) volumeCorrection_ = std::clamp(std::sqrt(ratio), 0.8f, 1.25f);
    }
    const float corrected = thicken * volumeCorrection_;
    const std::optional<BodyMotion> body = anchorPoints_ >= 2 ? std::optional(anchorMotion(currentCentreLine)) : std::nullopt;
    eachRun(sorted_, [&](const Frame& a, const Frame& b, float stretch, float inverseStretch, std::size_t begin, std::size_t end) {
        bendVertices(a, b, {corrected, inverseThicken, stretch, inverseStretch}, sorted_, begin, end, body ? &*body : nullptr,
                     positions_.data(), normals_.data());
    });
}

}  // namespace psoas
