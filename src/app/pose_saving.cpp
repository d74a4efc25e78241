#include "app/pose_saving.hpp"

#include "app/user_paths.hpp"
#include "core/atomic_file.hpp"
#include "core/motion/pose_writer.hpp"

#include <system_error>

namespace psoas::app {

std::filesystem::path userPoseDirectory() { return userDataDirectory() / "poses"; }

SavedPose saveUserPose(std::string_view name, const Pose& angles, const std::filesystem::path& folder) {
    PoseFile pose;
    pose.id = poseIdFromName(name);
    pose.name = std::string(name);
    pose.description = "Saved from the Motion tab.";
    pose.pose = angles;
    if (pose.id.empty()) return {std::nullopt, "A pose needs a name with a letter or a digit"};
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) return {std::nullopt, "cannot create " + folder.string() + " (" + error.message() + "); the pose was not saved"};
    pose.file = folder / (pose.id + ".toml");
    if (std::string failed = saveWholeFile(pose.file, poseFileText(pose)); !failed.empty()) return {std::nullopt, failed};
    try {
        PoseFile saved = loadPoseFile(pose.file);  // what the next start will read
        return {saved, "Saved pose '" + saved.name + "' to " + pose.file.string()};
    } catch (const DataFileError& e) {
        return {std::nullopt, e.what()};
    }
}

std::vector<std::filesystem::path> userPoseFolders(const std::vector<std::filesystem::path>& lessonDirs) {
    std::vector<std::filesystem::path> folders{userPoseDirectory()};
    for (const std::filesystem::path& given : lessonDirs) {
        std::error_code error;
        std::filesystem::path dir = std::filesystem::absolute(given.empty() ? "." : given, error).lexically_normal();
        if (!dir.has_filename()) dir = dir.parent_path();  // "lessons/" names the folder "lessons"
        folders.push_back(dir.parent_path() / "poses");
    }
    return folders;
}

std::vector<PoseFile> posesWithUserPoses(const std::filesystem::path& shippedFolder,
                                         const std::vector<std::filesystem::path>& userFolders, std::vector<std::string>& problems) {
    std::vector<PoseFile> poses = loadPoseLibrary(shippedFolder);
    for (const std::filesystem::path& folder : userFolders) {
        std::error_code error;
        if (!std::filesystem::is_directory(folder, error)) continue;
        std::vector<PoseFile> user;
        for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
            if (entry.path().extension() != ".toml") continue;
            try {
                user.push_back(loadPoseFile(entry.path()));
            } catch (const DataFileError& bad) {
                for (const Diagnostic& d : bad.diagnostics()) problems.push_back(d.format());
            }
        }
        poses = withUserPoses(std::move(poses), std::move(user));
    }
    return poses;
}

}  // namespace psoas::app
