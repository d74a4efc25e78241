#include "core/settings.hpp"
#include "support/slide_format_print.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/unprivileged.hpp"
#include "support/test_paths.hpp"

namespace psoas {
namespace {

TEST(Settings, round_trip_keeps_every_value) {
    Settings s;
    s.uiScale = 1.75f;
    s.lastLesson = "breathing";
    s.lastStep = 4;
    s.windowX = 40;
    s.windowY = -20;
    s.windowWidth = 1600;
    s.windowHeight = 900;
    s.screenshotBackground = Background::White;
    const auto file = test::temporaryDirectory() / "config" / "settings.toml";
    ASSERT_EQ(saveSettings(s, file), "");
    const LoadedSettings loaded = loadSettings(file);
    EXPECT_EQ(loaded.warning, "");
    EXPECT_TRUE(loaded.found) << "not a first run";
    EXPECT_FLOAT_EQ(loaded.settings.uiScale, 1.75f);
    EXPECT_EQ(loaded.settings.lastLesson, "breathing");
    EXPECT_EQ(loaded.settings.lastStep, 4);
    EXPECT_EQ(loaded.settings.windowY, -20);
    EXPECT_EQ(loaded.settings.windowWidth, 1600);
    EXPECT_EQ(loaded.settings.screenshotBackground, Background::White);
    EXPECT_FALSE(std::filesystem::exists(file.string() + ".partial"));
}

// A missing file is the first run (issue 14: the window opens maximised with a hint).
TEST(Settings, a_missing_file_gives_defaults_silently) {
    const LoadedSettings loaded = loadSettings(test::temporaryDirectory() / "none.toml");
    EXPECT_EQ(loaded.warning, "");
    EXPECT_FALSE(loaded.found);
    EXPECT_EQ(loaded.settings.windowWidth, 1280);
}

TEST(Settings, corrupt_or_truncated_files_give_one_warning_and_the_defaults) {
    const auto dir = test::temporaryDirectory();
    for (const std::string& text : {std::string("ui_scale = 1.5\nlast_lesson = \"brea"), std::string("\x01\x02\xff\xfe garbage"),
                                    std::string("[[[")}) {
        std::ofstream(dir / "settings.toml", std::ios::binary) << text;
        const LoadedSettings loaded = loadSettings(dir / "settings.toml");
        EXPECT_NE(loaded.warning.find("using the defaults"), std::string::npos) << loaded.warning;
        EXPECT_EQ(loaded.warning.find('\n'), std::string::npos);
        EXPECT_EQ(loaded.settings.uiScale, 0.0f);
    }
}

TEST(Settings, wrong_types_and_out_of_range_values_keep_their_defaults) {
    const LoadedSettings loaded = parseSettings(
        "ui_scale = 9\nlast_step = \"three\"\nwindow_width = 5\nscreenshot_background = \"pink\"\nlast_lesson = 3\n", "s.toml");
    EXPECT_EQ(loaded.warning, "");
    EXPECT_EQ(loaded.settings.uiScale, 0.0f);
    EXPECT_EQ(loaded.settings.lastStep, 0);
    EXPECT_EQ(loaded.settings.windowWidth, 1280);
    EXPECT_EQ(loaded.settings.screenshotBackground, Background::Dark);
    EXPECT_EQ(loaded.settings.lastLesson, "");
}

TEST(Settings, a_folder_in_place_of_the_file_is_a_warning_not_a_crash) {
    const auto dir = test::temporaryDirectory();
    std::filesystem::create_directories(dir / "settings.toml");
    EXPECT_NE(loadSettings(dir / "settings.toml").warning.find("not a settings file"), std::string::npos);
    EXPECT_NE(saveSettings(Settings{}, dir / "settings.toml"), "");
}

TEST(Settings, a_read_only_config_folder_reports_instead_of_losing_silently) {
    // Without root's power over file modes, so the suite run as root tests it too.
    const auto dir = test::temporaryDirectory();
    const test::ScopedMode readOnly(dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                                             std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
    const auto problem = test::runWithoutRoot([&] { return saveSettings(Settings{}, dir / "settings.toml"); });
    ASSERT_TRUE(problem.has_value());
    EXPECT_NE(*problem, "");
    EXPECT_FALSE(std::filesystem::exists(dir / "settings.toml"));
}

// One name table (core/background.hpp) for the settings file and the command line: every name
// reads back as the value it was written for.
TEST(Settings, every_background_round_trips_by_its_one_name) {
    for (const BackgroundName& entry : kBackgroundNames) {
        Settings s;
        s.screenshotBackground = entry.value;
        const std::string text = serialiseSettings(s);
        EXPECT_NE(text.find("screenshot_background = \"" + std::string(entry.name) + "\""), std::string::npos) << text;
        EXPECT_EQ(parseSettings(text, "s.toml").settings.screenshotBackground, entry.value) << entry.name;
        EXPECT_EQ(backgroundFrom(toString(entry.value)), entry.value);
    }
    EXPECT_FALSE(backgroundFrom("Dark").has_value());  // the panel's label is not a file name
}

TEST(Settings, every_anti_aliasing_mode_round_trips_by_its_one_name) {
    for (const AntiAliasingName& entry : kAntiAliasingNames) {
        Settings s;
        s.antiAliasing = entry.value;
        const std::string text = serialiseSettings(s);
        EXPECT_NE(text.find("anti_aliasing = \"" + std::string(entry.name) + "\"  # edge | msaa | off"), std::string::npos) << text;
        EXPECT_EQ(parseSettings(text, "s.toml").settings.antiAliasing, entry.value) << entry.name;
    }
    EXPECT_FALSE(antiAliasingFrom("Smooth edges").has_value());  // the panel's label is not a file name
}

// Issue 14: the window's export remembers the teacher's slide size and background, apart from the
// Structures tab's screenshot background; every choice the export offers reads back as written.
TEST(Settings, the_slide_export_choice_round_trips_apart_from_the_screenshot_background) {
    for (const SlideSize& size : kSlideSizes)
        for (const SlideBackground& background : kSlideBackgrounds) {
            Settings s;
            s.screenshotBackground = Background::Transparent;
            s.slideExport = {size.size, background.background};
            const auto file = test::temporaryDirectory() / "export" / "settings.toml";
            ASSERT_EQ(saveSettings(s, file), "");
            const LoadedSettings loaded = loadSettings(file);
            EXPECT_EQ(loaded.warning, "");
            EXPECT_EQ(loaded.settings.slideExport, s.slideExport) << slideFormatText(s.slideExport);
            EXPECT_EQ(loaded.settings.screenshotBackground, Background::Transparent);
        }
    EXPECT_EQ(parseSettings("", "s.toml").settings.slideExport, (SlideFormat{{1920, 1080}, Background::Dark})) << "the default";
}

// A hand-edited file: only a size and a background the export offers are taken; half a size, an
// odd size, a transparent or unknown background keep the default.
TEST(Settings, a_slide_size_or_background_the_export_does_not_offer_keeps_the_default) {
    for (const std::string text : {"export_width = 1280\n", "export_width = 1920\nexport_height = 720\n",
                                   "export_width = 1280.0\nexport_height = 720\n", "export_width = -1280\nexport_height = -720\n",
                                   "export_width = 99999999999\nexport_height = 720\n"})
        EXPECT_EQ(parseSettings(text, "s.toml").settings.slideExport.size, glm::ivec2(1920, 1080)) << text;
    for (const std::string text : {"export_background = \"transparent\"\n", "export_background = \"White\"\n", "export_background = 1\n"})
        EXPECT_EQ(parseSettings(text, "s.toml").settings.slideExport.background, Background::Dark) << text;
    const Settings s = parseSettings("export_width = 3840\nexport_height = 2160\nexport_background = \"white\"\n", "s.toml").settings;
    EXPECT_EQ(s.slideExport, (SlideFormat{{3840, 2160}, Background::White}));
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

// Found by fuzz_settings (session 10): a lesson id holding a line break, quotes and a run of
// apostrophes was written by toml++'s formatter in a form that read back as another string.
TEST(Settings, any_lesson_id_is_written_so_it_reads_back_the_same) {
    const std::string found = "last_lesson = \"br\xc3\xa9" "adthialast_lessonthi g\\nu00e9 \\\"q\\\"" + std::string(34, '\'') + "\"\nwindow_x = -1";
    for (const std::string& text : {found, std::string("last_lesson = \"a\\\\b\\u0001\\u007F'''\\\"\\\"\\\"\"")}) {
        const LoadedSettings first = parseSettings(text, "s.toml");
        ASSERT_EQ(first.warning, "") << text;
        const LoadedSettings again = parseSettings(serialiseSettings(first.settings), "s.toml");
        EXPECT_EQ(again.warning, "") << serialiseSettings(first.settings);
        EXPECT_EQ(again.settings.lastLesson, first.settings.lastLesson) << serialiseSettings(first.settings);
    }
}

}  // namespace
}  // namespace psoas
