#pragma once
// What a lesson's exported slides look like: their size in pixels and the background behind the
// model. The window's export offers a few sizes and two backgrounds (ui/export_dialog), remembers
// the teacher's choice in the settings file, and the slides, the handout and the status lines all
// read it from one SlideFormat. --export-lesson builds one from --size and --background.

#include "core/background.hpp"

#include <glm/vec2.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace psoas {

struct SlideFormat {
    glm::ivec2 size{1920, 1080};  // pixels
    Background background = Background::Dark;
    friend bool operator==(const SlideFormat& a, const SlideFormat& b) { return a.size == b.size && a.background == b.background; }
    friend bool operator!=(const SlideFormat& a, const SlideFormat& b) { return !(a == b); }
};

// A size the export offers, and what it suits, in the teacher's words.
struct SlideSize {
    glm::ivec2 size;
    std::string_view use;
};
// Smallest first; 1920x1080 is the default (SlideFormat{}).
inline constexpr std::array<SlideSize, 4> kSlideSizes{{
    {{1280, 720}, "older projectors, small files"},
    {{1920, 1080}, "projectors and screens (full HD)"},
    {{2560, 1440}, "large screens"},
    {{3840, 2160}, "print, 4K screens"},
}};

// A background the export offers (dark and white; a transparent slide is --export-lesson's), and
// what it suits.
struct SlideBackground {
    Background background;
    std::string_view use;
};
inline constexpr std::array<SlideBackground, 2> kSlideBackgrounds{{
    {Background::Dark, "on a screen or projector"},
    {Background::White, "handouts and print (saves ink)"},
}};

// Index of `size` in kSlideSizes, or nullopt for a size the export does not offer.
[[nodiscard]] std::optional<std::size_t> slideSizeIndex(glm::ivec2 size);
// Whether the window's export offers `background`.
[[nodiscard]] bool slideBackgroundOffered(Background background);
// "1920x1080".
[[nodiscard]] std::string sizeText(glm::ivec2 size);
// "1920x1080, white background": what the status line and the handout say about the slides.
[[nodiscard]] std::string slideFormatText(const SlideFormat& format);

}  // namespace psoas
