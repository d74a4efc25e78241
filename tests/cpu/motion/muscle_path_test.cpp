#include "core/motion/muscle_path.hpp"
#include "core/motion/skeleton.hpp"
#include "support/built_in_anatomy.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace psoas {
namespace {

// The published path computed the plain way, from the numbers as printed in docs/sources.md §2
// (OpenSim axes, right side), with nothing shared with the code under test.
struct OpenSimPoint {
    bool onFemur;
    double x, y, z;
};

double publishedLength(const std::vector<OpenSimPoint>& points, double hipFlexionDegrees) {
    const double hip[3] = {-0.0707, -0.0661, 0.0835};  // pelvis frame, OpenSim axes
    // In OpenSim axes hip flexion turns the femur about +z by theta.
    const double t = hipFlexionDegrees * M_PI / 180.0;
    const bool via = hipFlexionDegrees >= -90.0 && hipFlexionDegrees <= 45.0;
    std::vector<std::array<double, 3>> active;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i == 2 && !via) continue;
        const OpenSimPoint& p = points[i];
        if (!p.onFemur) {
            active.push_back({p.x, p.y, p.z});
            continue;
        }
        active.push_back({hip[0] + p.x * std::cos(t) - p.y * std::sin(t), hip[1] + p.x * std::sin(t) + p.y * std::cos(t),
                          hip[2] + p.z});
    }
    double length = 0.0;
    for (std::size_t i = 1; i < active.size(); ++i)
        length += std::hypot(active[i][0] - active[i - 1][0], active[i][1] - active[i - 1][1], active[i][2] - active[i - 1][2]);
    return length;
}

const std::vector<OpenSimPoint> kPsoas{{false, -0.0647, 0.0887, 0.0289}, {false, -0.0238, -0.0570, 0.0759},
                                       {false, -0.0288, -0.0805, 0.0816}, {true, 0.0016, -0.0507, 0.0038},
                                       {true, -0.0188, -0.0597, 0.0104}};
const std::vector<OpenSimPoint> kIliacus{{false, -0.0674, 0.0365, 0.0854}, {false, -0.0258, -0.0550, 0.0811},
                                         {false, -0.0288, -0.0805, 0.0816}, {true, 0.0017, -0.0543, 0.0057},
                                         {true, -0.0193, -0.0621, 0.0129}};

Pose hipsAt(float flexion) {
    Pose pose;
    pose.hipRight.flexion = flexion;
    pose.hipLeft.flexion = flexion;
    return pose;
}

PathState at(const MusclePath& path, const Pose& pose) { return evaluatePath(path, pose, test::solveBuiltIn(pose)); }

TEST(MusclePath, reference_psoas_is_260_9_mm_at_neutral) {
    EXPECT_NEAR(at(referencePsoasPath(test::builtInSkeleton(), Side::Right), Pose{}).length * 1000.0f, 260.9f, 0.1f);
    EXPECT_NEAR(at(referencePsoasPath(test::builtInSkeleton(), Side::Left), Pose{}).length * 1000.0f, 260.9f, 0.1f);
}

TEST(MusclePath, reproduces_the_published_psoas_and_iliacus_from_minus_30_to_90_degrees) {
    for (int degrees = -30; degrees <= 90; ++degrees) {
        for (Side side : {Side::Right, Side::Left}) {
            const Pose pose = hipsAt(static_cast<float>(degrees));
            EXPECT_NEAR(at(referencePsoasPath(test::builtInSkeleton(), side), pose).length, publishedLength(kPsoas, degrees), 0.0005) << degrees;
            EXPECT_NEAR(at(iliacusPath(test::builtInSkeleton(), side), pose).length, publishedLength(kIliacus, degrees), 0.0005) << degrees;
        }
    }
}

TEST(MusclePath, a_segmental_fascicle_follows_the_published_course_below_its_origin) {
    // The L3 transverse process fascicle: origin in the scene frame (sources §2 table) converted back
    // to OpenSim axes (x = Z, y = Y, z = -X), then the published brim, via and femoral points.
    std::vector<OpenSimPoint> fascicle = kPsoas;
    fascicle[0] = {false, -0.103, 0.140, 0.028};
    const MusclePath path = psoasFascicles(test::builtInSkeleton(), test::rightPsoasLandmarks(), Side::Right)[5];
    ASSERT_EQ(path.part, "l3_transverse_process");
    for (int degrees = -30; degrees <= 90; degrees += 5)
        EXPECT_NEAR(at(path, hipsAt(static_cast<float>(degrees))).length, publishedLength(fascicle, degrees), 0.0005);
}

TEST(MusclePath, psoas_shortens_steadily_with_a_positive_moment_arm_from_minus_30_to_90_degrees) {
    std::vector<Muscle> muscles = test::builtInMuscles();
    muscles.push_back({"reference", Side::Right, {referencePsoasPath(test::builtInSkeleton(), Side::Right)}});
    std::vector<PathState> states;
    for (const Muscle& muscle : muscles) {
        float previous = 1e9f;
        for (float degrees = -30.0f; degrees <= 90.0f; degrees += 0.5f) {
            const Pose pose = hipsAt(degrees);
            const MuscleState state = evaluateMuscle(muscle, pose, test::solveBuiltIn(pose), states);
            EXPECT_LT(state.length, previous) << muscle.id << " at " << degrees;
            EXPECT_GT(state.momentArm, 0.0f) << muscle.id << " at " << degrees;
            previous = state.length;
        }
    }
}

TEST(MusclePath, moment_arm_equals_the_slope_of_length_against_hip_angle) {
    const MusclePath path = psoasFascicles(test::builtInSkeleton(), test::rightPsoasLandmarks(), Side::Left)[0];
    for (float degrees : {-20.0f, 0.0f, 30.0f, 60.0f, 85.0f, 110.0f}) {
        const float step = 0.05f;
        const float slope = (at(path, hipsAt(degrees + step)).length - at(path, hipsAt(degrees - step)).length) /
                            glm::radians(2.0f * step);
        EXPECT_NEAR(at(path, hipsAt(degrees)).momentArm, -slope, 0.0005f) << degrees;
    }
}

TEST(MusclePath, whole_psoas_is_about_320_mm_standing) {
    const Muscle psoas = test::builtInMuscles()[0];
    std::vector<PathState> states;
    const MuscleState state = evaluateMuscle(psoas, Pose{}, test::solveBuiltIn(Pose{}), states);
    EXPECT_NEAR(state.length * 1000.0f, 320.0f, 15.0f);  // "about 320 mm standing", sources §2
    EXPECT_EQ(states.size(), 11u);
}

TEST(MusclePath, beyond_90_degrees_keeps_shortening_without_a_jump_or_a_kink) {
    const MusclePath path = referencePsoasPath(test::builtInSkeleton(), Side::Right);
    const float below = at(path, hipsAt(kWrapOnsetDegrees - 0.01f)).length;
    const float above = at(path, hipsAt(kWrapOnsetDegrees + 0.01f)).length;
    EXPECT_NEAR(below, above, 0.00002f);
    EXPECT_NEAR(at(path, hipsAt(kWrapOnsetDegrees - 0.01f)).momentArm, at(path, hipsAt(kWrapOnsetDegrees + 0.01f)).momentArm, 0.0005f);
    float previous = below;
    for (float degrees = 91.0f; degrees <= 140.0f; degrees += 1.0f) {
        const PathState state = at(path, hipsAt(degrees));
        EXPECT_TRUE(state.wrapped);
        EXPECT_LT(state.length, previous) << degrees;
        EXPECT_GT(state.momentArm, 0.0f);
        previous = state.length;
    }
}

TEST(MusclePath, drawn_via_point_glides_through_the_45_degree_switch) {
    const MusclePath path = referencePsoasPath(test::builtInSkeleton(), Side::Right);
    const auto via = static_cast<std::size_t>(PathPointRole::HipVia);
    glm::vec3 previous = at(path, hipsAt(35.0f)).points[via];
    for (float degrees = 35.05f; degrees <= 55.0f; degrees += 0.05f) {
        const glm::vec3 now = at(path, hipsAt(degrees)).points[via];
        EXPECT_LT(glm::length(now - previous), 0.0002f) << degrees;  // under 0.2 mm per 0.05 degree
        previous = now;
    }
    EXPECT_TRUE(at(path, hipsAt(45.0f)).viaActive);
    EXPECT_FALSE(at(path, hipsAt(45.01f)).viaActive);
}

TEST(MusclePath, drawn_path_moves_smoothly_and_never_folds_back_up_to_140_degrees) {
    const MusclePath path = psoasFascicles(test::builtInSkeleton(), test::rightPsoasLandmarks(), Side::Right)[0];
    std::array<glm::vec3, kPathPoints> previous = at(path, hipsAt(80.0f)).points;
    for (float degrees = 80.1f; degrees <= 140.0f; degrees += 0.1f) {
        const PathState state = at(path, hipsAt(degrees));
        for (std::size_t i = 0; i < kPathPoints; ++i)
            EXPECT_LT(glm::length(state.points[i] - previous[i]), 0.0005f) << degrees;  // 0.5 mm per 0.1 degree
        previous = state.points;
    }
    // Fully past the brim the drawn line runs straight from the origin down to the femur.
    const PathState deep = at(path, hipsAt(120.0f));
    const glm::vec3 down = glm::normalize(deep.points[3] - deep.points[0]);
    EXPECT_GT(glm::dot(glm::normalize(deep.points[1] - deep.points[0]), down), 0.9999f);
    EXPECT_GT(glm::dot(glm::normalize(deep.points[2] - deep.points[0]), down), 0.9999f);
}

TEST(MusclePath, left_side_mirrors_the_right) {
    const PathState right = at(psoasFascicles(test::builtInSkeleton(), test::rightPsoasLandmarks(), Side::Right)[3], hipsAt(30.0f));
    const PathState left = at(psoasFascicles(test::builtInSkeleton(), test::rightPsoasLandmarks(), Side::Left)[3], hipsAt(30.0f));
    for (std::size_t i = 0; i < kPathPoints; ++i) {
        EXPECT_NEAR(left.points[i].x, -right.points[i].x, 1e-6f);
        EXPECT_NEAR(left.points[i].y, right.points[i].y, 1e-6f);
    }
    EXPECT_NEAR(left.length, right.length, 1e-6f);
}

TEST(MusclePath, anterior_pelvic_tilt_shortens_the_psoas_like_hip_flexion) {
    Pose tilted;
    tilted.pelvicTilt = 10.0f;
    const MusclePath path = referencePsoasPath(test::builtInSkeleton(), Side::Right);
    EXPECT_NEAR(at(path, tilted).length, at(path, hipsAt(10.0f)).length, 1e-6f);
}

// One source of truth: the fascicle origins are the atlas's psoas landmarks, not a second table.
TEST(MusclePath, psoas_fascicle_origins_are_the_atlas_landmarks) {
    std::vector<Landmark> landmarks = test::rightPsoasLandmarks();
    const glm::vec3 shift{0.0f, 0.0f, 0.004f};
    for (Landmark& landmark : landmarks)
        if (landmark.id == "origin_l3_transverse_process") landmark.position += shift;
    const auto before = psoasFascicles(test::builtInSkeleton(), test::rightPsoasLandmarks(), Side::Left);
    const auto after = psoasFascicles(test::builtInSkeleton(), landmarks, Side::Left);
    ASSERT_EQ(after[5].part, "l3_transverse_process");
    const glm::vec3 moved = after[5].anchors[0].neutral - before[5].anchors[0].neutral;
    EXPECT_LT(glm::distance(moved, shift), 1e-6f);  // the left side mirrors X only
    for (std::size_t i = 0; i < after.size(); ++i)
        if (i != 5) EXPECT_EQ(after[i].anchors[0].neutral, before[i].anchors[0].neutral) << after[i].part;
    std::erase_if(landmarks, [](const Landmark& landmark) { return landmark.id == "origin_l5_body"; });
    EXPECT_THROW(hipFlexorMuscles(test::builtInSkeleton(), landmarks), std::invalid_argument);
}

}  // namespace
}  // namespace psoas
