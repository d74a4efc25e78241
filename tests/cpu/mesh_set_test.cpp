// The mesh-set manifest reader (issue 18): every mistake is reported with file:line:col, ids with
// "did you mean", and a good manifest gives its parts with units, axes and placement.
#include "core/diagnostic.hpp"
#include "core/mesh_set.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

const std::vector<std::string> kIds = {"l3", "femur_r", "femur_l", "hip_bone_r", "sacrum"};

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
    ASSERT_EQ(set.parts.size(), 2u);
    EXPECT_EQ(set.parts[0].structure, "l3");
    EXPECT_TRUE(std::filesystem::exists(set.parts[0].file));
    EXPECT_EQ(set.parts[1].orientation.units, LengthUnit::Metre);
    EXPECT_EQ(set.parts[1].orientation.forward, (Axis{0, +1}));
    EXPECT_FLOAT_EQ(set.parts[1].placement.translate.y, -0.07849f);  // myolegs_chain.xml, femur_r pos
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
