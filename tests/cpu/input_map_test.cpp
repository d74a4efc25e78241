#include "app/input_map.hpp"

#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

namespace psoas::app {
namespace {

TEST(InputMap, presentation_clicker_keys_step_through_an_open_lesson) {
    EXPECT_EQ(actionForKey({Key::PageDown, 0}, true), ViewerAction::NextStep);
    EXPECT_EQ(actionForKey({Key::PageUp, 0}, true), ViewerAction::PreviousStep);
    EXPECT_EQ(actionForKey({Key::Right, 0}, true), ViewerAction::NextStep);
    EXPECT_EQ(actionForKey({Key::Space, 0}, true), ViewerAction::NextStep);
    EXPECT_EQ(actionForKey({Key::Backspace, 0}, true), ViewerAction::PreviousStep);
    EXPECT_EQ(actionForKey({Key::End, 0}, true), ViewerAction::LastStep);
    EXPECT_EQ(actionForKey({Key::F5, 0}, true), ViewerAction::TogglePresenter);
    EXPECT_EQ(actionForKey({Key::B, 0}, true), ViewerAction::Blank);
    EXPECT_EQ(actionForKey({Key::Period, 0}, true), ViewerAction::Blank);
    EXPECT_EQ(actionForKey({Key::Escape, 0}, true), ViewerAction::Escape);
}

TEST(InputMap, home_resets_the_view_without_a_lesson_and_goes_to_the_first_step_with_one) {
    EXPECT_EQ(actionForKey({Key::Home, 0}, false), ViewerAction::ResetView);
    EXPECT_EQ(actionForKey({Key::Home, 0}, true), ViewerAction::FirstStep);
    EXPECT_EQ(actionForKey({Key::F, 0}, true), ViewerAction::ResetView);
    EXPECT_FALSE(actionForKey({Key::PageDown, 0}, false).has_value());
}

TEST(InputMap, view_presets_are_on_the_top_row_digits_and_modifiers_matter) {
    EXPECT_EQ(actionForKey({Key::Digit1, 0}), ViewerAction::ViewAnterior);
    EXPECT_EQ(actionForKey({Key::Digit7, 0}), ViewerAction::ViewOblique);
    EXPECT_EQ(actionForKey({Key::Digit0, modifier::Control}), ViewerAction::ScaleReset);
    EXPECT_EQ(actionForKey({Key::Equal, modifier::Control}), ViewerAction::ScaleUp);
    EXPECT_EQ(actionForKey({Key::Minus, modifier::Control}), ViewerAction::ScaleDown);
    EXPECT_EQ(actionForKey({Key::F12, 0}), ViewerAction::Screenshot);
    EXPECT_EQ(actionForKey({Key::F12, modifier::Control}), ViewerAction::ScreenshotSlide);
    EXPECT_FALSE(actionForKey({Key::Q, 0}).has_value());  // only Ctrl+Q quits: no accidental exits mid-class
    EXPECT_EQ(actionForKey({Key::Q, modifier::Control}), ViewerAction::Quit);
}

TEST(InputMap, the_help_overlay_names_every_classroom_key) {
    std::string all;
    for (const auto& entry : helpEntries()) all += entry.keys + "\n";
    for (const char* key : {"F5", "B or .", "PageDown", "F12", "Ctrl + =", "H or F1", "1  2  3  4", "C\n", "Up, Down"})
        EXPECT_NE(all.find(key), std::string::npos) << key;
}

// Issue 14: in class the caption took up to half the screen; C hides it, lesson or not.
TEST(InputMap, c_hides_or_shows_the_caption) {
    EXPECT_EQ(actionForKey({Key::C, 0}, true), ViewerAction::ToggleCaption);
    EXPECT_EQ(actionForKey({Key::C, 0}, false), ViewerAction::ToggleCaption);
    EXPECT_EQ(actionForKey({Key::C, modifier::Control}, true), std::nullopt);
}

// Only the window layer reads GLFW's codes; everything past it sees the viewer's own keys.
TEST(InputMap, glfw_key_codes_become_the_viewers_keys) {
    EXPECT_EQ(keyChordFromGlfw(GLFW_KEY_PAGE_DOWN, 0), (KeyChord{Key::PageDown, 0}));
    EXPECT_EQ(keyChordFromGlfw(GLFW_KEY_Q, GLFW_MOD_CONTROL), (KeyChord{Key::Q, modifier::Control}));
    EXPECT_EQ(keyChordFromGlfw(GLFW_KEY_EQUAL, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT), (KeyChord{Key::Equal, modifier::Control | modifier::Shift}));
    EXPECT_EQ(keyChordFromGlfw(GLFW_KEY_7, 0).key, Key::Digit7);
    EXPECT_EQ(keyChordFromGlfw(GLFW_KEY_F11, 0).key, Key::F11);
    EXPECT_EQ(keyChordFromGlfw(GLFW_KEY_CAPS_LOCK, GLFW_MOD_CAPS_LOCK), KeyChord{});  // neither a key nor a modifier we use
}

}  // namespace
// A script's keys reach ImGui as the GLFW codes its backend reads: every key maps there and back.
TEST(InputMap, every_viewer_key_has_its_glfw_code_and_back) {
    for (int k = static_cast<int>(Key::A); k <= static_cast<int>(Key::KeypadSubtract); ++k) {
        const Key key = static_cast<Key>(k);
        EXPECT_EQ(keyChordFromGlfw(glfwKeyOf(key), 0).key, key) << k;
    }
}

TEST(Key, a_chord_types_its_character_unless_it_is_a_shortcut) {
    EXPECT_EQ(typedCharacter({Key::P, 0}), U'p');
    EXPECT_EQ(typedCharacter({Key::P, modifier::Shift}), U'P');
    EXPECT_EQ(typedCharacter({Key::Digit7, 0}), U'7');
    EXPECT_EQ(typedCharacter({Key::Space, 0}), U' ');
    EXPECT_EQ(typedCharacter({Key::A, modifier::Control}), 0u);
    EXPECT_EQ(typedCharacter({Key::Down, 0}), 0u);
}

}  // namespace psoas::app
