#include "ui/joint_controls.hpp"

#include "core/motion/joint_coordinates.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace psoas::ui {

namespace {

// One coordinate: its name, the slider and its reset. Double-clicking the slider opens the same
// text field as Ctrl+click (ImGui 1.86 gives sliders only the latter): focus asked for the item
// just drawn turns it into its text input on the next frame.
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

void jointSlider(const JointCoordinateInfo& info, DegreeRange range, const JointControlsView& view, MotionChange& intents) {
    ImGui::PushID(static_cast<int>(info.id));
    const std::string name(info.name);
    ImGui::TextUnformatted(name.c_str());
    const float stepValue = coordinateValue(view.stepAngles, info.id);
    float value = coordinateValue(view.angles, info.id);
    const float resetWidth = ImGui::CalcTextSize("Reset").x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - resetWidth - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::SliderFloat("##angle", &value, range.min, range.max, "%.0f\u00b0", ImGuiSliderFlags_AlwaysClamp))
        intents.joint = JointAngle{info.id, value};
    markNormalRange(info, range);
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) ImGui::SetKeyboardFocusHere(-1);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%.0f\u00b0 to %.0f\u00b0, the normal range (%s)%s.\nDouble-click or Ctrl+click to type a value.",
                          info.minDegrees, info.maxDegrees, std::string(info.source).c_str(),
                          range == DegreeRange{info.minDegrees, info.maxDegrees} ? "" : ", marked: this pose goes past it");
    ImGui::SameLine();
    ImGui::BeginDisabled(value == stepValue);
    if (ImGui::Button("Reset")) intents.resetJoint = info.id;
    ImGui::EndDisabled();
    ImGui::PopID();
}

}  // namespace

void drawJointControls(const JointControlsView& view, MotionChange& intents) {
    for (std::size_t i = 0; i < jointCoordinates().size(); ++i) {
        const JointCoordinateInfo& info = jointCoordinates()[i];
        // A view that gives no range (zero width) gets the normal one.
        const DegreeRange range = view.ranges[i].max > view.ranges[i].min ? view.ranges[i] : DegreeRange{info.minDegrees, info.maxDegrees};
        jointSlider(info, range, view, intents);
    }
    ImGui::BeginDisabled(view.angles == view.stepAngles);
    if (ImGui::Button("Reset all joints")) intents.resetJoints = true;
    ImGui::EndDisabled();
    if (view.custom) {
        ImGui::SameLine();
        ImGui::TextDisabled("(changed joint by joint)");
    }
}

}  // namespace psoas::ui
