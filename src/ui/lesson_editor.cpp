#include "ui/lesson_editor.hpp"

#include "core/lesson_draft.hpp"
#include "core/rich_text.hpp"
#include "ui/button_row.hpp"
#include "ui/rich_text_view.hpp"
#include "ui/wrapped_text_field.hpp"
#include "ui/item_tooltip.hpp"

#include <imgui.h>

#include <algorithm>

namespace psoas::ui {

namespace {

// ImGui writes into a char buffer; this one grows as the teacher types (no length limit).
int growString(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

// A one-line text field over `current` (a wrapped one when `lines` > 1): the new text when the
// teacher changed it this frame; `hint` greyed while it is empty. `finished` is set when the
// teacher typed into it and it lets go of the keyboard.
std::optional<std::string> textField(const char* label, const std::string& current, float lines, bool& finished,
                                     const char* hint = nullptr) {
    if (lines > 1.0f) return wrappedTextField(label, current, lines, finished);
    std::string text = current;
    text.reserve(text.size() + 64);
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool changed = ImGui::InputTextWithHint(label, hint ? hint : "", text.data(), text.capacity() + 1,
                                                  ImGuiInputTextFlags_CallbackResize, growString, &text);
    text.resize(std::char_traits<char>::length(text.c_str()));
    if (ImGui::IsItemDeactivatedAfterEdit()) finished = true;  // Enter, Tab or a click elsewhere
    if (changed && text != current) return text;
    return std::nullopt;
}

void stepButtons(const LessonEditorView& view, LessonEditorIntents& intents) {
    if (ImGui::Button("Add step from this view")) intents.addStep = true;
    itemTooltip("A new step after this one: the camera, what is shown and faded, the pose and the motion as they are now");
    if (ImGui::Button("Update step from this view")) intents.updateStep = true;
    nextInRow("Parts...");
    if (ImGui::SmallButton("Parts...")) ImGui::OpenPopup("update-parts");
    if (ImGui::BeginPopup("update-parts")) {
        ImGui::TextDisabled("Update takes from the view:");
        for (const ViewPartName& entry : kViewPartNames) {
            const auto bit = static_cast<unsigned>(entry.part);
            bool on = (view.updateParts & bit) != 0;
            if (ImGui::Checkbox(entry.name, &on)) intents.updateParts = on ? (view.updateParts | bit) : (view.updateParts & ~bit);
        }
        ImGui::EndPopup();
    }
    if (ImGui::Button("Duplicate")) intents.duplicateStep = true;
    nextInRow("Delete");
    ImGui::BeginDisabled(view.stepCount <= 1);
    if (ImGui::Button("Delete")) intents.deleteStep = true;
    ImGui::EndDisabled();
    ImGui::BeginDisabled(view.stepIndex == 0);
    if (ImGui::Button("Move up")) intents.moveUp = true;
    ImGui::EndDisabled();
    nextInRow("Move down");
    ImGui::BeginDisabled(view.stepIndex + 1 >= view.stepCount);
    if (ImGui::Button("Move down")) intents.moveDown = true;
    ImGui::EndDisabled();
}

// The step's labels: "Add label: click the model" turns the 3D view's click into adding one (the
// app picks); each label in the list has its Remove and a field for the teacher's own words, the
// atlas's name greyed in it while it is empty (which is what the model then shows).
void labelRows(const LessonEditorView& view, LessonEditorIntents& intents) {
    ImGui::Text("Labels on step %d", view.stepIndex + 1);
    if (view.addingLabel) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(view.addingLabel ? "Stop adding labels" : "Add label: click the model")) intents.toggleAddingLabel = true;
    if (view.addingLabel) ImGui::PopStyleColor();
    itemTooltip("Then each click on a structure labels it (near one of its landmarks: the landmark); Esc stops");
    if (view.addingLabel) ImGui::TextUnformatted("Click a structure in the 3D view to label it; Esc stops.");
    if (view.labels.empty()) ImGui::TextDisabled("No labels on this step");
    for (std::size_t i = 0; i < view.labels.size(); ++i) {
        const LessonEditorView::Label& label = view.labels[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("Remove")) intents.removeLabel = i;
        ImGui::SameLine();
        ImGui::TextUnformatted(label.name.c_str());
        itemTooltip(label.at);
        // Words with a line break (written in a file) get two lines, where the break can be seen.
        const float lines = label.text.find('\n') == std::string::npos ? 1.0f : 2.0f;
        if (auto text = textField("##label-text", label.text, lines, intents.endTyping, label.atlasWords.c_str())) intents.labelText = {i, std::move(*text)};
        itemTooltip("Your words for this label on the model; left empty, the atlas's: " + label.atlasWords);
        ImGui::PopID();
    }
}

void saveRow(const LessonEditorView& view, LessonEditorIntents& intents) {
    ImGui::BeginDisabled(!view.canUndo);
    if (ImGui::Button("Undo")) intents.undo = true;
    ImGui::EndDisabled();
    nextInRow("Redo");
    ImGui::BeginDisabled(!view.canRedo);
    if (ImGui::Button("Redo")) intents.redo = true;
    ImGui::EndDisabled();
    nextInRow("Save");
    // A built-in lesson's copy can be saved before any edit: the teacher keeps it as it is.
    ImGui::BeginDisabled(!view.unsaved && view.onDisk);
    if (ImGui::Button("Save")) intents.save = true;
    if (view.builtInCopy) itemTooltip("Saves your copy of this built-in lesson; from then on the lesson list opens your copy in its place");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", !view.onDisk ? "not saved yet" : view.unsaved ? "unsaved" : "saved");
    ImGui::TextDisabled("Saves to %s", view.file.c_str());
}

}  // namespace

void lessonEditorPanel(const LessonEditorView& view, const UiFonts* fonts, LessonEditorIntents& intents) {
    ImGui::PushTextWrapPos(0.0f);
    saveRow(view, intents);
    ImGui::Separator();
    stepButtons(view, intents);
    ImGui::Separator();
    ImGui::TextUnformatted("Lesson title");
    if (auto title = textField("##lesson-title", view.lessonTitle, 1.0f, intents.endTyping)) intents.lessonTitle = std::move(*title);
    ImGui::Text("Step %d title", view.stepIndex + 1);
    if (auto title = textField("##step-title", view.stepTitle, 1.0f, intents.endTyping)) intents.stepTitle = std::move(*title);
    ImGui::TextUnformatted("Text (**bold**, *italic*, lines starting with \"- \" are bullets)");
    if (auto text = textField("##step-text", view.text, 7.0f, intents.endTyping)) intents.text = std::move(*text);
    ImGui::TextUnformatted("Notes for the teacher");
    if (auto notes = textField("##step-notes", view.notes, 3.0f, intents.endTyping)) intents.notes = std::move(*notes);
    float duration = view.duration;
    ImGui::SetNextItemWidth(8.0f * ImGui::GetFontSize());
    if (ImGui::InputFloat("Duration (s, 0: by hand)", &duration, 1.0f, 5.0f, "%.1f") && duration != view.duration)
        intents.duration = std::clamp(duration, 0.0f, 3600.0f);
    ImGui::Separator();
    labelRows(view, intents);
    ImGui::Separator();
    ImGui::TextDisabled("Preview");
    // The space left, but at least a dozen lines: it was a 20 px strip at the panel's foot, none at
    // 175 % text (fresh tester, session 12); the panel scrolls to it.
    const float least = 12.0f * ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("preview", {0.0f, std::max(ImGui::GetContentRegionAvail().y, least)}, true);
    if (fonts && fonts->heading) ImGui::PushFont(fonts->heading);
    ImGui::TextUnformatted(view.stepTitle.c_str());
    if (fonts && fonts->heading) ImGui::PopFont();
    if (fonts) drawRichText(parseRichText(view.text), *fonts);
    ImGui::EndChild();
    ImGui::PopTextWrapPos();
}

void lessonEditorQuestion(const LessonEditorView& view, LessonEditorIntents& intents) {
    if (view.question == EditorQuestion::None) return;
    const char* id = "Lesson editor##question";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({std::min(36.0f * ImGui::GetFontSize(), viewport->WorkSize.x * 0.9f), 0.0f});
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) return;
    ImGui::PushTextWrapPos(0.0f);
    if (view.question == EditorQuestion::SaveDropsComments) {
        ImGui::TextUnformatted(("Saving writes " + view.file +
                                " anew. It has comments (lines with #); the editor does not keep them.")
                                   .c_str());
        if (ImGui::Button("Save without the comments")) intents.answer = EditorAnswer::Save;
    } else {
        ImGui::TextUnformatted(("'" + view.lessonTitle + "' has unsaved changes.").c_str());
        if (ImGui::Button("Save")) intents.answer = EditorAnswer::Save;
        ImGui::SameLine();
        if (ImGui::Button(view.question == EditorQuestion::QuitUnsaved ? "Quit without saving" : "Discard")) intents.answer = EditorAnswer::Discard;
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) intents.answer = EditorAnswer::Cancel;
    ImGui::PopTextWrapPos();
    if (intents.answer) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace psoas::ui
