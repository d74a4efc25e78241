#include "core/motion/joint_coordinates.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace psoas {

namespace {
// As a reader cites them (the status line and the sliders' tooltips show them); docs/sources.md §9
// gives each in full and says how the ranges were chosen.
constexpr std::string_view kHipSource = "AAOS 1965";
constexpr std::string_view kLumbarSource = "Laird 2019; Christophy 2012";
constexpr std::string_view kTiltSource = "our estimate";

// The file ranges (what a pose may ask): lumbar, the published model's range (sources §2) with a
// little slack for breathing; hips, the measurement range of the paths (-60..140 flexion) and
// generous limits for the rest (our assumption: beyond them the model's straight-line paths stop
// meaning anything); tilt a little past the physiological estimate.
constexpr std::array<JointCoordinateInfo, 8> kCoordinates{{
    {JointCoordinate::LumbarExtension, "lumbar_extension", "Lumbar extension (+) / flexion (-)", -65.0f, 26.0f, kLumbarSource, -80.0f, 30.0f},
    {JointCoordinate::PelvicTilt, "pelvic_tilt", "Pelvic tilt, anterior (+) / posterior (-)", -20.0f, 20.0f, kTiltSource, -30.0f, 30.0f},
    {JointCoordinate::RightHipFlexion, "hip_right.flexion", "Right hip flexion (+) / extension (-)", -30.0f, 120.0f, kHipSource, -60.0f,
     140.0f},
    {JointCoordinate::RightHipAbduction, "hip_right.abduction", "Right hip abduction (+) / adduction (-)", -30.0f, 45.0f, kHipSource,
     -45.0f, 90.0f},
    {JointCoordinate::RightHipRotation, "hip_right.external_rotation", "Right hip external (+) / internal (-) rotation", -45.0f,
     45.0f, kHipSource, -90.0f, 90.0f},
    {JointCoordinate::LeftHipFlexion, "hip_left.flexion", "Left hip flexion (+) / extension (-)", -30.0f, 120.0f, kHipSource, -60.0f,
     140.0f},
    {JointCoordinate::LeftHipAbduction, "hip_left.abduction", "Left hip abduction (+) / adduction (-)", -30.0f, 45.0f, kHipSource,
     -45.0f, 90.0f},
    {JointCoordinate::LeftHipRotation, "hip_left.external_rotation", "Left hip external (+) / internal (-) rotation", -45.0f, 45.0f,
     kHipSource, -90.0f, 90.0f},
}};

float& angle(Pose& pose, JointCoordinate id) {
    switch (id) {
        case JointCoordinate::LumbarExtension: return pose.lumbarExtension;
        case JointCoordinate::PelvicTilt: return pose.pelvicTilt;
        case JointCoordinate::RightHipFlexion: return pose.hipRight.flexion;
        case JointCoordinate::RightHipAbduction: return pose.hipRight.abduction;
        case JointCoordinate::RightHipRotation: return pose.hipRight.externalRotation;
        case JointCoordinate::LeftHipFlexion: return pose.hipLeft.flexion;
        case JointCoordinate::LeftHipAbduction: return pose.hipLeft.abduction;
        case JointCoordinate::LeftHipRotation: return pose.hipLeft.externalRotation;
    }
    return pose.lumbarExtension;  // unreachable: every enumerator is listed
}
}  // namespace

const std::array<JointCoordinateInfo, 8>& jointCoordinates() { return kCoordinates; }

const JointCoordinateInfo& jointCoordinate(JointCoordinate id) { return kCoordinates[static_cast<std::size_t>(id)]; }

std::optional<JointCoordinate> jointCoordinateFromKey(std::string_view key) {
    for (const JointCoordinateInfo& info : kCoordinates)
        if (info.key == key) return info.id;
    return std::nullopt;
}

float coordinateValue(const Pose& pose, JointCoordinate id) {
    Pose copy = pose;
    return angle(copy, id);
}

void setCoordinate(Pose& pose, JointCoordinate id, float degrees) { angle(pose, id) = degrees; }

DegreeRange rangeIncluding(DegreeRange range, float angle) { return {std::min(range.min, angle), std::max(range.max, angle)}; }

std::string heldAngleNotice(JointCoordinate id, float asked, float now, DegreeRange range) {
    if (std::abs(now - asked) < 0.5f) return {};
    const JointCoordinateInfo& info = jointCoordinate(id);
    char text[320];
    std::snprintf(text, sizeof text, "%.0f\u00b0 is past the range of %s here (%.0f\u00b0 to %.0f\u00b0, %s): it stops at %.0f\u00b0",
                  static_cast<double>(asked), std::string(info.name).c_str(), static_cast<double>(range.min), static_cast<double>(range.max),
                  std::string(info.source).c_str(), static_cast<double>(now));
    return text;
}

DegreeRange rangeIncluding(JointCoordinate id, float angle) {
    const JointCoordinateInfo& info = jointCoordinate(id);
    return rangeIncluding(DegreeRange{info.minDegrees, info.maxDegrees}, angle);
}

DegreeRange physiologicalRange(JointCoordinate id) {
    const JointCoordinateInfo& info = jointCoordinate(id);
    return {info.minDegrees, info.maxDegrees};
}

DegreeRange poseFileRange(JointCoordinate id) {
    const JointCoordinateInfo& info = jointCoordinate(id);
    return {info.fileMinDegrees, info.fileMaxDegrees};
}

float clampToRange(JointCoordinate id, float degrees) {
    const JointCoordinateInfo& info = jointCoordinate(id);
    return std::clamp(degrees, info.minDegrees, info.maxDegrees);
}

}  // namespace psoas
