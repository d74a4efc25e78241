#include "app/user_paths.hpp"

#include <cstdlib>
#include <ctime>
#include <system_error>

namespace psoas::app {

namespace {
std::filesystem::path fromEnvironment(const char* name) {
    const char* value = std::getenv(name);
    return (value && *value) ? std::filesystem::path(value) : std::filesystem::path();
}

std::filesystem::path homeDirectory() {
    std::filesystem::path home = fromEnvironment("HOME");
    return home.empty() ? std::filesystem::temp_directory_path() : home;
}

std::filesystem::path executableDirectory() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : self.parent_path();
}
}  // namespace

std::filesystem::path dataDirectory() {
    const std::filesystem::path exe = executableDirectory();
    // Installed: <prefix>/bin/psoas-atlas with data in <prefix>/share/psoas-atlas.
    // Build tree: the source folder, known at configure time.
    for (const auto& candidate : {exe / "../share/psoas-atlas", exe, std::filesystem::path(PSOAS_SOURCE_DATA_DIR)}) {
        std::error_code ec;
        if (!candidate.empty() && std::filesystem::exists(candidate / "models" / "atlas.toml", ec))
            return std::filesystem::weakly_canonical(candidate, ec);
    }
    return PSOAS_SOURCE_DATA_DIR;
}

std::filesystem::path configDirectory() {
    std::filesystem::path base = fromEnvironment("XDG_CONFIG_HOME");
    if (base.empty()) base = homeDirectory() / ".config";
    return base / "psoas-atlas";
}

std::filesystem::path userDataDirectory() {
    std::filesystem::path base = fromEnvironment("XDG_DATA_HOME");
    if (base.empty()) base = homeDirectory() / ".local" / "share";
    return base / "psoas-atlas";
}

std::filesystem::path picturesDirectory() {
    std::error_code ec;
    for (const auto& candidate : {fromEnvironment("XDG_PICTURES_DIR"), homeDirectory() / "Pictures"})
        if (!candidate.empty() && std::filesystem::is_directory(candidate, ec)) return candidate;
    return homeDirectory();
}

std::filesystem::path timestampedPicture(const std::string& ending) {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "psoas-atlas-%Y%m%d-%H%M%S", &local);
    return picturesDirectory() / (stamp + ending);
}

}  // namespace psoas::app
