#include "core/motion/muscle_deformer.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

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

// Four floats in one SIMD register (SSE on x86, simd128 in WebAssembly where enabled; plain
// floats otherwise): GCC and Clang both lower these vector types and __builtin_shufflevector.
using Lanes = float __attribute__((vector_size(16)));

Lanes lanesAt(const glm::vec4* at, std::uint32_t index) {
    Lanes lanes;
    std::memcpy(&lanes, at + index, sizeof lanes);
    return lanes;
}

// Enclosed volume by the divergence theorem: signed tetrahedra from each triangle to `centre`.
// Measured from a point inside the muscle the terms barely cancel, so float is precise enough.
// Over MuscleDeformer's sorted copy of the positions, with the triangles' indices into that copy.
// Each vertex is taken relative to `centre` once, into `relative` (a triangle list names every
// vertex about six times), padded to four floats so a corner is one load. A triangle's term
// a . (b x c) is then three shuffles and a few lane-wise products, summed into four independent
// totals so the additions do not wait on each other: this sum was a third of the deformer's time.
float enclosedVolume(const float* x, const float* y, const float* z, std::size_t vertices,
                     const std::vector<std::uint32_t>& indices, const glm::vec3& centre, std::vector<glm::vec4>& relative) {
    relative.resize(vertices);
    for (std::size_t j = 0; j < vertices; ++j) relative[j] = glm::vec4(x[j] - centre.x, y[j] - centre.y, z[j] - centre.z, 0.0f);
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
    sortBindings(indicesValid ? neutral.indices : std::vector<std::uint32_t>{});
    if (indicesValid) {
        const SortedBindings& s = sorted_;  // its positions are the neutral ones until the first deform
        neutralVolume_ = enclosedVolume(s.positionX.data(), s.positionY.data(), s.positionZ.data(), s.vertex.size(),
                                        s.indices, smoothLine_[kSmoothSamples / 2], relative_);
    }
}

void MuscleDeformer::sortBindings(const std::vector<std::uint32_t>& indices) {
    SortedBindings& s = sorted_;
    const std::size_t count = bindings_.size();
    // Along the line: by segment, then along it. So within a segment the kept start's vertices
    // (keepStart) come first, and over the whole mesh the anchored ones (anchorStart) do.
    std::vector<std::uint32_t> order(count);
    for (std::size_t v = 0; v < count; ++v) order[v] = static_cast<std::uint32_t>(v);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
        return bindings_[i].segment != bindings_[j].segment ? bindings_[i].segment < bindings_[j].segment
                                                            : bindings_[i].along < bindings_[j].along;
    });
    s.segmentStart.assign(kSmoothSamples, 0);
    for (const Binding& b : bindings_) ++s.segmentStart[b.segment + 1];  // segment < kSmoothSamples - 1
    for (std::size_t k = 1; k < kSmoothSamples; ++k) s.segmentStart[k] += s.segmentStart[k - 1];
    for (auto* array : {&s.along, &s.fraction, &s.offsetX, &s.offsetY, &s.offsetZ, &s.normalX, &s.normalY, &s.normalZ, &s.axisX,
                        &s.axisY, &s.axisZ, &s.positionX, &s.positionY, &s.positionZ, &s.outNormalX, &s.outNormalY, &s.outNormalZ})
        array->assign(count, 0.0f);
    s.vertex = order;
    for (std::size_t j = 0; j < count; ++j) {
        s.positionX[j] = positions_[order[j]].x;
        s.positionY[j] = positions_[order[j]].y;
        s.positionZ[j] = positions_[order[j]].z;
        const Binding& b = bindings_[order[j]];
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

void MuscleDeformer::applyAnchor(std::span<const glm::vec3> currentCentreLine) {
    if (anchorPoints_ < 2) return;
    // The body's motion, from its two line points: the turn that takes the neutral chord onto the
    // current one (hip flexion and pelvic tilt turn about X, at right angles to this chord, so the
    // shortest turn is the true one) and the move of the first point.
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
    SortedBindings& sb = sorted_;
    const float startX = currentCentreLine[0].x, startY = currentCentreLine[0].y, startZ = currentCentreLine[0].z;
    const float m00 = turn[0][0], m01 = turn[0][1], m02 = turn[0][2], m10 = turn[1][0], m11 = turn[1][1], m12 = turn[1][2],
                m20 = turn[2][0], m21 = turn[2][1], m22 = turn[2][2];
    const float* __restrict rigidOf = sb.rigid.data();
    const float* __restrict offsetX = sb.anchorOffsetX.data();
    const float* __restrict offsetY = sb.anchorOffsetY.data();
    const float* __restrict offsetZ = sb.anchorOffsetZ.data();
    const float* __restrict neutralX = sb.anchorNormalX.data();
    const float* __restrict neutralY = sb.anchorNormalY.data();
    const float* __restrict neutralZ = sb.anchorNormalZ.data();
    float* __restrict px = sb.positionX.data();
    float* __restrict py = sb.positionY.data();
    float* __restrict pz = sb.positionZ.data();
    float* __restrict nx = sb.outNormalX.data();
    float* __restrict ny = sb.outNormalY.data();
    float* __restrict nz = sb.outNormalZ.data();
    const std::size_t count = sb.rigid.size();
    // Written out per coordinate in glm's order (mat3 * vec3, mix, then normalised as deform does),
    // so the result is the same to the bit.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC ivdep
#endif
    for (std::size_t j = 0; j < count; ++j) {
        const float rigid = rigidOf[j], keep = 1.0f - rigid;
        const float ox = offsetX[j], oy = offsetY[j], oz = offsetZ[j];
        px[j] = px[j] * keep + (startX + (m00 * ox + m10 * oy + m20 * oz)) * rigid;
        py[j] = py[j] * keep + (startY + (m01 * ox + m11 * oy + m21 * oz)) * rigid;
        pz[j] = pz[j] * keep + (startZ + (m02 * ox + m12 * oy + m22 * oz)) * rigid;
        const float lx = neutralX[j], ly = neutralY[j], lz = neutralZ[j];
        const float x = nx[j] * keep + (m00 * lx + m10 * ly + m20 * lz) * rigid;
        const float y = ny[j] * keep + (m01 * lx + m11 * ly + m21 * lz) * rigid;
        const float z = nz[j] * keep + (m02 * lx + m12 * ly + m22 * lz) * rigid;
        const float scale = 1.0f / std::sqrt(std::max(x * x + y * y + z * z, 1e-24f));
        nx[j] = x * scale;
        ny[j] = y * scale;
        nz[j] = z * scale;
    }
}

// One segment's vertices [begin, end), all with the same scales: frameOn and deform's formulas
// written out per coordinate, in the same order of operations, so the result is the same to the
// bit. No branch inside, so the compiler runs it four vertices at a time.
void MuscleDeformer::bendSegment(const Frame& a, const Frame& b, const Scales& scales, SortedBindings& s, std::size_t begin,
                                 std::size_t end) {
    const float* __restrict along = s.along.data() + begin;
    const float* __restrict ox = s.offsetX.data() + begin;
    const float* __restrict oy = s.offsetY.data() + begin;
    const float* __restrict oz = s.offsetZ.data() + begin;
    const float* __restrict lx = s.normalX.data() + begin;
    const float* __restrict ly = s.normalY.data() + begin;
    const float* __restrict lz = s.normalZ.data() + begin;
    float* __restrict ax = s.axisX.data() + begin;
    float* __restrict ay = s.axisY.data() + begin;
    float* __restrict az = s.axisZ.data() + begin;
    float* __restrict px = s.positionX.data() + begin;
    float* __restrict py = s.positionY.data() + begin;
    float* __restrict pz = s.positionZ.data() + begin;
    float* __restrict nx = s.outNormalX.data() + begin;
    float* __restrict ny = s.outNormalY.data() + begin;
    float* __restrict nz = s.outNormalZ.data() + begin;
    const float thicken = scales.thicken, inverseThicken = scales.inverseThicken;
    const float stretch = scales.stretch, inverseStretch = scales.inverseStretch;
    const float aPx = a.point.x, aPy = a.point.y, aPz = a.point.z, bPx = b.point.x, bPy = b.point.y, bPz = b.point.z;
    const float aTx = a.tangent.x, aTy = a.tangent.y, aTz = a.tangent.z, bTx = b.tangent.x, bTy = b.tangent.y, bTz = b.tangent.z;
    const float aNx = a.normal.x, aNy = a.normal.y, aNz = a.normal.z, bNx = b.normal.x, bNy = b.normal.y, bNz = b.normal.z;
    const float aBx = a.binormal.x, aBy = a.binormal.y, aBz = a.binormal.z, bBx = b.binormal.x, bBy = b.binormal.y,
                bBz = b.binormal.z;
    const std::size_t count = end - begin;
    // The arrays are distinct vectors; GCC does not take __restrict on locals as proof of that.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC ivdep
#endif
    for (std::size_t j = 0; j < count; ++j) {
        const float t = along[j], u = 1.0f - t;
        const float pointX = aPx * u + bPx * t, pointY = aPy * u + bPy * t, pointZ = aPz * u + bPz * t;
        const float tanX = aTx * u + bTx * t, tanY = aTy * u + bTy * t, tanZ = aTz * u + bTz * t;
        const float norX = aNx * u + bNx * t, norY = aNy * u + bNy * t, norZ = aNz * u + bNz * t;
        const float binX = aBx * u + bBx * t, binY = aBy * u + bBy * t, binZ = aBz * u + bBz * t;
        const float alongLine = stretch * ox[j];
        const float axisX = pointX + alongLine * tanX, axisY = pointY + alongLine * tanY, axisZ = pointZ + alongLine * tanZ;
        ax[j] = axisX;
        ay[j] = axisY;
        az[j] = axisZ;
        px[j] = axisX + thicken * (oy[j] * norX + oz[j] * binX);
        py[j] = axisY + thicken * (oy[j] * norY + oz[j] * binY);
        pz[j] = axisZ + thicken * (oy[j] * norZ + oz[j] * binZ);
        // Normals transform by the inverse transpose of the local scaling.
        const float tangential = inverseStretch * lx[j];
        const float x = tangential * tanX + inverseThicken * (ly[j] * norX + lz[j] * binX);
        const float y = tangential * tanY + inverseThicken * (ly[j] * norY + lz[j] * binY);
        const float z = tangential * tanZ + inverseThicken * (ly[j] * norZ + lz[j] * binZ);
        const float scale = 1.0f / std::sqrt(std::max(x * x + y * y + z * z, 1e-24f));
        nx[j] = x * scale;
        ny[j] = y * scale;
        nz[j] = z * scale;
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
    // Each vertex is carried by the straight blend of its segment's two frames (frameOn, written
    // out per coordinate in the same order of operations, so the result is the same to the bit).
    SortedBindings& s = sorted_;
    const float* fraction = s.fraction.data();
    for (std::size_t segment = 0; segment + 1 < kSmoothSamples; ++segment) {
        const Frame a = vertexFrames_[segment];  // copies: held in registers through the loop
        const Frame b = vertexFrames_[segment + 1];
        // Within a segment the vertices are ordered by fraction: the kept start's come first.
        const std::size_t begin = s.segmentStart[segment], end = s.segmentStart[segment + 1];
        const auto split = static_cast<std::size_t>(std::lower_bound(fraction + begin, fraction + end, keptEnd) - fraction);
        bendSegment(a, b, {thicken, inverseThicken, keptStretch, keptInverse}, s, begin, split);
        bendSegment(a, b, {thicken, inverseThicken, restStretch, restInverse}, s, split, end);
    }
    // Volume goes with the square of the cross-section scale. Only for a closed mesh with a real
    // volume; the clamp keeps a broken mesh from ballooning. Normals keep the nominal scale: the
    // correction is a few percent and does not visibly change shading.
    const std::size_t count = s.vertex.size();
    volumeCorrection_ = 1.0f;
    if (std::abs(neutralVolume_) >= 1e-12f) {
        const float ratio = neutralVolume_ / enclosedVolume(s.positionX.data(), s.positionY.data(), s.positionZ.data(), count, s.indices,
                                                            smoothLine_[kSmoothSamples / 2], relative_);
        if (ratio > 0.0f) {
            volumeCorrection_ = std::clamp(std::sqrt(ratio), 0.8f, 1.25f);
            const float c = volumeCorrection_;
            float* __restrict px = s.positionX.data();
            float* __restrict py = s.positionY.data();
            float* __restrict pz = s.positionZ.data();
            const float* __restrict ax = s.axisX.data();
            const float* __restrict ay = s.axisY.data();
            const float* __restrict az = s.axisZ.data();
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC ivdep
#endif
            for (std::size_t j = 0; j < count; ++j) {
                px[j] = ax[j] + c * (px[j] - ax[j]);
                py[j] = ay[j] + c * (py[j] - ay[j]);
                pz[j] = az[j] + c * (pz[j] - az[j]);
            }
        }
    }
    applyAnchor(currentCentreLine);
    for (std::size_t j = 0; j < count; ++j) {
        const std::uint32_t v = s.vertex[j];
        positions_[v] = {s.positionX[j], s.positionY[j], s.positionZ[j]};
        normals_[v] = {s.outNormalX[j], s.outNormalY[j], s.outNormalZ[j]};
    }
}

}  // namespace psoas
