#include "ui/viewer_panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>

namespace psoas::ui {

namespace {
constexpr float kPanelWidth = 330.0f;  // at scale 1: room for "Right quadratus lumborum" and its eye box
}  // namespace

float sidePanelWidth(float uiScale) { return kPanelWidth * uiScale; }

namespace {

struct GroupHeading {
    StructureGroup group;
    const char* title;
};
constexpr std::array<GroupHeading, 5> kGroups{{{StructureGroup::Bone, "Bones"},
                                               {StructureGroup::Disc, "Discs"},
                                               {StructureGroup::Muscle, "Muscles"},
                                               {StructureGroup::Ligament, "Ligaments"},
                                               {StructureGroup::Other, "Parts of the model"}}};

void heading(const ViewerUiState& state, const char* text) {
    if (state.fonts && state.fonts->heading) ImGui::PushFont(state.fonts->heading);
    ImGui::TextUnformatted(text);
    if (state.fonts && state.fonts->heading) ImGui::PopFont();
}

void structureList(const ViewerUiState& state, ViewerUiIntents& intents) {
    const Scene& scene = *state.scene;
    for (const GroupHeading& group : kGroups) {
        bool any = false;
        for (const auto& s : scene.structures) any = any || s.info.group == group.group;
        if (!any) continue;
        if (!ImGui::CollapsingHeader(group.title, ImGuiTreeNodeFlags_DefaultOpen)) continue;
        for (std::size_t i = 0; i < scene.structures.size(); ++i) {
            const StructureInfo& info = scene.structures[i].info;
            if (info.group != group.group) continue;
            ImGui::PushID(static_cast<int>(i));
            bool visible = state.visibility->visible(i);
            if (ImGui::Checkbox("##visible", &visible)) intents.setVisible = {static_cast<int>(i), visible};
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(visible ? "Hide %s" : "Show %s", info.name.c_str());
            ImGui::SameLine();
            const bool selected = state.selected == static_cast<int>(i);
            if (ImGui::Selectable(info.name.c_str(), selected || state.hovered == static_cast<int>(i),
                                  ImGuiSelectableFlags_AllowDoubleClick)) {
                intents.select = static_cast<int>(i);
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) intents.focus = static_cast<int>(i);
            }
            ImGui::PopID();
        }
    }
}

void visibilityButtons(const ViewerUiState& state, ViewerUiIntents& intents) {
    if (ImGui::Button("Show all")) intents.showAll = true;
    ImGui::SameLine();
    if (state.visibility->isolated()) {
        if (ImGui::Button("Leave isolation")) intents.leaveIsolation = true;
    } else {
        ImGui::BeginDisabled(state.selected < 0);
        if (ImGui::Button("Isolate")) intents.isolate = state.selected;
        ImGui::SameLine();
        if (ImGui::Button("Hide")) intents.setVisible = {state.selected, false};
        ImGui::EndDisabled();
    }
}

void structureCard(const ViewerUiState& state, ViewerUiIntents& intents) {
    const SceneStructure& s = state.scene->structures[static_cast<std::size_t>(state.selected)];
    heading(state, s.info.name.c_str());
    if (!s.info.latin.empty()) ImGui::TextDisabled("%s", s.info.latin.c_str());
    ImGui::Text("%s, %s", std::string(toString(s.info.group)).c_str(), std::string(toString(s.info.side)).c_str());
    ImGui::Text("%zu triangles", s.mesh.triangleCount());
    if (!s.info.landmarks.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Landmarks");
        for (const Landmark& landmark : s.info.landmarks) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", landmark.name.c_str());
        }
    }
    float opacity = state.visibility->opacity(static_cast<std::size_t>(state.selected));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    if (ImGui::SliderFloat("Opacity (T)", &opacity, 0.05f, 1.0f, "%.2f")) intents.setOpacity = {state.selected, opacity};
    ImGui::Spacing();
    if (ImGui::Button("Focus")) intents.focus = state.selected;
    ImGui::SameLine();
    if (ImGui::Button("Deselect")) intents.select = -1;
}

void viewButtons(ViewerUiIntents& intents) {
    int column = 0;
    for (ViewPreset preset : kAllViewPresets) {
        const std::string label = std::string(toString(preset));
        if (column++ % 4 != 0) ImGui::SameLine();
        if (ImGui::Button(label.c_str())) intents.preset = preset;
    }
    ImGui::SameLine();
    if (ImGui::Button("Reset")) intents.resetView = true;
}

void sidePanel(const ViewerUiState& state, ViewerUiIntents& intents) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize({kPanelWidth * state.uiScale, viewport->WorkSize.y});
    ImGui::Begin("Psoas Atlas", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar);
    heading(state, "Psoas Atlas");
    ImGui::TextDisabled("%s", state.scene->title.c_str());
    ImGui::Separator();

    ImGui::TextUnformatted("View");
    viewButtons(intents);
    ImGui::Separator();

    heading(state, "Structures");
    visibilityButtons(state, intents);
    // The list takes what the card and the footer leave; it scrolls, they never overlap it.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.0f + ImGui::GetStyle().ItemSpacing.y * 2.0f;
    float card = 0.0f;
    if (state.selected >= 0) {
        const auto& landmarks = state.scene->structures[static_cast<std::size_t>(state.selected)].info.landmarks;
        const float landmarkLines = landmarks.empty() ? 0.0f : 1.5f + static_cast<float>(landmarks.size());
        card = line * (4.5f + landmarkLines) + ImGui::GetFrameHeightWithSpacing() * 2.5f;
    }
    const float listHeight = std::max(ImGui::GetContentRegionAvail().y - footer - card, line * 4.0f);
    ImGui::BeginChild("structures", {0, listHeight});
    structureList(state, intents);
    ImGui::EndChild();

    if (state.selected >= 0) {
        ImGui::Separator();
        structureCard(state, intents);
    }

    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - footer - ImGui::GetStyle().WindowPadding.y));
    ImGui::Separator();
    int background = static_cast<int>(state.background);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
    if (ImGui::Combo("##background", &background, "Dark\0White\0Transparent\0"))
        intents.background = static_cast<ScreenshotBackground>(background);
    ImGui::SameLine();
    if (ImGui::Button("Screenshot (F12)")) intents.screenshot = true;
    if (ImGui::Button("Keys and mouse (H)")) intents.toggleHelp = true;
    ImGui::End();
}

void standInBanner(const ViewerUiState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float left = viewport->WorkPos.x + kPanelWidth * state.uiScale;
    const float width = viewport->WorkSize.x - kPanelWidth * state.uiScale;
    ImGui::SetNextWindowPos({left + width * 0.5f, viewport->WorkPos.y + 10.0f * state.uiScale}, ImGuiCond_Always, {0.5f, 0.0f});
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##stand-in", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::TextColored({1.0f, 0.80f, 0.35f, 1.0f}, "STAND-IN ANATOMY");
    ImGui::TextUnformatted("Simplified placeholder shapes, not the anatomical model set.");
    ImGui::End();
}

void hoverLabel(const ViewerUiState& state) {
    if (state.hovered < 0 || ImGui::GetIO().WantCaptureMouse) return;
    const StructureInfo& info = state.scene->structures[static_cast<std::size_t>(state.hovered)].info;
    ImGui::SetNextWindowPos({state.cursor.x + 18.0f * state.uiScale, state.cursor.y + 12.0f * state.uiScale});
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##hover", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::TextUnformatted(info.name.c_str());
    ImGui::End();
}

void helpOverlay(const ViewerUiState& state, ViewerUiIntents& intents) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowBgAlpha(0.94f);
    bool open = true;
    ImGui::Begin("Keys and mouse", &open,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoMove);
    if (ImGui::BeginTable("bindings", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const HelpEntry& entry : *state.help) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored({1.0f, 0.80f, 0.45f, 1.0f}, "%s", entry.keys.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(entry.action.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("H, F1 or Esc closes this list.");
    ImGui::End();
    if (!open) intents.toggleHelp = true;
}

void statusLine(const ViewerUiState& state) {
    if (state.status.empty()) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos({viewport->WorkPos.x + viewport->WorkSize.x - 10.0f * state.uiScale,
                             viewport->WorkPos.y + viewport->WorkSize.y - 10.0f * state.uiScale},
                            ImGuiCond_Always, {1.0f, 1.0f});
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::TextUnformatted(state.status.c_str());
    ImGui::End();
}
}  // namespace

std::string_view toString(ScreenshotBackground background) {
    switch (background) {
        case ScreenshotBackground::Dark: return "dark";
        case ScreenshotBackground::White: return "white";
        case ScreenshotBackground::Transparent: return "transparent";
    }
    return "dark";
}

ViewerUiIntents drawViewerUi(const ViewerUiState& state) {
    ViewerUiIntents intents;
    sidePanel(state, intents);
    if (state.scene->standIn) standInBanner(state);
    hoverLabel(state);
    statusLine(state);
    if (state.showHelp && state.help) helpOverlay(state, intents);
    return intents;
}

void applyViewerStyle(float uiScale) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.WindowBorderSize = 0.0f;
    style.FramePadding = {8.0f, 5.0f};
    style.ItemSpacing = {8.0f, 6.0f};
    style.Colors[ImGuiCol_WindowBg] = {0.07f, 0.08f, 0.09f, 0.94f};
    style.Colors[ImGuiCol_Header] = {0.55f, 0.38f, 0.16f, 0.55f};
    style.Colors[ImGuiCol_HeaderHovered] = {0.70f, 0.48f, 0.20f, 0.70f};
    style.Colors[ImGuiCol_HeaderActive] = {0.80f, 0.55f, 0.22f, 0.85f};
    style.Colors[ImGuiCol_CheckMark] = {1.0f, 0.75f, 0.30f, 1.0f};
    style.ScaleAllSizes(uiScale);
    ImGui::GetStyle() = style;
}

}  // namespace psoas::ui
