#pragma once
// The UI's typeface: DejaVu Sans rasterised at the UI scale, so text stays crisp on a projector
// and at any zoom, with Latin, Greek and Cyrillic glyphs for lessons in teachers' own languages.

#include <string>

struct ImFont;

namespace psoas::ui {

struct UiFonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;  // larger, for titles and captions
    ImFont* bold = nullptr;     // body size, for **bold** in lesson text
    ImFont* italic = nullptr;
    ImFont* boldItalic = nullptr;
    std::string warning;        // non-empty when the TrueType font was missing and ImGui's fallback is used
};

// Replaces ImGui's font atlas; call before the first frame or between frames (then the renderer
// backend must rebuild its font texture). Sizes scale with `uiScale`.
UiFonts loadFonts(float uiScale, const std::string& fontFile = "");

// The DejaVu Sans file this build was configured with.
std::string defaultFontFile();

}  // namespace psoas::ui
