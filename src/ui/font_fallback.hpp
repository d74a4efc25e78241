#pragma once
// Characters the bundled DejaVu Sans lacks (a Chinese or Japanese file or part name) are drawn
// from a font installed on the system, found with fontconfig; when no installed font has them the
// viewer says so instead of showing "?".

#include <optional>
#include <string>
#include <vector>

namespace psoas::ui {

struct FallbackFont {
    std::string file;  // a TrueType/OpenType file or collection
    int index = 0;     // the face within a collection (.ttc)
};

struct FallbackSearch {
    std::vector<char32_t> missing;      // asked-for characters the bundled font lacks
    std::optional<FallbackFont> font;   // the installed font holding most of them; none if no font has any
    std::vector<char32_t> uncovered;    // missing characters that font lacks too (all of them without a font)
};

// Looks `characters` up in `bundledFont` and, for those it lacks, in fontconfig's fonts.
[[nodiscard]] FallbackSearch findFallbackFont(const std::string& bundledFont, const std::vector<char32_t>& characters);

// One line naming up to eight of the characters and what the reader can do: on the desktop,
// install a font that has them; in the browser there is nothing to install, so it says only
// that the page's font lacks them.
[[nodiscard]] std::string noFontMessage(const std::vector<char32_t>& uncovered);
// That line's words around `sample` (the characters, as UTF-8), defined beside findFallbackFont.
[[nodiscard]] std::string noFontWords(const std::string& sample);

}  // namespace psoas::ui
