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

ImportedLesson importLesson(const std::filesystem::path& file, const std::filesystem::path& folder,
                            const LessonVocabulary& vocabulary) {
    ImportedLesson result;
    const LessonEntry entry = loadLessonEntry(file, "your lessons", vocabulary);
    result.title = entry.title;
    if (!entry.lesson) {
        result.problem = openFailureLine(std::make_exception_ptr(DataFileError(entry.problems)));
        return result;
    }
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    result.stored = folder / (entry.lesson->id + ".toml");
    if (const std::string problem = saveWholeFile(result.stored, fileText(file)); !problem.empty()) {
        result.problem = "error: " + problem;
        return result;
    }
    result.id = entry.lesson->id;
    return result;
}

// Each lesson file is kept in the teacher's folder and the last one kept opens; the viewer returns
// to the atlas first when it shows a --model scene (lessons name the atlas's structures).
bool Application::openLessonFiles(const std::vector<std::filesystem::path>& files) {
    if (options_.model && !openScene(SceneSource{})) return false;
    const LessonVocabulary vocabulary = builtInVocabulary();
    ImportedLesson last;
    for (const std::filesystem::path& file : files) {
        ImportedLesson imported = importLesson(file, userDataDirectory() / "lessons", vocabulary);
        if (!imported.problem.empty()) {
            setStatus(imported.problem);  // the first refused file's line; nothing of it is kept
            return false;
        }
        last = std::move(imported);
    }
    platform::keepUserFiles();
    // Read now, even when a corrected file has the old one's size and time; as if no lesson were
    // open (its "Reloaded" line would come just before the one saying which lesson opened).
    followReload(lessons_.reload("", true));
    if (!openLesson(last.id, 0)) return false;
    setStatus("Opened lesson '" + last.title + "', kept in your lessons (" + platform::shownKeptPath(last.stored) + ")");
    return true;
}

}  // namespace psoas::app
