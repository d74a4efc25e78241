// Issue 18: a teacher's muscle mesh in a mesh set bends along the muscle's line of action like the
// built-in one (the motion binds whatever mesh the scene holds), and is not silently left rigid.

#include "core/atlas.hpp"
#include "core/mesh_set.hpp"
#include "core/scene.hpp"
#include "core/scene_motion.hpp"
#include "support/test_paths.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>

namespace psoas {
namespace {

const std::filesystem::path kAtlas = psoas::test::sourceDirectory() / "models" / "atlas.toml";

// The built-in right psoas major made into "the teacher's own": every vertex pushed 2 mm out along
// its normal (a thicker muscle of another shape and vertex layout), written as binary STL.
std::filesystem::path writeOwnPsoas(const Scene& builtIn) {
    const MeshData& mesh = builtIn.structures.at(static_cast<std::size_t>(builtIn.findStructure("psoas_major_r"))).mesh;
    const std::filesystem::path file = test::outputDirectory() / "mesh_set_own_psoas_major_r.stl";
    std::ofstream out(file, std::ios::binary);
    const std::string header(80, ' ');
    out.write(header.data(), 80);
    const auto triangles = static_cast<std::uint32_t>(mesh.triangleCount());
    out.write(reinterpret_cast<const char*>(&triangles), 4);
    for (std::size_t i = 0; i < mesh.indices.size(); i += 3) {
        float facet[12] = {};
        for (std::size_t corner = 0; corner < 3; ++corner) {
            const std::uint32_t v = mesh.indices[i + corner];
            const glm::vec3 p = mesh.positions[v] + mesh.normals[v] * 0.002f;
            for (int axis = 0; axis < 3; ++axis) facet[3 + corner * 3 + static_cast<std::size_t>(axis)] = p[axis];
        }
        out.write(reinterpret_cast<const char*>(facet), sizeof facet);
        out.write("\0\0", 2);
    }
    return file;
}

TEST(MeshSetMuscle, a_teachers_psoas_mesh_bends_with_the_hip_like_the_built_in_one) {
    const Atlas atlas = loadAtlas(kAtlas);
    const std::filesystem::path own = writeOwnPsoas(loadScene(atlas));
    const std::filesystem::path manifest = test::outputDirectory() / "mesh_set_own_psoas.toml";
    std::ofstream(manifest) << "[mesh_set]\nname = \"own psoas\"\nunits = \"m\"\nup = \"+Y\"\nforward = \"+Z\"\n\n"
                               "[[part]]\nfile = \"" << own.filename().string() << "\"\nstructure = \"psoas_major_r\"\n";
    std::vector<std::string> ids;
    for (const StructureInfo& s : atlas.structures) ids.push_back(s.id);
    const Scene scene = loadMeshSetScene(loadMeshSet(manifest, ids), atlas);
    const auto psoas = static_cast<std::size_t>(scene.findStructure("psoas_major_r"));
    const MeshData& neutral = scene.structures[psoas].mesh;
    ASSERT_EQ(scene.structures[psoas].info.mesh, own);

    SceneMotion motion(scene);
    EXPECT_TRUE(motion.notes().empty()) << motion.notes().front();
    Pose flexed;
    flexed.hipRight.flexion = 90.0f;
    motion.update(flexed, 0.0f, BreathDepth::Quiet, 1.0f);
    const std::vector<glm::vec3>* bent = motion.positions(psoas);
    ASSERT_NE(bent, nullptr) << "the teacher's psoas must bend, not stay rigid";
    ASSERT_EQ(bent->size(), neutral.positions.size());
    // The lowest point (the tendon at the lesser trochanter) follows the femur forward and up; the
    // top (beside T12/L1) stays on the spine.
    std::size_t lowest = 0, highest = 0;
    for (std::size_t v = 0; v < neutral.positions.size(); ++v) {
        if (neutral.positions[v].y < neutral.positions[lowest].y) lowest = v;
        if (neutral.positions[v].y > neutral.positions[highest].y) highest = v;
    }
    EXPECT_GT(glm::distance(neutral.positions[lowest], (*bent)[lowest]), 0.02f);
    EXPECT_GT((*bent)[lowest].z, neutral.positions[lowest].z) << "the tendon end moves anterior";
    EXPECT_LT(glm::distance(neutral.positions[highest], (*bent)[highest]), 0.005f);
}

}  // namespace
}  // namespace psoas
