#include "app/command_line.hpp"

#include "app/invocation.hpp"
#include "app/user_paths.hpp"

#include <CLI/CLI.hpp>

#include <regex>
#include <tuple>

namespace psoas::app {

namespace {
// 16384 px: the largest side most GPUs render; 16 px: below that nothing is recognisable.
constexpr int kMinSide = 16;
constexpr int kMaxSide = 16384;

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

constexpr RunMode kModes[] = {RunMode::Screenshot, RunMode::ExportLesson, RunMode::Record,      RunMode::Bench,
                              RunMode::Soak,       RunMode::Measure,      RunMode::ListLessons, RunMode::CheckLessons};

// The one run mode the command line asks for, or the reason it is not one.
std::optional<RunMode> chooseRunMode(const CLI::App& cli, std::string& problem) {
    std::vector<RunMode> given;
    for (RunMode mode : kModes)
        if (cli.count(runModeOption(mode)) > 0) given.push_back(mode);
    if (given.size() > 1) {
        problem = std::string(runModeOption(given[0])) + " and " + runModeOption(given[1]) + " cannot run together; give one of them";
        return std::nullopt;
    }
    return given.empty() ? RunMode::Window : given.front();
}
}  // namespace

const char* runModeOption(RunMode mode) {
    switch (mode) {
        case RunMode::Window: return "";
        case RunMode::Screenshot: return "--screenshot";
        case RunMode::ExportLesson: return "--export-lesson";
        case RunMode::Record: return "--record";
        case RunMode::Bench: return "--bench";
        case RunMode::Soak: return "--soak";
        case RunMode::Measure: return "--measure";
        case RunMode::ListLessons: return "--list-lessons";
        case RunMode::CheckLessons: return "--check-lessons";
    }
    return "";
}

ParsedCommandLine parseCommandLine(const std::vector<std::string>& arguments, const std::string& command) {
    CLI::App cli{"Psoas Atlas: a 3D viewer for teaching the psoas, iliacus and diaphragm.", "psoas-atlas"};
    cli.set_version_flag("--version", std::string("psoas-atlas ") + PSOAS_VERSION);
    cli.footer(
        "Mouse: left-drag orbit, right/middle/Shift+left drag pan, wheel zoom toward the cursor.\n"
        "Keys: 1-7 view presets, F or Home reset, F11 fullscreen, F12 screenshot, H or F1 all keys.\n"
        "Without a display, render images headless: xvfb-run -a " + command + " --screenshot out.png");

    // A usage error is one line; it ends by naming the help as the user can type it.
    const std::string seeHelp = " (" + command + " --help lists every option)\n";
    Options options;
    std::string screenshot, size, view, background = "dark", antiAliasing;
    cli.add_option("--screenshot", screenshot, "Render one frame to this PNG file and exit")->type_name("FILE.png");
    cli.add_option("--size", size, "Image or window size, e.g. 1920x1080 (default 1280x720)")->type_name("WxH");
    cli.add_option("--view", view, "Start from a view preset")
        ->check(CLI::IsMember({"anterior", "posterior", "left", "right", "superior", "inferior", "oblique"}));
    std::vector<std::string> backgrounds;
    for (const BackgroundName& entry : kBackgroundNames) backgrounds.emplace_back(entry.name);
    cli.add_option("--background", background, "Screenshot background")->check(CLI::IsMember(backgrounds));
    cli.add_option("--anti-aliasing", antiAliasing,
                   "Edges of the 3D view: edge (smoothing pass, the default), msaa (4x, for a GPU) or off")
        ->check(CLI::IsMember({"edge", "msaa", "off"}));
    std::vector<std::string> models;
    std::string units, up, forward;
    cli.add_option("--model", models,
                   "View these mesh files (glTF .glb/.gltf, OBJ, STL, PLY) and folders of them instead of the built-in scene; "
                   "list them or repeat the option")
        ->type_name("FILE|DIR");
    cli.add_option("--units", units,
                   "With --model: the files' length unit; auto (the default) reads the largest side L as metres if L < 2.5, "
                   "centimetres if L < 20, else millimetres")
        ->type_name("auto|mm|cm|m");
    std::string modelSet;
    cli.add_option("--model-set", modelSet,
                   "View a mesh set: a TOML file naming mesh files as atlas structures, with units, axes and placement "
                   "(models/README.md); each mesh is fitted onto the built-in structure it replaces, and lessons, labels, "
                   "painted attachments and motion work on the set")
        ->type_name("FILE.toml");
    bool fileColours = false;
    cli.add_flag("--file-colours", fileColours,
                 "With --model: colour each part as the file does (material, or the mean of its vertex or face colours)");
    cli.add_option("--up", up, "With --model: the files' axis that points up (default +Y)")->type_name("+X|-X|+Y|-Y|+Z|-Z");
    cli.add_option("--forward", forward,
                   "With --model: the files' axis that points anterior (default +Z; -Y when --up is Z)")
        ->type_name("+X|-X|+Y|-Y|+Z|-Z");
    cli.add_flag("--gl-debug", options.glDebug, "Create an OpenGL debug context and log driver messages");

    bool measure = false;
    MeasureRequest request;
    std::string measurePose, breathDepth;
    double hipFlexion = 0, lumbarExtension = 0, pelvicTilt = 0, breath = 0;
    cli.add_flag("--measure", measure, "Print psoas and iliacus lengths and moment arms as CSV and exit");
    cli.add_option("--pose", measurePose, "The pose (a file in models/poses), with --measure, --screenshot or --record")->type_name("NAME");
    cli.add_option("--hip-flexion", hipFlexion, "With --measure: hip flexion of both hips, degrees")->type_name("DEG");
    cli.add_option("--lumbar-extension", lumbarExtension, "With --measure: lumbar extension, degrees")->type_name("DEG");
    cli.add_option("--pelvic-tilt", pelvicTilt, "With --measure: anterior pelvic tilt, degrees")->type_name("DEG");
    cli.add_option("--breath", breath, "0 fully exhaled to 1 fully inhaled (with --measure, or to hold a breath in --screenshot / --export-lesson)")->type_name("X");
    cli.add_option("--breath-depth", breathDepth, "With --measure: quiet or deep breathing")->type_name("quiet|deep");
    std::string reference;
    cli.add_option("--reference", reference, "With --measure: the published hip geometry (default gait2392; 'list' shows all)")
        ->type_name("NAME|list");

    cli.add_flag("--bench", options.bench, "Render offscreen and print frame times, start-up time and memory as JSON");
    cli.add_option("--frames", options.frames, "Frames for --bench (default 300)")->type_name("N")->check(CLI::Range(10, 1000000));
    cli.add_option("--soak", options.soak, "Render FRAMES frames of the breathing lesson with step changes and reloads; "
                                           "print memory growth and GL errors as JSON")
        ->type_name("FRAMES")
        ->check(CLI::Range(100, 100000000));
    std::string record;
    cli.add_option("--record", record, "Record the animation (breathing, pose changes, rotation) to an MP4 with ffmpeg")
        ->type_name("FILE.mp4");
    cli.add_option("--seconds", options.seconds, "Length of --record (default 10)")->type_name("S")->check(CLI::Range(0.1, 3600.0));
    std::string exportLesson, outDir;
    cli.add_flag("--present", options.present, "Start in presenter mode (fullscreen, large caption; F5 toggles, Esc leaves)");
    cli.add_flag("--no-ui", options.noUi, "With --screenshot: no panels, only the 3D view, labels and the step caption");
    cli.add_option("--export-lesson", exportLesson, "Write one PNG per step of this lesson and an index.html handout")
        ->type_name("ID");
    cli.add_option("--out", outDir, "Folder for --export-lesson and --script screenshots (created if missing)")->type_name("DIR");
    std::string script;
    cli.add_option("--script", script, "Replay the timed input in FILE headless at 60 frames a second (see src/app/input_script.hpp); "
                                       "exit 1 on any GL error")
        ->type_name("FILE");

    std::vector<std::string> lessonDirs;
    std::string lesson;
    int step = 1;
    std::vector<std::string> checkLessons;
    cli.add_option("--lessons", lessonDirs, "Also read the lessons in this folder (may be given more than once)")
        ->type_name("DIR")
        ->allow_extra_args(false);
    cli.add_option("--lesson", lesson, "Open this lesson (see --list-lessons)")->type_name("ID");
    cli.add_option("--step", step, "Open the lesson at this step (1 is the first)")
        ->type_name("N")
        ->check(CLI::Range(1, 10000));
    cli.add_flag("--list-lessons", options.listLessons, "Print every lesson as id<TAB>title<TAB>steps and exit");
    cli.add_option("--check-lessons", checkLessons,
                   "Check every lesson file (in DIR, or the built-in ones) and print each problem; exit 1 if any")
        ->type_name("[DIR]")
        ->expected(0, 1);

    std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());  // CLI11 consumes from the back
    try {
        cli.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        return {std::nullopt, cli.help(), 0};
    } catch (const CLI::CallForVersion&) {
        return {std::nullopt, std::string("psoas-atlas ") + PSOAS_VERSION + "\n", 0};
    } catch (const CLI::ParseError& e) {
        return {std::nullopt, "error: " + firstLine(e.what()) + seeHelp, 2};
    }
    std::string conflict;
    const std::optional<RunMode> mode = chooseRunMode(cli, conflict);
    if (!mode) return {std::nullopt, "error: " + conflict + seeHelp, 2};
    options.mode = *mode;

    if (!size.empty()) {
        static const std::regex pattern(R"((\d{1,6})x(\d{1,6}))");
        std::smatch match;
        const bool ok = std::regex_match(size, match, pattern);
        const int w = ok ? std::stoi(match[1]) : 0, h = ok ? std::stoi(match[2]) : 0;
        if (!ok || w < kMinSide || h < kMinSide || w > kMaxSide || h > kMaxSide)
            return {std::nullopt,
                    "error: --size: '" + size + "' is not a size like 1920x1080 (each side " + std::to_string(kMinSide) +
                        " to " + std::to_string(kMaxSide) + " pixels)" + seeHelp,
                    2};
        options.width = w;
        options.height = h;
        options.sizeGiven = true;
    }
    if (cli.count("--breath") && !measure) {
        if (screenshot.empty() && exportLesson.empty() && record.empty())
            return {std::nullopt, "error: --breath goes with --measure, --screenshot or --export-lesson" + seeHelp, 2};
        if (!(breath >= 0.0 && breath <= 1.0))
            return {std::nullopt, "error: --breath: " + std::to_string(breath) + " is outside 0 to 1" + seeHelp, 2};
        options.breath = static_cast<float>(breath);
    }
    if (!measurePose.empty() && !measure) {
        if (screenshot.empty() && record.empty())
            return {std::nullopt, "error: --pose goes with --measure, --screenshot or --record" + seeHelp, 2};
        options.pose = measurePose;
    }
    for (const char* option : {"--hip-flexion", "--lumbar-extension", "--pelvic-tilt", "--breath-depth", "--reference"})
        if (cli.count(option) && !measure)
            return {std::nullopt, "error: " + std::string(option) + " goes with --measure" + seeHelp, 2};
    if (measure) {
        if (!measurePose.empty()) request.pose = measurePose;
        if (cli.count("--hip-flexion")) request.hipFlexion = hipFlexion;
        if (cli.count("--lumbar-extension")) request.lumbarExtension = lumbarExtension;
        if (cli.count("--pelvic-tilt")) request.pelvicTilt = pelvicTilt;
        if (cli.count("--breath")) request.breath = breath;
        if (!breathDepth.empty()) request.breathDepth = breathDepth;
        if (!reference.empty()) request.reference = reference;
        options.measure = request;
    }
    if (!screenshot.empty()) options.screenshot = screenshot;
    if (!exportLesson.empty()) options.exportLesson = exportLesson;
    if (!record.empty()) options.record = record;
    if (options.record && (options.width % 2 != 0 || options.height % 2 != 0))
        return {std::nullopt, "error: --size: video needs even width and height (e.g. 1280x720)" + seeHelp, 2};
    if (!outDir.empty()) options.outDir = outDir;
    if (options.exportLesson && !options.outDir)
        return {std::nullopt, "error: --export-lesson needs --out DIR" + seeHelp, 2};
    if (!script.empty()) options.script = script;
    if (options.outDir && !options.exportLesson && !options.script)
        return {std::nullopt, "error: --out goes with --export-lesson or --script" + seeHelp, 2};
    for (const auto& dir : lessonDirs) options.lessonDirs.emplace_back(dir);
    if (!lesson.empty()) options.lesson = lesson;
    options.step = step;
    if (cli.count("--step") && lesson.empty())
        return {std::nullopt, "error: --step needs --lesson ID" + seeHelp, 2};
    if (cli.count("--check-lessons"))
        options.checkLessons = checkLessons.empty() ? std::filesystem::path() : std::filesystem::path(checkLessons.front());
    if (!modelSet.empty()) {
        if (!models.empty()) return {std::nullopt, "error: --model and --model-set cannot be used together\n", 2};
        for (const char* option : {"--units", "--up", "--forward", "--file-colours"})
            if (cli.count(option))
                return {std::nullopt, "error: " + std::string(option) + " goes with --model; a mesh set gives units and axes itself\n", 2};
        options.meshSet = modelSet;
    } else if (!models.empty()) {
        ModelRequest modelRequest;
        for (const std::string& path : models) modelRequest.paths.emplace_back(path);
        if (!units.empty()) {
            const auto unit = parseLengthUnit(units);
            if (!unit) return {std::nullopt, "error: --units: '" + units + "' is not auto, mm, cm or m\n", 2};
            modelRequest.orientation.units = *unit;
        }
        for (auto [name, text, axis] : {std::tuple{"--up", &up, &modelRequest.orientation.up}, std::tuple{"--forward", &forward, &modelRequest.orientation.forward}}) {
            if (text->empty()) continue;
            *axis = parseAxis(*text);
            if (!*axis) return {std::nullopt, "error: " + std::string(name) + ": '" + *text + "' is not an axis (+X, -X, +Y, -Y, +Z or -Z)\n", 2};
        }
        modelRequest.fileColours = fileColours;
        if (const std::string problem = orientationProblem(modelRequest.orientation); !problem.empty())
            return {std::nullopt, "error: " + problem + "\n", 2};
        options.model = std::move(modelRequest);
    } else {
        for (const char* option : {"--units", "--up", "--forward", "--file-colours"})
            if (cli.count(option)) return {std::nullopt, "error: " + std::string(option) + " goes with --model\n", 2};
    }
    if (!view.empty()) options.view = parseViewPreset(view);
    if (!antiAliasing.empty()) options.antiAliasing = antiAliasingFrom(antiAliasing);
    options.background = backgroundFrom(background).value_or(Background::Dark);  // checked by IsMember above
    return {options, "", 0};
}

ParsedCommandLine parseCommandLine(int argc, const char* const* argv) {
    std::vector<std::string> arguments;
    for (int i = 1; i < argc; ++i) arguments.emplace_back(argv[i]);
    return parseCommandLine(arguments, commandAsTyped(argc > 0 ? argv[0] : nullptr));
}

}  // namespace psoas::app
