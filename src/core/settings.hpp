#pragma once
// What the viewer remembers between sessions: text size, the last lesson and step, the window's
// place and size, the screenshot background, the size and background of exported slides. Kept in the user's config folder as a small TOML
// file; a broken file costs one warning and the defaults, never a crash or a lost lesson.

#include "core/anti_aliasing.hpp"
#include "core/background.hpp"
#include "core/slide_format.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace psoas {

struct Settings {
    float uiScale = 0.0f;  // 0: follow the monitor's scale
    std::string lastLesson;
    int lastStep = 0;  // 0-based
    std::optional<int> windowX, windowY;
    int windowWidth = 1280;
    int windowHeight = 720;
    Background screenshotBackground = Background::Dark;
    AntiAliasing antiAliasing = AntiAliasing::EdgeFilter;
    // The window's lesson export (its own choice: the Structures tab's screenshot background is
    // for F12 pictures). Only what the export offers is read back (kSlideSizes, kSlideBackgrounds).
    SlideFormat slideExport;
};

struct LoadedSettings {
    Settings settings;
    std::string warning;  // empty when the file was fine or absent
    bool found = false;   // the file was there: false on the program's first run
};

LoadedSettings parseSettings(std::string_view text, const std::filesystem::path& file);
LoadedSettings loadSettings(const std::filesystem::path& file);
std::string serialiseSettings(const Settings& settings);
// Writes a temporary file beside `file` and renames it over, so a crash or a full disk never
// leaves half a settings file. Returns "" on success, else the reason.
std::string saveSettings(const Settings& settings, const std::filesystem::path& file);

}  // namespace psoas
