#pragma once
// What the viewer shows: a list of structures, each a mesh with its atlas description.
// Built from an atlas (the built-in model set) or from a user's mesh files and folders (--model).

#include "core/atlas.hpp"
#include "core/mesh.hpp"
#include "core/model_import.hpp"
#include "core/mesh_set.hpp"
#include "core/model_orientation.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace psoas {

struct SceneStructure {
    StructureInfo info;
    MeshData mesh;  // scene frame, atlas transform applied
};

// How a --model scene's files were placed: what was asked, the units used (a guess for `auto`), and
// the bounds of all files together in file units (what `auto` guesses from). Lets the scene be
// turned again without reading the files (turnModelScene).
struct ModelPlacement {
    std::string name;  // the title's first line: the file's name, or "N files"
    ModelOrientation orientation;
    LengthUnit units = LengthUnit::Metre;
    Bounds fileBounds;
};

struct Scene {
    std::string title;               // may hold several lines: a --model scene adds what it assumed
    std::vector<std::string> notes;  // what loading assumed or how it placed the files, one line each, for stderr
    // What the files held that the viewer left out, one line each ("cube.obj: skipped 1 line element
    // with one vertex …"), for stderr too: the viewer also says the first when the files are opened.
    std::vector<std::string> leftOut;
    bool standIn = false;
    std::vector<SceneStructure> structures;
    std::vector<Joint> joints;  // the atlas's, for the pose model; none for a --model file
    Bounds bounds;
    std::optional<ModelPlacement> placement;  // set for a --model scene only

    [[nodiscard]] std::size_t triangleCount() const;
    [[nodiscard]] int findStructure(std::string_view id) const;  // index, or -1
};

// Loads every mesh the atlas names. Throws ModelImportError naming the first mesh that fails.
Scene loadScene(const Atlas& atlas, const ImportLimits& limits = {});

// The user's own files, as given with --model.
struct ModelRequest {
    std::vector<std::filesystem::path> paths;  // files and folders (a folder: its mesh files, sorted, recursively)
    ModelOrientation orientation;
    bool fileColours = false;  // --file-colours: each part in its colour from the file (ImportedMesh::fileColour) where it has one
};

// One structure per part of each file, named from the file and node names and unique ("femur.stl",
// "spine.glb: L3", unnamed parts "spine.glb: part 2"), coloured distinctly, turned and scaled into
// the scene frame (metres, Y up, Z anterior). Throws ModelImportError for the first file that
// cannot be shown, or a folder holding no mesh files.
Scene loadModelScene(const ModelRequest& request, const ImportLimits& limits = {});
Scene loadModelScene(const std::filesystem::path& file, const ImportLimits& limits = {});

// The same --model scene placed by `orientation` instead (the window's Orientation panel): every
// position and normal turned and scaled from the old placement to the new one, the title and the
// assumed-units note redone; the files are not read again. Equal, to float rounding, to
// loadModelScene with that orientation. Preconditions: scene.placement is set (std::invalid_argument
// otherwise) and orientationProblem(orientation) is "".
Scene turnModelScene(Scene scene, const ModelOrientation& orientation);

// The atlas's scene with each part of the set in place of the structure it stands for (--model-set):
// the part's file merged, turned and scaled by its units and axes, placed, then fitted rigidly onto
// the built-in mesh it replaces (core/surface_registration.hpp; the placement is where the fit
// starts). The part keeps its own size and shape; the atlas's joints, muscles, lessons and names
// apply unchanged, its landmarks on that surface and the attachment areas painted on it move to the
// nearest point of the part. `notes` gets one line per part with the fit's RMS error (mm), and one
// line per bone naming areas that lie farther off the part than their own radius. Structures the
// set does not name stay built-in. Throws ModelImportError for a file that cannot be read.
Scene loadMeshSetScene(const MeshSet& set, const Atlas& atlas, const ImportLimits& limits = {});

// The atlas at `atlasFile`, with the mesh set at `meshSet` in place of its structures when that is
// not empty. Throws DataFileError for a bad atlas or manifest, ModelImportError for a bad mesh.
Scene loadAtlasScene(const std::filesystem::path& atlasFile, const std::filesystem::path& meshSet = {}, const ImportLimits& limits = {});

// The mesh files a folder holds, sorted by path (glTF, OBJ, STL, PLY, OFF, COLLADA, FBX, 3DS).
std::vector<std::filesystem::path> modelFilesIn(const std::filesystem::path& folder);

// Merges meshes into one, applying the transform; exposed for tests.
MeshData mergeMeshes(const std::vector<ImportedMesh>& parts, const MeshTransform& transform);

}  // namespace psoas
