#pragma once
#include <filesystem>
#include <string>

// Where the checkout and the build are. The folders are compile definitions of test_paths.cpp alone:
// a definition holding the checkout's absolute path on every test source would keep ccache from
// sharing the objects of two checkouts (CI builds in three folders; see the top CMakeLists.txt).
namespace psoas::test {
std::filesystem::path sourceDirectory();    // the checkout (models/, lessons/, src/ under it)
std::filesystem::path binaryDirectory();    // the build folder (build/, build-asan/, ...)
std::filesystem::path executable();         // the psoas-atlas program of this build
std::filesystem::path baselineDirectory();  // tests/baselines
std::filesystem::path dataFile(const std::string& name);  // tests/data/NAME
std::filesystem::path outputDirectory();                   // build/tests/output (images to look at), created on demand
// A fresh folder per call, in this process's own folder under the system's temporary directory
// ($TMPDIR or /tmp), never under the checkout: a checkout in a 0700 home folder is out of reach of
// the `nobody` that permission tests run as. Mode 0755, so `nobody` may enter but not write. The
// process's folder is deleted when the test program exits.
std::filesystem::path temporaryDirectory();
}  // namespace psoas::test
