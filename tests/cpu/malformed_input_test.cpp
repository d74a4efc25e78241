// Big, deep and broken data files: a 100 MB file where a lesson, atlas or pose file belongs, TOML
// nested 100,000 levels deep, invalid UTF-8, a NUL byte. Each is refused with one positioned
// message (exact text checked: it is what a teacher reads), nothing overflows the stack, and the
// other files in the folder still load.

#include "core/atlas.hpp"
#include "core/lesson_library.hpp"
#include "core/motion/pose_file.hpp"
#include "core/settings.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace psoas {
namespace {

const std::string kDeepTables(100000, '[');
const std::string kDeepArrays = "id = " + std::string(100000, '[');
const std::string kDeepInlineTables = [] {
    std::string text = "id = ";
    for (int i = 0; i < 100000; ++i) text += "{a=";
    return text;
}();
const std::string kNestedTooDeep =
    "lists or tables are nested too deeply here (more than 256 levels); a closing ] or } is missing, or this is not the file you meant";

// Every message a parser gives for `text`, formatted as the program prints them.
template <typename Parse>
std::vector<std::string> problems(Parse parse, std::string_view text) {
    try {
        parse(text);
    } catch (const DataFileError& e) {
        std::vector<std::string> lines;
        for (const Diagnostic& d : e.diagnostics()) lines.push_back(d.format());
        return lines;
    }
    return {};
}

LessonVocabulary tinyVocabulary() {
    LessonVocabulary v;
    v.groups = {"all"};
    return v;
}

std::vector<std::string> lessonProblems(std::string_view text) {
    return problems([](std::string_view t) { parseLesson(t, "lesson.toml", tinyVocabulary()); }, text);
}
std::vector<std::string> atlasProblems(std::string_view text) {
    return problems([](std::string_view t) { parseAtlas(t, "atlas.toml"); }, text);
}
std::vector<std::string> poseProblems(std::string_view text) {
    return problems([](std::string_view t) { parsePoseFile(t, "pose.toml"); }, text);
}

using Lines = std::vector<std::string>;

// A file of `size` bytes that costs no disk: a sparse file reads as zeros.
std::filesystem::path hugeFile(const std::filesystem::path& file, std::uintmax_t size) {
    std::ofstream(file, std::ios::binary).put('#');
    std::filesystem::resize_file(file, size);
    return file;
}

TEST(MalformedInput, a_100_mb_lesson_is_refused_by_its_size_and_the_other_lessons_still_load) {
    const auto folder = test::temporaryDirectory();
    hugeFile(folder / "02-huge.toml", 100u << 20);
    std::ofstream(folder / "01-good.toml") << "id = \"good\"\ntitle = \"Good\"\n[[step]]\ntitle = \"One\"\n";
    const LessonLibrary library = LessonLibrary::load({{folder, "--lessons", true}}, tinyVocabulary());
    EXPECT_NE(library.find("good"), nullptr);
    Lines lines;
    for (const Diagnostic& d : library.problems()) lines.push_back(d.format());
    EXPECT_EQ(lines, Lines{"error: " + (folder / "02-huge.toml").string() + ": is larger than 1 MiB; a lesson file is text of a few pages"});
}

TEST(MalformedInput, a_100_mb_atlas_or_pose_file_is_refused_by_its_size) {
    const auto folder = test::temporaryDirectory();
    const auto atlas = hugeFile(folder / "atlas.toml", 100u << 20);
    const auto pose = hugeFile(folder / "pose.toml", 100u << 20);
    const std::string reason = ": is larger than 4 MiB; atlas and pose files are a few pages of text";
    EXPECT_EQ(problems([&](std::string_view) { loadAtlas(atlas); }, ""), Lines{"error: " + atlas.string() + reason});
    EXPECT_EQ(problems([&](std::string_view) { loadPoseFile(pose); }, ""), Lines{"error: " + pose.string() + reason});
}

TEST(MalformedInput, a_huge_settings_file_gives_the_defaults_with_one_warning) {
    const auto file = hugeFile(test::temporaryDirectory() / "settings.toml", 100u << 20);
    const LoadedSettings loaded = loadSettings(file);
    EXPECT_EQ(loaded.warning, file.string() + ": not a settings file; using the defaults");
    EXPECT_EQ(loaded.settings.windowWidth, 1280);
}

TEST(MalformedInput, deep_nesting_in_a_lesson_is_a_positioned_error_not_a_stack_overflow) {
    EXPECT_EQ(lessonProblems(kDeepArrays), Lines{"lesson.toml:1:262: " + kNestedTooDeep});
    EXPECT_EQ(lessonProblems(kDeepInlineTables), Lines{"lesson.toml:1:774: " + kNestedTooDeep});
    EXPECT_EQ(lessonProblems(kDeepTables),
              Lines{"lesson.toml:1:3: Error while parsing key: expected bare key starting character or string delimiter, saw '['"});
}

TEST(MalformedInput, deep_nesting_in_an_atlas_or_pose_file_is_a_positioned_error) {
    EXPECT_EQ(atlasProblems(kDeepArrays), Lines{"atlas.toml:1:262: " + kNestedTooDeep});
    EXPECT_EQ(atlasProblems(kDeepInlineTables), Lines{"atlas.toml:1:774: " + kNestedTooDeep});
    EXPECT_EQ(poseProblems(kDeepArrays), Lines{"pose.toml:1:262: " + kNestedTooDeep});
    EXPECT_EQ(poseProblems(kDeepTables),
              Lines{"pose.toml:1:3: Error while parsing key: expected bare key starting character or string delimiter, saw '['"});
}

TEST(MalformedInput, deep_nesting_in_settings_gives_the_defaults_with_a_positioned_warning) {
    for (const std::string* text : {&kDeepArrays, &kDeepInlineTables, &kDeepTables}) {
        const LoadedSettings loaded = parseSettings(*text, "settings.toml");
        EXPECT_EQ(loaded.warning.rfind("settings.toml:1:", 0), 0u) << loaded.warning;
        EXPECT_NE(loaded.warning.find("; using the defaults"), std::string::npos) << loaded.warning;
        EXPECT_EQ(loaded.settings.windowWidth, 1280);
    }
    EXPECT_EQ(parseSettings(kDeepArrays, "settings.toml").warning,
              "settings.toml:1:262: settings file is damaged (Error while parsing value: exceeded maximum nested value depth of "
              "256 (TOML_MAX_NESTED_VALUES)); using the defaults");
}

TEST(MalformedInput, invalid_utf8_is_pointed_at) {
    const std::string text = "id = \"caf\xC3\x28\"\ntitle = \"x\"\n";
    const std::string message = ":1:9: the text here is not valid UTF-8; save the file with UTF-8 encoding";
    EXPECT_EQ(lessonProblems(text), Lines{"lesson.toml" + message});
    EXPECT_EQ(atlasProblems(text), Lines{"atlas.toml" + message});
    EXPECT_EQ(poseProblems(text), Lines{"pose.toml" + message});
}

TEST(MalformedInput, a_nul_byte_is_pointed_at_not_called_an_unterminated_string) {
    const std::string inString("id = \"a\0b\"\ntitle = \"x\"\n", 23);
    const std::string inComment("# notes\0\nid = \"a\"\n", 18);
    const std::string message = "an invisible control character (byte 0x00) is in the text here; delete it";
    EXPECT_EQ(lessonProblems(inString), Lines{"lesson.toml:1:8: " + message});
    EXPECT_EQ(lessonProblems(inComment), Lines{"lesson.toml:1:8: " + message});
    EXPECT_EQ(atlasProblems(inString), Lines{"atlas.toml:1:8: " + message});
    EXPECT_EQ(poseProblems(inComment), Lines{"pose.toml:1:8: " + message});
    EXPECT_EQ(parseSettings(inString, "settings.toml").settings.lastLesson, "");
}

TEST(MalformedInput, a_newline_inside_a_string_is_still_an_unterminated_string) {
    EXPECT_EQ(lessonProblems("id = \"abc\ntitle = \"x\"\n"),
              Lines{"lesson.toml:1:6: unterminated string: the closing \" is missing on this line"});
}

}  // namespace
}  // namespace psoas
