#pragma once
// Buttons in a row that wraps like words: a button after the first goes beside the one before it
// when its whole width fits before the panel's edge (inside the scroll bar, when there is one),
// else it starts the next line. Tester E, session 14: at 200 % text the Lesson tab's "Close" was
// cut in half by the scroll bar.

namespace psoas::ui {

// Call between two buttons, with the next one's label (ImGui's "##" part is not counted).
void nextInRow(const char* label);

}  // namespace psoas::ui
