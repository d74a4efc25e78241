#pragma once
// Mouse buttons and keys as Dear ImGui 1.86 reads them: one state per button or key per frame
// (io.MouseDown, io.KeysDown). GLFW hands over every event since the last frame at once. On a
// slow machine (software GL draws a 1080p frame in 30-50 ms) a click's release and the next
// click's press, or a key's press and release, arrive between the same two frames, and ImGui saw
// one long press or nothing: the second click of a double-click was lost (a joint slider's
// "double-click to type"), and a quick End or Ctrl+Z in a text field did nothing (tester,
// session 11). Queued here in the order they came, each frame takes changes until one would change
// a button or key a second time, so every press and release is seen, in order (Z then Ctrl is
// not Ctrl+Z).

#include <deque>
#include <map>
#include <utility>

namespace psoas::app {

class PressQueue {
public:
    // A press (`down`) or release of `slot` (a mouse button or a key code), as it arrives.
    void push(int slot, bool down);
    // Moves on to the frame that begins now: the queued changes, in order, up to the first that
    // would change a slot already changed in this frame.
    void nextFrame();
    // The slot's state in this frame (false for one never pressed).
    [[nodiscard]] bool down(int slot) const;
    // Every slot that was ever pressed, with its state in this frame.
    [[nodiscard]] const std::map<int, bool>& states() const { return state_; }
    // Changes still queued: more frames are needed to hand them over.
    [[nodiscard]] bool pending() const;

private:
    std::deque<std::pair<int, bool>> queued_;
    std::map<int, bool> state_;
};

}  // namespace psoas::app
