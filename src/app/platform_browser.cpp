// The browser side of app/platform.hpp, and the few GLFW 3.3 functions window.cpp calls that
// Emscripten's GLFW (3.1.6) lacks or leaves unimplemented, answered from the page itself.
#include "app/platform.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cerrno>
#include <spawn.h>
#include <utility>

namespace psoas::app::platform {

namespace {
std::function<bool()> gFrame;

void onAnimationFrame() {
    if (!gFrame()) emscripten_cancel_main_loop();
}
}  // namespace

bool displayAvailable() { return true; }

void runFrames(std::function<bool()> frame) {
    gFrame = std::move(frame);
    // 0 frames per second: the browser's requestAnimationFrame paces it. `true`: main() does not
    // go on (its locals, the Application among them, stay alive for the callbacks).
    emscripten_set_main_loop(onAnimationFrame, 0, true);
}

}  // namespace psoas::app::platform

extern "C" {

// The page is the one "monitor": its work area is the browser window's inner size.
void glfwGetMonitorWorkarea(GLFWmonitor*, int* x, int* y, int* width, int* height) {
    if (x) *x = 0;
    if (y) *y = 0;
    if (width) *width = EM_ASM_INT({ return window.innerWidth; });
    if (height) *height = EM_ASM_INT({ return window.innerHeight; });
}

// The device's pixel ratio (1 on most school PCs, 2 or 3 on tablets and phones).
void glfwGetWindowContentScale(GLFWwindow*, float* x, float* y) {
    const auto ratio = static_cast<float>(std::max(1.0, emscripten_get_device_pixel_ratio()));
    if (x) *x = ratio;
    if (y) *y = ratio;
}

// Full screen is the browser's: asked for with a monitor, left with none. Browsers allow it only
// while handling a key press or click, which is when the viewer asks (F5, F11).
void glfwSetWindowMonitor(GLFWwindow*, GLFWmonitor* monitor, int, int, int, int, int) {
    if (monitor) {
        EmscriptenFullscreenStrategy strategy{};
        strategy.scaleMode = EMSCRIPTEN_FULLSCREEN_SCALE_STRETCH;
        strategy.canvasResolutionScaleMode = EMSCRIPTEN_FULLSCREEN_CANVAS_SCALE_HIDEF;
        strategy.filteringMode = EMSCRIPTEN_FULLSCREEN_FILTERING_DEFAULT;
        emscripten_request_fullscreen_strategy("#canvas", 1, &strategy);
    } else {
        emscripten_exit_fullscreen();
    }
}

// A page starts no programs: video recording (ffmpeg, app/video_encoder.cpp) is told ENOSYS and
// says it cannot record here, instead of the module failing to link.
int posix_spawnp(pid_t*, const char*, const posix_spawn_file_actions_t*, const posix_spawnattr_t*, char* const[], char* const[]) {
    return ENOSYS;
}

}  // extern "C"
