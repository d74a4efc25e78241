#include "app/input_map.hpp"

#include <GLFW/glfw3.h>
#include <gtest/gtest.h>

namespace psoas::app {
namespace {

TEST(InputMap, presentation_clicker_keys_step_through_an_open_lesson) {
    EXPECT_EQ(actionForKey(GLFW_KEY_PAGE_DOWN, 0, true), ViewerAction::NextStep);
    EXPECT_EQ(actionForKey(GLFW_KEY_PAGE_UP, 0, true), ViewerAction::PreviousStep);
    EXPECT_EQ(actionForKey(GLFW_KEY_RIGHT, 0, true), ViewerAction::NextStep);
    EXPECT_EQ(actionForKey(GLFW_KEY_SPACE, 0, true), ViewerAction::NextStep);
    EXPECT_EQ(actionForKey(GLFW_KEY_BACKSPACE, 0, true), ViewerAction::PreviousStep);
    EXPECT_EQ(actionForKey(GLFW_KEY_END, 0, true), ViewerAction::LastStep);
    EXPECT_EQ(actionForKey(GLFW_KEY_F5, 0, true), ViewerAction::TogglePresenter);
    EXPECT_EQ(actionForKey(GLFW_KEY_B, 0, true), ViewerAction::Blank);
    EXPECT_EQ(actionForKey(GLFW_KEY_PERIOD, 0, true), ViewerAction::Blank);
    EXPECT_EQ(actionForKey(GLFW_KEY_ESCAPE, 0, true), ViewerAction::Escape);
}

TEST(InputMap, home_resets_the_view_without_a_lesson_and_goes_to_the_first_step_with_one) {
    EXPECT_EQ(actionForKey(GLFW_KEY_HOME, 0, false), ViewerAction::ResetView);
    EXPECT_EQ(actionForKey(GLFW_KEY_HOME, 0, true), ViewerAction::FirstStep);
    EXPECT_EQ(actionForKey(GLFW_KEY_F, 0, true), ViewerAction::ResetView);
    EXPECT_FALSE(actionForKey(GLFW_KEY_PAGE_DOWN, 0, false).has_value());
}

TEST(InputMap, view_presets_are_on_the_top_row_digits_and_modifiers_matter) {
    EXPECT_EQ(actionForKey(GLFW_KEY_1, 0), ViewerAction::ViewAnterior);
    EXPECT_EQ(actionForKey(GLFW_KEY_7, 0), ViewerAction::ViewOblique);
    EXPECT_EQ(actionForKey(GLFW_KEY_0, GLFW_MOD_CONTROL), ViewerAction::ScaleReset);
    EXPECT_EQ(actionForKey(GLFW_KEY_EQUAL, GLFW_MOD_CONTROL), ViewerAction::ScaleUp);
    EXPECT_EQ(actionForKey(GLFW_KEY_MINUS, GLFW_MOD_CONTROL), ViewerAction::ScaleDown);
    EXPECT_EQ(actionForKey(GLFW_KEY_F12, 0), ViewerAction::Screenshot);
    EXPECT_EQ(actionForKey(GLFW_KEY_F12, GLFW_MOD_CONTROL), ViewerAction::ScreenshotSlide);
    EXPECT_FALSE(actionForKey(GLFW_KEY_Q, 0).has_value());  // only Ctrl+Q quits: no accidental exits mid-class
    EXPECT_EQ(actionForKey(GLFW_KEY_Q, GLFW_MOD_CONTROL), ViewerAction::Quit);
}

TEST(InputMap, the_help_overlay_names_every_classroom_key) {
    std::string all;
    for (const auto& entry : helpEntries()) all += entry.keys + "\n";
    for (const char* key : {"F5", "B or .", "PageDown", "F12", "Ctrl + =", "H or F1", "1  2  3  4"})
        EXPECT_NE(all.find(key), std::string::npos) << key;
}

}  // namespace
}  // namespace psoas::app
