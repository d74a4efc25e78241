// The video encoder against the real ffmpeg: any file name works, and every way ffmpeg can fail
// (missing, exiting early, a bad path, a full disk) is a VideoError with a reason, never SIGPIPE.

#include "app/video_encoder.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace psoas {
namespace {

bool haveFfmpeg() { return std::system("command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1") == 0; }

Image grey(int width, int height, std::uint8_t level) {
    return {width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 4, level)};
}

// "width,height,frames" of the file's video stream, as ffprobe counts them.
std::string probe(const std::filesystem::path& file) {
    const auto out = test::temporaryDirectory() / "probe.txt";
    std::string quoted = "'";
    for (char c : file.string()) quoted += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    quoted += "'";
    const std::string command =
        "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
        "stream=width,height,nb_read_frames -of csv=p=0 file:" +
        quoted + " > '" + out.string() + "'";
    if (std::system(command.c_str()) != 0) return "ffprobe failed";
    std::ifstream in(out);
    std::string line;
    std::getline(in, line);
    return line;
}

// Sends `frames` frames and finishes; returns the VideoError's text, or "" when the video was made.
std::string encode(const std::filesystem::path& file, int frames, const std::string& program = "ffmpeg") {
    try {
        app::VideoEncoder video(file, 64, 48, 30, program);
        for (int i = 0; i < frames; ++i) video.write(grey(64, 48, static_cast<std::uint8_t>(i * 8)));
        video.finish();
        return "";
    } catch (const app::VideoError& e) {
        return e.what();
    }
}

TEST(VideoEncoder, file_names_with_quotes_spaces_colons_and_a_leading_dash_are_plain_names) {
    if (!haveFfmpeg()) GTEST_SKIP() << "ffmpeg is not installed (scripts/install-deps.sh installs it)";
    const auto folder = test::temporaryDirectory() / "a class's videos";
    std::filesystem::create_directories(folder);
    for (const char* name : {"it's my class.mp4", "-y \"two\" $(true).mp4", "lesson: 1.mp4"}) {
        const auto file = folder / name;
        ASSERT_EQ(encode(file, 15), "") << name;
        EXPECT_EQ(probe(file), "64,48,15") << name;
    }
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder), {}), 3);  // nothing else was written
}

TEST(VideoEncoder, a_missing_program_says_it_is_not_installed) {
    const std::string reason = encode(test::temporaryDirectory() / "x.mp4", 1, "psoas-no-such-ffmpeg");
    EXPECT_NE(reason.find("not installed"), std::string::npos) << reason;
}

TEST(VideoEncoder, a_program_that_exits_at_once_is_an_error_not_sigpipe) {
    // /bin/false reads nothing: the frames (64 KB each, a pipe's buffer) meet a closed pipe.
    const std::string reason = encode(test::temporaryDirectory() / "x.mp4", 10, "false");
    EXPECT_EQ(reason, "false: false stopped with exit status 1");
}

// A tester read "ffmpeg: No such file or directory" as ffmpeg missing: the folder is named instead.
TEST(VideoEncoder, a_folder_that_does_not_exist_is_named) {
    const std::string reason = encode("/nonexistent/psoas/x.mp4", 30);
    EXPECT_EQ(reason, "the folder /nonexistent/psoas does not exist (create it, or record into another folder)");
}

TEST(VideoEncoder, a_file_ffmpeg_cannot_write_gives_ffmpegs_reason_as_a_write_failure) {
    if (!haveFfmpeg()) GTEST_SKIP() << "ffmpeg is not installed";
    const auto folder = test::temporaryDirectory() / "a folder, not a file.mp4";
    std::filesystem::create_directories(folder);
    const std::string reason = encode(folder, 30);
    EXPECT_EQ(reason.rfind("ffmpeg: could not write the video (", 0), 0u) << reason;
}

TEST(VideoEncoder, a_full_disk_gives_ffmpegs_reason) {
    if (!haveFfmpeg()) GTEST_SKIP() << "ffmpeg is not installed";
    const auto file = test::temporaryDirectory() / "full.mp4";
    std::filesystem::create_symlink("/dev/full", file);  // every write: ENOSPC
    const std::string reason = encode(file, 30);
    EXPECT_NE(reason.find("No space left on device"), std::string::npos) << reason;
    EXPECT_EQ(reason.find('\n'), std::string::npos) << reason;
}

TEST(VideoEncoder, a_frame_of_the_wrong_size_is_refused) {
    if (!haveFfmpeg()) GTEST_SKIP() << "ffmpeg is not installed";
    app::VideoEncoder video(test::temporaryDirectory() / "x.mp4", 64, 48, 30);
    EXPECT_THROW(video.write(grey(32, 48, 0)), app::VideoError);
}

}  // namespace
}  // namespace psoas
