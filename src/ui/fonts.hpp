#pragma once
// The UI's typeface: DejaVu Sans rasterised at the UI scale, so text stays crisp on a projector
// and at any zoom, with Latin, Greek and Cyrillic glyphs for lessons in teachers' own languages.

#include <imgui.h>

#include <memory>
#include <string>
#include <string_view>

struct ImFont;

namespace psoas::ui {

struct FontCharacters;  // fonts.cpp

struct UiFonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;  // larger, for titles and captions
    ImFont* bold = nullptr;     // body size, for **bold** in lesson text
    ImFont* italic = nullptr;
    ImFont* boldItalic = nullptr;
    std::string warning;        // one line when something is missing: a face (its style falls back to regular, or
                                // all to ImGui's font), or an installed font for some characters (ui/font_fallback.hpp)
    // The character lists the faces were added with. ImGui's atlas keeps pointers to them and reads
    // them again whenever it is built, so they live as long as these fonts: each screen's context
    // (app/ui_backend) has its own atlas and its own lists.
    std::shared_ptr<const FontCharacters> characters;
};

// The characters the fonts hold. Rasterising every Latin, Greek and Cyrillic glyph in five faces
// filled a 2048 x 2048 atlas and took ~0.3 s of start-up on software GL; the program only ever
// shows the interface's own text plus what its lessons, atlas and poses say. So the fonts hold a
// base set (Latin-1, punctuation, arrows: everything the interface's own strings use, checked by
// a test) and every character of the texts added; adding text with a new character makes the
// fonts stale, and the app rebuilds them between frames.
class GlyphCoverage {
public:
    GlyphCoverage();
    // Adds every character of a UTF-8 text; true when one of them was not covered before.
    bool add(std::string_view utf8);
    [[nodiscard]] bool covers(ImWchar c) const { return builder_.GetBit(c); }
    // Zero-terminated pairs of first/last characters, as ImGui's font loader takes them.
    [[nodiscard]] ImVector<ImWchar> ranges() const;

private:
    ImFontGlyphRangesBuilder builder_;
};

// Replaces the current ImGui context's font atlas; call before the first frame or between frames
// (then the renderer backend must rebuild its font texture). Sizes scale with `uiScale`. Keep the
// result while the atlas is in use: it holds what the atlas reads when it is built.
[[nodiscard]] UiFonts loadFonts(float uiScale, const GlyphCoverage& glyphs, const std::string& fontFile = "");

// The DejaVu Sans file this build was configured with.
std::string defaultFontFile();

}  // namespace psoas::ui
