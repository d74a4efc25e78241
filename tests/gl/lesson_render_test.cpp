// Every step of every shipped lesson renders without a GL error; a few steps are image baselines;
// editing a lesson file updates the open lesson in place.

#include "app/application.hpp"
#include "gl/gl_test_context.hpp"
#include "support/image_compare.hpp"
#include "support/test_paths.hpp"

#include <fstream>

namespace psoas {
namespace {

std::unique_ptr<app::Application> makeApplication(app::Options options) {
    options.glDebug = true;
    return std::make_unique<app::Application>(options);
}

TEST(LessonRendering, every_step_of_every_lesson_renders_without_gl_errors) {
    std::unique_ptr<app::Application> application;
    try {
        application = makeApplication({});
        application->renderImage(64, 64, ui::ScreenshotBackground::Dark, false);  // makes the context
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    test::beginGlErrorWatch();
    int steps = 0;
    for (const auto& entry : application->lessonLibrary().entries()) {
        ASSERT_TRUE(entry.lesson.has_value()) << entry.file;
        for (std::size_t s = 0; s < entry.lesson->steps.size(); ++s) {
            ASSERT_TRUE(application->openLesson(entry.lesson->id, static_cast<int>(s)));
            const Image image = application->renderImage(480, 270, ui::ScreenshotBackground::Dark, true);
            EXPECT_EQ(image.width, 480);
            ++steps;
        }
    }
    test::expectNoGlErrors();
    EXPECT_GE(steps, 30);  // six lessons of 5-10 steps
}

TEST(LessonRendering, first_step_of_the_first_lesson_matches_its_baseline) {
    std::unique_ptr<app::Application> application;
    Image image;
    try {
        application = makeApplication({});
        image = application->renderImage(960, 540, ui::ScreenshotBackground::Dark, true);
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    test::expectNoGlErrors();
    EXPECT_EQ(application->lessonPlayer().lesson().id, "meet-the-psoas");
    EXPECT_TRUE(test::matchesBaseline(image, "lesson_meet_the_psoas_step_1"));
}

TEST(LessonRendering, a_labelled_step_matches_its_baseline) {
    app::Options options;
    options.lesson = "meet-the-psoas";
    options.step = 2;
    std::unique_ptr<app::Application> application;
    Image image;
    try {
        application = makeApplication(options);
        image = application->renderImage(960, 540, ui::ScreenshotBackground::White, true);
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    test::expectNoGlErrors();
    EXPECT_TRUE(test::matchesBaseline(image, "lesson_meet_the_psoas_step_2_white"));
}

// Regression (issue 12, defect 5): `--screenshot a.png --view posterior` with a lesson open drew the
// step's own view; the view asked for on the command line wins.
TEST(LessonRendering, a_view_asked_for_on_the_command_line_wins_over_the_steps_view) {
    app::Options options;
    options.lesson = "actions";
    options.step = 2;  // the step looks from the right
    options.view = ViewPreset::Posterior;
    options.noUi = true;
    std::unique_ptr<app::Application> application;
    try {
        application = makeApplication(options);
        (void)application->renderImage(640, 360, ui::ScreenshotBackground::Dark, false);
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    const Bounds& bounds = application->scene().bounds;
    const float posterior = framePreset(ViewPreset::Posterior, bounds, 30.0f, 1.0f).yawDegrees;
    ASSERT_NE(posterior, framePreset(ViewPreset::Right, bounds, 30.0f, 1.0f).yawDegrees);
    EXPECT_NEAR(application->camera().pose.yawDegrees, posterior, 1e-3f);
}

TEST(LessonHotReload, saving_a_lesson_file_updates_the_open_step_in_place) {
    const auto folder = test::temporaryDirectory();
    const auto file = folder / "mine.toml";
    auto write = [&](const std::string& secondTitle) {
        std::ofstream(file) << "id = \"mine\"\ntitle = \"Mine\"\n[[step]]\ntitle = \"One\"\n[[step]]\ntitle = \"" << secondTitle
                            << "\"\ncamera = \"left\"\n";
    };
    write("Two");
    app::Options options;
    options.lessonDirs = {folder};
    options.lesson = "mine";
    options.step = 2;
    std::unique_ptr<app::Application> application;
    try {
        application = makeApplication(options);
        application->renderImage(64, 64, ui::ScreenshotBackground::Dark, false);
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    EXPECT_EQ(application->lessonPlayer().step().title, "Two");
    write("Two, edited");
    // The file system's timestamp may not move within the same tick; the size does here.
    application->checkLessonFiles();
    EXPECT_EQ(application->lessonPlayer().stepIndex(), 1);
    EXPECT_EQ(application->lessonPlayer().step().title, "Two, edited");
    // A broken edit keeps the last good version open.
    std::ofstream(file) << "id = \"mine\"\ntitle = \"Mine\"\n[[step]]\ntitel = \"oops\"\n";
    application->checkLessonFiles();
    EXPECT_EQ(application->lessonPlayer().step().title, "Two, edited");
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

// Teachers write lessons in their own language: Greek, Cyrillic and accented Latin must draw as
// letters, not as question marks or boxes (the font atlas holds those ranges).
TEST(LessonRendering, greek_cyrillic_and_accented_text_renders) {
    app::Options options;
    options.lessonDirs = {test::dataFile("lessons_i18n")};
    options.lesson = "languages";
    std::unique_ptr<app::Application> application;
    Image image;
    try {
        application = makeApplication(options);
        image = application->renderImage(960, 540, ui::ScreenshotBackground::Dark, true);
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    test::expectNoGlErrors();
    EXPECT_TRUE(test::matchesBaseline(image, "lesson_greek_cyrillic_accents"));
}

}  // namespace
}  // namespace psoas
