#include "ui/button_row.hpp"

#include <imgui.h>

namespace psoas::ui {

void nextInRow(const char* label) {
    const float width = ImGui::CalcTextSize(label, nullptr, true).x + 2.0f * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

}  // namespace psoas::ui
