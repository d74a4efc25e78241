// A lesson step's `pose` as an inline table of joint angles (issue 13): read like a pose file's
// angles, unspecified joints neutral, each mistake reported at its file:line:col.

#include "core/lesson.hpp"
#include "core/motion/pose_file.hpp"
#include "core/motion/joint_coordinates.hpp"
#include "core/motion_state.hpp"
#include "core/step_staging.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

LessonVocabulary posesOnly() {
    LessonVocabulary vocabulary;
    vocabulary.poses = {"neutral_standing", "sitting"};
    return vocabulary;
}

std::string oneStep(std::string_view pose) {
    return "id = \"inline\"\ntitle = \"Inline\"\n[[step]]\ntitle = \"Lift\"\npose = " + std::string(pose) + "\n";
}

std::vector<std::string> problemsWith(std::string_view pose) {
    try {
        parseLesson(oneStep(pose), "inline.toml", posesOnly());
    } catch (const DataFileError& error) {
        std::vector<std::string> lines;
        for (const Diagnostic& d : error.diagnostics()) lines.push_back(d.format());
        return lines;
    }
    return {};
}

TEST(InlinePose, a_table_sets_the_joints_it_names_and_leaves_the_others_neutral) {
    const Lesson lesson =
        parseLesson(oneStep("{ lumbar_extension = -10, hip_right = { flexion = 45, external_rotation = 5 } }"), "inline.toml", posesOnly());
    const LessonStep& step = lesson.steps.at(0);
    EXPECT_FALSE(step.pose.has_value());
    ASSERT_TRUE(step.poseAngles.has_value());
    Pose expected;
    expected.lumbarExtension = -10.0f;
    expected.hipRight.flexion = 45.0f;
    expected.hipRight.externalRotation = 5.0f;
    EXPECT_EQ(*step.poseAngles, expected);
}

TEST(InlinePose, a_pose_id_still_works_and_names_no_angles) {
    const Lesson lesson = parseLesson(oneStep("\"sitting\""), "inline.toml", posesOnly());
    EXPECT_EQ(lesson.steps.at(0).pose, "sitting");
    EXPECT_FALSE(lesson.steps.at(0).poseAngles.has_value());
}

TEST(InlinePose, the_block_height_gives_the_bridges_hip_flexion_as_in_a_pose_file) {
    const Lesson lesson = parseLesson(oneStep("{ block_height_m = 0.10 }"), "inline.toml", posesOnly());
    ASSERT_TRUE(lesson.steps.at(0).poseAngles.has_value());
    EXPECT_FLOAT_EQ(lesson.steps.at(0).poseAngles->hipLeft.flexion, bridgeHipFlexionDegrees(0.10f));
}

TEST(InlinePose, mistakes_are_reported_where_they_are) {
    EXPECT_EQ(problemsWith("{ hip_rigth = { flexion = 45 } }"),
              std::vector<std::string>{"inline.toml:5:10: unknown key 'hip_rigth' in 'pose' (did you mean 'hip_right'?)"});
    EXPECT_EQ(problemsWith("{ hip_right = { flexion = 400 } }"),
              std::vector<std::string>{"inline.toml:5:34: 'flexion' is 400; it must be between -60 and 140"});
    EXPECT_EQ(problemsWith("{ hip_right = { flexon = 45 } }"),
              std::vector<std::string>{"inline.toml:5:24: unknown key 'flexon' in [hip_right] (did you mean 'flexion'?)"});
    EXPECT_EQ(problemsWith("{ hip_left = 45 }"),
              std::vector<std::string>{"inline.toml:5:21: 'hip_left' must be a table: [hip_left]"});
    EXPECT_EQ(problemsWith("{ id = \"x\" }"), std::vector<std::string>{"inline.toml:5:10: unknown key 'id' in 'pose'"});
    EXPECT_EQ(problemsWith("45"),
              std::vector<std::string>{"inline.toml:5:8: 'pose' must be a pose id (a string) or a table of joint angles, e.g. "
                                       "{ hip_right = { flexion = 45 } }"});
    EXPECT_EQ(problemsWith("\"sittin\""),
              std::vector<std::string>{"inline.toml:5:8: unknown pose 'sittin' in 'pose' (did you mean 'sitting'?)"});
}

// The step stages the angles on top of neutral standing; the Motion tab's resets return to them.
TEST(InlinePose, a_step_stages_its_inline_angles) {
    PoseFile standing;
    standing.id = "neutral_standing";
    const Lesson lesson = parseLesson(oneStep("{ hip_left = { abduction = 20 } }"), "inline.toml", posesOnly());
    Scene empty;
    const StagedStep staged = stageStep(lesson.steps.at(0), empty, {standing}, true);
    EXPECT_EQ(staged.motion.pose, 0);
    ASSERT_TRUE(staged.motion.joints.has_value());
    EXPECT_FLOAT_EQ(staged.motion.joints->hipLeft.abduction, 20.0f);

    MotionState state({standing.pose});
    state.stage(staged.motion, true);
    EXPECT_FLOAT_EQ(state.currentPose().hipLeft.abduction, 20.0f);
    MotionChange change;
    change.joint = JointAngle{JointCoordinate::LeftHipAbduction, 0.0f};
    state.change(change);
    EXPECT_TRUE(state.overridden());
    change = {};
    change.resetJoint = JointCoordinate::LeftHipAbduction;
    state.change(change);
    EXPECT_FALSE(state.overridden());
    EXPECT_FLOAT_EQ(state.targetPose().hipLeft.abduction, 20.0f);
}

// Tester, session 6: the 90/90 pose's 60 degree hip angles lie beyond the sliders' 45 degree ends,
// and touching a slider snapped 60 to 45. The controls' range takes in the step's angle and the
// chosen pose's, and a joint change inside it is kept as given.
TEST(JointControlRange, a_pose_beyond_the_normal_range_widens_it_and_is_never_clamped_back) {
    Pose ninetyNinety;
    ninetyNinety.hipLeft.abduction = 60.0f;
    ninetyNinety.hipRight.externalRotation = -60.0f;
    MotionSettings settings;
    settings.pose = 1;
    MotionState state({Pose{}, ninetyNinety});
    state.stage(settings, true);
    const JointCoordinateInfo& abduction = jointCoordinate(JointCoordinate::LeftHipAbduction);
    EXPECT_EQ(state.controlRange(JointCoordinate::LeftHipAbduction), (DegreeRange{abduction.minDegrees, 60.0f}));
    const JointCoordinateInfo& rotation = jointCoordinate(JointCoordinate::RightHipRotation);
    EXPECT_EQ(state.controlRange(JointCoordinate::RightHipRotation), (DegreeRange{-60.0f, rotation.maxDegrees}));
    const JointCoordinateInfo& flexion = jointCoordinate(JointCoordinate::RightHipFlexion);
    EXPECT_EQ(state.controlRange(JointCoordinate::RightHipFlexion), (DegreeRange{flexion.minDegrees, flexion.maxDegrees}));

    MotionChange change;
    change.joint = JointAngle{JointCoordinate::LeftHipAbduction, 58.0f};
    state.change(change);
    EXPECT_FLOAT_EQ(state.targetPose().hipLeft.abduction, 58.0f) << "a small move from 60, not a jump to 45";
    change.joint = JointAngle{JointCoordinate::LeftHipAbduction, 80.0f};
    state.change(change);
    EXPECT_FLOAT_EQ(state.targetPose().hipLeft.abduction, 60.0f) << "held at the widened end";

    // A library pose chosen in the Motion tab widens it too, though the step set another.
    MotionState standing({Pose{}, ninetyNinety});
    standing.stage(MotionSettings{}, true);
    MotionChange choose;
    choose.pose = 1;
    standing.change(choose);
    EXPECT_EQ(standing.controlRange(JointCoordinate::LeftHipAbduction).max, 60.0f);
}

TEST(LengthTagsField, a_step_reads_length_tags_as_true_or_false_only) {
    const std::string text = "id = \"tags\"\ntitle = \"Tags\"\n[[step]]\ntitle = \"On\"\nlength_tags = true\n[[step]]\ntitle = \"Off\"\n";
    const Lesson lesson = parseLesson(text, "tags.toml", posesOnly());
    EXPECT_TRUE(lesson.steps.at(0).lengthTags);
    EXPECT_FALSE(lesson.steps.at(1).lengthTags);
    try {
        parseLesson("id = \"tags\"\ntitle = \"Tags\"\n[[step]]\ntitle = \"On\"\nlength_tags = 1\n", "tags.toml", posesOnly());
        ADD_FAILURE() << "length_tags = 1 was accepted";
    } catch (const DataFileError& error) {
        ASSERT_EQ(error.diagnostics().size(), 1u);
        EXPECT_EQ(error.diagnostics()[0].format(), "tags.toml:5:15: 'length_tags' must be true or false");
    }
}

}  // namespace
}  // namespace psoas
