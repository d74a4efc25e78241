#include "core/motion/muscle_deformer.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

#include <algorithm>
#include <cmath>
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

// Enclosed volume by the divergence theorem: signed tetrahedra from each triangle to `centre`.
// Measured from a point inside the muscle the terms barely cancel, so float is precise enough.
float enclosedVolume(const std::vector<glm::vec3>& positions, const std::vector<std::uint32_t>& indices,
                     const glm::vec3& centre) {
    float volume = 0.0f;
    for (std::size_t i = 0; i + 2 < indices.size(); i += 3) {
        const glm::vec3 a = positions[indices[i]] - centre;
        volume += glm::dot(a, glm::cross(positions[indices[i + 1]] - centre, positions[indices[i + 2]] - centre));
    }
    return volume / 6.0f;
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
    axisPoints_ = neutral.positions;
    const bool indicesValid = std::all_of(neutral.indices.begin(), neutral.indices.end(),
                                          [&](std::uint32_t i) { return i < neutral.positions.size(); });
    if (indicesValid) {
        indices_ = neutral.indices;
        neutralVolume_ = enclosedVolume(positions_, indices_, smoothLine_[kSmoothSamples / 2]);
    }
    normals_.assign(neutral.positions.size(), glm::vec3(0.0f, 1.0f, 0.0f));
    for (std::size_t v = 0; v < neutral.normals.size() && v < normals_.size(); ++v) normals_[v] = neutral.normals[v];
}

void MuscleDeformer::anchorStart(std::size_t points, std::span<const glm::vec3> neutralCentreLine) {
    if (points < 2 || points > neutralCentreLine.size()) return;
    anchorPoints_ = points;
    neutralAnchorStart_ = neutralCentreLine[0];
    neutralAnchorEnd_ = neutralCentreLine[points - 1];
    const float total = polylineLength(neutralCentreLine, neutralCentreLine.size());
    anchorFraction_ = total > 0.0f ? polylineLength(neutralCentreLine, points) / total : 0.0f;
    neutralPositions_ = positions_;
    neutralNormals_ = normals_;
    // How rigid each vertex is depends only on where it is bound: worked out once, here.
    const float samples = static_cast<float>(kSmoothSamples - 1);
    anchored_.clear();
    for (std::size_t v = 0; v < bindings_.size(); ++v) {
        const float fraction = (static_cast<float>(bindings_[v].segment) + bindings_[v].along) / samples;
        // Fully rigid up to just before the anchor's end, fully bending a little after it.
        const float rigid = 1.0f - glm::smoothstep(anchorFraction_ - 0.10f, anchorFraction_ + 0.04f, fraction);
        if (rigid > 0.0f) anchored_.push_back({static_cast<std::uint32_t>(v), rigid});
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
    for (const auto [v, rigid] : anchored_) {
        const glm::vec3 placed = currentCentreLine[0] + turn * (neutralPositions_[v] - neutralAnchorStart_);
        positions_[v] = glm::mix(positions_[v], placed, rigid);
        const glm::vec3 n = glm::mix(normals_[v], turn * neutralNormals_[v], rigid);
        normals_[v] = n * (1.0f / std::sqrt(std::max(glm::dot(n, n), 1e-24f)));
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
    for (std::size_t v = 0; v < bindings_.size(); ++v) {
        const Binding& b = bindings_[v];
        const float stretch = stretchOf[static_cast<float>(b.segment) + b.along < keptEnd ? 0 : 1];
        const float inverseStretch = 1.0f / stretch;
        const Frame f = frameOn(b.segment, b.along);
        axisPoints_[v] = f.point + stretch * b.offset.x * f.tangent;
        positions_[v] = axisPoints_[v] + thicken * (b.offset.y * f.normal + b.offset.z * f.binormal);
        // Normals transform by the inverse transpose of the local scaling.
        const glm::vec3 n = inverseStretch * b.localNormal.x * f.tangent +
                            inverseThicken * (b.localNormal.y * f.normal + b.localNormal.z * f.binormal);
        normals_[v] = n * (1.0f / std::sqrt(std::max(glm::dot(n, n), 1e-24f)));
    }
    // Volume goes with the square of the cross-section scale. Only for a closed mesh with a real
    // volume; the clamp keeps a broken mesh from ballooning. Normals keep the nominal scale: the
    // correction is a few percent and does not visibly change shading.
    volumeCorrection_ = 1.0f;
    if (std::abs(neutralVolume_) >= 1e-12f) {
        const float ratio = neutralVolume_ / enclosedVolume(positions_, indices_, smoothLine_[kSmoothSamples / 2]);
        if (ratio > 0.0f) {
            volumeCorrection_ = std::clamp(std::sqrt(ratio), 0.8f, 1.25f);
            for (std::size_t v = 0; v < positions_.size(); ++v)
                positions_[v] = axisPoints_[v] + volumeCorrection_ * (positions_[v] - axisPoints_[v]);
        }
    }
    applyAnchor(currentCentreLine);
}

}  // namespace psoas
