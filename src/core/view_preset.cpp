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

float distanceToFit(const Bounds& bounds, float fovYDegrees, float aspect) {
    const float radius = std::max(bounds.empty() ? 1.0f : bounds.radius(), 1e-3f);
    const float halfY = glm::radians(fovYDegrees) * 0.5f;
    const float halfX = std::atan(std::tan(halfY) * std::max(aspect, 1e-3f));
    // The bounding sphere just fits the narrower field of view; 5 % margin so nothing touches the edge.
    return 1.05f * radius / std::sin(std::min(halfX, halfY));
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
    return {bounds.empty() ? glm::vec3(0.0f) : bounds.centre(), distanceToFit(bounds, fovYDegrees, aspect),
            angles.yaw, angles.pitch};
}

CameraPose frameBounds(const CameraPose& current, const Bounds& bounds, float fovYDegrees, float aspect) {
    CameraPose pose = current;
    pose.target = bounds.centre();
    pose.distance = std::clamp(distanceToFit(bounds, fovYDegrees, aspect), OrbitCamera::kMinDistance,
                               OrbitCamera::kMaxDistance);
    return pose;
}

}  // namespace psoas
