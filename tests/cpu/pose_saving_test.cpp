// "Save pose…" (issue 13) on disk: the pose file lands in the user's pose folder, reads back with the
// angles shown, replaces an earlier one of the same name whole, and at the next start a user pose
// with a shipped id is used in place of the shipped one.

#include "app/pose_saving.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace psoas {
namespace {

const std::filesystem::path kShipped = std::filesystem::path(PSOAS_SOURCE_DIR) / "models" / "poses";

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
    const std::vector<PoseFile> poses = app::posesWithUserPoses(kShipped, folder, problems);
    const std::vector<PoseFile> shipped = loadPoseLibrary(kShipped);
    EXPECT_EQ(poses.size(), shipped.size());
    const auto legLift = std::find_if(poses.begin(), poses.end(), [](const PoseFile& p) { return p.id == "leg_lift"; });
    ASSERT_NE(legLift, poses.end());
    EXPECT_EQ(legLift->name, "Leg lift");
    EXPECT_EQ(legLift->pose, lifted);
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems.front().find("broken.toml:"), std::string::npos) << problems.front();

    std::vector<std::string> none;
    EXPECT_EQ(app::posesWithUserPoses(kShipped, folder / "missing", none).size(), shipped.size());
    EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace psoas
