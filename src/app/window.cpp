#include "app/window.hpp"

#include "app/platform.hpp"

#include "render/gl_debug.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>

namespace psoas::app {

namespace {
std::string gLastGlfwError;

void onGlfwError(int, const char* description) { gLastGlfwError = description ? description : "unknown GLFW error"; }

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

// The work areas of every connected monitor but `lost`, the primary one first.
std::vector<ScreenRect> screensWithout(GLFWmonitor* lost) {
    std::vector<ScreenRect> screens;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
        if (monitors[i] == lost) continue;
        ScreenRect area;
        glfwGetMonitorWorkarea(monitors[i], &area.x, &area.y, &area.width, &area.height);
        if (area.width > 0 && area.height > 0) screens.push_back(area);
    }
    return screens;
}
}  // namespace

std::vector<ScreenRect> monitorWorkAreas() { return screensWithout(nullptr); }

ScreenRect placeOnRemainingScreens(ScreenRect window, const std::vector<ScreenRect>& screens) {
    constexpr int kMinWidth = 320, kMinHeight = 240;
    window.width = std::max(window.width, kMinWidth);
    window.height = std::max(window.height, kMinHeight);
    if (screens.empty()) return window;
    const ScreenRect* target = &screens.front();
    long bestOverlap = 0;
    for (const ScreenRect& screen : screens) {
        const long w = std::max(0, std::min(window.x + window.width, screen.x + screen.width) - std::max(window.x, screen.x));
        const long h = std::max(0, std::min(window.y + window.height, screen.y + screen.height) - std::max(window.y, screen.y));
        if (w * h > bestOverlap) {
            bestOverlap = w * h;
            target = &screen;
        }
    }
    ScreenRect placed;
    placed.width = std::min(window.width, target->width);
    placed.height = std::min(window.height, target->height);
    if (bestOverlap > 0) {
        placed.x = std::clamp(window.x, target->x, target->x + target->width - placed.width);
        placed.y = std::clamp(window.y, target->y, target->y + target->height - placed.height);
    } else {
        placed.x = target->x + (target->width - placed.width) / 2;
        placed.y = target->y + (target->height - placed.height) / 2;
    }
    return placed;
}

Window::Window(const WindowOptions& options) {
    glfwSetErrorCallback(onGlfwError);
    if (!platform::displayAvailable()) throw NoDisplayError("no display (DISPLAY is not set)");
    if (!glfwInit()) throw NoDisplayError("cannot open the display (" + gLastGlfwError + ")");

    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, options.debugContext ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 0);  // MSAA costs ~6x on software GL; edges are handled elsewhere

    ownsGlfw_ = options.shareWith == nullptr;
    GLFWwindow* share = const_cast<GLFWwindow*>(options.shareWith);  // GLFW's API takes it non-const; it is only read
    window_ = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, share);
    if (!window_) {
        const std::string reason = gLastGlfwError;
        if (ownsGlfw_) glfwTerminate();
        throw std::runtime_error(platform::noGraphicsMessage(reason));
    }
    glfwMakeContextCurrent(window_);
    if (!render::loadGl(reinterpret_cast<void* (*)(const char*)>(glfwGetProcAddress))) {
        glfwDestroyWindow(window_);
        if (ownsGlfw_) glfwTerminate();
        throw std::runtime_error("OpenGL 3.3 functions could not be loaded; update the graphics driver");
    }
    glfwSwapInterval(ownsGlfw_ ? 1 : 0);
}

Window::~Window() {
    if (window_) glfwDestroyWindow(window_);
    if (ownsGlfw_) glfwTerminate();
}

void Window::makeCurrent() { glfwMakeContextCurrent(window_); }

void Window::showOn(GLFWmonitor* monitor, ScreenRect place) {
    restoreX_ = place.x, restoreY_ = place.y, restoreWidth_ = place.width, restoreHeight_ = place.height;
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode) {
        fullscreenOn_ = nullptr;
        glfwSetWindowMonitor(window_, nullptr, place.x, place.y, place.width, place.height, GLFW_DONT_CARE);
        return;
    }
    fullscreenOn_ = monitor;
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

bool Window::moveToNewMonitor(GLFWmonitor* monitor, ScreenRect keepOff) {
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode) return false;
    ScreenRect area{0, 0, mode->width, mode->height};
    glfwGetMonitorPos(monitor, &area.x, &area.y);
    const bool apartX = keepOff.x + keepOff.width <= area.x || area.x + area.width <= keepOff.x;
    const bool apartY = keepOff.y + keepOff.height <= area.y || area.y + area.height <= keepOff.y;
    if (!apartX && !apartY) return false;
    showOn(monitor, rect());
    return true;
}

bool Window::shouldClose() const { return glfwWindowShouldClose(window_); }
void Window::requestClose() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }
void Window::cancelClose() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }
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
        fullscreenOn_ = nullptr;
        glfwSetWindowMonitor(window_, nullptr, restoreX_, restoreY_, restoreWidth_, restoreHeight_, GLFW_DONT_CARE);
        return;
    }
    glfwGetWindowPos(window_, &restoreX_, &restoreY_);
    glfwGetWindowSize(window_, &restoreWidth_, &restoreHeight_);
    GLFWmonitor* monitor = monitorUnder(window_);
    if (!monitor) return;
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    if (!mode) return;
    fullscreenOn_ = monitor;
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

ScreenRect Window::rect() const {
    ScreenRect r;
    glfwGetWindowPos(window_, &r.x, &r.y);
    glfwGetWindowSize(window_, &r.width, &r.height);
    return r;
}

bool Window::leaveLostMonitor(GLFWmonitor* lost) {
    const bool fullscreenThere = lost && (glfwGetWindowMonitor(window_) == lost || fullscreenOn_ == lost);
    const std::vector<ScreenRect> screens = screensWithout(lost);
    if (fullscreenThere) {
        // GLFW 3.3 already turned it into a window the size of the lost screen; give the teacher
        // back the window they had before going full screen, on a screen that is still there.
        fullscreenOn_ = nullptr;
        const ScreenRect placed = placeOnRemainingScreens({restoreX_, restoreY_, restoreWidth_, restoreHeight_}, screens);
        glfwSetWindowMonitor(window_, nullptr, placed.x, placed.y, placed.width, placed.height, GLFW_DONT_CARE);
        return true;
    }
    if (fullscreen()) return false;  // full screen on a monitor that is still there
    const ScreenRect now = rect();
    const ScreenRect placed = placeOnRemainingScreens(now, screens);
    if (placed.x == now.x && placed.y == now.y && placed.width == now.width && placed.height == now.height) return false;
    glfwSetWindowPos(window_, placed.x, placed.y);
    glfwSetWindowSize(window_, placed.width, placed.height);
    return true;
}

void Window::keepOnScreen() { leaveLostMonitor(nullptr); }

}  // namespace psoas::app
