#include "app/press_queue.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace psoas::app {
namespace {

// Regression (tester, session 11): a double-click on a joint slider in a real window on software
// GL never opened the text field. Both clicks' events arrived between two frames; ImGui 1.86 read
// the button once per frame and saw one press. Each change now gets a frame of its own.
TEST(PressQueue, a_double_click_arriving_between_two_frames_is_two_presses_frame_by_frame) {
    PressQueue buttons;
    for (const bool down : {true, false, true, false}) buttons.push(0, down);
    std::vector<bool> frames;
    while (buttons.pending()) {
        buttons.nextFrame();
        frames.push_back(buttons.down(0));
    }
    EXPECT_EQ(frames, (std::vector<bool>{true, false, true, false}));
    buttons.nextFrame();
    EXPECT_FALSE(buttons.down(0));  // and stays up
}

// The same for keys: Ctrl+Z typed quickly (all four events between two frames) is seen as Ctrl
// held over a frame where Z is down, then Z up, then Ctrl up; a held key's repeats change nothing.
TEST(PressQueue, a_quick_shortcut_is_spread_over_frames_and_keys_are_queued_apart) {
    constexpr int kCtrl = 341, kZ = 90;
    PressQueue keys;
    keys.push(kCtrl, true);
    keys.push(kZ, true);
    keys.push(kZ, true);  // a repeat
    keys.push(kZ, false);
    keys.push(kCtrl, false);
    keys.nextFrame();
    EXPECT_TRUE(keys.down(kCtrl));
    EXPECT_TRUE(keys.down(kZ));
    keys.nextFrame();
    EXPECT_FALSE(keys.down(kCtrl));
    EXPECT_FALSE(keys.down(kZ));
    EXPECT_FALSE(keys.pending());
    EXPECT_EQ(keys.states().size(), 2u);
    EXPECT_FALSE(keys.down(7));  // never pressed

    // Z tapped, then Ctrl: never Z with Ctrl held.
    keys.push(kZ, true);
    keys.push(kZ, false);
    keys.push(kCtrl, true);
    keys.push(kCtrl, false);
    for (int frame = 0; keys.pending(); ++frame) {
        keys.nextFrame();
        EXPECT_FALSE(keys.down(kZ) && keys.down(kCtrl)) << "frame " << frame;
    }
}

// Regression (tester, session 12): at 5 frames a second line breaks landed several characters
// late: typed characters reached ImGui at once while keys waited in the queue, and ImGui 1.86
// inserts a frame's characters before it acts on its keys. Characters now queue with the keys and
// wait for the frame after an editing key's press (without that: "onT\n"); letters' own key
// presses (and Shift) do not hold characters back.
TEST(PressQueue, a_character_typed_after_enter_waits_for_the_frame_after_it) {
    constexpr int kEnter = 257, kShift = 340, kO = 79, kT = 84;
    PressQueue keys([](int key) { return key >= 256 && key < 340; });
    keys.push(kO, true);
    keys.pushCharacter(U'o');
    keys.push(kO, false);
    keys.pushCharacter(U'n');
    keys.push(kEnter, true);
    keys.push(kShift, true);
    keys.push(kT, true);  // typed on while Enter is still down (key rollover)
    keys.pushCharacter(U'T');
    keys.push(kEnter, false);
    keys.push(kT, false);
    keys.push(kShift, false);
    // What a text field makes of it, frame by frame as ImGui 1.86 does: the frame's characters,
    // then a line break if Enter went down in that frame.
    std::u32string field;
    bool enterWasDown = false;
    while (keys.pending()) {
        keys.nextFrame();
        field += keys.typed();
        if (keys.down(kEnter) && !enterWasDown) field += U'\n';
        enterWasDown = keys.down(kEnter);
    }
    EXPECT_EQ(field, U"on\nT");
}

// Fresh tester C, session 12 (a busy machine): "Lunge stretch left" typed and "Save pose" clicked
// 0.3 s later saved "Lunge stretc": the click, queued apart from the keys, was handed over first.
// One queue keeps the order, and the click lands where it was made.
TEST(PressQueue, a_click_after_typing_waits_for_the_characters_and_keeps_its_place) {
    constexpr int kButton = 1 << 16, kC = 67;
    PressQueue presses([&](int slot) { return slot >= kButton; });
    presses.push(kC, true);
    presses.pushCharacter(U'c');
    presses.push(kC, false);
    presses.pushCharacter(U'c');  // a second 'c' comes two frames on: the key changes twice
    presses.pushAt(kButton, true, 40.0f, 300.0f);
    presses.pushAt(kButton, false, 41.0f, 301.0f);
    std::u32string typed;
    bool clicked = false;
    while (presses.pending()) {
        presses.nextFrame();
        if (presses.down(kButton)) {
            EXPECT_EQ(typed, U"cc") << "the click came before the last character";
            ASSERT_TRUE(presses.pointer().has_value());
            EXPECT_EQ(*presses.pointer(), (std::pair{40.0f, 300.0f}));
            clicked = true;
        }
        typed += presses.typed();
    }
    EXPECT_TRUE(clicked);
    EXPECT_EQ(typed, U"cc");
    EXPECT_EQ(*presses.pointer(), (std::pair{41.0f, 301.0f})) << "the release, where it was made";
}

}  // namespace
}  // namespace psoas::app
