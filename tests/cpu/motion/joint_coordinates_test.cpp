// The coordinates of the pose model as the joint controls list them (issue 13).

#include "core/motion/joint_coordinates.hpp"

#include <gtest/gtest.h>


namespace psoas {
namespace {

// Every coordinate reads and writes its own angle of the Pose, and no other.
TEST(JointCoordinates, each_coordinate_is_one_angle_of_the_pose) {
    for (const JointCoordinateInfo& info : jointCoordinates()) {
        Pose pose;
        setCoordinate(pose, info.id, 7.0f);
        EXPECT_FLOAT_EQ(coordinateValue(pose, info.id), 7.0f) << info.key;
        int changed = 0;
        for (float v : {pose.lumbarExtension, pose.pelvicTilt, pose.hipRight.flexion, pose.hipRight.abduction,
                        pose.hipRight.externalRotation, pose.hipLeft.flexion, pose.hipLeft.abduction, pose.hipLeft.externalRotation})
            changed += v != 0.0f;
        EXPECT_EQ(changed, 1) << info.key;
        EXPECT_EQ(jointCoordinateFromKey(info.key), info.id);
        EXPECT_EQ(&jointCoordinate(info.id), &info);
    }
    EXPECT_EQ(jointCoordinateFromKey("hip_right.flexon"), std::nullopt);
}

// The sliders' ranges are the cited normal ranges (docs/sources.md §9 and §2).
TEST(JointCoordinates, ranges_are_the_cited_normal_ranges) {
    auto range = [](JointCoordinate id) {
        const JointCoordinateInfo& info = jointCoordinate(id);
        return std::pair(info.minDegrees, info.maxDegrees);
    };
    for (JointCoordinate flexion : {JointCoordinate::RightHipFlexion, JointCoordinate::LeftHipFlexion})
        EXPECT_EQ(range(flexion), std::pair(-30.0f, 120.0f));  // extension 30, flexion 120
    for (JointCoordinate abduction : {JointCoordinate::RightHipAbduction, JointCoordinate::LeftHipAbduction})
        EXPECT_EQ(range(abduction), std::pair(-30.0f, 45.0f));  // adduction 30, abduction 45
    for (JointCoordinate rotation : {JointCoordinate::RightHipRotation, JointCoordinate::LeftHipRotation})
        EXPECT_EQ(range(rotation), std::pair(-45.0f, 45.0f));
    // Flexion: the measured 90th centile of adults without back pain (Laird 2019), not the
    // published model's -80 (a lumbar spine bent past what healthy people reach looked wrong).
    EXPECT_EQ(range(JointCoordinate::LumbarExtension), std::pair(-65.0f, 26.0f));
    EXPECT_EQ(range(JointCoordinate::PelvicTilt), std::pair(-20.0f, 20.0f));
    EXPECT_FLOAT_EQ(clampToRange(JointCoordinate::LumbarExtension, 40.0f), 26.0f);
    EXPECT_FLOAT_EQ(clampToRange(JointCoordinate::PelvicTilt, 5.0f), 5.0f);
}

// A pose file may ask for more than the joint controls reach (the 90/90 pose's 60 degree hips),
// never less: every physiological range lies inside the file range.
TEST(JointCoordinates, a_pose_file_may_go_past_the_physiological_range) {
    for (const JointCoordinateInfo& info : jointCoordinates()) {
        EXPECT_EQ(physiologicalRange(info.id), (DegreeRange{info.minDegrees, info.maxDegrees}));
        EXPECT_LE(poseFileRange(info.id).min, info.minDegrees) << info.key;
        EXPECT_GE(poseFileRange(info.id).max, info.maxDegrees) << info.key;
    }
    EXPECT_EQ(poseFileRange(JointCoordinate::LumbarExtension), (DegreeRange{-80.0f, 30.0f}));
    EXPECT_EQ(poseFileRange(JointCoordinate::RightHipRotation), (DegreeRange{-90.0f, 90.0f}));
}

}  // namespace
}  // namespace psoas
