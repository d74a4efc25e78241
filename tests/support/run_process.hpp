#pragma once
// Runs the psoas-atlas executable as a user would, capturing exit code and output.

#include <string>
#include <vector>

namespace psoas::test {

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// `unsetDisplay` runs it as on a machine with no display at all; `environment` adds NAME=VALUE
// variables.
ProcessResult runAtlas(const std::vector<std::string>& arguments, bool unsetDisplay = false,
                       const std::vector<std::string>& environment = {});

}  // namespace psoas::test
