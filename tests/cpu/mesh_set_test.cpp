// The mesh-set manifest reader (issue 18): every mistake is reported with file:line:col, ids with
// "did you mean", and a good manifest gives its parts with units, axes and placement.
#include "core/diagnostic.hpp"
#include "core/mesh_set.hpp"
#include "core/scene.hpp"

#include <iterator>

#include <gtest/gtest.h>

#include <fstream>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

const std::vector<std::string> kIds = {"l1", "l2", "l3", "l4", "l5", "femur_r", "femur_l", "hip_bone_r", "hip_bone_l", "sacrum"};

std::vector<std::string> problemsOf(const std::string& text, const std::filesystem::path& file) {
    try {
        (void)parseMeshSet(text, file, kIds);
    } catch (const DataFileError& e) {
        std::vector<std::string> out;
        for (const Diagnostic& d : e.diagnostics()) out.push_back(d.format());
        return out;
    }
    return {};
}

TEST(MeshSet, the_myosim_fixture_reads_with_units_axes_and_placement) {
    const MeshSet set = loadMeshSet(test::dataFile("mesh_sets/myosim_parts.toml"), kIds);
    EXPECT_EQ(set.name, "myo_sim lumbar spine, pelvis and femurs");
    ASSERT_EQ(set.parts.size(), 10u);
    EXPECT_EQ(set.parts[3].structure, "femur_r");
    EXPECT_TRUE(std::filesystem::exists(set.parts[3].file));
    EXPECT_EQ(set.parts[3].orientation.units, LengthUnit::Metre);
    EXPECT_EQ(set.parts[3].orientation.forward, (Axis{0, +1}));
    EXPECT_FLOAT_EQ(set.parts[3].placement.translate.y, -0.07849f);  // myolegs_chain.xml, femur_r pos
}

// The worked example stands upright and faces forward: the spine above the sacrum in order, the
// femurs below the pelvis on their own sides, the lumbar bodies behind the pubic region.
TEST(MeshSet, the_myosim_set_loads_upright_and_facing_forward) {
    const Atlas atlas = loadAtlas(std::filesystem::path(PSOAS_SOURCE_DIR) / "models/atlas.toml");
    std::vector<std::string> ids;
    for (const StructureInfo& s : atlas.structures) ids.push_back(s.id);
    const Scene scene = loadMeshSetScene(loadMeshSet(test::dataFile("mesh_sets/myosim_parts.toml"), ids), atlas);
    auto box = [&](const char* id) { return scene.structures.at(static_cast<std::size_t>(scene.findStructure(id))).mesh.bounds; };
    EXPECT_LT(box("sacrum").centre().y, box("l5").centre().y);
    const char* const spine[] = {"l5", "l4", "l3", "l2", "l1"};
    for (std::size_t i = 0; i + 1 < std::size(spine); ++i)
        EXPECT_LT(box(spine[i]).centre().y, box(spine[i + 1]).centre().y) << spine[i] << " below " << spine[i + 1];
    EXPECT_LT(box("femur_r").max.y, box("l5").min.y);
    EXPECT_LT(box("femur_r").centre().x, 0.0f) << "right is -X";
    EXPECT_GT(box("femur_l").centre().x, 0.0f);
    EXPECT_GT(box("femur_r").size().y, 0.35f) << "a femur stands along Y";
    EXPECT_LT(box("l3").centre().z, box("hip_bone_r").max.z) << "the spine lies behind the front of the pelvis";
    EXPECT_EQ(scene.structures[static_cast<std::size_t>(scene.findStructure("femur_r"))].info.name,
              atlas.structures[static_cast<std::size_t>(std::find(ids.begin(), ids.end(), "femur_r") - ids.begin())].name);
}

TEST(MeshSet, every_mistake_is_reported_with_its_position_and_a_guess) {
    const auto dir = test::temporaryDirectory();
    std::ofstream(dir / "bone.stl") << "solid x\nendsolid x\n";
    const auto file = dir / "set.toml";
    const std::string text =
        "[mesh_set]\n"                            // 1
        "units = \"inch\"\n"                      // 2
        "\n"                                      // 3
        "[[part]]\n"                              // 4
        "file = \"missing.stl\"\n"                // 5
        "structure = \"femur_rr\"\n"              // 6
        "up = \"+Q\"\n"                           // 7
        "\n"                                      // 8
        "[[part]]\n"                              // 9
        "file = \"bone.stl\"\n"                   // 10
        "structure = \"l3\"\n"                    // 11
        "up = \"+Y\"\n"                           // 12
        "forward = \"-Y\"\n"                      // 13
        "translate = [0, 50, 0]\n"                // 14
        "colour = [1, 0, 0]\n"                    // 15
        "\n"                                      // 16
        "[[part]]\n"                              // 17
        "file = \"bone.stl\"\n"                   // 18
        "structure = \"l3\"\n";                   // 19
    const std::string f = file.string();
    const std::vector<std::string> expected = {
        f + ":2:9: 'inch' is not a units (use one of: auto, mm, cm, m)",
        f + ":5:8: no such file 'missing.stl'",
        f + ":6:13: no atlas structure 'femur_rr' (did you mean 'femur_r'?)",
        f + ":7:6: '+Q' is not an axis (use +X, -X, +Y, -Y, +Z or -Z)",
        f + ":13:11: up +Y and forward -Y are on the same axis; anterior must be at right angles to up",
        f + ":14:13: 'translate' must be three numbers between -10 and 10",
        f + ":15:1: unknown key 'colour' in [[part]]",
        f + ":19:13: structure 'l3' is given a second time",
    };
    EXPECT_EQ(problemsOf(text, file), expected);
}

TEST(MeshSet, a_file_without_the_header_or_parts_says_what_it_needs) {
    const auto file = test::temporaryDirectory() / "empty.toml";
    const auto problems = problemsOf("", file);
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems[0].find("needs a [mesh_set] table"), std::string::npos) << problems[0];
    EXPECT_NE(problemsOf("[mesh_set]\nname = \"x\"\n", file).at(0).find("lists no [[part]]"), std::string::npos);
    EXPECT_NE(problemsOf("[mesh_set\n", file).at(0).find(file.string() + ":1:"), std::string::npos);
}

}  // namespace
}  // namespace psoas
