#pragma once
// A tooltip that keeps off the control it explains and the panel around it: beside the panel, level
// with the item (above or under the item when the panel is as wide as the screen). ImGui puts a
// tooltip at the pointer, over the control's right part: tester E (session 14) found a joint slider's tooltip hiding its value and
// its Reset button, and the open field's hiding "Back to the built-in anatomy" under it.

#include <string>

namespace psoas::ui {

// Shows `text` for the last item while it is hovered and not held (a dragged slider shows its
// value, not help). Call right after the item.
void itemTooltip(const std::string& text);

// The same for text written between the two (ImGui::Text, wrapped): true when the tooltip is open,
// and then endItemTooltip() must follow. Nothing is formatted for an item that is not hovered.
[[nodiscard]] bool beginItemTooltip();
void endItemTooltip();

}  // namespace psoas::ui
