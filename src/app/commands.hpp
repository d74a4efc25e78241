#pragma once
// Command-line work that needs no window: listing and checking lessons (and, later, measuring).

#include "app/command_line.hpp"
#include "core/lesson_library.hpp"

#include <iosfwd>
#include <optional>
#include <vector>

namespace psoas::app {

// Built-in lessons, then the user's, then each --lessons folder: later ones override by id.
std::vector<LessonSource> lessonSources(const Options& options);

// The ids lessons may use, from the built-in atlas and pose files.
LessonVocabulary builtInVocabulary();

// Runs a window-less command if the options ask for one and returns its exit code.
std::optional<int> runCommand(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace psoas::app
