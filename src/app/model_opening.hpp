#pragma once
// Opening a teacher's own files in the running window (dropped onto it, or typed into the panel's
// "Open files or a folder" field): the paths become the same request the command line builds
// (--model FILE|DIR…, or --model-set FILE.toml), and the application replaces its scene with it
// (Application::openScene, model_opening.cpp). Plain values here, tested on the CPU.

#include "core/scene.hpp"

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace psoas::app {

// Which scene to show: the user's mesh files (as --model), or the built-in atlas with a mesh set in
// place of its structures (as --model-set; an empty path: the built-in model set alone).
struct SceneSource {
    std::optional<ModelRequest> model;
    std::filesystem::path meshSet;
};

// The paths typed into the panel's field: separated by ';' or new lines, each trimmed of spaces and
// of the quotes a file manager's "copy path" adds ('…' or "…"); a file:// URI (what a file manager
// pastes) becomes its path, %XX decoded; a leading ~/ is the home folder ($HOME). Empty pieces are
// dropped.
[[nodiscard]] std::vector<std::filesystem::path> pathsFromText(std::string_view text);

// The scene that opening `paths` asks for: a single .toml file is a mesh set manifest; anything
// else is the user's mesh files and folders, turned by `orientation` (the one in use, so a teacher
// who set up their Z-up files opens the next ones the same way). Throws ModelImportError when there
// is nothing to open, or when a .toml (a mesh set or a lesson) comes with model files. Whether
// the files can be read is for loading to say.
[[nodiscard]] SceneSource sceneSourceFor(const std::vector<std::filesystem::path>& paths, const ModelOrientation& orientation);

// One line for the status bar and the terminal on why a scene could not be opened: the message of
// a ModelImportError (`error: FILE: reason`), of a DataFileError (its first `file:line:col: …`),
// or of anything else (`error: reason`). Call inside a catch block; rethrows nothing.
[[nodiscard]] std::string openFailureLine(const std::exception_ptr& failure);

}  // namespace psoas::app
