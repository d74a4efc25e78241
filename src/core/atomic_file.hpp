#pragma once
// Files the program writes for the teacher (settings, window layout, pictures, handouts) are
// written whole or not at all: a full disk, a read-only folder or a power cut must never leave a
// half-written file in place of a good one.

#include <filesystem>
#include <string>
#include <string_view>

namespace psoas {

// Writes `bytes` to FILE.partial, flushes it to the disk, then renames it over `file`. On any
// failure the partial file is removed, `file` keeps its old contents, and the system's reason comes
// back ("No space left on device", "Permission denied"); the caller names the file. "" on success.
std::string writeFileAtomically(const std::filesystem::path& file, std::string_view bytes);

// The same, with the failure told as one sentence that names the file and says nothing was lost:
// "cannot write F (No space left on device); the file on disk is unchanged".
std::string saveWholeFile(const std::filesystem::path& file, std::string_view bytes);

}  // namespace psoas
