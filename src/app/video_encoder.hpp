#pragma once
// A video file made by ffmpeg from raw RGBA frames sent down a pipe (--record).
//
// ffmpeg is started without a shell, from an argument vector, so any file name works (quotes,
// spaces, a leading dash). A broken pipe never kills the program: SIGPIPE is ignored and a write
// that finds ffmpeg gone becomes a VideoError carrying ffmpeg's own reason (its first error line).

#include "core/image.hpp"

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/types.h>

namespace psoas::app {

// Why the video could not be made, in words for "error: FILE: reason" (no file name in it).
class VideoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class VideoEncoder {
public:
    // Starts `program` (ffmpeg, found on PATH) encoding H.264 in yuv420p at `framesPerSecond` into
    // `file`, overwriting it. width and height in pixels, both even (yuv420p halves them).
    // Throws VideoError when the program cannot be started (e.g. ffmpeg is not installed).
    VideoEncoder(const std::filesystem::path& file, int width, int height, int framesPerSecond,
                 const std::string& program = "ffmpeg");
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;
    // Ends the stream and waits for ffmpeg if finish() was not reached (an exception on the way).
    ~VideoEncoder();

    // Sends one frame, width x height as given above, top row first.
    // Throws VideoError when the frame has another size or ffmpeg has stopped (its reason).
    void write(const Image& frame);

    // Ends the stream and waits for ffmpeg to write the file. Throws VideoError if it failed.
    void finish();

private:
    [[noreturn]] void failStopped();  // ffmpeg went away: wait for it, throw its reason
    int wait();                       // closes our end of the pipe, reaps ffmpeg, returns its wait status
    std::string firstLogLine() const;

    std::string program_;
    std::string target_;  // "file:NAME": the prefix keeps "-x.mp4" or "a:b.mp4" a plain file name
    int width_;
    int height_;
    int pipe_ = -1;             // write end; ffmpeg's stdin
    std::FILE* log_ = nullptr;  // ffmpeg's stderr, read back for the reason it failed
    pid_t child_ = -1;
};

}  // namespace psoas::app
