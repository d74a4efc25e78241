#pragma once
// Looks at a glTF or OBJ file before Assimp reads it: refuses what would crash or mislead Assimp
// 5.2 with a reason that names the place, and repairs what only the importer's strictness refuses
// while the geometry is intact (an OBJ normal index 0, a glTF material value of the wrong type).
// Internal to model_import.cpp; a header so the checks can be tested on their own.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace psoas {

struct FileRepair {
    std::optional<std::string> bytes;   // the repaired file for Assimp to read instead; none: read as is
    std::vector<std::string> warnings;  // what the repair ignored, one line each, said once per file
};

// glTF 2.0 (.gltf or .glb, whole file in `bytes`): every index from one table into another must
// exist (Assimp 5.2 follows them unchecked, found by fuzzing), else ModelImportError. Materials,
// textures and images are dropped with one warning when any of them is malformed (the viewer colours
// structures itself), and so are vertex attributes Assimp would refuse (unknown names, gaps in
// TEXCOORD_n / COLOR_n numbering). glTF 1.0 files pass untouched to Assimp's glTF 1 reader.
FileRepair checkGltfFile(const std::filesystem::path& path, const std::string& bytes);

// OBJ (whole file in `bytes`), read as Assimp 5.2's reader splits and dispatches lines (a line
// ends at "\n", "\r\n" or "\r"; a trailing backslash joins the next; a line starting with f, l or
// p is an element): a control character, an index 0 or past the end, or a corner that is not
// vertex[/texture[/normal]] is refused as "line N: …" (ModelImportError). A texture or normal
// index 0 (Cinema 4D writes `f 1/1/0`) means "none", so those components are dropped from every
// element and the normals are computed from the surface. Elements too short to be one (a line
// with one vertex: Assimp 5.2 writes past its arrays on it) and statements Assimp would misread as
// elements ("lod 1") are left out with one warning. Whenever Assimp's reading could differ from
// this one the repair holds a rewritten file in the plain form (one statement a line, no
// comments after elements, no line joins).
FileRepair checkObjFile(const std::filesystem::path& path, const std::string& bytes);

}  // namespace psoas
