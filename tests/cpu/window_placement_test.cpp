// Where the window goes when a screen is gone: the projector unplugged mid-class, or a position
// saved beside a monitor that is not on this desk.

#include "app/window.hpp"

#include <gtest/gtest.h>

namespace psoas::app {
namespace {

const ScreenRect kLaptop{0, 0, 1366, 738};  // work area below a 30-pixel panel

void expectRect(const ScreenRect& r, int x, int y, int w, int h) {
    EXPECT_EQ(r.x, x);
    EXPECT_EQ(r.y, y);
    EXPECT_EQ(r.width, w);
    EXPECT_EQ(r.height, h);
}

TEST(WindowPlacement, a_window_left_on_the_unplugged_projector_is_centred_on_the_laptop) {
    // The teacher's window was on the projector, right of the laptop screen.
    expectRect(placeOnRemainingScreens({2200, 100, 1280, 720}, {kLaptop}), 43, 9, 1280, 720);
}

TEST(WindowPlacement, a_window_too_big_for_the_remaining_screen_is_shrunk_to_it) {
    expectRect(placeOnRemainingScreens({1920, 0, 1920, 1080}, {kLaptop}), 0, 0, 1366, 738);
}

TEST(WindowPlacement, a_window_partly_on_a_remaining_screen_stays_there_moved_fully_onto_it) {
    expectRect(placeOnRemainingScreens({1000, 200, 800, 600}, {kLaptop}), 566, 138, 800, 600);
}

TEST(WindowPlacement, a_window_wholly_on_a_remaining_screen_does_not_move) {
    expectRect(placeOnRemainingScreens({100, 50, 800, 600}, {{1366, 0, 1920, 1080}, kLaptop}), 100, 50, 800, 600);
}

TEST(WindowPlacement, with_no_screen_left_it_keeps_its_place_at_a_sane_size) {
    expectRect(placeOnRemainingScreens({40, 30, 0, 0}, {}), 40, 30, 320, 240);
    expectRect(placeOnRemainingScreens({40, 30, 1024, 768}, {}), 40, 30, 1024, 768);
}

TEST(WindowPlacement, a_tiny_window_grows_to_a_usable_size) {
    expectRect(placeOnRemainingScreens({10, 10, 1, 1}, {kLaptop}), 10, 10, 320, 240);
}

}  // namespace
}  // namespace psoas::app
