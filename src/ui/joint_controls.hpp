#pragma once
// The Motion tab's joint controls: one slider per coordinate of the pose model
// (core/motion/joint_coordinates.hpp), over its physiological range, in degrees; Ctrl+click or
// double-click types a value; a reset per joint returns it to what the step set, "Reset all
// joints" returns the step's pose. Reads the angles, returns the change (never changes the pose).

#include "core/motion/joint_coordinates.hpp"
#include "core/motion/pose.hpp"

#include <array>
#include <string>
#include "core/motion_state.hpp"

namespace psoas::ui {

struct JointControlsView {
    Pose angles;      // the pose the body is in or heading for: the sliders' values
    Pose stepAngles;  // what the step set: where each joint's reset returns
    bool stepLoops = false;  // the step plays a looping motion: stepAngles are where it starts
    bool custom = false;  // the angles were set joint by joint (no library pose names them)
    int standingPose = -1;  // the pose library's neutral standing (index), for "All to standing"; -1: none
    // Each coordinate's slider range (MotionState::controlRange), in jointCoordinates() order;
    // where it is wider than the physiological range, the normal range is marked on the slider.
    std::array<DegreeRange, 8> ranges{};
};

// Draws the controls in the current window; what the user changed goes into `intents`. Returns a
// message for the status line (letters dropped from a typed angle), or "".
[[nodiscard]] std::string drawJointControls(const JointControlsView& view, MotionChange& intents);

}  // namespace psoas::ui
