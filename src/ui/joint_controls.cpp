#include "ui/joint_controls.hpp"

#include "core/motion/joint_coordinates.hpp"

#include <imgui.h>

#include <string>

namespace psoas::ui {

namespace {

// One coordinate: its name, the slider and its reset. Double-clicking the slider opens the same
// text field as Ctrl+click (ImGui 1.86 gives sliders only the latter): focus asked for the item
// just drawn turns it into its text input on the next frame.
void jointSlider(const JointCoordinateInfo& info, const JointControlsView& view, MotionChange& intents) {
    ImGui::PushID(static_cast<int>(info.id));
    const std::string name(info.name);
    ImGui::TextUnformatted(name.c_str());
    const float stepValue = coordinateValue(view.stepAngles, info.id);
    float value = coordinateValue(view.angles, info.id);
    const float resetWidth = ImGui::CalcTextSize("Reset").x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - resetWidth - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::SliderFloat("##angle", &value, info.minDegrees, info.maxDegrees, "%.0f\u00b0", ImGuiSliderFlags_AlwaysClamp))
        intents.joint = JointAngle{info.id, value};
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) ImGui::SetKeyboardFocusHere(-1);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%.0f\u00b0 to %.0f\u00b0, the normal range (%s).\nDouble-click or Ctrl+click to type a value.",
                          info.minDegrees, info.maxDegrees, std::string(info.source).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(value == stepValue);
    if (ImGui::Button("Reset")) intents.resetJoint = info.id;
    ImGui::EndDisabled();
    ImGui::PopID();
}

}  // namespace

void drawJointControls(const JointControlsView& view, MotionChange& intents) {
    for (const JointCoordinateInfo& info : jointCoordinates()) jointSlider(info, view, intents);
    ImGui::BeginDisabled(view.angles == view.stepAngles);
    if (ImGui::Button("Reset all joints")) intents.resetJoints = true;
    ImGui::EndDisabled();
    if (view.custom) {
        ImGui::SameLine();
        ImGui::TextDisabled("(changed joint by joint)");
    }
}

}  // namespace psoas::ui
