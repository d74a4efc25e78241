// --record FILE: the one frame step at a fixed 1/30 s a frame (the video's clock, not the
// machine's), each frame handed to ffmpeg.

#include "app/application.hpp"
#include "app/jobs.hpp"
#include "app/video_encoder.hpp"
#include "render/offscreen_target.hpp"

#include <unistd.h>

#include <cmath>
#include <iostream>

namespace psoas::app {

int runRecord(Application& app, const Options& options) {
    const std::filesystem::path& file = *options.record;
    const int width = options.width, height = options.height;
    const bool withUi = !options.noUi;
    app.renderImage(width, height, options.background, withUi);  // window, fonts, the step settled
    const bool showProgress = isatty(STDERR_FILENO) != 0;  // a progress bar in a log file is noise
    try {
        VideoEncoder video(file, width, height, 30);
        render::OffscreenTarget target(width, height, app.sceneNeedsTargetDepth());
        const int frames = static_cast<int>(std::lround(options.seconds * 30.0));
        for (int i = 0; i < frames; ++i) {
            app.step(1.0 / 30.0, {{static_cast<float>(width), static_cast<float>(height)}, {width, height}, &target, options.background, withUi});
            video.write(target.read());
            const int filled = ((i + 1) * 30) / std::max(frames, 1);
            if (showProgress)
                std::cerr << "\rRecording [" << std::string(static_cast<std::size_t>(filled), '#')
                          << std::string(static_cast<std::size_t>(30 - filled), ' ') << "] " << i + 1 << "/" << frames << std::flush;
        }
        video.finish();
        if (showProgress) std::cerr << '\n';
    } catch (const VideoError& e) {
        if (showProgress) std::cerr << '\n';
        std::cerr << "error: " << file.string() << ": " << e.what() << '\n';
        return 2;
    }
    return 0;
}

}  // namespace psoas::app
