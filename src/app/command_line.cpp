#include "app/command_line.hpp"

#include "app/invocation.hpp"
#include "app/user_paths.hpp"
#include "core/diagnostic.hpp"
#include "core/motion/joint_coordinates.hpp"
#include "core/name_table.hpp"
#include "core/number_text.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <regex>
#include <tuple>

namespace psoas::app {

namespace {
// 16384 px: the largest side most GPUs render; 16 px: below that nothing is recognisable.
constexpr int kMinSide = 16;
constexpr int kMaxSide = 16384;

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

// "-30 to 120": a joint's physiological range, what --measure accepts for it (joint_coordinates.hpp).
std::string rangeText(JointCoordinate joint) {
    const DegreeRange range = physiologicalRange(joint);
    return std::to_string(static_cast<int>(range.min)) + " to " + std::to_string(static_cast<int>(range.max));
}

// Every run mode, in the order --help and messages name them.
constexpr RunMode kAllModes[] = {RunMode::Window, RunMode::Screenshot, RunMode::ExportLesson, RunMode::Record,
                                 RunMode::Bench,  RunMode::Soak,       RunMode::Script,       RunMode::Measure,
                                 RunMode::ListLessons, RunMode::CheckLessons};

using ModeSet = unsigned;
constexpr ModeSet bit(RunMode mode) { return 1u << static_cast<unsigned>(mode); }
template <class... Modes>
constexpr ModeSet modes(Modes... each) { return (bit(each) | ...); }

using M = RunMode;
// The modes that render: every option about the picture or the GL context applies to these.
constexpr ModeSet kRendering = modes(M::Window, M::Screenshot, M::ExportLesson, M::Record, M::Bench, M::Soak, M::Script);
// The modes that open a lesson named with --lesson (an export names its own; --soak and --bench
// open the breathing lesson unless told otherwise).
constexpr ModeSet kOpensALesson = modes(M::Window, M::Screenshot, M::Record, M::Bench, M::Soak, M::Script);
// --model replaces the built-in scene; an export, a measurement and the lesson commands need it.
constexpr ModeSet kShowsAModel = kRendering & ~bit(M::ExportLesson);

// Which run modes each option changes: the one table the parser checks. An option given with a
// mode it does not change is a usage error (exit 2): accepted and ignored, it let the user believe
// it had done something (a newcomer's --present with --screenshot, --frames without --bench).
// --help names the modes from here. (--units, --up, --forward and --file-colours go with --model.)
struct OptionScope {
    const char* option;
    ModeSet modes;
};
constexpr OptionScope kScopes[] = {
    {"--size", kRendering & ~bit(M::Soak)},  // --soak renders a fixed 320x180
    {"--view", modes(M::Window, M::Screenshot, M::Record, M::Script)},  // an export's steps set their own views
    {"--background", modes(M::Screenshot, M::ExportLesson, M::Record)},  // the window's comes from its settings
    {"--anti-aliasing", kRendering},
    {"--gl-debug", kRendering},
    {"--model", kShowsAModel},
    {"--model-set", kRendering},  // the built-in scene with the set's bones: lessons and exports work on it
    {"--present", modes(M::Window)},
    {"--audience-screen", modes(M::Window)},
    {"--no-ui", modes(M::Screenshot, M::Record)},
    {"--out", modes(M::ExportLesson, M::Script)},
    {"--frames", modes(M::Bench)},
    {"--seconds", modes(M::Record)},
    {"--lessons", kOpensALesson | modes(M::ExportLesson, M::ListLessons)},  // --check-lessons checks the folder it names
    {"--lesson", kOpensALesson},
    {"--step", kOpensALesson},
    {"--pose", modes(M::Screenshot, M::Record, M::Measure)},
    {"--breath", modes(M::Screenshot, M::ExportLesson, M::Record, M::Measure)},
    {"--hip-flexion", modes(M::Measure)},
    {"--lumbar-extension", modes(M::Measure)},
    {"--pelvic-tilt", modes(M::Measure)},
    {"--breath-depth", modes(M::Measure)},
    {"--reference", modes(M::Measure)},
};

// A refusal that needs more than the table's words: what to do instead.
struct RefusalHint {
    const char* option;
    RunMode mode;
    const char* hint;
};
constexpr RefusalHint kHints[] = {
    {"--step", M::ExportLesson, "--export-lesson writes every step (for one step: --screenshot FILE.png --lesson ID --step N)"},
    {"--lesson", M::ExportLesson, "--export-lesson names its lesson itself"},
    {"--view", M::ExportLesson, "each step sets its own view"},
    {"--lessons", M::CheckLessons, "give the folder to check: --check-lessons DIR"},
    {"--background", M::Window, "the window's screenshot background is chosen in its panel"},
};

// "the window, --screenshot or --record"
std::string modeNames(ModeSet set) {
    std::vector<std::string> names;
    for (RunMode mode : kAllModes)
        if (set & bit(mode)) names.emplace_back(mode == RunMode::Window ? "the window" : runModeOption(mode));
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return text;
}

// The first option given that does not apply to `mode`, said with the modes it does apply to.
// `asked` (or null) is an option given as a question ("--pose list") that needs no mode.
std::string scopeProblem(const CLI::App& cli, RunMode mode, const char* asked) {
    for (const OptionScope& scope : kScopes) {
        if (cli.count(scope.option) == 0 || (scope.modes & bit(mode)) || (asked && std::string_view(scope.option) == asked)) continue;
        std::string problem = std::string(scope.option) + " goes with " + modeNames(scope.modes);
        if (mode != RunMode::Window) problem += std::string(", not with ") + runModeOption(mode);
        for (const RefusalHint& hint : kHints)
            if (hint.mode == mode && std::string_view(hint.option) == scope.option) problem += std::string("; ") + hint.hint;
        return problem;
    }
    return "";
}

constexpr RunMode kModeOptions[] = {RunMode::Screenshot, RunMode::ExportLesson, RunMode::Record,      RunMode::Bench,
                                    RunMode::Soak,       RunMode::Script,       RunMode::Measure,     RunMode::ListLessons,
                                    RunMode::CheckLessons};

// The one run mode the command line asks for, or the reason it is not one.
std::optional<RunMode> chooseRunMode(const CLI::App& cli, std::string& problem) {
    std::vector<RunMode> given;
    for (RunMode mode : kModeOptions)
        if (cli.count(runModeOption(mode)) > 0) given.push_back(mode);
    if (given.size() > 1) {
        problem = std::string(runModeOption(given[0])) + " and " + runModeOption(given[1]) + " cannot run together; give one of them";
        return std::nullopt;
    }
    return given.empty() ? RunMode::Window : given.front();
}

// Every value as the user typed it; read into Options once the run mode is known.
struct Typed {
    std::string screenshot, size, view, background, antiAliasing;
    std::vector<std::string> models;
    std::string units, up, forward, modelSet;
    bool fileColours = false;
    bool measure = false;
    std::string pose, hipFlexion, lumbarExtension, pelvicTilt, breath, breathDepth, reference;
    std::string frames, soak, record, seconds, exportLesson, outDir, script;
    std::vector<std::string> lessonDirs;
    std::string lesson, step;
    std::vector<std::string> checkLessons;
};

void declareOptions(CLI::App& cli, Options& options, Typed& typed) {
    cli.add_option("--screenshot", typed.screenshot, "Render one frame to this PNG file and exit")->type_name("FILE.png");
    cli.add_option("--size", typed.size, "Image or window size, e.g. 1920x1080 (default 1280x720)")->type_name("WxH");
    cli.add_option("--view", typed.view, "Start from a view preset")
        ->type_name("anterior|posterior|left|right|superior|inferior|oblique");
    cli.add_option("--background", typed.background, "Background of the images (default dark)")
        ->type_name(joinedNames(kBackgroundNames, "|"));
    cli.add_option("--anti-aliasing", typed.antiAliasing,
                   "Edges of the 3D view: edge (smoothing pass, the default), msaa (4x, for a GPU) or off")
        ->type_name("edge|msaa|off");
    cli.add_option("--model", typed.models,
                   "View these mesh files (glTF .glb/.gltf, OBJ, STL, PLY) and folders of them instead of the built-in scene; "
                   "list them or repeat the option")
        ->type_name("FILE|DIR");
    cli.add_option("--units", typed.units,
                   "With --model: the files' length unit; auto (the default) reads the largest side L as metres if L < 2.5, "
                   "centimetres if L < 20, else millimetres")
        ->type_name("auto|mm|cm|m");
    cli.add_option("--model-set", typed.modelSet,
                   "View a mesh set: a TOML file naming mesh files as atlas structures, with units, axes and placement "
                   "(models/README.md); each mesh is fitted onto the built-in structure it replaces, and lessons, labels, "
                   "painted attachments and motion work on the set")
        ->type_name("FILE.toml");
    cli.add_flag("--file-colours", typed.fileColours,
                 "With --model: colour each part as the file does (material, or the mean of its vertex or face colours)");
    cli.add_option("--up", typed.up, "With --model: the files' axis that points up (default +Y)")->type_name("+X|-X|+Y|-Y|+Z|-Z");
    cli.add_option("--forward", typed.forward, "With --model: the files' axis that points anterior (default +Z; -Y when --up is Z)")
        ->type_name("+X|-X|+Y|-Y|+Z|-Z");
    cli.add_flag("--gl-debug", options.glDebug, "Create an OpenGL debug context and log driver messages");

    cli.add_flag("--measure", typed.measure, "Print the model's computed psoas and iliacus lengths and moment arms (mm) as CSV and exit; each row names the "
                  "hip geometry and pose, and the angles used end the table");
    cli.add_option("--pose", typed.pose, "The pose (a file in models/poses); 'list' shows all")
        ->type_name("NAME|list");
    cli.add_option("--hip-flexion", typed.hipFlexion,
                   "Flexion of both thighs against the neutral pelvis, degrees, " + rangeText(JointCoordinate::RightHipFlexion) +
                       " (the hip joint's own is this plus the pelvic tilt); replaces the --pose's flexion, its abduction and rotation stay")
        ->type_name("DEG");
    cli.add_option("--lumbar-extension", typed.lumbarExtension, "Lumbar extension, degrees, " + rangeText(JointCoordinate::LumbarExtension) + " (flexion negative); replaces the --pose's")
        ->type_name("DEG");
    cli.add_option("--pelvic-tilt", typed.pelvicTilt, "Anterior pelvic tilt, degrees, " + rangeText(JointCoordinate::PelvicTilt) + "; replaces the --pose's")
        ->type_name("DEG");
    cli.add_option("--breath", typed.breath,
                   "The breath held: 0 fully exhaled to 1 fully inhaled")
        ->type_name("X");
    cli.add_option("--breath-depth", typed.breathDepth, "How deep the breath is")->type_name(joinedNames(kBreathDepthNames, "|"));
    cli.add_option("--reference", typed.reference, "The published hip geometry (default gait2392; 'list' shows all)")
        ->type_name("NAME|list");

    cli.add_flag("--bench", options.bench, "Render offscreen and print frame times, start-up time and memory as JSON");
    cli.add_option("--frames", typed.frames, "Frames to time, 10 to 1000000 (default 300)")->type_name("N");
    cli.add_option("--soak", typed.soak, "Render FRAMES (100 or more) frames of the breathing lesson with step changes and "
                                         "reloads; print memory growth and GL errors as JSON")
        ->type_name("FRAMES");
    cli.add_option("--record", typed.record, "Record the animation (breathing, pose changes, rotation) to an MP4 with ffmpeg")
        ->type_name("FILE.mp4");
    cli.add_option("--seconds", typed.seconds, "Length of the video, 0.1 to 3600 (default 10)")->type_name("S");
    cli.add_flag("--present", options.present, "Start in presenter mode (fullscreen, large caption; F5 toggles, Esc leaves)");
    cli.add_flag("--audience-screen", options.audienceScreen,
                 "Start in presenter mode on two screens: the class's window on the second monitor, the panel and notes on this one (F6)");
    cli.add_flag("--no-ui", options.noUi, "No panels: only the 3D view, labels and the step caption");
    cli.add_option("--export-lesson", typed.exportLesson, "Write one PNG per step of this lesson and an index.html handout")
        ->type_name("ID");
    cli.add_option("--out", typed.outDir, "Folder for the exported lesson or the script's screenshots (created if missing)")->type_name("DIR");
    cli.add_option("--script", typed.script, "Replay the timed input in FILE headless at 60 frames a second (see src/app/input_script.hpp); "
                                             "exit 1 on any GL error")
        ->type_name("FILE");

    cli.add_option("--lessons", typed.lessonDirs, "Also read the lessons in this folder (may be given more than once)")
        ->type_name("DIR")
        ->allow_extra_args(false);
    cli.add_option("--lesson", typed.lesson, "Open this lesson (see --list-lessons)")->type_name("ID");
    cli.add_option("--step", typed.step, "Open the lesson at this step (1 is the first)")->type_name("N");
    cli.add_flag("--list-lessons", options.listLessons, "Print every lesson as id<TAB>title<TAB>steps<TAB>where it came from and exit; a lesson with problems is marked");
    cli.add_option("--check-lessons", typed.checkLessons,
                   "Check every lesson file in DIR (or one FILE.toml, or the built-in ones) and print each problem; exit 1 if any, "
                   "2 if it names no lesson file")
        ->type_name("[DIR|FILE.toml]")
        ->expected(0, 1);
}

// Each scoped option's help ends with the modes it goes with, from the one table.
void nameScopesInHelp(CLI::App& cli) {
    for (const OptionScope& scope : kScopes) {
        CLI::Option* option = cli.get_option(scope.option);
        option->description(option->get_description() + " (with " + modeNames(scope.modes) + ")");
    }
}

// Reads the typed values into their types; the first value that does not read is `problem`, in
// our words (CLI11's "Could not convert: --x = y" and "Value y not in range" never reach the user).
class ValueReader {
public:
    explicit ValueReader(const CLI::App& cli) : cli_(cli) {}

    [[nodiscard]] bool given(const char* option) const { return cli_.count(option) > 0; }
    [[nodiscard]] const std::string& problem() const { return problem_; }
    void fail(std::string problem) {
        if (problem_.empty()) problem_ = std::move(problem);
    }

    std::optional<double> number(const char* option, const std::string& text, double lo, double hi) {
        if (!given(option)) return std::nullopt;
        const std::optional<double> value = parseDecimal(text);
        if (value && *value >= lo && *value <= hi) return value;
        const bool bounded = std::isfinite(lo);
        fail(std::string(option) + ": '" + text + "' is not a number" +
             (bounded ? " from " + shortNumber(lo) + " to " + shortNumber(hi) : std::string()));
        return std::nullopt;
    }
    std::optional<int> whole(const char* option, const std::string& text, int lo, int hi) {
        if (!given(option)) return std::nullopt;
        int value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (error == std::errc() && stop == end && value >= lo && value <= hi) return value;
        fail(std::string(option) + ": '" + text + "' is not a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        return std::nullopt;
    }
    // One of `names`, read by `from`; else "--view: 'frontal' is not one of anterior, … (did you mean …?)".
    template <class T, class From>
    std::optional<T> choice(const char* option, const std::string& text, const std::vector<std::string>& names, From from) {
        if (!given(option)) return std::nullopt;
        if (const std::optional<T> value = from(text)) return value;
        std::string list;
        for (std::size_t i = 0; i < names.size(); ++i) list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
        const std::string guess = closestMatch(text, names);
        fail(std::string(option) + ": '" + text + "' is not " + list + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
        return std::nullopt;
    }

private:
    static std::string shortNumber(double value) {
        std::string text = std::to_string(value);
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
        return text;
    }
    const CLI::App& cli_;
    std::string problem_;
};

std::vector<std::string> viewNames() {
    std::vector<std::string> names;
    for (ViewPreset preset : kAllViewPresets) names.emplace_back(toString(preset));
    return names;
}


// "1920x1080" (or 1920X1080) into options.width and height.
void readSize(ValueReader& reader, const std::string& size, Options& options) {
    if (!reader.given("--size")) return;
    static const std::regex pattern(R"((\d{1,6})[xX](\d{1,6}))");
    std::smatch match;
    const bool ok = std::regex_match(size, match, pattern);
    const int w = ok ? std::stoi(match[1]) : 0, h = ok ? std::stoi(match[2]) : 0;
    if (!ok || w < kMinSide || h < kMinSide || w > kMaxSide || h > kMaxSide) {
        reader.fail("--size: '" + size + "' is not a size like 1920x1080 (each side " + std::to_string(kMinSide) + " to " +
                    std::to_string(kMaxSide) + " pixels)");
        return;
    }
    options.width = w;
    options.height = h;
    options.sizeGiven = true;
}

// The image's name must promise what it holds: `image.jpg` filled with PNG data fooled every
// program that trusted the name. (--record leaves the container to ffmpeg, which follows the name.)
void readScreenshotFile(ValueReader& reader, const std::string& text, Options& options) {
    if (!reader.given("--screenshot")) return;
    const std::filesystem::path file(text);
    std::string extension = file.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension != ".png") {
        std::filesystem::path png = file;
        reader.fail("--screenshot: '" + text + "': the image is written as PNG, so its name must end in .png (e.g. " +
                    png.replace_extension(".png").string() + ")");
    }
    options.screenshot = file;
}

void readMeasure(ValueReader& reader, const Typed& typed, Options& options) {
    MeasureRequest request;
    if (reader.given("--pose")) request.pose = typed.pose;
    constexpr double kAny = std::numeric_limits<double>::infinity();  // the ranges are core/motion/measure's
    request.hipFlexion = reader.number("--hip-flexion", typed.hipFlexion, -kAny, kAny);
    request.lumbarExtension = reader.number("--lumbar-extension", typed.lumbarExtension, -kAny, kAny);
    request.pelvicTilt = reader.number("--pelvic-tilt", typed.pelvicTilt, -kAny, kAny);
    if (options.breath) request.breath = *options.breath;
    request.breathDepth = reader.choice<BreathDepth>("--breath-depth", typed.breathDepth, namesIn(kBreathDepthNames), breathDepthFromName)
                              .value_or(request.breathDepth);
    if (reader.given("--reference")) request.reference = typed.reference;
    options.measure = request;
}

// --model FILE… or --model-set FILE.toml, with --units, --up, --forward and --file-colours.
std::string readModel(const Typed& typed, Options& options, const CLI::App& cli) {
    constexpr const char* kModelOnly[] = {"--units", "--up", "--forward", "--file-colours"};
    if (!typed.modelSet.empty()) {
        if (!typed.models.empty()) return "--model and --model-set cannot be used together";
        for (const char* option : kModelOnly)
            if (cli.count(option)) return std::string(option) + " goes with --model; a mesh set gives units and axes itself";
        options.meshSet = typed.modelSet;
        return "";
    }
    if (typed.models.empty()) {
        for (const char* option : kModelOnly)
            if (cli.count(option)) return std::string(option) + " goes with --model";
        return "";
    }
    ModelRequest modelRequest;
    for (const std::string& path : typed.models) modelRequest.paths.emplace_back(path);
    if (!typed.units.empty()) {
        const auto unit = parseLengthUnit(typed.units);
        if (!unit) return "--units: '" + typed.units + "' is not auto, mm, cm or m";
        modelRequest.orientation.units = *unit;
    }
    for (auto [name, text, axis] : {std::tuple{"--up", &typed.up, &modelRequest.orientation.up},
                                    std::tuple{"--forward", &typed.forward, &modelRequest.orientation.forward}}) {
        if (text->empty()) continue;
        *axis = parseAxis(*text);
        if (!*axis) return std::string(name) + ": '" + *text + "' is not an axis (+X, -X, +Y, -Y, +Z or -Z)";
    }
    modelRequest.fileColours = typed.fileColours;
    if (std::string problem = orientationProblem(modelRequest.orientation); !problem.empty()) return problem;
    options.model = std::move(modelRequest);
    return "";
}

// Options that need another option (not a mode) to mean anything.
std::string dependencyProblem(const Options& options, const CLI::App& cli) {
    if (cli.count("--step") && !options.lesson) return "--step needs --lesson ID";
    // README's synopsis has them as alternatives: --audience-screen is presenter mode already.
    if (options.present && options.audienceScreen)
        return "--present and --audience-screen: give one (--audience-screen is presenter mode on two screens)";
    if (options.mode == RunMode::ExportLesson && !options.outDir) return "--export-lesson needs --out DIR";
    if (options.record && (options.width % 2 != 0 || options.height % 2 != 0))
        return "--size: video needs even width and height (e.g. 1280x720)";
    return "";
}

// Everything typed, read into `options` for its run mode; the first problem, or "".
std::string readOptions(const CLI::App& cli, const Typed& typed, Options& options) {
    ValueReader reader(cli);
    readSize(reader, typed.size, options);
    options.view = reader.choice<ViewPreset>("--view", typed.view, viewNames(), parseViewPreset);
    options.background = reader.choice<Background>("--background", typed.background, namesIn(kBackgroundNames), backgroundFrom)
                             .value_or(Background::Dark);
    options.antiAliasing = reader.choice<AntiAliasing>("--anti-aliasing", typed.antiAliasing, namesIn(kAntiAliasingNames), antiAliasingFrom);
    options.frames = reader.whole("--frames", typed.frames, 10, 1000000).value_or(options.frames);
    options.soak = reader.whole("--soak", typed.soak, 100, 100000000).value_or(0);
    options.seconds = reader.number("--seconds", typed.seconds, 0.1, 3600.0).value_or(options.seconds);
    options.step = reader.whole("--step", typed.step, 1, 10000).value_or(1);
    if (const auto breath = reader.number("--breath", typed.breath, 0.0, 1.0)) options.breath = static_cast<float>(*breath);
    readScreenshotFile(reader, typed.screenshot, options);
    if (reader.given("--record")) options.record = typed.record;
    if (reader.given("--pose")) options.pose = typed.pose;
    if (typed.measure) readMeasure(reader, typed, options);
    if (reader.given("--export-lesson")) options.exportLesson = typed.exportLesson;
    if (reader.given("--out")) options.outDir = typed.outDir;
    if (reader.given("--script")) options.script = typed.script;
    if (reader.given("--lesson")) options.lesson = typed.lesson;
    for (const auto& dir : typed.lessonDirs) options.lessonDirs.emplace_back(dir);
    if (reader.given("--check-lessons"))
        options.checkLessons = typed.checkLessons.empty() ? std::filesystem::path() : std::filesystem::path(typed.checkLessons.front());
    if (!reader.problem().empty()) return reader.problem();
    if (std::string problem = readModel(typed, options, cli); !problem.empty()) return problem;
    return dependencyProblem(options, cli);
}

// CLI11's own parse errors in our words: an unknown option with a did-you-mean, a missing value
// with what the option wants.
std::string parseProblem(const CLI::App& cli, const CLI::ParseError& error) {
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
        const std::string text = firstLine(error.what());
        const std::string name = text.substr(0, text.find(':'));
        for (const CLI::Option* option : cli.get_options())
            if (option->get_name() == name && text.find("missing") != std::string::npos)
                return name + " needs a value (" + option->get_type_name() + ")";
        if (name == "--check-lessons") return "--check-lessons checks one folder or file; give one";
        // CLI11: "--screenshot: At Most 1 required but received 2"
        if (text.find("At Most 1 required") != std::string::npos) return name + " is given twice; give it once";
    }
    return firstLine(error.what());
}

// The first argument no option took: an unknown option (with the option it is closest to) or a
// stray word.
std::string leftOverProblem(const CLI::App& cli) {
    const std::vector<std::string> left = cli.remaining();
    if (left.empty()) return "";
    for (const std::string& argument : left) {
        if (argument.rfind('-', 0) != 0) continue;
        const std::string name = argument.substr(0, argument.find('='));
        std::vector<std::string> names;
        for (const CLI::Option* option : cli.get_options()) names.push_back(option->get_name());
        const std::string guess = closestMatch(name, names);
        return name + ": no such option" + (guess.empty() ? "" : " (did you mean " + guess + "?)");
    }
    return "'" + left.front() + "' is not an option (options start with --; a value follows its option, as in --lesson ID)";
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
        case RunMode::Script: return "--script";
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
        "An option goes with the modes its text names ('the window': no mode option); with another it is refused.\n"
        "Mouse: left-drag orbit, right/middle/Shift+left drag pan, wheel zoom toward the cursor.\n"
        "Keys: 1-7 view presets, F or Home reset, F11 fullscreen, F12 screenshot, H or F1 all keys.\n"
        "Without a display, render images headless: xvfb-run -a " + command + " --screenshot out.png");
    cli.allow_extras();  // left-over arguments are said in our words (leftOverProblem)
    Options options;
    Typed typed;
    declareOptions(cli, options, typed);
    nameScopesInHelp(cli);

    // A usage error is one line; it ends by naming the help as the user can type it.
    const auto usageError = [&](const std::string& problem) {
        return ParsedCommandLine{std::nullopt, "error: " + problem + " (" + command + " --help lists every option)\n", 2};
    };
    std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());  // CLI11 consumes from the back
    try {
        cli.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        return {std::nullopt, cli.help(), 0};
    } catch (const CLI::CallForVersion&) {
        return {std::nullopt, std::string("psoas-atlas ") + PSOAS_VERSION + "\n", 0};
    } catch (const CLI::ParseError& e) {
        return usageError(parseProblem(cli, e));
    }
    if (const std::string problem = leftOverProblem(cli); !problem.empty()) return usageError(problem);
    std::string problem;
    const std::optional<RunMode> mode = chooseRunMode(cli, problem);
    if (!mode) return usageError(problem);
    options.mode = *mode;
    // "--pose list" asks a question, like --help: it needs no mode to go with.
    problem = scopeProblem(cli, options.mode, typed.pose == "list" && options.mode == RunMode::Window ? "--pose" : nullptr);
    if (problem.empty()) problem = readOptions(cli, typed, options);
    if (!problem.empty()) return usageError(problem);
    return {options, "", 0};
}

ParsedCommandLine parseCommandLine(int argc, const char* const* argv) {
    std::vector<std::string> arguments;
    for (int i = 1; i < argc; ++i) arguments.emplace_back(argv[i]);
    return parseCommandLine(arguments, commandAsTyped(argc > 0 ? argv[0] : nullptr));
}

}  // namespace psoas::app
