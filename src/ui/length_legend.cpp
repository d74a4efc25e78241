#include "ui/length_legend.hpp"

#include "core/length_colour.hpp"

#include <imgui.h>

#include <cstdio>

namespace psoas::ui {

namespace {
ImU32 toImGui(const glm::vec3& colour) { return ImGui::ColorConvertFloat4ToU32({colour.x, colour.y, colour.z, 1.0f}); }
}  // namespace

void drawLengthColourScale(float width) {
    const float height = ImGui::GetTextLineHeight();
    const float left = ImGui::GetCursorPosX();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 mid{p.x + width * 0.5f, p.y + height};
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 shorter = toImGui(lengthColour(-kFullColourLengthChange));
    const ImU32 unchanged = toImGui(lengthColour(0.0f));
    const ImU32 longer = toImGui(lengthColour(kFullColourLengthChange));
    draw->AddRectFilledMultiColor(p, mid, shorter, unchanged, unchanged, shorter);
    draw->AddRectFilledMultiColor({mid.x, p.y}, {p.x + width, p.y + height}, unchanged, longer, longer, unchanged);
    ImGui::Dummy({width, height});
    const int percent = static_cast<int>(kFullColourLengthChange * 100.0f + 0.5f);
    ImGui::Text("shorter, \u2212%d %%", percent);
    char right[32];
    std::snprintf(right, sizeof right, "+%d %%, longer", percent);
    ImGui::SameLine(left + width - ImGui::CalcTextSize(right).x);
    ImGui::TextUnformatted(right);
    ImGui::TextDisabled("grey in the middle: as long as standing");
    const float box = ImGui::GetTextLineHeight();
    const ImVec2 q = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(q, {q.x + box, q.y + box}, toImGui(kNotComputedColour));
    draw->AddRect(q, {q.x + box, q.y + box}, IM_COL32(150, 150, 150, 255));
    ImGui::Dummy({box, box});
    ImGui::SameLine();
    ImGui::TextUnformatted("length not computed");
}

void lengthColourLegend(const ViewRect& sceneView, float uiScale) {
    ImGui::SetNextWindowPos({sceneView.origin.x + 10.0f * uiScale, sceneView.origin.y + sceneView.size.y - 10.0f * uiScale},
                            ImGuiCond_Always, {0.0f, 1.0f});
    ImGui::SetNextWindowBgAlpha(0.88f);
    ImGui::Begin("##length-legend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::TextUnformatted("Muscle length against standing");
    drawLengthColourScale(280.0f * uiScale);
    ImGui::End();
}

}  // namespace psoas::ui
