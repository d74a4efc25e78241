#include "core/motion/muscle_deformer.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

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

// Enclosed volume by the divergence theorem (signed tetrahedra to the origin), in double: the
// sum of many small signed terms loses too much in float.
double enclosedVolume(const std::vector<glm::vec3>& positions, const std::vector<std::uint32_t>& indices) {
    double volume = 0.0;
    for (std::size_t i = 0; i + 2 < indices.size(); i += 3)
        volume += glm::dot(glm::dvec3(positions[indices[i]]),
                           glm::cross(glm::dvec3(positions[indices[i + 1]]), glm::dvec3(positions[indices[i + 2]])));
    return volume / 6.0;
}

}  // namespace

void MuscleDeformer::smoothLine(std::span<const glm::vec3> line) {
    float total = 0.0f;
    for (std::size_t i = 1; i < line.size(); ++i) total += glm::length(line[i] - line[i - 1]);
    std::size_t segment = 0;
    float segmentStart = 0.0f;
    for (std::size_t k = 0; k < kSmoothSamples; ++k) {
        const float arc = total * static_cast<float>(k) / static_cast<float>(kSmoothSamples - 1);
        float segmentLength = glm::length(line[segment + 1] - line[segment]);
        while (segment + 2 < line.size() && arc > segmentStart + segmentLength) {
            segmentStart += segmentLength;
            ++segment;
            segmentLength = glm::length(line[segment + 1] - line[segment]);
        }
        const float t = segmentLength > 1e-9f ? glm::clamp((arc - segmentStart) / segmentLength, 0.0f, 1.0f) : 0.0f;
        smoothLine_[k] = glm::mix(line[segment], line[segment + 1], t);
    }
    for (int pass = 0; pass < kSmoothingPasses; ++pass) {
        scratch_ = smoothLine_;  // same size every time: copies, never allocates
        for (std::size_t k = 1; k + 1 < kSmoothSamples; ++k)
            smoothLine_[k] = 0.25f * scratch_[k - 1] + 0.5f * scratch_[k] + 0.25f * scratch_[k + 1];
    }
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

MuscleDeformer::Frame MuscleDeformer::frameAtArc(float arc) const {
    const std::size_t last = arcLengths_.size() - 1;
    // Binary search over the cumulative arc lengths for the segment holding `arc`.
    const auto above = std::upper_bound(arcLengths_.begin(), arcLengths_.end(), arc);
    std::size_t segment = above == arcLengths_.begin() ? 0 : static_cast<std::size_t>(above - arcLengths_.begin()) - 1;
    segment = std::min(segment, last - 1);
    const float span = arcLengths_[segment + 1] - arcLengths_[segment];
    const float t = span > 1e-9f ? glm::clamp((arc - arcLengths_[segment]) / span, 0.0f, 1.0f) : 0.0f;
    const Frame& a = vertexFrames_[segment];
    const Frame& b = vertexFrames_[segment + 1];
    Frame frame;
    frame.point = glm::mix(a.point, b.point, t);
    frame.tangent = glm::normalize(glm::mix(a.tangent, b.tangent, t));
    frame.normal = perpendicular(frame.tangent, glm::mix(a.normal, b.normal, t));
    frame.binormal = glm::cross(frame.tangent, frame.normal);
    return frame;
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
        float bestArc = 0.0f;
        for (std::size_t s = 0; s + 1 < kSmoothSamples; ++s) {
            const glm::vec3 a = smoothLine_[s];
            const glm::vec3 d = smoothLine_[s + 1] - a;
            const float t = glm::clamp(glm::dot(p - a, d) / std::max(glm::dot(d, d), 1e-12f), 0.0f, 1.0f);
            const float distance = glm::length(p - (a + t * d));
            if (distance < bestDistance) {
                bestDistance = distance;
                bestArc = arcLengths_[s] + t * (arcLengths_[s + 1] - arcLengths_[s]);
            }
        }
        const Frame f = frameAtArc(bestArc);
        const glm::vec3 o = p - f.point;
        const glm::vec3 n = v < neutral.normals.size() ? neutral.normals[v] : glm::vec3(0.0f);
        bindings_.push_back({bestArc / neutralLength_, {glm::dot(o, f.tangent), glm::dot(o, f.normal), glm::dot(o, f.binormal)},
                             {glm::dot(n, f.tangent), glm::dot(n, f.normal), glm::dot(n, f.binormal)}});
    }
    positions_ = neutral.positions;
    axisPoints_ = neutral.positions;
    const bool indicesValid = std::all_of(neutral.indices.begin(), neutral.indices.end(),
                                          [&](std::uint32_t i) { return i < neutral.positions.size(); });
    if (indicesValid) {
        indices_ = neutral.indices;
        neutralVolume_ = enclosedVolume(positions_, indices_);
    }
    normals_.assign(neutral.positions.size(), glm::vec3(0.0f, 1.0f, 0.0f));
    for (std::size_t v = 0; v < neutral.normals.size() && v < normals_.size(); ++v) normals_[v] = neutral.normals[v];
}

void MuscleDeformer::deform(std::span<const glm::vec3> currentCentreLine) {
    if (currentCentreLine.size() != linePoints_)
        throw std::invalid_argument("the current centre line must have as many points as the neutral one");
    smoothLine(currentCentreLine);
    buildFrames();
    const float length = std::max(arcLengths_.back(), 1e-6f);
    const float stretch = length / neutralLength_;
    const float thicken = std::sqrt(neutralLength_ / length);  // area x L0/L: volume kept
    for (std::size_t v = 0; v < bindings_.size(); ++v) {
        const Binding& b = bindings_[v];
        const Frame f = frameAtArc(b.arcFraction * length);
        axisPoints_[v] = f.point + stretch * b.offset.x * f.tangent;
        positions_[v] = axisPoints_[v] + thicken * (b.offset.y * f.normal + b.offset.z * f.binormal);
        // Normals transform by the inverse transpose of the local scaling.
        const glm::vec3 n = b.localNormal.x / stretch * f.tangent + (b.localNormal.y * f.normal + b.localNormal.z * f.binormal) / thicken;
        const float nLength = glm::length(n);
        if (nLength > 1e-12f) normals_[v] = n / nLength;
    }
    // Volume goes with the square of the cross-section scale. Only for a closed mesh with a real
    // volume; the clamp keeps a broken mesh from ballooning. Normals keep the nominal scale: the
    // correction is a few percent and does not visibly change shading.
    volumeCorrection_ = 1.0f;
    if (std::abs(neutralVolume_) < 1e-12) return;
    const double ratio = neutralVolume_ / enclosedVolume(positions_, indices_);
    if (!(ratio > 0.0)) return;
    volumeCorrection_ = static_cast<float>(std::clamp(std::sqrt(ratio), 0.8, 1.25));
    for (std::size_t v = 0; v < positions_.size(); ++v)
        positions_[v] = axisPoints_[v] + volumeCorrection_ * (positions_[v] - axisPoints_[v]);
}

}  // namespace psoas
