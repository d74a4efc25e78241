#include "ui/export_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstddef>
#include <string>

namespace psoas::ui {

namespace {
bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); }

// The size `by` places along kSlideSizes from the chosen one, kept to the list's ends; a size the
// list does not have (a hand-made format) counts as the default.
glm::ivec2 sizeAlong(glm::ivec2 size, int by) {
    const int from = static_cast<int>(slideSizeIndex(size).value_or(*slideSizeIndex(SlideFormat{}.size)));
    const int to = std::clamp(from + by, 0, static_cast<int>(kSlideSizes.size()) - 1);
    return kSlideSizes[static_cast<std::size_t>(to)].size;
}

Background backgroundAlong(Background background, int by) {
    int from = 0;
    for (std::size_t i = 0; i < kSlideBackgrounds.size(); ++i)
        if (kSlideBackgrounds[i].background == background) from = static_cast<int>(i);
    const int to = std::clamp(from + by, 0, static_cast<int>(kSlideBackgrounds.size()) - 1);
    return kSlideBackgrounds[static_cast<std::size_t>(to)].background;
}

std::string labelOf(Background background) {
    for (const BackgroundName& name : kBackgroundNames)
        if (name.value == background) return std::string(name.label);
    return "";
}

// The choice after this frame's arrow keys.
SlideFormat afterKeys(SlideFormat choice) {
    const int sizeBy = (pressed(ImGuiKey_DownArrow) ? 1 : 0) - (pressed(ImGuiKey_UpArrow) ? 1 : 0);
    const int backgroundBy = (pressed(ImGuiKey_RightArrow) ? 1 : 0) - (pressed(ImGuiKey_LeftArrow) ? 1 : 0);
    choice.size = sizeAlong(choice.size, sizeBy);
    choice.background = backgroundAlong(choice.background, backgroundBy);
    return choice;
}
}  // namespace

void exportDialog(const ExportDialogView& view, ExportDialogIntents& intents) {
    const char* id = "Export slides and handout";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSizeConstraints({0.0f, 0.0f}, {viewport->WorkSize.x * 0.95f, viewport->WorkSize.y * 0.95f});
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize))
        return;
    SlideFormat choice = afterKeys(view.choice);
    ImGui::TextUnformatted(("'" + view.lessonTitle + "': " + std::to_string(view.stepCount) +
                            (view.stepCount == 1 ? " slide" : " slides") + " and a handout (index.html)")
                               .c_str());
    ImGui::Spacing();
    // The uses line up in a column after the widest choice.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float radio = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
    float widest = 0.0f;
    for (const SlideSize& size : kSlideSizes) widest = std::max(widest, ImGui::CalcTextSize(sizeText(size.size).c_str()).x);
    for (const SlideBackground& background : kSlideBackgrounds)
        widest = std::max(widest, ImGui::CalcTextSize(labelOf(background.background).c_str()).x);
    const float useColumn = ImGui::GetCursorPosX() + radio + widest + 2.0f * style.ItemSpacing.x;

    ImGui::TextDisabled("Slide size");
    for (const SlideSize& size : kSlideSizes) {
        if (ImGui::RadioButton(sizeText(size.size).c_str(), choice.size == size.size)) choice.size = size.size;
        ImGui::SameLine(useColumn);
        ImGui::TextDisabled("%.*s", static_cast<int>(size.use.size()), size.use.data());
    }
    ImGui::Spacing();
    ImGui::TextDisabled("Background");
    for (const SlideBackground& background : kSlideBackgrounds) {
        if (ImGui::RadioButton(labelOf(background.background).c_str(), choice.background == background.background))
            choice.background = background.background;
        ImGui::SameLine(useColumn);
        ImGui::TextDisabled("%.*s", static_cast<int>(background.use.size()), background.use.data());
    }
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Button("Export") || pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) intents.confirm = choice;
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || pressed(ImGuiKey_Escape)) intents.cancel = true;
    ImGui::TextDisabled("\u2191 \u2193 size   \u2190 \u2192 background   Enter: export   Esc: cancel");
    if (choice != view.choice) intents.choose = choice;
    if (intents.confirm || intents.cancel) {
        intents.confirm = intents.cancel ? std::nullopt : intents.confirm;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace psoas::ui
