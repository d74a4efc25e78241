// "Save pose…" (issue 13): a saved pose file reads back as the same angles, its id comes from the
// name the teacher typed, and a user pose with a shipped id takes the shipped one's place.

#include "core/motion/pose_writer.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

const std::filesystem::path kSource = psoas::test::sourceDirectory();

TEST(PoseWriter, every_shipped_pose_reads_back_with_the_same_angles) {
    for (const PoseFile& shipped : loadPoseLibrary(kSource / "models" / "poses")) {
        const PoseFile again = parsePoseFile(poseFileText(shipped), "saved.toml");
        EXPECT_EQ(again.id, shipped.id);
        EXPECT_EQ(again.name, shipped.name);
        EXPECT_EQ(again.description, shipped.description);
        EXPECT_EQ(again.pose, shipped.pose) << shipped.id;
    }
}

TEST(PoseWriter, odd_angles_and_names_survive_the_file) {
    PoseFile pose;
    pose.id = "my_lunge";
    pose.name = "My \"deep\" lunge \\ left\tside";
    pose.description = "Saved in class.\nSecond line";
    pose.pose.lumbarExtension = -12.345678f;
    pose.pose.hipRight.flexion = 1e-5f;
    pose.pose.hipLeft.flexion = -17.3f;
    pose.pose.hipLeft.externalRotation = 33.333333f;
    pose.pose.bodyPitch = -90.0f;  // supine
    const PoseFile again = parsePoseFile(poseFileText(pose), "saved.toml");
    EXPECT_EQ(again.name, pose.name);
    EXPECT_EQ(again.description, pose.description);
    EXPECT_EQ(again.pose, pose.pose);
}

TEST(PoseWriter, the_id_comes_from_the_typed_name) {
    EXPECT_EQ(poseIdFromName("My lunge, 2"), "my_lunge_2");
    EXPECT_EQ(poseIdFromName("  Hip 45°  "), "hip_45");
    EXPECT_EQ(poseIdFromName("leg_lift"), "leg_lift");
    EXPECT_EQ(poseIdFromName("!!!"), "");
}

TEST(PoseWriter, a_user_pose_with_a_shipped_id_replaces_it_and_others_are_added_in_order) {
    PoseFile standing, sitting, mine, ownStanding;
    standing.id = "neutral_standing";
    sitting.id = "sitting";
    mine.id = "a_first";
    ownStanding.id = "neutral_standing";
    ownStanding.name = "My standing";
    const std::vector<PoseFile> poses = withUserPoses({standing, sitting}, {ownStanding, mine});
    ASSERT_EQ(poses.size(), 3u);
    EXPECT_EQ(poses[0].id, "a_first");
    EXPECT_EQ(poses[1].id, "neutral_standing");
    EXPECT_EQ(poses[1].name, "My standing");
    EXPECT_EQ(poses[2].id, "sitting");
}

}  // namespace
}  // namespace psoas
