#include "app/video_encoder.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace psoas::app {

namespace {

// Closes what start-up opened if spawning fails half way.
struct SpawnResources {
    posix_spawn_file_actions_t actions{};
    posix_spawnattr_t attributes{};
    SpawnResources() {
        posix_spawn_file_actions_init(&actions);
        posix_spawnattr_init(&attributes);
    }
    ~SpawnResources() {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
    }
    SpawnResources(const SpawnResources&) = delete;
    SpawnResources& operator=(const SpawnResources&) = delete;
};

std::string trimmed(std::string text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r-");
    return text.substr(first, last - first + 1);
}

}  // namespace

VideoEncoder::VideoEncoder(const std::filesystem::path& file, int width, int height, int framesPerSecond,
                           const std::string& program)
    : program_(program), target_("file:" + file.string()), width_(width), height_(height) {
    // A write to a pipe whose reader has gone raises SIGPIPE, which by default ends the program
    // without a word (exit 141). Ignored, the write fails with EPIPE and we can say why.
    std::signal(SIGPIPE, SIG_IGN);
    // ffmpeg's own words for a missing folder ("No such file or directory") read as if ffmpeg
    // itself were missing: the folder is checked first and named.
    const std::filesystem::path folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw VideoError("the folder " + folder.string() + " does not exist (create it, or record into another folder)");

    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) throw VideoError(std::string("cannot make a pipe for ffmpeg: ") + std::strerror(errno));
    log_ = std::tmpfile();
    if (!log_) {
        const int error = errno;
        close(ends[0]);
        close(ends[1]);
        throw VideoError(std::string("cannot make a log file for ffmpeg: ") + std::strerror(error));
    }
    fcntl(fileno(log_), F_SETFD, FD_CLOEXEC);

    SpawnResources spawn;
    posix_spawn_file_actions_adddup2(&spawn.actions, ends[0], STDIN_FILENO);
    posix_spawn_file_actions_addopen(&spawn.actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&spawn.actions, fileno(log_), STDERR_FILENO);
    // The child starts with SIGPIPE back at its default: an ignored signal would be inherited.
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&spawn.attributes, &defaults);
    posix_spawnattr_setflags(&spawn.attributes, POSIX_SPAWN_SETSIGDEF);

    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    const std::string rate = std::to_string(framesPerSecond);
    std::vector<std::string> arguments{
        program, "-loglevel", "error", "-nostats", "-y",   "-f",      "rawvideo", "-pix_fmt", "rgba",      "-s",         size,
        "-r",    rate,        "-i",    "-",        "-c:v", "libx264", "-pix_fmt", "yuv420p",  "-movflags", "+faststart", target_};
    std::vector<char*> argv;
    for (auto& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);

    const int error = posix_spawnp(&child_, program.c_str(), &spawn.actions, &spawn.attributes, argv.data(), environ);
    close(ends[0]);
    if (error != 0) {
        close(ends[1]);
        std::fclose(log_);
        log_ = nullptr;
        child_ = -1;
        if (error == ENOENT)
            throw VideoError("recording needs " + program + ", which is not installed (sudo apt-get install ffmpeg)");
        throw VideoError("cannot start " + program + ": " + std::strerror(error));
    }
    pipe_ = ends[1];
}

VideoEncoder::~VideoEncoder() {
    if (child_ > 0) wait();
    if (log_) std::fclose(log_);
}

void VideoEncoder::write(const Image& frame) {
    if (frame.width != width_ || frame.height != height_ ||
        frame.rgba.size() != static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * 4)
        throw VideoError("a frame of " + std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                         " pixels in a video of " + std::to_string(width_) + "x" + std::to_string(height_));
    if (pipe_ < 0) throw VideoError(program_ + " has already finished");
    const std::uint8_t* bytes = frame.rgba.data();
    std::size_t left = frame.rgba.size();
    while (left > 0) {
        const ssize_t written = ::write(pipe_, bytes, left);
        if (written < 0 && errno == EINTR) continue;
        if (written < 0) failStopped();  // EPIPE: ffmpeg exited; anything else: the pipe is unusable
        bytes += written;
        left -= static_cast<std::size_t>(written);
    }
}

void VideoEncoder::finish() {
    if (child_ <= 0) throw VideoError(program_ + " has already finished");
    const int status = wait();
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
    failStopped();
}

void VideoEncoder::failStopped() {
    const int status = child_ > 0 ? wait() : 0;
    std::string reason = firstLogLine();
    if (!reason.empty()) reason = "could not write the video (" + reason + ")";
    if (reason.empty()) {
        reason = program_ + " stopped";
        if (WIFEXITED(status)) reason += " with exit status " + std::to_string(WEXITSTATUS(status));
        if (WIFSIGNALED(status)) reason += " by signal " + std::to_string(WTERMSIG(status));
    }
    throw VideoError(program_ + ": " + reason);
}

int VideoEncoder::wait() {
    if (pipe_ >= 0) close(pipe_);  // end of stream: ffmpeg finishes the file and exits
    pipe_ = -1;
    int status = 0;
    while (waitpid(child_, &status, 0) < 0 && errno == EINTR) {}
    child_ = -1;
    return status;
}

std::string VideoEncoder::firstLogLine() const {
    if (!log_) return {};
    std::rewind(log_);
    char line[512];
    while (std::fgets(line, sizeof line, log_)) {
        std::string text = trimmed(std::string(line, std::strcspn(line, "\n")));
        // "file:NAME: No such file or directory": the caller names the file already
        if (text.rfind(target_ + ": ", 0) == 0) text.erase(0, target_.size() + 2);
        if (!text.empty()) return text;
    }
    return {};
}

}  // namespace psoas::app
