#pragma once
// Where the program finds its data and where it may write: the built-in models next to the
// executable (installed or build tree), the user's config and picture folders (XDG). Nothing is
// ever written to the working directory.

#include <filesystem>
#include <string>

namespace psoas::app {

// The folder holding models/ (and later lessons/), found relative to the executable so an
// installed copy runs from any directory.
std::filesystem::path dataDirectory();

// $XDG_CONFIG_HOME/psoas-atlas (default ~/.config/psoas-atlas); created on demand by callers.
std::filesystem::path configDirectory();

// $XDG_DATA_HOME/psoas-atlas (default ~/.local/share/psoas-atlas): the teacher's own lessons live
// in its lessons/ folder.
std::filesystem::path userDataDirectory();

// Where F12 screenshots go: $XDG_PICTURES_DIR, else ~/Pictures, else the home folder.
std::filesystem::path picturesDirectory();

// A new picture's path in picturesDirectory(): "psoas-atlas-YYYYmmdd-HHMMSS" (local time) + `ending`.
std::filesystem::path timestampedPicture(const std::string& ending);

}  // namespace psoas::app
