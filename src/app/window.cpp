#include "app/window.hpp"

#include "render/gl_debug.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>

namespace psoas::app {

namespace {
std::string gLastGlfwError;

void onGlfwError(int, const char* description) { gLastGlfwError = description ? description : "unknown GLFW error"; }

bool displayAvailable() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

constexpr const char* kHeadlessHint =
    "run it in a desktop session, or headless with Xvfb: xvfb-run -a ./run, or render an image: "
    "xvfb-run -a psoas-atlas --screenshot out.png";

// Picks the monitor that holds most of the window, so fullscreen goes where the teacher dragged it.
GLFWmonitor* monitorUnder(GLFWwindow* window) {
    int wx, wy, ww, wh;
    glfwGetWindowPos(window, &wx, &wy);
    glfwGetWindowSize(window, &ww, &wh);
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* best = glfwGetPrimaryMonitor();
    long bestArea = -1;
    for (int i = 0; i < count; ++i) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        int mx, my;
        glfwGetMonitorPos(monitors[i], &mx, &my);
        if (!mode) continue;
        const long w = std::max(0, std::min(wx + ww, mx + mode->width) - std::max(wx, mx));
        const long h = std::max(0, std::min(wy + wh, my + mode->height) - std::max(wy, my));
        if (w * h > bestArea) {
            bestArea = w * h;
            best = monitors[i];
        }
    }
    return best;
}
}  // namespace

Window::Window(const WindowOptions& options) {
    glfwSetErrorCallback(onGlfwError);
    if (!displayAvailable()) throw NoDisplayError(std::string("no display (DISPLAY is not set): ") + kHeadlessHint);
    if (!glfwInit()) throw NoDisplayError("cannot open the display (" + gLastGlfwError + "): " + kHeadlessHint);

    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, options.debugContext ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 0);  // MSAA costs ~6x on software GL; edges are handled elsewhere

    window_ = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (!window_) {
        const std::string reason = gLastGlfwError;
        glfwTerminate();
        throw std::runtime_error("cannot create an OpenGL 3.3 window (" + reason + "); update the graphics driver");
    }
    glfwMakeContextCurrent(window_);
    if (!render::loadGl(reinterpret_cast<void* (*)(const char*)>(glfwGetProcAddress))) {
        glfwDestroyWindow(window_);
        glfwTerminate();
        throw std::runtime_error("OpenGL 3.3 functions could not be loaded; update the graphics driver");
    }
    glfwSwapInterval(1);
}

Window::~Window() {
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

bool Window::shouldClose() const { return glfwWindowShouldClose(window_); }
void Window::requestClose() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }
void Window::swapBuffers() { glfwSwapBuffers(window_); }

glm::ivec2 Window::framebufferSize() const {
    glm::ivec2 size;
    glfwGetFramebufferSize(window_, &size.x, &size.y);
    return size;
}

glm::vec2 Window::windowSize() const {
    int w, h;
    glfwGetWindowSize(window_, &w, &h);
    return {static_cast<float>(w), static_cast<float>(h)};
}

float Window::contentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return std::clamp(std::max(x, y), 1.0f, 3.0f);
}

bool Window::minimised() const {
    const glm::ivec2 size = framebufferSize();
    return size.x <= 0 || size.y <= 0 || glfwGetWindowAttrib(window_, GLFW_ICONIFIED);
}

bool Window::fullscreen() const { return glfwGetWindowMonitor(window_) != nullptr; }

void Window::toggleFullscreen() {
    if (fullscreen()) {
        glfwSetWindowMonitor(window_, nullptr, restoreX_, restoreY_, restoreWidth_, restoreHeight_, GLFW_DONT_CARE);
        return;
    }
    glfwGetWindowPos(window_, &restoreX_, &restoreY_);
    glfwGetWindowSize(window_, &restoreWidth_, &restoreHeight_);
    GLFWmonitor* monitor = monitorUnder(window_);
    if (!monitor) return;
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    if (!mode) return;
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

}  // namespace psoas::app
