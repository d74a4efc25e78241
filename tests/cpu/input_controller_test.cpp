// The one place input becomes session actions (app/input_controller): when a press belongs to the
// panels and when to the 3D view.

#include "app/input_controller.hpp"

#include <gtest/gtest.h>

#include <variant>
#include <vector>

namespace psoas::app {
namespace {

struct Recorder {
    std::vector<SessionAction> actions;
    InputController controller{[this](const SessionAction& action) { actions.push_back(action); }};
    [[nodiscard]] int clicks() const {
        int count = 0;
        for (const SessionAction& action : actions) count += std::holds_alternative<act::Click>(action) ? 1 : 0;
        return count;
    }
};

const ViewRect kView{{330.0f, 0.0f}, {950.0f, 720.0f}};

// Tester, session 7: a tap (or an instant click) moves the pointer and presses at once. The panels'
// last layout still had the pointer on the panel, so the press was taken as theirs and a tap on the
// model (a quiz answer) was lost. The press now waits for the layout at its own place.
TEST(InputController, a_tap_on_the_model_after_the_pointer_was_on_the_panel_is_a_click) {
    Recorder r;
    r.controller.cursorMoved({100.0f, 200.0f}, kView);  // on the panel
    r.controller.laidOut(true, kView);
    r.controller.cursorMoved({700.0f, 300.0f}, kView);  // the tap, in one frame
    r.controller.buttonPressed(PointerButton::Left, false, true, kView);  // the last layout: over the panel
    r.controller.buttonReleased(PointerButton::Left, kView);
    EXPECT_EQ(r.clicks(), 0) << "not before the panels were laid out at the tap";
    r.controller.laidOut(false, kView);  // laid out there: the model, not a panel
    ASSERT_EQ(r.clicks(), 1);
    for (const SessionAction& action : r.actions)
        if (const auto* click = std::get_if<act::Click>(&action)) EXPECT_EQ(click->position, glm::vec2(370.0f, 300.0f)) << "in the view";
}

TEST(InputController, a_tap_on_the_panel_stays_the_panels) {
    Recorder r;
    r.controller.cursorMoved({700.0f, 300.0f}, kView);
    r.controller.laidOut(false, kView);
    r.controller.cursorMoved({100.0f, 200.0f}, kView);
    r.controller.buttonPressed(PointerButton::Left, false, false, kView);  // the last layout: over the model
    r.controller.buttonReleased(PointerButton::Left, kView);
    r.controller.laidOut(true, kView);
    EXPECT_EQ(r.clicks(), 0);
    EXPECT_FALSE(r.controller.dragging());
}

// Without a move in between, a press is taken at once, as before (a drag starts on the frame of its press).
TEST(InputController, a_press_where_the_pointer_already_was_is_taken_at_once) {
    Recorder r;
    r.controller.cursorMoved({700.0f, 300.0f}, kView);
    r.controller.laidOut(false, kView);
    r.controller.buttonPressed(PointerButton::Left, false, false, kView);
    EXPECT_TRUE(r.controller.dragging());
    r.controller.buttonReleased(PointerButton::Left, kView);
    EXPECT_EQ(r.clicks(), 1);
}

}  // namespace
}  // namespace psoas::app

namespace psoas::app {
namespace {

// Issue 13, drag to pose: a left press asks the session to grab a joint (with Alt, or its "Move
// joints" mode); while one is held the moves pose the body (DragJoint) and never turn the camera.
TEST(InputController, a_drag_on_a_held_joint_poses_the_body_instead_of_orbiting) {
    bool held = false;
    std::vector<SessionAction> actions;
    InputController controller([&](const SessionAction& action) {
        actions.push_back(action);
        if (const auto* grab = std::get_if<act::GrabJoint>(&action)) held = grab->modifier;  // a joint under the pointer
        if (std::holds_alternative<act::ReleaseJoint>(action)) held = false;
    }, [&] { return held; });
    auto count = [&](auto kind) {
        int n = 0;
        for (const SessionAction& action : actions) n += std::holds_alternative<decltype(kind)>(action) ? 1 : 0;
        return n;
    };
    controller.cursorMoved({700.0f, 300.0f}, kView);
    controller.laidOut(false, kView);
    controller.buttonPressed(PointerButton::Left, false, false, kView, true);  // Alt
    for (float dy = 10.0f; dy <= 50.0f; dy += 10.0f) controller.cursorMoved({700.0f, 300.0f - dy}, kView);
    controller.buttonReleased(PointerButton::Left, kView);
    EXPECT_EQ(count(act::DragJoint{}), 5);
    EXPECT_EQ(count(act::Orbit{}), 0) << "the camera does not move while a limb is dragged";
    EXPECT_EQ(count(act::ReleaseJoint{}), 1);
    EXPECT_EQ(count(act::Click{}), 0);
    const auto* grab = std::get_if<act::GrabJoint>(&actions[1]);
    ASSERT_NE(grab, nullptr);
    EXPECT_EQ(grab->position, glm::vec2(370.0f, 300.0f)) << "in the view's pixels";

    actions.clear();  // without Alt the session holds nothing: the same drag orbits
    controller.laidOut(false, kView);
    controller.buttonPressed(PointerButton::Left, false, false, kView, false);
    controller.cursorMoved({700.0f, 200.0f}, kView);
    controller.buttonReleased(PointerButton::Left, kView);
    EXPECT_EQ(count(act::DragJoint{}), 0);
    EXPECT_EQ(count(act::Orbit{}), 1);
}

}  // namespace
}  // namespace psoas::app
