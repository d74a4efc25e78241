#include "core/model_import.hpp"

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <glm/geometric.hpp>
#include <gtest/gtest.h>

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

TEST(ModelImport, out_of_range_face_indices_are_refused) {
    EXPECT_FALSE(importError(writeFile("bad-index.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n")).empty());
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
