#include "core/lesson_shelf.hpp"

#include <exception>
#include <utility>

namespace psoas {

LessonShelf::LessonShelf(std::vector<LessonSource> sources, LessonVocabulary vocabulary)
    : sources_(std::move(sources)), vocabulary_(std::move(vocabulary)) {}

void LessonShelf::load() {
    signature_ = LessonLibrary::signature(sources_);
    library_ = LessonLibrary::load(sources_, vocabulary_, &library_);
}

std::optional<LessonReload> LessonShelf::reloadIfChanged(double now, std::string_view openLesson) {
    if (!watching() || now < nextCheck_) return std::nullopt;
    nextCheck_ = now + kCheckSeconds;
    return reload(openLesson);
}

std::optional<LessonReload> LessonShelf::reload(std::string_view openLesson, bool force) {
    if (!force && LessonLibrary::signature(sources_) == signature_) return std::nullopt;
    LessonReload result;
    // The open lesson as it was: a change to another file leaves it on screen as the teacher set
    // it (fresh tester, session 12: touching any lesson file put a posed hip back to standing).
    std::optional<Lesson> before;
    if (const Lesson* open = openLesson.empty() ? nullptr : library_.find(openLesson)) before = *open;
    const bool folderWasUnreadable = !library_.folderProblems().empty();
    try {
        load();
    } catch (const std::exception& e) {
        result.status = std::string("Lessons not reloaded: ") + e.what();
        return result;
    }
    result.loaded = true;
    const Lesson* now = openLesson.empty() ? nullptr : library_.find(openLesson);
    result.reopened = now && !(before && *now == *before) ? now : nullptr;
    if (!library_.folderProblems().empty()) {
        // A lesson folder went away or became unreadable; its lessons stay as they were. Said once,
        // when it happens: the files' signature does not change again until the folder does.
        const Diagnostic& problem = library_.folderProblems().front();
        result.status = problem.file.string() + " " + problem.message;
        result.alreadyLogged = true;
    } else if (result.reopened) {
        result.status = "Reloaded lesson '" + result.reopened->title + "'";
    } else if (folderWasUnreadable) {
        result.status = "The lesson folders can be read again";
    } else if (!openLesson.empty() && !now) {
        // Keep teaching from the last good version; the list shows what to fix in the file.
        result.status = "Lesson '" + std::string(openLesson) + "' has problems now; showing its last good version (see the Lesson tab)";
    }
    return result;
}

std::optional<LessonReload> LessonShelf::reread(LessonVocabulary vocabulary, std::string_view openLesson) {
    vocabulary_ = std::move(vocabulary);
    return reload(openLesson, true);
}

}  // namespace psoas
