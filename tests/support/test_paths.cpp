#include "support/test_paths.hpp"

#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>

namespace psoas::test {

namespace fs = std::filesystem;

fs::path sourceDirectory() { return PSOAS_SOURCE_DIR; }
fs::path binaryDirectory() { return PSOAS_BINARY_DIR; }
fs::path executable() { return PSOAS_EXECUTABLE; }
fs::path baselineDirectory() { return PSOAS_BASELINE_DIR; }
fs::path dataFile(const std::string& name) { return fs::path(PSOAS_TEST_DATA_DIR) / name; }

fs::path outputDirectory() {
    const fs::path dir = PSOAS_TEST_OUTPUT_DIR;
    fs::create_directories(dir);
    return dir;
}

namespace {
constexpr fs::perms kEnterable = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec;

// Gives every folder below `top` its owner's rights back, then deletes the lot: a test that failed
// half-way may have left a folder read-only or unreadable.
void removeTree(const fs::path& top) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(top, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory(ec) && !it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(top, ec);
}

// Never destroyed: the exit handler that deletes it runs after static destructors would have.
const fs::path& processFolder() {
    static const fs::path* const folder = [] {
        std::string pattern = (fs::temp_directory_path() / "psoas-atlas-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot make a temporary folder from " + pattern);
        fs::permissions(pattern, kEnterable);  // mkdtemp makes it 0700; `nobody` must be able to enter
        auto* made = new fs::path(pattern);
        std::atexit([] { removeTree(processFolder()); });
        return made;
    }();
    return *folder;
}
}  // namespace

fs::path temporaryDirectory() {
    static std::atomic<int> counter{0};
    const fs::path dir = processFolder() / std::to_string(counter++);
    fs::create_directories(dir);
    fs::permissions(dir, kEnterable);
    return dir;
}

}  // namespace psoas::test
