#pragma once
// The joint angles of a pose as a TOML table: the keys a pose file has besides its id, name and
// description (lumbar_extension, pelvic_tilt, block_height_m, hip_right, hip_left, orientation). Read from pose
// files and from a lesson step's inline `pose = { ... }`; unspecified joints are neutral (0).
// Kept apart from pose_file.hpp so the headers most code includes do not pull in toml++.

#include "core/diagnostic.hpp"
#include "core/motion/pose.hpp"

#include <toml++/toml.h>

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace psoas {

inline constexpr std::array<const char*, 6> kPoseAngleKeys{"lumbar_extension", "pelvic_tilt", "block_height_m",
                                                           "hip_right",        "hip_left",    "orientation"};

struct PoseAngles {
    Pose pose;
    std::optional<float> blockHeight;  // metres, when the hips' flexion came from block_height_m
};

// Reads the angle keys of `table`, whose other keys the caller has already checked; each problem
// (a value out of range, a hip that is not a table, a misspelt hip key) goes to `problems` with
// its file:line:col, and the angle keeps its neutral value.
PoseAngles readPoseAngles(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& problems);

// A table that holds nothing but angle keys (a lesson's inline pose): unknown keys are reported
// too, in `context` ("'pose'"), with a did-you-mean.
Pose readInlinePose(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& problems,
                    const std::string& context);

}  // namespace psoas
