// --bench: frame times of the one frame step at a fixed 1/60 s, against the floor renderer (the
// same triangles in the same pose, drawn the simplest way, at the same size).

#include "app/application.hpp"
#include "app/jobs.hpp"
#include "app/process_memory.hpp"
#include "app/startup_trace.hpp"
#include "render/floor_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/render_target.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

namespace psoas::app {

namespace {
using Clock = std::chrono::steady_clock;

double millisecondsBetween(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

double percentile(std::vector<double> values, double fraction) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(std::lround(fraction * static_cast<double>(values.size() - 1)));
    return values[index];
}

// The floor's frame times: the session's visible structures in their current pose.
std::vector<double> floorFrameTimes(const Application& app, const render::OffscreenTarget& target, glm::ivec2 size, int frames) {
    const Scene& scene = app.scene();
    const ViewerSession& session = app.session();
    render::FloorRenderer floor(scene);
    std::vector<bool> visible(scene.structures.size());
    std::vector<glm::mat4> models(scene.structures.size(), glm::mat4(1.0f));
    for (std::size_t i = 0; i < scene.structures.size(); ++i) {
        visible[i] = session.displayOpacity()[i] > 0.003f;
        if (const SceneMotion* motion = session.sceneMotion()) {
            models[i] = motion->model(i);
            if (const auto* positions = motion->positions(i)) floor.updateVertices(i, *positions, *motion->normals(i));
        }
    }
    std::vector<double> floorMs;
    const render::BoundTarget bound(&target, size);
    for (int i = 0; i < frames; ++i) {
        const auto start = Clock::now();
        floor.render(session.camera(), size, models, visible);
        render::finishGpuWork();
        floorMs.push_back(millisecondsBetween(start, Clock::now()));
    }
    return floorMs;
}
}  // namespace

int runBench(Application& app, const Options& options) {
    const int width = options.width, height = options.height, frames = options.frames;
    openBreathingStep(app, options);
    (void)app.renderImage(width, height, Background::Dark, true);  // window, fonts, first frame
    render::finishGpuWork();
    const double startupMs = millisecondsSinceStart();

    render::OffscreenTarget target(width, height);
    const glm::vec2 display{static_cast<float>(width), static_cast<float>(height)};
    std::vector<double> frameMs, animationMs, submitMs, uiMs, waitMs;
    for (auto* v : {&frameMs, &animationMs, &submitMs, &uiMs, &waitMs}) v->reserve(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i) {
        const auto start = Clock::now();
        Application::FrameTimes times;
        app.step(1.0 / 60.0, {display, {width, height}, &target, Background::Dark}, &times);
        const auto submitted = Clock::now();
        render::finishGpuWork();
        const auto done = Clock::now();
        animationMs.push_back(times.advanceMs);
        uiMs.push_back(times.uiMs);
        submitMs.push_back(times.sceneMs);
        waitMs.push_back(millisecondsBetween(submitted, done));
        frameMs.push_back(millisecondsBetween(start, done));
    }
    const std::vector<double> floorMs = floorFrameTimes(app, target, {width, height}, frames);
    const std::string renderer = render::rendererName();
    std::printf("{\"startup_ms\": %.1f, \"frame_ms_median\": %.3f, \"frame_ms_p95\": %.3f, \"floor_frame_ms_median\": %.3f, "
                "\"animation_cpu_ms\": %.4f, \"submit_cpu_ms\": %.3f, \"ui_cpu_ms\": %.3f, \"gpu_wait_ms\": %.3f, "
                "\"peak_rss_mb\": %.1f, \"size\": \"%dx%d\", \"frames\": %d, \"triangles\": %zu, \"gl_renderer\": \"%s\"}\n",
                startupMs, percentile(frameMs, 0.5), percentile(frameMs, 0.95), percentile(floorMs, 0.5),
                percentile(animationMs, 0.5), percentile(submitMs, 0.5), percentile(uiMs, 0.5), percentile(waitMs, 0.5),
                peakResidentMegabytes(), width, height, frames, app.scene().triangleCount(), renderer.c_str());
    return 0;
}

}  // namespace psoas::app
