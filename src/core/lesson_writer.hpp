#pragma once
// Writing a lesson back as TOML: what the in-program editor saves. The text is the lesson format of
// lessons/README.md, in the order a teacher writes it (lesson fields, then each [[step]] with title,
// text, camera, visibility, labels, motion, duration, notes, quiz), so a saved file reads like a
// hand-written one. parseLesson() of the text gives back an equal Lesson (every field but `file`,
// `origin` and the steps' `line`s): tests/cpu/lesson_writer_test.cpp checks it on every shipped
// lesson. Comments of a hand-written file are not kept (see hasTomlComments).

#include "core/lesson.hpp"

#include <string>
#include <string_view>

namespace psoas {

// The lesson as TOML text (UTF-8, '\n' line ends). Numbers are written with the fewest digits that
// read back to the same float (the precision the parser keeps); text with several lines as a
// """ multi-line string, quotes, backslashes and control characters escaped. A pose given as
// angles is written as an inline table; a body orientation that is none of the named ones
// (kBodyOrientationNames) cannot be written and comes back standing.
[[nodiscard]] std::string writeLesson(const Lesson& lesson);

// Whether TOML text holds a comment (a '#' outside any string): the writer would drop it, so the
// editor asks before a save overwrites such a file.
[[nodiscard]] bool hasTomlComments(std::string_view text);

}  // namespace psoas
