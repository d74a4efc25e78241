#pragma once
// The command line. Option names are fixed: scripts, tests and later features rely on them.

#include "core/view_preset.hpp"
#include "ui/viewer_panels.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace psoas::app {

struct Options {
    std::optional<std::filesystem::path> screenshot;  // render one frame to this PNG and exit
    int width = 1280;
    int height = 720;
    bool sizeGiven = false;
    std::optional<ViewPreset> view;
    ui::ScreenshotBackground background = ui::ScreenshotBackground::Dark;
    std::optional<std::filesystem::path> model;  // any mesh file instead of the built-in scene
    bool glDebug = false;                         // debug context, KHR_debug messages to stderr
};

// Either options to run with, or text to print and an exit code (help, version, or a bad command line).
struct ParsedCommandLine {
    std::optional<Options> options;
    std::string output;  // for stdout (help, version) or stderr (errors)
    int exitCode = 0;    // 0 for help/version, 2 for bad input
};

ParsedCommandLine parseCommandLine(const std::vector<std::string>& arguments);  // without argv[0]
ParsedCommandLine parseCommandLine(int argc, const char* const* argv);

}  // namespace psoas::app
