// The executable as a user meets it: bad files and bad options give one line and exit 2, a missing
// display gives one line and a non-zero exit, and nothing crashes. These run without a display.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "support/run_process.hpp"
#include "support/test_paths.hpp"

namespace psoas {
namespace {

int lineCount(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

std::filesystem::path writeFile(const std::string& name, const std::string& bytes) {
    const auto file = test::temporaryDirectory() / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
}

void expectOneLineError(const test::ProcessResult& result, const std::filesystem::path& file) {
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(lineCount(result.err), 1) << result.err;
    EXPECT_EQ(result.err.rfind("error: " + file.string() + ": ", 0), 0u) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST(ProgramErrors, missing_model_file_exits_2_with_one_line) {
    const std::filesystem::path file = "/nonexistent/psoas.glb";
    expectOneLineError(test::runAtlas({"--model", file.string()}), file);
}

TEST(ProgramErrors, random_bytes_model_exits_2_with_one_line) {
    std::string noise(2048, '\0');
    unsigned state = 99;
    for (char& c : noise) c = static_cast<char>((state = state * 1664525u + 1013904223u) >> 24);
    const auto file = writeFile("random.glb", noise);
    expectOneLineError(test::runAtlas({"--model", file.string(), "--screenshot", (file.parent_path() / "x.png").string()}), file);
    EXPECT_FALSE(std::filesystem::exists(file.parent_path() / "x.png"));
}

TEST(ProgramErrors, truncated_glb_exits_2_with_one_line) {
    // The glTF binary header promises 4096 bytes; the file stops after the JSON chunk header.
    std::string bytes("glTF\x02\x00\x00\x00\x00\x10\x00\x00\x40\x00\x00\x00JSON{\"asset\":", 29);
    const auto file = writeFile("truncated.glb", bytes);
    expectOneLineError(test::runAtlas({"--model", file.string()}), file);
}

TEST(ProgramErrors, unknown_option_exits_2_with_error_and_usage) {
    const auto result = test::runAtlas({"--frobnicate"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("error: ", 0), 0u) << result.err;
    EXPECT_NE(result.err.find("usage: psoas-atlas"), std::string::npos);
}

TEST(ProgramErrors, no_display_says_so_in_one_line_and_names_the_headless_options) {
    const auto result = test::runAtlas({"--model", test::dataFile("cube.obj").string()}, /*unsetDisplay=*/true);
    EXPECT_NE(result.exitCode, 0);
    EXPECT_LT(result.exitCode, 128) << "crashed: " << result.err;
    EXPECT_EQ(lineCount(result.err), 1) << result.err;
    EXPECT_NE(result.err.find("no display"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("xvfb-run"), std::string::npos) << result.err;
}

TEST(ProgramErrors, help_and_version_exit_0_on_stdout) {
    const auto help = test::runAtlas({"--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--screenshot"), std::string::npos);
    const auto version = test::runAtlas({"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.out.rfind("psoas-atlas ", 0), 0u);
}

}  // namespace
}  // namespace psoas
