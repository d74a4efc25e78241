#include "app/command_line.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace psoas::app {
namespace {

TEST(CommandLine, defaults_open_the_viewer_at_1280x720) {
    const auto parsed = parseCommandLine(std::vector<std::string>{});
    ASSERT_TRUE(parsed.options.has_value());
    EXPECT_EQ(parsed.options->width, 1280);
    EXPECT_EQ(parsed.options->height, 720);
    EXPECT_FALSE(parsed.options->screenshot.has_value());
    EXPECT_FALSE(parsed.options->model.has_value());
}

TEST(CommandLine, screenshot_options_are_read) {
    const auto parsed = parseCommandLine(std::vector<std::string>{"--screenshot", "out.png", "--size", "1920x1080", "--view",
                                                                  "left", "--background", "transparent", "--model", "a.glb"});
    ASSERT_TRUE(parsed.options.has_value());
    EXPECT_EQ(*parsed.options->screenshot, "out.png");
    EXPECT_EQ(parsed.options->width, 1920);
    EXPECT_EQ(parsed.options->height, 1080);
    EXPECT_EQ(parsed.options->view, ViewPreset::Left);
    EXPECT_EQ(parsed.options->background, ui::ScreenshotBackground::Transparent);
    ASSERT_EQ(parsed.options->model->paths.size(), 1u);
    EXPECT_EQ(parsed.options->model->paths[0], "a.glb");
}

// Issue 18, failure 1: a second --model exited 2 with six lines ("At Most 1 required but received 2").
TEST(CommandLine, several_models_are_read_repeated_or_listed) {
    const auto parsed = parseCommandLine(std::vector<std::string>{"--model", "spine.glb", "pelvis", "--model", "femur_r.stl", "--screenshot", "x.png"});
    ASSERT_TRUE(parsed.options.has_value()) << parsed.output;
    const std::vector<std::filesystem::path> expected{"spine.glb", "pelvis", "femur_r.stl"};
    EXPECT_EQ(parsed.options->model->paths, expected);
    EXPECT_EQ(*parsed.options->screenshot, "x.png");
}

TEST(CommandLine, units_up_and_forward_are_read_with_model) {
    const auto parsed = parseCommandLine(std::vector<std::string>{"--model", "a.stl", "--units", "mm", "--up", "+Z", "--forward", "-y"});
    ASSERT_TRUE(parsed.options.has_value()) << parsed.output;
    const ModelOrientation& o = parsed.options->model->orientation;
    EXPECT_EQ(o.units, LengthUnit::Millimetre);
    EXPECT_EQ(o.up, (Axis{2, +1}));
    EXPECT_EQ(o.forward, (Axis{1, -1}));
    const auto defaults = parseCommandLine(std::vector<std::string>{"--model", "a.stl"});
    EXPECT_EQ(defaults.options->model->orientation.units, LengthUnit::Auto);
    EXPECT_FALSE(defaults.options->model->orientation.up.has_value());
    EXPECT_FALSE(defaults.options->model->fileColours);
    EXPECT_TRUE(parseCommandLine(std::vector<std::string>{"--model", "a.ply", "--file-colours"}).options->model->fileColours);
    const auto set = parseCommandLine(std::vector<std::string>{"--model-set", "set.toml"});
    ASSERT_TRUE(set.options);
    EXPECT_FALSE(set.options->model) << "a mesh set is the atlas's scene: lessons and motion stay on";
    EXPECT_EQ(set.options->meshSet, "set.toml");
}

// Issue 18, failure 2: bad orientation values are one line and exit 2.
TEST(CommandLine, bad_units_and_axes_are_one_line_errors) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"--model", "a.stl", "--up", "+Y", "--forward", "-Y"},
         "error: --up +Y and --forward -Y are both on the Y axis; anterior must be at right angles to up\n"},
        {{"--model", "a.stl", "--up", "up"}, "error: --up: 'up' is not an axis (+X, -X, +Y, -Y, +Z or -Z)\n"},
        {{"--model", "a.stl", "--units", "inch"}, "error: --units: 'inch' is not auto, mm, cm or m\n"},
        {{"--units", "mm"}, "error: --units goes with --model\n"},
        {{"--forward", "+X"}, "error: --forward goes with --model\n"},
        {{"--file-colours"}, "error: --file-colours goes with --model\n"},
        {{"--model", "a.stl", "--model-set", "set.toml"}, "error: --model and --model-set cannot be used together\n"},
        {{"--model-set", "set.toml", "--units", "mm"}, "error: --units goes with --model; a mesh set gives units and axes itself\n"}};
    for (const auto& [arguments, message] : cases) {
        const auto parsed = parseCommandLine(arguments);
        EXPECT_FALSE(parsed.options.has_value());
        EXPECT_EQ(parsed.exitCode, 2);
        EXPECT_EQ(parsed.output, message);
    }
}

TEST(CommandLine, anti_aliasing_is_read_and_left_to_the_settings_when_not_given) {
    EXPECT_FALSE(parseCommandLine(std::vector<std::string>{}).options->antiAliasing.has_value());
    for (const auto& [name, mode] : {std::pair{"edge", AntiAliasing::EdgeFilter}, {"msaa", AntiAliasing::Multisample}, {"off", AntiAliasing::Off}}) {
        const auto parsed = parseCommandLine(std::vector<std::string>{"--anti-aliasing", name});
        ASSERT_TRUE(parsed.options.has_value()) << name;
        EXPECT_EQ(parsed.options->antiAliasing, mode) << name;
    }
}

TEST(CommandLine, bad_sizes_are_refused_with_exit_code_2) {
    for (const char* size : {"1280", "0x720", "1280x", "axb", "99999x10", "1280x720x3", "-5x10"}) {
        const auto parsed = parseCommandLine(std::vector<std::string>{"--size", size});
        EXPECT_FALSE(parsed.options.has_value()) << size;
        EXPECT_EQ(parsed.exitCode, 2) << size;
        EXPECT_EQ(parsed.output.rfind("error: ", 0), 0u) << parsed.output;
    }
}

TEST(CommandLine, unknown_options_and_bad_values_give_one_error_line_naming_the_help) {
    for (const auto& arguments : std::vector<std::vector<std::string>>{
             {"--bogus"}, {"--view", "frontal"}, {"--background", "pink"}, {"--anti-aliasing", "fxaa"}, {"--screenshot"}, {"stray"}}) {
        const auto parsed = parseCommandLine(arguments);
        EXPECT_FALSE(parsed.options.has_value());
        EXPECT_EQ(parsed.exitCode, 2);
        EXPECT_EQ(parsed.output.rfind("error: ", 0), 0u) << parsed.output;
        EXPECT_EQ(std::count(parsed.output.begin(), parsed.output.end(), '\n'), 1) << parsed.output;
        const std::string hint = " (psoas-atlas --help lists every option)\n";
        EXPECT_EQ(parsed.output.substr(parsed.output.size() - std::min(parsed.output.size(), hint.size())), hint) << parsed.output;
    }
}

TEST(CommandLine, help_and_version_exit_0) {
    const auto help = parseCommandLine(std::vector<std::string>{"--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.output.find("--screenshot"), std::string::npos);
    EXPECT_NE(help.output.find("--model"), std::string::npos);
    const auto version = parseCommandLine(std::vector<std::string>{"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.output.rfind("psoas-atlas ", 0), 0u);
}

TEST(CommandLine, each_mode_option_selects_its_run_mode) {
    EXPECT_EQ(parseCommandLine(std::vector<std::string>{}).options->mode, RunMode::Window);
    EXPECT_EQ(parseCommandLine(std::vector<std::string>{"--present", "--lesson", "breathing"}).options->mode, RunMode::Window);
    const std::vector<std::pair<std::vector<std::string>, RunMode>> cases{
        {{"--screenshot", "x.png"}, RunMode::Screenshot},
        {{"--export-lesson", "breathing", "--out", "d"}, RunMode::ExportLesson},
        {{"--record", "x.mp4"}, RunMode::Record},
        {{"--bench"}, RunMode::Bench},
        {{"--soak", "1000"}, RunMode::Soak},
        {{"--measure"}, RunMode::Measure},
        {{"--list-lessons"}, RunMode::ListLessons},
        {{"--check-lessons"}, RunMode::CheckLessons},
        {{"--check-lessons", "dir"}, RunMode::CheckLessons}};
    for (const auto& [arguments, mode] : cases) {
        const auto parsed = parseCommandLine(arguments);
        ASSERT_TRUE(parsed.options.has_value()) << arguments[0] << ": " << parsed.output;
        EXPECT_EQ(parsed.options->mode, mode) << arguments[0];
        EXPECT_EQ(runModeOption(mode), arguments[0]);
    }
}

// Regression: "--screenshot x.png --bench" only took the screenshot and "--measure --list-lessons"
// only measured, both with exit 0.
TEST(CommandLine, two_run_modes_are_a_usage_error_naming_both) {
    const std::vector<std::vector<std::string>> conflicts{{"--screenshot", "x.png", "--bench"},
                                                          {"--measure", "--list-lessons"},
                                                          {"--record", "x.mp4", "--screenshot", "x.png"},
                                                          {"--export-lesson", "breathing", "--out", "d", "--soak", "1000"},
                                                          {"--check-lessons", "--list-lessons"},
                                                          {"--bench", "--measure"}};
    for (const auto& arguments : conflicts) {
        const auto parsed = parseCommandLine(arguments);
        EXPECT_FALSE(parsed.options.has_value()) << arguments[0];
        EXPECT_EQ(parsed.exitCode, 2) << arguments[0];
        const std::string first = parsed.output.substr(0, parsed.output.find('\n'));
        EXPECT_EQ(first.rfind("error: ", 0), 0u) << parsed.output;
        EXPECT_NE(first.find("cannot run together"), std::string::npos) << first;
        for (const auto& argument : arguments)
            if (argument.rfind("--", 0) == 0 && argument != "--out") EXPECT_NE(first.find(argument), std::string::npos) << first;
        EXPECT_EQ(parsed.output.find("error: ", 1), std::string::npos) << "one error line: " << parsed.output;
    }
}

TEST(CommandLine, every_background_name_in_the_table_is_accepted) {
    for (const BackgroundName& entry : kBackgroundNames) {
        const auto parsed = parseCommandLine(std::vector<std::string>{"--background", std::string(entry.name)});
        ASSERT_TRUE(parsed.options.has_value()) << entry.name << ": " << parsed.output;
        EXPECT_EQ(parsed.options->background, entry.value) << entry.name;
    }
}

}  // namespace
}  // namespace psoas::app
