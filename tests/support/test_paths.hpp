#pragma once
#include <filesystem>
#include <string>

namespace psoas::test {
std::filesystem::path dataFile(const std::string& name);  // tests/data/NAME
std::filesystem::path outputDirectory();                   // build/tests/output (images to look at), created on demand
// A fresh folder per call, in this process's own folder under the system's temporary directory
// ($TMPDIR or /tmp), never under the checkout: a checkout in a 0700 home folder is out of reach of
// the `nobody` that permission tests run as. Mode 0755, so `nobody` may enter but not write. The
// process's folder is deleted when the test program exits.
std::filesystem::path temporaryDirectory();
}  // namespace psoas::test
