#pragma once
// Binary STL, read straight into one position array. Segmented CT/MRI surfaces come as binary STL
// of 1-5 million triangles; Assimp 5.2's reader allocates a face record per triangle and stores a
// normal per corner, which at 4 M triangles cost more time and memory than F3D's whole run.
// ASCII STL and every other format still go through Assimp.

#include "core/model_import.hpp"

#include <filesystem>
#include <optional>

namespace psoas {

// None when the file is an ASCII STL (its size is not 84 + 50 x the triangle count a binary header
// would state, and it starts with "solid"); else its triangles, joined with crease normals (the facet normals are not used: they are
// recomputed from the corners, as for every STL). Throws ModelImportError on a non-finite
// coordinate, too many triangles, a read error, or a file that is neither (a text file renamed
// .stl, a binary STL cut short): said in the viewer's words, with the sizes that do not agree.
[[nodiscard]] std::optional<ImportedModel> readBinaryStl(const std::filesystem::path& path, const ImportLimits& limits);

}  // namespace psoas
