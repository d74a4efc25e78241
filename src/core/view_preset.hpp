#pragma once
// The seven standard anatomical views, reachable with the top-row digits 1-7 and --view.

#include "core/orbit_camera.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace psoas {

enum class ViewPreset { Anterior, Posterior, Left, Right, Superior, Inferior, Oblique };

inline constexpr std::array<ViewPreset, 7> kAllViewPresets{ViewPreset::Anterior, ViewPreset::Posterior,
                                                           ViewPreset::Left,     ViewPreset::Right,
                                                           ViewPreset::Superior, ViewPreset::Inferior,
                                                           ViewPreset::Oblique};

std::string_view toString(ViewPreset preset);  // "anterior", …
std::optional<ViewPreset> parseViewPreset(std::string_view name);

// A pose that looks at the whole of `bounds` from the preset's direction, filling the view.
CameraPose framePreset(ViewPreset preset, const Bounds& bounds, float fovYDegrees, float aspect);
// Keeps the current direction and moves in or out so `bounds` fills the view: double-click focus.
CameraPose frameBounds(const CameraPose& current, const Bounds& bounds, float fovYDegrees, float aspect);

}  // namespace psoas
