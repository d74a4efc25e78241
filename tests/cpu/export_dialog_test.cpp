// The lesson export's choice of slide size and background (ui/export_dialog, issue 14) on Dear
// ImGui's null backend: keys and clicks in, intents out, as the window's frame gets them.

#include "ui/export_dialog.hpp"
#include "support/null_imgui.hpp"
#include "support/slide_format_print.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string_view>

namespace psoas {
namespace {

class DialogFrames {
public:
    ui::ExportDialogIntents frame(const ui::ExportDialogView& view) {
        ImGui::NewFrame();
        ui::ExportDialogIntents intents;
        ui::exportDialog(view, intents);
        ImGui::Render();
        return intents;
    }
    // A frame with `key` pressed and one with it released, as a script's key: the first frame's
    // intents, applied as the app applies them (a chosen format is the next frame's view).
    ui::ExportDialogIntents press(ImGuiKey key, ui::ExportDialogView& view) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[ImGui::GetKeyIndex(key)] = true;
        const ui::ExportDialogIntents intents = frame(view);
        io.KeysDown[ImGui::GetKeyIndex(key)] = false;
        if (intents.choose) view.choice = *intents.choose;
        if (!intents.confirm && !intents.cancel) frame(view);
        return intents;
    }
    // A left click at `point`, in two frames (pressed, released).
    ui::ExportDialogIntents click(ImVec2 point, ui::ExportDialogView& view) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = point;
        frame(view);
        io.MouseDown[0] = true;
        frame(view);
        io.MouseDown[0] = false;
        ui::ExportDialogIntents intents = frame(view);
        if (intents.choose) view.choice = *intents.choose;
        return intents;
    }

private:
    test::NullImGui imgui_{ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_Enter,
                           ImGuiKey_KeyPadEnter, ImGuiKey_Escape};
};

ImGuiWindow* dialogWindow() { return ImGui::FindWindowByName("Export slides and handout"); }

ui::ExportDialogView meetThePsoas(SlideFormat choice) { return {choice, "Meet the psoas", 7}; }

TEST(ExportDialog, arrows_choose_the_size_and_background_enter_exports_in_that_format) {
    DialogFrames imgui;
    ui::ExportDialogView view = meetThePsoas(SlideFormat{});
    for (int frame = 0; frame < 2; ++frame) EXPECT_FALSE(imgui.frame(view).confirm);
    ASSERT_NE(dialogWindow(), nullptr);
    EXPECT_TRUE(dialogWindow()->Active) << "the dialog is open";

    EXPECT_EQ(imgui.press(ImGuiKey_DownArrow, view).choose, (SlideFormat{{2560, 1440}, Background::Dark}));
    EXPECT_EQ(imgui.press(ImGuiKey_DownArrow, view).choose, (SlideFormat{{3840, 2160}, Background::Dark}));
    EXPECT_FALSE(imgui.press(ImGuiKey_DownArrow, view).choose) << "the largest stays the largest";
    EXPECT_EQ(imgui.press(ImGuiKey_RightArrow, view).choose, (SlideFormat{{3840, 2160}, Background::White}));
    EXPECT_FALSE(imgui.press(ImGuiKey_RightArrow, view).choose) << "white is the last background offered";
    for (int i = 0; i < 3; ++i) imgui.press(ImGuiKey_UpArrow, view);
    EXPECT_EQ(view.choice, (SlideFormat{{1280, 720}, Background::White}));

    const ui::ExportDialogIntents enter = imgui.press(ImGuiKey_Enter, view);
    EXPECT_EQ(enter.confirm, (SlideFormat{{1280, 720}, Background::White}));
    EXPECT_FALSE(enter.cancel);
    EXPECT_TRUE(ImGui::GetCurrentContext()->OpenPopupStack.empty()) << "Enter closes the dialog";
}

TEST(ExportDialog, escape_cancels_without_exporting) {
    DialogFrames imgui;
    ui::ExportDialogView view = meetThePsoas({{2560, 1440}, Background::White});
    imgui.frame(view);
    imgui.press(ImGuiKey_LeftArrow, view);
    const ui::ExportDialogIntents escape = imgui.press(ImGuiKey_Escape, view);
    EXPECT_TRUE(escape.cancel);
    EXPECT_FALSE(escape.confirm);
    EXPECT_TRUE(ImGui::GetCurrentContext()->OpenPopupStack.empty()) << "Esc closes the dialog";
}

// The mouse: a size's and a background's radio buttons, then the Export button. Where they are is
// read from the dialog's own layout (each radio is a line under its heading; Export is under them).
TEST(ExportDialog, clicking_a_size_a_background_and_export_exports_in_that_format) {
    DialogFrames imgui;
    ui::ExportDialogView view = meetThePsoas(SlideFormat{});
    for (int frame = 0; frame < 3; ++frame) imgui.frame(view);
    ImGuiWindow* window = dialogWindow();
    ASSERT_NE(window, nullptr);
    // The widgets' ids are their labels, in the dialog's id stack: their rects are found by id.
    const auto centreOf = [&](const char* label) {
        const ImGuiID id = window->GetID(label);
        // Hover each line of the window until the item under the pointer is `label`'s.
        for (float y = window->Pos.y; y < window->Pos.y + window->Size.y; y += 2.0f) {
            ImGui::GetIO().MousePos = {window->Pos.x + window->WindowPadding.x + 6.0f, y};
            imgui.frame(view);
            if (ImGui::GetCurrentContext()->HoveredId == id) return ImVec2{window->Pos.x + window->WindowPadding.x + 6.0f, y};
        }
        ADD_FAILURE() << label << " is not in the dialog";
        return ImVec2{0.0f, 0.0f};
    };
    EXPECT_EQ(imgui.click(centreOf("3840x2160"), view).choose, (SlideFormat{{3840, 2160}, Background::Dark}));
    EXPECT_EQ(imgui.click(centreOf("White"), view).choose, (SlideFormat{{3840, 2160}, Background::White}));
    EXPECT_EQ(imgui.click(centreOf("Export"), view).confirm, (SlideFormat{{3840, 2160}, Background::White}));
}

// Each size says its pixels and what it suits; each background what it is for.
TEST(ExportDialog, every_size_says_its_pixels_and_what_it_suits) {
    ASSERT_EQ(kSlideSizes.size(), 4u);
    EXPECT_EQ(kSlideSizes[slideSizeIndex(SlideFormat{}.size).value()].size, glm::ivec2(1920, 1080)) << "the default is offered";
    for (const SlideSize& size : kSlideSizes) EXPECT_FALSE(size.use.empty()) << sizeText(size.size);
    EXPECT_NE(kSlideSizes.back().use.find("print"), std::string_view::npos);
    EXPECT_NE(kSlideSizes[1].use.find("projector"), std::string_view::npos);
    EXPECT_TRUE(slideBackgroundOffered(Background::White));
    EXPECT_FALSE(slideBackgroundOffered(Background::Transparent));
    EXPECT_EQ(slideFormatText({{1280, 720}, Background::White}), "1280x720, white background");
}

}  // namespace
}  // namespace psoas
