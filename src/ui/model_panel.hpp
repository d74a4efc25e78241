#pragma once
// The panel's part for a teacher's own files: a field to open files or a folder (what File → Open
// would be; the stack has no file dialog, and dropping files onto the window does the same), and
// for a --model scene the Orientation choices — units, the files' up and anterior axes — applied
// live. Reads a plain view, returns intents; the app opens and turns (app/model_opening.hpp).

#include "core/model_orientation.hpp"

#include <optional>
#include <string>

namespace psoas::ui {

struct ModelPanelView {
    std::string openText;         // what the open field holds
    bool focusOpenField = false;  // Ctrl+O: the field takes the keyboard this frame
    bool filePicker = false;      // a browser page: one "Open files…" button (its picker) instead of the field
    std::optional<ModelOrientation> orientation;  // the choice shown; set for a --model scene only
    std::string orientationProblem;  // why that choice is not applied (core orientationProblem), or ""
    bool ownFiles = false;  // the teacher's own files are shown: the built-in anatomy can come back
};

struct ModelIntents {
    std::optional<std::string> openText;  // the field was edited
    bool open = false;                    // Open (or Open files…) pressed, or Enter in the field
    std::optional<ModelOrientation> orientation;  // a new choice of units or axes
    bool builtIn = false;  // "Back to the built-in anatomy": the atlas and its lessons again
    bool fieldFocused = false;  // the open field was drawn and asked for the keyboard (focusOpenField)
};

// The choice after picking `units`, `up` or `forward` (whichever is set) in the panel. Picking up or
// forward makes that axis explicit; the other keeps what it was (an unset forward goes on following
// up's default), so a choice can be invalid (both on one axis) until the teacher picks the second:
// the panel then says why (orientationProblem) and the scene stays as it is.
[[nodiscard]] ModelOrientation withChoice(ModelOrientation orientation, std::optional<LengthUnit> units,
                                          std::optional<Axis> up, std::optional<Axis> forward);

// Draws the open field and, with `view.orientation`, the Orientation section, into the current window.
void modelPanel(const ModelPanelView& view, ModelIntents& intents);

}  // namespace psoas::ui
