#include "app/commands.hpp"

#include "app/platform.hpp"

#include "app/input_script.hpp"
#include "app/pose_saving.hpp"
#include "app/user_paths.hpp"
#include "core/atlas.hpp"
#include "core/lesson_check.hpp"
#include "ui/font_fallback.hpp"
#include "ui/fonts.hpp"
#include "core/motion/pose_file.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <stdexcept>

namespace psoas::app {

std::vector<LessonSource> lessonSources(const Options& options) {
    std::vector<LessonSource> sources{{dataDirectory() / "lessons", "built-in", false},
                                      {userDataDirectory() / "lessons", "your lessons", false}};
    for (const auto& dir : options.lessonDirs) sources.push_back({dir, dir.string(), true});
    return sources;
}

LessonVocabulary builtInVocabulary(const std::vector<std::filesystem::path>& lessonDirs) {
    const auto data = dataDirectory() / "models";
    std::vector<std::string> poses = listPoseIds(data / "poses");
    for (const std::filesystem::path& folder : userPoseFolders(lessonDirs))  // the teacher's poses (issue 13)
        for (std::string& id : listPoseIds(folder))
            if (std::find(poses.begin(), poses.end(), id) == poses.end()) poses.push_back(std::move(id));
    return makeVocabulary(loadAtlas(data / "atlas.toml"), poses);
}

std::string counted(std::size_t count, const std::string& noun) {
    return std::to_string(count) + ' ' + noun + (count == 1 ? "" : "s");
}

const Lesson& lessonToOpen(const LessonLibrary& library, const std::string& id, const std::string& option, int step) {
    const std::string prefix = option.empty() ? "" : option + ": ";
    const LessonEntry* entry = library.entry(id);
    if (!entry) {
        std::vector<std::string> ids;
        for (const LessonEntry& each : library.entries())
            if (!each.id.empty()) ids.push_back(each.id);
        const std::string guess = closestMatch(id, ids);
        throw UsageError(prefix + "no lesson '" + id + "'" + (guess.empty() ? "; see --list-lessons" : " (did you mean '" + guess + "'?)"));
    }
    if (!entry->lesson) {
        std::string message = prefix + "lesson '" + id + "' cannot open: " + entry->file.string() + " has " +
                              counted(entry->problems.size(), "problem") + ':';
        for (const Diagnostic& problem : entry->problems) message += '\n' + problem.format();
        throw UsageError(message);
    }
    const auto steps = entry->lesson->steps.size();
    if (step > static_cast<int>(steps))
        throw UsageError((option.empty() ? "" : "--step: ") + std::string("lesson '") + id + "' has " + counted(steps, "step"));
    return *entry->lesson;
}

namespace {
int listLessons(const Options& options, std::ostream& out, std::ostream& err) {
    const LessonLibrary library = LessonLibrary::load(lessonSources(options), builtInVocabulary(options.lessonDirs));
    for (const auto& entry : library.entries()) {
        const std::string name = entry.file.filename().string();
        out << (entry.id.empty() ? name : entry.id) << '\t' << (entry.title.empty() ? name : entry.title) << '\t';
        // A lesson with problems stays in the list, marked; its problems follow on stderr.
        if (entry.lesson) out << entry.lesson->steps.size();
        else out << "cannot open: " << counted(entry.problems.size(), "problem") << " (listed below)";
        // Where it came from: a teacher's lesson with the id of a built-in (or of one in an earlier
        // --lessons folder) replaces it, and the list says so rather than one silently winning.
        out << '\t' << entry.origin;
        if (!entry.overrides.empty()) out << " (replaces the one from " << entry.overrides << ')';
        out << '\n';
    }
    for (const auto& problem : library.problems()) err << problem.format() << '\n';
    return 0;
}

// Decodes UTF-8 (the lesson reader has already refused invalid bytes; a broken sequence here
// is skipped a byte at a time).
struct CodePoint {
    char32_t value;
    int line, column;  // 1-based; column in bytes, as the other lesson messages count it
};

std::vector<CodePoint> codePointsOf(const std::string& text) {
    std::vector<CodePoint> points;
    int line = 1, column = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
        char32_t value = length == 1 ? lead : lead & (0x7F >> length);
        for (std::size_t k = 1; k < length && i + k < text.size(); ++k) value = (value << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        points.push_back({value, line, column});
        if (lead == '\n') {
            ++line;
            column = 1;
        } else {
            column += static_cast<int>(length);
        }
        i += length;
    }
    return points;
}

// Characters the viewer cannot draw (no installed font has them, or they lie above U+FFFF, where
// Dear ImGui 1.86 has no glyphs: emoji): the class would see "?". One problem per kind, at the
// first such character.
std::vector<Diagnostic> undrawableCharacters(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::string text(std::istreambuf_iterator<char>(in), {});
    std::vector<CodePoint> firstOfEach;  // each character outside ASCII, where it first appears
    std::optional<CodePoint> aboveBmp;
    for (const CodePoint& c : codePointsOf(text)) {
        if (c.value < 0x80) continue;
        if (c.value > 0xFFFF) {
            if (!aboveBmp) aboveBmp = c;
        } else if (std::none_of(firstOfEach.begin(), firstOfEach.end(), [&](const CodePoint& f) { return f.value == c.value; })) {
            firstOfEach.push_back(c);
        }
    }
    std::vector<Diagnostic> problems;
    if (aboveBmp) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(aboveBmp->value));
        problems.push_back({file, aboveBmp->line, aboveBmp->column,
                            std::string("this character (U+") + hex +
                                ", an emoji or other character above U+FFFF) cannot be drawn by the viewer and shows as '?'; remove it"});
    }
    if (firstOfEach.empty()) return problems;
    std::vector<char32_t> wanted;
    for (const CodePoint& c : firstOfEach) wanted.push_back(c.value);
    const ui::FallbackSearch search = ui::findFallbackFont(ui::defaultFontFile(), wanted);
    for (const CodePoint& c : firstOfEach)
        if (!search.uncovered.empty() && c.value == search.uncovered.front()) {
            problems.push_back({file, c.line, c.column, ui::noFontMessage(search.uncovered) + " (the class would see '?')"});
            break;
        }
    return problems;
}

// The lesson files --check-lessons names: the built-in folder, a folder, or one .toml file. A
// target that names no lesson file at all is bad input (exit 2), said in one line.
std::optional<std::vector<LessonEntry>> lessonsToCheck(const std::filesystem::path& target, std::ostream& err) {
    const std::filesystem::path folder = target.empty() ? dataDirectory() / "lessons" : target;
    std::error_code ec;
    // A lesson folder's own poses (poses/ beside it) are known to its lessons.
    const LessonVocabulary vocabulary =
        builtInVocabulary(target.empty() ? std::vector<std::filesystem::path>{}
                                         : std::vector{std::filesystem::is_regular_file(target, ec) ? target.parent_path() : target});
    if (std::filesystem::is_regular_file(target, ec)) {
        if (target.extension() == ".toml") return std::vector{loadLessonEntry(target, target.string(), vocabulary)};
        err << "error: " << target.string() << ": is not a lesson file (.toml) or a folder of them\n";
        return std::nullopt;
    }
    if (!std::filesystem::exists(folder, ec)) {
        err << "error: " << folder.string() << ": no such folder or lesson file\n";
        return std::nullopt;
    }
    LessonLibrary library = LessonLibrary::load({{folder, folder.string(), true}}, vocabulary);
    for (const Diagnostic& problem : library.folderProblems()) err << "error: " << problem.file.string() << ": " << problem.message << '\n';
    if (!library.folderProblems().empty()) return std::nullopt;
    if (library.entries().empty()) {
        err << "error: " << folder.string() << ": no lesson files in this folder (a lesson is a .toml file)\n";
        return std::nullopt;
    }
    return library.entries();
}

int checkLessons(const Options& options, std::ostream& out, std::ostream& err) {
    const std::optional<std::vector<LessonEntry>> entries = lessonsToCheck(*options.checkLessons, err);
    if (!entries) return 2;
    std::size_t good = 0, problems = 0, warnings = 0;
    std::optional<Scene> scene;  // the built-in model, which lessons are written for; read only when needed
    for (const auto& entry : *entries) {
        std::vector<Diagnostic> found = entry.problems;
        const std::vector<Diagnostic> glyphs = undrawableCharacters(entry.file);
        found.insert(found.end(), glyphs.begin(), glyphs.end());
        if (entry.lesson) {
            if (!scene) scene = loadAtlasScene(dataDirectory() / "models" / "atlas.toml");
            const std::vector<Diagnostic> more = lessonWarnings(*entry.lesson, *scene);
            warnings += more.size();
            found.insert(found.end(), more.begin(), more.end());
        }
        sortByPosition(found);
        for (const auto& problem : found) err << problem.format() << '\n';
        good += entry.lesson.has_value() && glyphs.empty();
        problems += entry.problems.size() + glyphs.size();
    }
    out << counted(entries->size(), "lesson file") << " checked: " << good << " good, " << entries->size() - good << " with problems";
    if (problems > 0 || warnings > 0) {
        out << " (" << counted(problems, "problem");
        if (warnings > 0) out << ", " << counted(warnings, "warning");
        out << ')';
    }
    out << '\n';
    return problems == 0 ? 0 : 1;
}

// The shipped poses and the teacher's (saved with "Save pose", or beside --lessons folders), as the
// viewer lists them: --pose list, --measure --pose and the window agree (tester, session 11: a
// saved pose opened in the window but --measure refused it).
std::vector<PoseFile> allPoses(const Options& options, std::ostream& err) {
    std::vector<std::string> problems;
    std::vector<PoseFile> poses = posesWithUserPoses(dataDirectory() / "models" / "poses", userPoseFolders(options.lessonDirs), problems);
    for (const std::string& problem : problems) err << "warning: " << problem << '\n';
    return poses;
}

int listPoses(const Options& options, std::ostream& out, std::ostream& err) {
    out << "pose,name\n";
    for (const PoseFile& pose : allPoses(options, err)) out << pose.id << ",\"" << pose.name << "\"\n";
    return 0;
}

// Every lesson a --script opens, checked before the run: a typo on its last line said after
// minutes of replay wasted them.
void checkScriptLessons(const std::filesystem::path& file, const LessonLibrary& library) {
    std::vector<Diagnostic> problems;
    for (const ScriptCommand& command : loadInputScript(file)) {
        if (command.kind != ScriptCommand::Kind::Lesson) continue;
        try {
            (void)lessonToOpen(library, command.name, "", static_cast<int>(command.value));
        } catch (const UsageError& e) {
            problems.push_back({file, command.line, 1, e.what()});
        }
    }
    if (!problems.empty()) throw DataFileError(std::move(problems));
}

// What names a lesson is checked before anything runs (a window, a render, a long script): an
// unknown id, a lesson with problems or a step past the end is a usage error, exit 2.
void checkNamedLessons(const Options& options) {
    if (!options.lesson && !options.exportLesson && !options.script) return;
    const LessonLibrary library = LessonLibrary::load(lessonSources(options), builtInVocabulary(options.lessonDirs));
    // A browser page's link is not refused: the viewer opens and says what was wrong (first_view).
    if (options.lesson && !platform::lessonComesFromALink()) (void)lessonToOpen(library, *options.lesson, "--lesson", options.step);
    if (options.exportLesson) (void)lessonToOpen(library, *options.exportLesson, "--export-lesson", 0);
    if (options.script) checkScriptLessons(*options.script, library);
}
}  // namespace

std::optional<int> runCommand(const Options& options, std::ostream& out, std::ostream& err) {
    // A mistyped --lessons folder is bad input, said before anything runs: carrying on without it
    // quietly left a teacher's own lessons out of the class. (A folder that vanishes later, while
    // the window is open, keeps its lessons: lesson_library.)
    for (const auto& dir : options.lessonDirs)
        if (std::error_code ec; !std::filesystem::is_directory(dir, ec)) {
            err << "error: " << dir.string() << ": is not a folder of lessons (missing, or not a folder)\n";
            return 2;
        }
    if (options.pose == "list") return listPoses(options, out, err);
    if (!options.model) checkNamedLessons(options);  // with --model, Application refuses --lesson itself
    switch (options.mode) {
        case RunMode::Measure:
            try {
                const auto models = dataDirectory() / "models";
                writeMeasureCsv(out, *options.measure, loadAtlas(models / "atlas.toml"), allPoses(options, err));
                return 0;
            } catch (const std::invalid_argument& e) {
                err << "error: " << e.what() << '\n';
                return 2;
            }
        case RunMode::CheckLessons: return checkLessons(options, out, err);
        case RunMode::ListLessons: return listLessons(options, out, err);
        default: return std::nullopt;  // the modes that need a window
    }
}

}  // namespace psoas::app
