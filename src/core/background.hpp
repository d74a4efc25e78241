#pragma once
// What lies behind the 3D view in a picture: dark for the screen, white or transparent for slides.
// One name table serves the command line (--background), the settings file and the panel.

#include <glm/vec4.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace psoas {

enum class Background { Dark, White, Transparent };

struct BackgroundName {
    Background value;
    std::string_view name;   // command line and settings file: "transparent"
    std::string_view label;  // on the panel: "Transparent"
};
// In the order the panel lists them.
inline constexpr std::array<BackgroundName, 3> kBackgroundNames{{
    {Background::Dark, "dark", "Dark"},
    {Background::White, "white", "White"},
    {Background::Transparent, "transparent", "Transparent"},
}};

std::string_view toString(Background background);
std::optional<Background> backgroundFrom(std::string_view name);
// The colour the 3D view is cleared to (RGBA, 0..1): transparent is alpha 0.
glm::vec4 clearColour(Background background);

}  // namespace psoas
