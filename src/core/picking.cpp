#include "core/picking.hpp"

#include "core/scene_motion.hpp"

#include <glm/matrix.hpp>

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace psoas {

std::optional<float> intersectTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    // Möller–Trumbore: solve origin + t·dir = a + u·(b−a) + v·(c−a) by Cramer's rule.
    const glm::vec3 ab = b - a, ac = c - a;
    const glm::vec3 p = glm::cross(ray.direction, ac);
    const float det = glm::dot(ab, p);
    if (std::abs(det) < 1e-12f) return std::nullopt;  // ray parallel to the triangle
    const float inv = 1.0f / det;
    const glm::vec3 s = ray.origin - a;
    const float u = glm::dot(s, p) * inv;
    if (u < 0.0f || u > 1.0f) return std::nullopt;
    const glm::vec3 q = glm::cross(s, ab);
    const float v = glm::dot(ray.direction, q) * inv;
    if (v < 0.0f || u + v > 1.0f) return std::nullopt;
    const float t = glm::dot(ac, q) * inv;
    if (t < 0.0f) return std::nullopt;
    return t;
}

std::optional<float> intersectBounds(const Ray& ray, const Bounds& bounds) {
    if (bounds.empty()) return std::nullopt;
    float enter = 0.0f, leave = std::numeric_limits<float>::max();
    for (int axis = 0; axis < 3; ++axis) {
        const float inv = 1.0f / ray.direction[axis];  // ±inf for axis-parallel rays is what the slabs need
        float t0 = (bounds.min[axis] - ray.origin[axis]) * inv;
        float t1 = (bounds.max[axis] - ray.origin[axis]) * inv;
        if (t0 > t1) std::swap(t0, t1);
        enter = std::max(enter, std::isnan(t0) ? enter : t0);
        leave = std::min(leave, std::isnan(t1) ? leave : t1);
        if (enter > leave) return std::nullopt;
    }
    return enter;
}

namespace {
// The point of triangle `corners` (three indices) in `neutral` with the barycentric weights that
// `point` has in the same triangle of `posed`.
glm::vec3 sameSpotOn(const std::vector<glm::vec3>& neutral, const std::vector<glm::vec3>& posed, const std::uint32_t* corners,
                     const glm::vec3& point) {
    if (&neutral == &posed) return point;
    const glm::vec3 a = posed[corners[0]], ab = posed[corners[1]] - a, ac = posed[corners[2]] - a, ap = point - a;
    const float d00 = glm::dot(ab, ab), d01 = glm::dot(ab, ac), d11 = glm::dot(ac, ac);
    const float d20 = glm::dot(ap, ab), d21 = glm::dot(ap, ac);
    const float det = d00 * d11 - d01 * d01;
    if (std::abs(det) < 1e-20f) return neutral[corners[0]];  // a degenerate triangle: its first corner
    const float v = (d11 * d20 - d01 * d21) / det, w = (d00 * d21 - d01 * d20) / det;
    return (1.0f - v - w) * neutral[corners[0]] + v * neutral[corners[1]] + w * neutral[corners[2]];
}

// Faded structures are see-through for the mouse too: a click reaches what shows behind them.
bool pickable(const Visibility& visibility, std::size_t s, int skip) {
    if (static_cast<int>(s) == skip) return false;
    return s >= visibility.size() || (visibility.visible(s) && visibility.opacity(s) >= 0.5f);
}
}  // namespace

std::optional<PickHit> pick(const Scene& scene, const Visibility& visibility, const Ray& ray, const SceneMotion* motion, int skip) {
    std::optional<PickHit> best;
    for (std::size_t s = 0; s < scene.structures.size(); ++s) {
        if (!pickable(visibility, s, skip)) continue;
        const MeshData& mesh = scene.structures[s].mesh;
        // Rigid structures: test the ray in the structure's own frame (a rigid transform keeps
        // distances, so hit distances stay comparable). Bent ones: test their current vertices.
        Ray local = ray;
        const std::vector<glm::vec3>* positions = &mesh.positions;
        if (motion) {
            const glm::mat4 inverse = glm::inverse(motion->model(s));
            local = {glm::vec3(inverse * glm::vec4(ray.origin, 1.0f)), glm::normalize(glm::mat3(inverse) * ray.direction)};
            if (const auto* bent = motion->positions(s)) positions = bent;
        }
        if (positions == &mesh.positions) {
            const auto boxHit = intersectBounds(local, mesh.bounds);
            if (!boxHit || (best && *boxHit > best->distance)) continue;  // cannot beat the nearest hit
        }
        for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
            const auto t = intersectTriangle(local, (*positions)[mesh.indices[i]], (*positions)[mesh.indices[i + 1]],
                                             (*positions)[mesh.indices[i + 2]]);
            if (t && (!best || *t < best->distance)) {
                const glm::vec3 neutral = sameSpotOn(mesh.positions, *positions, &mesh.indices[i], local.origin + local.direction * *t);
                best = PickHit{static_cast<int>(s), *t, ray.origin + ray.direction * *t, neutral};
            }
        }
    }
    return best;
}

}  // namespace psoas
