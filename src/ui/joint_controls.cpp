#include "ui/joint_controls.hpp"

#include "core/motion/joint_coordinates.hpp"
#include "ui/item_tooltip.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // TempInputIsActive, ActivateItem: the slider as a text field

#include <algorithm>
#include <cstdio>
#include <string>

namespace psoas::ui {

namespace {

// One coordinate: its name, the slider and its reset. Double-clicking the slider opens the same
// text field as Ctrl+click (ImGui 1.86 gives sliders only the latter), on the angle from before
// the double-click.
// Where the slider's range goes past the normal range (a pose beyond it, such as 90/90's 60 degree
// hip), short bright ticks on the slider's frame mark the normal range's ends.
void markNormalRange(const JointCoordinateInfo& info, DegreeRange range) {
    if (range.min >= info.minDegrees && range.max <= info.maxDegrees) return;
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    const float grab = ImGui::GetStyle().GrabMinSize, inner = hi.x - lo.x - 2.0f * ImGui::GetStyle().FramePadding.x - grab;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const float end : {info.minDegrees, info.maxDegrees}) {
        const float t = (end - range.min) / std::max(range.max - range.min, 1e-3f);
        const float x = lo.x + ImGui::GetStyle().FramePadding.x + grab * 0.5f + t * inner;
        draw->AddLine({x, lo.y}, {x, lo.y + (hi.y - lo.y) * 0.3f}, IM_COL32(255, 214, 120, 255), 2.0f);
        draw->AddLine({x, hi.y - (hi.y - lo.y) * 0.3f}, {x, hi.y}, IM_COL32(255, 214, 120, 255), 2.0f);
    }
}

// The slider's value, beside its handle rather than under it: ImGui centres the text on the frame,
// where a handle in the middle of the range covers it (session 10: "41°" unreadable under the
// hip's handle). The handle's place follows ImGui 1.86's SliderBehavior: 2 px padding at each end,
// a handle GrabMinSize wide for a float slider.
void drawValueBesideHandle(float value, DegreeRange range) {
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    constexpr float kGrabPadding = 2.0f;
    const float grab = std::min(ImGui::GetStyle().GrabMinSize, hi.x - lo.x - 2.0f * kGrabPadding);
    const float t = std::clamp((value - range.min) / std::max(range.max - range.min, 1e-3f), 0.0f, 1.0f);
    const float grabCentre = lo.x + kGrabPadding + grab * 0.5f + t * (hi.x - lo.x - 2.0f * kGrabPadding - grab);
    char text[16];
    std::snprintf(text, sizeof text, "%.0f\u00b0", static_cast<double>(value));
    const ImVec2 size = ImGui::CalcTextSize(text);
    const float middle = (lo.x + hi.x) * 0.5f;
    // The wider side of the frame, beside the handle; centred in it.
    const float from = grabCentre > middle ? lo.x : grabCentre + grab * 0.5f, to = grabCentre > middle ? grabCentre - grab * 0.5f : hi.x;
    const float x = std::clamp((from + to - size.x) * 0.5f, from + 1.0f, std::max(from + 1.0f, to - size.x - 1.0f));
    ImGui::GetWindowDrawList()->AddText({x, (lo.y + hi.y - size.y) * 0.5f}, ImGui::GetColorU32(ImGuiCol_Text), text);
}

// The characters ImGui 1.86's float field lets in (InputTextFilterCharacter with CharsScientific,
// in the "C" locale): digits, the decimal point, signs, e/E and the * and / it can apply.
bool takenByNumberField(ImWchar c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == '*' || c == '/' || c == 'e' || c == 'E';
}

// This frame's typed characters, for a joint's number field: a decimal comma becomes the point it
// means. True when one of them is a character the field will drop.
bool readTypedCharacters() {
    ImVector<ImWchar>& typed = ImGui::GetIO().InputQueueCharacters;
    for (ImWchar& c : typed)
        if (c == ',') c = '.';
    return std::any_of(typed.begin(), typed.end(), [](ImWchar c) { return !takenByNumberField(c); });
}

// For the status line when a field that dropped letters closes: what the angle became.
std::string lettersLeftOutNotice(const std::string& joint, bool changed, float degrees) {
    char text[64];
    if (changed) std::snprintf(text, sizeof text, "read as %g\u00b0", static_cast<double>(degrees));
    else std::snprintf(text, sizeof text, "it stays at %.0f\u00b0", static_cast<double>(degrees));
    return joint + ": only numbers are taken in an angle, the letters were left out; " + text + ". Type a number such as 45 or -10.5";
}

void jointSlider(const JointCoordinateInfo& info, DegreeRange range, const JointControlsView& view, MotionChange& intents,
                 std::string& notice) {
    ImGui::PushID(static_cast<int>(info.id));
    const std::string name(info.name);
    ImGui::TextUnformatted(name.c_str());
    const float stepValue = coordinateValue(view.stepAngles, info.id);
    float value = coordinateValue(view.angles, info.id);
    const float resetWidth = ImGui::CalcTextSize("Reset").x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - resetWidth - ImGui::GetStyle().ItemSpacing.x);
    // "##" hides ImGui's own text (RenderTextClipped stops there) while the format still rounds to
    // whole degrees and the text field (double-click or Ctrl+click) shows the number; the value is
    // drawn beside the handle, except while typing.
    const ImGuiID slider = ImGui::GetID("##angle");
    const bool typing = ImGui::TempInputIsActive(slider);
    const float before = value;
    // ImGui's number field drops any other character without a sign; the field says what it takes
    // once one has been dropped, and the status line what became of the angle when it closes
    // (testers, sessions 13 and 14: "abc" typed, nothing happened). A decimal comma is read as the
    // point it means ("45,5" became 455 and then the range's end, tester session 14).
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID refusedKey = ImGui::GetID("##refused");
    storage->SetBool(refusedKey, typing && (readTypedCharacters() || storage->GetBool(refusedKey)));
    // Dragging stays in the range; a typed value may pass it: the motion holds it at the end and the
    // status line says so (no AlwaysClamp, which would change it without a word).
    const bool changed = ImGui::SliderFloat("##angle", &value, range.min, range.max, "##%.0f");
    if (changed) intents.joint = JointAngle{info.id, value};
    if (typing && !ImGui::TempInputIsActive(slider) && storage->GetBool(refusedKey)) {
        notice = lettersLeftOutNotice(name, changed, value);
        storage->SetBool(refusedKey, false);
    }
    const bool doubleClicked = ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
    // The angle before a click took the slider, kept until a second click makes it a double-click.
    if (ImGui::IsItemActivated() && !doubleClicked) storage->SetFloat(slider, before);
    if (!typing) drawValueBesideHandle(value, range);
    markNormalRange(info, range);
    if (typing && storage->GetBool(refusedKey)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.75f, 0.45f, 1.0f));
        ImGui::TextWrapped("Degrees as a number, such as 45 or -10.5: letters are left out. Enter sets it, Esc leaves it.");
        ImGui::PopStyleColor();
    }
    if (doubleClicked) {
        // The first click of the two moved the joint to the pointer: it goes back, and the slider
        // opens as the text field Ctrl+click opens (the activation ImGui's keyboard navigation
        // uses; a keyboard-focus request was dropped in a real window, tester, session 11).
        intents.joint = JointAngle{info.id, storage->GetFloat(slider, before)};
        ImGui::ActivateItem(slider);
        GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    }
    if (beginItemTooltip()) {
        ImGui::Text("%.0f\u00b0 to %.0f\u00b0, the normal range (%s)%s.\nDouble-click or Ctrl+click to type a value.",
                    static_cast<double>(info.minDegrees), static_cast<double>(info.maxDegrees), std::string(info.source).c_str(),
                    range == DegreeRange{info.minDegrees, info.maxDegrees} ? "" : ", marked: this pose goes past it");
        endItemTooltip();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(value == stepValue);
    if (ImGui::Button("Reset")) intents.resetJoint = info.id;
    ImGui::EndDisabled();
    // Where Reset goes, said: on a walking step the step's angle is where its motion starts, which
    // the teacher never chose (fresh tester, session 12: a hip went to -10 degrees unexplained).
    if (beginItemTooltip()) {
        ImGui::Text(view.stepLoops ? "Back to %.0f\u00b0, where this step's motion starts (Reset all joints plays it again)"
                                   : "Back to %.0f\u00b0, this step's angle",
                    static_cast<double>(stepValue));
        endItemTooltip();
    }
    ImGui::PopID();
}

}  // namespace

std::string drawJointControls(const JointControlsView& view, MotionChange& intents) {
    std::string notice;
    for (std::size_t i = 0; i < jointCoordinates().size(); ++i) {
        const JointCoordinateInfo& info = jointCoordinates()[i];
        // A view that gives no range (zero width) gets the normal one.
        const DegreeRange range = view.ranges[i].max > view.ranges[i].min ? view.ranges[i] : DegreeRange{info.minDegrees, info.maxDegrees};
        jointSlider(info, range, view, intents, notice);
    }
    ImGui::BeginDisabled(view.angles == view.stepAngles);
    if (ImGui::Button("Reset all joints")) intents.resetJoints = true;
    ImGui::EndDisabled();
    itemTooltip("Back to the angles this step set");
    // Reset goes back to the step's own pose; a step that flexes the hip keeps it flexed. Building
    // a standing step from there needs the neutral pose (tester, session 11: the next step silently
    // kept 44 degrees).
    const bool standing = std::all_of(jointCoordinates().begin(), jointCoordinates().end(),
                                      [&](const JointCoordinateInfo& info) { return coordinateValue(view.angles, info.id) == 0.0f; });
    ImGui::SameLine();
    ImGui::BeginDisabled(view.standingPose < 0 || standing);
    if (ImGui::Button("All to standing")) intents.pose = view.standingPose;
    ImGui::EndDisabled();
    itemTooltip("Every joint to 0\u00b0: neutral standing");
    if (view.custom) ImGui::TextDisabled("(changed joint by joint)");
    return notice;
}

}  // namespace psoas::ui
