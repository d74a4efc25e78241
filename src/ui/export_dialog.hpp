#pragma once
// The lesson export's choice (issue 14): what pressing "Export slides and handout..." (or Ctrl+E)
// opens before any file is written — the slide size, each with the pixels and what it suits, and
// the background, dark for a screen or white for a handout and print. A modal over everything; it
// returns intents, and the app keeps the choice (a confirmed one in the settings file).
// Keys: Up / Down choose the size, Left / Right the background, Enter exports, Esc cancels.

#include "core/slide_format.hpp"

#include <optional>
#include <string>

namespace psoas::ui {

struct ExportDialogView {
    SlideFormat choice;       // what is chosen now: the teacher's last export when it opens
    std::string lessonTitle;  // the lesson to export
    int stepCount = 0;        // its steps: one slide each
};

struct ExportDialogIntents {
    std::optional<SlideFormat> choose;  // a size or a background was picked; the dialog stays open
    std::optional<SlideFormat> confirm;  // "Export" or Enter: export in this format
    bool cancel = false;                 // "Cancel" or Esc: nothing is written
};

// The dialog as a modal (its window is named "Export slides and handout"); draw it only while open.
void exportDialog(const ExportDialogView& view, ExportDialogIntents& intents);

}  // namespace psoas::ui
