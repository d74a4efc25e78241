// --screenshot end to end, and the application's own frame (panels included) as a baseline.

#include "app/application.hpp"
#include "app/image_file.hpp"
#include "gl/gl_test_context.hpp"
#include "support/image_compare.hpp"
#include "support/run_process.hpp"
#include "support/test_paths.hpp"

#include <algorithm>
#include <cstdlib>

namespace psoas {
namespace {

TEST(Screenshot, writes_a_png_of_the_requested_size) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    const auto file = test::temporaryDirectory() / "shot.png";
    const auto result = test::runAtlas({"--model", test::dataFile("sphere.obj").string(), "--screenshot", file.string(),
                                        "--size", "320x200", "--view", "left"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto image = app::readPng(file);
    ASSERT_TRUE(image.has_value());
    EXPECT_EQ(image->width, 320);
    EXPECT_EQ(image->height, 200);
}

TEST(Screenshot, transparent_background_has_clear_corners) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    const auto file = test::temporaryDirectory() / "clear.png";
    const auto result = test::runAtlas({"--model", test::dataFile("cube.obj").string(), "--screenshot", file.string(),
                                        "--size", "400x300", "--background", "transparent"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto image = app::readPng(file);
    ASSERT_TRUE(image.has_value());
    EXPECT_EQ(image->pixel(image->width - 1, image->height - 1)[3], 0);
}

// Each way of smoothing edges draws the built-in scene on a debug context without a GL error, and
// the smoothing changes only pixels near edges (the picture stays the same picture).
TEST(Screenshot, every_anti_aliasing_mode_renders_without_gl_errors) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    std::vector<Image> images;
    for (const char* mode : {"off", "edge", "msaa"}) {
        const auto file = test::temporaryDirectory() / (std::string("aa-") + mode + ".png");
        const auto result = test::runAtlas({"--gl-debug", "--screenshot", file.string(), "--size", "320x240", "--no-ui",
                                            "--anti-aliasing", mode});
        ASSERT_EQ(result.exitCode, 0) << mode << ": " << result.err;
        EXPECT_EQ(result.err.find("GL error"), std::string::npos) << mode << ": " << result.err;
        const auto image = app::readPng(file);
        ASSERT_TRUE(image.has_value()) << mode;
        images.push_back(*image);
    }
    for (std::size_t m = 1; m < images.size(); ++m) {
        std::size_t changed = 0;
        for (std::size_t i = 0; i < images[0].rgba.size(); i += 4) changed += images[0].rgba[i + 1] != images[m].rgba[i + 1];
        EXPECT_GT(changed, 0u) << "mode " << m << " changed nothing";
        EXPECT_LT(changed, images[0].rgba.size() / 4 / 5) << "mode " << m << " changed more than edges";
    }
}

TEST(Screenshot, unwritable_destination_exits_2_with_one_line) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    const std::string file = "/nonexistent-folder/shot.png";
    // Units and axes given, so nothing assumed is reported beside the error.
    const auto result = test::runAtlas({"--model", test::dataFile("cube.obj").string(), "--units", "m", "--up", "+Y", "--forward", "+Z",
                                        "--screenshot", file});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("error: " + file + ": ", 0), 0u) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

TEST(ApplicationFrame, panels_and_model_match_the_baseline) {
    app::Options options;
    options.model = ModelRequest{{test::dataFile("sphere.obj")}, {}};
    options.glDebug = true;
    options.width = 800;
    options.height = 500;
    std::unique_ptr<app::Application> application;
    Image image;
    try {
        application = std::make_unique<app::Application>(options);
        image = application->renderImage(800, 500, ui::ScreenshotBackground::Dark, true);
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    test::expectNoGlErrors();
    EXPECT_TRUE(test::matchesBaseline(image, "app_sphere_with_panels"));
}

TEST(ApplicationFrame, built_in_scene_loads_and_renders_without_gl_errors) {
    app::Options options;
    options.glDebug = true;
    std::unique_ptr<app::Application> application;
    try {
        application = std::make_unique<app::Application>(options);
        const Image image = application->renderImage(640, 360, ui::ScreenshotBackground::Dark, false);
        EXPECT_EQ(image.width, 640);
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    test::expectNoGlErrors();
    EXPECT_GT(application->scene().structures.size(), 0u);
}

}  // namespace
}  // namespace psoas
