#pragma once
// What the viewer shows: a list of structures, each a mesh with its atlas description.
// Built from an atlas (the built-in model set) or from any single mesh file (--model).

#include "core/atlas.hpp"
#include "core/mesh.hpp"
#include "core/model_import.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace psoas {

struct SceneStructure {
    StructureInfo info;
    MeshData mesh;  // scene frame, atlas transform applied
};

struct Scene {
    std::string title;
    bool standIn = false;
    std::vector<SceneStructure> structures;
    std::vector<Joint> joints;  // the atlas's, for the pose model; none for a --model file
    Bounds bounds;

    [[nodiscard]] std::size_t triangleCount() const;
    [[nodiscard]] int findStructure(std::string_view id) const;  // index, or -1
};

// Loads every mesh the atlas names. Throws ModelImportError naming the first mesh that fails.
Scene loadScene(const Atlas& atlas, const ImportLimits& limits = {});

// One structure per mesh in the file, coloured in turn, so any model can be explored.
Scene loadModelScene(const std::filesystem::path& file, const ImportLimits& limits = {});

// Merges meshes into one, applying the transform; exposed for tests.
MeshData mergeMeshes(const std::vector<ImportedMesh>& parts, const MeshTransform& transform);

}  // namespace psoas
