#include "core/orbit_camera.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

#include <algorithm>
#include <cmath>

namespace psoas {

namespace {
// 0.3° per pixel: a drag across a 1280-pixel window turns the model about once, as in most viewers.
constexpr float kOrbitDegreesPerPixel = 0.3f;

glm::vec3 directionFromTarget(const CameraPose& pose) {
    const float yaw = glm::radians(pose.yawDegrees), pitch = glm::radians(pose.pitchDegrees);
    return {std::cos(pitch) * std::sin(yaw), std::sin(pitch), std::cos(pitch) * std::cos(yaw)};
}
}  // namespace

glm::vec3 OrbitCamera::eye() const { return pose.target + directionFromTarget(pose) * pose.distance; }
glm::vec3 OrbitCamera::forward() const { return -directionFromTarget(pose); }
glm::vec3 OrbitCamera::right() const { return glm::normalize(glm::cross(forward(), glm::vec3(0, 1, 0))); }
glm::vec3 OrbitCamera::up() const { return glm::cross(right(), forward()); }

glm::mat4 OrbitCamera::view() const { return glm::lookAt(eye(), pose.target, up()); }

glm::mat4 OrbitCamera::projection(float aspect, const Bounds& scene) const {
    float nearPlane = pose.distance * 0.01f, farPlane = pose.distance * 4.0f;
    if (!scene.empty()) {
        const float toCentre = glm::length(scene.centre() - eye());
        const float radius = scene.radius();
        farPlane = std::max(farPlane, toCentre + radius * 1.5f);
        nearPlane = std::max(std::min(nearPlane, toCentre - radius * 1.5f), farPlane * 1e-4f);
    }
    return glm::perspective(glm::radians(fovYDegrees), std::max(aspect, 1e-3f), nearPlane, farPlane);
}

void OrbitCamera::orbit(glm::vec2 dragPixels) {
    pose.yawDegrees = std::fmod(pose.yawDegrees - dragPixels.x * kOrbitDegreesPerPixel, 360.0f);
    pose.pitchDegrees = std::clamp(pose.pitchDegrees + dragPixels.y * kOrbitDegreesPerPixel, -kMaxPitchDegrees,
                                   kMaxPitchDegrees);
}

void OrbitCamera::pan(glm::vec2 dragPixels, glm::vec2 viewportPixels) {
    const float worldPerPixel =
        2.0f * pose.distance * std::tan(glm::radians(fovYDegrees) * 0.5f) / std::max(viewportPixels.y, 1.0f);
    pose.target += (-right() * dragPixels.x + up() * dragPixels.y) * worldPerPixel;
}

void OrbitCamera::zoomToward(const glm::vec3& anchor, float factor) {
    const float newDistance = std::clamp(pose.distance * factor, kMinDistance, kMaxDistance);
    const float applied = newDistance / pose.distance;
    // Scaling the eye toward the anchor keeps the viewing direction, so the anchor stays on the
    // same ray from the eye and therefore under the same pixel.
    pose.target = anchor + (pose.target - anchor) * applied;
    pose.distance = newDistance;
}

ViewProjector OrbitCamera::projector(glm::vec2 viewportPixels) const {
    ViewProjector view;
    view.eye = eye();
    view.forward = forward();
    view.right = right();
    view.up = up();
    view.tanHalf = std::tan(glm::radians(fovYDegrees) * 0.5f);
    view.viewport = viewportPixels;
    view.aspect = viewportPixels.x / std::max(viewportPixels.y, 1.0f);
    return view;
}

Ray ViewProjector::rayThrough(glm::vec2 pixels) const {
    const glm::vec2 ndc{2.0f * pixels.x / viewport.x - 1.0f, 1.0f - 2.0f * pixels.y / viewport.y};
    const glm::vec3 direction = forward + right * (ndc.x * tanHalf * aspect) + up * (ndc.y * tanHalf);
    return {eye, glm::normalize(direction)};
}

glm::vec2 ViewProjector::project(const glm::vec3& point) const {
    const glm::vec3 v = point - eye;
    const float depth = glm::dot(v, forward);
    const float ndcX = glm::dot(v, right) / (depth * tanHalf * aspect);
    const float ndcY = glm::dot(v, up) / (depth * tanHalf);
    return {(ndcX + 1.0f) * 0.5f * viewport.x, (1.0f - ndcY) * 0.5f * viewport.y};
}

float ViewProjector::depthOf(const glm::vec3& point) const { return glm::dot(point - eye, forward); }

Ray OrbitCamera::rayThrough(glm::vec2 cursorPixels, glm::vec2 viewportPixels) const { return projector(viewportPixels).rayThrough(cursorPixels); }

glm::vec2 OrbitCamera::project(const glm::vec3& point, glm::vec2 viewportPixels) const {
    return projector(viewportPixels).project(point);
}

glm::vec3 OrbitCamera::pointOnTargetPlane(glm::vec2 cursorPixels, glm::vec2 viewportPixels) const {
    const Ray ray = rayThrough(cursorPixels, viewportPixels);
    const float along = glm::dot(pose.target - ray.origin, forward()) / glm::dot(ray.direction, forward());
    return ray.origin + ray.direction * along;
}

std::optional<glm::vec4> screenRectOf(const Bounds& box, const glm::mat4& viewProjection) {
    glm::vec4 rect{1.0f, 1.0f, -1.0f, -1.0f};
    if (box.empty()) return rect;
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec4 clip = viewProjection * glm::vec4(box.corner(corner), 1.0f);
        if (clip.w <= 1e-6f) return std::nullopt;
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        rect = {std::min(rect.x, ndc.x), std::min(rect.y, ndc.y), std::max(rect.z, ndc.x), std::max(rect.w, ndc.y)};
    }
    return glm::clamp(rect, glm::vec4(-1.0f), glm::vec4(1.0f));
}

}  // namespace psoas
