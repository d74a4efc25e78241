#pragma once
// What each screen shows while a teacher presents, and where the class's window goes: presenter
// mode on one screen puts the slide layout on the teacher's window (full screen); on two screens
// (a laptop and a projector) the class's window takes the slide layout and the teacher's keeps
// the panels with the step's notes. Plain values, so the rules are tested without a window.

#include "core/viewer_layout.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace psoas {

// A rectangle on the desktop, in screen coordinates (pixels of the virtual desktop, origin at the
// primary monitor's top-left, y down, as GLFW gives monitors and windows).
struct ScreenRect {
    int x = 0, y = 0, width = 0, height = 0;
    friend bool operator==(const ScreenRect&, const ScreenRect&) = default;
};

enum class Screen { Teacher, Audience };

// How one screen draws the frame: its layout, and whether it is sized and coloured for a room
// (presenter mode's text scale, core presenterUiScale, and its high-contrast theme).
struct ScreenRole {
    LayoutMode mode = LayoutMode::Panels;
    bool forTheRoom = false;
    friend bool operator==(const ScreenRole&, const ScreenRole&) = default;
};

// `presenter`, `twoScreens`: the session's (ViewerSession::presenter, twoScreens). `withUi` false:
// an image without panels (--no-ui, slides), which has the slide layout on every screen.
// The audience screen, which exists only on two screens, always shows the slide for the room.
[[nodiscard]] ScreenRole screenRole(Screen screen, bool presenter, bool twoScreens, bool withUi = true);

// Whether `screen` is black while the session is blanked (B or "."): every screen, but the
// teacher's on two screens, which keeps the model and the panel (and says the class's is blank).
[[nodiscard]] bool screenBlanked(Screen screen, bool blank, bool twoScreens);

// Whether the teacher's window goes full screen: in presenter mode on one screen only (on two,
// the laptop keeps its desktop and its window).
[[nodiscard]] bool teacherFullscreen(bool presenter, bool twoScreens);

// Where the class's window opens. `monitors`: every monitor's whole area (GLFW's order, primary
// first); `teacher`: the teacher's window. With a second monitor, full screen on the monitor that
// holds least of the teacher's window (the projector; the larger one if two hold none of it).
// Otherwise a 16:9 window beside the teacher's, on the first monitor, for the teacher to drag to
// a projector the system has not told about: at most half that monitor's width, at least 480 px
// wide where the monitor has room.
struct AudiencePlace {
    std::optional<std::size_t> fullscreenOn;  // an index into `monitors`
    ScreenRect window;                        // the window's place when not full screen
};
[[nodiscard]] AudiencePlace placeAudience(const std::vector<ScreenRect>& monitors, ScreenRect teacher);

// The 16:9 shape a projector most often has, for the class's first window and its offscreen image.
inline constexpr float kAudienceAspect = 16.0f / 9.0f;

}  // namespace psoas
