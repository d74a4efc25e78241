#pragma once
// Poses the teacher saves (issue 13, "Save pose…"): the current joint angles written as a pose
// file in the user's pose folder, read back by the same reader as the shipped ones
// (pose_file.hpp), and a user pose with a shipped pose's id used in its place, as lessons are.

#include "core/motion/pose_file.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace psoas {

// The text of a pose file: id, name, description, every angle (degrees, written so they read back
// as the same float) and the orientation whose turn is nearest the pose's. parsePoseFile() of it
// gives back `pose` (the angles exactly; a sitting or kneeling orientation reads as standing,
// which draws the same).
[[nodiscard]] std::string poseFileText(const PoseFile& pose);

// A pose id from the name the teacher typed: lower case letters, digits and '_' for every run of
// anything else ("My lunge, 2" -> "my_lunge_2"); "" when the name has no letter or digit.
[[nodiscard]] std::string poseIdFromName(std::string_view name);

// The poses a session offers: `builtIn` with `user` ones added, a user pose with a built-in id in
// place of it; sorted by id, like loadPoseLibrary().
[[nodiscard]] std::vector<PoseFile> withUserPoses(std::vector<PoseFile> builtIn, std::vector<PoseFile> user);

}  // namespace psoas
