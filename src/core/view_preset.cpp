#include "core/view_preset.hpp"

#include <glm/trigonometric.hpp>

#include <algorithm>
#include <cmath>

namespace psoas {

namespace {
struct PresetAngles {
    ViewPreset preset;
    std::string_view name;
    float yaw;
    float pitch;
};

// Yaw 0 looks from the front (+Z). Superior and inferior views keep anterior at the top of the
// screen, as anatomy atlases draw them. Oblique: from the front-left and a little above, the view
// that shows the psoas running from spine to femur in one picture.
constexpr PresetAngles kPresets[] = {
    {ViewPreset::Anterior, "anterior", 0.0f, 0.0f},
    {ViewPreset::Posterior, "posterior", 180.0f, 0.0f},
    {ViewPreset::Left, "left", 90.0f, 0.0f},
    {ViewPreset::Right, "right", -90.0f, 0.0f},
    {ViewPreset::Superior, "superior", 180.0f, OrbitCamera::kMaxPitchDegrees},
    {ViewPreset::Inferior, "inferior", 0.0f, -OrbitCamera::kMaxPitchDegrees},
    {ViewPreset::Oblique, "oblique", 35.0f, 20.0f},
};

const PresetAngles& anglesOf(ViewPreset preset) {
    return *std::find_if(std::begin(kPresets), std::end(kPresets), [&](const auto& p) { return p.preset == preset; });
}

// The distance at which every corner of the box, seen from this direction, is inside the field
// of view: tighter than a bounding sphere, so a tall skeleton seen from above still fills the view.
float distanceToFit(const Bounds& bounds, float yawDegrees, float pitchDegrees, float fovYDegrees, float aspect) {
    if (bounds.empty()) return 1.0f;
    OrbitCamera camera;
    camera.pose = {bounds.centre(), 1.0f, yawDegrees, pitchDegrees};
    const float tanY = std::tan(glm::radians(fovYDegrees) * 0.5f);
    const float tanX = tanY * std::max(aspect, 1e-3f);
    float distance = 1e-3f;
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 offset = bounds.corner(corner) - bounds.centre();
        const float towardCamera = -glm::dot(offset, camera.forward());
        distance = std::max({distance, std::abs(glm::dot(offset, camera.right())) / tanX + towardCamera,
                             std::abs(glm::dot(offset, camera.up())) / tanY + towardCamera});
    }
    return distance * 1.06f;  // 6 % margin: nothing touches the edge of the picture
}
}  // namespace

std::string_view toString(ViewPreset preset) { return anglesOf(preset).name; }

std::optional<ViewPreset> parseViewPreset(std::string_view name) {
    for (const auto& p : kPresets)
        if (p.name == name) return p.preset;
    return std::nullopt;
}

CameraPose framePreset(ViewPreset preset, const Bounds& bounds, float fovYDegrees, float aspect) {
    const PresetAngles& angles = anglesOf(preset);
    return {bounds.empty() ? glm::vec3(0.0f) : bounds.centre(),
            distanceToFit(bounds, angles.yaw, angles.pitch, fovYDegrees, aspect), angles.yaw, angles.pitch};
}

CameraPose frameBounds(const CameraPose& current, const Bounds& bounds, float fovYDegrees, float aspect) {
    CameraPose pose = current;
    pose.target = bounds.centre();
    pose.distance = std::clamp(distanceToFit(bounds, pose.yawDegrees, pose.pitchDegrees, fovYDegrees, aspect),
                               OrbitCamera::kMinDistance, OrbitCamera::kMaxDistance);
    return pose;
}

namespace {
float authoredDistanceFactor(float aspect) { return std::max(1.0f, kAuthoredViewAspect / std::max(aspect, 1e-3f)); }
}  // namespace

CameraPose fitAuthoredCamera(const CameraPose& authored, float aspect) {
    CameraPose pose = authored;
    pose.distance *= authoredDistanceFactor(aspect);
    return pose;
}

CameraPose authoredCamera(const CameraPose& seen, float aspect) {
    CameraPose pose = seen;
    pose.distance /= authoredDistanceFactor(aspect);
    return pose;
}

}  // namespace psoas
