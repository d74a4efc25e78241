#pragma once
// Poses as data: models/poses/*.toml, one pose a file, written so a physiotherapy teacher can read
// and edit them. Problems are reported with file:line:col, all at once.

#include "core/diagnostic.hpp"
#include "core/motion/pose.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

struct PoseFile {
    std::filesystem::path file;
    std::string id;           // lower_snake_case, the file's stem by convention
    std::string name;         // display name
    std::string description;  // one or two sentences for the pose card
    std::optional<float> blockHeight;  // metres, supported bridge only: hip flexion follows from it
    Pose pose;
};

// Throws DataFileError listing every problem found.
PoseFile loadPoseFile(const std::filesystem::path& file);
PoseFile parsePoseFile(std::string_view text, const std::filesystem::path& file);

// Every *.toml in the folder, sorted by id. Throws DataFileError with all files' problems.
std::vector<PoseFile> loadPoseLibrary(const std::filesystem::path& folder);

}  // namespace psoas
