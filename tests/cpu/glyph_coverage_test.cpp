// The fonts hold only the characters the program can show (ui::GlyphCoverage). These tests keep
// that from ever costing a character: the interface's own strings must be in the base set, and
// any text added must be covered afterwards.
#include "ui/fonts.hpp"

#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace psoas::ui {
namespace {

const std::filesystem::path kSource = psoas::test::sourceDirectory();

std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

bool coversAll(const GlyphCoverage& glyphs, std::string_view utf8) {
    GlyphCoverage copy = glyphs;
    return !copy.add(utf8);
}

// Every string literal in src/ui and src/app (where the interface's words are written) uses only
// characters of the base set, so a new label with, say, a "≥" cannot silently show as "?".
TEST(GlyphCoverage, the_base_set_covers_every_string_literal_of_the_interface) {
    const GlyphCoverage base;
    const std::regex literal(R"("(?:[^"\\\n]|\\.)*")");
    int literals = 0;
    for (const char* folder : {"src/ui", "src/app"})
        for (const auto& entry : std::filesystem::directory_iterator(kSource / folder)) {
            if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
            const std::string text = readText(entry.path());
            for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it, ++literals)
                EXPECT_TRUE(coversAll(base, it->str())) << entry.path().filename().string() << ": " << it->str();
        }
    EXPECT_GT(literals, 200);  // the scan really read the sources
}

TEST(GlyphCoverage, added_text_is_covered_and_only_new_characters_report_a_change) {
    GlyphCoverage glyphs;
    EXPECT_FALSE(glyphs.add("Psoas major: 26 cm, ±2 mm, 45° — “quoted”…"));
    EXPECT_FALSE(glyphs.covers(0x03A8));  // Ψ
    EXPECT_TRUE(glyphs.add("Ψόας, поясничная мышца"));
    EXPECT_TRUE(glyphs.covers(0x03A8));
    EXPECT_TRUE(glyphs.covers(0x043F));  // п
    EXPECT_FALSE(glyphs.add("мышца Ψόας"));  // nothing new
    bool foundGreek = false;
    const ImVector<ImWchar> ranges = glyphs.ranges();
    for (int i = 0; i + 1 < ranges.Size && ranges[i] != 0; i += 2)
        if (ranges[i] <= 0x03CC && 0x03CC <= ranges[i + 1]) foundGreek = true;  // ό
    EXPECT_TRUE(foundGreek);
}

// A NUL, broken UTF-8 or a character beyond the Basic Multilingual Plane must neither end the
// list of ranges early (which would drop every glyph after it) nor be added as garbage.
TEST(GlyphCoverage, nul_bytes_invalid_utf8_and_astral_characters_leave_the_ranges_whole) {
    GlyphCoverage glyphs;
    glyphs.add(std::string_view("a\0b\xff\xfe\xc3", 6));
    glyphs.add("\xF0\x9F\x98\x80");  // U+1F600, outside ImWchar
    const ImVector<ImWchar> ranges = glyphs.ranges();
    ASSERT_GE(ranges.Size, 3);
    EXPECT_EQ(ranges[0], 0x20);  // still starts with the base set, not a 0 terminator
    EXPECT_EQ(ranges.back(), 0);
    EXPECT_TRUE(glyphs.covers(0xFFFD));
}

// Lessons write *italic* and **bold**: every face comes with the install (fonts-dejavu-core and
// fonts-dejavu-extra), and a machine without one is told so instead of silently losing the style.
TEST(Fonts, every_face_of_the_installed_typeface_is_present) {
    ImGui::CreateContext();
    const UiFonts fonts = loadFonts(1.0f, GlyphCoverage{});
    EXPECT_EQ(fonts.warning, "") << "scripts/install-deps.sh must install every face the lessons use";
    ImGui::DestroyContext();
}

TEST(Fonts, a_missing_italic_face_is_said_once_with_the_package_that_brings_it) {
    const auto folder = test::temporaryDirectory();
    std::filesystem::copy_file(defaultFontFile(), folder / "DejaVuSans.ttf");
    std::filesystem::copy_file(std::filesystem::path(defaultFontFile()).parent_path() / "DejaVuSans-Bold.ttf",
                               folder / "DejaVuSans-Bold.ttf");
    ImGui::CreateContext();
    const UiFonts fonts = loadFonts(1.0f, GlyphCoverage{}, (folder / "DejaVuSans.ttf").string());
    EXPECT_EQ(fonts.warning, "bold or italic lesson text is shown upright and regular: " + (folder / "DejaVuSans-Oblique.ttf").string() +
                                 ", " + (folder / "DejaVuSans-BoldOblique.ttf").string() +
                                 " not found; install fonts-dejavu-core and fonts-dejavu-extra");
    EXPECT_NE(fonts.italic, nullptr) << "the style falls back to the regular face";
    ImGui::DestroyContext();
}

// Each screen has its own ImGui context and font atlas (app/ui_backend), and an atlas reads the
// character lists its faces were added with again whenever it is built. Fonts loaded for another
// context must leave this one's lists alone: they were one function-static list, replaced (and
// its memory freed) by every load, so an atlas built after another context's load read freed
// memory -- here, the other context's characters (Cyrillic instead of Greek).
TEST(Fonts, fonts_loaded_for_another_screen_leave_this_atlas_its_own_characters) {
    GlyphCoverage greek, cyrillic;
    greek.add("\u03a8");     // Ψ
    cyrillic.add("\u0416");  // Ж: a list of the same length, as a reused block would hold
    ImGuiContext* teacher = ImGui::CreateContext();
    const UiFonts teacherFonts = loadFonts(1.0f, greek);  // built later: at the first frame
    ImGuiContext* audience = ImGui::CreateContext();
    ImGui::SetCurrentContext(audience);
    const UiFonts audienceFonts = loadFonts(1.0f, cyrillic);
    ImGui::SetCurrentContext(teacher);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    ASSERT_NE(teacherFonts.body, nullptr);
    EXPECT_NE(teacherFonts.body->FindGlyphNoFallback(0x03A8), nullptr) << "the teacher's atlas lost its Greek";
    EXPECT_EQ(teacherFonts.body->FindGlyphNoFallback(0x0416), nullptr);
    ImGui::DestroyContext(teacher);
    ImGui::DestroyContext(audience);
}

}  // namespace
}  // namespace psoas::ui
