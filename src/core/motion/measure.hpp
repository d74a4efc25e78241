#pragma once
// The numbers behind `psoas-atlas --measure`: muscle lengths and moment arms for a pose as CSV,
// so a teacher can paste them into a spreadsheet and a test can check them.

#include "core/atlas.hpp"
#include "core/motion/breathing.hpp"
#include "core/motion/pose_file.hpp"

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace psoas {

struct MeasureRequest {
    std::optional<std::string> pose;  // a pose id from the poses folder; neutral standing when absent
    std::optional<double> hipFlexion;        // degrees, both hips; overrides the pose
    std::optional<double> lumbarExtension;   // degrees; overrides the pose
    std::optional<double> pelvicTilt;        // degrees, anterior positive; overrides the pose
    std::optional<double> breath;            // 0 breathed out .. 1 breathed in; 0 when absent
    BreathDepth breathDepth = BreathDepth::Quiet;  // names: kBreathDepthNames
    // The published hip geometry the lengths are computed with (hip_reference.hpp); "list" writes
    // the references, one per line, instead of measuring.
    std::string reference = "gait2392";
};

// Throws std::invalid_argument with a one-line message ("--breath: 1.5 is outside 0 to 1") for a
// value out of range, an unknown reference, or a pose that does not exist (with
// a did-you-mean among `poses`: the shipped ones and the teacher's, as the viewer lists them). The
// skeleton and the psoas origins come from `atlas` (its joints and landmarks), as in the viewer;
// request.reference "list" writes the references' names and descriptions instead.
void writeMeasureCsv(std::ostream& out, const MeasureRequest& request, const Atlas& atlas, const std::vector<PoseFile>& poses);

}  // namespace psoas
