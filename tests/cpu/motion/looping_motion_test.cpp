// Motions that loop (issue 13): walking follows the cited gait hip angles, a cycle through poses
// eases from each to the next, the pose is a pure function of the phase (equal a period later),
// and a lesson's `motion` is read and checked like every other field.

#include "core/lesson.hpp"
#include "core/motion/looping_motion.hpp"
#include "core/motion/pose_file.hpp"
#include "core/motion_state.hpp"
#include "core/step_staging.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace psoas {
namespace {

// The values docs/sources.md §11 cites (Perry & Burnfield 2010; Kadaba et al. 1990), at their phases.
TEST(Walking, the_hip_angle_passes_through_the_cited_gait_values) {
    EXPECT_NEAR(gaitHipFlexionDegrees(0.00), 30.0f, 1e-4f);   // initial contact
    EXPECT_NEAR(gaitHipFlexionDegrees(0.10), 30.0f, 1e-4f);   // end of loading response
    EXPECT_NEAR(gaitHipFlexionDegrees(0.50), -10.0f, 1e-4f);  // end of terminal stance: peak extension
    EXPECT_NEAR(gaitHipFlexionDegrees(0.60), 0.0f, 1e-4f);    // toe-off
    EXPECT_NEAR(gaitHipFlexionDegrees(0.85), 35.0f, 1e-4f);   // late swing: peak flexion
    EXPECT_NEAR(gaitHipFlexionDegrees(1.85), 35.0f, 1e-4f);   // whole cycles wrap
    EXPECT_NEAR(gaitHipFlexionDegrees(-0.15), 35.0f, 1e-4f);
    // Between them the hip extends through stance and flexes through swing, never past the cited
    // extremes (no overshoot of the curve through them).
    float lowest = 1e9f, highest = -1e9f;
    for (int i = 0; i <= 1000; ++i) {
        const float angle = gaitHipFlexionDegrees(i / 1000.0);
        lowest = std::min(lowest, angle);
        highest = std::max(highest, angle);
    }
    EXPECT_NEAR(lowest, -10.0f, 1e-3f);
    EXPECT_NEAR(highest, 35.0f, 1e-3f);
    EXPECT_GT(gaitHipFlexionDegrees(0.30), gaitHipFlexionDegrees(0.40));  // extending in mid stance
    EXPECT_LT(gaitHipFlexionDegrees(0.70), gaitHipFlexionDegrees(0.80));  // flexing in swing
}

TEST(Walking, the_left_hip_is_half_a_cycle_behind_the_right) {
    const LoopingMotion walking = builtInMotion(BuiltInMotion::Walking);
    EXPECT_EQ(builtInMotionName(BuiltInMotion::Walking), "walking");
    for (double phase : {0.0, 0.2, 0.5, 0.77}) {
        const Pose pose = poseAt(walking, phase);
        EXPECT_FLOAT_EQ(pose.hipRight.flexion, gaitHipFlexionDegrees(phase));
        EXPECT_FLOAT_EQ(pose.hipLeft.flexion, gaitHipFlexionDegrees(phase + 0.5));
        EXPECT_EQ(pose.lumbarExtension, 0.0f);
        EXPECT_EQ(pose.hipRight.abduction, 0.0f);
    }
    const Pose contact = poseAt(walking, 0.0);
    EXPECT_NEAR(contact.hipRight.flexion, 30.0f, 1e-4f);  // right heel strikes
    EXPECT_NEAR(contact.hipLeft.flexion, -10.0f, 1e-4f);  // while the left trails behind
}

TEST(PoseCycle, eases_from_each_pose_to_the_next_and_back_to_the_first) {
    Pose lift;
    lift.hipRight.flexion = 60.0f;
    LoopingMotion cycle;
    cycle.poses = {Pose{}, lift};
    cycle.periodSeconds = 4.0f;
    EXPECT_EQ(poseAt(cycle, 0.0), Pose{});
    EXPECT_EQ(poseAt(cycle, 0.5), lift);
    EXPECT_FLOAT_EQ(poseAt(cycle, 0.25).hipRight.flexion, 30.0f);  // half way there, eased
    EXPECT_LT(poseAt(cycle, 0.05).hipRight.flexion, 0.05f / 0.5f * 60.0f);  // slow start: eased, not linear
    EXPECT_FLOAT_EQ(poseAt(cycle, 0.75).hipRight.flexion, 30.0f);  // on the way back
    EXPECT_EQ(poseAt(cycle, 1.0), Pose{});
}

void expectSamePose(const Pose& a, const Pose& b) {
    EXPECT_NEAR(a.hipRight.flexion, b.hipRight.flexion, 1e-3f);
    EXPECT_NEAR(a.hipLeft.flexion, b.hipLeft.flexion, 1e-3f);
    EXPECT_NEAR(a.lumbarExtension, b.lumbarExtension, 1e-3f);
}

MotionSettings walkingSettings() {
    MotionSettings settings;
    settings.pose = 0;
    settings.loop = builtInMotion(BuiltInMotion::Walking);
    return settings;
}

void advanceFrames(MotionState& state, double seconds) {
    const int frames = static_cast<int>(std::lround(seconds * 60.0));
    for (int i = 0; i < frames; ++i) state.advance(1.0 / 60.0);
}

// One source of truth: the pose drawn and measured is the loop's pose at its phase; a period later
// it is the same, half a period later the legs have swapped.
TEST(LoopingMotionState, the_pose_repeats_after_a_period_and_differs_half_a_period_on) {
    MotionState state({Pose{}});
    state.stage(walkingSettings(), true);
    const double period = state.settings().loop->periodSeconds;
    EXPECT_TRUE(state.looping());
    EXPECT_TRUE(state.animating());
    advanceFrames(state, 0.4);
    const Pose at = state.currentPose();
    EXPECT_EQ(state.inputs().pose, at);
    expectSamePose(at, poseAt(*state.settings().loop, state.loopPhase()));
    advanceFrames(state, period / 2.0);
    const Pose half = state.currentPose();
    EXPECT_GT(std::abs(half.hipRight.flexion - at.hipRight.flexion), 5.0f);
    EXPECT_NEAR(half.hipRight.flexion, at.hipLeft.flexion, 1e-3f);  // the legs have swapped
    EXPECT_NEAR(half.hipLeft.flexion, at.hipRight.flexion, 1e-3f);
    advanceFrames(state, period / 2.0);
    expectSamePose(state.currentPose(), at);
}

TEST(LoopingMotionState, speed_scales_the_clock_and_pause_holds_it) {
    MotionState state({Pose{}});
    state.stage(walkingSettings(), true);
    MotionChange change;
    change.loopSpeed = 0.5f;
    state.change(change);
    advanceFrames(state, 1.0);
    EXPECT_NEAR(state.loopPhase(), 0.25, 1e-6);  // 1 s at half speed of a 2 s cycle
    change = {};
    change.loopPaused = true;
    state.change(change);
    const Pose held = state.currentPose();
    advanceFrames(state, 1.0);
    EXPECT_EQ(state.currentPose(), held);
    EXPECT_FALSE(state.animating());
    EXPECT_TRUE(state.overridden());
    change.loopPaused = false;
    change.loopSpeed = 9.0f;
    state.change(change);
    EXPECT_EQ(state.settings().loopSpeed, kLoopSpeedMax);
}

// Staged with a glide (a lesson step), the body first moves into the loop's first pose; the loop's
// clock starts only when it is there, so nothing jumps.
TEST(LoopingMotionState, a_step_glides_into_the_loop_before_its_clock_runs) {
    Pose sitting;
    sitting.hipRight.flexion = 90.0f;
    sitting.hipLeft.flexion = 90.0f;
    MotionSettings seated;
    seated.pose = 1;
    MotionState state({Pose{}, sitting});
    state.stage(seated, true);
    state.stage(walkingSettings(), false);
    advanceFrames(state, 1.0);
    EXPECT_EQ(state.loopPhase(), 0.0);
    EXPECT_GT(state.currentPose().hipRight.flexion, 30.5f);  // still on the way down from 90
    advanceFrames(state, 0.6);
    EXPECT_GT(state.loopPhase(), 0.0);
}

// A joint control takes over from the loop where the body is; "reset all joints" gives it back.
TEST(LoopingMotionState, a_joint_control_takes_over_from_where_the_body_is_and_reset_resumes_the_loop) {
    MotionState state({Pose{}});
    state.stage(walkingSettings(), true);
    advanceFrames(state, 0.5);
    const Pose now = state.currentPose();
    const double phase = state.loopPhase();
    MotionChange change;
    change.joint = JointAngle{JointCoordinate::RightHipFlexion, 45.0f};
    state.change(change);
    EXPECT_FALSE(state.looping());
    EXPECT_FLOAT_EQ(state.currentPose().hipRight.flexion, 45.0f);
    EXPECT_FLOAT_EQ(state.currentPose().hipLeft.flexion, now.hipLeft.flexion);  // the other leg stays where it was
    advanceFrames(state, 1.0);
    EXPECT_FLOAT_EQ(state.currentPose().hipLeft.flexion, now.hipLeft.flexion);
    change = {};
    change.resetJoints = true;
    state.change(change);
    EXPECT_TRUE(state.looping());
    EXPECT_FALSE(state.overridden());
    EXPECT_EQ(state.loopPhase(), phase);  // goes on from where it was left
}

// Lesson fields -------------------------------------------------------------------------------

LessonVocabulary posesOnly() {
    LessonVocabulary vocabulary;
    vocabulary.poses = {"neutral_standing", "leg_lift", "sitting"};
    return vocabulary;
}

std::string stepWith(std::string_view fields) {
    return "id = \"m\"\ntitle = \"Motion\"\n[[step]]\ntitle = \"Walk\"\n" + std::string(fields) + "\n";
}

std::vector<std::string> problemsWith(std::string_view fields) {
    try {
        parseLesson(stepWith(fields), "m.toml", posesOnly());
    } catch (const DataFileError& error) {
        std::vector<std::string> lines;
        for (const Diagnostic& d : error.diagnostics()) lines.push_back(d.format());
        return lines;
    }
    return {};
}

TEST(StepMotion, a_named_motion_and_a_cycle_through_poses_are_read_and_staged) {
    const Lesson walking = parseLesson(stepWith("motion = \"walking\""), "m.toml", posesOnly());
    ASSERT_TRUE(walking.steps.at(0).motion.has_value());
    EXPECT_EQ(walking.steps.at(0).motion->builtIn, "walking");
    EXPECT_TRUE(walking.steps.at(0).motion->poses.empty());

    const Lesson lift =
        parseLesson(stepWith("motion = { poses = [\"neutral_standing\", \"leg_lift\"], period = 4 }"), "m.toml", posesOnly());
    const LessonStep& step = lift.steps.at(0);
    ASSERT_TRUE(step.motion.has_value());
    EXPECT_EQ(step.motion->poses, (std::vector<std::string>{"neutral_standing", "leg_lift"}));
    EXPECT_EQ(step.motion->periodSeconds, 4.0);
    EXPECT_FALSE(step.pose.has_value());

    PoseFile standing, legLift;
    standing.id = "neutral_standing";
    legLift.id = "leg_lift";
    legLift.pose.hipRight.flexion = 70.0f;
    const StagedStep staged = stageStep(step, Scene{}, {standing, legLift}, true);
    ASSERT_TRUE(staged.motion.loop.has_value());
    EXPECT_EQ(staged.motion.loop->poses, (std::vector<Pose>{standing.pose, legLift.pose}));
    EXPECT_EQ(staged.motion.loop->periodSeconds, 4.0f);
    EXPECT_EQ(stageStep(walking.steps.at(0), Scene{}, {standing}, true).motion.loop, builtInMotion(BuiltInMotion::Walking));
    EXPECT_FALSE(stageStep(LessonStep{}, Scene{}, {standing}, true).motion.loop.has_value());
}

TEST(StepMotion, mistakes_are_reported_where_they_are) {
    EXPECT_EQ(problemsWith("motion = \"walkin\""),
              std::vector<std::string>{"m.toml:5:10: unknown motion 'walkin' in 'motion' (did you mean 'walking'?); name a built-in "
                                       "motion or write { poses = [\"id\", \"id\"], period = 4 }"});
    EXPECT_EQ(problemsWith("pose = \"sitting\"\nmotion = \"walking\""),
              std::vector<std::string>{"m.toml:6:10: a step has 'pose' or 'motion', not both: the motion sets the pose as it plays"});
    EXPECT_EQ(problemsWith("motion = { poses = [\"neutral_standing\", \"leg_lift\"], period = 100 }"),
              std::vector<std::string>{"m.toml:5:63: 'period' is 100; it must be between 0.5 and 60"});
    EXPECT_EQ(problemsWith("motion = { poses = [\"neutral_standing\", \"leg_lfit\"] }"),
              std::vector<std::string>{"m.toml:5:41: unknown pose 'leg_lfit' in 'poses' (did you mean 'leg_lift'?)"});
    EXPECT_EQ(problemsWith("motion = { poses = [\"sitting\"] }"),
              std::vector<std::string>{"m.toml:5:20: 'poses' needs at least two pose ids for the motion to move between"});
    EXPECT_EQ(problemsWith("motion = { period = 4 }"),
              std::vector<std::string>{"m.toml:5:10: 'motion' needs 'poses', the pose ids it moves between"});
    EXPECT_EQ(problemsWith("motion = { poses = [\"sitting\", \"leg_lift\"], perod = 4 }"),
              std::vector<std::string>{"m.toml:5:45: unknown key 'perod' in 'motion' (did you mean 'period'?)"});
    EXPECT_EQ(problemsWith("motion = 3"),
              std::vector<std::string>{"m.toml:5:10: 'motion' must be a motion name such as \"walking\" or a table "
                                       "{ poses = [\"id\", \"id\"], period = 4 }"});
}

}  // namespace
}  // namespace psoas
