// Core costs a teacher notices as lag: picking under the cursor, loading the atlas and meshes at
// start-up, and reading the lessons (at start and on every hot reload).

#include "core/atlas.hpp"
#include "core/lesson_library.hpp"
#include "core/motion/looping_motion.hpp"
#include "core/picking.hpp"
#include "core/scene.hpp"
#include "core/scene_motion.hpp"
#include "core/view_preset.hpp"

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

namespace {

const std::filesystem::path kSource = PSOAS_SOURCE_DIR;

const psoas::Scene& scene() {
    static const psoas::Scene s = psoas::loadScene(psoas::loadAtlas(kSource / "models" / "atlas.toml"));
    return s;
}

void PickUnderCursor(benchmark::State& state) {
    const psoas::Scene& s = scene();
    psoas::SceneMotion motion(s);
    psoas::OrbitCamera camera;
    camera.pose = psoas::framePreset(psoas::ViewPreset::Oblique, s.bounds, camera.fovYDegrees, 16.0f / 9.0f);
    const psoas::Visibility visibility(s.structures.size());
    int i = 0;
    for (auto _ : state) {
        // Sweep the cursor across the middle of a 1280x720 view, as a hovering mouse does.
        const glm::vec2 cursor{320.0f + static_cast<float>(i++ % 64) * 10.0f, 360.0f};
        benchmark::DoNotOptimize(psoas::pick(s, visibility, camera.rayThrough(cursor, {1280.0f, 720.0f}), &motion));
    }
}
BENCHMARK(PickUnderCursor)->Unit(benchmark::kMicrosecond);

// Issue 13's per-frame figure in the app's own code path: the whole atlas scene's pose, muscle
// paths, bending meshes and carried parts, one frame of the Actions lesson's walking step (both
// hips move every frame, and the viewer breathes) at 60 frames a second. Argument 0: every
// structure drawn; 1: what the step shows (the bones, both psoas majors and iliacus), the other
// structures' vertices left until they are shown, as the viewer does. Second argument 1: with
// cold caches before each frame, as in the app, where this frame costs about twice the warm
// figure (session 14: 103 against 50 us; the app's --bench gave 0.12 ms for the update).
void WalkingFrame(benchmark::State& state) {
    const psoas::Scene& s = scene();
    psoas::SceneMotion motion(s);
    std::vector<bool> drawn;
    if (state.range(0) == 1)
        for (const psoas::SceneStructure& structure : s.structures)
            drawn.push_back(structure.info.group == psoas::StructureGroup::Bone || structure.info.id.starts_with("psoas_major") ||
                            structure.info.id.starts_with("iliacus"));
    const psoas::LoopingMotion walking = psoas::builtInMotion(psoas::BuiltInMotion::Walking);
    const psoas::BreathCycle breath;
    double clock = 0.0;
    for (auto _ : state) {
        clock += 1.0 / 60.0;
        if (state.range(1) == 1) {
            // In the app the renderer (llvmpipe on the test machine) goes through tens of
            // megabytes between two frames' updates: empty the caches as it does.
            state.PauseTiming();
            static std::vector<unsigned char> elsewhere(64u << 20);
            for (std::size_t k = 0; k < elsewhere.size(); k += 64) elsewhere[k] = static_cast<unsigned char>(elsewhere[k] + 1);
            state.ResumeTiming();
        }
        motion.update(psoas::poseAt(walking, clock / walking.periodSeconds), breath.stateAt(clock), breath.depth, 1.0f,
                      psoas::HipReference::Gait2392, drawn);
        benchmark::DoNotOptimize(motion.model(0));
    }
}
// Wall-clock time: the update bends half the muscles on a helper thread (HelperThread), whose CPU
// time the calling thread's clock leaves out. (The cold variant empties only this thread's caches
// fully; the helper's core keeps what its own cache holds.)
BENCHMARK(WalkingFrame)->Args({0, 0})->Args({1, 0})->Args({1, 1})->UseRealTime()->Unit(benchmark::kMicrosecond);

void LoadAtlasAndMeshes(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(psoas::loadScene(psoas::loadAtlas(kSource / "models" / "atlas.toml")));
}
BENCHMARK(LoadAtlasAndMeshes)->Unit(benchmark::kMillisecond);

void ParseAndValidateAllLessons(benchmark::State& state) {
    const psoas::LessonVocabulary vocabulary =
        psoas::makeVocabulary(psoas::loadAtlas(kSource / "models" / "atlas.toml"), psoas::listPoseIds(kSource / "models" / "poses"));
    for (auto _ : state)
        benchmark::DoNotOptimize(psoas::LessonLibrary::load({{kSource / "lessons", "built-in"}}, vocabulary));
}
BENCHMARK(ParseAndValidateAllLessons)->Unit(benchmark::kMillisecond);

void LessonFileSignature(benchmark::State& state) {
    // What the hot-reload check costs twice a second.
    for (auto _ : state) benchmark::DoNotOptimize(psoas::LessonLibrary::signature({{kSource / "lessons", "built-in"}}));
}
BENCHMARK(LessonFileSignature)->Unit(benchmark::kMicrosecond);

}  // namespace
