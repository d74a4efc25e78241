#pragma once
// The GLFW window and its OpenGL 3.3 core context. A hidden window serves the command line and
// the tests (GLFW 3.3 has no headless platform), so they render with exactly the window's code.

#include "core/screen_plan.hpp"

#include <glm/vec2.hpp>

#include <stdexcept>
#include <string>
#include <vector>

struct GLFWwindow;
struct GLFWmonitor;

namespace psoas::app {

// No display to open a window on (no X server or Wayland compositor reachable). The message says
// why; main() adds the headless hint (app/invocation.hpp), which names the command as typed.
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
    // A second window (the class's, on two screens) whose context shares textures, renderbuffers
    // and programs with this one's. It leaves GLFW to the first window, which must outlive it, and
    // does not wait for the display's refresh (the first window's swap does).
    const GLFWwindow* shareWith = nullptr;
};

// Where a window goes when the screen it was on is gone (a projector unplugged, a settings file
// from another desk): kept where it is if part of it is on one of `screens` (work areas, primary
// first), otherwise centred on the first; never larger than that screen, never smaller than
// 320x240 unless the screen is. With no screens at all it keeps its place at a sane size.
ScreenRect placeOnRemainingScreens(ScreenRect window, const std::vector<ScreenRect>& screens);

// The work areas (less task bars and docks) of every connected monitor, the primary one first.
std::vector<ScreenRect> monitorWorkAreas();

class Window {
public:
    explicit Window(const WindowOptions& options);  // throws NoDisplayError or std::runtime_error
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] GLFWwindow* handle() const { return window_; }
    [[nodiscard]] bool shouldClose() const;
    void requestClose();
    void cancelClose();  // the close waits for a question to be answered (unsaved lesson edits)
    void swapBuffers();
    void makeCurrent();  // its context takes the GL calls that follow (two windows: one at a time)
    [[nodiscard]] glm::ivec2 framebufferSize() const;
    [[nodiscard]] glm::vec2 windowSize() const;
    [[nodiscard]] float contentScale() const;  // the monitor's UI scale (1 on a plain 96-dpi screen)
    [[nodiscard]] bool minimised() const;

    // F11: fullscreen on the monitor the window is on; again to return to the earlier place and size.
    void toggleFullscreen();
    [[nodiscard]] bool fullscreen() const;

    // A monitor was disconnected (GLFW's monitor callback; tests call it directly, since Xvfb
    // cannot unplug one). If the window was full screen on it, it becomes a window again at its
    // earlier size on a remaining monitor; a window left off every remaining screen is brought
    // back onto one. True when the window had to move. `lost` is only compared, never read.
    bool leaveLostMonitor(GLFWmonitor* lost);
    // Brings a window placed off every connected screen (a position saved next to a projector
    // that is gone) back onto one.
    void keepOnScreen();
    // Full screen on `monitor`, just connected, unless it holds part of `keepOff` (the teacher's
    // window); true when it went there.
    bool moveToNewMonitor(GLFWmonitor* monitor, ScreenRect keepOff);
    // Full screen on `monitor` (placeAudience's choice); null: a window at `place`.
    void showOn(GLFWmonitor* monitor, ScreenRect place);
    // Where the window is on the desktop and its size (what the settings keep).
    [[nodiscard]] ScreenRect placement() const { return rect(); }

private:
    [[nodiscard]] ScreenRect rect() const;
    GLFWwindow* window_ = nullptr;
    bool ownsGlfw_ = true;  // false for a window sharing another's context (WindowOptions::shareWith)
    GLFWmonitor* fullscreenOn_ = nullptr;  // remembered: GLFW may leave full screen itself before telling us
    int restoreX_ = 0, restoreY_ = 0, restoreWidth_ = 1280, restoreHeight_ = 720;
};

}  // namespace psoas::app
