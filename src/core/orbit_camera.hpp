#pragma once
// The viewer's camera: it orbits a target point, as in every 3D viewer a teacher has used.
// Pure maths, no GL: the same camera drives the window, the screenshots and the picking tests.

#include "core/mesh.hpp"

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <optional>

namespace psoas {

struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f};  // unit length
};

// Where the camera is: it looks at `target` from `distance` away, turned by yaw about +Y
// (0 = from the front, +Z) and tilted by pitch (positive = from above).
struct CameraPose {
    glm::vec3 target{0.0f};
    float distance = 1.0f;
    float yawDegrees = 0.0f;
    float pitchDegrees = 0.0f;
    bool operator==(const CameraPose&) const = default;
};

// A camera's view of one viewport, its basis worked out once: for projecting or casting rays at
// many points in one frame (labels project every triangle centre of a structure, every frame).
// Gives exactly what OrbitCamera::project and rayThrough give, which are made from it.
struct ViewProjector {
    glm::vec3 eye{0.0f}, forward{0.0f, 0.0f, -1.0f}, right{1.0f, 0.0f, 0.0f}, up{0.0f, 1.0f, 0.0f};  // scene frame; unit axes
    float tanHalf = 1.0f;  // tan(fovY / 2)
    glm::vec2 viewport{1.0f};  // pixels
    float aspect = 1.0f;       // viewport width / height

    // The ray from the eye through a pixel (origin top-left, as mouse coordinates come).
    [[nodiscard]] Ray rayThrough(glm::vec2 pixels) const;
    // Where a point lands on screen, in pixels from the top-left.
    [[nodiscard]] glm::vec2 project(const glm::vec3& point) const;
    // How far in front of the eye a point lies, along the view direction (metres; <= 0: behind).
    [[nodiscard]] float depthOf(const glm::vec3& point) const;
};

class OrbitCamera {
public:
    // Pitch stops just short of the poles so "up" stays defined in superior and inferior views.
    static constexpr float kMaxPitchDegrees = 89.9f;
    static constexpr float kMinDistance = 0.01f;  // 1 cm: closer than any structure is worth viewing
    static constexpr float kMaxDistance = 50.0f;

    CameraPose pose;
    float fovYDegrees = 30.0f;  // narrow enough that bones keep their proportions, wide enough to feel 3D

    [[nodiscard]] glm::vec3 eye() const;
    [[nodiscard]] glm::vec3 forward() const;  // unit, from eye to target
    [[nodiscard]] glm::vec3 right() const;    // unit, screen right
    [[nodiscard]] glm::vec3 up() const;       // unit, screen up
    [[nodiscard]] glm::mat4 view() const;
    // Near and far planes hug the scene's bounds so depth precision is spent where the model is.
    [[nodiscard]] glm::mat4 projection(float aspect, const Bounds& scene) const;

    // Turns the camera about the target by a mouse drag in pixels (dx right, dy down).
    void orbit(glm::vec2 dragPixels);
    // Moves target and eye together so the point at the target's depth follows the cursor.
    void pan(glm::vec2 dragPixels, glm::vec2 viewportPixels);
    // Moves toward `anchor` by `factor` of the distance (< 1 closer) keeping `anchor` at the same
    // place on screen: zoom toward the point under the cursor.
    void zoomToward(const glm::vec3& anchor, float factor);

    [[nodiscard]] ViewProjector projector(glm::vec2 viewportPixels) const;
    // The ray from the eye through a pixel (origin top-left, as mouse coordinates come).
    [[nodiscard]] Ray rayThrough(glm::vec2 cursorPixels, glm::vec2 viewportPixels) const;
    // Where a point lands on screen, in pixels from the top-left.
    [[nodiscard]] glm::vec2 project(const glm::vec3& point, glm::vec2 viewportPixels) const;
    // Where the cursor's ray meets the plane through the target facing the camera.
    [[nodiscard]] glm::vec3 pointOnTargetPlane(glm::vec2 cursorPixels, glm::vec2 viewportPixels) const;
};

// The part of the screen a box covers, as {left, bottom, right, top} in normalised device
// coordinates (-1 to 1, y up), clamped to the screen; nullopt when the box reaches behind the eye
// (then it may cover anything). Empty boxes give an empty rectangle (left > right).
[[nodiscard]] std::optional<glm::vec4> screenRectOf(const Bounds& box, const glm::mat4& viewProjection);

}  // namespace psoas
