#pragma once
// A mesh set: a teacher's TOML manifest naming their own mesh files, each file's units and axes,
// its placement, and the atlas structure it stands for (issue 18). --model-set shows the atlas's
// scene with the set's meshes fitted in place of the structures they stand for (loadMeshSetScene in
// core/scene.hpp), so lessons, labels, painted areas and motion work on them.
//
//   [mesh_set]
//   name = "My lumbar spine"
//   units = "m"               # auto | mm | cm | m, for every part unless a part says otherwise
//   up = "+Y"                 # the files' up axis
//   forward = "+X"            # the files' anterior axis
//   [[part]]
//   file = "meshes/lumbar3.stl"    # relative to this manifest
//   structure = "l3"               # an atlas structure id
//   translate = [0.0, 0.11, -0.02] # metres, scene frame, after units and axes: where the fit starts
//   rotate = [0.0, 0.0, 0.0]       # degrees about X, then Y, then Z (scene frame)

#include "core/atlas.hpp"
#include "core/model_orientation.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

struct MeshSetPart {
    std::filesystem::path file;    // absolute, resolved against the manifest's folder
    std::string structure;         // atlas structure id, checked against the atlas
    ModelOrientation orientation;  // the part's own, else the set's
    MeshTransform placement;       // scale stays 1: units carry the size
};

struct MeshSet {
    std::filesystem::path file;
    std::string name;
    std::vector<MeshSetPart> parts;
};

// Throws DataFileError listing every problem with file:line:col: TOML syntax, unknown keys (with
// "did you mean"), a missing file, an unknown structure id (with "did you mean" among
// `structureIds`), a structure given twice, bad units, a bad axis, up and forward on one axis.
MeshSet parseMeshSet(std::string_view text, const std::filesystem::path& file, const std::vector<std::string>& structureIds);
MeshSet loadMeshSet(const std::filesystem::path& file, const std::vector<std::string>& structureIds);

}  // namespace psoas
