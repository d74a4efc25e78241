#include "ui/fonts.hpp"

#include "ui/font_fallback.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <filesystem>
#include <fstream>
#include <iterator>

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

// What an atlas's faces were added with (UiFonts::characters): the characters DejaVu covers, and
// those of the system font merged into each face.
struct FontCharacters {
    ImVector<ImWchar> own;
    ImVector<ImWchar> fallback;
};

namespace {
// The system font for the characters DejaVu lacks. Looked up again only when the characters
// change (fontconfig reads its cache on the first lookup; fonts are rebuilt at every scale
// change), and its file read once: a CJK collection is 20-30 MB. Shared by every screen's atlas,
// so no atlas points into it: ImGui copies the bytes of each face it adds, and each load copies
// the ranges into its own FontCharacters.
struct Fallback {
    std::string regular;
    std::vector<char32_t> characters;
    FallbackSearch search;
    ImVector<ImWchar> ranges;
};

bool inBaseSet(unsigned c) {
    for (const ImWchar* range = kBaseRanges; range[0] != 0; range += 2)
        if (c >= range[0] && c <= range[1]) return true;
    return false;
}

const Fallback& fallbackFor(const std::string& regular, const ImVector<ImWchar>& ranges, std::vector<char>& bytes) {
    static Fallback last;
    static std::string bytesFile;
    std::vector<char32_t> characters;
    for (int i = 0; i + 1 < ranges.Size && ranges[i] != 0; i += 2)
        for (unsigned c = ranges[i]; c <= ranges[i + 1]; ++c)
            // The base set is DejaVu's own (no lookup for the usual text); control characters
            // (the newlines of a multi-line heading) are never drawn.
            if (c >= 0x20 && !inBaseSet(c)) characters.push_back(c);
    if (last.regular == regular && last.characters == characters) return last;
    // Member by member: ImVector's copy assignment memcpy's from a null pointer when the source is
    // empty (UBSan: "null pointer passed as argument"), so the ranges are cleared, not assigned.
    last.regular = regular;
    last.characters = characters;
    last.search = characters.empty() ? FallbackSearch{} : findFallbackFont(regular, characters);
    last.ranges.clear();
    if (last.search.font) {
        if (bytesFile != last.search.font->file) {
            std::ifstream in(last.search.font->file, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), {});
            bytesFile = last.search.font->file;
        }
        ImFontGlyphRangesBuilder builder;
        for (char32_t c : last.search.missing)
            if (c < 0x10000) builder.AddChar(static_cast<ImWchar>(c));
        builder.BuildRanges(&last.ranges);
    }
    return last;
}

// Adds the faces of the interface's font family to the atlas. Characters DejaVu lacks come from
// the system font, merged into each face (regular weight). Each style falls back to the regular
// face when its file is missing: plainer, still readable, and said once (missing()).
class FontFamily {
public:
    FontFamily(ImFontAtlas& atlas, std::string regular, float uiScale, const ImFontConfig& config, const FontCharacters& characters,
               const Fallback& fallback, std::vector<char>& fallbackBytes)
        : atlas_(atlas), regular_(std::move(regular)), uiScale_(uiScale), config_(config), characters_(characters), fallback_(fallback),
          fallbackBytes_(fallbackBytes) {}

    ImFont* regularFace(float pixels) { return add(regular_, pixels); }

    // The face in file `name` beside the regular one.
    ImFont* style(const char* name, float pixels) {
        const std::filesystem::path file = std::filesystem::path(regular_).parent_path() / name;
        if (std::filesystem::exists(file)) return add(file.string(), pixels);
        if (missing_.find(name) == std::string::npos) {
            if (!missing_.empty()) missing_ += ", ";
            missing_ += file.string();
        }
        return add(regular_, pixels);
    }

    // The style files not found, comma-separated ("" when all were there).
    [[nodiscard]] const std::string& missing() const { return missing_; }

private:
    ImFont* add(const std::string& file, float pixels) {
        ImFont* font = atlas_.AddFontFromFileTTF(file.c_str(), pixels * uiScale_, &config_, characters_.own.Data);
        if (!font || !fallback_.search.font || fallbackBytes_.empty()) return font;
        ImFontConfig merged = config_;
        merged.MergeMode = true;
        merged.FontNo = fallback_.search.font->index;
        merged.FontDataOwnedByAtlas = false;
        atlas_.AddFontFromMemoryTTF(fallbackBytes_.data(), static_cast<int>(fallbackBytes_.size()), pixels * uiScale_, &merged,
                                    characters_.fallback.Data);
        return font;
    }

    ImFontAtlas& atlas_;
    std::string regular_;
    float uiScale_;
    const ImFontConfig& config_;
    const FontCharacters& characters_;
    const Fallback& fallback_;
    std::vector<char>& fallbackBytes_;
    std::string missing_;
};
}  // namespace

UiFonts loadFonts(float uiScale, const GlyphCoverage& glyphs, const std::string& fontFile) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::string regular = fontFile.empty() ? defaultFontFile() : fontFile;

    UiFonts fonts;
    auto characters = std::make_shared<FontCharacters>();
    characters->own = glyphs.ranges();  // never empty: the base set
    ImFontConfig config;
    config.OversampleH = 2;  // sharper horizontal edges for small text at little memory cost
    config.OversampleV = 1;
    if (std::filesystem::exists(regular)) {
        static std::vector<char> fallbackBytes;
        const Fallback& fallback = fallbackFor(regular, characters->own, fallbackBytes);
        if (!fallback.ranges.empty()) characters->fallback = fallback.ranges;  // (ImVector copies memcpy from null when empty)
        if (!fallback.search.uncovered.empty()) fonts.warning = noFontMessage(fallback.search.uncovered);
        FontFamily family(*io.Fonts, regular, uiScale, config, *characters, fallback, fallbackBytes);
        fonts.body = family.regularFace(kBodyPixels);
        fonts.heading = family.style("DejaVuSans-Bold.ttf", kHeadingPixels);
        fonts.bold = family.style("DejaVuSans-Bold.ttf", kBodyPixels);
        fonts.italic = family.style("DejaVuSans-Oblique.ttf", kBodyPixels);
        fonts.boldItalic = family.style("DejaVuSans-BoldOblique.ttf", kBodyPixels);
        if (!family.missing().empty()) {
            if (!fonts.warning.empty()) fonts.warning += "; ";
            fonts.warning += "bold or italic lesson text is shown upright and regular: " + family.missing() +
                             " not found; install fonts-dejavu-core and fonts-dejavu-extra";
        }
    }
    if (!fonts.body || !fonts.heading) {
        fonts.warning = "font '" + regular + "' not found; install fonts-dejavu-core for readable text";
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * uiScale;
        fonts.body = fonts.heading = fonts.bold = fonts.italic = fonts.boldItalic = io.Fonts->AddFontDefault(&fallback);
    }
    io.FontDefault = fonts.body;
    fonts.characters = std::move(characters);
    return fonts;
}

}  // namespace psoas::ui
