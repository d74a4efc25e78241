#include "core/model_import.hpp"

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <glm/geometric.hpp>
#include "core/mesh.hpp"
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

std::filesystem::path writeFile(const std::string& name, const std::string& bytes) {
    const auto file = test::temporaryDirectory() / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
}

std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A valid .glb made from the test cube with Assimp's own exporter, so tests need no binary data.
std::filesystem::path cubeGlb() {
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile(test::dataFile("cube.obj").string(), aiProcess_Triangulate);
    const auto file = test::temporaryDirectory() / "cube.glb";
    Assimp::Exporter exporter;
    if (!scene || exporter.Export(scene, "glb2", file.string()) != AI_SUCCESS) return {};
    return file;
}

std::string importError(const std::filesystem::path& file, const ImportLimits& limits = {}) {
    try {
        importModel(file, limits);
    } catch (const ModelImportError& e) {
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "one line: " << e.what();
        return e.what();
    }
    return "";
}

TEST(ModelImport, obj_cube_loads_as_twelve_triangles_with_unit_normals) {
    const auto meshes = importModel(test::dataFile("cube.obj"));
    ASSERT_EQ(meshes.size(), 1u);
    const MeshData& mesh = meshes[0].mesh;
    EXPECT_EQ(mesh.triangleCount(), 12u);
    EXPECT_NEAR(mesh.bounds.size().x, 0.2f, 1e-6f);
    for (const auto& n : mesh.normals) EXPECT_NEAR(glm::length(n), 1.0f, 1e-4f);
    EXPECT_EQ(meshes[0].name, "cube");
}

TEST(ModelImport, glb_round_trip_loads) {
    const auto glb = cubeGlb();
    ASSERT_FALSE(glb.empty());
    const auto meshes = importModel(glb);
    ASSERT_FALSE(meshes.empty());
    EXPECT_EQ(meshes[0].mesh.triangleCount(), 12u);
}

TEST(ModelImport, missing_empty_and_directory_paths_say_so) {
    EXPECT_EQ(importError("/nonexistent/femur.glb"), "no such file");
    EXPECT_EQ(importError(writeFile("empty.glb", "")), "the file is empty");
    EXPECT_EQ(importError(test::temporaryDirectory()), "is a directory, not a mesh file");
}

TEST(ModelImport, unsupported_extension_names_the_formats_that_work) {
    EXPECT_EQ(importError(writeFile("notes.docx", "hello")), "unsupported file type '.docx' (use glTF .glb/.gltf, OBJ, STL or PLY)");
    EXPECT_EQ(importError(writeFile("README", "hello")), "unsupported file type '' (use glTF .glb/.gltf, OBJ, STL or PLY)");
}

// A tester opened myo_sim's MuJoCo model file with --model and was told "the file has no surfaces".
TEST(ModelImport, a_mujoco_or_opensim_model_file_is_said_to_be_no_mesh) {
    const std::string advice = ", which places meshes but holds none; open its mesh files with a --model-set manifest that names "
                               "each one's structure (models/README.md)";
    EXPECT_EQ(importError(writeFile("body.xml", "<mujoco model=\"legs\">\n  <asset><mesh file=\"femur.stl\"/></asset>\n</mujoco>\n")),
              "this is a MuJoCo model" + advice);
    EXPECT_EQ(importError(writeFile("gait.osim", "<?xml version=\"1.0\"?>\n<OpenSimDocument Version=\"30000\">\n</OpenSimDocument>\n")),
              "this is an OpenSim model" + advice);
}

TEST(ModelImport, random_bytes_are_refused_in_one_line) {
    std::string noise(4096, '\0');
    unsigned state = 12345;
    for (char& c : noise) c = static_cast<char>((state = state * 1103515245u + 12345u) >> 16);
    EXPECT_FALSE(importError(writeFile("noise.glb", noise)).empty());
    EXPECT_FALSE(importError(writeFile("noise.stl", noise)).empty());
}

TEST(ModelImport, truncated_glb_is_refused_in_one_line) {
    const auto glb = cubeGlb();
    ASSERT_FALSE(glb.empty());
    const std::string bytes = readBytes(glb);
    for (std::size_t keep : {std::size_t{12}, bytes.size() / 2, bytes.size() - 8})
        EXPECT_FALSE(importError(writeFile("cut.glb", bytes.substr(0, keep))).empty()) << "kept " << keep << " bytes";
    // Tester, session 9: a file cut inside its header was called "no glTF header" although it has one.
    for (std::size_t keep : {std::size_t{4}, std::size_t{12}, std::size_t{19}})
        EXPECT_EQ(importError(writeFile("cut.glb", bytes.substr(0, keep))).find("corrupt or truncated file ("), 0u) << "kept " << keep << " bytes";
    EXPECT_EQ(importError(writeFile("short.glb", "glT")), "not a glTF binary file (no glTF header)");
}

// One triangle as a glTF with its positions inline; `base64` holds nine little-endian floats.
std::string oneTriangleGltf(const std::string& base64) {
    return R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],)"
           R"("meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
           R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}],)"
           R"("bufferViews":[{"buffer":0,"byteLength":36}],)"
           R"("buffers":[{"byteLength":36,"uri":"data:application/octet-stream;base64,)" + base64 + R"("}]})";
}

TEST(ModelImport, non_finite_coordinates_are_refused) {
    // (0,0,0) (1,0,0) (NaN,1,0): OBJ readers turn "nan" into 0, so the NaN comes in binary.
    const std::string message = importError(writeFile("nan.gltf", oneTriangleGltf("AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAADAfwAAgD8AAAAA")));
    EXPECT_NE(message.find("non-finite"), std::string::npos) << message;
}

TEST(ModelImport, a_file_without_faces_has_nothing_to_show) {
    EXPECT_FALSE(importError(writeFile("points.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\n")).empty());
}

TEST(ModelImport, out_of_range_face_indices_are_refused_naming_the_line) {
    EXPECT_EQ(importError(writeFile("bad-index.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n")), "line 4: face uses vertex 9 but the file defines 3");
}

TEST(ModelImport, limits_on_size_and_triangles_give_clear_messages) {
    ImportLimits tiny;
    tiny.maxTriangles = 10;
    EXPECT_EQ(importError(test::dataFile("cube.obj"), tiny), "more than 10 triangles; simplify the model before opening it");
    tiny = {};
    tiny.maxFileBytes = 16;
    EXPECT_EQ(importError(test::dataFile("sphere.obj"), tiny), "the file is 8 KiB; the limit is 16 bytes");
}

TEST(ModelImport, node_graphs_deeper_than_the_limit_are_refused) {
    // A glTF whose 40 nodes each hold the next: legal, and allowed by default; a limit of 20 refuses it.
    std::string nodes;
    for (int i = 0; i < 40; ++i)
        nodes += (i ? "," : "") + std::string("{") + (i < 39 ? "\"children\":[" + std::to_string(i + 1) + "]" : "\"mesh\":0") + "}";
    // One triangle: three float positions (36 bytes) as a base64 data URI.
    const std::string buffer = "AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA";
    const std::string gltf = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[)" + nodes +
                             R"(],"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
                             R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}],)"
                             R"("bufferViews":[{"buffer":0,"byteLength":36}],)"
                             R"("buffers":[{"byteLength":36,"uri":"data:application/octet-stream;base64,)" + buffer + R"("}]})";
    const auto file = writeFile("deep.gltf", gltf);
    ImportLimits limits;
    EXPECT_NO_THROW(importModel(file, limits));
    limits.maxNodeDepth = 20;
    EXPECT_NE(importError(file, limits).find("node hierarchy deeper than 20"), std::string::npos);
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

// Regression (found by fuzzing): Assimp 5.2 read through a null pointer when a bufferView named a
// buffer that does not exist. The reference check refuses such files before Assimp sees them.
TEST(ModelImport, gltf_with_references_to_missing_tables_is_refused_before_assimp_reads_it) {
    const std::string noBuffers = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],)"
                                  R"("meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
                                  R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}],)"
                                  R"("bufferViews":[{"buffer":0,"byteLength":36}]})";
    EXPECT_EQ(importError(writeFile("no-buffer.gltf", noBuffers)),
              "corrupt file: bufferViews 0 refers to buffers entry 0, which does not exist");
    const std::string badNode = R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[3]}],"nodes":[{}]})";
    EXPECT_EQ(importError(writeFile("bad-node.gltf", badNode)), "corrupt file: scenes 0 lists a node that does not exist");
    EXPECT_EQ(importError(writeFile("not-json.gltf", "{\"asset\": [")), "corrupt or truncated file (the glTF JSON does not parse)");
}

}  // namespace
}  // namespace psoas

namespace psoas {
namespace {

std::string warningsOf(const ImportedModel& model) {
    std::string all;
    for (const std::string& w : model.warnings) all += w + "|";
    return all;
}

// Failure 3 of issue 18: Cinema 4D writes "f 1/1/0" for "no normal"; Assimp 5.2 refused the file as
// "corrupt or truncated (OBJ: Invalid face index.)". The 0 means none: normals come from the surface.
TEST(ModelImport, obj_normal_index_zero_means_no_normal_and_normals_are_computed) {
    const ImportedModel model = readModelFile(test::dataFile("obj_normal_index_zero.obj"));
    ASSERT_EQ(model.meshes.size(), 1u);
    const MeshData& mesh = model.meshes[0].mesh;
    EXPECT_EQ(mesh.triangleCount(), 2u);
    EXPECT_EQ(mesh.positions.size(), 4u) << "the quad's two triangles share their diagonal";
    for (const glm::vec3& n : mesh.normals) EXPECT_NEAR(n.z, 1.0f, 1e-6f);
}

// A vertex index 0 has no such meaning: refused, naming the line, and never called "truncated".
TEST(ModelImport, obj_vertex_index_zero_is_refused_naming_the_line) {
    const std::string message = importError(test::dataFile("obj_vertex_index_zero.obj"));
    EXPECT_EQ(message, "line 5: face uses vertex 0 (OBJ numbers vertices from 1)");
}

// Tester, session 9: a NaN in an OBJ was reported as "vertex 0 of mesh 1" (the imported mesh's own
// 0-based numbering) with no line; the file's line and its vertex number (from 1) are given.
TEST(ModelImport, obj_non_finite_vertex_is_refused_naming_its_line) {
    EXPECT_EQ(importError(writeFile("nan.obj", "# a triangle\nv 0 0 0\nv nan 0 0\nv 0 1 0\nf 1 2 3\n")),
              "line 3: vertex 2 has a non-finite (NaN or infinite) coordinate");
    EXPECT_EQ(importError(writeFile("inf.obj", "v 0 0 0\nv 1 0 0\nv 0 1e999 0\nf 1 2 3\n")),
              "line 3: vertex 3 has a non-finite (NaN or infinite) coordinate");
}

// CI, stop 26: the fuzzer's OBJ input corrupted the heap inside Debian's Assimp 5.2.5. Its OBJ
// reader turns "l 1" (a line element with one vertex) into no segment yet still stores the vertex,
// then writes past its arrays on a later line element (valgrind: "Invalid write ... 0 bytes after a
// block"). Such elements are left out of the copy Assimp reads, with one warning, and the rest shows.
TEST(ModelImport, obj_line_elements_with_one_vertex_are_left_out_and_the_faces_shown) {
    const ImportedModel model =
        readModelFile(writeFile("one-vertex-lines.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nl 1\nl 1\nl 1 2 3\nf 1 2 3\nlod 1\n"));
    ASSERT_EQ(model.meshes.size(), 1u);
    EXPECT_EQ(model.meshes[0].mesh.triangleCount(), 1u);
    EXPECT_EQ(warningsOf(model),
              "skipped 1 'lod' statement, 2 line elements with one vertex (the viewer reads faces, vertices and materials)|"
              "ignored 2 lines (the viewer draws surfaces)|");
}

// The check reads lines as Assimp does, or a file could pass it and reach Assimp unchecked: with
// old Mac line ends ("\r") the whole file was one line to the check, so no face index was checked.
TEST(ModelImport, obj_with_carriage_return_line_ends_is_checked_line_by_line) {
    EXPECT_EQ(importError(writeFile("mac.obj", "v 0 0 0\rv 1 0 0\rv 0 1 0\rf 1 2 9\r")), "line 4: face uses vertex 9 but the file defines 3");
    EXPECT_EQ(importError(writeFile("dos.obj", "v 0 0 0\r\nv 1 0 0\r\nv 0 1 0\r\nf 1 2 9\r\n")), "line 4: face uses vertex 9 but the file defines 3");
    EXPECT_EQ(importModel(writeFile("mac-ok.obj", "v 0 0 0\rv 1 0 0\rv 0 1 0\rf 1 2 3\r")).at(0).mesh.triangleCount(), 1u);
}

// Bytes that end a line for Assimp but not for a text editor (NUL, form feed) or belong to no text.
TEST(ModelImport, obj_with_a_control_character_is_refused_naming_line_and_column) {
    EXPECT_EQ(importError(writeFile("nul.obj", std::string("v 0 0 0\nv 1 \0 0\n", 16))),
              "line 2, column 5: byte 0x00 is not text (an OBJ file is text; this one is binary or damaged)");
    EXPECT_EQ(importError(writeFile("ff.obj", "v 0 0 0\r\n\fv 1 0 0\n")),
              "line 2, column 1: byte 0x0C is not text (an OBJ file is text; this one is binary or damaged)");
}

// A corner Assimp would read as fewer vertices than it shows: refused with its line.
TEST(ModelImport, obj_corner_without_a_vertex_number_or_with_four_numbers_is_refused) {
    const std::string three = "v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\n";
    EXPECT_EQ(importError(writeFile("slash.obj", three + "f 1 /1 2 3\n")), "line 5: corner '/1' has no vertex number");
    EXPECT_EQ(importError(writeFile("four.obj", three + "f 1/1/1/1 2 3\n")),
              "line 5: corner '1/1/1/1' has more than three numbers (an OBJ corner is vertex/texture/normal)");
}

// Forms Assimp reads differently from the file's meaning: a backslash joining lines, an indented
// face (Assimp skips the line), a comment after a face (Assimp calls it an invalid index), leading
// zeros (Assimp reads "01" as vertex 1 twice). Each is read as a text editor shows it.
TEST(ModelImport, obj_joined_indented_commented_and_zero_padded_faces_read_as_written) {
    const std::string three = "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 1 1 0\n";
    for (const std::string faces : {"f 1 2 \\\n3\nf 2 4 3\n", "  f 1 2 3\n\tf 2 4 3\n", "f 1 2 3 # first\nf 2 4 3\n",
                                    "f 01 02 03\nf 002 4 3\n"}) {
        const ImportedModel model = readModelFile(writeFile("forms.obj", three + faces));
        ASSERT_EQ(model.meshes.size(), 1u) << faces;
        EXPECT_EQ(model.meshes[0].mesh.triangleCount(), 2u) << faces;
        EXPECT_EQ(model.meshes[0].mesh.positions.size(), 4u) << faces;
        EXPECT_TRUE(model.warnings.empty()) << faces << warningsOf(model);
    }
}

// Failure 4: the viewer's own check refused glTF 1.0 ("'bufferViews' is not a list") and gave the
// .glb 1.0 another message, while Assimp reads both.
TEST(ModelImport, gltf_1_0_text_and_binary_load_like_any_other_file) {
    for (const char* name : {"gltf1_triangle.gltf", "gltf1_triangle.glb"}) {
        const ImportedModel model = readModelFile(test::dataFile(name));
        ASSERT_EQ(model.meshes.size(), 1u) << name;
        EXPECT_EQ(model.meshes[0].mesh.triangleCount(), 1u) << name;
        EXPECT_EQ(model.meshes[0].name, "node0") << name;  // Assimp's glTF 1 reader names nodes by their key
        EXPECT_TRUE(model.warnings.empty()) << warningsOf(model);
    }
}

// Failure 5: an ASCII STL whose first solid is empty was refused by validation ("contains no
// vertices"); the empty part is dropped and the other shown.
TEST(ModelImport, stl_with_an_empty_solid_shows_the_other_solid) {
    const ImportedModel model = readModelFile(test::dataFile("stl_empty_solid.stl"));
    ASSERT_EQ(model.meshes.size(), 1u);
    EXPECT_EQ(model.meshes[0].name, "triangle");
    EXPECT_EQ(model.meshes[0].mesh.triangleCount(), 1u);
    EXPECT_EQ(warningsOf(model), "skipped 1 empty part 'empty'|");
}

// Failure 7: a file of landmarks and paths has nothing to shade; say exactly that.
TEST(ModelImport, points_and_lines_only_say_the_file_has_no_surfaces) {  // "l 1 2 3" is two segments
    EXPECT_EQ(importError(test::dataFile("obj_points_and_lines.obj")), "the file has no surfaces (it holds only 1 point and 2 lines)");
}

TEST(ModelImport, points_beside_triangles_are_ignored_with_one_warning) {
    const auto file = writeFile("mixed.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\np 1\np 2\nl 1 2\n");
    const ImportedModel model = readModelFile(file);
    ASSERT_EQ(model.meshes.size(), 1u);
    EXPECT_EQ(warningsOf(model), "ignored 2 points and 1 line (the viewer draws surfaces)|");
}

// Failure 7: a material value of the wrong type stopped Assimp ("Member index was not of type
// uint") and the viewer called the file corrupt; the meshes are intact, so they are shown.
TEST(ModelImport, gltf_material_of_the_wrong_type_shows_the_geometry_and_warns_once) {
    const ImportedModel model = readModelFile(test::dataFile("gltf_material_wrong_type.gltf"));
    ASSERT_EQ(model.meshes.size(), 1u);
    EXPECT_EQ(model.meshes[0].name, "plate");
    EXPECT_EQ(warningsOf(model), "ignored the file's materials and textures (materials 0: normalTexture.index is not a texture in the file)|");
}

TEST(ModelImport, gltf_unknown_or_gapped_vertex_attributes_are_ignored_with_one_warning) {
    const ImportedModel model = readModelFile(test::dataFile("gltf_unknown_attribute.gltf"));
    ASSERT_EQ(model.meshes.size(), 1u);
    EXPECT_EQ(model.meshes[0].mesh.triangleCount(), 1u);
    EXPECT_EQ(warningsOf(model), "ignored vertex attributes BONE_DENSITY, TEXCOORD_1 (not a glTF 2.0 attribute, or numbered with a gap)|");
}

TEST(ModelImport, repaired_glb_keeps_its_binary_chunk) {
    // The cube glb with a broken material added to its JSON chunk: the repair rewrites the JSON
    // and must carry the vertex data after it unchanged.
    const auto glb = cubeGlb();
    ASSERT_FALSE(glb.empty());
    std::string bytes = readBytes(glb);
    auto word = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
        return v;
    };
    const std::uint32_t chunk = word(12);
    std::string json = bytes.substr(20, chunk);
    while (!json.empty() && json.back() == ' ') json.pop_back();
    ASSERT_EQ(json.back(), '}');
    json.pop_back();
    json += R"(,"samplers":[],"textures":[{"source":7}]})";
    while (json.size() % 4) json += ' ';
    std::string rebuilt = bytes.substr(0, 12);
    for (std::uint32_t v : {static_cast<std::uint32_t>(json.size()), 0x4E4F534Au})
        for (int i = 0; i < 4; ++i) rebuilt.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
    rebuilt += json + bytes.substr(20 + chunk);
    const std::uint32_t total = static_cast<std::uint32_t>(rebuilt.size());
    for (int i = 0; i < 4; ++i) rebuilt[8 + static_cast<std::size_t>(i)] = static_cast<char>((total >> (8 * i)) & 0xFFu);
    const ImportedModel model = readModelFile(writeFile("broken-texture.glb", rebuilt));
    ASSERT_EQ(model.meshes.size(), 1u);
    EXPECT_EQ(model.meshes[0].mesh.triangleCount(), 12u);
    EXPECT_EQ(warningsOf(model), "ignored the file's materials and textures (textures 0: source is not an image in the file)|");
}

// Binary STL: every facet is three separate corners with the facet's normal.
std::string binaryStl(const std::vector<std::array<glm::vec3, 3>>& facets) {
    std::string bytes(80, ' ');
    auto put = [&](const void* data, std::size_t size) { bytes.append(static_cast<const char*>(data), size); };
    const auto count = static_cast<std::uint32_t>(facets.size());
    put(&count, 4);
    for (const auto& f : facets) {
        const glm::vec3 n = glm::normalize(glm::cross(f[1] - f[0], f[2] - f[0]));
        put(&n, 12);
        for (const glm::vec3& p : f) put(&p, 12);
        bytes.append(2, '\0');
    }
    return bytes;
}

// The joining that replaced Assimp's: a box keeps its sharp edges (each face its own normal)...
TEST(ModelImport, stl_box_is_joined_but_keeps_its_creases_sharp) {
    const glm::vec3 c[8] = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1}, {0, 1, 1}};
    const int quads[6][4] = {{0, 3, 2, 1}, {4, 5, 6, 7}, {0, 1, 5, 4}, {2, 3, 7, 6}, {1, 2, 6, 5}, {0, 4, 7, 3}};
    std::vector<std::array<glm::vec3, 3>> facets;
    for (const auto& q : quads) {
        facets.push_back({c[q[0]], c[q[1]], c[q[2]]});
        facets.push_back({c[q[0]], c[q[2]], c[q[3]]});
    }
    const auto meshes = importModel(writeFile("box.stl", binaryStl(facets)));
    ASSERT_EQ(meshes.size(), 1u);
    EXPECT_EQ(meshes[0].mesh.positions.size(), 24u) << "four corners per side, not three per triangle";
    EXPECT_TRUE(isClosedOutwardSurface(meshes[0].mesh));
    for (const glm::vec3& n : meshes[0].mesh.normals)
        EXPECT_NEAR(std::max({std::abs(n.x), std::abs(n.y), std::abs(n.z)}), 1.0f, 1e-6f) << "a crease was smoothed";
}

// ...and a finely divided curved surface gets one shared, smooth normal per position.
TEST(ModelImport, stl_curved_surface_is_joined_into_smooth_shared_vertices) {
    std::vector<std::array<glm::vec3, 3>> facets;
    const int n = 24;
    auto at = [&](int i, int j) {  // a cylinder of radius 1 around Y, seen from outside
        const float a = 6.2831853f * static_cast<float>(i % n) / n;
        return glm::vec3(std::sin(a), static_cast<float>(j), std::cos(a));
    };
    for (int i = 0; i < n; ++i) {
        facets.push_back({at(i, 0), at(i + 1, 0), at(i + 1, 1)});
        facets.push_back({at(i, 0), at(i + 1, 1), at(i, 1)});
    }
    const auto meshes = importModel(writeFile("tube.stl", binaryStl(facets)));
    ASSERT_EQ(meshes.size(), 1u);
    const MeshData& mesh = meshes[0].mesh;
    EXPECT_EQ(mesh.positions.size(), static_cast<std::size_t>(2 * n));
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
        const glm::vec3 radial = glm::normalize(glm::vec3(mesh.positions[v].x, 0.0f, mesh.positions[v].z));
        EXPECT_GT(glm::dot(mesh.normals[v], radial), 0.99f) << "vertex " << v;
    }
}

// Binary STL is read without Assimp (core/binary_stl.cpp): the same refusals must hold there.
TEST(ModelImport, binary_stl_with_a_non_finite_corner_or_cut_short_is_refused_in_one_line) {
    std::string bytes = binaryStl({{glm::vec3(0), glm::vec3(1, 0, 0), glm::vec3(0, 1, 0)}, {glm::vec3(0), glm::vec3(0, 1, 0), glm::vec3(0, 0, 1)}});
    std::string nan = bytes;
    const float value = std::nanf("");
    std::memcpy(&nan[84 + 50 + 12 + 12], &value, 4);  // second facet, second corner, x
    EXPECT_EQ(importError(writeFile("nan.stl", nan)), "triangle 1 has a non-finite (NaN or infinite) coordinate");
    EXPECT_EQ(importError(writeFile("cut.stl", bytes.substr(0, bytes.size() - 20))),
              "not an STL file, or a binary STL cut short: its header counts 2 triangles, which take 184 bytes, but the file "
              "has 164 (an ASCII STL starts with 'solid')");
    ImportLimits limits;
    limits.maxTriangles = 1;
    EXPECT_EQ(importError(writeFile("two.stl", bytes), limits), "more than 1 triangles; simplify the model before opening it");
}

// A tester's text file renamed .stl got Assimp's words ("Failed to determine STL storage
// representation for ."): the viewer says what it is not, in its own words, before Assimp reads it.
TEST(ModelImport, a_text_file_named_stl_is_said_to_be_no_stl_file) {
    EXPECT_EQ(importError(writeFile("notes.stl", "shopping list\n")),
              "not an STL file (14 bytes: too short for a binary STL's 84-byte header, and an ASCII STL starts with 'solid')");
    const std::string text(200, 'x');
    EXPECT_NE(importError(writeFile("long.stl", text)).find("not an STL file"), std::string::npos);
    // An ASCII STL still goes to Assimp.
    const std::string ascii = "  solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid t\n";
    EXPECT_EQ(importError(writeFile("ascii.stl", ascii)), "");
}

// Issue 18, failure 8: a file's own colours were ignored. Each part carries its colour (linear RGB)
// for --file-colours: PLY vertex colours, binary STL face colours, OBJ/glTF materials.
TEST(ModelImport, ply_vertex_colours_and_obj_material_colours_are_read) {
    const auto ply = importModel(test::dataFile("ply_vertex_colours.ply"));
    ASSERT_EQ(ply.size(), 1u);
    ASSERT_TRUE(ply[0].fileColour.has_value());
    EXPECT_NEAR(ply[0].fileColour->x, 1.0f, 1e-5f);
    EXPECT_NEAR(ply[0].fileColour->y, 0.0f, 1e-5f);
    const auto obj = importModel(test::dataFile("obj_material_colours.obj"));
    ASSERT_EQ(obj.size(), 2u);
    ASSERT_TRUE(obj[0].fileColour && obj[1].fileColour);
    EXPECT_NEAR(obj[0].fileColour->z, 0.2140f, 1e-3f);  // sRGB 0.5 is linear 0.214
    EXPECT_NEAR(obj[1].fileColour->x, 0.2140f, 1e-3f);
    EXPECT_FALSE(importModel(test::dataFile("cube.obj"))[0].fileColour.has_value()) << "no material: no colour of its own";
}

TEST(ModelImport, binary_stl_face_colours_are_read_in_both_conventions) {
    std::string viscam = binaryStl({{glm::vec3(0), glm::vec3(1, 0, 0), glm::vec3(0, 1, 0)}});
    const std::uint16_t blueValid = 0x8000u | 31u;  // VisCAM/SolidView: bit 15 marks a colour, blue in the low bits
    std::memcpy(&viscam[84 + 48], &blueValid, 2);
    const auto a = importModel(writeFile("viscam.stl", viscam));
    ASSERT_TRUE(a[0].fileColour.has_value());
    EXPECT_EQ(*a[0].fileColour, glm::vec3(0, 0, 1));
    std::string magics = viscam;
    magics.replace(0, 10, "COLOR=\xff\xff\xff\xff");
    const std::uint16_t redOwn = 31u;  // Materialise: bit 15 clear marks the facet's own colour, red in the low bits
    std::memcpy(&magics[84 + 48], &redOwn, 2);
    const auto b = importModel(writeFile("magics.stl", magics));
    ASSERT_TRUE(b[0].fileColour.has_value());
    EXPECT_EQ(*b[0].fileColour, glm::vec3(1, 0, 0));
}

}  // namespace
}  // namespace psoas
