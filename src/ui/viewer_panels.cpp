#include "ui/viewer_panels.hpp"

#include "core/chart_axes.hpp"
#include "core/motion/pose_writer.hpp"
#include "core/structure_card.hpp"
#include "core/structure_search.hpp"
#include "ui/button_row.hpp"
#include "ui/item_tooltip.hpp"
#include "ui/length_legend.hpp"
#include "ui/rich_text_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>

namespace psoas::ui {

namespace {

// The panel's word for a value of a name table (kBackgroundNames, kAntiAliasingNames).
template <class Table, class Value>
std::string labelOf(const Table& table, Value value) {
    for (const auto& entry : table)
        if (entry.value == value) return std::string(entry.label);
    return std::string(table.front().label);
}

}  // namespace


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
    ImGui::TextWrapped("%s", text);  // long step titles wrap rather than run under the panel's edge
    if (state.fonts && state.fonts->heading) ImGui::PopFont();
}

bool hasGroup(const Scene& scene, StructureGroup group) {
    return std::any_of(scene.structures.begin(), scene.structures.end(),
                       [&](const SceneStructure& s) { return s.info.group == group; });
}

// One structure's row: its visibility check box and its name, which selects it (double-click: focus).
void structureRow(const ViewerUiState& state, std::size_t i, ViewerUiIntents& intents) {
    const StructureInfo& info = state.scene->structures[i].info;
    ImGui::PushID(static_cast<int>(i));
    bool visible = state.visibility->visible(i);
    if (ImGui::Checkbox("##visible", &visible)) intents.setVisible = {static_cast<int>(i), visible};
    if (beginItemTooltip()) {
        ImGui::Text(visible ? "Hide %s" : "Show %s", info.name.c_str());
        endItemTooltip();
    }
    ImGui::SameLine();
    const bool selected = state.selected == static_cast<int>(i);
    if (ImGui::Selectable(info.name.c_str(), selected || state.hovered == static_cast<int>(i),
                          ImGuiSelectableFlags_AllowDoubleClick)) {
        intents.select = static_cast<int>(i);
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) intents.focus = static_cast<int>(i);
    }
    ImGui::PopID();
}

// The search field: English, Latin or landmark names (core/structure_search). Enter focuses the
// first match; a click selects, a double-click focuses.
void structureSearch(const ViewerUiState& state, ViewerUiIntents& intents) {
    std::array<char, 256> text{};
    std::strncpy(text.data(), state.structureQuery.c_str(), text.size() - 1);
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool entered = ImGui::InputTextWithHint("##find", "Find: name, Latin or landmark", text.data(), text.size(),
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    if (std::string_view(text.data()) != state.structureQuery) intents.structureQuery = std::string(text.data());
    if (!entered) return;  // searched for the list below; here only when Enter asks for the first match
    const std::vector<StructureMatch> found = findStructures(*state.scene, text.data());
    if (!found.empty()) intents.focus = found.front().structure;
}

// Only what the search found, flat: "Right femur: Lesser trochanter" for a landmark.
void foundList(const ViewerUiState& state, ViewerUiIntents& intents) {
    const std::vector<StructureMatch> found = findStructures(*state.scene, state.structureQuery);
    if (found.empty()) ImGui::TextDisabled("Nothing in this model is called that");
    for (std::size_t k = 0; k < found.size(); ++k) {
        const StructureMatch& match = found[k];
        const std::string& name = state.scene->structures[static_cast<std::size_t>(match.structure)].info.name;
        const std::string label = match.landmark.empty() ? name : name + ": " + match.landmark;
        ImGui::PushID(static_cast<int>(k));
        if (ImGui::Selectable(label.c_str(), state.selected == match.structure, ImGuiSelectableFlags_AllowDoubleClick)) {
            intents.select = match.structure;
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) intents.focus = match.structure;
        }
        ImGui::PopID();
    }
}

void structureList(const ViewerUiState& state, ViewerUiIntents& intents) {
    if (state.structureQuery.find_first_not_of(' ') != std::string::npos) {
        foundList(state, intents);
        return;
    }
    const Scene& scene = *state.scene;
    for (const GroupHeading& group : kGroups) {
        if (!hasGroup(scene, group.group)) continue;
        if (!ImGui::CollapsingHeader(group.title, ImGuiTreeNodeFlags_DefaultOpen)) continue;
        for (std::size_t i = 0; i < scene.structures.size(); ++i)
            if (scene.structures[i].info.group == group.group) structureRow(state, i, intents);
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

void boldText(const ViewerUiState& state, const char* text) {
    const bool bold = state.fonts && state.fonts->bold;
    if (bold) ImGui::PushFont(state.fonts->bold);
    ImGui::TextUnformatted(text);
    if (bold) ImGui::PopFont();
}

// The card's words (core/structure_card): the summary alone, each other line under its label in
// bold, repeated labels ("Attached here", "Landmarks") given once with their lines as bullets.
void structureFacts(const ViewerUiState& state, const std::vector<CardLine>& lines) {
    const std::string* label = nullptr;
    for (const CardLine& line : lines) {
        if (line.label.empty()) {
            ImGui::TextWrapped("%s", line.text.c_str());
            continue;
        }
        if (line.label == "Source") {  // quieter than the facts, and wrapped as they are: a citation is long
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("Source: %s", line.text.c_str());
            ImGui::PopStyleColor();
            continue;
        }
        const bool listed = label && *label == line.label;
        if (!listed) {
            ImGui::Spacing();
            boldText(state, line.label.c_str());
        }
        label = &line.label;
        if (line.label == "Attached here" || line.label == "Landmarks") ImGui::Bullet();
        ImGui::TextWrapped("%s", line.text.c_str());
    }
}

void structureCard(const ViewerUiState& state, ViewerUiIntents& intents) {
    const auto index = static_cast<std::size_t>(state.selected);
    const SceneStructure& s = state.scene->structures[index];
    heading(state, s.info.name.c_str());
    if (!s.info.latin.empty()) ImGui::TextDisabled("%s", s.info.latin.c_str());
    ImGui::Text("%s, %s", std::string(toString(s.info.group)).c_str(), std::string(toString(s.info.side)).c_str());
    float opacity = state.visibility->opacity(index);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    if (ImGui::SliderFloat("Opacity (T)", &opacity, 0.05f, 1.0f, "%.2f")) intents.setOpacity = {state.selected, opacity};
    if (ImGui::Button("Focus")) intents.focus = state.selected;
    ImGui::SameLine();
    if (ImGui::Button("Deselect")) intents.select = -1;
    ImGui::Separator();
    structureFacts(state, structureCard(*state.scene, index));
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

void structuresTab(const ViewerUiState& state, ViewerUiIntents& intents);
void lessonTab(const ViewerUiState& state, ViewerUiIntents& intents);
void motionTab(const ViewerUiState& state, const MotionView& motion, ViewerUiIntents& intents);

void sidePanel(const ViewerUiState& state, ViewerUiIntents& intents) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    // The layout's width, the one the 3D view starts right of (issue 12, defect 7).
    ImGui::SetNextWindowSize({state.panel.size.x, viewport->WorkSize.y});
    ImGui::Begin("Psoas Atlas", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar);
    heading(state, "Psoas Atlas");
    ImGui::TextDisabled("%s", state.scene->title.c_str());
    ImGui::Separator();

    if (state.lessons && ImGui::BeginTabBar("panels")) {
        if (ImGui::BeginTabItem("Lesson")) {
            lessonTab(state, intents);
            ImGui::EndTabItem();
        }
        if (state.motion && ImGui::BeginTabItem("Motion")) {
            motionTab(state, *state.motion, intents);
            ImGui::EndTabItem();
        }
        // Ctrl+O: the open field is on this tab.
        if (ImGui::BeginTabItem("Structures", nullptr, state.model.focusOpenField ? ImGuiTabItemFlags_SetSelected : 0)) {
            structuresTab(state, intents);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    } else {
        structuresTab(state, intents);
    }
    ImGui::End();
}

void structuresTab(const ViewerUiState& state, ViewerUiIntents& intents) {
    modelPanel(state.model, intents.model);
    ImGui::Separator();
    ImGui::TextUnformatted("View");
    viewButtons(intents);
    ImGui::Separator();

    heading(state, "Structures");
    structureSearch(state, intents);
    visibilityButtons(state, intents);
    // The list takes what the card and the footer leave; it scrolls, they never overlap it.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.0f + ImGui::GetStyle().ItemSpacing.y * 2.0f;
    // A selected structure's card takes a little over half of the room and scrolls when its words
    // are longer (a muscle's card is), so the list always keeps at least four lines.
    const float room = ImGui::GetContentRegionAvail().y - footer;
    const float card = state.selected >= 0 ? room * 0.55f : 0.0f;
    const float listHeight = std::max(room - card, line * 4.0f);
    ImGui::BeginChild("structures", {0, listHeight});
    structureList(state, intents);
    ImGui::EndChild();

    if (state.selected >= 0) {
        ImGui::Separator();
        ImGui::PushID(state.selected);  // each structure's card is its own child: a new one starts at its top
        ImGui::BeginChild("card", {0, std::max(room - listHeight - ImGui::GetStyle().ItemSpacing.y * 2.0f, line * 3.0f)});
        structureCard(state, intents);
        ImGui::EndChild();
        ImGui::PopID();
    }

    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - footer - ImGui::GetStyle().WindowPadding.y));
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
    if (ImGui::BeginCombo("##background", labelOf(kBackgroundNames, state.background).c_str())) {
        for (const BackgroundName& entry : kBackgroundNames)
            if (ImGui::Selectable(std::string(entry.label).c_str(), entry.value == state.background))
                intents.background = entry.value;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("Screenshot (F12)")) intents.screenshot = true;
    if (ImGui::Button("Keys and mouse (H)")) intents.toggleHelp = true;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::BeginCombo("##edges", labelOf(kAntiAliasingNames, state.antiAliasing).c_str())) {
        for (const AntiAliasingName& entry : kAntiAliasingNames)
            if (ImGui::Selectable(std::string(entry.label).c_str(), entry.value == state.antiAliasing))
                intents.antiAliasing = entry.value;
        ImGui::EndCombo();
    }
    itemTooltip("How the model's edges are drawn. Smooth: a quick pass that suits any computer.\n"
                "MSAA 4x: finer, but slow without a graphics card. Jagged: the fastest.");
}

void standInBanner(const ViewerUiState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float left = viewport->WorkPos.x + state.sceneView.origin.x;
    const float width = state.sceneView.size.x;
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

// The key list, centred, at most 92 % of the screen either way: the actions' column wraps to what
// the keys' column leaves (fresh tester, session 9: rows were cut at the window's right edge, the
// window being as wide as the screen), and a list taller than the screen scrolls.
void helpOverlay(const ViewerUiState& state, ViewerUiIntents& intents) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImGuiStyle& style = ImGui::GetStyle();
    float keysWidth = 0.0f, actionWidth = 0.0f;
    for (const HelpEntry& entry : *state.help) {
        keysWidth = std::max(keysWidth, ImGui::CalcTextSize(entry.keys.c_str()).x);
        actionWidth = std::max(actionWidth, ImGui::CalcTextSize(entry.action.c_str()).x);
    }
    const ImVec2 most{viewport->WorkSize.x * 0.92f, viewport->WorkSize.y * 0.92f};
    const float around = 2.0f * style.WindowPadding.x + 4.0f * style.CellPadding.x + style.ScrollbarSize;
    actionWidth = std::floor(std::clamp(most.x - around - keysWidth, std::min(actionWidth, keysWidth), actionWidth));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSizeConstraints({0.0f, 0.0f}, most);
    ImGui::SetNextWindowBgAlpha(0.94f);
    bool open = true;
    ImGui::Begin("Keys and mouse", &open,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoMove);
    if (ImGui::BeginTable("bindings", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed, keysWidth);
        ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthFixed, actionWidth);
        for (const HelpEntry& entry : *state.help) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextColored({1.0f, 0.80f, 0.45f, 1.0f}, "%s", entry.keys.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", entry.action.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::TextDisabled("H, F1 or Esc closes this list.");
    ImGui::End();
    if (!open) intents.toggleHelp = true;
}

// The status line sits at the 3D view's bottom-right, inside it: never over the side panel's
// buttons or presenter mode's caption column (fresh tester, session 10: both hid or cut it). The
// overlays anchored to the foot of the 3D view (first-run hint, legends) stand on it while it
// shows, so a message never hides a button or a legend (session 9: it covered "Got it").
constexpr float kStatusMargin = 10.0f;

// The widest the status line's text may be: the 3D view less its margins; a longer line wraps.
float statusTextWidth(const ViewerUiState& state) {
    const float margins = 2.0f * kStatusMargin * state.uiScale + 2.0f * ImGui::GetStyle().WindowPadding.x;
    return std::max(state.sceneView.size.x - margins, 50.0f * state.uiScale);
}

float statusLineTop(const ViewerUiState& state) {
    const float bottom = state.sceneView.origin.y + state.sceneView.size.y;
    if (state.status.empty()) return bottom;
    const float text = ImGui::CalcTextSize(state.status.c_str(), nullptr, false, statusTextWidth(state)).y;
    return bottom - kStatusMargin * state.uiScale - text - 2.0f * ImGui::GetStyle().WindowPadding.y;
}

// Where the foot-anchored overlays of the 3D view end: its bottom edge, or the status line's top.
float overlayFloor(const ViewerUiState& state) { return statusLineTop(state); }

void statusLine(const ViewerUiState& state) {
    if (state.status.empty()) return;
    const ViewRect& view = state.sceneView;
    ImGui::SetNextWindowPos({view.origin.x + view.size.x - kStatusMargin * state.uiScale, view.origin.y + view.size.y - kStatusMargin * state.uiScale},
                            ImGuiCond_Always, {1.0f, 1.0f});
    // Sized for this frame's text: an auto-sized window would take the size of the frame before,
    // and a longer message then hangs off the view's edge until something draws again (an idle
    // viewer draws nothing more; tester, session 13).
    const float wrapWidth = statusTextWidth(state);
    const ImVec2 text = ImGui::CalcTextSize(state.status.c_str(), nullptr, false, wrapWidth);
    const ImVec2 padding = ImGui::GetStyle().WindowPadding;
    ImGui::SetNextWindowSize({std::ceil(text.x) + 2.0f * padding.x, std::ceil(text.y) + 2.0f * padding.y}, ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrapWidth);  // a long message wraps inside the view
    ImGui::TextUnformatted(state.status.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
}
void lessonPicker(const ViewerUiState& state, ViewerUiIntents& intents) {
    const auto& lessons = *state.lessons;
    const char* preview = state.openLesson >= 0 ? lessons[static_cast<std::size_t>(state.openLesson)].title.c_str()
                                                : "Choose a lesson…";
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##lesson", preview)) {
        for (std::size_t i = 0; i < lessons.size(); ++i) {
            const LessonListItem& item = lessons[i];
            const bool broken = !item.problems.empty();
            std::string label = (broken ? "(cannot open) " : "") + item.title;
            if (item.origin != "built-in") label += " — " + item.origin;
            ImGui::PushID(static_cast<int>(i));
            if (broken) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.45f, 1.0f));
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == state.openLesson, broken ? ImGuiSelectableFlags_Disabled : 0))
                intents.openLesson = static_cast<int>(i);
            if (broken) ImGui::PopStyleColor();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

void lessonProblems(const ViewerUiState& state) {
    std::size_t broken = 0;
    for (const auto& item : *state.lessons) broken += !item.problems.empty();
    if (broken == 0) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.62f, 0.50f, 1.0f));
    const std::string header = std::to_string(broken) + (broken == 1 ? " lesson file has" : " lesson files have") + " problems";
    if (ImGui::CollapsingHeader(header.c_str())) {
        for (const auto& item : *state.lessons)
            for (const auto& problem : item.problems) ImGui::TextWrapped("%s", problem.c_str());
    }
    ImGui::PopStyleColor();
}

// The colours of the caption and of the labels over the 3D view: light on dark for a screen, or dark
// on light over a white page (ViewerUiState::page), which prints without a black band (issue 14).
struct OverlayInk {
    bool onLight = false;    // the caption's text and hints take `text` and `muted`, not the style's
    ImVec4 captionBackground;
    ImVec4 text, muted;      // the step's text; the step count and hints
    ImVec4 accent;           // the step's title, the quiz score, the cut mark
    ImVec4 quiz, right, wrong;
    ImU32 labelBox, labelBorder, labelText, leader, halo;  // a label whose structure shows
    ImU32 hiddenBox, hiddenBorder, hiddenText, hiddenLeader, hiddenHalo;  // one behind the model
};

const OverlayInk kScreenInk{
    false,
    {0.0f, 0.0f, 0.0f, 0.92f},
    {1.0f, 1.0f, 1.0f, 1.0f}, {0.60f, 0.60f, 0.60f, 1.0f},
    {1.0f, 0.84f, 0.45f, 1.0f},
    {0.55f, 0.80f, 1.0f, 1.0f}, {0.45f, 0.95f, 0.55f, 1.0f}, {1.0f, 0.75f, 0.40f, 1.0f},
    IM_COL32(16, 18, 22, 225), IM_COL32(255, 214, 120, 200), IM_COL32(255, 255, 255, 255), IM_COL32(255, 214, 120, 255), IM_COL32(20, 20, 20, 200),
    IM_COL32(16, 18, 22, 170), IM_COL32(255, 214, 120, 110), IM_COL32(200, 200, 200, 230), IM_COL32(255, 214, 120, 170), IM_COL32(20, 20, 20, 150),
};
// On white: a very light grey band and near-white boxes, near-black text, dark brown leaders on a
// white halo (the halo keeps them clear where they cross the model's dark parts).
const OverlayInk kPageInk{
    true,
    {0.95f, 0.95f, 0.95f, 1.0f},
    {0.07f, 0.07f, 0.09f, 1.0f}, {0.30f, 0.30f, 0.33f, 1.0f},
    {0.50f, 0.30f, 0.0f, 1.0f},
    {0.05f, 0.30f, 0.60f, 1.0f}, {0.05f, 0.45f, 0.15f, 1.0f}, {0.60f, 0.25f, 0.0f, 1.0f},
    IM_COL32(250, 250, 250, 235), IM_COL32(110, 70, 10, 255), IM_COL32(18, 18, 22, 255), IM_COL32(70, 45, 10, 255), IM_COL32(255, 255, 255, 220),
    IM_COL32(250, 250, 250, 200), IM_COL32(110, 70, 10, 150), IM_COL32(80, 80, 86, 255), IM_COL32(70, 45, 10, 170), IM_COL32(255, 255, 255, 150),
};

const OverlayInk& overlayInk(const ViewerUiState& state) { return state.page == Background::White ? kPageInk : kScreenInk; }

// While it lives, over a white page: the windows drawn over the 3D view (the legends) light with dark
// text, as the labels (issue 14). Over a dark one, the style's colours.
class PageColours {
public:
    explicit PageColours(const OverlayInk& ink) : pushed_(ink.onLight ? 3 : 0) {
        if (!ink.onLight) return;
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ink.captionBackground);
        ImGui::PushStyleColor(ImGuiCol_Text, ink.text);
        ImGui::PushStyleColor(ImGuiCol_TextDisabled, ink.muted);
    }
    ~PageColours() { ImGui::PopStyleColor(pushed_); }
    PageColours(const PageColours&) = delete;
    PageColours& operator=(const PageColours&) = delete;

private:
    int pushed_;
};

// The question, what the last click earned, and the score: in the panel and in the caption alike,
// wrapped at the box's width (the caption has no wrap of its own: the class saw "Quiz: Click the
// lesser trochanter of the ri" and "Hint: Belo"; fresh tester, session 12). The score in the
// heading font and full colour: grey body text could not be read from the back of a room (issue 14).
void quizBox(const LessonView& lesson, const UiFonts* fonts, const OverlayInk& ink) {
    if (lesson.quizPrompt.empty() && lesson.quizScore.empty()) return;
    ImGui::PushTextWrapPos(0.0f);
    if (!lesson.quizPrompt.empty()) {
        ImGui::TextColored(ink.quiz, "Quiz: %s", lesson.quizPrompt.c_str());
        if (lesson.answerable) {  // else a handout's question: nothing to click, no score to keep
            if (lesson.quizFeedback.empty())
                ImGui::TextDisabled("Click your answer on the model.");
            else
                ImGui::TextColored(lesson.quizRight ? ink.right : ink.wrong, "%s", lesson.quizFeedback.c_str());
        }
    }
    if (!lesson.quizScore.empty() && (lesson.quizPrompt.empty() || lesson.answerable)) {
        if (fonts && fonts->heading) ImGui::PushFont(fonts->heading);
        ImGui::TextColored(ink.accent, "%s", lesson.quizScore.c_str());
        if (fonts && fonts->heading) ImGui::PopFont();
    }
    ImGui::PopTextWrapPos();
}

// Previous, Next, Restart and Close; leaving the lesson while editing goes through "Edit this
// lesson", which asks about unsaved edits.
constexpr const char* kWhileEditing = "Not while the lesson is being edited: leave editing first (E, or untick \"Edit this lesson\")";

void lessonButtons(const LessonView& lesson, bool editing, ViewerUiIntents& intents) {
    ImGui::BeginDisabled(lesson.stepIndex == 0);
    if (ImGui::Button("< Previous")) intents.previousStep = true;
    ImGui::EndDisabled();
    nextInRow("Next >");
    ImGui::BeginDisabled(lesson.stepIndex + 1 >= lesson.stepCount);
    if (ImGui::Button("Next >")) intents.nextStep = true;
    ImGui::EndDisabled();
    // Greyed while the lesson is edited, and saying why (tester, session 16: "looks broken").
    ImGui::BeginDisabled(editing);
    nextInRow("Restart");
    if (ImGui::Button("Restart")) intents.restartLesson = true;
    if (editing) itemTooltip(kWhileEditing);
    nextInRow("Close");
    if (ImGui::Button("Close")) intents.closeLesson = true;
    if (editing) itemTooltip(kWhileEditing);
    ImGui::EndDisabled();
}

void newLessonButton(ViewerUiIntents& intents) {
    if (ImGui::Button("New lesson from this view")) intents.edit.newLesson = true;
    itemTooltip("A lesson of your own whose first step is what the view shows now, open for editing");
}

// The way into the editor, under the teacher's other tools at the end of the step (E does the same).
void editingTools(const ViewerUiState& state, ViewerUiIntents& intents) {
    if (!state.editor) return;
    bool on = false;
    if (ImGui::Checkbox("Edit this lesson (E)", &on)) intents.edit.toggleEdit = true;
    itemTooltip("Change its steps here, or add steps from what the view shows");
    newLessonButton(intents);
}

// The teacher's side on two screens: what the class sees, what comes next, and the notes, open.
void presenterDesk(const LessonView& lesson) {
    ImGui::TextColored({1.0f, 0.75f, 0.30f, 1.0f}, "On the projector: step %d of %d", lesson.stepIndex + 1, lesson.stepCount);
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", lesson.presentingFor.c_str());
    if (lesson.nextStepTitle.empty()) ImGui::TextDisabled("Next: (this is the last step)");
    else ImGui::TextWrapped("Next: %s", lesson.nextStepTitle.c_str());
    ImGui::TextUnformatted("Notes for the teacher");
    if (lesson.notes.empty()) ImGui::TextDisabled("(none for this step)");
    else ImGui::TextWrapped("%s", lesson.notes.c_str());
    ImGui::Separator();
}

void twoScreensBox(const ViewerUiState& state, ViewerUiIntents& intents) {
    if (!state.twoScreens) return;
    bool on = *state.twoScreens;
    if (ImGui::Checkbox("Two screens (F6)", &on)) intents.toggleTwoScreens = true;
    itemTooltip("Presenter mode for a projector: the class sees the model and the step's caption in a window of its own\n"
                "(full screen on the second monitor), this window keeps the panel with your notes. Esc or F6 ends it.");
}

constexpr const char* kNextStepKeys = "Next: \u2192 PageDown Space";
constexpr const char* kBackStepKeys = "Back: \u2190 PageUp";
constexpr float kStepTextLeastLines = 8.0f;

// The step keys under the step's text: one line where the panel is wide enough, else two. The
// line may reach into the half of the panel's padding that ImGui still draws (at 100 % in the
// 330 px panel it does, as it always has).
bool stepKeysOnOneLine() {
    return ImGui::CalcTextSize(kNextStepKeys).x + ImGui::CalcTextSize("  ").x + ImGui::CalcTextSize(kBackStepKeys).x <=
           ImGui::GetContentRegionAvail().x + ImGui::GetStyle().WindowPadding.x * 0.5f;
}
void stepKeys(bool oneLine) {
    ImGui::TextDisabled("%s", kNextStepKeys);
    if (oneLine) ImGui::SameLine(0.0f, ImGui::CalcTextSize("  ").x);
    ImGui::TextDisabled("%s", kBackStepKeys);
}

void lessonTab(const ViewerUiState& state, ViewerUiIntents& intents) {
    const bool editing = state.editor && state.editor->editing;
    ImGui::BeginDisabled(editing);
    lessonPicker(state, intents);
    if (editing) itemTooltip(kWhileEditing);
    ImGui::EndDisabled();
    lessonProblems(state);
    if (!state.lesson) {
        ImGui::TextWrapped("Pick a lesson above, or explore the model freely in the Structures tab.");
        newLessonButton(intents);
        twoScreensBox(state, intents);
        return;
    }
    const LessonView& lesson = *state.lesson;
    ImGui::Spacing();
    if (!lesson.summary.empty()) ImGui::TextWrapped("%s", lesson.summary.c_str());
    ImGui::TextDisabled("Step %d of %d", lesson.stepIndex + 1, lesson.stepCount);
    ImGui::ProgressBar(static_cast<float>(lesson.stepIndex + 1) / static_cast<float>(std::max(lesson.stepCount, 1)),
                       {-1.0f, 4.0f * state.uiScale}, "");
    lessonButtons(lesson, editing, intents);
    ImGui::Separator();
    if (lesson.presenterDesk && !editing) {
        twoScreensBox(state, intents);  // on top while on, to end it where the notes are
        presenterDesk(lesson);
    }
    if (editing) {
        bool on = true;
        if (ImGui::Checkbox("Edit this lesson (E)", &on)) intents.edit.toggleEdit = true;
        lessonEditorPanel(*state.editor, state.fonts, intents.edit);
        return;
    }

    // The step's text takes what the key hint under it leaves, but never less than a few lines:
    // at 150 % text in a 960 x 540 window the rows above left it 4 px, and the step's text, its
    // notes and Export were gone (tester, session 16). Then the panel scrolls to the hint.
    const bool keysOnOneLine = stepKeysOnOneLine();
    const float footer = ImGui::GetTextLineHeightWithSpacing() * (keysOnOneLine ? 1.0f : 2.0f) + ImGui::GetStyle().ItemSpacing.y;
    const float fewLines = ImGui::GetTextLineHeightWithSpacing() * kStepTextLeastLines;
    ImGui::BeginChild("step", {0, std::max(ImGui::GetContentRegionAvail().y - footer, fewLines)});
    // A new step starts at its top (issue 12, defect 6): the child remembers, in ImGui's own
    // per-window storage, which lesson and step it last showed.
    const ImGuiID shown = ImGui::GetID(lesson.title.c_str()) + static_cast<ImGuiID>(lesson.stepIndex);
    const ImGuiID shownKey = ImGui::GetID("##shown-step");
    if (static_cast<ImGuiID>(ImGui::GetStateStorage()->GetInt(shownKey, 0)) != shown) {
        ImGui::SetScrollY(0.0f);
        ImGui::GetStateStorage()->SetInt(shownKey, static_cast<int>(shown));
    }
    heading(state, lesson.stepTitle.c_str());
    ImGui::Spacing();
    if (lesson.text && state.fonts) drawRichText(*lesson.text, *state.fonts);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    quizBox(lesson, state.fonts, kScreenInk);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::CollapsingHeader("All steps")) {
        for (std::size_t i = 0; i < lesson.stepTitles.size(); ++i) {
            const std::string label = std::to_string(i + 1) + ". " + lesson.stepTitles[i];
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == lesson.stepIndex)) intents.jumpToStep = static_cast<int>(i);
        }
    }
    if (!lesson.notes.empty() && !lesson.presenterDesk && ImGui::CollapsingHeader("Notes for the teacher")) ImGui::TextWrapped("%s", lesson.notes.c_str());
    // With the classroom tools; while presenting on two screens it sits above the notes.
    if (!lesson.presenterDesk) twoScreensBox(state, intents);
    ImGui::BeginDisabled(state.exportProgress >= 0.0f);
    if (ImGui::Button("Export slides and handout...")) intents.exportSlides = true;
    ImGui::EndDisabled();
    itemTooltip("One PNG per step and an index.html, in your Pictures folder; first choose the size and dark or white (Ctrl+E)");
    if (lesson.origin != "built-in") ImGui::TextDisabled("From %s", lesson.origin.c_str());
    editingTools(state, intents);
    ImGui::EndChild();
    stepKeys(keysOnOneLine);
}

const char* displayName(const std::string& id) {
    if (id == "psoas_major_r") return "Right psoas";
    if (id == "psoas_major_l") return "Left psoas";
    if (id == "iliacus_r") return "Right iliacus";
    if (id == "iliacus_l") return "Left iliacus";
    return id.c_str();
}

// The command line's name of a hip reference ("gait2392").
std::string referenceName(HipReference reference) {
    for (const HipReferenceInfo& info : hipReferences())
        if (info.id == reference) return std::string(info.name);
    return "";
}

// A chart's edge values: its vertical range written inside the frame, top and bottom, and its
// horizontal ends on a line under it. A curve that starts high (the psoas shortens as the hip
// flexes) has its top value at the right, where the line is not.
void chartAxes(const ChartAxes& axes, bool startsHigh = false) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float topX = startsHigh ? max.x - pad - ImGui::CalcTextSize(axes.top.c_str()).x : min.x + pad;
    draw->AddText({topX, min.y + 1.0f}, colour, axes.top.c_str());
    draw->AddText({min.x + pad, max.y - ImGui::GetTextLineHeight() - 1.0f}, colour, axes.bottom.c_str());
    ImGui::TextDisabled("%s", axes.left.c_str());
    const float right = ImGui::CalcTextSize(axes.right.c_str()).x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), max.x - ImGui::GetWindowPos().x - right));
    ImGui::TextDisabled("%s", axes.right.c_str());
}

// The psoas the charts follow: the right one, or the left (the teacher's pick, kept in ImGui's
// storage as a view choice, like an open tab).
struct ChartSide {
    const char* name;  // "Right psoas"
    const std::vector<float>* history;
    const std::vector<glm::vec2>* curve;
    float hipFlexion;
};

ChartSide chartSideChooser(const MotionView& motion) {
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID("chart-side");
    int left = storage->GetInt(key, 0);
    ImGui::TextUnformatted("Psoas in the charts:");
    ImGui::SameLine();
    ImGui::RadioButton("right##chart", &left, 0);
    ImGui::SameLine();
    ImGui::RadioButton("left##chart", &left, 1);
    storage->SetInt(key, left);
    if (left == 1) return {"Left psoas", motion.historyLeft, motion.curveLeft, motion.hipFlexionLeft};
    return {"Right psoas", motion.history, motion.curve, motion.hipFlexion};
}

// Length against hip angle, with the current angle marked: where on its range the muscle is now.
void lengthCurve(const MotionView& motion, const ChartSide& side, float uiScale) {
    if (!side.curve || side.curve->size() < 2) return;
    std::vector<float> lengths;
    for (const glm::vec2& p : *side.curve) lengths.push_back(p.y);
    const auto [lo, hi] = std::minmax_element(lengths.begin(), lengths.end());
    const float from = side.curve->front().x, to = side.curve->back().x;
    const float bottom = *lo - 5.0f, top = *hi + 5.0f;
    // The width in units: ImGui 1.86's plots read -1 as a negative width and drew nothing.
    ImGui::PlotLines("##curve", lengths.data(), static_cast<int>(lengths.size()), 0, nullptr, bottom, top,
                     {ImGui::GetContentRegionAvail().x, 90.0f * uiScale});
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float along = std::clamp((side.hipFlexion - from) / (to - from), 0.0f, 1.0f);
    const float x = min.x + (max.x - min.x) * along;
    // The curve's own length at the current angle (straight between its samples), ringed.
    const float at = along * static_cast<float>(lengths.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(at));
    const std::size_t above = std::min(below + 1, lengths.size() - 1);
    const float now = lengths[below] + (lengths[above] - lengths[below]) * (at - static_cast<float>(below));
    const float y = max.y - (max.y - min.y) * (now - bottom) / (top - bottom);
    constexpr ImU32 kNow = IM_COL32(255, 200, 90, 255);
    ImGui::GetWindowDrawList()->AddLine({x, min.y}, {x, max.y}, kNow, 2.0f * uiScale);
    ImGui::GetWindowDrawList()->AddCircle({x, y}, 4.0f * uiScale, kNow, 0, 2.0f * uiScale);
    chartAxes(lengthCurveAxes(bottom, top, from, to), lengths.front() > 0.5f * (bottom + top));
    ImGui::TextDisabled("%s length against hip flexion, %s; line and ring: now, %.0f mm at %.0f\u00b0", side.name,
                        referenceName(motion.reference).c_str(), now, side.hipFlexion);
}

std::string poseComboText(const MotionView& motion) {
    if (motion.joints.custom) return "Own angles (below)";
    if (!motion.loopName.empty()) return "Looping: " + motion.loopName;
    return motion.poseNames.empty() ? "" : motion.poseNames[static_cast<std::size_t>(motion.pose)];
}

// A looping motion's pause and speed (issue 13); P pauses every motion at once. The speed is a
// drag box, not a slider: ImGui's slider sets the value where it is clicked, so a click on the
// speed (tester: "it jumps to 1.12x", the middle of 0.25..2) changed it. A drag changes it by the
// distance dragged, a click alone changes nothing, a double-click types a value.
// While the teacher's own angles hold a step's loop, the rows stay (greyed speed, Play goes back to
// the step's motion): the sliders below kept moving up and down under the pointer as the rows went
// and came (fresh tester, session 12).
void loopControls(const MotionView& motion, MotionIntents& intents, bool& resumeAll) {
    const bool held = motion.loopName.empty();
    if (held && motion.stepLoopName.empty()) return;
    if (held) {
        ImGui::TextDisabled("%s stopped for your angles", motion.stepLoopName.c_str());
        if (ImGui::Button("Play##loop")) intents.resetJoints = true;  // the step's own settings: its loop goes on
        itemTooltip("Back to this step's " + motion.stepLoopName + " (the joints as it moves them)");
    } else {
        ImGui::TextUnformatted(loopCycleText(motion).c_str());
        // P pauses everything, this loop too: then the button plays, and playing ends both pauses
        // (it read "Pause" over a still body; fresh tester, session 16).
        const bool still = motion.loopPaused || motion.everythingPaused;
        if (ImGui::Button(still ? "Play##loop" : "Pause##loop")) {
            intents.loopPaused = !still;
            resumeAll = still && motion.everythingPaused;
        }
        if (motion.everythingPaused) itemTooltip("Everything is paused (P): Play goes on with the motion and the rest");
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(held);
    ImGui::SetNextItemWidth(-1.0f);
    float speed = motion.loopSpeed;
    // 0.005 per unit: the whole range in 350 units of drag.
    if (ImGui::DragFloat("##loopspeed", &speed, 0.005f, kLoopSpeedMin, kLoopSpeedMax, "speed %.2f\u00d7", ImGuiSliderFlags_AlwaysClamp))
        intents.loopSpeed = speed;
    ImGui::EndDisabled();
    itemTooltip("Drag sideways to change the speed; double-click or Ctrl+click to type it");
}

// "Save pose…" (issue 13): the angles shown now become a pose file in the user's pose folder,
// named as typed; the pose box offers it at once and after the next start.
void savePoseControls(const ViewerUiState& state, ViewerUiIntents& intents) {
    std::array<char, 128> name{};
    std::strncpy(name.data(), state.poseNameDraft.c_str(), name.size() - 1);
    const float buttonWidth = ImGui::CalcTextSize("Save pose").x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SetNextItemWidth(-(buttonWidth + ImGui::GetStyle().ItemSpacing.x));
    const bool entered = ImGui::InputTextWithHint("##posename", "Name for these angles", name.data(), name.size(),
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    if (std::string_view(name.data()) != state.poseNameDraft) intents.poseNameDraft = std::string(name.data());
    ImGui::SameLine();
    const bool named = !poseIdFromName(name.data()).empty();
    ImGui::BeginDisabled(!named);
    if ((ImGui::Button("Save pose") || entered) && named) intents.savePose = std::string(name.data());
    ImGui::EndDisabled();
    itemTooltip("Writes the joint angles shown as a pose file in your pose folder;\na pose with a built-in pose's name replaces it");
}

// The pose: the library's or the step's looping motion, a looping motion's controls, the joint angles.
void poseControls(const MotionView& motion, MotionIntents& intents, std::optional<std::string>& notice, bool& resumeAll) {
    ImGui::TextUnformatted("Pose");
    ImGui::SetNextItemWidth(-1.0f);
    const std::string poseName = poseComboText(motion);
    if (ImGui::BeginCombo("##pose", poseName.c_str())) {
        for (const PoseChoice& choice : poseChoices(motion))
            if (ImGui::Selectable(choice.text.c_str(), choice.chosen)) {
                if (choice.pose) intents.pose = *choice.pose;
                else intents.resetJoints = true;  // the step's own settings: its loop goes on from where it was left
            }
        ImGui::EndCombo();
    }
    loopControls(motion, intents, resumeAll);
    if (ImGui::CollapsingHeader("Joint angles", ImGuiTreeNodeFlags_DefaultOpen))
        if (std::string said = drawJointControls(motion.joints, intents); !said.empty()) notice = std::move(said);
}

// Drag to pose without a modifier: for touch screens and trackpads, where Alt + drag is awkward.
void moveJointsToggle(const MotionView& motion, ViewerUiIntents& intents) {
    bool on = motion.moveJoints;
    if (ImGui::Checkbox("Move joints by dragging", &on)) intents.moveJoints = on;
    ImGui::TextDisabled(on ? "Drag a thigh to flex / extend its hip (sideways: abduct), the lumbar spine to bend it; "
                             "drag elsewhere to turn the view. Ctrl+Z undoes the last drag."
                           : "Or hold Alt and drag a thigh or the lumbar spine. Ctrl+Z undoes the last drag.");
}

// Breathing, length tags and colour by length.
void displayControls(const MotionView& motion, MotionIntents& intents) {
    bool breathing = motion.breathing;
    if (ImGui::Checkbox("Breathing", &breathing)) intents.breathing = breathing;
    for (const BreathDepthName& entry : kBreathDepthNames) {  // the names lessons and --breath-depth use
        ImGui::SameLine();
        if (ImGui::RadioButton(std::string(entry.name).c_str(), motion.depth == entry.value)) intents.depth = entry.value;
    }
    float rate = motion.rate, exaggeration = motion.exaggeration;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    if (ImGui::SliderFloat("breaths/min", &rate, 6.0f, 30.0f, "%.0f")) intents.rate = rate;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    if (ImGui::SliderFloat("motion shown", &exaggeration, 1.0f, 20.0f, "\u00d7%.0f")) intents.exaggeration = exaggeration;
    bool tags = motion.lengthTags;
    if (ImGui::Checkbox("Length tags on the model", &tags)) intents.lengthTags = tags;
    bool colour = motion.colourByLength;
    if (ImGui::Checkbox("Colour by length change", &colour)) intents.colourByLength = colour;
    if (motion.colourByLength) drawLengthColourScale(ImGui::GetContentRegionAvail().x);
}

// The published hip geometry the numbers below come from, and a reminder that published models
// disagree (issue 15): the chooser, its source and what stays drawn with the default.
void referenceChooser(const MotionView& motion, MotionIntents& intents) {
    const std::vector<HipReferenceInfo>& references = hipReferences();
    const auto chosen = std::find_if(references.begin(), references.end(), [&](const HipReferenceInfo& r) { return r.id == motion.reference; });
    ImGui::TextWrapped("Hip geometry for the numbers below");
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##reference", referenceName(motion.reference).c_str())) {
        for (const HipReferenceInfo& r : references)
            if (ImGui::Selectable(std::string(r.name).c_str(), r.id == motion.reference)) intents.reference = r.id;
        ImGui::EndCombo();
    }
    if (chosen != references.end()) ImGui::TextDisabled("%s", std::string(chosen->description).c_str());
    ImGui::TextWrapped("Published models differ: the same pose gives each its own lengths and moment arms. "
                       "The muscles are drawn along %s's paths whichever is chosen.",
                       std::string(references.front().name).c_str());
}

// Each muscle's length now, its change from standing and its hip flexion moment arm, the dome
// descent, the psoas fascicles.
void lengthReadouts(const MotionView& motion) {
    ImGui::TextUnformatted("True values (never exaggerated)");
    // No wrapping inside the table: the tab wraps its text at the panel's edge, and wrapped text in
    // a fit-to-content column fitted the column to nothing (a tester read "Right psoas" one letter
    // per line).
    ImGui::PushTextWrapPos(-1.0f);
    if (motion.readouts && ImGui::BeginTable("lengths", 4, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("");
        ImGui::TableSetupColumn("length");
        ImGui::TableSetupColumn("change");
        ImGui::TableSetupColumn("arm");
        ImGui::TableHeadersRow();
        for (const MuscleReadout& r : *motion.readouts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(displayName(r.id));
            ImGui::TableNextColumn();
            ImGui::Text("%.1f", r.lengthMm);
            ImGui::TableNextColumn();
            ImGui::Text("%+.1f %%", (r.lengthMm / r.neutralLengthMm - 1.0f) * 100.0f);
            ImGui::TableNextColumn();
            ImGui::Text("%.1f", r.momentArmMm);
        }
        ImGui::EndTable();
    }
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("Length and hip flexion moment arm in mm; change from standing.");
    ImGui::Text("Diaphragm dome descent: %.1f mm", motion.domeDescentMm);
    const MuscleReadout* psoas = nullptr;  // by id: the order of the readouts is not a contract
    if (motion.readouts)
        for (const MuscleReadout& r : *motion.readouts)
            if (r.id == kRightPsoasId) psoas = &r;
    // A lumped path (rajagopal2016) has no fascicles to list.
    if (psoas && psoas->fascicleLengthsMm.size() > 1 && ImGui::CollapsingHeader("Right psoas fascicles")) {
        for (const auto& [part, length] : psoas->fascicleLengthsMm) ImGui::Text("%-24s %.1f mm", part.c_str(), length);
    }
}

// The psoas's length over the last 20 s.
void lengthHistory(const MotionView& motion, const ChartSide& side, float uiScale) {
    if (!side.history || side.history->empty()) return;
    const auto [lo, hi] = std::minmax_element(side.history->begin(), side.history->end());
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "%.2f mm", side.history->back());
    // At least a 1 mm window, so a quiet breath's tiny change is drawn at its true scale.
    const float middle = 0.5f * (*lo + *hi), dataHalf = std::max(0.5f, 0.5f * (*hi - *lo) * 1.2f);
    // The top and bottom values are written inside the frame (chartAxes): the curve keeps out of
    // their lines, so the top value does not sit on a curve that starts high (tester, session 10:
    // "332 mm" touched the curve at the left edge).
    const float padY = ImGui::GetStyle().FramePadding.y;
    // chartAxes writes them 1 px in from the edge; 2 px more keep the line (1.5 px either side of
    // its centre, anti-aliased) clear of them.
    const float labelBand = std::max(0.0f, ImGui::GetTextLineHeight() + 3.0f - padY);
    const float height = std::max(80.0f * uiScale, 2.0f * (labelBand + padY) + 30.0f * uiScale);
    const float inner = height - 2.0f * padY;
    const float half = dataHalf * inner / (inner - 2.0f * labelBand);
    // The width in units, as for the curve.
    ImGui::PlotLines("##history", side.history->data(), static_cast<int>(side.history->size()), 0, overlay, middle - half,
                     middle + half, {ImGui::GetContentRegionAvail().x, height});
    chartAxes(lengthHistoryAxes(middle - half, middle + half, motion.historySeconds));
    ImGui::TextDisabled("%s length over the last %.0f s (%s)", side.name, static_cast<double>(motion.historySeconds),
                        referenceName(motion.reference).c_str());
}

void motionTab(const ViewerUiState& state, const MotionView& motion, ViewerUiIntents& intents) {
    ImGui::PushTextWrapPos(0.0f);  // long captions wrap in a narrow panel
    poseControls(motion, intents.motion, intents.notice, intents.resumeAll);
    moveJointsToggle(motion, intents);
    savePoseControls(state, intents);
    displayControls(motion, intents.motion);
    ImGui::Separator();
    referenceChooser(motion, intents.motion);
    ImGui::Separator();
    lengthReadouts(motion);
    const ChartSide side = chartSideChooser(motion);
    lengthHistory(motion, side, state.uiScale);
    lengthCurve(motion, side, state.uiScale);
    ImGui::PopTextWrapPos();
}

// ImGui 1.86 draws no dashed lines: dashes of `dash` with gaps as long.
void dashedLine(ImDrawList* draw, ImVec2 from, ImVec2 to, ImU32 colour, float thickness, float dash) {
    const float dx = to.x - from.x, dy = to.y - from.y, length = std::sqrt(dx * dx + dy * dy);
    if (length <= 0.0f || dash <= 0.0f) return;
    for (float t = 0.0f; t < length; t += 2.0f * dash) {
        const float a = t / length, b = std::min(t + dash, length) / length;
        draw->AddLine({from.x + dx * a, from.y + dy * a}, {from.x + dx * b, from.y + dy * b}, colour, thickness);
    }
}

// A third of the view, but at least 8 em at text size `size`: a small window for the room (the
// class's window before it is dragged to the projector) would otherwise break "Right psoas major"
// into a word a line.
float roomLabelWrapWidth(const ViewerUiState& state, float size) { return std::max(state.sceneView.size.x * 0.35f, 8.0f * size); }

}  // namespace

// Whether the labels at text size `size` (pixels), each wrapped at labelWrapWidth and padded as
// drawLabels pads them, stack into one column of the 3D view's height (all may take one side).
bool labelsFitColumn(const ViewerUiState& state, float size) {
    const float full = ImGui::GetFontSize();
    const float shrink = size / full;
    const float paddingX = 6.0f * state.uiScale * shrink, paddingY = 3.0f * state.uiScale * shrink;
    const float wrap = roomLabelWrapWidth(state, size) - paddingX * 2.0f;
    const float line = ImGui::GetTextLineHeight() * shrink;
    float height = 0.0f;
    for (const LabelAnchor& label : state.labels) {
        float lines = 0.0f;  // each of the label's own lines (a length tag has two), wrapped
        for (std::size_t begin = 0; begin <= label.text.size();) {
            const std::size_t end = std::min(label.text.find('\n', begin), label.text.size());
            const std::string part = label.text.substr(begin, end - begin);
            const float width = ImGui::CalcTextSize(part.c_str()).x * shrink;
            lines += wrap > 0.0f ? std::max(1.0f, std::ceil(width / wrap)) : 1.0f;
            begin = end + 1;
        }
        height += lines * line + paddingY * 2.0f + 8.0f * state.uiScale;
    }
    return height <= state.sceneView.size.y;
}

// Labels go on the background layer: over the 3D view, under every panel.
// The labels' text size: the interface's, but never so large that a label is taller than a tenth
// of the 3D view or the widest wider than 35 % of it. At 250 % text in presenter mode, or in a
// 640 x 360 window, full-size labels covered the model they name.
// On a screen for the room (presenter mode, the class's screen) a name too wide wraps onto more
// lines (labelWrapWidth) instead of shrinking, so labels grow with the teacher's text size (fresh
// tester, session 12: Ctrl+= left the length tags the same size from 100 to 300 %); only the
// height shrinks them, and never below the back row's least, capitals 2.3 % of the screen's height
// (core backRowFontPixels: capitals 24.8 px on 1080 lines; fresh tester, session 9, found busy
// steps' labels at ~1.5 % on the class's screen).
float labelFontSize(const ViewerUiState& state) {
    const float full = ImGui::GetFontSize();
    float widest = 0.0f;
    for (const LabelAnchor& label : state.labels) widest = std::max(widest, ImGui::CalcTextSize(label.text.c_str()).x);
    const float byHeight = state.sceneView.size.y * 0.1f / ImGui::GetTextLineHeight();
    const float byWidth = widest > 0.0f ? state.sceneView.size.x * 0.35f / widest : 1.0f;
    if (state.presenterTheme) {
        const float least = std::min(full, backRowFontPixels(ImGui::GetIO().DisplaySize.y));
        float size = std::max(full * std::min(byHeight, 1.0f), least);
        // Smaller only as far as the labels, wrapped, need to fit one column of the view.
        while (size > least && !labelsFitColumn(state, size)) size = std::max(least, size * 0.9f);
        return size;
    }
    const float fit = std::min({byHeight, byWidth, 1.0f});
    // Not below 60 %: smaller than that is unreadable, and overlapping is then the lesser harm.
    return full * std::max(fit, 0.6f);
}

float labelWrapWidth(const ViewerUiState& state) {
    return state.presenterTheme ? roomLabelWrapWidth(state, labelFontSize(state)) : 0.0f;
}

namespace {
// `size` 0: the draw list's own font and size. `wrap`: the width lines wrap at (0: one line).
void labelText(ImDrawList* draw, ImFont* font, float size, ImVec2 at, ImU32 colour, const std::string& text, float wrap) {
    if (size > 0.0f || wrap > 0.0f) draw->AddText(font, size > 0.0f ? size : ImGui::GetFontSize(), at, colour, text.c_str(), nullptr, wrap);
    else draw->AddText(at, colour, text.c_str());
}

// `legend`: the colour legend's box in the bottom-left corner, if it is shown: the left column
// of labels stays above it.
void drawLabels(const ViewerUiState& state, const std::optional<LegendPlacement>& legend) {
    if (state.labels.empty()) return;
    ImFont* font = ImGui::GetFont();
    const float fontSize = labelFontSize(state);
    const float shrink = fontSize / ImGui::GetFontSize();
    const ImVec2 padding{6.0f * state.uiScale * shrink, 3.0f * state.uiScale * shrink};
    // One width for every label (labelFontSize, which it depends on, fits all labels each call).
    const float wrap = state.presenterTheme ? roomLabelWrapWidth(state, fontSize) - padding.x * 2.0f : 0.0f;
    std::vector<LabelRequest> requests;
    std::vector<float> wraps;  // per label: the width its text wraps at, 0 when it fits on a line
    for (const LabelAnchor& label : state.labels) {
        // At full size exactly ImGui's own measure (and below, its own text call), so pictures of
        // windows where no label shrinks or wraps stay as they were to the pixel.
        ImVec2 text = ImGui::CalcTextSize(label.text.c_str());
        if (shrink < 1.0f) {
            text = font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, label.text.c_str());
            text.x = std::floor(text.x + 0.95f);
        }
        wraps.push_back(wrap > 0.0f && text.x > wrap ? wrap : 0.0f);
        if (wraps.back() > 0.0f) {
            text = font->CalcTextSizeA(fontSize, FLT_MAX, wrap, label.text.c_str());
            text.x = std::floor(text.x + 0.95f);
        }
        requests.push_back({label.point, {text.x + padding.x * 2.0f, text.y + padding.y * 2.0f}, label.home});
    }
    ViewRect free = state.sceneView;
    // Keep the labels clear of the attachment legend in the bottom-right corner.
    if (state.attachmentLegend)
        free.size.y -= ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(2 + (state.attachmentMuscles.size() > 1 ? state.attachmentMuscles.size() : 0)) +
                       28.0f * state.uiScale;
    const float gap = 8.0f * state.uiScale;
    ColumnReserve reserve;
    if (legend) reserve.left = std::max(0.0f, free.origin.y + free.size.y - legend->box.origin.y);
    const auto placed = layoutLabels(requests, free, gap, reserve, state.silhouette);
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const LeaderStroke stroke = leaderStroke(state.uiScale, state.presenterTheme, ImGui::GetIO().DisplaySize.y);
    const OverlayInk& ink = overlayInk(state);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const ImVec2 min{placed[i].position.x, placed[i].position.y};
        const ImVec2 max{min.x + requests[i].size.x, min.y + requests[i].size.y};
        const ImVec2 attach{placed[i].rightColumn ? min.x : max.x, (min.y + max.y) * 0.5f};
        const ImVec2 anchor{placed[i].anchor.x, placed[i].anchor.y};
        if (state.labels[i].behind) {
            // Nothing of it shows from here: a dashed, dimmed leader to where it lies and an open
            // ring, so it never reads as pointing at what is drawn over it (issue 15).
            dashedLine(draw, attach, anchor, ink.hiddenHalo, stroke.halo, stroke.dash);
            dashedLine(draw, attach, anchor, ink.hiddenLeader, stroke.line, stroke.dash);
            draw->AddCircle(anchor, stroke.ring, (ink.hiddenLeader & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 200), 0, stroke.line);
            draw->AddRectFilled(min, max, ink.hiddenBox, 3.0f * state.uiScale);
            draw->AddRect(min, max, ink.hiddenBorder, 3.0f * state.uiScale);
            labelText(draw, font, shrink < 1.0f ? fontSize : 0.0f, {min.x + padding.x, min.y + padding.y}, ink.hiddenText, state.labels[i].text, wraps[i]);
            continue;
        }
        draw->AddLine(attach, anchor, ink.halo, stroke.halo);
        draw->AddLine(attach, anchor, ink.leader, stroke.line);
        draw->AddCircleFilled(anchor, stroke.dot, ink.leader);
        draw->AddRectFilled(min, max, ink.labelBox, 3.0f * state.uiScale);
        draw->AddRect(min, max, ink.labelBorder, 3.0f * state.uiScale);
        labelText(draw, font, shrink < 1.0f ? fontSize : 0.0f, {min.x + padding.x, min.y + padding.y}, ink.labelText, state.labels[i].text, wraps[i]);
    }
}

// In the current window: when its content runs past the visible part (the bar is at its tallest),
// fades the last lines out and ends them in "…", so a cut is never silent. True when cut.
bool markCutText(float uiScale, ImU32 mark) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float contentEnd = ImGui::GetCursorPosY() - style.ItemSpacing.y;  // content coordinates
    const float visibleEnd = ImGui::GetScrollY() + ImGui::GetWindowHeight() - style.WindowPadding.y;
    if (contentEnd <= visibleEnd + 1.0f) return false;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float fade = 2.0f * ImGui::GetTextLineHeightWithSpacing();
    const ImU32 clear = ImGui::GetColorU32(ImGuiCol_WindowBg, 0.0f), solid = ImGui::GetColorU32(ImGuiCol_WindowBg, 1.0f);
    draw->AddRectFilledMultiColor({pos.x, pos.y + size.y - fade}, {pos.x + size.x, pos.y + size.y}, clear, clear, solid, solid);
    const char* more = "\u2026";
    const ImVec2 at{pos.x + size.x - style.WindowPadding.x - ImGui::CalcTextSize(more).x - 4.0f * uiScale,
                    pos.y + size.y - style.WindowPadding.y - ImGui::GetTextLineHeight()};
    draw->AddText(at, mark, more);
    return true;
}

// Text longer than the bar scrolls: the wheel over it, or Up / Down (a clicker's PageDown stays
// "next step"). A step shown afresh (a new revision: a step change, Home) or at another text size
// starts at its top, remembered in ImGui's per-window storage: at a new size the old offset cut the
// first line in half and hid the title (fresh tester, issue 14).
void scrollCaption(const LessonView& lesson, float uiScale) {
    const std::string what = lesson.title + '\n' + std::to_string(lesson.revision) + '\n' + std::to_string(uiScale);
    const ImGuiID shown = ImGui::GetID(what.c_str()) + static_cast<ImGuiID>(lesson.stepIndex);
    const ImGuiID shownKey = ImGui::GetID("##shown-step");
    if (static_cast<ImGuiID>(ImGui::GetStateStorage()->GetInt(shownKey, 0)) != shown) {
        ImGui::SetScrollY(0.0f);
        ImGui::GetStateStorage()->SetInt(shownKey, static_cast<int>(shown));
        return;
    }
    const float lines = 3.0f * ImGui::GetTextLineHeightWithSpacing();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) ImGui::SetScrollY(std::min(ImGui::GetScrollY() + lines, ImGui::GetScrollMaxY()));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) ImGui::SetScrollY(std::max(ImGui::GetScrollY() - lines, 0.0f));
}

// The layout put the caption in a column beside the model (not a bar across the width).
bool captionBeside(const ViewerUiState& state) {
    return state.captionView.size.x > 0.0f && state.captionView.size.x < ImGui::GetMainViewport()->WorkSize.x;
}

// The widest single word of `text` in `font` at its own size (spaces, hyphens' words and newlines
// split words; a word is never broken inside, so this is the least width that holds it whole).
float widestWord(std::string_view text, ImFont* font) {
    float widest = 0.0f;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \n\t", start), text.size());
        if (end > start)
            widest = std::max(widest, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data() + start, text.data() + end).x);
        start = end + 1;
    }
    return widest;
}

ImFont* fontOr(ImFont* font) { return font ? font : ImGui::GetFont(); }

// The scale (at most 1) at which the step's widest word, in the title's heading or the text's bold
// (the wider face), fits `contentWidth`.
float wordFitScale(const ViewerUiState& state, float contentWidth) {
    const LessonView& lesson = *state.lesson;
    float widest = widestWord(lesson.stepTitle, fontOr(state.fonts ? state.fonts->heading : nullptr));
    ImFont* bold = fontOr(state.fonts ? state.fonts->bold : nullptr);
    if (lesson.text)
        for (const TextBlock& block : *lesson.text)
            for (const TextSpan& span : block.spans) widest = std::max(widest, widestWord(span.text, bold));
    widest *= ImGui::GetIO().FontGlobalScale;
    return widest > contentWidth ? contentWidth / widest : 1.0f;
}

// The caption's text scale (1: as the text size asks) that keeps every word of the step whole in
// `contentWidth`, and the title, the count and kCaptionBelowBodyLines of the text in `contentHeight`
// (the bar below at its tallest, or the column beside): the largest, by halving steps, at which the
// title (wrapped), the count (beside the title when it fits there, as drawn below) and the lines fit.
// core/viewer_layout says why the model's share wins over the text size.
float captionTextScale(const ViewerUiState& state, float contentWidth, float contentHeight) {
    const LessonView& lesson = *state.lesson;
    ImFont* heading = fontOr(state.fonts ? state.fonts->heading : nullptr);
    ImFont* body = fontOr(state.fonts ? state.fonts->body : nullptr);
    const float global = ImGui::GetIO().FontGlobalScale;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    char count[32];
    std::snprintf(count, sizeof count, "  %d / %d", lesson.stepIndex + 1, lesson.stepCount);
    auto fits = [&](float s) {
        const ImVec2 title = heading->CalcTextSizeA(heading->FontSize * global * s, FLT_MAX, contentWidth, lesson.stepTitle.c_str());
        const float line = body->FontSize * global * s;
        const bool countBeside = title.x + body->CalcTextSizeA(line, FLT_MAX, 0.0f, count).x <= contentWidth;
        const float lines = static_cast<float>(kCaptionBelowBodyLines) + (countBeside ? 0.0f : 1.0f);
        return title.y + spacing + lines * line + (countBeside ? 0.0f : spacing) <= contentHeight;
    };
    float scale = wordFitScale(state, contentWidth);
    if (!fits(scale)) {
        float low = 0.25f, high = scale;
        for (int i = 0; i < 10; ++i) (fits(0.5f * (low + high)) ? low : high) = 0.5f * (low + high);
        scale = low;
    }
    return std::clamp(scale, 0.25f, 1.0f);
}

void captionBar(const ViewerUiState& state, ViewerUiIntents& intents) {
    if (!state.lesson) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // Below the model: full width, pinned to the bottom, as tall as the step's text needs between
    // a quarter and a half of the picture; the 3D view takes what is left above it. Beside it: the
    // layout's column, its full height.
    const bool beside = captionBeside(state);
    ImGuiWindowFlags sizing = ImGuiWindowFlags_AlwaysAutoResize;
    if (beside) {
        ImGui::SetNextWindowPos({viewport->WorkPos.x + state.captionView.origin.x, viewport->WorkPos.y + state.captionView.origin.y}, ImGuiCond_Always);
        ImGui::SetNextWindowSize({state.captionView.size.x, state.captionView.size.y}, ImGuiCond_Always);
        sizing = 0;
    } else {
        ImGui::SetNextWindowPos({viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y}, ImGuiCond_Always, {0.0f, 1.0f});
        ImGui::SetNextWindowSizeConstraints({viewport->WorkSize.x, minimumCaptionHeight(viewport->WorkSize.y)},
                                            {viewport->WorkSize.x, maximumCaptionHeight(viewport->WorkSize.y)});
    }
    const OverlayInk& ink = overlayInk(state);
    ImVec4 background = ink.captionBackground;
    if (state.presenterTheme) background.w = 1.0f;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    const int inked = ink.onLight ? 3 : 1;
    if (ink.onLight) {
        ImGui::PushStyleColor(ImGuiCol_Text, ink.text);
        ImGui::PushStyleColor(ImGuiCol_TextDisabled, ink.muted);
    }
    // Beside, the padding is the layout's (core/viewer_layout); below, less above and under the text
    // than at its sides, so a bar at its tallest shows one more line.
    const ImVec2 padding{(beside ? kCaptionColumnPadding : 24.0f) * state.uiScale, (beside ? 14.0f : 8.0f) * state.uiScale};
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
    ImGui::Begin("##caption", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove | sizing);
    if (!beside) intents.captionHeight = ImGui::GetWindowHeight();
    const float width = (beside ? state.captionView.size.x : viewport->WorkSize.x) - 2.0f * padding.x;
    const float height = (beside ? state.captionView.size.y : maximumCaptionHeight(viewport->WorkSize.y)) - 2.0f * padding.y;
    ImGui::SetWindowFontScale(captionTextScale(state, width, height));
    const LessonView& lesson = *state.lesson;
    scrollCaption(lesson, state.uiScale);
    if (state.fonts && state.fonts->heading) ImGui::PushFont(state.fonts->heading);
    ImGui::PushTextWrapPos(0.0f);  // a long title wraps at large text instead of running off the slide
    ImGui::TextColored(ink.accent, "%s", lesson.stepTitle.c_str());
    ImGui::PopTextWrapPos();
    if (state.fonts && state.fonts->heading) ImGui::PopFont();
    // The step count beside the title when it fits there, else under it: at 250 % "2 / 7" was cut.
    char count[32];
    std::snprintf(count, sizeof count, "  %d / %d", lesson.stepIndex + 1, lesson.stepCount);
    ImGui::SameLine();
    const bool fits = ImGui::CalcTextSize(count).x <= ImGui::GetContentRegionAvail().x;
    if (!fits) ImGui::NewLine();
    ImGui::TextDisabled("%s", fits ? count : count + 2);  // on a line of its own without the gap
    intents.captionTextTop = ImGui::GetCursorPosY() - ImGui::GetScrollY();
    if (lesson.text && state.fonts) drawRichText(*lesson.text, *state.fonts);
    quizBox(lesson, state.fonts, ink);
    intents.captionCut = markCutText(state.uiScale, ink.onLight ? ImGui::GetColorU32(ink.accent) : IM_COL32(255, 214, 120, 255));
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(inked);
}

// The line each of `parts` goes on when they wrap whole into `width`, `gap` between parts on a line.
std::vector<int> wrapWhole(const std::vector<std::string>& parts, float width, float gap) {
    std::vector<int> lines;
    int line = 0;
    float x = 0.0f;
    for (const std::string& part : parts) {
        const float w = ImGui::CalcTextSize(part.c_str()).x;
        if (x > 0.0f && x + gap + w > width) {
            ++line;
            x = 0.0f;
        }
        x += (x > 0.0f ? gap : 0.0f) + w;
        lines.push_back(line);
    }
    return lines;
}

// The key reminder in its own strip across the top (core/viewer_layout's `hint`), its parts
// wrapped whole onto more lines when the text is large: at 250 % one line ran off the screen.
void presenterHint(const ViewerUiState& state, ViewerUiIntents& intents) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos, ImGuiCond_Always);
    const bool below = state.captionShown && state.lesson && !captionBeside(state);
    const float caption = below ? std::max(state.captionHeight, minimumCaptionHeight(viewport->WorkSize.y)) : 0.0f;
    ImGui::SetNextWindowSizeConstraints({viewport->WorkSize.x, 0.0f}, {viewport->WorkSize.x, maximumHintHeight(viewport->WorkSize.y, caption)});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.0f, 0.0f, 0.0f, 1.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {12.0f * state.uiScale, 6.0f * state.uiScale});
    ImGui::Begin("##presenter-hint", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_AlwaysAutoResize);
    intents.hintHeight = ImGui::GetWindowHeight();
    std::vector<std::string> parts = state.presenterHint;
    const float gap = ImGui::CalcTextSize("   ").x;
    const float width = viewport->WorkSize.x - 2.0f * ImGui::GetStyle().WindowPadding.x;
    // Where even that is taller than its strip (a small screen at large text), the middle parts
    // go; the last ("Esc: leave") always stays.
    const float room = maximumHintHeight(viewport->WorkSize.y, caption) - 2.0f * ImGui::GetStyle().WindowPadding.y;
    std::vector<int> lines = wrapWhole(parts, width, gap);
    while (parts.size() > 2 && static_cast<float>(lines.back() + 1) * ImGui::GetTextLineHeightWithSpacing() - ImGui::GetStyle().ItemSpacing.y > room) {
        parts.erase(parts.end() - 2);
        lines = wrapWhole(parts, width, gap);
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0 && lines[i] == lines[i - 1]) ImGui::SameLine(0.0f, gap);
        ImGui::TextColored({0.75f, 0.75f, 0.75f, 1.0f}, "%s", parts[i].c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

// What the painted areas mean, in colour, pattern and words (never colour alone).
// The attachment legend's share of the 3D view's width at most: at 250 % on 1280x720 it ran across
// the model (issue 14); larger text shrinks it to fit, as the length legend's corner does.
constexpr float kAttachmentLegendMaxShare = 0.45f;

struct LegendLine {
    bool striped = false;
    ImU32 fill = IM_COL32(31, 107, 242, 255);
    std::string text;
};

// The legend's lines: one origin line per tint slot (or the plain origin line) and the insertion.
std::vector<LegendLine> attachmentLegendLines(const ViewerUiState& state) {
    if (state.attachmentMuscles.size() <= 1) return {{false, IM_COL32(31, 107, 242, 255), "Origin (solid blue)"}, {true, 0, "Insertion (striped orange)"}};
    // The tint of each slot's origins, the same numbers as in shaders/mesh.frag (as the single
    // legend's blue is); slots after the first also get a dark ring there, so neighbours stay
    // apart without colour.
    static constexpr ImU32 kSlotColours[] = {IM_COL32(31, 107, 242, 255), IM_COL32(0, 158, 115, 255), IM_COL32(204, 121, 167, 255),
                                             IM_COL32(240, 228, 66, 255)};
    static constexpr const char* kSlotWords[] = {"blue", "green, ringed", "pink, ringed", "yellow, ringed"};
    std::vector<LegendLine> lines;
    for (std::size_t slot = 0; slot < state.attachmentMuscles.size() && slot < 4; ++slot)
        lines.push_back({false, kSlotColours[slot], "Origin: " + state.attachmentMuscles[slot] + " (" + kSlotWords[slot] + ")"});
    lines.push_back({true, 0, "Insertion (striped orange, ringed in its muscle's colour)"});
    return lines;
}

void attachmentLegend(const ViewerUiState& state) {
    if (!state.attachmentLegend) return;
    const std::vector<LegendLine> lines = attachmentLegendLines(state);
    float widest = 0.0f;
    for (const LegendLine& line : lines) widest = std::max(widest, ImGui::CalcTextSize(line.text.c_str()).x);
    const ImGuiStyle& style = ImGui::GetStyle();
    // The swatch, the text and the padding shrink with the font; the gap between swatch and text does not.
    const float scaled = ImGui::GetTextLineHeight() + widest + 2.0f * style.WindowPadding.x;
    const float room = kAttachmentLegendMaxShare * state.sceneView.size.x - style.ItemSpacing.x;
    const float shrink = std::clamp(room / std::max(scaled, 1.0f), 0.1f, 1.0f);
    ImGui::SetNextWindowPos({state.sceneView.origin.x + state.sceneView.size.x - 10.0f * state.uiScale, overlayFloor(state) - 10.0f * state.uiScale},
                            ImGuiCond_Always, {1.0f, 1.0f});
    ImGui::SetNextWindowBgAlpha(0.88f);
    const PageColours page(overlayInk(state));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {style.WindowPadding.x * shrink, style.WindowPadding.y * shrink});
    ImGui::Begin("##legend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::SetWindowFontScale(shrink);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float box = ImGui::GetTextLineHeight();
    for (const LegendLine& line : lines) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw->AddRectFilled(p, {p.x + box, p.y + box}, line.striped ? IM_COL32(255, 143, 26, 255) : line.fill);
        if (line.striped)
            for (float s = -box; s < box; s += box * 0.35f)
                draw->AddLine({p.x + std::max(0.0f, s), p.y + std::max(0.0f, -s)}, {p.x + std::min(box, s + box), p.y + std::min(box, box - s)},
                              IM_COL32(140, 66, 5, 255), box * 0.12f);
        ImGui::Dummy({box, box});
        ImGui::SameLine();
        ImGui::TextUnformatted(line.text.c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

void exportProgress(const ViewerUiState& state) {
    if (state.exportProgress < 0.0f) return;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({420.0f * state.uiScale, 0.0f});
    ImGui::Begin("Exporting slides", nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoResize | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextWrapped("%s", state.exportText.c_str());
    ImGui::ProgressBar(state.exportProgress, {-1.0f, 0.0f});
    ImGui::End();
}

void noticeBanner(const ViewerUiState& state) {
    if (state.notice.empty()) return;
    ImGui::SetNextWindowPos({state.sceneView.origin.x + state.sceneView.size.x - 10.0f * state.uiScale,
                             state.sceneView.origin.y + 10.0f * state.uiScale},
                            ImGuiCond_Always, {1.0f, 0.0f});
    ImGui::SetNextWindowBgAlpha(0.85f);
    const OverlayInk& ink = overlayInk(state);
    const PageColours page(ink);
    ImGui::Begin("##notice", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::TextColored(ink.onLight ? ink.accent : ImVec4(1.0f, 0.80f, 0.35f, 1.0f), "%s", state.notice.c_str());
    ImGui::End();
}
// The first run's hint, at the foot of the 3D view until "Got it" (or the key list) dismisses it.
void firstRunHint(const ViewerUiState& state, ViewerUiIntents& intents) {
    if (!state.firstRunHint) return;
    const ViewRect& view = state.sceneView;
    ImGui::SetNextWindowPos({view.origin.x + view.size.x * 0.5f, overlayFloor(state) - 16.0f * state.uiScale}, ImGuiCond_Always, {0.5f, 1.0f});
    ImGui::SetNextWindowSizeConstraints({0.0f, 0.0f}, {view.size.x * 0.9f, view.size.y * 0.5f});
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("##first-run", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::TextUnformatted("Left-drag turns the model, right-drag moves it, the wheel zooms.");
    ImGui::TextUnformatted("Double-click a structure to focus on it. H lists every key.");
    if (ImGui::Button("Got it")) intents.dismissFirstRunHint = true;
    ImGui::End();
}
}  // namespace


std::string loopCycleText(const MotionView& motion) {
    char text[96];
    const float speed = std::max(motion.loopSpeed, 1e-3f);
    if (std::abs(speed - 1.0f) < 0.005f)
        std::snprintf(text, sizeof text, "%.1f s a cycle at 1\u00d7", static_cast<double>(motion.loopPeriod));
    else
        std::snprintf(text, sizeof text, "%.1f s a cycle at %.2f\u00d7 (%.1f s at 1\u00d7)", static_cast<double>(motion.loopPeriod / speed),
                      static_cast<double>(speed), static_cast<double>(motion.loopPeriod));
    return text;
}

std::vector<PoseChoice> poseChoices(const MotionView& motion) {
    std::vector<PoseChoice> choices;
    const bool looping = !motion.loopName.empty() && !motion.joints.custom;
    if (!motion.stepLoopName.empty()) choices.push_back({"Looping: " + motion.stepLoopName, looping, std::nullopt});
    for (std::size_t i = 0; i < motion.poseNames.size(); ++i) {
        const bool chosen = !motion.joints.custom && !looping && static_cast<int>(i) == motion.pose;
        choices.push_back({motion.poseNames[i], chosen, static_cast<int>(i)});
    }
    return choices;
}

ViewerUiIntents drawViewerUi(const ViewerUiState& state) {
    ViewerUiIntents intents;
    if (state.blank) {
        ImGui::GetBackgroundDrawList()->AddRectFilled({0, 0}, ImGui::GetIO().DisplaySize, IM_COL32(0, 0, 0, 255));
        return intents;
    }
    std::optional<LegendPlacement> legend;
    if (state.lengthLegend) {
        ViewRect aboveStatus = state.sceneView;
        aboveStatus.size.y = overlayFloor(state) - aboveStatus.origin.y;
        legend = lengthLegendPlacement(aboveStatus, state.uiScale);
    }
    drawLabels(state, legend);
    if (state.editor) lessonEditorQuestion(*state.editor, intents.edit);  // a modal: over whatever is drawn
    if (state.exportDialog) exportDialog(*state.exportDialog, intents.exportDialog);  // a modal too
    if (state.slideLayout) {
        if (state.captionShown) captionBar(state, intents);
        noticeBanner(state);
        attachmentLegend(state);
        if (legend) {
            const PageColours page(overlayInk(state));
            lengthColourLegend(*legend, state.uiScale);
        }
        if (!state.presenterHint.empty()) presenterHint(state, intents);
        statusLine(state);  // the presenter's messages (a screenshot saved, a key that does nothing here)
        if (state.showHelp && state.help) helpOverlay(state, intents);
        return intents;
    }
    sidePanel(state, intents);
    if (state.scene->standIn) standInBanner(state);
    noticeBanner(state);
    attachmentLegend(state);
    if (legend) {
        const PageColours page(overlayInk(state));
        lengthColourLegend(*legend, state.uiScale);
    }
    exportProgress(state);
    hoverLabel(state);
    statusLine(state);
    firstRunHint(state, intents);
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
