#pragma once
// Command-line work that needs no window: listing and checking lessons, listing poses, measuring,
// and checking what a run names before it opens one.

#include "app/command_line.hpp"
#include "core/lesson_library.hpp"

#include <iosfwd>
#include <optional>
#include <vector>

namespace psoas::app {

// Built-in lessons, then the user's, then each --lessons folder: later ones override by id.
std::vector<LessonSource> lessonSources(const Options& options);

// The ids lessons may use, from the built-in atlas and pose files, with the teacher's poses: the
// user's pose folder and poses/ beside each of `lessonDirs` (pose_saving.hpp).
LessonVocabulary builtInVocabulary(const std::vector<std::filesystem::path>& lessonDirs = {});

// The lesson `id` names, ready to open at `step` (1-based; 0 checks no step), or a UsageError
// that names `option` (when not empty) and says why not: no such lesson (with a did-you-mean), its file has problems
// (each listed, file:line:col, one a line after the first), or the step is past its end.
const Lesson& lessonToOpen(const LessonLibrary& library, const std::string& id, const std::string& option, int step);

// Runs a window-less command if the options ask for one and returns its exit code. Before any
// other mode runs, checks what the options name (the --lessons folders, --lesson and --step,
// --export-lesson, the lessons a --script opens): throws UsageError or DataFileError (exit 2).
std::optional<int> runCommand(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace psoas::app
