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
//
// Typed characters queue with the keys: ImGui 1.86 inserts a frame's characters before it acts on
// the frame's keys, so "one", Enter, "two" in one frame became "onetwo" and a line break (tester,
// session 12: line breaks and Tab landed several characters late at 5 frames a second). A
// character waits for the next frame once a key that edits or moves (`editsText`: Enter, Tab,
// Backspace, the arrows…) was pressed in this one, and such a press waits for the frame after
// characters.
//
// Mouse buttons queue with them too, each with where the pointer was: a click on "Save pose" right
// after typing a name was handed over before the name's last characters, which then went nowhere
// ("Lunge stretch left" saved as "Lunge stretc"; fresh tester, session 12, on a busy machine).

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace psoas::app {

class PressQueue {
public:
    // `editsText`: the slots whose press a later character must not overtake (none by default).
    explicit PressQueue(std::function<bool(int)> editsText = {}) : editsText_(std::move(editsText)) {}

    // A press (`down`) or release of `slot` (a mouse button or a key code), as it arrives.
    void push(int slot, bool down);
    // The same, with where the pointer was (window pixels): a mouse button's press or release,
    // handed over with the pointer there (pointer()).
    void pushAt(int slot, bool down, float x, float y);
    // A typed character (a Unicode code point), as it arrives.
    void pushCharacter(char32_t character);
    // Moves on to the frame that begins now: the queued changes and characters, in order, up to the
    // first change that would change a slot already changed in this frame, the first character
    // after a press of an `editsText` slot, or the first such press after a character.
    void nextFrame();
    // The characters typed in this frame, in order.
    [[nodiscard]] const std::u32string& typed() const { return typed_; }
    // Where the pointer was at the last change with a place taken in this frame (pushAt), if any.
    [[nodiscard]] const std::optional<std::pair<float, float>>& pointer() const { return pointer_; }
    // The slot's state in this frame (false for one never pressed).
    [[nodiscard]] bool down(int slot) const;
    // Every slot that was ever pressed, with its state in this frame.
    [[nodiscard]] const std::map<int, bool>& states() const { return state_; }
    // Changes still queued: more frames are needed to hand them over.
    [[nodiscard]] bool pending() const;

private:
    struct Event {
        int slot = -1;  // -1: a character
        bool down = false;
        char32_t character = 0;
        std::optional<std::pair<float, float>> at;  // where the pointer was (pushAt)
    };
    std::function<bool(int)> editsText_;
    std::deque<Event> queued_;
    std::map<int, bool> state_;
    std::u32string typed_;
    std::optional<std::pair<float, float>> pointer_;
};

}  // namespace psoas::app
