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

// Where the class's window opens. `monitors`: every monitor's area (GLFW's order, primary first);
// `teacher`: the teacher's window; `model`: where the teacher's window draws the model (screen
// coordinates; empty: the middle half of the teacher's window). With a second monitor: full
// screen on the monitor that holds least of the teacher's window (the projector; the larger one if
// two hold none of it). On one monitor, a 16:9 window for the teacher to drag to a projector the
// system has not told about: beside the teacher's window where the screen has room for one at
// least 480 px wide (at most half the screen's width), right before left; otherwise (a laptop's
// one small screen, a maximised viewer) a smaller window in the screen's corner that covers least
// of the model (bottom before top): a third of the screen's width, at least 480 px where the
// screen has room (fresh tester, session 9: on a 1366x768 laptop it opened over half the model).
enum class AudienceFit {
    OwnScreen,  // full screen on a monitor of its own
    Beside,     // one monitor: beside the teacher's window
    Corner,     // one monitor without room beside: in a corner, off the model
};
struct AudiencePlace {
    std::optional<std::size_t> fullscreenOn;  // an index into `monitors`
    ScreenRect window;                        // the window's place when not full screen
    AudienceFit fit = AudienceFit::OwnScreen;
};
[[nodiscard]] AudiencePlace placeAudience(const std::vector<ScreenRect>& monitors, ScreenRect teacher, ScreenRect model = {});

// The narrowest window the class's screen opens as where the screen has room (its caption and
// labels are sized for a room, and at 480 x 270 they still leave the model most of it).
inline constexpr int kAudienceMinWidth = 480;

// The 16:9 shape a projector most often has, for the class's first window and its offscreen image.
inline constexpr float kAudienceAspect = 16.0f / 9.0f;

}  // namespace psoas
