#include "ui/item_tooltip.hpp"

#include <imgui.h>

namespace psoas::ui {

bool beginItemTooltip() {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) || ImGui::IsItemActive()) return false;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetFontSize() * 30.0f;
    // Beside the panel, level with the item, so the panel stays whole (the joint's name above a
    // slider, its Reset beside it); where the panel reaches the screen's edge, above the item, or
    // under it when the item is in the top third, where a tooltip of a few lines would not fit.
    const float panelRight = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() + style.ItemSpacing.x;
    if (panelRight + width * 0.6f <= ImGui::GetIO().DisplaySize.x)
        ImGui::SetNextWindowPos(ImVec2(panelRight, min.y), ImGuiCond_Always);
    else if (min.y > ImGui::GetIO().DisplaySize.y / 3.0f)
        ImGui::SetNextWindowPos(ImVec2(min.x, min.y - style.ItemSpacing.y), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    else
        ImGui::SetNextWindowPos(ImVec2(min.x, max.y + style.ItemSpacing.y), ImGuiCond_Always);
    // Full strength over a disabled item too: its tooltip says why it is greyed, and was greyed itself.
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 1.0f);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(width);
    return true;
}

void endItemTooltip() {
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    ImGui::PopStyleVar();
}

void itemTooltip(const std::string& text) {
    if (!beginItemTooltip()) return;
    ImGui::TextUnformatted(text.c_str());
    endItemTooltip();
}

}  // namespace psoas::ui
