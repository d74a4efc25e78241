// The lesson editor's wrapped text field (ui/wrapped_text_field, issue 14) on Dear ImGui's null
// backend: soft breaks in and out, and a paragraph typed key by key into a narrow field, as the
// window's frames give it; and the editor panel's preview under those fields.

#include "ui/lesson_editor.hpp"
#include "ui/wrapped_text_field.hpp"
#include "support/null_imgui.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <sstream>
#include <string>
#include <vector>

namespace psoas {
namespace {

class FieldFrames {
public:
    // One frame of a `width`-pixel window holding the field over `text`; the field's answer is
    // applied as the editor applies it (the next frame's `current`).
    void frame(float width = 260.0f) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({0.0f, 0.0f});
        ImGui::SetNextWindowSize({width, 400.0f});
        ImGui::Begin("editor");
        bool finished = false;
        if (auto changed = ui::wrappedTextField("##text", text, 7.0f, finished)) text = std::move(*changed);
        fieldId = ImGui::GetItemID();
        fieldMin = ImGui::GetItemRectMin();
        ImGui::End();
        ImGui::Render();
    }
    void click() {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = {fieldMin.x + 20.0f, fieldMin.y + 8.0f};
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    }
    void type(const std::string& characters) {
        for (char c : characters) {
            const char one[2] = {c, '\0'};
            ImGui::GetIO().AddInputCharactersUTF8(one);
            frame();
        }
    }
    void press(ImGuiKey key) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[ImGui::GetKeyIndex(key)] = true;
        frame();
        io.KeysDown[ImGui::GetKeyIndex(key)] = false;
        frame();
    }
    const ImGuiInputTextState& state() const { return ImGui::GetCurrentContext()->InputTextState; }
    // The cursor as an offset in the teacher's text (the paragraphs here are ASCII).
    std::size_t cursor() const { return ui::offsetWithoutSoftBreaks(shown(), static_cast<std::size_t>(state().Stb.cursor)); }
    // Left arrow until the cursor is at `offset` in the text; the presses it took.
    int leftTo(std::size_t offset) {
        int presses = 0;
        while (cursor() > offset && presses < 1000) {
            press(ImGuiKey_LeftArrow);
            ++presses;
        }
        return presses;
    }
    std::string shown() const { return std::string(state().TextA.Data, static_cast<std::size_t>(state().CurLenA)); }

    test::NullImGui imgui_{ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_Home, ImGuiKey_End, ImGuiKey_Backspace,
                           ImGuiKey_Delete, ImGuiKey_Enter, ImGuiKey_A, ImGuiKey_C};
    std::string text;
    ImGuiID fieldId = 0;
    ImVec2 fieldMin{};
};

const std::string kParagraph =
    "The psoas major arises from the bodies and transverse processes of T12 to L4 and runs over the pelvic brim "
    "to the lesser trochanter of the femur.";

std::vector<std::string> linesOf(const std::string& shown) {
    std::vector<std::string> lines;
    std::istringstream in(shown);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST(WrappedTextField, soft_breaks_keep_every_line_inside_the_width_and_come_out_again) {
    FieldFrames imgui;
    ImFont& font = *ImGui::GetIO().Fonts->Fonts[0];
    const std::string text = kParagraph + "\nA line of its own.\n\n" + std::string(60, 'x');
    const float width = 150.0f;
    const std::string shown = ui::withSoftBreaks(text, font, font.FontSize, width);
    const auto lines = linesOf(shown);
    ASSERT_GT(lines.size(), 8u);
    for (std::string line : lines) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();  // blanks end a line unseen
        EXPECT_LE(font.CalcTextSizeA(font.FontSize, FLT_MAX, 0.0f, line.c_str()).x, width) << line;
    }
    EXPECT_EQ(shown[shown.find("\r\n") - 1], ' ') << "a soft break follows the blank after a word";
    EXPECT_NE(shown.find("own.\n\nxxx"), std::string::npos) << "the teacher's own breaks stay as they are";
    EXPECT_EQ(ui::withoutSoftBreaks(shown), text);
    EXPECT_EQ(ui::withoutSoftBreaks("ab\rc"), "abc") << "half a soft break is no character";
}

TEST(WrappedTextField, offsets_skip_the_soft_breaks) {
    const std::string shown = "one two \r\nthree";
    EXPECT_EQ(ui::offsetWithoutSoftBreaks(shown, 8), 8u);   // before the break
    EXPECT_EQ(ui::offsetWithoutSoftBreaks(shown, 10), 8u);  // after it
    EXPECT_EQ(ui::offsetWithoutSoftBreaks(shown, 12), 10u);
    EXPECT_EQ(ui::offsetWithSoftBreaks(shown, 8), 10u) << "the cursor begins the next line";
    EXPECT_EQ(ui::offsetWithSoftBreaks(shown, 13), shown.size());
}

TEST(WrappedTextField, backspace_and_delete_across_a_soft_break_act_on_the_character_beyond_it) {
    const std::string before = "one two \r\nthree";
    std::size_t cursor = 9;  // Backspace at the start of "three" took the '\n'
    EXPECT_EQ(ui::textAfterEdit(before, "one two \rthree", cursor), "one twothree");
    EXPECT_EQ(cursor, 7u);
    cursor = 8;  // Delete at the end of "two " took the '\r'
    EXPECT_EQ(ui::textAfterEdit(before, "one two \nthree", cursor), "one two hree");
    EXPECT_EQ(cursor, 8u);
    cursor = 4;  // any other edit: the soft breaks go, the cursor keeps its character
    EXPECT_EQ(ui::textAfterEdit(before, "one Xtwo \r\nthree", cursor), "one Xtwo three");
    EXPECT_EQ(cursor, 4u);
}

TEST(WrappedTextField, a_paragraph_typed_into_a_narrow_field_wraps_instead_of_scrolling_sideways) {
    FieldFrames imgui;
    imgui.frame();
    imgui.click();
    ASSERT_EQ(ImGui::GetActiveID(), imgui.state().ID) << "the click began typing in the field";
    imgui.type(kParagraph);
    EXPECT_EQ(imgui.text, kParagraph) << "the text holds no soft break";
    EXPECT_GT(linesOf(imgui.shown()).size(), 4u);
    EXPECT_EQ(imgui.state().ScrollX, 0.0f) << "the cursor stayed inside the field";

    // Back to after "lesser " and a word typed there: it lands where the cursor is.
    const std::size_t target = kParagraph.find("trochanter");
    const int presses = imgui.leftTo(target);
    EXPECT_GE(presses, static_cast<int>(kParagraph.size() - target));
    EXPECT_LE(presses, static_cast<int>(kParagraph.size() - target) + 2) << "a soft break costs at most one press";
    imgui.type("small ");
    std::string expected = kParagraph;
    expected.insert(target, "small ");
    EXPECT_EQ(imgui.text, expected);

    imgui.press(ImGuiKey_Enter);
    imgui.type("New line.");
    EXPECT_NE(imgui.text.find("small \nNew line.trochanter"), std::string::npos) << imgui.text;
}

TEST(WrappedTextField, backspace_at_the_start_of_a_wrapped_line_deletes_the_blank_before_it) {
    FieldFrames imgui;
    imgui.frame();
    imgui.click();
    imgui.type(kParagraph);
    const std::string shown = imgui.shown();
    const std::size_t lineStart = shown.find("\r\n") + 2;
    const std::size_t textOffset = ui::offsetWithoutSoftBreaks(shown, lineStart);
    imgui.leftTo(textOffset);
    imgui.press(ImGuiKey_Backspace);
    std::string expected = kParagraph;
    expected.erase(textOffset - 1, 1);
    EXPECT_EQ(imgui.text, expected);
}

std::string copied;
void recordClipboard(void*, const char* text) { copied = text; }

TEST(WrappedTextField, what_is_copied_from_it_is_the_teachers_text_without_soft_breaks) {
    FieldFrames imgui;
    ImGui::GetIO().SetClipboardTextFn = recordClipboard;  // as a platform backend sets it
    ui::copyWithoutSoftBreaks();
    imgui.frame();
    imgui.click();
    imgui.type(kParagraph);
    ASSERT_NE(imgui.shown().find("\r\n"), std::string::npos);
    ImGui::GetIO().KeyCtrl = true;
    imgui.press(ImGuiKey_A);
    imgui.press(ImGuiKey_C);
    ImGui::GetIO().KeyCtrl = false;
    EXPECT_EQ(copied, kParagraph);
}

// Fresh tester, session 12: the editor's preview was a 20 px strip at the panel's foot (none at
// 175 % text). It is a dozen lines tall at least, the panel scrolling to it.
TEST(LessonEditorPanel, the_preview_is_a_dozen_lines_tall_however_little_room_is_left) {
    FieldFrames imgui;
    ui::LessonEditorView view;
    view.editing = true;
    view.stepCount = 1;
    view.stepTitle = "Step";
    view.text = kParagraph;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos({0.0f, 0.0f});
    ImGui::SetNextWindowSize({300.0f, 400.0f});
    ImGui::Begin("editor");
    ui::LessonEditorIntents intents;
    ui::lessonEditorPanel(view, nullptr, intents);
    ImGui::End();
    ImGui::Render();
    const ImGuiWindow* preview = nullptr;
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
        if (std::string_view(window->Name).find("preview") != std::string_view::npos) preview = window;
    ASSERT_NE(preview, nullptr);
    EXPECT_GE(preview->Size.y, 12.0f * ImGui::GetTextLineHeightWithSpacing());
}

// Tester E, session 14: a built-in lesson opened in the editor said "saved" though nothing was in
// the teacher's folder, and Save stayed off until an edit. Its copy can be saved as it is.
bool clickSave(const ui::LessonEditorView& view) {
    FieldFrames imgui;  // a fresh context
    ImVec2 save{0.0f, 0.0f};
    bool saved = false;
    for (int frame = 0; frame < 3; ++frame) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = save;
        io.MouseDown[0] = frame == 1;
        ImGui::NewFrame();
        // Save is the third button of the first row, after Undo and Redo.
        const ImGuiStyle& style = ImGui::GetStyle();
        auto buttonWidth = [&](const char* label) { return ImGui::CalcTextSize(label).x + 2.0f * style.FramePadding.x; };
        save = {style.WindowPadding.x + buttonWidth("Undo") + buttonWidth("Redo") + 2.0f * style.ItemSpacing.x + 4.0f,
                style.WindowPadding.y + 4.0f};
        ImGui::SetNextWindowPos({0.0f, 0.0f});
        ImGui::SetNextWindowSize({600.0f, 400.0f});
        ImGui::Begin("editor", nullptr, ImGuiWindowFlags_NoTitleBar);
        ui::LessonEditorIntents intents;
        ui::lessonEditorPanel(view, nullptr, intents);
        saved = saved || intents.save;
        ImGui::End();
        ImGui::Render();
    }
    return saved;
}

TEST(LessonEditorPanel, a_built_in_lessons_copy_can_be_saved_before_any_edit_and_a_saved_file_cannot) {
    ui::LessonEditorView view;
    view.editing = true;
    view.stepCount = 1;
    view.onDisk = false;
    view.builtInCopy = true;
    EXPECT_TRUE(clickSave(view));
    view.onDisk = true;
    view.builtInCopy = false;
    EXPECT_FALSE(clickSave(view));  // nothing to write
    view.unsaved = true;
    EXPECT_TRUE(clickSave(view));  // the click lands on the button: the test can tell
}

}  // namespace
}  // namespace psoas
