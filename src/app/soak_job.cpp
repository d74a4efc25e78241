// --soak FRAMES: a long run of the one frame step at 1/60 s with a class's worth of churn, for
// leaks and GL errors.

#include "app/application.hpp"
#include "app/jobs.hpp"
#include "app/process_memory.hpp"
#include "render/gl_debug.hpp"
#include "render/offscreen_target.hpp"
#include "render/render_target.hpp"

#include <chrono>
#include <cstdio>

namespace psoas::app {

int runSoak(Application& app, const Options& options) {
    const int frames = options.soak;
    openBreathingStep(app, options);
    app.renderImage(320, 180, Background::Dark, true);
    render::resetGlDebugStats();
    render::OffscreenTarget target(320, 180, app.sceneNeedsTargetDepth());
    double rssStart = 0.0;
    const auto started = std::chrono::steady_clock::now();
    for (int i = 1; i <= frames; ++i) {
        // A class's worth of churn: a new step every 10 s of animation, a forced lesson reload every 40 s.
        const LessonPlayer& player = app.session().lessonPlayer();
        if (i % 600 == 0 && player.active()) {
            if (player.stepIndex() + 1 < player.stepCount()) app.apply(act::NextStep{});
            else app.apply(act::FirstStep{});
        }
        if (i % 2400 == 0) app.checkLessonFiles(true);
        app.step(1.0 / 60.0, {{320.0f, 180.0f}, {320, 180}, &target, Background::Dark});
        render::finishGpuWork();  // a frame ends here, as a swap ends it in the window; without it llvmpipe queues frames and memory grows
        if (i == std::min(1000, frames)) rssStart = memoryInUseMegabytes();  // after warm-up: caches and fonts are built
        if (i % 5000 == 0) std::fprintf(stderr, "\rsoak: %d / %d frames", i, frames);
    }
    render::finishGpuWork();
    const double rssEnd = memoryInUseMegabytes();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "\r%*s\r", 40, "");
    std::printf("{\"frames\": %d, \"rss_start_mb\": %.2f, \"rss_end_mb\": %.2f, \"rss_growth_mb\": %.2f, \"gl_errors\": %zu, "
                "\"seconds\": %.1f}\n",
                frames, rssStart, rssEnd, rssEnd - rssStart, render::glDebugStats().errors, seconds);
    return render::glDebugStats().errors == 0 ? 0 : 1;
}

}  // namespace psoas::app
