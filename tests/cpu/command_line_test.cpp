#include "app/command_line.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace psoas::app {
namespace {

const std::string kSeeHelp = " (psoas-atlas --help lists every option)\n";

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
         "error: --up +Y and --forward -Y are both on the Y axis; anterior must be at right angles to up" + kSeeHelp},
        {{"--model", "a.stl", "--up", "up"}, "error: --up: 'up' is not an axis (+X, -X, +Y, -Y, +Z or -Z)" + kSeeHelp},
        {{"--model", "a.stl", "--units", "inch"}, "error: --units: 'inch' is not auto, mm, cm or m" + kSeeHelp},
        {{"--units", "mm"}, "error: --units goes with --model" + kSeeHelp},
        {{"--forward", "+X"}, "error: --forward goes with --model" + kSeeHelp},
        {{"--file-colours"}, "error: --file-colours goes with --model" + kSeeHelp},
        {{"--model", "a.stl", "--model-set", "set.toml"}, "error: --model and --model-set cannot be used together" + kSeeHelp},
        {{"--model-set", "set.toml", "--units", "mm"}, "error: --units goes with --model; a mesh set gives units and axes itself" + kSeeHelp}};
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

// Issue 12: the breath depth is read into BreathDepth by the one name table the lessons and the
// Motion tab use; a misspelt one is one line with a suggestion.
TEST(CommandLine, breath_depth_is_typed_and_a_misspelt_one_is_one_line_with_a_suggestion) {
    for (const BreathDepthName& entry : kBreathDepthNames) {
        const auto parsed = parseCommandLine(std::vector<std::string>{"--measure", "--breath-depth", std::string(entry.name)});
        ASSERT_TRUE(parsed.options.has_value()) << parsed.output;
        EXPECT_EQ(parsed.options->measure->breathDepth, entry.value) << entry.name;
    }
    EXPECT_EQ(parseCommandLine(std::vector<std::string>{"--measure"}).options->measure->breathDepth, BreathDepth::Quiet);
    const auto parsed = parseCommandLine(std::vector<std::string>{"--measure", "--breath-depth", "deeep"});
    EXPECT_FALSE(parsed.options.has_value());
    EXPECT_EQ(parsed.exitCode, 2);
    EXPECT_EQ(parsed.output, "error: --breath-depth: 'deeep' is not quiet or deep (did you mean 'deep'?)" + kSeeHelp);
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
        {{"--script", "a.script"}, RunMode::Script},
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

// Newcomer findings: these were accepted and ignored with exit 0. An option the run mode does not
// use is a usage error: one line, exit 2, naming the modes it goes with.
TEST(CommandLine, an_option_the_run_mode_does_not_use_is_a_usage_error) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"--screenshot", "x.png", "--present"}, "error: --present goes with the window, not with --screenshot"},
        {{"--export-lesson", "a", "--out", "d", "--view", "left"},
         "error: --view goes with the window, --screenshot, --record or --script, not with --export-lesson; each step sets its own view"},
        {{"--export-lesson", "a", "--out", "d", "--no-ui"}, "error: --no-ui goes with --screenshot or --record, not with --export-lesson"},
        {{"--measure", "--model", "a.obj"},
         "error: --model goes with the window, --screenshot, --record, --bench, --soak or --script, not with --measure"},
        {{"--measure", "--lesson", "breathing"},
         "error: --lesson goes with the window, --screenshot, --record, --bench, --soak or --script, not with --measure"},
        {{"--no-ui"}, "error: --no-ui goes with --screenshot or --record"},
        {{"--frames", "100"}, "error: --frames goes with --bench"},
        {{"--seconds", "3"}, "error: --seconds goes with --record"},
        {{"--screenshot", "x.png", "--frames", "100"}, "error: --frames goes with --bench, not with --screenshot"},
        {{"--list-lessons", "--size", "640x480"},
         "error: --size goes with the window, --screenshot, --export-lesson, --record, --bench or --script, not with --list-lessons"},
        {{"--check-lessons", "d", "--lessons", "e"},
         "error: --lessons goes with the window, --screenshot, --export-lesson, --record, --bench, --soak, --script or --list-lessons, "
         "not with --check-lessons; give the folder to check: --check-lessons DIR"},
        {{"--background", "white"},
         "error: --background goes with --screenshot, --export-lesson or --record; the window's screenshot background is chosen in "
         "its panel"},
        {{"--pose", "sitting"}, "error: --pose goes with --screenshot, --record or --measure"},
        {{"--hip-flexion", "30", "--screenshot", "x.png"}, "error: --hip-flexion goes with --measure, not with --screenshot"},
        // "--step needs --lesson ID" was the wrong thing to say to an export.
        {{"--export-lesson", "a", "--out", "d", "--step", "2"},
         "error: --step goes with the window, --screenshot, --record, --bench, --soak or --script, not with --export-lesson; "
         "--export-lesson writes every step (for one step: --screenshot FILE.png --lesson ID --step N)"},
        {{"--script", "a.script", "--screenshot", "x.png"}, "error: --screenshot and --script cannot run together; give one of them"},
        // Fresh tester, session 9: accepted, though README's synopsis gives them as alternatives.
        {{"--present", "--audience-screen"},
         "error: --present and --audience-screen: give one (--audience-screen is presenter mode on two screens)"},
    };
    for (const auto& [arguments, message] : cases) {
        const auto parsed = parseCommandLine(arguments);
        EXPECT_FALSE(parsed.options.has_value()) << message;
        EXPECT_EQ(parsed.exitCode, 2) << message;
        EXPECT_EQ(parsed.output, message + " (psoas-atlas --help lists every option)\n");
    }
}

TEST(CommandLine, each_mode_takes_the_options_that_change_it) {
    const std::vector<std::vector<std::string>> accepted{
        {"--screenshot", "x.png", "--no-ui", "--view", "left", "--background", "white", "--pose", "sitting", "--breath", "0.5",
         "--lesson", "breathing", "--step", "2", "--size", "640x360"},
        {"--record", "x.mp4", "--no-ui", "--seconds", "2", "--pose", "sitting", "--background", "white"},
        {"--export-lesson", "breathing", "--out", "d", "--background", "white", "--breath", "1", "--size", "640x360"},
        {"--bench", "--frames", "100", "--lesson", "breathing", "--step", "2", "--size", "640x360"},
        {"--measure", "--pose", "sitting", "--hip-flexion", "30", "--breath", "0.5", "--breath-depth", "deep", "--reference", "list"},
        {"--script", "a.script", "--out", "d", "--size", "640x360", "--lesson", "breathing"},
        {"--present", "--lesson", "breathing", "--step", "3", "--view", "left", "--size", "800x600"},
        {"--list-lessons", "--lessons", "d"},
        {"--pose", "list"}};
    for (const auto& arguments : accepted) {
        const auto parsed = parseCommandLine(arguments);
        EXPECT_TRUE(parsed.options.has_value()) << arguments[0] << ": " << parsed.output;
    }
}

// "--screenshot shot.jpg" wrote PNG bytes into a file named .jpg.
TEST(CommandLine, a_screenshot_name_that_is_not_png_is_refused) {
    const auto parsed = parseCommandLine(std::vector<std::string>{"--screenshot", "shot.jpg"});
    EXPECT_EQ(parsed.exitCode, 2);
    EXPECT_EQ(parsed.output,
              "error: --screenshot: 'shot.jpg': the image is written as PNG, so its name must end in .png (e.g. shot.png) "
              "(psoas-atlas --help lists every option)\n");
    EXPECT_TRUE(parseCommandLine(std::vector<std::string>{"--screenshot", "SHOT.PNG"}).options.has_value());
}

TEST(CommandLine, a_size_takes_a_capital_x) {
    const auto parsed = parseCommandLine(std::vector<std::string>{"--screenshot", "x.png", "--size", "1920X1080"});
    ASSERT_TRUE(parsed.options.has_value()) << parsed.output;
    EXPECT_EQ(parsed.options->width, 1920);
    EXPECT_EQ(parsed.options->height, 1080);
}

// CLI11's wording ("Could not convert: --hip-flexion = abc", "Value 5 not in range 10 to 1000000",
// "1 required FILE.png missing", "The following arguments were not expected: x --lesons") leaked
// to the user; each is said in our words, with a did-you-mean for a misspelt option.
TEST(CommandLine, value_errors_and_unknown_options_are_said_in_our_words) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"--lesons", "x"}, "error: --lesons: no such option (did you mean --lessons?)"},
        {{"--screenshot=x.png", "--sise", "640x360"}, "error: --sise: no such option (did you mean --size?)"},
        {{"stray"}, "error: 'stray' is not an option (options start with --; a value follows its option, as in --lesson ID)"},
        {{"--measure", "--hip-flexion", "abc"}, "error: --hip-flexion: 'abc' is not a number"},
        {{"--bench", "--frames", "5"}, "error: --frames: '5' is not a whole number from 10 to 1000000"},
        {{"--soak", "many"}, "error: --soak: 'many' is not a whole number from 100 to 100000000"},
        {{"--record", "x.mp4", "--seconds", "0"}, "error: --seconds: '0' is not a number from 0.1 to 3600"},
        {{"--lesson", "a", "--step", "0"}, "error: --step: '0' is not a whole number from 1 to 10000"},
        {{"--screenshot", "x.png", "--breath", "2"}, "error: --breath: '2' is not a number from 0 to 1"},
        {{"--view", "anterir"},
         "error: --view: 'anterir' is not anterior, posterior, left, right, superior, inferior or oblique (did you mean 'anterior'?)"},
        {{"--screenshot"}, "error: --screenshot needs a value (FILE.png)"},
        {{"--check-lessons", "a", "b"}, "error: --check-lessons checks one folder or file; give one"},
        // CLI11's own words were "At Most 1 required but received 2".
        {{"--screenshot", "a.png", "--screenshot", "b.png"}, "error: --screenshot is given twice; give it once"},
    };
    for (const auto& [arguments, message] : cases) {
        const auto parsed = parseCommandLine(arguments);
        EXPECT_EQ(parsed.exitCode, 2) << message;
        EXPECT_EQ(parsed.output, message + " (psoas-atlas --help lists every option)\n");
    }
}

// Which wins when both are given is said where the user looks: --help.
TEST(CommandLine, help_says_the_joint_angles_replace_the_poses) {
    const auto help = parseCommandLine(std::vector<std::string>{"--help"}).output;
    EXPECT_NE(help.find("replaces the --pose's flexion, its abduction and rotation stay"), std::string::npos) << help;
    EXPECT_NE(help.find("the hip joint's own is this plus the pelvic tilt"), std::string::npos) << help;
}

TEST(CommandLine, every_background_name_in_the_table_is_accepted) {
    for (const BackgroundName& entry : kBackgroundNames) {
        const auto parsed = parseCommandLine(std::vector<std::string>{"--screenshot", "x.png", "--background", std::string(entry.name)});
        ASSERT_TRUE(parsed.options.has_value()) << entry.name << ": " << parsed.output;
        EXPECT_EQ(parsed.options->background, entry.value) << entry.name;
    }
}

}  // namespace
}  // namespace psoas::app
