// One animation frame of the motion core: solve the skeleton, evaluate every hip flexor path
// (2 x 11 psoas fascicles, 2 iliacus), and deform the muscle meshes. Goal: well under 0.1 ms, so
// breathing and pose transitions cost nothing next to drawing.

#include "core/motion/breathing.hpp"
#include "core/motion/muscle_path.hpp"
#include "core/motion/pose_transition.hpp"
#include "core/motion/skeleton.hpp"

#include <benchmark/benchmark.h>

#include <vector>

namespace {

using namespace psoas;

void poseAndMusclePaths(benchmark::State& state) {
    const std::vector<Muscle> muscles = hipFlexorMuscles();
    std::vector<std::vector<PathState>> paths(muscles.size());
    Pose sitting;
    sitting.hipRight.flexion = 90.0f;
    sitting.hipLeft.flexion = 90.0f;
    PoseTransition transition(Pose{}, sitting, 3.0f);
    const BreathCycle breath;
    double clock = 0.0;
    for (auto _ : state) {
        // A fresh pose every frame, as in a transition with breathing on top.
        clock += 1.0 / 60.0;
        transition.advance(1.0f / 60.0f);
        if (transition.finished()) transition = PoseTransition(Pose{}, sitting, 3.0f);
        const Pose pose = withBreath(transition.current(), breath.stateAt(clock), breath.depth);
        const BodyTransforms bodies = solveSkeleton(pose);
        for (std::size_t i = 0; i < muscles.size(); ++i) {
            const MuscleState muscle = evaluateMuscle(muscles[i], pose, bodies, paths[i]);
            benchmark::DoNotOptimize(muscle);
        }
    }
}
BENCHMARK(poseAndMusclePaths)->Unit(benchmark::kMicrosecond);

}  // namespace
