// One animation frame of the motion core: solve the skeleton, evaluate every hip flexor path
// (2 x 11 psoas fascicles, 2 iliacus), then the same with the muscle meshes deformed. Goal for the
// paths: under 0.1 ms, so breathing and pose transitions cost nothing next to drawing.

#include "core/atlas.hpp"
#include "core/model_import.hpp"
#include "core/motion/breathing.hpp"
#include "core/motion/muscle_deformer.hpp"
#include "core/motion/muscle_path.hpp"
#include "core/motion/pose_transition.hpp"
#include "core/motion/skeleton.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

using namespace psoas;

// The skeleton and muscles as the viewer builds them, from the built-in atlas.
const Atlas& builtInAtlas() {
    static const Atlas atlas = loadAtlas(std::filesystem::path(PSOAS_MODELS_DIR) / "atlas.toml");
    return atlas;
}
const Skeleton& skeleton() {
    static const Skeleton built(builtInAtlas().joints);
    return built;
}
std::vector<Muscle> muscles() {
    for (const StructureInfo& structure : builtInAtlas().structures)
        if (structure.id == kRightPsoasId) return hipFlexorMuscles(skeleton(), structure.landmarks);
    return {};
}

void poseAndMusclePaths(benchmark::State& state) {
    const std::vector<Muscle> muscles = ::muscles();
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
        const BodyTransforms bodies = solveSkeleton(skeleton(), pose);
        for (std::size_t i = 0; i < muscles.size(); ++i) {
            const MuscleState muscle = evaluateMuscle(muscles[i], pose, bodies, paths[i]);
            benchmark::DoNotOptimize(muscle);
        }
    }
}
BENCHMARK(poseAndMusclePaths)->Unit(benchmark::kMicrosecond);

MeshData loadMesh(const std::string& name) {
    MeshData all;
    for (const ImportedMesh& part : importModel(std::string(PSOAS_MODELS_DIR) + "/" + name)) {
        const auto base = static_cast<std::uint32_t>(all.positions.size());
        all.positions.insert(all.positions.end(), part.mesh.positions.begin(), part.mesh.positions.end());
        all.normals.insert(all.normals.end(), part.mesh.normals.begin(), part.mesh.normals.end());
        for (std::uint32_t index : part.mesh.indices) all.indices.push_back(base + index);
    }
    return all;
}

// The same frame plus deforming the four hip flexor meshes (both psoas major, both iliacus).
void poseMusclePathsAndDeformation(benchmark::State& state) {
    const std::vector<Muscle> muscles = ::muscles();
    const std::vector<std::string> meshes{"psoas_major_r.glb", "psoas_major_l.glb", "iliacus_r.glb", "iliacus_l.glb"};
    std::vector<std::vector<PathState>> paths(muscles.size());
    std::vector<MuscleDeformer> deformers;
    std::vector<glm::vec3> line;
    const BodyTransforms neutral = solveSkeleton(skeleton(), Pose{});
    std::size_t vertices = 0;
    for (std::size_t i = 0; i < muscles.size(); ++i) {
        evaluateMuscle(muscles[i], Pose{}, neutral, paths[i]);
        muscleCentreLine(paths[i], line);
        const MeshData mesh = loadMesh(meshes[i]);
        vertices += mesh.positions.size();
        deformers.emplace_back(mesh, line);
        // Set up as SceneMotion does: the iliacus's fan anchored on the pelvis, the psoas's belly
        // keeping its length beside the spine.
        if (muscles[i].paths.size() == 1) deformers.back().anchorStart(2, line);
        else deformers.back().keepStartLength(2, line);
    }
    const BreathCycle breath;
    double clock = 0.0;
    for (auto _ : state) {
        clock += 1.0 / 60.0;
        Pose pose;
        pose.hipRight.flexion = 45.0f + 40.0f * static_cast<float>(std::sin(clock));
        pose = withBreath(pose, breath.stateAt(clock), breath.depth);
        const BodyTransforms bodies = solveSkeleton(skeleton(), pose);
        for (std::size_t i = 0; i < muscles.size(); ++i) {
            benchmark::DoNotOptimize(evaluateMuscle(muscles[i], pose, bodies, paths[i]));
            muscleCentreLine(paths[i], line);
            deformers[i].deform(line);
            benchmark::DoNotOptimize(deformers[i].positions().data());
        }
    }
    state.counters["vertices"] = static_cast<double>(vertices);
}
BENCHMARK(poseMusclePathsAndDeformation)->Unit(benchmark::kMicrosecond);

}  // namespace
