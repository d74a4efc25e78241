#pragma once
// Which structure is under the cursor: a ray cast against the triangles of the visible meshes.

#include "core/orbit_camera.hpp"
#include "core/scene.hpp"
#include "core/visibility.hpp"

#include <optional>

namespace psoas {

struct PickHit {
    int structure = -1;
    float distance = 0.0f;  // along the ray, metres
    glm::vec3 point{0.0f};  // where the ray hit, scene frame, in the pose shown (metres)
    // The same place on the structure's mesh as the atlas holds it (scene frame, neutral standing:
    // the frame of its landmarks): the hit triangle's own point at the same barycentric weights, so
    // a bent muscle's hit maps back to where that part of the muscle lies unbent.
    glm::vec3 neutralPoint{0.0f};
};

// Distance along the ray to the triangle (either side), if it is hit.
std::optional<float> intersectTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);
// Distance along the ray to where it enters the box (0 when it starts inside), if it is hit.
std::optional<float> intersectBounds(const Ray& ray, const Bounds& bounds);

class SceneMotion;

// The nearest visible, not faded, structure the ray hits, in the pose `motion` has placed the scene
// in (the neutral pose when null). `skip`: a structure the ray passes through (what lies behind it).
std::optional<PickHit> pick(const Scene& scene, const Visibility& visibility, const Ray& ray,
                            const SceneMotion* motion = nullptr, int skip = -1);

}  // namespace psoas
