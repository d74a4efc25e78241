// Issue 18, failure 6: Chinese and Japanese file names showed as "??". Characters DejaVu lacks are
// looked up in the installed fonts; without one, the viewer says so.
#include "ui/font_fallback.hpp"
#include "ui/fonts.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace psoas::ui {
namespace {

TEST(FontFallback, characters_dejavu_lacks_are_found_in_an_installed_font_or_reported_uncovered) {
    // "A", then U+80A1 U+9AA8 (femur in Chinese), which DejaVu Sans does not have.
    const FallbackSearch search = findFallbackFont(defaultFontFile(), {U'A', U'\u80A1', U'\u9AA8'});
    const std::vector<char32_t> missing{U'\u80A1', U'\u9AA8'};
    EXPECT_EQ(search.missing, missing);
    if (search.font) {
        EXPECT_TRUE(std::filesystem::exists(search.font->file)) << search.font->file;
        EXPECT_LT(search.uncovered.size(), missing.size()) << "the chosen font has none of them";
    } else {
        EXPECT_EQ(search.uncovered, missing) << "without a font every missing character is uncovered";
    }
}

TEST(FontFallback, nothing_is_looked_up_for_characters_dejavu_has) {
    const FallbackSearch search = findFallbackFont(defaultFontFile(), {U'A', U'\u00E9', U'\u03B1', U'\u0436'});
    EXPECT_TRUE(search.missing.empty());
    EXPECT_FALSE(search.font.has_value());
}

TEST(FontFallback, the_message_names_the_characters_and_what_to_install) {
    EXPECT_EQ(noFontMessage({U'\u80A1', U'\u9AA8'}),
              "no installed font has the characters \xE8\x82\xA1\xE9\xAA\xA8; install one that does (Chinese and Japanese: "
              "Debian's fonts-noto-cjk) to see them");
}

}  // namespace
}  // namespace psoas::ui
