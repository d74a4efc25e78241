#include "core/settings_store.hpp"

namespace psoas {

LoadedSettings SettingsStore::load() const { return keeping() ? loadSettings(file_) : LoadedSettings{}; }

std::string SettingsStore::save(const Settings& settings) {
    if (!keeping()) return "";
    std::string problem = saveSettings(settings, file_);
    if (problem.empty() && written_) written_();
    const bool told = problem == problem_;
    problem_ = problem;
    return problem.empty() || told ? "" : "Settings not saved: " + problem;
}

std::string SettingsStore::saveOnStepChange(std::uint64_t stepRevision, const Settings& settings) {
    if (stepRevision == savedStep_) return "";
    savedStep_ = stepRevision;
    return save(settings);
}

}  // namespace psoas
