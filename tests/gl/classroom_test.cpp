// Classroom exports end to end: a lesson's slides and handout, and a recorded video.

#include "app/application.hpp"
#include "app/image_file.hpp"
#include "app/lesson_export.hpp"
#include "gl/gl_test_context.hpp"
#include "support/run_process.hpp"
#include "support/test_paths.hpp"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <utility>

namespace psoas {
namespace {

TEST(ExportLesson, writes_one_png_per_step_and_a_handout) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    const auto folder = test::temporaryDirectory() / "slides";
    const auto result = test::runAtlas({"--export-lesson", "meet-the-psoas", "--out", folder.string(), "--size", "480x270"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    int pngs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".png") continue;
        ++pngs;
        const auto image = app::readPng(entry.path());
        ASSERT_TRUE(image.has_value()) << entry.path();
        EXPECT_EQ(image->width, 480);
    }
    EXPECT_EQ(pngs, 7);  // the lesson's seven steps
    EXPECT_TRUE(std::filesystem::exists(folder / "01-a-muscle-hidden-in-the-middle.png"));
    std::ifstream html(folder / "index.html");
    const std::string text{std::istreambuf_iterator<char>(html), {}};
    EXPECT_NE(text.find("<h1>Meet the psoas</h1>"), std::string::npos);
    EXPECT_NE(text.find("src=\"01-a-muscle-hidden-in-the-middle.png\""), std::string::npos);
    EXPECT_NE(text.find("width=\"480\" height=\"270\""), std::string::npos) << "the handout gives the slides' --size";
    EXPECT_NE(text.find("<strong>"), std::string::npos);  // **bold** in the lesson text becomes HTML
    // Each step's text once (issue 14): printed as text, and the slide's caption rows below the
    // picture cropped off. The first step's picture ends well above the slide's foot.
    const std::string frame = "<div class=\"shot\" style=\"aspect-ratio: 480 / ";
    const std::size_t at = text.find(frame);
    ASSERT_NE(at, std::string::npos);
    const int rows = std::stoi(text.substr(at + frame.size()));
    EXPECT_GT(rows, 100);
    EXPECT_LT(rows, 250) << "the caption's rows are not cropped off";
}

// What a browser page downloads after the window's export: every slide, then the handout.
TEST(ExportLesson, lists_each_slide_written_then_the_handout) {
    try {
        app::Options options;
        options.glDebug = true;
        app::Application application(options);
        const Lesson* lesson = application.lessonLibrary().find("attachments");
        ASSERT_NE(lesson, nullptr);
        const auto folder = test::temporaryDirectory();
        app::LessonExport job(*lesson, folder, SlideFormat{{160, 90}, Background::Dark});
        EXPECT_TRUE(job.files().empty());
        ASSERT_EQ(job.writeNextStep(application), "");
        ASSERT_EQ(job.files(), std::vector<std::filesystem::path>{job.lastFile()});
        while (!job.allStepsDone()) ASSERT_EQ(job.writeNextStep(application), "");
        ASSERT_EQ(job.writeHandout(), "");
        const auto files = job.files();
        ASSERT_EQ(files.size(), lesson->steps.size() + 1);
        EXPECT_EQ(files.back(), folder / "index.html");
        for (const auto& file : files) EXPECT_TRUE(std::filesystem::exists(file)) << file;
        EXPECT_EQ(files[1].filename().string().substr(0, 3), "02-");
    } catch (const app::NoDisplayError& e) {
        test::noContext(e.what());
    }
}

// Fresh tester, issue 14: a "White (saves ink)" slide had a black caption band over its bottom
// quarter and near-black label boxes (and legends), a black quarter on every printed page. On a
// white slide the band is light with dark text, and the labels, the legends and the notice are
// light boxes: nothing large over the picture is dark.
TEST(ExportLesson, a_white_slide_has_a_light_caption_with_dark_text_and_light_labels) {
    try {
        app::Options options;
        options.glDebug = true;
        app::Application application(options);
        // Four labels, two of them behind the model; five labels and the origin / insertion legend;
        // two labels and the colour-by-length legend; the breathing's "shown ×8" notice.
        for (const auto& [id, step] :
             {std::pair<std::string, int>{"meet-the-psoas", 2}, {"attachments", 1}, {"actions", 3}, {"breathing", 3}}) {
            SCOPED_TRACE(id);
            const Lesson* lesson = application.lessonLibrary().find(id);
            ASSERT_NE(lesson, nullptr);
            const Image image = application.renderStep(*lesson, step, {960, 540}, Background::White);
            ASSERT_EQ(app::writePng(image, test::outputDirectory() / ("white-slide-" + id + ".png")), "");
            const ViewRect scene = application.lastImageScene();
            const int captionTop = static_cast<int>(std::lround(scene.origin.y + scene.size.y)) + 2;
            ASSERT_LT(captionTop, image.height - 40) << "the slide has a caption below the picture";
            auto luminance = [&](int x, int y) {
                const std::uint8_t* p = image.pixel(x, y);
                return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
            };
            double sum = 0.0;
            int captionPixels = 0, text = 0;
            for (int y = captionTop; y < image.height; ++y)
                for (int x = 0; x < image.width; ++x, ++captionPixels) {
                    const double l = luminance(x, y);
                    sum += l;
                    if (l < 100.0) ++text;
                }
            EXPECT_GT(sum / captionPixels, 215.0) << "the caption band is light";
            EXPECT_GT(text, 300) << "its text is dark";
            // Dark areas: pixels whose whole 5x5 neighbourhood is dark. Text and leader lines are too
            // thin to make one; a dark box or legend is made of them.
            auto darkAround = [&](int x, int y) {
                for (int dy = -2; dy <= 2; ++dy)
                    for (int dx = -2; dx <= 2; ++dx)
                        if (luminance(x + dx, y + dy) >= 80.0) return false;
                return true;
            };
            int dark = 0;
            for (int y = 2; y < captionTop - 4; ++y)
                for (int x = 2; x < image.width - 2; ++x)
                    if (darkAround(x, y)) ++dark;
            EXPECT_LT(dark, 100) << "pixels in dark areas over the picture (label boxes, a legend?)";
        }
    } catch (const app::NoDisplayError& e) {
        test::noContext(e.what());
    }
}

TEST(RecordVideo, has_thirty_frames_a_second_at_the_requested_size) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    if (std::system("command -v ffprobe >/dev/null 2>&1") != 0) GTEST_SKIP() << "ffmpeg is not installed";
    const auto file = test::temporaryDirectory() / "breath.mp4";
    const auto result = test::runAtlas({"--record", file.string(), "--seconds", "1", "--size", "320x180", "--lesson", "breathing",
                                        "--step", "4", "--no-ui"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto probe = file.parent_path() / "probe.txt";
    const std::string command = "ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames,width,height "
                                "-of csv=p=0 '" + file.string() + "' > '" + probe.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0);
    std::ifstream in(probe);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "320,180,30");
}

// Regression: the name was pasted into a shell command, so a quote ended it and the program died
// of SIGPIPE (exit 141) without a word.
TEST(RecordVideo, a_file_name_with_a_quote_and_spaces_is_recorded) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    if (std::system("command -v ffprobe >/dev/null 2>&1") != 0) GTEST_SKIP() << "ffmpeg is not installed";
    const auto file = test::temporaryDirectory() / "it's my class.mp4";
    const auto result = test::runAtlas({"--record", file.string(), "--seconds", "0.5", "--size", "160x90", "--no-ui"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(result.err.empty()) << result.err;  // no progress bar when stderr is not a terminal
    EXPECT_GT(std::filesystem::file_size(file), 0u);
}

// Regression: a failing ffmpeg gave exit 1 after a progress bar and a vague line.
TEST(RecordVideo, a_folder_that_does_not_exist_is_one_error_line_and_exit_2) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    if (std::system("command -v ffmpeg >/dev/null 2>&1") != 0) GTEST_SKIP() << "ffmpeg is not installed";
    const std::string file = "/nonexistent/psoas/class.mp4";
    const auto result = test::runAtlas({"--record", file, "--seconds", "0.5", "--size", "160x90", "--no-ui"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "error: " + file + ": the folder /nonexistent/psoas does not exist (create it, or record into another folder)\n");
}

TEST(RecordVideo, without_ffmpeg_says_so_in_one_line_and_exits_2) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    const auto file = test::temporaryDirectory() / "class.mp4";
    // The program's PATH is an empty folder: no ffmpeg to find (runAtlas's own shell keeps the
    // test's PATH, so it still finds env).
    const auto result = test::runAtlas({"--record", file.string(), "--seconds", "0.5", "--size", "160x90", "--no-ui"},
                                       /*unsetDisplay=*/false, {"PATH=" + test::temporaryDirectory().string()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "error: " + file.string() +
                              ": recording needs ffmpeg, which is not installed (sudo apt-get install ffmpeg)\n");
    EXPECT_FALSE(std::filesystem::exists(file));
}

}  // namespace
}  // namespace psoas
