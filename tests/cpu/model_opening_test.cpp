// Opening a teacher's files in the running window: the paths dropped or typed become the request
// the command line builds, and the Orientation panel's choices (app/model_opening.hpp,
// ui/model_panel.hpp). The window side is in tests/gl/model_opening_test.cpp.

#include "app/input_map.hpp"
#include "app/model_opening.hpp"
#include "core/diagnostic.hpp"
#include "ui/model_panel.hpp"
#include "support/test_paths.hpp"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

namespace psoas {
namespace {

using Paths = std::vector<std::filesystem::path>;

TEST(ModelOpening, typed_paths_split_on_semicolons_and_lines_and_lose_spaces_and_quotes) {
    EXPECT_EQ(app::pathsFromText("  /a/femur.stl ; '/b/my bones'\n\"/c/spine.glb\";;  "),
              (Paths{"/a/femur.stl", "/b/my bones", "/c/spine.glb"}));
    EXPECT_TRUE(app::pathsFromText("  ; \n ").empty());
}

TEST(ModelOpening, a_pasted_file_uri_becomes_its_decoded_path) {
    EXPECT_EQ(app::pathsFromText("file:///home/t/My%20bones/L3.stl"), (Paths{"/home/t/My bones/L3.stl"}));
    EXPECT_EQ(app::pathsFromText("file://localhost/x/100%.stl"), (Paths{"/x/100%.stl"}));  // not an escape: kept
}

TEST(ModelOpening, a_leading_tilde_is_the_home_folder) {
    const char* home = std::getenv("HOME");
    if (!home || !*home) GTEST_SKIP() << "HOME is not set";
    EXPECT_EQ(app::pathsFromText("~/bones"), (Paths{std::filesystem::path(home) / "bones"}));
}

TEST(ModelOpening, dropped_mesh_files_and_folders_are_a_model_request_with_the_orientation_in_use) {
    ModelOrientation zUpMm;
    zUpMm.units = LengthUnit::Millimetre;
    zUpMm.up = Axis{2, +1};
    const app::SceneSource source = app::sceneSourceFor({"/a/femur.stl", "/b/spine"}, zUpMm);
    ASSERT_TRUE(source.model.has_value());
    EXPECT_EQ(source.model->paths, (Paths{"/a/femur.stl", "/b/spine"}));
    EXPECT_EQ(source.model->orientation.units, LengthUnit::Millimetre);
    EXPECT_EQ(source.model->orientation.upAxis(), (Axis{2, +1}));
    EXPECT_TRUE(source.meshSet.empty());
}

TEST(ModelOpening, one_toml_file_is_a_mesh_set_and_opens_only_on_its_own) {
    const app::SceneSource set = app::sceneSourceFor({"/sets/myosim.toml"}, {});
    EXPECT_FALSE(set.model.has_value());
    EXPECT_EQ(set.meshSet, std::filesystem::path("/sets/myosim.toml"));
    try {
        (void)app::sceneSourceFor({"/a/femur.stl", "/sets/myosim.toml"}, {});
        FAIL() << "a set with other files must be refused";
    } catch (const ModelImportError& e) {
        EXPECT_EQ(e.path(), std::filesystem::path("/sets/myosim.toml"));
    }
    EXPECT_THROW((void)app::sceneSourceFor({}, {}), ModelImportError);
}

TEST(ModelOpening, why_a_file_did_not_open_is_one_line) {
    const auto line = [](auto error) { return app::openFailureLine(std::make_exception_ptr(error)); };
    EXPECT_EQ(line(ModelImportError("/a/bad.stl", "not a mesh file")), "error: /a/bad.stl: not a mesh file");
    const std::string manifest = line(DataFileError({{"/s/set.toml", 3, 9, "unknown structure 'femr_r'"}, {"/s/set.toml", 7, 1, "x"}}));
    EXPECT_EQ(manifest, "/s/set.toml:3:9: unknown structure 'femr_r'; 7:1: x");
    EXPECT_EQ(manifest.find('\n'), std::string::npos);
    // Tester, session 9: "(and 1 more)" never said what the other problem was; the next two are
    // given, then how many more.
    const std::string many = line(DataFileError({{"/s/a.toml", 1, 2, "one"}, {"/s/a.toml", 3, 4, "two"}, {"/s/b.toml", 5, 6, "three"},
                                                 {"/s/a.toml", 7, 8, "four"}, {"/s/a.toml", 9, 9, "five"}}));
    EXPECT_EQ(many, "/s/a.toml:1:2: one; 3:4: two; /s/b.toml:5:6: three (and 2 more)");
}

TEST(OrientationPanel, picking_up_keeps_an_unset_anterior_following_ups_default) {
    const ModelOrientation zUp = ui::withChoice({}, std::nullopt, Axis{2, +1}, std::nullopt);
    EXPECT_EQ(zUp.forwardAxis(), (Axis{1, -1}));  // BodyParts3D: Z up faces -Y
    EXPECT_EQ(orientationProblem(zUp), "");
    const ModelOrientation mm = ui::withChoice(zUp, LengthUnit::Millimetre, std::nullopt, std::nullopt);
    EXPECT_EQ(mm.units, LengthUnit::Millimetre);
    EXPECT_EQ(mm.upAxis(), (Axis{2, +1}));
}

// Picking an anterior axis parallel to up is a choice the panel shows with its problem; it is
// never applied (the app checks orientationProblem before turning the scene).
TEST(OrientationPanel, an_anterior_axis_parallel_to_up_is_named_as_the_problem) {
    const ModelOrientation yUp = ui::withChoice({}, std::nullopt, Axis{1, +1}, std::nullopt);
    const ModelOrientation bad = ui::withChoice(yUp, std::nullopt, std::nullopt, Axis{1, -1});
    EXPECT_NE(orientationProblem(bad), "");
    const ModelOrientation fixed = ui::withChoice(bad, std::nullopt, Axis{2, +1}, std::nullopt);
    EXPECT_EQ(orientationProblem(fixed), "");
    EXPECT_EQ(fixed.forwardAxis(), (Axis{1, -1}));
}

// The Orientation panel turns the meshes already imported: the same scene as reading the files
// again with the new choice, title and the assumed-units note included.
TEST(OrientationPanel, turning_a_scene_equals_loading_it_with_the_new_orientation) {
    const std::filesystem::path femur = psoas::test::dataFile("myosim/meshes/r_femur.stl");
    const Scene asRead = loadModelScene(ModelRequest{{femur}, {}});  // auto, +Y, +Z: notes what it assumed
    ModelOrientation own;
    own.units = LengthUnit::Millimetre;  // deliberately a different scale, then back to metres below
    own.up = Axis{1, +1};
    own.forward = Axis{0, +1};
    ModelOrientation metres = own;
    metres.units = LengthUnit::Metre;
    const Scene turned = turnModelScene(turnModelScene(asRead, own), metres);
    const Scene loaded = loadModelScene(ModelRequest{{femur}, metres});
    EXPECT_EQ(turned.title, loaded.title);
    EXPECT_EQ(turned.notes, loaded.notes) << "the assumed-units note goes once nothing is assumed";
    ASSERT_EQ(turned.structures.size(), loaded.structures.size());
    const MeshData& a = turned.structures[0].mesh;
    const MeshData& b = loaded.structures[0].mesh;
    ASSERT_EQ(a.positions.size(), b.positions.size());
    float worst = 0.0f, worstNormal = 0.0f;
    for (std::size_t v = 0; v < a.positions.size(); ++v) {
        worst = std::max(worst, glm::distance(a.positions[v], b.positions[v]));
        worstNormal = std::max(worstNormal, glm::distance(a.normals[v], b.normals[v]));
    }
    EXPECT_LT(worst, 1e-6f);  // metres: float rounding of a 0.4 m bone
    EXPECT_LT(worstNormal, 1e-5f);
    EXPECT_LT(glm::distance(turned.bounds.max, loaded.bounds.max), 1e-6f);
    EXPECT_NE(asRead.title, loaded.title);
    EXPECT_EQ(asRead.notes.size(), loaded.notes.size() + 1);
}

TEST(InputMap, ctrl_o_opens_files_and_the_help_says_so) {
    EXPECT_EQ(app::actionForKey({Key::O, modifier::Control}), app::ViewerAction::OpenFiles);
    EXPECT_EQ(app::actionForKey({Key::O, 0}), std::nullopt);
    bool listed = false;
    for (const ui::HelpEntry& entry : app::helpEntries()) listed = listed || entry.keys == "Ctrl + O";
    EXPECT_TRUE(listed);
}

}  // namespace
}  // namespace psoas
