#pragma once
// The lessons a running viewer teaches from: the library read from its folders, read again when a
// lesson file is saved, added or removed (hot reload), and what the teacher is told when that
// happens. No window or clock of its own: the caller says what time it is, so the window, scripted
// runs and tests drive it alike.

#include "core/lesson_library.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

// What a reload did, for the status line and the open lesson.
struct LessonReload {
    bool loaded = false;               // the library was read again (false: reading it threw)
    // The open lesson's new version; null when none was open, it did not change, or it has problems now.
    const Lesson* reopened = nullptr;
    std::string status;                // one line for the teacher, "" for nothing to say
    bool alreadyLogged = false;        // the status repeats a problem LessonLibrary::problems() reports
};

class LessonShelf {
public:
    // Saved lesson files are picked up within half a second (issue 4 asks for under one).
    static constexpr double kCheckSeconds = 0.5;

    LessonShelf() = default;
    LessonShelf(std::vector<LessonSource> sources, LessonVocabulary vocabulary);

    // Reads every folder; throws what LessonLibrary::load throws.
    void load();
    [[nodiscard]] const LessonLibrary& library() const { return library_; }
    // False for a shelf without folders (a --model file): nothing to watch.
    [[nodiscard]] bool watching() const { return !sources_.empty(); }
    // When the next look at the files is due (seconds on the caller's clock).
    [[nodiscard]] double nextCheck() const { return nextCheck_; }

    // At `now`, when a check is due: reads the folders again if a file changed. `openLesson` is the
    // id of the lesson on screen ("" for none). Nothing when nothing was due or nothing changed.
    std::optional<LessonReload> reloadIfChanged(double now, std::string_view openLesson);
    // Looks now; with `force`, reads the folders again even when no file changed (--soak's churn).
    std::optional<LessonReload> reload(std::string_view openLesson, bool force = false);
    // The names lessons may use changed (a pose saved from the Motion tab): the folders are read
    // again with `vocabulary`, so a lesson naming the new pose opens at once (fresh tester,
    // session 12: it stayed "(cannot open)" until a restart).
    std::optional<LessonReload> reread(LessonVocabulary vocabulary, std::string_view openLesson);

private:
    std::vector<LessonSource> sources_;
    LessonVocabulary vocabulary_;
    LessonLibrary library_;
    std::string signature_;  // of the files the library was read from
    double nextCheck_ = 0.0;
};

}  // namespace psoas
