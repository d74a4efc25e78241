#pragma once
// The GLFW window and its OpenGL 3.3 core context. A hidden window serves the command line and
// the tests (GLFW 3.3 has no headless platform), so they render with exactly the window's code.

#include <glm/vec2.hpp>

#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace psoas::app {

// No display to open a window on (no X server or Wayland compositor reachable).
class NoDisplayError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct WindowOptions {
    int width = 1280;
    int height = 720;
    bool visible = true;
    bool debugContext = false;
    std::string title = "Psoas Atlas";
};

class Window {
public:
    explicit Window(const WindowOptions& options);  // throws NoDisplayError or std::runtime_error
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] GLFWwindow* handle() const { return window_; }
    [[nodiscard]] bool shouldClose() const;
    void requestClose();
    void swapBuffers();
    [[nodiscard]] glm::ivec2 framebufferSize() const;
    [[nodiscard]] glm::vec2 windowSize() const;
    [[nodiscard]] float contentScale() const;  // the monitor's UI scale (1 on a plain 96-dpi screen)
    [[nodiscard]] bool minimised() const;

    // F11: fullscreen on the monitor the window is on; again to return to the earlier place and size.
    void toggleFullscreen();
    [[nodiscard]] bool fullscreen() const;

private:
    GLFWwindow* window_ = nullptr;
    int restoreX_ = 0, restoreY_ = 0, restoreWidth_ = 1280, restoreHeight_ = 720;
};

}  // namespace psoas::app
