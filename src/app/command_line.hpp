#pragma once
// The command line. Option names are fixed: scripts, tests and later features rely on them.

#include "core/anti_aliasing.hpp"
#include "core/motion/measure.hpp"
#include "core/scene.hpp"
#include "core/view_preset.hpp"
#include "ui/viewer_panels.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace psoas::app {

// The command line asked for something impossible (an unknown lesson, a step past the end):
// main prints "error: …" and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What one invocation does. Exactly one per run: two of them on one command line are a usage error
// (exit 2), never one silently winning; so is an option the mode does not use (command_line.cpp's
// table of which option applies to which mode).
enum class RunMode {
    Window,        // the interactive viewer (no mode option given)
    Screenshot,    // --screenshot FILE.png
    ExportLesson,  // --export-lesson ID --out DIR
    Record,        // --record FILE.mp4
    Bench,         // --bench
    Soak,          // --soak FRAMES
    Script,        // --script FILE
    Measure,       // --measure
    ListLessons,   // --list-lessons
    CheckLessons,  // --check-lessons [DIR]
};

// The option that asks for a mode ("--screenshot"), or "" for the window.
const char* runModeOption(RunMode mode);

struct Options {
    RunMode mode = RunMode::Window;
    std::optional<std::filesystem::path> screenshot;  // render one frame to this PNG (name ends in .png) and exit
    int width = 1280;
    int height = 720;
    bool sizeGiven = false;
    std::optional<ViewPreset> view;
    ui::ScreenshotBackground background = ui::ScreenshotBackground::Dark;
    std::optional<AntiAliasing> antiAliasing;  // --anti-aliasing; else the saved setting (edge)
    std::optional<ModelRequest> model;  // --model FILE|DIR… with --units/--up/--forward: the user's meshes instead of the built-in scene
    std::filesystem::path meshSet;       // --model-set FILE: the built-in scene with the set's meshes in place (core/scene.hpp); empty: none
    bool glDebug = false;                         // debug context, KHR_debug messages to stderr

    // Lessons
    std::vector<std::filesystem::path> lessonDirs;  // --lessons DIR (repeatable), after built-in and user lessons
    std::optional<std::string> lesson;              // --lesson ID: open this lesson
    int step = 1;                                   // --step N, 1-based
    bool listLessons = false;                       // print id<TAB>title<TAB>steps and exit
    std::optional<std::filesystem::path> checkLessons;  // --check-lessons [DIR or FILE.toml]; empty path = built-in

    // Classroom
    bool present = false;  // --present: start in presenter mode
    bool audienceScreen = false;  // --audience-screen: start in presenter mode on two screens
    bool noUi = false;     // --no-ui: images without panels (3D view, labels, step caption)
    std::optional<std::string> exportLesson;      // --export-lesson ID
    std::optional<std::filesystem::path> outDir;  // --out DIR for --export-lesson

    // --record FILE.mp4 --seconds S: the animation as video through ffmpeg, at a fixed 30 fps
    std::optional<std::filesystem::path> record;
    double seconds = 10.0;

    // Measuring
    bool bench = false;  // --bench: render offscreen and print frame-time JSON
    int frames = 300;    // --frames N for --bench
    int soak = 0;        // --soak FRAMES: long run for memory growth and GL errors
    // --script FILE [--out DIR]: timed input replayed headless (app/input_script.hpp)
    std::optional<std::filesystem::path> script;

    // --breath X with --screenshot or --export-lesson: hold the breath at X (0 out .. 1 in) for the picture
    std::optional<float> breath;
    std::optional<std::string> pose;  // --pose NAME with --screenshot / --record (--measure: also measure->pose); "list": print the poses

    // --measure: print muscle lengths and moment arms as CSV for a pose, without a window.
    std::optional<MeasureRequest> measure;
};

// Either options to run with, or text to print and an exit code (help, version, or a bad command line).
struct ParsedCommandLine {
    std::optional<Options> options;
    std::string output;  // for stdout (help, version) or stderr (errors)
    int exitCode = 0;    // 0 for help/version, 2 for bad input
};

// `arguments` without argv[0]; `command` is how the user started the program (app/invocation.hpp),
// named in --help's headless example.
ParsedCommandLine parseCommandLine(const std::vector<std::string>& arguments, const std::string& command = "psoas-atlas");
ParsedCommandLine parseCommandLine(int argc, const char* const* argv);

}  // namespace psoas::app
