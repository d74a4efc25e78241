#pragma once
#include <filesystem>

namespace psoas::test {
std::filesystem::path dataFile(const std::string& name);  // tests/data/NAME
std::filesystem::path outputDirectory();                   // build/tests/output, created on demand
std::filesystem::path temporaryDirectory();                // a fresh folder per call, under output
}  // namespace psoas::test
