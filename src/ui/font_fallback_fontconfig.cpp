// findFallbackFont on the desktop: the bundled font's characters and the installed fonts, both
// through fontconfig. (The browser build has no installed fonts: font_fallback_bundled.cpp.)
#include "ui/font_fallback.hpp"

#include <fontconfig/fontconfig.h>

#include <memory>

namespace psoas::ui {

namespace {

template <class T, void (*Destroy)(T*)>
struct Deleter {
    void operator()(T* p) const {
        if (p) Destroy(p);
    }
};
using Pattern = std::unique_ptr<FcPattern, Deleter<FcPattern, FcPatternDestroy>>;
using CharSet = std::unique_ptr<FcCharSet, Deleter<FcCharSet, FcCharSetDestroy>>;
using FontSet = std::unique_ptr<FcFontSet, Deleter<FcFontSet, FcFontSetDestroy>>;

}  // namespace

FallbackSearch findFallbackFont(const std::string& bundledFont, const std::vector<char32_t>& characters) {
    FallbackSearch search;
    if (!FcInit()) {
        search.missing = search.uncovered = characters;
        return search;
    }
    int faces = 0;
    const Pattern bundled(FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(bundledFont.c_str()), 0, nullptr, &faces));
    FcCharSet* have = nullptr;
    if (bundled) FcPatternGetCharSet(bundled.get(), FC_CHARSET, 0, &have);
    for (char32_t c : characters)
        if (!have || !FcCharSetHasChar(have, c)) search.missing.push_back(c);
    if (search.missing.empty()) return search;

    const CharSet wanted(FcCharSetCreate());
    for (char32_t c : search.missing) FcCharSetAddChar(wanted.get(), c);
    const Pattern pattern(FcPatternCreate());
    FcPatternAddCharSet(pattern.get(), FC_CHARSET, wanted.get());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    const FontSet fonts(FcFontSort(nullptr, pattern.get(), FcFalse, nullptr, &result));
    FcChar32 bestCount = 0;
    FcCharSet* bestSet = nullptr;
    for (int i = 0; fonts && i < fonts->nfont; ++i) {
        FcCharSet* set = nullptr;
        FcChar8* file = nullptr;
        if (FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0, &set) != FcResultMatch ||
            FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
            continue;
        const FcChar32 count = FcCharSetIntersectCount(set, wanted.get());
        if (count <= bestCount) continue;  // the sort puts the best-matching family first; ties keep it
        int index = 0;
        FcPatternGetInteger(fonts->fonts[i], FC_INDEX, 0, &index);
        bestCount = count;
        bestSet = set;
        search.font = FallbackFont{reinterpret_cast<const char*>(file), index};
    }
    for (char32_t c : search.missing)
        if (!bestSet || !FcCharSetHasChar(bestSet, c)) search.uncovered.push_back(c);
    return search;
}

std::string noFontWords(const std::string& sample) {
    return "no installed font has the characters " + sample +
           "; install one that does (Chinese and Japanese: Debian's fonts-noto-cjk) to see them";
}

}  // namespace psoas::ui
