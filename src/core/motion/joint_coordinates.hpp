#pragma once
// The coordinates of the pose model one by one, as the Motion tab's joint controls show them: each
// with its key (as in a pose file), its name, its physiological range and where that range comes
// from. A Pose (pose.hpp) holds exactly these eight angles.

#include "core/motion/pose.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace psoas {

enum class JointCoordinate {
    LumbarExtension,
    PelvicTilt,
    RightHipFlexion,
    RightHipAbduction,
    RightHipRotation,
    LeftHipFlexion,
    LeftHipAbduction,
    LeftHipRotation,
};

struct JointCoordinateInfo {
    JointCoordinate id;
    std::string_view key;       // the pose file's key: "lumbar_extension", "hip_right.flexion"
    std::string_view name;      // "Right hip flexion (+) / extension (-)"
    float minDegrees;           // the physiological range, degrees: the slider's, the drag's, the
    float maxDegrees;           // chart's and --measure's ends
    std::string_view source;    // where the range comes from, as cited: "AAOS 1965" (in full: docs/sources.md §9)
    float fileMinDegrees;       // what a pose file or a lesson's inline pose may ask (pose_file.cpp):
    float fileMaxDegrees;       // wider, as a shipped pose may go past the physiological range
};

// Every coordinate of the pose model, in the order the Motion tab lists them. The ranges are
// docs/sources.md §9, the one place each joint's range is set: hips after the AAOS normal values
// (flexion 120, extension 30, abduction 45, adduction 30, internal and external rotation 45
// degrees), lumbar extension -65..+26 (flexion: the measured lumbar flexion of adults without back
// pain, sources §9; extension: sources §2), pelvic tilt +-20 (estimate). These are what a healthy
// adult reaches: the joint controls, a drag, the length chart and --measure's options all stop
// there. Pose files may go further (the file range: the 90/90 pose turns a hip out 60 degrees).
[[nodiscard]] const std::array<JointCoordinateInfo, 8>& jointCoordinates();
[[nodiscard]] const JointCoordinateInfo& jointCoordinate(JointCoordinate id);
[[nodiscard]] std::optional<JointCoordinate> jointCoordinateFromKey(std::string_view key);

// The coordinate's angle in `pose`, degrees.
[[nodiscard]] float coordinateValue(const Pose& pose, JointCoordinate id);
// Sets it, as given (no clamping: callers clamp to the range they allow).
void setCoordinate(Pose& pose, JointCoordinate id, float degrees);
// `degrees` clamped into the coordinate's physiological range.
[[nodiscard]] float clampToRange(JointCoordinate id, float degrees);

// A range of angles, degrees.
struct DegreeRange {
    float min = 0.0f;
    float max = 0.0f;
    bool operator==(const DegreeRange&) const = default;
};
// The coordinate's physiological range, and the range a pose file may ask for.
[[nodiscard]] DegreeRange physiologicalRange(JointCoordinate id);
[[nodiscard]] DegreeRange poseFileRange(JointCoordinate id);
// The coordinate's physiological range widened just enough to take in `angle` (a pose's own value,
// which may lie beyond it: the 90/90 pose's 60 degree hips). A control over this range never moves
// a value the user did not move (tester, session 6: touching a 45 degree slider snapped 60 to 45).
[[nodiscard]] DegreeRange rangeIncluding(JointCoordinate id, float angle);
[[nodiscard]] DegreeRange rangeIncluding(DegreeRange range, float angle);

// What the status line says when the angle asked for (degrees, typed into a joint control) was
// held at the end of `range`, where the joint now is (`now`): "200° is past the range of Right hip
// flexion (+) / extension (-) here (-30° to 120°, docs/sources.md §9 (AAOS 1965)): it stops at
// 120°". Empty when the joint went where asked (within half a degree).
[[nodiscard]] std::string heldAngleNotice(JointCoordinate id, float asked, float now, DegreeRange range);

}  // namespace psoas
