#pragma once
// What differs between the desktop program and the browser page, behind one seam: the rest of
// app/ calls these, and CMake compiles platform_desktop.cpp or platform_browser.cpp (never both).
// core, render and ui do not know which one runs.

#include "app/touch_gestures.hpp"
#include "app/window.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace psoas::app::platform {

// Whether a window can be opened at all: a display server on the desktop (DISPLAY or
// WAYLAND_DISPLAY set); always in a browser page, whose canvas is the window.
[[nodiscard]] bool displayAvailable();
// The one line said when the window's GL context cannot be made (`reason`: GLFW's words), with
// what to do: on the desktop an OpenGL 3.3 driver; in a browser WebGL 2, which a browser without
// graphics acceleration (or a headless one without a GPU) does not give the page.
[[nodiscard]] std::string noGraphicsMessage(const std::string& reason);

// Whether --lesson and --step come from a link rather than from a command line: in a browser page
// they are the page address's ?lesson=ID&step=N (web/shell.html), and a mistyped link must not
// leave thirty students at a blank page, so the viewer opens anyway and says what was wrong
// (app/first_view). On the desktop they are options, and a bad one is a usage error (exit 2).
[[nodiscard]] bool lessonComesFromALink();

// Runs `frame` until it returns false. The desktop loops here and returns. A browser page must not
// block, so there the page's animation callback runs `frame` once per display refresh and this
// call does not return to its caller (the program's state stays alive for the callbacks).
void runFrames(std::function<bool()> frame);

// Touch screens. In a browser page the fingers on the canvas go through app/touch_gestures: one
// finger becomes the page's own mouse events (so the panels, the orbit, clicks and double-clicks
// take it exactly as a mouse), and what a mouse cannot say comes to `gesture`: PointerCancel
// (before the button is let go, so the release is no click), Pan, Zoom, NextStep, PreviousStep.
// The desktop's GLFW 3.3 has no touch events; touch screens on X11 and Wayland move the pointer,
// which the mouse path already takes, so there `gesture` is never called. In the browser this
// also puts the page's wheel into the desktop's units (one notch: +-1), which Emscripten's GLFW
// does not.
void listenForTouch(std::function<void(const TouchIntent&)> gesture);

// A file the program just wrote for the teacher (a screenshot) handed over as the platform does:
// a browser page's files live in its memory and vanish with it, so there it is downloaded (the
// browser saves it to the Downloads folder) and this returns true; the desktop's file is already
// where the teacher finds it, so there this does nothing and returns false.
bool offerDownload(const std::filesystem::path& file);

// The teacher's own files (settings, lessons opened in the viewer) were just written under
// configDirectory() or userDataDirectory() (app/user_paths.hpp). A browser page holds its files in
// memory only, so there they are copied to the browser's lasting storage (IndexedDB; web/shell.html
// reads them back before the viewer starts, so a reload or the next visit finds them). The
// desktop's are on the disk already: there this does nothing.
void keepUserFiles();

// Whether the teacher's files are chosen with the platform's file picker rather than typed: a
// browser page's paths mean nothing to a teacher, so there the panel offers one "Open files…"
// button and chooseFiles() opens the browser's picker. The desktop types paths (or drops files).
[[nodiscard]] bool picksFiles();
// What chooseFiles() did.
enum class FilePicker {
    None,              // the desktop: no picker; the caller takes typed paths
    Opened,            // the browser's picker is open
    OpensAtNextPress,  // the browser refused: its picker opens only just after a click, tap or key
                       // press, and this one came too late (a slow frame); the next press opens it
};
// Opens the browser's file picker; the chosen files are written into the page's file system and
// arrive as a drop onto the window (GLFW's drop callback, Application::openPaths), as files
// dragged onto the page do. Ctrl+O never comes here in a browser: the page opens the picker in
// the key's own event (web/shell.html), where the browser always allows it.
FilePicker chooseFiles();
// A teacher's file as messages name it: as given on the desktop; in a browser a picked or dropped
// file by its own name (the page's file system holds it in a folder of its own, a path that means
// nothing to the teacher); and a file kept in the browser's storage as such.
[[nodiscard]] std::string shownPath(const std::filesystem::path& file);
[[nodiscard]] std::string shownKeptPath(const std::filesystem::path& file);

// Presenter mode on two screens (core/screen_plan): the class's own window, beside the teacher's.
// The desktop offers it: openSecondWindow makes a visible window whose context shares `first`'s
// objects, full screen on a second monitor when GLFW reports one (core placeAudience), otherwise
// a window beside `first` that the teacher drags to the projector; `first`'s context is current
// again when it returns. Throws std::runtime_error when the window cannot be made. A browser page
// has one canvas: there offersSecondWindow() is false (the panel's "Two screens" and F6 are not
// offered) and openSecondWindow returns null.
[[nodiscard]] bool offersSecondWindow();

// Whether the program can close its own window (Ctrl+Q): a browser page cannot close its tab, so
// the key list does not offer it there.
[[nodiscard]] bool canQuit();
std::unique_ptr<Window> openSecondWindow(Window& first, const std::string& title);

}  // namespace psoas::app::platform
