#include "core/model_import.hpp"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <glm/glm.hpp>
#include <glm/gtc/matrix_inverse.hpp>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string_view>

#include <nlohmann/json.hpp>

namespace psoas {

namespace {

glm::mat4 toGlm(const aiMatrix4x4& m) {
    // Assimp stores row-major, GLM column-major.
    return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2,
                     m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4);
}

bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

// Assimp's messages can span lines and repeat the path; the viewer promises one line per error.
std::string oneLine(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

// Assimp's wording names the file again and speaks of readers; say what the user can act on.
std::string describeImporterError(const std::string& message, const std::filesystem::path& path) {
    if (message.find("No suitable reader") != std::string::npos)
        return "not a readable " + path.extension().string() + " file (unrecognised or corrupt content)";
    std::string text = oneLine(message);
    for (std::size_t at; (at = text.find(path.string())) != std::string::npos;) text.erase(at, path.string().size());
    return "corrupt or truncated file (" + text + ")";
}

class SceneFlattener {
public:
    SceneFlattener(const aiScene& scene, const std::filesystem::path& path, const ImportLimits& limits)
        : scene_(scene), path_(path), limits_(limits) {}

    std::vector<ImportedMesh> flatten() {
        visit(*scene_.mRootNode, glm::mat4(1.0f), 0);
        if (out_.empty()) throw ModelImportError(path_, "the file contains no triangles to show");
        return std::move(out_);
    }

private:
    void visit(const aiNode& node, const glm::mat4& parent, int depth) {
        if (depth > limits_.maxNodeDepth)
            throw ModelImportError(path_, "node hierarchy deeper than " + std::to_string(limits_.maxNodeDepth) +
                                              " levels (recursive or corrupt scene graph)");
        const glm::mat4 world = parent * toGlm(node.mTransformation);
        for (unsigned i = 0; i < node.mNumMeshes; ++i) {
            const unsigned meshIndex = node.mMeshes[i];
            if (meshIndex >= scene_.mNumMeshes)
                throw ModelImportError(path_, "node '" + std::string(node.mName.C_Str()) + "' refers to a missing mesh");
            addMesh(*scene_.mMeshes[meshIndex], node, world);
        }
        for (unsigned i = 0; i < node.mNumChildren; ++i) visit(*node.mChildren[i], world, depth + 1);
    }

    void addMesh(const aiMesh& source, const aiNode& node, const glm::mat4& world) {
        if (!(source.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || source.mNumFaces == 0) return;
        triangles_ += source.mNumFaces;
        if (triangles_ > limits_.maxTriangles)
            throw ModelImportError(path_, "more than " + std::to_string(limits_.maxTriangles) +
                                              " triangles; simplify the model before opening it");

        ImportedMesh item;
        item.name = node.mName.length > 0 ? node.mName.C_Str()
                    : source.mName.length > 0 ? source.mName.C_Str()
                                              : "mesh " + std::to_string(out_.size() + 1);
        MeshData& mesh = item.mesh;
        const glm::mat3 normalMatrix = glm::inverseTranspose(glm::mat3(world));
        const bool mirrored = glm::determinant(glm::mat3(world)) < 0.0f;

        mesh.positions.reserve(source.mNumVertices);
        mesh.normals.reserve(source.mNumVertices);
        for (unsigned v = 0; v < source.mNumVertices; ++v) {
            const aiVector3D& p = source.mVertices[v];
            const glm::vec3 position = glm::vec3(world * glm::vec4(p.x, p.y, p.z, 1.0f));
            if (!finite(position))
                throw ModelImportError(path_, "vertex " + std::to_string(v) + " of mesh '" + item.name +
                                                  "' has a non-finite (NaN or infinite) coordinate");
            glm::vec3 normal{0.0f};
            if (source.mNormals) {
                const aiVector3D& n = source.mNormals[v];
                normal = normalMatrix * glm::vec3(n.x, n.y, n.z);
            }
            const float length = glm::length(normal);
            normal = (std::isfinite(length) && length > 1e-12f) ? normal / length : glm::vec3(0.0f, 1.0f, 0.0f);
            mesh.positions.push_back(position);
            mesh.normals.push_back(normal);
            mesh.bounds.include(position);
        }

        mesh.indices.reserve(std::size_t{source.mNumFaces} * 3);
        for (unsigned f = 0; f < source.mNumFaces; ++f) {
            const aiFace& face = source.mFaces[f];
            if (face.mNumIndices != 3) continue;  // points and lines carry no surface
            for (unsigned k = 0; k < 3; ++k)
                if (face.mIndices[k] >= source.mNumVertices)
                    throw ModelImportError(path_, "face " + std::to_string(f) + " of mesh '" + item.name +
                                                      "' uses vertex index " + std::to_string(face.mIndices[k]) +
                                                      " but the mesh has only " + std::to_string(source.mNumVertices));
            const unsigned b = mirrored ? 2 : 1, c = mirrored ? 1 : 2;
            mesh.indices.insert(mesh.indices.end(), {face.mIndices[0], face.mIndices[b], face.mIndices[c]});
        }
        if (!mesh.indices.empty()) out_.push_back(std::move(item));
    }

    const aiScene& scene_;
    const std::filesystem::path& path_;
    const ImportLimits& limits_;
    std::size_t triangles_ = 0;
    std::vector<ImportedMesh> out_;
};

void rejectNonFiniteVertices(const aiScene& scene, const std::filesystem::path& path) {
    for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
        const aiMesh& mesh = *scene.mMeshes[m];
        for (unsigned v = 0; v < mesh.mNumVertices; ++v) {
            const aiVector3D& p = mesh.mVertices[v];
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
                throw ModelImportError(path, "vertex " + std::to_string(v) + " of mesh " + std::to_string(m + 1) +
                                                 " has a non-finite (NaN or infinite) coordinate");
        }
    }
}

// Assimp 5.2's glTF reader follows indices between the file's tables without checking them, and a
// bufferView naming a buffer that does not exist makes it read through a null pointer (found by
// fuzzing). So before Assimp sees a glTF file, every index from one table into another is checked.
void checkGltfReferences(const std::filesystem::path& path) {
    const std::string extension = path.extension().string();
    if (extension != ".glb" && extension != ".gltf") return;
    std::ifstream in(path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), {}};
    std::string_view json = bytes;
    if (extension == ".glb") {
        // Header: magic "glTF", version, total length; then the JSON chunk's length and type.
        auto word = [&](std::size_t at) {
            std::uint32_t v = 0;
            for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
            return v;
        };
        if (bytes.size() < 20 || bytes.compare(0, 4, "glTF") != 0) throw ModelImportError(path, "not a glTF binary file (no glTF header)");
        if (word(4) != 2) throw ModelImportError(path, "glTF version " + std::to_string(word(4)) + " is not supported (use glTF 2.0)");
        const std::uint32_t chunk = word(12);
        if (word(16) != 0x4E4F534Au || chunk > bytes.size() - 20)
            throw ModelImportError(path, "corrupt or truncated file (the glTF JSON chunk is missing or cut short)");
        json = std::string_view(bytes).substr(20, chunk);
    }
    const nlohmann::json document = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (document.is_discarded() || !document.is_object())
        throw ModelImportError(path, "corrupt or truncated file (the glTF JSON does not parse)");
    auto count = [&](const char* table) -> std::size_t {
        const auto it = document.find(table);
        return it != document.end() && it->is_array() ? it->size() : 0;
    };
    auto check = [&](const nlohmann::json& owner, const char* key, const char* table, const std::string& where) {
        const auto it = owner.find(key);
        if (it == owner.end()) return;
        if (!it->is_number_unsigned() || it->get<std::size_t>() >= count(table))
            throw ModelImportError(path, "corrupt file: " + where + " refers to " + table + " entry " + it->dump() +
                                             ", which does not exist");
    };
    auto each = [&](const char* table, auto&& visit) {
        const auto it = document.find(table);
        if (it == document.end()) return;
        if (!it->is_array()) throw ModelImportError(path, std::string("corrupt file: '") + table + "' is not a list");
        for (std::size_t i = 0; i < it->size(); ++i)
            if ((*it)[i].is_object()) visit((*it)[i], std::string(table) + " " + std::to_string(i));
    };
    each("bufferViews", [&](const nlohmann::json& view, const std::string& where) { check(view, "buffer", "buffers", where); });
    each("accessors", [&](const nlohmann::json& accessor, const std::string& where) { check(accessor, "bufferView", "bufferViews", where); });
    each("images", [&](const nlohmann::json& image, const std::string& where) { check(image, "bufferView", "bufferViews", where); });
    each("textures", [&](const nlohmann::json& texture, const std::string& where) { check(texture, "source", "images", where); });
    each("nodes", [&](const nlohmann::json& node, const std::string& where) {
        check(node, "mesh", "meshes", where);
        if (const auto children = node.find("children"); children != node.end() && children->is_array())
            for (const auto& child : *children)
                if (!child.is_number_unsigned() || child.get<std::size_t>() >= count("nodes"))
                    throw ModelImportError(path, "corrupt file: " + where + " has a child that does not exist");
    });
    each("meshes", [&](const nlohmann::json& mesh, const std::string& where) {
        const auto primitives = mesh.find("primitives");
        if (primitives == mesh.end() || !primitives->is_array()) return;
        for (const auto& primitive : *primitives) {
            if (!primitive.is_object()) continue;
            check(primitive, "indices", "accessors", where);
            check(primitive, "material", "materials", where);
            if (const auto attributes = primitive.find("attributes"); attributes != primitive.end() && attributes->is_object())
                for (const auto& [name, value] : attributes->items())
                    if (!value.is_number_unsigned() || value.get<std::size_t>() >= count("accessors"))
                        throw ModelImportError(path, "corrupt file: " + where + " attribute " + name + " refers to a missing accessor");
        }
    });
    each("scenes", [&](const nlohmann::json& scene, const std::string& where) {
        if (const auto nodes = scene.find("nodes"); nodes != scene.end() && nodes->is_array())
            for (const auto& node : *nodes)
                if (!node.is_number_unsigned() || node.get<std::size_t>() >= count("nodes"))
                    throw ModelImportError(path, "corrupt file: " + where + " lists a node that does not exist");
    });
}

std::string humanSize(std::uintmax_t bytes) {
    if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (1u << 10)) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

void checkReadable(const std::filesystem::path& path, const ImportLimits& limits) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) throw ModelImportError(path, "no such file");
    if (std::filesystem::is_directory(status)) throw ModelImportError(path, "is a directory, not a mesh file");
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw ModelImportError(path, std::string("cannot be read: ") + std::strerror(errno));
    const auto bytes = std::filesystem::file_size(path, ec);
    if (ec) throw ModelImportError(path, "cannot read its size: " + ec.message());
    if (bytes == 0) throw ModelImportError(path, "the file is empty");
    if (bytes > limits.maxFileBytes)
        throw ModelImportError(path, "the file is " + humanSize(bytes) + "; the limit is " + humanSize(limits.maxFileBytes));
}

}  // namespace

std::vector<ImportedMesh> importModel(const std::filesystem::path& path, const ImportLimits& limits) {
    checkReadable(path, limits);
    checkGltfReferences(path);

    Assimp::Importer importer;
    const std::string extension = path.extension().string();
    if (extension.empty() || !importer.IsExtensionSupported(extension))
        throw ModelImportError(path, "unsupported file type '" + extension +
                                         "' (use glTF .glb/.gltf, OBJ, STL or PLY)");
    // Points and lines are dropped: the viewer shows surfaces.
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    // Files without normals get smooth ones, but creases sharper than 60° stay sharp (cut bone, CAD parts).
    importer.SetPropertyFloat(AI_CONFIG_PP_GSN_MAX_SMOOTHING_ANGLE, 60.0f);
    const aiScene* scene = importer.ReadFile(path.string(), aiProcess_ValidateDataStructure);
    if (!scene) throw ModelImportError(path, describeImporterError(importer.GetErrorString(), path));
    if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene->mRootNode)
        throw ModelImportError(path, "the file is incomplete or corrupt");
    // Checked before post-processing, which would quietly merge or drop NaN vertices and hide the
    // fact that the file is broken.
    rejectNonFiniteVertices(*scene, path);
    scene = importer.ApplyPostProcessing(aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                                         aiProcess_SortByPType | aiProcess_GenSmoothNormals);
    if (!scene) throw ModelImportError(path, describeImporterError(importer.GetErrorString(), path));
    return SceneFlattener(*scene, path, limits).flatten();
}

}  // namespace psoas
