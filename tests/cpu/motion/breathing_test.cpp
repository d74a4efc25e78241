#include "core/motion/breathing.hpp"
#include "core/motion/muscle_path.hpp"
#include "core/motion/skeleton.hpp"
#include "support/built_in_anatomy.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

float psoasLength(const Pose& pose) {
    std::vector<PathState> states;
    return evaluateMuscle(test::builtInMuscles()[0], pose, test::solveBuiltIn(pose), states).length;
}

TEST(BreathCycle, starts_breathed_out_and_is_full_at_the_end_of_the_inhale) {
    const BreathCycle cycle;  // 12 per minute, 1 : 1.5 (sources §5)
    EXPECT_DOUBLE_EQ(cycle.periodSeconds(), 5.0);
    EXPECT_DOUBLE_EQ(cycle.inhaleSeconds(), 2.0);
    EXPECT_NEAR(cycle.stateAt(0.0), 0.0f, 1e-6f);
    EXPECT_NEAR(cycle.stateAt(2.0), 1.0f, 1e-6f);
    EXPECT_NEAR(cycle.stateAt(5.0), 0.0f, 1e-6f);
    EXPECT_NEAR(cycle.stateAt(1.0), 0.5f, 1e-6f);
    EXPECT_NEAR(cycle.stateAt(3.5), 0.5f, 1e-6f);
}

TEST(BreathCycle, waveform_is_smooth_with_no_step_anywhere) {
    BreathCycle cycle;
    cycle.breathsPerMinute = 30.0f;
    cycle.exhalePerInhale = 2.0f;
    const double dt = 0.001;
    float previous = cycle.stateAt(0.0);
    for (double t = dt; t < 6.0; t += dt) {
        const float now = cycle.stateAt(t);
        EXPECT_GE(now, 0.0f);
        EXPECT_LE(now, 1.0f);
        // The steepest a cosine half-wave over the 0.667 s inhale gets: pi / 2 / 0.667 per second.
        EXPECT_LT(std::abs(now - previous), 2.36 * dt + 1e-5) << t;
        previous = now;
    }
}

TEST(Breathing, dome_descends_by_the_set_excursion_at_full_inhale) {
    const glm::vec3 apex{-0.06f, kDomeApexHeight, -0.03f};
    EXPECT_NEAR(apex.y - deformDiaphragmVertex(apex, 1.0f, BreathDepth::Quiet).y, 0.018f, 1e-6f);  // Boussuges 2009
    EXPECT_NEAR(apex.y - deformDiaphragmVertex(apex, 1.0f, BreathDepth::Deep).y, 0.060f, 1e-6f);
    EXPECT_NEAR(diaphragmDomeDescent(1.0f, BreathDepth::Quiet), 0.018f, 1e-7f);
    EXPECT_EQ(deformDiaphragmVertex(apex, 0.0f, BreathDepth::Deep), apex);
}

TEST(Breathing, crura_stay_fixed_and_the_dome_flattens) {
    const glm::vec3 crus{0.02f, 0.15f, -0.07f};
    EXPECT_EQ(deformDiaphragmVertex(crus, 1.0f, BreathDepth::Deep), crus);
    const glm::vec3 apex{0.0f, kDomeApexHeight, -0.03f};
    const glm::vec3 shoulder{0.10f, 0.26f, 0.0f};
    const float heightBefore = apex.y - shoulder.y;
    const float heightAfter =
        deformDiaphragmVertex(apex, 1.0f, BreathDepth::Deep).y - deformDiaphragmVertex(shoulder, 1.0f, BreathDepth::Deep).y;
    EXPECT_LT(heightAfter, heightBefore);
    EXPECT_GT(heightAfter, 0.0f);
}

// Where the dome meets the back of the spine it is tied to it: breathing in does not push it down
// into the twelfth thoracic vertebra (found by the bone penetration survey).
TEST(Breathing, dome_stays_put_over_the_spine) {
    const glm::vec3 overT12{0.0f, 0.24f, -0.11f};
    EXPECT_EQ(deformDiaphragmVertex(overT12, 1.0f, BreathDepth::Deep), overT12);
    const glm::vec3 besideSpine{0.05f, 0.24f, -0.11f};
    EXPECT_LT(deformDiaphragmVertex(besideSpine, 1.0f, BreathDepth::Deep).y, besideSpine.y);
}

TEST(Breathing, quiet_inhale_lengthens_the_psoas_by_under_2_mm) {
    const float out = psoasLength(withBreath(Pose{}, 0.0f, BreathDepth::Quiet));
    const float in = psoasLength(withBreath(Pose{}, 1.0f, BreathDepth::Quiet));
    EXPECT_GT(in - out, 0.0f);
    EXPECT_LT(in - out, 0.002f);  // sources §5: well under 2 mm over a quiet breath
    const float deep = psoasLength(withBreath(Pose{}, 1.0f, BreathDepth::Deep));
    EXPECT_GT(deep - out, in - out);
}

TEST(Breathing, lumbar_extension_stays_within_a_few_degrees) {
    EXPECT_LE(breathLumbarExtension(1.0f, BreathDepth::Deep), 3.0f);
    EXPECT_LT(breathLumbarExtension(1.0f, BreathDepth::Quiet), breathLumbarExtension(1.0f, BreathDepth::Deep));
    EXPECT_EQ(breathLumbarExtension(0.0f, BreathDepth::Deep), 0.0f);
}

}  // namespace
}  // namespace psoas
