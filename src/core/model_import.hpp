#pragma once
// Reads mesh files (glTF 2.0 .glb/.gltf preferred; OBJ, STL, PLY and the rest of Assimp's formats
// accepted) into plain meshes, defending against every kind of bad file: a teacher will open odd
// downloads, and the viewer must answer with one clear reason instead of crashing or hanging.

#include "core/mesh.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace psoas {

// A file that cannot be shown. what() is the reason alone (for a text format it begins
// "line N: "); path() says which file.
class ModelImportError : public std::runtime_error {
public:
    ModelImportError(std::filesystem::path path, const std::string& reason)
        : std::runtime_error(reason), path_(std::move(path)) {}
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct ImportLimits {
    // 256 MiB and 5 million triangles: far beyond any anatomy mesh a class needs, well inside what
    // a school PC's memory holds. Larger files are refused with a message instead of exhausting RAM.
    std::uintmax_t maxFileBytes = 256ull << 20;
    std::size_t maxTriangles = 5'000'000;
    int maxNodeDepth = 64;  // deeper node graphs are refused: no real anatomy model nests that deep
};

struct ImportedMesh {
    std::string name;  // node or mesh name from the file; empty when the file gives none
    MeshData mesh;     // in the file's units and axes, node transforms applied
    // The part's colour in the file, linear RGB 0..1: the mean of its vertex colours (PLY) or face
    // colours (binary STL), else its material's base or diffuse colour; none when the file has none.
    std::optional<glm::vec3> fileColour;
};

struct ImportedModel {
    std::vector<ImportedMesh> meshes;   // only parts with triangles; never empty
    std::vector<std::string> warnings;  // what was ignored (points and lines, malformed materials, empty parts), one line each
};

// Reads every triangle of the file. Vertices that share a position share a vertex; files without
// normals (and STL, whose normals are per facet) get smooth normals that stay sharp across edges
// steeper than kCreaseAngleDegrees (core/mesh_weld.hpp). Cost is linear in the triangle count.
// Throws ModelImportError when the file is missing, unreadable, too large, not a supported format,
// corrupt, has no surfaces ("the file has no surfaces", also when it holds only points or lines),
// or has non-finite coordinates or out-of-range indices.
ImportedModel readModelFile(const std::filesystem::path& path, const ImportLimits& limits = {});

// sRGB colour (as a file's author saw it on screen) to the linear RGB the renderer lights.
[[nodiscard]] glm::vec3 linearFromSrgb(glm::vec3 srgb);

// readModelFile without the warnings.
std::vector<ImportedMesh> importModel(const std::filesystem::path& path, const ImportLimits& limits = {});

}  // namespace psoas
