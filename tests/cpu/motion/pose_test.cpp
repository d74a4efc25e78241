#include "core/motion/muscle_path.hpp"
#include "core/motion/pose.hpp"
#include "core/motion/pose_file.hpp"
#include "core/motion/pose_transition.hpp"
#include "support/built_in_anatomy.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace psoas {
namespace {

const std::filesystem::path kPoses = psoas::test::sourceDirectory() / "models" / "poses";

std::vector<std::string> problemsIn(const std::string& text) {
    try {
        parsePoseFile(text, "pose.toml");
    } catch (const DataFileError& error) {
        std::vector<std::string> lines;
        for (const Diagnostic& d : error.diagnostics()) lines.push_back(d.format());
        return lines;
    }
    return {};
}

TEST(BridgePose, hip_angle_follows_the_block_height_as_published) {
    // sources §6: block 0 -> +58, 0.10 -> +24, 0.15 -> +9, 0.20 -> -5 degrees.
    EXPECT_NEAR(bridgeHipFlexionDegrees(0.0f), 58.0f, 1.5f);
    EXPECT_NEAR(bridgeHipFlexionDegrees(0.10f), 24.0f, 1.5f);
    EXPECT_NEAR(bridgeHipFlexionDegrees(0.15f), 9.0f, 1.5f);
    EXPECT_NEAR(bridgeHipFlexionDegrees(0.20f), -5.0f, 1.5f);
}

TEST(PoseFile, every_shipped_pose_loads_with_a_name_and_description) {
    const std::vector<PoseFile> poses = loadPoseLibrary(kPoses);
    ASSERT_GE(poses.size(), 7u);
    for (const PoseFile& pose : poses) {
        EXPECT_EQ(pose.id, pose.file.stem().string());
        EXPECT_FALSE(pose.name.empty());
        EXPECT_GT(pose.description.size(), 40u) << pose.id;
    }
}

TEST(PoseFile, shipped_poses_match_the_published_targets) {
    const PoseFile lunge = loadPoseFile(kPoses / "low_lunge.toml");
    EXPECT_LE(lunge.pose.hipRight.flexion, -10.0f);  // back hip extension 10-20 degrees, sources §6
    EXPECT_GE(lunge.pose.hipRight.flexion, -20.0f);
    EXPECT_GT(lunge.pose.hipLeft.flexion, 45.0f);
    const PoseFile lift = loadPoseFile(kPoses / "leg_lift.toml");
    EXPECT_GE(lift.pose.hipRight.flexion, 60.0f);
    EXPECT_LE(lift.pose.hipRight.flexion, 90.0f);
    const PoseFile sitting = loadPoseFile(kPoses / "sitting.toml");
    EXPECT_EQ(sitting.pose.hipRight.flexion, 90.0f);
    EXPECT_EQ(sitting.pose.hipLeft.flexion, 90.0f);
    const PoseFile bridge = loadPoseFile(kPoses / "supported_bridge.toml");
    ASSERT_TRUE(bridge.blockHeight.has_value());
    EXPECT_EQ(bridge.pose.hipRight.flexion, bridgeHipFlexionDegrees(*bridge.blockHeight));
}

TEST(PoseFile, reports_every_problem_with_its_position_and_a_suggestion) {
    const auto problems = problemsIn(
        "id = \"x\"\nname = \"X\"\ndescription = \"d\"\nlumbar_extention = 5\npelvic_tilt = 45\n[hip_right]\nflexoin = 10\n");
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0], "pose.toml:4:1: unknown key 'lumbar_extention' in a pose (did you mean 'lumbar_extension'?)");
    EXPECT_EQ(problems[1], "pose.toml:5:15: 'pelvic_tilt' is 45; it must be between -30 and 30");
    EXPECT_EQ(problems[2], "pose.toml:7:1: unknown key 'flexoin' in [hip_right] (did you mean 'flexion'?)");
}

TEST(PoseFile, bridge_refuses_a_hip_flexion_that_contradicts_the_block) {
    const auto problems = problemsIn(
        "id = \"b\"\nname = \"B\"\ndescription = \"d\"\nblock_height_m = 0.1\n[hip_left]\nflexion = 30\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0], "pose.toml:6:11: the bridge's hip flexion comes from 'block_height_m'; remove 'flexion'");
}

TEST(PoseFile, a_syntax_error_names_its_line) {
    const auto problems = problemsIn("id = \"x\"\nname = \n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].rfind("pose.toml:2:", 0), 0u) << problems[0];
}

float rightPsoasLength(const Pose& pose) {
    std::vector<PathState> states;
    return evaluateMuscle(test::builtInMuscles()[0], pose, test::solveBuiltIn(pose), states).length;
}

TEST(PoseFile, lunge_stretches_the_back_psoas_3_to_5_percent_and_leg_lift_slackens_it) {
    const float standing = rightPsoasLength(loadPoseFile(kPoses / "neutral_standing.toml").pose);
    const float lunge = rightPsoasLength(loadPoseFile(kPoses / "low_lunge.toml").pose);
    const float lift = rightPsoasLength(loadPoseFile(kPoses / "leg_lift.toml").pose);
    EXPECT_GT(lunge / standing, 1.03f);  // sources §6: longer by about 3-5 %
    EXPECT_LT(lunge / standing, 1.05f);
    EXPECT_LT(lift, standing - 0.02f);   // sources §6: shorter by tens of millimetres
}

TEST(PoseTransition, eases_from_start_to_target_without_a_jump) {
    Pose sitting;
    sitting.hipRight.flexion = 90.0f;
    PoseTransition move(Pose{}, sitting, 1.0f);
    EXPECT_EQ(move.current().hipRight.flexion, 0.0f);
    float previous = 0.0f;
    float largestStep = 0.0f;
    for (int frame = 0; frame < 60; ++frame) {
        move.advance(1.0f / 60.0f);
        const float now = move.current().hipRight.flexion;
        EXPECT_GE(now, previous);
        largestStep = std::max(largestStep, now - previous);
        previous = now;
    }
    EXPECT_TRUE(move.finished());
    EXPECT_FLOAT_EQ(move.current().hipRight.flexion, 90.0f);
    EXPECT_LT(largestStep, 90.0f * 1.875f / 60.0f + 0.01f);  // smootherstep peak speed 1.875x the mean
    // The first frame barely moves: the move starts at rest.
    PoseTransition fresh(Pose{}, sitting, 1.0f);
    fresh.advance(1.0f / 60.0f);
    EXPECT_LT(fresh.current().hipRight.flexion, 0.05f);
}

TEST(PoseTransition, retargeting_mid_move_starts_from_where_the_body_is) {
    Pose sitting;
    sitting.hipRight.flexion = 90.0f;
    PoseTransition move(Pose{}, sitting, 1.0f);
    move.advance(0.5f);
    const float midway = move.current().hipRight.flexion;
    move.retarget(Pose{}, 1.0f);
    EXPECT_FLOAT_EQ(move.current().hipRight.flexion, midway);
}

}  // namespace
}  // namespace psoas
