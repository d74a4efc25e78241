#include "ui/fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <filesystem>

namespace psoas::ui {

namespace {
// 17 px body text at scale 1 reads comfortably on a laptop; presenter mode multiplies it.
constexpr float kBodyPixels = 17.0f;
constexpr float kHeadingPixels = 22.0f;

// Every character the interface's own strings use (tests/cpu/glyph_coverage_test.cpp checks the
// sources of src/ui and src/app against this), plus the punctuation lesson writers type. Not
// U+FFFD: ImGui sizes each font's lookup table by the highest character, and U+FFFD alone made
// those tables 2 MB; text with broken UTF-8 adds it when it is needed (else ImGui shows '?').
constexpr ImWchar kBaseRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (degree, plus-minus, middle dot, times)
    0x2000, 0x206F,  // General Punctuation: dashes, quotes, bullet, ellipsis
    0x2190, 0x21FF,  // Arrows for key hints
    0x2212, 0x2212,  // minus sign
    0,
};
}  // namespace

std::string defaultFontFile() { return PSOAS_DEFAULT_FONT; }

GlyphCoverage::GlyphCoverage() { builder_.AddRanges(kBaseRanges); }

bool GlyphCoverage::add(std::string_view utf8) {
    bool added = false;
    const char* text = utf8.data();
    const char* const end = text + utf8.size();
    while (text < end) {
        unsigned int c = 0;
        text += ImTextCharFromUtf8(&c, text, end);  // invalid bytes decode as U+FFFD, never 0 length
        // A NUL would end ImGui's list of ranges early; ImWchar holds the Basic Multilingual Plane only.
        if (c != 0 && c < 0x10000 && !builder_.GetBit(c)) {
            builder_.SetBit(c);
            added = true;
        }
    }
    return added;
}

ImVector<ImWchar> GlyphCoverage::ranges() const {
    ImFontGlyphRangesBuilder copy = builder_;  // BuildRanges is not const
    ImVector<ImWchar> ranges;
    copy.BuildRanges(&ranges);
    return ranges;
}

UiFonts loadFonts(float uiScale, const GlyphCoverage& glyphs, const std::string& fontFile) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::string regular = fontFile.empty() ? defaultFontFile() : fontFile;
    const std::filesystem::path folder = std::filesystem::path(regular).parent_path();

    UiFonts fonts;
    // The atlas keeps a pointer to the ranges until it is rebuilt: they live as long as the fonts.
    static ImVector<ImWchar> ranges;
    ranges = glyphs.ranges();
    ImFontConfig config;
    config.OversampleH = 2;  // sharper horizontal edges for small text at little memory cost
    config.OversampleV = 1;
    if (std::filesystem::exists(regular)) {
        fonts.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), kBodyPixels * uiScale, &config, ranges.Data);
        // Each style falls back to the regular face when its file is missing: plainer, still
        // readable, and said once, with the Debian package that brings the face.
        std::string missing;
        auto face = [&](const char* name, float pixels) {
            const std::filesystem::path file = folder / name;
            const bool present = std::filesystem::exists(file);
            if (!present && missing.find(name) == std::string::npos) {
                if (!missing.empty()) missing += ", ";
                missing += file.string();
            }
            const std::string path = present ? file.string() : regular;
            return io.Fonts->AddFontFromFileTTF(path.c_str(), pixels * uiScale, &config, ranges.Data);
        };
        fonts.heading = face("DejaVuSans-Bold.ttf", kHeadingPixels);
        fonts.bold = face("DejaVuSans-Bold.ttf", kBodyPixels);
        fonts.italic = face("DejaVuSans-Oblique.ttf", kBodyPixels);
        fonts.boldItalic = face("DejaVuSans-BoldOblique.ttf", kBodyPixels);
        if (!missing.empty())
            fonts.warning = "bold or italic lesson text is shown upright and regular: " + missing +
                            " not found; install fonts-dejavu-core and fonts-dejavu-extra";
    }
    if (!fonts.body || !fonts.heading) {
        fonts.warning = "font '" + regular + "' not found; install fonts-dejavu-core for readable text";
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * uiScale;
        fonts.body = fonts.heading = fonts.bold = fonts.italic = fonts.boldItalic = io.Fonts->AddFontDefault(&fallback);
    }
    io.FontDefault = fonts.body;
    return fonts;
}

}  // namespace psoas::ui
