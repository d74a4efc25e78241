#pragma once
// A teacher's own lesson file opened in the running viewer (dropped onto the window or the page,
// or chosen with the browser's file picker): checked as a lesson, and when it has no problems kept
// in the teacher's lessons folder (userDataDirectory()/lessons), where the viewer finds it at every
// start. A file with problems is kept nowhere: what the folder holds stays as it was. Plain files
// and values here, tested on the CPU; Application::openLessonFiles (lesson_import.cpp) opens it.

#include "core/lesson_library.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace psoas::app {

// Whether `file` is a lesson: a .toml file that is not a mesh set (a mesh set has a [mesh_set]
// table, model_opening.hpp). Reads the file; one that cannot be read is taken by its name.
[[nodiscard]] bool isLessonFile(const std::filesystem::path& file);

struct ImportedLesson {
    std::string id;                  // the lesson's id ("" when it has problems)
    std::string title;               // its title, for the status line
    std::filesystem::path stored;    // where it is kept now: FOLDER/ID.toml
    std::string problem;             // one line when it is not kept: "file:line:col: …" (and how many more), or "error: …"
};

// Checks `file` as a lesson with `vocabulary`. Without problems it is written (whole or not at all)
// to `folder`/ID.toml, the folder made when missing, replacing an earlier version of the same
// lesson; with problems nothing is written.
[[nodiscard]] ImportedLesson importLesson(const std::filesystem::path& file, const std::filesystem::path& folder,
                                          const LessonVocabulary& vocabulary);

// Several lesson files opened at once: all are checked before any is written, so one with
// problems keeps none of them (the folder stays as it was) and `problem` is its line, saying that
// none was kept; otherwise each is kept as importLesson keeps one, in the order given.
struct ImportedLessons {
    std::vector<ImportedLesson> kept;
    std::string problem;
};
[[nodiscard]] ImportedLessons importLessons(const std::vector<std::filesystem::path>& files,
                                            const std::filesystem::path& folder, const LessonVocabulary& vocabulary);

}  // namespace psoas::app
