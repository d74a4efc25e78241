#pragma once
// "Save pose…" and the teacher's own poses (issue 13): pose files in the user's pose folder
// ($XDG_DATA_HOME/psoas-atlas/poses), written whole or not at all, and read at start beside the
// shipped ones (a user pose with a shipped id is used in its place, as lessons are).

#include "core/motion/pose_file.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psoas::app {

// userDataDirectory() / "poses".
std::filesystem::path userPoseDirectory();

struct SavedPose {
    std::optional<PoseFile> pose;  // what was written, read back from the file; unset on failure
    std::string message;           // "Saved pose 'My lunge' to F" or why not
};

// Writes `angles` as a pose named `name` to FOLDER/ID.toml (ID from the name, core/motion/
// pose_writer.hpp), creating the folder; an existing file of that id is replaced whole.
SavedPose saveUserPose(std::string_view name, const Pose& angles, const std::filesystem::path& folder);

// Where the teacher's poses are found: the user's pose folder, then `poses/` beside each lesson
// folder given (DIR/../poses for --lessons DIR), later ones over earlier ones.
std::vector<std::filesystem::path> userPoseFolders(const std::vector<std::filesystem::path>& lessonDirs);

// The shipped poses with those of `userFolders` (a missing one has none) over them, by id. A
// broken user file is left out and its problems go to `problems` (one line each); the shipped
// ones still load.
std::vector<PoseFile> posesWithUserPoses(const std::filesystem::path& shippedFolder,
                                         const std::vector<std::filesystem::path>& userFolders, std::vector<std::string>& problems);

}  // namespace psoas::app
