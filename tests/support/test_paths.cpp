#include "support/test_paths.hpp"

#include <atomic>
#include <string>
#include <unistd.h>

namespace psoas::test {

std::filesystem::path dataFile(const std::string& name) { return std::filesystem::path(PSOAS_TEST_DATA_DIR) / name; }

std::filesystem::path outputDirectory() {
    const std::filesystem::path dir = PSOAS_TEST_OUTPUT_DIR;
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path temporaryDirectory() {
    static std::atomic<int> counter{0};
    const auto dir = outputDirectory() / "tmp" / (std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace psoas::test
