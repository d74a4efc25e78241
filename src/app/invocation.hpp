#pragma once
// How the user started this program, written so that a command the program suggests (the headless
// hint, --help's footer) works when pasted where they are: `./run` before installation, the
// installed name after `cmake --install`, a path with spaces quoted.

#include <string>

namespace psoas::app {

// `PSOAS_ATLAS_COMMAND` when set (./run sets it to the path it was started by), else `argv0` as
// typed: a bare name was found on PATH, a path works from the same folder. Quoted for a POSIX
// shell when it holds anything but letters, digits and `/._+-`.
std::string commandAsTyped(const char* argv0);

// The one-line hint for a machine without a display, naming `command`.
std::string headlessHint(const std::string& command);

}  // namespace psoas::app
