// A user's own files as a scene (issue 18): several files and folders, names from files and nodes,
// units and axes brought into the scene frame.
#include "core/model_orientation.hpp"
#include "core/scene.hpp"

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

std::filesystem::path writeFile(const std::filesystem::path& folder, const std::string& name, const std::string& text) {
    std::filesystem::create_directories((folder / name).parent_path());
    std::ofstream(folder / name, std::ios::binary) << text;
    return folder / name;
}

// An axis-aligned box from `low` to `high`, as OBJ text with a named object.
std::string boxObj(const std::string& object, glm::vec3 low, glm::vec3 high, int firstVertex = 1) {
    std::string text = "o " + object + "\n";
    for (int i = 0; i < 8; ++i)
        text += "v " + std::to_string(i & 1 ? high.x : low.x) + " " + std::to_string(i & 2 ? high.y : low.y) + " " +
                std::to_string(i & 4 ? high.z : low.z) + "\n";
    const int quads[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {1, 3, 7, 5}, {0, 4, 6, 2}};
    for (const auto& q : quads)
        text += "f " + std::to_string(q[0] + firstVertex) + " " + std::to_string(q[1] + firstVertex) + " " +
                std::to_string(q[2] + firstVertex) + " " + std::to_string(q[3] + firstVertex) + "\n";
    return text;
}

std::vector<std::string> names(const Scene& scene) {
    std::vector<std::string> out;
    for (const auto& s : scene.structures) out.push_back(s.info.name);
    return out;
}

// Failure 1: files and folders together, each part a structure named by file and node, uniquely.
TEST(ModelScene, several_files_and_a_folder_become_uniquely_named_structures) {
    const auto dir = test::temporaryDirectory();
    const auto single = writeFile(dir, "femur_r.obj", boxObj("femur", {0, 0, 0}, {0.05f, 0.45f, 0.05f}));
    writeFile(dir, "spine/l3.obj", boxObj("body", {0, 0, 0}, {0.04f, 0.03f, 0.03f}) + boxObj("process", {0, 0.05f, 0}, {0.04f, 0.08f, 0.03f}, 9));
    writeFile(dir, "spine/notes.txt", "not a mesh");
    writeFile(dir, "spine/a/l4.obj", boxObj("l4", {0, -0.05f, 0}, {0.04f, -0.02f, 0.03f}));
    writeFile(dir, "spine/b/femur_r.obj", boxObj("femur", {0.2f, 0, 0}, {0.25f, 0.45f, 0.05f}));
    const Scene scene = loadModelScene(ModelRequest{{single, dir / "spine"}, {}});
    const std::vector<std::string> expected{"femur_r.obj", "l4.obj", "femur_r.obj (2)", "l3.obj: body", "l3.obj: process"};
    EXPECT_EQ(names(scene), expected);
    std::set<std::string> ids;
    for (const auto& s : scene.structures) ids.insert(s.info.id);
    EXPECT_EQ(ids.size(), scene.structures.size());
}

TEST(ModelScene, unnamed_gltf_parts_are_named_by_file_and_number) {
    const auto dir = test::temporaryDirectory();
    // Two nodes without names share one triangle: Assimp would call both "nodes[…]".
    const std::string gltf =
        R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0,1]}],"nodes":[{"mesh":0},{"mesh":0,"translation":[2,0,0]}],)"
        R"("meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
        R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}],)"
        R"("bufferViews":[{"buffer":0,"byteLength":36}],)"
        R"("buffers":[{"byteLength":36,"uri":"data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"}]})";
    const Scene scene = loadModelScene(writeFile(dir, "parts.gltf", gltf));
    const std::vector<std::string> expected{"parts.gltf: part 1", "parts.gltf: part 2"};
    EXPECT_EQ(names(scene), expected);
}

TEST(ModelScene, every_structure_gets_its_own_colour) {
    const auto dir = test::temporaryDirectory();
    std::string text;
    for (int i = 0; i < 14; ++i) text += boxObj("part" + std::to_string(i), glm::vec3(0.1f * static_cast<float>(i), 0, 0), glm::vec3(0.1f * static_cast<float>(i) + 0.05f, 0.05f, 0.05f), 8 * i + 1);
    const Scene scene = loadModelScene(writeFile(dir, "many.obj", text));
    ASSERT_EQ(scene.structures.size(), 14u);
    for (std::size_t a = 0; a < scene.structures.size(); ++a)
        for (std::size_t b = a + 1; b < scene.structures.size(); ++b)
            EXPECT_GT(glm::length(scene.structures[a].info.colour - scene.structures[b].info.colour), 0.05f) << a << " and " << b;
}

TEST(ModelScene, file_colours_are_used_when_asked_and_their_absence_said) {
    ModelRequest request{{test::dataFile("obj_material_colours.obj"), test::dataFile("cube.obj")}, {}};
    request.orientation.units = LengthUnit::Metre;
    request.orientation.up = Axis{1, 1};
    request.orientation.forward = Axis{2, 1};
    const Scene palette = loadModelScene(request);
    request.fileColours = true;
    const Scene own = loadModelScene(request);
    ASSERT_EQ(own.structures.size(), 3u);
    EXPECT_NEAR(own.structures[1].info.colour.x, 0.214f, 1e-3f) << "the muscle's red material";
    EXPECT_NE(own.structures[1].info.colour, palette.structures[1].info.colour);
    EXPECT_EQ(own.structures[2].info.colour, palette.structures[2].info.colour) << "cube.obj has no colour: the palette's";
    ASSERT_EQ(own.notes.size(), 1u);
    EXPECT_EQ(own.notes[0], "cube.obj: the file has no colours of its own; the viewer's are used");
}

TEST(ModelScene, a_folder_without_mesh_files_is_refused_by_name) {
    const auto dir = test::temporaryDirectory();
    writeFile(dir, "empty/readme.txt", "nothing here");
    try {
        (void)loadModelScene(ModelRequest{{dir / "empty"}, {}});
        FAIL() << "a folder without meshes loaded";
    } catch (const ModelImportError& e) {
        EXPECT_EQ(e.path(), dir / "empty");
        EXPECT_STREQ(e.what(), "the folder holds no mesh files (.glb, .gltf, .obj, .stl, .ply)");
    }
}

// Failure 2: a Z-up millimetre file (BodyParts3D) stands upright in metres, facing +Z.
TEST(ModelScene, z_up_millimetre_file_is_turned_upright_in_metres) {
    const auto dir = test::temporaryDirectory();
    // 1700 mm tall along Z, 300 wide along X, 200 deep along Y; its front is at -Y (nose at y = -150).
    const auto file = writeFile(dir, "body.obj", boxObj("body", {-150, -100, 0}, {150, 100, 1700}) + boxObj("nose", {-10, -150, 1500}, {10, -100, 1550}, 9));
    ModelRequest request{{file}, {}};
    request.orientation.up = Axis{2, +1};
    const Scene scene = loadModelScene(request);
    const glm::vec3 size = scene.bounds.size();
    EXPECT_NEAR(size.y, 1.70f, 1e-4f) << "upright, in metres";
    EXPECT_NEAR(size.x, 0.30f, 1e-4f);
    EXPECT_NEAR(size.z, 0.25f, 1e-4f);
    EXPECT_NEAR(scene.structures[1].mesh.bounds.max.z, 0.15f, 1e-4f) << "the nose points anterior (+Z)";
    EXPECT_NE(scene.title.find("units: millimetres (guessed)"), std::string::npos) << scene.title;
    EXPECT_NE(scene.title.find("up +Z, anterior -Y"), std::string::npos) << scene.title;
    ASSERT_FALSE(scene.notes.empty());
    EXPECT_EQ(scene.notes[0], "assumed units: millimetres (guessed from the largest side, 1700); up +Z, anterior -Y (set with --units, --up, --forward)");
    for (const auto& s : scene.structures)
        for (const glm::vec3& n : s.mesh.normals) EXPECT_NEAR(glm::length(n), 1.0f, 1e-5f);
}

// OpenSim meshes: metres, Y up, +X anterior.
TEST(ModelScene, opensim_x_anterior_file_faces_forward) {
    const auto dir = test::temporaryDirectory();
    const auto file = writeFile(dir, "femur.obj", boxObj("shaft", {0, 0, 0}, {0.03f, 0.4f, 0.03f}) + boxObj("head", {0.05f, 0.38f, 0}, {0.07f, 0.40f, 0.03f}, 9));
    ModelRequest request{{file}, {}};
    request.orientation.units = LengthUnit::Metre;
    request.orientation.up = Axis{1, +1};
    request.orientation.forward = Axis{0, +1};
    const Scene scene = loadModelScene(request);
    EXPECT_NEAR(scene.structures[1].mesh.bounds.max.z, 0.07f, 1e-5f) << "file +X is now anterior";
    EXPECT_NEAR(scene.bounds.size().y, 0.40f, 1e-5f);
    EXPECT_TRUE(scene.notes.empty()) << "nothing was assumed: " << scene.notes.front();
}

TEST(ModelOrientation, every_pair_of_axes_gives_a_proper_rotation_and_same_axis_pairs_are_refused) {
    for (int u = 0; u < 6; ++u)
        for (int f = 0; f < 6; ++f) {
            ModelOrientation o;
            o.up = Axis{u / 2, u % 2 ? -1 : 1};
            o.forward = Axis{f / 2, f % 2 ? -1 : 1};
            if (u / 2 == f / 2) {
                EXPECT_FALSE(orientationProblem(o).empty());
                continue;
            }
            EXPECT_TRUE(orientationProblem(o).empty());
            const glm::mat3 r = sceneRotation(o);
            EXPECT_NEAR(glm::determinant(r), 1.0f, 1e-6f);
            glm::vec3 up(0.0f), forward(0.0f);
            up[o.up->index] = static_cast<float>(o.up->sign);
            forward[o.forward->index] = static_cast<float>(o.forward->sign);
            EXPECT_EQ(r * up, glm::vec3(0, 1, 0));
            EXPECT_EQ(r * forward, glm::vec3(0, 0, 1));
        }
}

TEST(ModelOrientation, auto_units_follow_the_stated_rule) {
    auto box = [](float side) {
        Bounds b;
        b.include(glm::vec3(0.0f));
        b.include(glm::vec3(side, side * 0.5f, 0.0f));
        return b;
    };
    EXPECT_EQ(guessUnits(box(0.45f)), LengthUnit::Metre);   // an OpenSim femur
    EXPECT_EQ(guessUnits(box(1.8f)), LengthUnit::Metre);    // a body in metres
    EXPECT_EQ(guessUnits(box(4.5f)), LengthUnit::Centimetre);
    EXPECT_EQ(guessUnits(box(45.0f)), LengthUnit::Millimetre);  // a vertebra in millimetres
    EXPECT_EQ(guessUnits(box(1800.0f)), LengthUnit::Millimetre);
    EXPECT_EQ(parseAxis("-z"), (Axis{2, -1}));
    EXPECT_EQ(parseAxis("Y"), (Axis{1, +1}));
    EXPECT_FALSE(parseAxis("+W").has_value());
    EXPECT_FALSE(parseAxis("++X").has_value());
}

}  // namespace
}  // namespace psoas
