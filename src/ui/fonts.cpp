#include "ui/fonts.hpp"

#include <imgui.h>

#include <filesystem>

namespace psoas::ui {

namespace {
// 17 px body text at scale 1 reads comfortably on a laptop; presenter mode multiplies it.
constexpr float kBodyPixels = 17.0f;
constexpr float kHeadingPixels = 22.0f;

const ImWchar* glyphRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
        0x0100, 0x024F,  // Latin Extended-A and -B
        0x0370, 0x03FF,  // Greek and Coptic
        0x0400, 0x052F,  // Cyrillic + Supplement
        0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese and others)
        0x2000, 0x206F,  // General Punctuation: dashes, quotes, bullet, ellipsis
        0x2190, 0x21FF,  // Arrows for key hints
        0x2212, 0x2212,  // minus sign
        0,
    };
    return ranges;
}
}  // namespace

std::string defaultFontFile() { return PSOAS_DEFAULT_FONT; }

UiFonts loadFonts(float uiScale, const std::string& fontFile) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::string regular = fontFile.empty() ? defaultFontFile() : fontFile;
    const std::filesystem::path folder = std::filesystem::path(regular).parent_path();

    UiFonts fonts;
    ImFontConfig config;
    config.OversampleH = 2;  // sharper horizontal edges for small text at little memory cost
    config.OversampleV = 1;
    if (std::filesystem::exists(regular)) {
        fonts.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), kBodyPixels * uiScale, &config, glyphRanges());
        // Each style falls back to the regular face when its file is missing: plainer, still readable.
        auto face = [&](const char* name, float pixels) {
            const std::filesystem::path file = folder / name;
            const std::string path = std::filesystem::exists(file) ? file.string() : regular;
            return io.Fonts->AddFontFromFileTTF(path.c_str(), pixels * uiScale, &config, glyphRanges());
        };
        fonts.heading = face("DejaVuSans-Bold.ttf", kHeadingPixels);
        fonts.bold = face("DejaVuSans-Bold.ttf", kBodyPixels);
        fonts.italic = face("DejaVuSans-Oblique.ttf", kBodyPixels);
        fonts.boldItalic = face("DejaVuSans-BoldOblique.ttf", kBodyPixels);
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
