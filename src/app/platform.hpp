#pragma once
// What differs between the desktop program and the browser page, behind one seam: the rest of
// app/ calls these, and CMake compiles platform_desktop.cpp or platform_browser.cpp (never both).
// core, render and ui do not know which one runs.

#include <functional>

namespace psoas::app::platform {

// Whether a window can be opened at all: a display server on the desktop (DISPLAY or
// WAYLAND_DISPLAY set); always in a browser page, whose canvas is the window.
[[nodiscard]] bool displayAvailable();

// Runs `frame` until it returns false. The desktop loops here and returns. A browser page must not
// block, so there the page's animation callback runs `frame` once per display refresh and this
// call does not return to its caller (the program's state stays alive for the callbacks).
void runFrames(std::function<bool()> frame);

}  // namespace psoas::app::platform
