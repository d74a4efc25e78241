#include "app/commands.hpp"

#include "app/user_paths.hpp"
#include "core/atlas.hpp"

#include <filesystem>
#include <ostream>
#include <stdexcept>

namespace psoas::app {

std::vector<LessonSource> lessonSources(const Options& options) {
    std::vector<LessonSource> sources{{dataDirectory() / "lessons", "built-in", false},
                                      {userDataDirectory() / "lessons", "your lessons", false}};
    for (const auto& dir : options.lessonDirs) sources.push_back({dir, dir.string(), true});
    return sources;
}

LessonVocabulary builtInVocabulary() {
    const auto data = dataDirectory() / "models";
    return makeVocabulary(loadAtlas(data / "atlas.toml"), listPoseIds(data / "poses"));
}

namespace {
int listLessons(const Options& options, std::ostream& out, std::ostream& err) {
    const LessonLibrary library = LessonLibrary::load(lessonSources(options), builtInVocabulary());
    for (const auto& entry : library.entries())
        if (entry.lesson) out << entry.lesson->id << '\t' << entry.lesson->title << '\t' << entry.lesson->steps.size() << '\n';
    // Broken lessons are not listed as usable, but never silently: their problems go to stderr.
    for (const auto& problem : library.problems()) err << problem.format() << '\n';
    return 0;
}

int checkLessons(const Options& options, std::ostream& out, std::ostream& err) {
    std::vector<LessonSource> sources;
    if (options.checkLessons->empty())
        sources = {{dataDirectory() / "lessons", "built-in", true}};
    else
        sources = {{*options.checkLessons, options.checkLessons->string(), true}};
    const LessonLibrary library = LessonLibrary::load(sources, builtInVocabulary());
    const auto problems = library.problems();
    for (const auto& problem : problems) err << problem.format() << '\n';
    std::size_t good = 0;
    for (const auto& entry : library.entries()) good += entry.lesson.has_value();
    out << library.entries().size() << " lesson files checked: " << good << " good, "
        << library.entries().size() - good << " with problems (" << problems.size() << " problems)\n";
    return problems.empty() ? 0 : 1;
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
    switch (options.mode) {
        case RunMode::Measure:
            try {
                const auto models = dataDirectory() / "models";
                writeMeasureCsv(out, *options.measure, loadAtlas(models / "atlas.toml"), models / "poses");
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
