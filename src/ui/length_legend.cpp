#include "ui/length_legend.hpp"

#include "core/length_colour.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/common.hpp>

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

namespace {
constexpr const char* kLegendTitle = "Muscle length against standing";
constexpr float kLegendBarWidth = 260.0f;  // UI units at scale 1
}  // namespace

LegendPlacement lengthLegendPlacement(const ViewRect& sceneView, float uiScale) {
    // The content at full size: the title, the bar, its words, the grey line and the swatch line
    // (drawLengthColourScale), measured as ImGui will draw them.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float contentWidth = std::max({ImGui::CalcTextSize(kLegendTitle).x, kLegendBarWidth * uiScale,
                                         ImGui::CalcTextSize("grey in the middle: as long as standing").x});
    // Five rows, with the spacing between them and the padding around them: all drawn at the
    // legend's own scale (lengthColourLegend scales the style's sizes too).
    const glm::vec2 padding{style.WindowPadding.x, style.WindowPadding.y};
    const glm::vec2 natural = glm::vec2(contentWidth, 5.0f * ImGui::GetTextLineHeight() + 4.0f * style.ItemSpacing.y) + 2.0f * padding;
    const glm::vec2 room{sceneView.size.x * kLegendMaxWidthShare - 1.0f, sceneView.size.y * kLegendMaxHeightShare - 1.0f};
    // Never smaller than 90 % of the text at 100 %: the cap gives way first (a small window at a
    // large text size), as a legend nobody can read is no legend.
    const float smallest = std::min(1.0f, 0.9f / std::max(uiScale, 1e-3f));
    const float scale = std::clamp(std::min(room.x / natural.x, room.y / natural.y), smallest, 1.0f);
    LegendPlacement placement;
    placement.fontScale = scale;
    placement.box.size = glm::ceil(natural * scale);
    const float margin = 10.0f * uiScale;
    placement.box.origin = {sceneView.origin.x + margin, sceneView.origin.y + sceneView.size.y - margin - placement.box.size.y};
    return placement;
}

void lengthColourLegend(const LegendPlacement& placement, float uiScale) {
    ImGui::SetNextWindowPos({placement.box.origin.x, placement.box.origin.y}, ImGuiCond_Always);
    ImGui::SetNextWindowSize({placement.box.size.x, placement.box.size.y}, ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.88f);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float scale = placement.fontScale;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {style.WindowPadding.x * scale, style.WindowPadding.y * scale});
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {style.ItemSpacing.x * scale, style.ItemSpacing.y * scale});
    ImGui::Begin("##length-legend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::SetWindowFontScale(placement.fontScale);
    ImGui::TextUnformatted(kLegendTitle);
    drawLengthColourScale(kLegendBarWidth * uiScale * scale);
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace psoas::ui
