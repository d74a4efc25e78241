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

// The 3D view's shape a lesson's camera table is written for: the 1280x720 window beside its 330 px
// side panel (950 x 720), where the shipped lessons were framed and checked, and their baselines are.
inline constexpr float kAuthoredViewAspect = 950.0f / 720.0f;

// A step's camera table in a view of `aspect` (width / height): in a view narrower than the one it
// was written for (presenter mode's caption beside the model), it moves back just enough that the
// width the author framed still shows; in a wider one it is kept, which keeps the author's height.
// The distance grows by kAuthoredViewAspect / aspect at most (the horizontal field of view is taken
// as proportional to the aspect, true for the project's 30-50 degree fields to a few per cent).
CameraPose fitAuthoredCamera(const CameraPose& authored, float aspect);
// The inverse: the camera table that fitAuthoredCamera turns into `seen` in a view of `aspect`, so
// a view captured into a step (core/step_capture) looks the same when the step is shown again in
// a view of that shape.
CameraPose authoredCamera(const CameraPose& seen, float aspect);

}  // namespace psoas
