#pragma once
// Where the viewer keeps its settings while it runs: saved when the teacher changes something and
// each time a lesson step is reached (a crash or power cut mid-class loses nothing), with a failed
// save told once per reason instead of every step.

#include "core/settings.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace psoas {

class SettingsStore {
public:
    // An empty file keeps nothing: screenshots, exports and tests never read or write settings.
    // `written` is called after each save that wrote the file (a browser page then copies it to
    // its lasting storage, app/platform.hpp keepUserFiles); not after a failed save.
    explicit SettingsStore(std::filesystem::path file = {}, std::function<void()> written = {})
        : file_(std::move(file)), written_(std::move(written)) {}

    [[nodiscard]] bool keeping() const { return !file_.empty(); }
    // The saved settings (defaults and a warning when the file is damaged; defaults when absent).
    [[nodiscard]] LoadedSettings load() const;
    // Saves now. Returns a line for the teacher the first time a save fails for a reason, else "".
    std::string save(const Settings& settings);
    // Saves when the lesson step reached (`stepRevision`, LessonPlayer::revision) is not the one last
    // saved; the same return as save().
    std::string saveOnStepChange(std::uint64_t stepRevision, const Settings& settings);
    // The step the viewer opened on counts as saved (it came from the file or the command line).
    void stepSaved(std::uint64_t stepRevision) { savedStep_ = stepRevision; }

private:
    std::filesystem::path file_;
    std::function<void()> written_;
    std::string problem_;  // the last save failure
    std::uint64_t savedStep_ = 0;
};

}  // namespace psoas
