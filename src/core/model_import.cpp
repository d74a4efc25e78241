#include "core/model_import.hpp"

#include "core/binary_stl.hpp"
#include "core/mesh_weld.hpp"
#include "core/model_file_check.hpp"

#include <assimp/DefaultIOSystem.h>
#include <assimp/Importer.hpp>
#include <assimp/MemoryIOWrapper.h>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <glm/glm.hpp>
#include <glm/gtc/matrix_inverse.hpp>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <span>
#include <string_view>

// Debian builds Assimp 5.2 with ASSIMP_BUILD_DEBUG, so its internal checks (ai_assert) abort the
// whole program on a malformed file: fuzzing found one in the glTF 1.0 reader within a minute.
// Assimp 5.2 has no assert-handler setting (5.3 adds one); it calls this exported function, which
// the program's own definition replaces by ELF symbol interposition. Throwing turns the abort into
// an exception that Assimp's BaseImporter::ReadFile catches and reports as a failed read.
namespace Assimp {
void aiAssertViolation(const char* expression, const char* file, int line) {
    throw std::runtime_error(std::string("Assimp's own check failed (") + expression + " at " +
                             std::filesystem::path(file).filename().string() + ":" + std::to_string(line) + ")");
}
}  // namespace Assimp

namespace psoas {

namespace {

glm::mat4 toGlm(const aiMatrix4x4& m) {
    // Assimp stores row-major, GLM column-major.
    return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2,
                     m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4);
}

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
    // Assimp cannot tell a cut-off file from a malformed one; say what it found, not a guess.
    return "the " + path.extension().string() + " reader refused the file (" + text + ")";
}

// Assimp reads the repaired file from memory and everything beside it (an OBJ's .mtl, a glTF's
// .bin) from disk, so relative references still resolve.
class RepairedFileSystem : public Assimp::DefaultIOSystem {
public:
    RepairedFileSystem(std::string path, std::string bytes) : path_(std::move(path)), bytes_(std::move(bytes)) {}
    Assimp::IOStream* Open(const char* file, const char* mode) override {
        if (file && path_ == file)
            return new Assimp::MemoryIOStream(reinterpret_cast<const std::uint8_t*>(bytes_.data()), bytes_.size());
        return DefaultIOSystem::Open(file, mode);
    }

private:
    std::string path_;
    std::string bytes_;
};

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string lowercase(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Assimp names unnamed glTF parts after their table slot ("nodes[78]"); those say nothing to a
// reader, so they count as unnamed and the scene names them by file and number.
bool isGeneratedName(std::string_view name) {
    for (std::string_view table : {"nodes[", "meshes[", "defaultobject"})
        if (name.starts_with(table)) return true;
    return name.empty();
}

static_assert(sizeof(aiVector3D) == sizeof(glm::vec3), "Assimp's vectors are read as glm::vec3 arrays");

std::span<const glm::vec3> asVec3(const aiVector3D* data, std::size_t count) {
    return {reinterpret_cast<const glm::vec3*>(data), count};
}

class SceneFlattener {
public:
    SceneFlattener(const aiScene& scene, const std::filesystem::path& path, const ImportLimits& limits)
        : scene_(scene), path_(path), limits_(limits) {}

    ImportedModel flatten() {
        visit(*scene_.mRootNode, glm::mat4(1.0f), 0);
        ImportedModel model;
        if (out_.empty()) {
            if (points_ + lines_ > 0)
                throw ModelImportError(path_, "the file has no surfaces (it holds only " + pointsAndLines() + ")");
            throw ModelImportError(path_, "the file has no surfaces");
        }
        if (points_ + lines_ > 0) model.warnings.push_back("ignored " + pointsAndLines() + " (the viewer draws surfaces)");
        model.meshes = std::move(out_);
        return model;
    }

private:
    std::string pointsAndLines() const {
        auto count = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
        if (lines_ == 0) return count(points_, "point", "points");
        if (points_ == 0) return count(lines_, "line", "lines");
        return count(points_, "point", "points") + " and " + count(lines_, "line", "lines");
    }

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
        ImportedMesh item;
        item.name = partName(source, node);
        const std::string label = item.name.empty() ? "mesh " + std::to_string(out_.size() + 1) : item.name;
        const FaceScan scan = scanFaces(source, label);
        if (scan.triangles == 0) return;
        triangles_ += scan.triangles;
        if (triangles_ > limits_.maxTriangles)
            throw ModelImportError(
                path_, "more than " + std::to_string(limits_.maxTriangles) + " triangles; simplify the model before opening it");
        item.mesh = surfaceOf(source, scan);
        place(item.mesh, world);
        item.fileColour = colourOf(source);
        out_.push_back(std::move(item));
    }

    // The node's name, else the mesh's, else none (the scene then names the part by number).
    static std::string partName(const aiMesh& source, const aiNode& node) {
        if (!isGeneratedName(node.mName.C_Str())) return node.mName.C_Str();
        if (!isGeneratedName(source.mName.C_Str())) return source.mName.C_Str();
        return "";
    }

    struct FaceScan {
        std::size_t triangles = 0;
        // Triangle i uses vertices 3i, 3i+1, 3i+2: a "soup" (every STL, many OBJ), which needs no
        // index array at all.
        bool soup = false;
    };

    // Counts the triangles (and the points and lines the viewer skips) and checks every index.
    FaceScan scanFaces(const aiMesh& source, const std::string& label) {
        FaceScan scan;
        scan.soup = source.mNumVertices == 3ull * source.mNumFaces;
        for (unsigned f = 0; f < source.mNumFaces; ++f) {
            const aiFace& face = source.mFaces[f];
            if (face.mNumIndices != 3) {
                (face.mNumIndices == 1 ? points_ : lines_) += face.mNumIndices <= 2 ? 1 : 0;
                scan.soup = false;
                continue;
            }
            ++scan.triangles;
            for (unsigned k = 0; k < 3; ++k) {
                if (face.mIndices[k] >= source.mNumVertices)
                    throw ModelImportError(path_, "face " + std::to_string(f) + " of mesh '" + label + "' uses vertex index " +
                                                      std::to_string(face.mIndices[k]) + " but the mesh has only " +
                                                      std::to_string(source.mNumVertices));
                scan.soup = scan.soup && face.mIndices[k] == 3 * f + k;
            }
        }
        return scan;
    }

    // The triangles in the file's order, as an index array (empty for a soup).
    static std::vector<std::uint32_t> triangleIndices(const aiMesh& source, const FaceScan& scan) {
        std::vector<std::uint32_t> indices;
        if (scan.soup) return indices;
        indices.reserve(scan.triangles * 3);
        for (unsigned f = 0; f < source.mNumFaces; ++f)
            if (const aiFace& face = source.mFaces[f]; face.mNumIndices == 3)
                indices.insert(indices.end(), face.mIndices, face.mIndices + 3);
        return indices;
    }

    // Shared vertices and normals, in the file's frame: the file's own normals where it has real
    // ones, else smooth normals with sharp creases.
    static MeshData surfaceOf(const aiMesh& source, const FaceScan& scan) {
        std::vector<std::uint32_t> indices = triangleIndices(source, scan);
        const auto positions = asVec3(source.mVertices, source.mNumVertices);
        if (!source.mNormals || facetNormalsOnly(source, scan.soup)) return weldWithCreaseNormals(positions, indices);
        const auto normals = asVec3(source.mNormals, source.mNumVertices);
        MeshData mesh;
        if (scan.soup) {
            mesh = weldKeepingNormals(positions, normals, indices);
        } else {  // already shared vertices with their own normals (glTF): taken as they are
            mesh.positions.assign(positions.begin(), positions.end());
            mesh.normals.assign(normals.begin(), normals.end());
            mesh.indices = std::move(indices);
        }
        fillMissingNormals(mesh);
        return mesh;
    }

    // Vertex colours first (a painted scan), then the material; Assimp's stand-in material for
    // files without one does not count. Colours other than glTF's are sRGB, as their authors saw them.
    std::optional<glm::vec3> colourOf(const aiMesh& mesh) const {
        const bool gltf = lowercase(path_.extension().string()).starts_with(".gl");
        auto linear = [&](glm::vec3 c) { return gltf ? c : linearFromSrgb(c); };
        if (mesh.mColors[0] && mesh.mNumVertices > 0) {
            glm::dvec3 sum(0.0);
            for (unsigned v = 0; v < mesh.mNumVertices; ++v) sum += glm::dvec3(mesh.mColors[0][v].r, mesh.mColors[0][v].g, mesh.mColors[0][v].b);
            return linear(glm::clamp(glm::vec3(sum / static_cast<double>(mesh.mNumVertices)), 0.0f, 1.0f));
        }
        if (mesh.mMaterialIndex >= scene_.mNumMaterials) return std::nullopt;
        const aiMaterial& material = *scene_.mMaterials[mesh.mMaterialIndex];
        aiString name;
        if (material.Get(AI_MATKEY_NAME, name) == AI_SUCCESS && std::string_view(name.C_Str()) == AI_DEFAULT_MATERIAL_NAME) return std::nullopt;
        aiColor4D colour;
        if (material.Get(AI_MATKEY_BASE_COLOR, colour) == AI_SUCCESS || material.Get(AI_MATKEY_COLOR_DIFFUSE, colour) == AI_SUCCESS)
            return linear(glm::clamp(glm::vec3(colour.r, colour.g, colour.b), 0.0f, 1.0f));
        return std::nullopt;
    }

    // STL (and flat-shaded soups) repeat each facet's normal on its three corners: that is no
    // shading the author chose, and smooth normals with sharp creases show the surface better.
    static bool facetNormalsOnly(const aiMesh& mesh, bool soup) {
        if (!soup) return false;
        for (unsigned v = 0; v + 2 < mesh.mNumVertices; v += 3)
            if (!(mesh.mNormals[v] == mesh.mNormals[v + 1]) || !(mesh.mNormals[v] == mesh.mNormals[v + 2])) return false;
        return true;
    }

    // Applies the node's transform; normals by the inverse transpose, winding kept outward when
    // the transform mirrors.
    static void place(MeshData& mesh, const glm::mat4& world) {
        const glm::mat3 linear(world);
        const glm::mat3 normalMatrix = glm::inverseTranspose(linear);
        const glm::vec3 offset(world[3]);
        mesh.bounds = {};
        for (glm::vec3& p : mesh.positions) {
            p = linear * p + offset;
            mesh.bounds.include(p);
        }
        for (glm::vec3& n : mesh.normals) {
            const glm::vec3 turned = normalMatrix * n;
            const float length = glm::length(turned);
            n = (std::isfinite(length) && length > 1e-12f) ? turned / length : glm::vec3(0.0f, 1.0f, 0.0f);
        }
        if (glm::determinant(linear) < 0.0f)
            for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
    }

    const aiScene& scene_;
    const std::filesystem::path& path_;
    const ImportLimits& limits_;
    std::size_t triangles_ = 0, points_ = 0, lines_ = 0;
    std::vector<ImportedMesh> out_;
};

// A part with no vertices or no faces (an ASCII STL "solid" with no facets) fails Assimp's
// validation and would take the good parts down with it: it is removed, and said once.
std::vector<std::string> removeEmptyMeshes(aiScene& scene) {
    std::vector<std::string> removed;
    std::vector<int> newIndex(scene.mNumMeshes, -1);
    unsigned kept = 0;
    for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
        aiMesh* mesh = scene.mMeshes[m];
        if (mesh && mesh->mNumVertices > 0 && mesh->mNumFaces > 0 && mesh->mVertices && mesh->mFaces) {
            newIndex[m] = static_cast<int>(kept);
            scene.mMeshes[kept++] = mesh;
        } else {
            removed.push_back(mesh && mesh->mName.length ? mesh->mName.C_Str() : "mesh " + std::to_string(m + 1));
            delete mesh;
        }
    }
    if (removed.empty()) return removed;
    scene.mNumMeshes = kept;
    std::vector<aiNode*> stack{scene.mRootNode};
    while (!stack.empty()) {
        aiNode* node = stack.back();
        stack.pop_back();
        if (!node) continue;
        unsigned count = 0;
        for (unsigned i = 0; i < node->mNumMeshes; ++i)
            if (node->mMeshes[i] < newIndex.size() && newIndex[node->mMeshes[i]] >= 0)
                node->mMeshes[count++] = static_cast<unsigned>(newIndex[node->mMeshes[i]]);
        node->mNumMeshes = count;
        for (unsigned i = 0; i < node->mNumChildren; ++i) stack.push_back(node->mChildren[i]);
    }
    return removed;
}

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

// A MuJoCo or OpenSim model file names meshes and places them; it is not a mesh itself (Assimp
// would read a MuJoCo .xml as an empty scene: "the file has no surfaces").
void refuseModelDescription(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const char* kind = head.find("<mujoco") != std::string::npos           ? "a MuJoCo model"
                       : head.find("<OpenSimDocument") != std::string::npos ? "an OpenSim model"
                                                                             : nullptr;
    if (kind)
        throw ModelImportError(path, std::string("this is ") + kind +
                                         ", which places meshes but holds none; open its mesh files with a --model-set "
                                         "manifest that names each one's structure (models/README.md)");
}

}  // namespace

glm::vec3 linearFromSrgb(glm::vec3 c) {
    for (int i = 0; i < 3; ++i) c[i] = c[i] <= 0.04045f ? c[i] / 12.92f : std::pow((c[i] + 0.055f) / 1.055f, 2.4f);  // IEC 61966-2-1
    return c;
}

ImportedModel readModelFile(const std::filesystem::path& path, const ImportLimits& limits) {
    checkReadable(path, limits);

    Assimp::Importer importer;
    const std::string extension = lowercase(path.extension().string());
    if (extension == ".xml" || extension == ".osim") refuseModelDescription(path);
    if (extension.empty() || !importer.IsExtensionSupported(extension))
        throw ModelImportError(path, "unsupported file type '" + path.extension().string() +
                                         "' (use glTF .glb/.gltf, OBJ, STL or PLY)");
    if (extension == ".stl")
        if (auto model = readBinaryStl(path, limits)) return std::move(*model);
    FileRepair repair;
    if (extension == ".glb" || extension == ".gltf") repair = checkGltfFile(path, readAll(path));
    else if (extension == ".obj") repair = checkObjFile(path, readAll(path));
    if (repair.bytes) importer.SetIOHandler(new RepairedFileSystem(path.string(), std::move(*repair.bytes)));

    // Validation waits until empty parts are gone; joining, normals and the rest are done here
    // (mesh_weld), in linear time and memory, instead of by Assimp's post-processing.
    const aiScene* scene = importer.ReadFile(path.string(), 0);
    if (!scene) throw ModelImportError(path, describeImporterError(importer.GetErrorString(), path));
    if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene->mRootNode)
        throw ModelImportError(path, "the file has no surfaces");
    std::vector<std::string> warnings = std::move(repair.warnings);
    if (const auto removed = removeEmptyMeshes(*const_cast<aiScene*>(scene)); !removed.empty()) {
        std::string names;
        for (const std::string& name : removed) names += (names.empty() ? "'" : ", '") + name + "'";
        warnings.push_back("skipped " + std::to_string(removed.size()) + (removed.size() == 1 ? " empty part " : " empty parts ") + names);
    }
    if (scene->mNumMeshes == 0) throw ModelImportError(path, "the file has no surfaces");
    scene = importer.ApplyPostProcessing(aiProcess_ValidateDataStructure);
    if (!scene) throw ModelImportError(path, describeImporterError(importer.GetErrorString(), path));
    // Checked before triangulation, which would quietly drop NaN vertices and hide a broken file.
    rejectNonFiniteVertices(*scene, path);
    scene = importer.ApplyPostProcessing(aiProcess_Triangulate);
    if (!scene) throw ModelImportError(path, describeImporterError(importer.GetErrorString(), path));
    ImportedModel model = SceneFlattener(*scene, path, limits).flatten();
    warnings.insert(warnings.end(), model.warnings.begin(), model.warnings.end());
    model.warnings = std::move(warnings);
    return model;
}

std::vector<ImportedMesh> importModel(const std::filesystem::path& path, const ImportLimits& limits) {
    return readModelFile(path, limits).meshes;
}

}  // namespace psoas
