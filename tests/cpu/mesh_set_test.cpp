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
    const Atlas atlas = loadAtlas(psoas::test::sourceDirectory() / "models/atlas.toml");
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

// A tester's manifests that named the wrong bone or the wrong units loaded with exit 0, and the
// lesson then painted and labelled a femur lying across the spine (or a femur 0.5 mm long). A part
// that cannot be the structure it is listed as is refused, saying what to check.
class MeshSetMistakes : public ::testing::Test {
protected:
    std::string refusal(const std::string& parts, const std::string& units = "m") {
        const auto file = test::temporaryDirectory() / "mistaken_set.toml";
        std::ofstream(file) << "[mesh_set]\nunits = \"" << units << "\"\nup = \"+Y\"\nforward = \"+X\"\n" << parts;
        try {
            (void)loadMeshSetScene(loadMeshSet(file, ids_), atlas_);
        } catch (const ModelImportError& e) {
            return e.what();
        }
        return "";
    }
    static std::string part(const char* mesh, const char* structure, const char* translate = "[0, 0, 0]") {
        return std::string("[[part]]\nfile = \"") + (test::dataFile("myosim/meshes") / mesh).string() + "\"\nstructure = \"" + structure +
               "\"\ntranslate = " + translate + "\n";
    }
    void SetUp() override {
        for (const StructureInfo& s : atlas_.structures) ids_.push_back(s.id);
    }
    const Atlas atlas_ = loadAtlas(psoas::test::sourceDirectory() / "models/atlas.toml");
    std::vector<std::string> ids_;
};

TEST_F(MeshSetMistakes, a_femur_given_as_a_vertebra_is_refused_by_its_size) {
    EXPECT_NE(refusal(part("r_femur.stl", "l3")).find("where the built-in Third lumbar vertebra is"), std::string::npos);
}

TEST_F(MeshSetMistakes, a_set_in_the_wrong_units_is_refused_by_its_size) {
    const std::string why = refusal(part("r_femur.stl", "femur_r", "[-0.07726, -0.07849, -0.056276]"), "mm");
    EXPECT_NE(why.find("check the set's units"), std::string::npos) << why;
}

TEST_F(MeshSetMistakes, a_left_femur_given_as_the_right_one_is_named_the_other_sides) {
    const std::string why = refusal(part("l_femur.stl", "femur_r", "[-0.07726, -0.07849, -0.056276]"));
    EXPECT_NE(why.find("better mirrored"), std::string::npos) << why;
    EXPECT_NE(why.find("is it 'femur_l'?"), std::string::npos) << why;
    // The same file as its own side is taken.
    EXPECT_EQ(refusal(part("l_femur.stl", "femur_l", "[0.07726, -0.07849, -0.056276]")), "");
}

}  // namespace
}  // namespace psoas
