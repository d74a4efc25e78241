#pragma once
// Runs a piece of a test without root's power to ignore file modes, so a permission test gets its
// refusal from the mode it set (a read-only config folder, an unreadable lesson folder) whoever runs
// the suite: as root, in a forked child that became `nobody` (uid/gid 65534); as anyone else, in
// place, since an ordinary user already meets the modes of their own files.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace psoas::test {

// The text `work` returns, or nullopt when the child could not become nobody or died (the reason
// then goes to the test log as a failure).
std::optional<std::string> runWithoutRoot(const std::function<std::string()>& work);

// Sets a file or folder's mode for the life of the object and gives the old mode back after, so the
// test's temporary folder can always be deleted.
class ScopedMode {
public:
    ScopedMode(std::filesystem::path path, std::filesystem::perms mode);
    ~ScopedMode();
    ScopedMode(const ScopedMode&) = delete;
    ScopedMode& operator=(const ScopedMode&) = delete;

private:
    std::filesystem::path path_;
    std::filesystem::perms old_;
};

}  // namespace psoas::test
