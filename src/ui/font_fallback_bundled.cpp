// findFallbackFont in the browser: there are no installed fonts to fall back on, so the search
// reads only the bundled font (with stb_truetype, from its file in the page's file system) and
// reports every character it lacks as uncovered. (The desktop asks fontconfig:
// font_fallback_fontconfig.cpp.)
#include "ui/font_fallback.hpp"

#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include <stb/stb_truetype.h>

#include <fstream>
#include <iterator>

namespace psoas::ui {

FallbackSearch findFallbackFont(const std::string& bundledFont, const std::vector<char32_t>& characters) {
    FallbackSearch search;
    std::ifstream in(bundledFont, std::ios::binary);
    const std::vector<unsigned char> data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    stbtt_fontinfo font{};
    const bool readable = !data.empty() && stbtt_InitFont(&font, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0)) != 0;
    for (char32_t c : characters)
        if (!readable || stbtt_FindGlyphIndex(&font, static_cast<int>(c)) == 0) search.missing.push_back(c);
    search.uncovered = search.missing;
    return search;
}

// A browser page cannot reach the computer's fonts and its reader has nothing to install.
std::string noFontWords(const std::string& sample) {
    return "this page's font (DejaVu Sans: Latin, Greek and Cyrillic) has no characters " + sample + "; they show as ?";
}

}  // namespace psoas::ui
