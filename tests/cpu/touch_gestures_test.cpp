#include "app/touch_gestures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <utility>

namespace psoas::app {
namespace {

using Kind = TouchIntent::Kind;
constexpr float kZoomPerNotch = 0.85f;

TouchGestures gestures() { return TouchGestures(80.0f, kZoomPerNotch); }

TEST(TouchGestures, one_finger_is_the_left_button_so_a_drag_orbits_and_a_tap_clicks) {
    TouchGestures touch = gestures();
    auto down = touch.started(7, {100, 200});
    ASSERT_EQ(down.size(), 2u);
    EXPECT_EQ(down[0].kind, Kind::PointerMove);  // the pointer goes where the finger is, then presses
    EXPECT_EQ(down[1].kind, Kind::PointerDown);
    EXPECT_EQ(down[1].position, glm::vec2(100, 200));
    auto move = touch.moved(7, {140, 210});
    ASSERT_EQ(move.size(), 1u);
    EXPECT_EQ(move[0].kind, Kind::PointerMove);
    EXPECT_EQ(move[0].position, glm::vec2(140, 210));
    auto up = touch.ended(7, {140, 210});
    ASSERT_EQ(up.size(), 2u);
    EXPECT_EQ(up[1].kind, Kind::PointerUp);
    EXPECT_EQ(touch.fingers(), 0);
}

TEST(TouchGestures, spreading_two_fingers_zooms_in_by_their_distance_ratio_at_their_centre) {
    TouchGestures touch = gestures();
    touch.started(1, {400, 300});
    auto second = touch.started(2, {500, 300});
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].kind, Kind::PointerCancel);  // the first finger's press must not click or orbit

    // Twice as far apart, the centre back where it was: the camera's distance is halved.
    float notches = 0.0f;
    glm::vec2 lastCentre{0.0f};
    for (const auto& [id, x] : {std::pair{1, 350.0f}, std::pair{2, 550.0f}})
        for (const TouchIntent& i : touch.moved(id, {x, 300})) {
            EXPECT_NE(i.kind, Kind::PointerMove);
            if (i.kind != Kind::Zoom) continue;
            notches += i.notches;
            lastCentre = i.position;
        }
    EXPECT_GT(notches, 0.0f);
    EXPECT_NEAR(std::pow(kZoomPerNotch, notches), 0.5f, 1e-4f);
    EXPECT_NEAR(lastCentre.x, 450.0f, 1e-3f);
}

TEST(TouchGestures, pinching_together_zooms_out) {
    TouchGestures touch = gestures();
    touch.started(1, {300, 300});
    touch.started(2, {500, 300});
    auto out = touch.moved(2, {400, 300});
    float notches = 0.0f;
    for (const TouchIntent& i : out)
        if (i.kind == Kind::Zoom) notches += i.notches;
    EXPECT_LT(notches, 0.0f);
}

TEST(TouchGestures, two_fingers_dragged_together_pan_by_their_centre_and_end_at_the_same_zoom) {
    TouchGestures touch = gestures();
    touch.started(1, {300, 300});
    touch.started(2, {400, 300});
    glm::vec2 panned{0.0f};
    float notches = 0.0f;
    for (const auto& [id, x] : {std::pair{1, 320.0f}, std::pair{2, 420.0f}})
        for (const TouchIntent& i : touch.moved(id, {x, 330})) {
            if (i.kind == Kind::Pan) panned += i.delta;
            if (i.kind == Kind::Zoom) notches += i.notches;
        }
    EXPECT_NEAR(panned.x, 20.0f, 1e-4f);
    EXPECT_NEAR(panned.y, 30.0f, 1e-4f);
    EXPECT_NEAR(notches, 0.0f, 1e-4f);  // the fingers are as far apart as they started
}

TEST(TouchGestures, lifting_one_finger_of_a_pinch_does_not_turn_the_other_into_an_orbit) {
    TouchGestures touch = gestures();
    touch.started(1, {300, 300});
    touch.started(2, {400, 300});
    EXPECT_TRUE(touch.ended(2, {400, 300}).empty());
    EXPECT_TRUE(touch.moved(1, {200, 100}).empty());
    EXPECT_TRUE(touch.ended(1, {200, 100}).empty());  // no release, so no click
    // All fingers up: the next touch is a pointer again.
    EXPECT_EQ(touch.started(3, {10, 10}).back().kind, Kind::PointerDown);
}

TEST(TouchGestures, a_three_finger_swipe_left_turns_to_the_next_step_once) {
    TouchGestures touch = gestures();
    touch.started(1, {500, 300});
    touch.started(2, {550, 300});
    touch.started(3, {600, 300});
    int next = 0, previous = 0;
    for (float x = 0.0f; x <= 200.0f; x += 20.0f)
        for (int id = 1; id <= 3; ++id)
            for (const TouchIntent& i : touch.moved(id, {450.0f + 50.0f * static_cast<float>(id) - x, 305}))
                if (i.kind == Kind::NextStep) ++next;
                else if (i.kind == Kind::PreviousStep) ++previous;
    EXPECT_EQ(next, 1);
    EXPECT_EQ(previous, 0);
}

TEST(TouchGestures, a_three_finger_swipe_right_goes_back_and_a_vertical_one_does_nothing) {
    TouchGestures right = gestures();
    TouchGestures down = gestures();
    for (int id = 1; id <= 3; ++id) {
        right.started(id, {100.0f * static_cast<float>(id), 300});
        down.started(id, {100.0f * static_cast<float>(id), 300});
    }
    int previous = 0, any = 0;
    for (int id = 1; id <= 3; ++id) {
        for (const TouchIntent& i : right.moved(id, {100.0f * static_cast<float>(id) + 120.0f, 300}))
            if (i.kind == Kind::PreviousStep) ++previous;
        for (const TouchIntent& i : down.moved(id, {100.0f * static_cast<float>(id) + 90.0f, 500}))
            if (i.kind == Kind::NextStep || i.kind == Kind::PreviousStep) ++any;
    }
    EXPECT_EQ(previous, 1);
    EXPECT_EQ(any, 0);
}

TEST(TouchGestures, touches_it_never_saw_start_are_ignored) {
    TouchGestures touch = gestures();
    EXPECT_TRUE(touch.moved(4, {1, 1}).empty());
    EXPECT_TRUE(touch.ended(4, {1, 1}).empty());
    EXPECT_EQ(touch.fingers(), 0);
}

}  // namespace
}  // namespace psoas::app
