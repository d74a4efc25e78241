// psoas-atlas --script: timed input replayed headless through the window's input handlers.

#include "gl/gl_test_context.hpp"
#include "support/run_process.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace psoas {
namespace {

// Runs a script from tests/data; false (with the test marked skipped) when there is no display.
bool runsClean(const std::string& script, const std::string& size) {
    const auto folder = test::temporaryDirectory();
    const auto result = test::runAtlas({"--script", test::dataFile(script).string(), "--out", folder.string(), "--size", size});
    if (result.exitCode != 0 && result.err.find("display") != std::string::npos) {
        test::noContext(result.err);
        return true;
    }
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("\"gl_errors\": 0"), std::string::npos) << result.out;
    return result.exitCode == 0;
}

// A short classroom run (every lesson, presenter mode, text size up and down, blank, autoplay,
// quiz answers, the camera by hand) ends cleanly, with no GL error, and writes its screenshot.
TEST(Script, a_short_classroom_script_runs_without_gl_errors) {
    const auto folder = test::temporaryDirectory();
    const auto result = test::runAtlas({"--script", test::dataFile("classroom.script").string(), "--out", folder.string(),
                                        "--size", "960x540"});
    if (result.exitCode != 0 && result.err.find("display") != std::string::npos) return test::noContext(result.err);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("\"gl_errors\": 0"), std::string::npos) << result.out;
    EXPECT_TRUE(std::filesystem::exists(folder / "classroom-end.png"));
}

// The use reported with a heap corruption (issue 12, defect 11) replayed as reported: presenter
// mode, the text size changed ten times (each a font atlas rebuilt between frames), steps, blank,
// autoplay and the 12 s after. scripts/asan_classroom.sh runs it, repeated, under ASan + UBSan.
TEST(Script, the_reported_heap_corruption_sequence_runs_clean) { EXPECT_TRUE(runsClean("issue-11-heap.script", "480x270")); }

}  // namespace
}  // namespace psoas
