#pragma once
// The one place input becomes session actions: keys (as KeyChords), pointer buttons, moves, the
// wheel and focus, in window coordinates. It keeps what a gesture needs between events (the
// drag, the pointer, whether hover needs picking again) and knows no window system: the window's
// callbacks and --script both feed it. Keys the window itself must act on (full screen, files,
// text size, quitting) come back to the caller.

#include "app/input_map.hpp"
#include "core/key.hpp"
#include "core/label_layout.hpp"
#include "core/viewer_session.hpp"

#include <glm/vec2.hpp>

#include <functional>
#include <optional>
#include <vector>

namespace psoas::app {

enum class PointerButton { Left, Right, Middle };

class InputController {
public:
    // Every session change goes through `apply` (the app follows it: full screen with presenter
    // mode, bent meshes uploaded).
    using Apply = std::function<void(const SessionAction&)>;
    // Whether the session holds a joint after act::GrabJoint (ViewerSession::holdingJoint): then the
    // drag poses the body instead of turning the camera.
    using HoldingJoint = std::function<bool()>;
    explicit InputController(Apply apply, HoldingJoint holdingJoint = [] { return false; })
        : apply_(std::move(apply)), holdingJoint_(std::move(holdingJoint)) {}

    // Returns the action when the caller has to act on it or report it: ToggleFullscreen,
    // Screenshot, ScreenshotSlide, Quit, ScaleUp / Down / Reset, OpenFiles, ToggleAutoplay, TogglePause.
    // `uiWantsKeyboard`: a text field of the panels has the keyboard.
    std::optional<ViewerAction> keyPress(KeyChord chord, const ViewerSession& session, bool uiWantsKeyboard);
    // `view`: the 3D view in window coordinates. `uiWantsMouse`: the pointer is over the panels, as
    // the panels' last layout saw it. A press that follows a move before the panels were laid out
    // at the new place waits for that layout (laidOut), and the buttons after it with it: a tap on a
    // touch screen, or an instant click, moves and presses at once, and the last layout's answer
    // (where the finger was before, on the panel) dropped a tap on the model (tester, session 7).
    // `alt`: a left drag that starts on a thigh or the lumbar spine moves that joint (drag to pose;
    // the Motion tab's "Move joints" does it without Alt); elsewhere it orbits as usual.
    void buttonPressed(PointerButton button, bool shift, bool uiWantsMouse, const ViewRect& view, bool alt = false);
    void buttonReleased(PointerButton button, const ViewRect& view);
    void cursorMoved(glm::vec2 position, const ViewRect& view);
    // The panels were laid out at the pointer's place; the buttons that waited for it go on now.
    void laidOut(bool uiWantsMouse, const ViewRect& view);
    void scrolled(float notches, const ViewRect& view, bool uiWantsMouse);
    // The button released in another window never comes back: it must not count as a click.
    void focusLost();
    // Picks what is under the pointer again if it or the camera moved since the last time.
    void updateHover(const ViewRect& view, bool uiWantsMouse);

    [[nodiscard]] bool dragging() const { return drag_.button.has_value(); }
    [[nodiscard]] glm::vec2 cursor() const { return cursor_; }

private:
    struct Drag {
        std::optional<PointerButton> button;
        bool pan = false;
        bool joint = false;  // the session holds a joint: moves pose the body, the camera stays
        bool moved = false;
        glm::vec2 press{0.0f}, last{0.0f};
    };
    struct WaitingButton {
        PointerButton button;
        bool pressed;
        bool shift;
        bool alt;
    };
    void press(PointerButton button, bool shift, bool alt, bool uiWantsMouse, const ViewRect& view);
    void release(PointerButton button, const ViewRect& view);

    Apply apply_;
    HoldingJoint holdingJoint_;
    Drag drag_;
    bool movedSinceLayout_ = false;        // the pointer moved since the panels were laid out
    std::vector<WaitingButton> waiting_;  // presses and releases waiting for that layout
    glm::vec2 cursor_{0.0f};
    bool hoverStale_ = false;  // the pointer moved or the camera zoomed since hover was picked
};

}  // namespace psoas::app
