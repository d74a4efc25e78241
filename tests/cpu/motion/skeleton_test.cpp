#include "core/motion/skeleton.hpp"

#include "support/built_in_anatomy.hpp"

#include <glm/trigonometric.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace psoas {
namespace {

constexpr float kTolerance = 1e-5f;
const glm::vec3 kRightKnee{-0.084f, -0.462f, -0.075f};  // sources §3

void expectNear(const glm::vec3& a, const glm::vec3& b, float tolerance = kTolerance) {
    EXPECT_NEAR(a.x, b.x, tolerance);
    EXPECT_NEAR(a.y, b.y, tolerance);
    EXPECT_NEAR(a.z, b.z, tolerance);
}

TEST(Skeleton, neutral_pose_leaves_every_body_where_its_mesh_was_built) {
    const BodyTransforms bodies = test::solveBuiltIn(Pose{});
    for (const glm::mat4& transform : bodies.world)
        for (int c = 0; c < 4; ++c) expectNear(glm::vec3(transform[c]), glm::vec3(glm::mat4(1.0f)[c]));
}

TEST(Skeleton, body_names_are_the_atlas_body_values) {
    EXPECT_EQ(bodyName(Body::FemurRight), "femur_r");
    EXPECT_EQ(bodyName(Body::DiscL4L5), "disc_l4_l5");
    for (std::size_t i = 0; i < kBodyCount; ++i)
        EXPECT_EQ(bodyFromName(bodyName(static_cast<Body>(i))), static_cast<Body>(i));
    EXPECT_FALSE(bodyFromName("femur").has_value());
}

TEST(Skeleton, hip_flexion_swings_the_knee_forward_about_the_hip_centre) {
    Pose pose;
    pose.hipRight.flexion = 90.0f;
    const BodyTransforms bodies = test::solveBuiltIn(pose);
    const glm::vec3 hip = test::builtInSkeleton().hipCentre(Side::Right);
    const glm::vec3 knee = bodies.place(Body::FemurRight, kRightKnee);
    EXPECT_GT(knee.z, hip.z + 0.38f);                     // forward by about the thigh length
    EXPECT_NEAR(knee.y, hip.y, 0.01f);                    // level with the hip
    expectNear(bodies.place(Body::FemurRight, hip), hip);  // the hip centre stays put
    expectNear(bodies.place(Body::FemurLeft, glm::vec3(0.084f, -0.462f, -0.075f)), {0.084f, -0.462f, -0.075f});
}

TEST(Skeleton, abduction_and_external_rotation_mirror_between_sides) {
    Pose pose;
    pose.hipRight = {20.0f, 30.0f, 25.0f};
    pose.hipLeft = pose.hipRight;
    const BodyTransforms bodies = test::solveBuiltIn(pose);
    const glm::vec3 right = bodies.place(Body::FemurRight, kRightKnee);
    const glm::vec3 left = bodies.place(Body::FemurLeft, {-kRightKnee.x, kRightKnee.y, kRightKnee.z});
    expectNear(left, {-right.x, right.y, right.z});
    EXPECT_LT(right.x, kRightKnee.x - 0.1f);  // abduction takes the right knee further right (-X)
}

TEST(Skeleton, pelvic_tilt_moves_the_pelvis_and_spine_but_not_the_femurs) {
    Pose pose;
    pose.pelvicTilt = 15.0f;
    const BodyTransforms bodies = test::solveBuiltIn(pose);
    const glm::vec3 crestTop{-0.076f, 0.094f, -0.087f};  // sources §3
    EXPECT_GT(bodies.place(Body::Pelvis, crestTop).z, crestTop.z + 0.02f);  // anterior tilt: top forward
    EXPECT_GT(bodies.place(Body::T12, {0.0f, 0.23f, -0.1f}).z, -0.1f);
    expectNear(bodies.place(Body::FemurRight, kRightKnee), kRightKnee);
}

TEST(Skeleton, lumbar_extension_is_shared_in_the_published_ratios) {
    const auto& joints = test::builtInSkeleton().lumbarJoints();
    float total = 0.0f;
    for (const LumbarJoint& joint : joints) total += joint.share;
    EXPECT_NEAR(total, 1.0f, 1e-6f);
    EXPECT_NEAR(joints[1].share / joints[0].share, 1.857f, 1e-4f);  // sources §2
    Pose pose;
    pose.lumbarExtension = 20.0f;
    const BodyTransforms bodies = test::solveBuiltIn(pose);
    // Extension carries the upper body posterior; T12 turns by the whole 20 degrees.
    EXPECT_LT(bodies.place(Body::T12, {0.0f, 0.25f, -0.1f}).z, -0.1f - 0.02f);
    EXPECT_NEAR(glm::degrees(std::atan2(bodies[Body::T12][1][2], bodies[Body::T12][1][1])), -20.0f, 1e-3f);
}

TEST(Skeleton, disc_sits_midway_between_its_vertebrae) {
    Pose pose;
    pose.lumbarExtension = -40.0f;
    pose.pelvicTilt = 10.0f;
    const BodyTransforms bodies = test::solveBuiltIn(pose);
    for (const LumbarJoint& joint : test::builtInSkeleton().lumbarJoints()) {
        const glm::mat4 midway = midwayTransform(bodies[joint.lower], bodies[joint.upper], joint.centre);
        for (int c = 0; c < 4; ++c) expectNear(glm::vec3(midway[c]), glm::vec3(bodies[joint.disc][c]));
    }
}

// One source of truth: the joint centres are the atlas's, not a second copy in the code. Moving
// a joint in the atlas moves the axis the bones turn about.
TEST(Skeleton, joint_centres_come_from_the_atlas) {
    std::vector<Joint> joints = test::builtInAtlas().joints;
    const glm::vec3 shift{0.0f, 0.010f, 0.005f};
    for (Joint& joint : joints)
        if (joint.id == "l3_l4" || joint.id == "hip_r") joint.centre += shift;
    const Skeleton moved(joints);
    EXPECT_LT(glm::distance(moved.lumbarJoints()[2].centre, test::builtInSkeleton().lumbarJoints()[2].centre + shift), 1e-6f);
    EXPECT_LT(glm::distance(moved.hipCentre(Side::Right), test::builtInSkeleton().hipCentre(Side::Right) + shift), 1e-6f);
    Pose pose;
    pose.lumbarExtension = 20.0f;
    pose.hipRight.flexion = 60.0f;
    const BodyTransforms bodies = solveSkeleton(moved, pose);
    // A point on a joint's axis stays where it is relative to the body below.
    expectNear(bodies.place(Body::L3, moved.lumbarJoints()[2].centre), bodies.place(Body::L4, moved.lumbarJoints()[2].centre));
    expectNear(bodies.place(Body::FemurRight, moved.hipCentre(Side::Right)), bodies.place(Body::Pelvis, moved.hipCentre(Side::Right)));
}

TEST(Skeleton, an_atlas_without_a_joint_the_pose_model_needs_is_an_error_naming_it) {
    std::vector<Joint> joints = test::builtInAtlas().joints;
    std::erase_if(joints, [](const Joint& joint) { return joint.id == "l2_l3"; });
    try {
        const Skeleton skeleton(joints);
        FAIL() << "a skeleton without L2/L3";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "the atlas has no [[joint]] with parent 'l3' and child 'l2'");
    }
}

}  // namespace
}  // namespace psoas
