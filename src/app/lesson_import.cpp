#include "app/lesson_import.hpp"

#include "app/application.hpp"
#include "app/commands.hpp"
#include "app/model_opening.hpp"
#include "app/platform.hpp"
#include "app/user_paths.hpp"
#include "core/atomic_file.hpp"
#include "core/diagnostic.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

namespace psoas::app {

namespace {
std::string fileText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

bool isLessonFile(const std::filesystem::path& file) {
    if (file.extension() != ".toml") return false;
    std::istringstream lines(fileText(file));
    for (std::string line; std::getline(lines, line);) {
        const auto start = line.find_first_not_of(" \t");
        if (start != std::string::npos && line.compare(start, 10, "[mesh_set]") == 0) return false;
    }
    return true;
}

namespace {
// The file checked as a lesson: its id and title, or its problem line.
ImportedLesson checkLesson(const std::filesystem::path& file, const LessonVocabulary& vocabulary) {
    ImportedLesson result;
    const LessonEntry entry = loadLessonEntry(file, "your lessons", vocabulary);
    result.title = entry.title;
    if (!entry.lesson) result.problem = openFailureLine(std::make_exception_ptr(DataFileError(entry.problems)));
    else result.id = entry.lesson->id;
    return result;
}

// A checked lesson written to the folder (whole or not at all).
void keepLesson(ImportedLesson& lesson, const std::filesystem::path& file, const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    lesson.stored = folder / (lesson.id + ".toml");
    if (const std::string problem = saveWholeFile(lesson.stored, fileText(file)); !problem.empty()) {
        lesson.problem = "error: " + problem;
        lesson.id.clear();
    }
}
}  // namespace

ImportedLesson importLesson(const std::filesystem::path& file, const std::filesystem::path& folder,
                            const LessonVocabulary& vocabulary) {
    ImportedLesson result = checkLesson(file, vocabulary);
    if (result.problem.empty()) keepLesson(result, file, folder);
    return result;
}

ImportedLessons importLessons(const std::vector<std::filesystem::path>& files, const std::filesystem::path& folder,
                              const LessonVocabulary& vocabulary) {
    ImportedLessons result;
    for (const std::filesystem::path& file : files) {
        ImportedLesson checked = checkLesson(file, vocabulary);
        if (!checked.problem.empty()) {
            result.kept.clear();
            result.problem = checked.problem;
            if (files.size() > 1) result.problem += " (none of the " + std::to_string(files.size()) + " lessons kept)";
            return result;
        }
        result.kept.push_back(std::move(checked));
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        keepLesson(result.kept[i], files[i], folder);
        if (!result.kept[i].problem.empty()) {  // a disk that refuses: the ones before it are kept
            result.problem = result.kept[i].problem;
            result.kept.resize(i);
            return result;
        }
    }
    return result;
}

// Each lesson file is kept in the teacher's folder and the last one kept opens; the viewer returns
// to the atlas first when it shows a --model scene (lessons name the atlas's structures).
bool Application::openLessonFiles(const std::vector<std::filesystem::path>& files) {
    if (options_.model && !openScene(SceneSource{})) return false;
    const ImportedLessons imported = importLessons(files, userDataDirectory() / "lessons", builtInVocabulary());
    if (!imported.kept.empty()) {
        platform::keepUserFiles();
        // Read now, even when a corrected file has the old one's size and time; as if no lesson were
        // open (its "Reloaded" line would come just before the one saying which lesson opened).
        followReload(lessons_.reload("", true));
    }
    if (!imported.problem.empty()) {
        setStatus(imported.problem);  // the first refused file's line
        return false;
    }
    const ImportedLesson& last = imported.kept.back();
    if (!openLesson(last.id, 0)) return false;
    const std::size_t others = imported.kept.size() - 1;
    setStatus("Opened lesson '" + last.title + "', kept in your lessons (" + platform::shownKeptPath(last.stored) + ")" +
              (others ? "; " + std::to_string(others) + " more kept, in the lesson list" : ""));
    return true;
}

}  // namespace psoas::app
