#pragma once
// Drag to pose (issue 13): a pointer dragged on a thigh or a lumbar vertebra turns the joint that
// carries it, so that the point grabbed follows the pointer on screen. Pure maths on the camera and
// the skeleton, no GL: the session calls it on every pointer move with the drag as it began, and
// the CPU tests call it with a known camera.
//
// Units: angles in degrees, positions in metres in the scene frame, pointer positions in the 3D
// view's pixels (top-left origin, as OrbitCamera::project gives them).

#include "core/motion/joint_coordinates.hpp"
#include "core/motion/pose.hpp"
#include "core/motion/skeleton.hpp"
#include "core/orbit_camera.hpp"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <optional>
#include <string>
#include <vector>

namespace psoas {

// One coordinate a drag turns, and the range it is held in (the joint controls' range).
struct DrivenCoordinate {
    JointCoordinate coordinate = JointCoordinate::RightHipFlexion;
    DegreeRange range;
};

// A drag as it began: what was grabbed, the pose and the camera then. The camera does not move
// while a limb is dragged, so the mapping uses this one throughout.
struct JointDrag {
    Body body = Body::FemurRight;  // the body grabbed
    glm::vec3 grabbed{0.0f};       // the point grabbed, scene frame at the neutral pose (solveSkeleton places it)
    // The first turns with a drag seen end-on too (see dragPose); the others only as far as the
    // pointer's move shows them on screen.
    std::vector<DrivenCoordinate> driven;
    Pose start;                    // the pose when the drag began
    OrbitCamera camera;            // the camera then
    glm::vec2 viewPixels{1.0f};    // the 3D view's size then
    glm::vec2 pointerStart{0.0f};  // where the press was, view pixels
};

// What dragging a body turns: a femur its hip's flexion, then abduction (sideways); a lumbar
// vertebra, T12 or a lumbar disc the total lumbar extension (flexion when negative). Empty for
// every other body (the pelvis and sacrum: the camera orbits as usual).
[[nodiscard]] std::vector<JointCoordinate> coordinatesDrivenBy(Body body);

// Where the grabbed point is drawn in `pose` (the skeleton's placement and the body's orientation).
[[nodiscard]] glm::vec3 grabbedPointAt(const Skeleton& skeleton, const JointDrag& drag, const Pose& pose);

// The pose with the pointer at `pointer`. The pointer's path from the press is followed in steps of
// at most 2 pixels; at each step the coordinates take the damped least-squares answer to "which
// angles bring the grabbed point's picture to the pointer's place" (numerical screen velocities per
// degree at the pose reached so far), then are clamped into their ranges: the limb follows the
// pointer along its arc, stops at a joint's limit, and moves again when the pointer comes back.
// Seen end-on (the first coordinate's motion goes toward or away from the camera, as hip flexion
// does in an anterior view) the picture barely moves, so that coordinate also takes the drag toward
// the joint's pivot on screen as motion toward the camera: in a front view, dragging the thigh up
// flexes the hip and dragging the trunk down bends it forward, as the foreshortened limb looks.
// A pure function of its arguments: the same drag gives the same pose.
[[nodiscard]] Pose dragPose(const Skeleton& skeleton, const JointDrag& drag, glm::vec2 pointer);

// The dragged joint's angles in `pose`, in words a class reads while the drag goes on, whole
// degrees, each named by its sign: "Right hip: flexion 82°, abduction 3°", "Left hip: extension
// 10°, adduction 5°", "Lumbar spine: flexion 30°".
[[nodiscard]] std::string dragAnglesText(const JointDrag& drag, const Pose& pose);

}  // namespace psoas
