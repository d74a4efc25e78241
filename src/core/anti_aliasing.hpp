#pragma once
// How the 3D view's edges are smoothed (render/scene_smoothing.hpp does it). A plain choice kept
// in settings and on the command line, so it lives here, free of GL.

#include <array>
#include <optional>
#include <string_view>

namespace psoas {

enum class AntiAliasing {
    EdgeFilter,   // "edge": one post-process pass; cheap on software GL (the default)
    Multisample,  // "msaa": 4x MSAA; the best edges where a GPU makes it cheap
    Off,          // "off": the fastest, with stair-stepped edges
};

struct AntiAliasingName {
    AntiAliasing value;
    std::string_view name;   // in settings and on the command line: "msaa"
    std::string_view label;  // on the panel: "MSAA 4x edges"
};
// The one name table for the command line, the settings file and the panel, in the panel's order.
inline constexpr std::array<AntiAliasingName, 3> kAntiAliasingNames{{
    {AntiAliasing::EdgeFilter, "edge", "Smooth edges"},
    {AntiAliasing::Multisample, "msaa", "MSAA 4x edges"},
    {AntiAliasing::Off, "off", "Jagged edges"},
}};

std::string_view toString(AntiAliasing mode);
std::optional<AntiAliasing> antiAliasingFrom(std::string_view name);

}  // namespace psoas
