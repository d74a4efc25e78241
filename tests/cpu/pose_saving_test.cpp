// "Save pose…" (issue 13) on disk: the pose file lands in the user's pose folder, reads back with the
// angles shown, replaces an earlier one of the same name whole, and at the next start a user pose
// with a shipped id is used in place of the shipped one.

#include "app/pose_saving.hpp"
#include "support/run_process.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace psoas {
namespace {

const std::filesystem::path kShipped = psoas::test::sourceDirectory() / "models" / "poses";

TEST(PoseSaving, the_angles_shown_are_written_to_the_pose_folder_and_read_back) {
    const auto folder = test::temporaryDirectory() / "poses";  // not there yet: created
    Pose angles;
    angles.hipRight.flexion = 45.0f;
    angles.lumbarExtension = -7.5f;
    const app::SavedPose saved = app::saveUserPose("Hip 45, class demo", angles, folder);
    ASSERT_TRUE(saved.pose) << saved.message;
    EXPECT_EQ(saved.pose->id, "hip_45_class_demo");
    EXPECT_EQ(saved.pose->file, folder / "hip_45_class_demo.toml");
    EXPECT_EQ(saved.pose->pose, angles);
    EXPECT_NE(saved.message.find("Saved pose 'Hip 45, class demo'"), std::string::npos);

    angles.hipRight.flexion = 50.0f;  // saved again under the same name: replaced whole
    ASSERT_TRUE(app::saveUserPose("Hip 45, class demo", angles, folder).pose);
    EXPECT_EQ(loadPoseFile(folder / "hip_45_class_demo.toml").pose, angles);
    EXPECT_FALSE(std::filesystem::exists(folder / "hip_45_class_demo.toml.partial"));

    const app::SavedPose nameless = app::saveUserPose("?!", angles, folder);
    EXPECT_FALSE(nameless.pose);
    EXPECT_EQ(nameless.message, "A pose needs a name with a letter or a digit");
}

TEST(PoseSaving, a_user_pose_with_a_shipped_id_replaces_it_and_a_broken_one_is_reported_and_left_out) {
    const auto folder = test::temporaryDirectory();
    Pose lifted;
    lifted.hipRight.flexion = 80.0f;
    ASSERT_TRUE(app::saveUserPose("Leg lift", lifted, folder).pose);  // id leg_lift, as the shipped one
    std::ofstream(folder / "broken.toml") << "id = \"broken\"\nname = 3\n";
    std::vector<std::string> problems;
    const std::vector<PoseFile> poses = app::posesWithUserPoses(kShipped, {folder}, problems);
    const std::vector<PoseFile> shipped = loadPoseLibrary(kShipped);
    EXPECT_EQ(poses.size(), shipped.size());
    const auto legLift = std::find_if(poses.begin(), poses.end(), [](const PoseFile& p) { return p.id == "leg_lift"; });
    ASSERT_NE(legLift, poses.end());
    EXPECT_EQ(legLift->name, "Leg lift");
    EXPECT_EQ(legLift->pose, lifted);
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems.front().find("broken.toml:"), std::string::npos) << problems.front();

    std::vector<std::string> none;
    EXPECT_EQ(app::posesWithUserPoses(kShipped, {folder / "missing"}, none).size(), shipped.size());
    EXPECT_TRUE(none.empty());
}

// Poses beside a lesson folder (DIR/../poses for --lessons DIR) are known to its lessons, later
// folders over earlier ones; --check-lessons DIR accepts a lesson naming one.
TEST(PoseSaving, poses_beside_a_lesson_folder_are_known_to_its_lessons) {
    const auto root = test::temporaryDirectory();
    const std::vector<std::filesystem::path> folders = app::userPoseFolders({root / "course" / "lessons" / "", "rel/lessons"});
    ASSERT_EQ(folders.size(), 3u);
    EXPECT_EQ(folders[0], app::userPoseDirectory());
    EXPECT_EQ(folders[1], root / "course" / "poses");
    EXPECT_EQ(folders[2], (std::filesystem::current_path() / "rel" / "poses").lexically_normal());

    Pose first, second;
    first.hipRight.flexion = 30.0f;
    second.hipRight.flexion = 60.0f;
    ASSERT_TRUE(app::saveUserPose("Class lunge", first, root / "a").pose);
    ASSERT_TRUE(app::saveUserPose("Class lunge", second, root / "b").pose);
    std::vector<std::string> problems;
    const std::vector<PoseFile> poses = app::posesWithUserPoses(kShipped, {root / "a", root / "b"}, problems);
    const auto lunge = std::find_if(poses.begin(), poses.end(), [](const PoseFile& p) { return p.id == "class_lunge"; });
    ASSERT_NE(lunge, poses.end());
    EXPECT_EQ(lunge->pose, second);

    std::filesystem::create_directories(root / "course" / "lessons");
    ASSERT_TRUE(app::saveUserPose("Class lunge", first, root / "course" / "poses").pose);
    std::ofstream(root / "course" / "lessons" / "mine.toml")
        << "id = \"mine\"\ntitle = \"Mine\"\n[[step]]\ntitle = \"Lunge\"\npose = \"class_lunge\"\n";
    const auto checked = test::runAtlas({"--check-lessons", (root / "course" / "lessons").string()}, true);
    EXPECT_EQ(checked.exitCode, 0) << checked.out << checked.err;
    // The same lesson in a folder with no poses beside it names an unknown pose.
    std::filesystem::create_directories(root / "other" / "lessons");
    std::filesystem::copy_file(root / "course" / "lessons" / "mine.toml", root / "other" / "lessons" / "mine.toml");
    const auto alone = test::runAtlas({"--check-lessons", (root / "other" / "lessons").string()}, true);
    EXPECT_EQ(alone.exitCode, 1);
    EXPECT_NE((alone.out + alone.err).find("unknown pose 'class_lunge'"), std::string::npos) << alone.out << alone.err;
}

}  // namespace
}  // namespace psoas
