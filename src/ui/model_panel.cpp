#include "ui/model_panel.hpp"
#include "ui/item_tooltip.hpp"

#include <imgui.h>

#include <array>
#include <cstring>

namespace psoas::ui {

namespace {

constexpr std::array<Axis, 6> kAxes{{{0, +1}, {0, -1}, {1, +1}, {1, -1}, {2, +1}, {2, -1}}};
struct UnitChoice {
    LengthUnit unit;
    const char* label;
};
constexpr std::array<UnitChoice, 4> kUnits{{{LengthUnit::Auto, "auto (from the size)"},
                                            {LengthUnit::Millimetre, "millimetres"},
                                            {LengthUnit::Centimetre, "centimetres"},
                                            {LengthUnit::Metre, "metres"}}};

// A combo of the six signed axes; the one picked, if the teacher picked one this frame.
std::optional<Axis> axisCombo(const char* label, Axis current) {
    std::optional<Axis> picked;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
    if (ImGui::BeginCombo(label, axisName(current).c_str())) {
        for (const Axis axis : kAxes)
            if (ImGui::Selectable(axisName(axis).c_str(), axis == current)) picked = axis;
        ImGui::EndCombo();
    }
    return picked;
}

std::optional<LengthUnit> unitCombo(LengthUnit current) {
    std::optional<LengthUnit> picked;
    const char* shown = kUnits.front().label;
    for (const UnitChoice& choice : kUnits)
        if (choice.unit == current) shown = choice.label;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.7f);
    if (ImGui::BeginCombo("units", shown)) {
        for (const UnitChoice& choice : kUnits)
            if (ImGui::Selectable(choice.label, choice.unit == current)) picked = choice.unit;
        ImGui::EndCombo();
    }
    return picked;
}

void openField(const ModelPanelView& view, ModelIntents& intents) {
    if (view.filePicker) {  // no paths to type in a browser page: its file picker
        intents.open = ImGui::Button("Open files… (Ctrl+O)");
        itemTooltip("A lesson (.toml), a mesh set (.toml) or mesh files (.glb .gltf .obj .stl .ply);\n"
                    "files dropped onto the page open too. Your lessons are kept in this browser.");
        return;
    }
    std::array<char, 4096> text{};
    std::strncpy(text.data(), view.openText.c_str(), text.size() - 1);
    if (view.focusOpenField) ImGui::SetKeyboardFocusHere();
    intents.fieldFocused = view.focusOpenField;
    const float button = ImGui::CalcTextSize("Open").x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - button - ImGui::GetStyle().ItemSpacing.x);
    // The whole path is selected when the field takes the keyboard, so the next one typed replaces
    // it (tester, session 14: a failed path stayed and the next was added onto it).
    const bool entered = ImGui::InputTextWithHint("##open", "Open files or a folder (Ctrl+O)", text.data(), text.size(),
                                                  ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    itemTooltip("Paths of mesh files (.stl .obj .ply .gltf .glb …), folders of them, a mesh set or a lesson (.toml); "
                "several separated by ';'. Enter or Open opens them; dropping files onto the window too.");
    if (view.openText != text.data()) intents.openText = std::string(text.data());
    ImGui::SameLine();
    intents.open = ImGui::Button("Open") || entered;
}

void orientationSection(const ModelOrientation& orientation, const std::string& problem, ModelIntents& intents) {
    if (!ImGui::CollapsingHeader("Orientation", ImGuiTreeNodeFlags_DefaultOpen)) return;
    const std::optional<LengthUnit> units = unitCombo(orientation.units);
    const std::optional<Axis> up = axisCombo("up", orientation.upAxis());
    ImGui::SameLine();
    const std::optional<Axis> forward = axisCombo("anterior", orientation.forwardAxis());
    if (units || up || forward) intents.orientation = withChoice(orientation, units, up, forward);
    if (problem.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{1.0f, 0.55f, 0.35f, 1.0f});
    ImGui::TextWrapped("%s", problem.c_str());  // the panel is narrow: the whole reason, on several lines
    ImGui::PopStyleColor();
}

}  // namespace

ModelOrientation withChoice(ModelOrientation orientation, std::optional<LengthUnit> units, std::optional<Axis> up,
                            std::optional<Axis> forward) {
    if (units) orientation.units = *units;
    if (up) orientation.up = *up;
    if (forward) orientation.forward = *forward;
    return orientation;
}

void modelPanel(const ModelPanelView& view, ModelIntents& intents) {
    openField(view, intents);
    // Opening one's own files replaces the anatomy and its lessons; this brings them back, at the
    // lesson step left (tester, session 13: nothing short of a restart did).
    if (view.ownFiles) {
        intents.builtIn = ImGui::Button("Back to the built-in anatomy", {-1.0f, 0.0f});
        itemTooltip("The atlas's structures and the lessons, at the step you left");
    }
    if (view.orientation) orientationSection(*view.orientation, view.orientationProblem, intents);
}

}  // namespace psoas::ui
