// The viewer's panels on Dear ImGui's null backend: no renderer, no window. ImGui lays the panels
// out and returns intents exactly as in the program; the test reads the windows it made.

#include "core/atlas.hpp"
#include "core/rich_text.hpp"
#include "core/viewer_layout.hpp"
#include "ui/viewer_panels.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>

namespace psoas {
namespace {

const Scene& builtInScene() {
    static const Scene scene = loadScene(loadAtlas(std::filesystem::path(PSOAS_SOURCE_DIR) / "models" / "atlas.toml"));
    return scene;
}

// An ImGui context with its font atlas built and nothing to draw with.
class NullBackend {
public:
    NullBackend() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        ImFont* font = io.Fonts->AddFontDefault();
        fonts_.body = fonts_.heading = fonts_.bold = fonts_.italic = fonts_.boldItalic = font;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~NullBackend() { ImGui::DestroyContext(); }
    NullBackend(const NullBackend&) = delete;
    NullBackend& operator=(const NullBackend&) = delete;

    ui::ViewerUiIntents frame(glm::vec2 display, const ui::ViewerUiState& state) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {display.x, display.y};
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ui::ViewerUiIntents intents = ui::drawViewerUi(state);
        ImGui::Render();
        return intents;
    }
    [[nodiscard]] const ui::UiFonts* fonts() const { return &fonts_; }

private:
    ui::UiFonts fonts_;
};

ImGuiWindow* windowNamed(std::string_view part) {
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
        if (std::string_view(window->Name).find(part) != std::string_view::npos) return window;
    return nullptr;
}

// Regression (issue 12, defect 7): the panel was 330 units wide at every size while the 3D view
// began at half the display, so in a 500 x 400 window the panel covered 80 px of the model.
TEST(ViewerPanels, the_side_panel_never_covers_the_3d_view) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    for (const glm::vec2 display : {glm::vec2(500, 400), glm::vec2(320, 240), glm::vec2(800, 600), glm::vec2(1920, 1080)})
        for (const float scale : {1.0f, 1.5f, 2.0f}) {
            const ViewerLayout layout = layoutFor(display, scale, LayoutMode::Panels);
            ui::ViewerUiState state;
            state.scene = &builtInScene();
            state.visibility = &visibility;
            state.uiScale = scale;
            state.fonts = imgui.fonts();
            state.panel = layout.panel;
            state.sceneView = layout.scene;
            for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
            const ImGuiWindow* panel = ImGui::FindWindowByName("Psoas Atlas");
            ASSERT_NE(panel, nullptr);
            EXPECT_LE(panel->Pos.x + panel->Size.x, layout.scene.origin.x + 0.5f) << display.x << "x" << display.y << " at " << scale;
            EXPECT_GE(layout.scene.size.x, display.x * 0.5f - 0.5f);
        }
}

// Regression (issue 12, defect 6): the step text kept its scroll position when the step changed,
// so a new step could open halfway down its text.
TEST(ViewerPanels, the_step_text_starts_at_its_top_on_a_new_step) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    std::string longText;
    for (int i = 0; i < 60; ++i) longText += "A paragraph of the step's text, long enough to wrap and to scroll.\n\n";
    const std::vector<TextBlock> text = parseRichText(longText);
    const glm::vec2 display{800.0f, 600.0f};
    const ViewerLayout layout = layoutFor(display, 1.0f, LayoutMode::Panels);
    ui::ViewerUiState state;
    state.scene = &builtInScene();
    state.visibility = &visibility;
    state.fonts = imgui.fonts();
    state.panel = layout.panel;
    state.sceneView = layout.scene;
    ui::LessonView lesson;
    lesson.title = "Lesson";
    lesson.stepCount = 3;
    lesson.stepTitles = {"One", "Two", "Three"};
    lesson.stepTitle = "One";
    lesson.text = &text;
    state.lesson = lesson;
    const std::vector<ui::LessonListItem> lessons{{"Lesson", "built-in", {}}};
    state.lessons = &lessons;
    state.openLesson = 0;
    for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
    ImGuiWindow* step = windowNamed("/step_");
    ASSERT_NE(step, nullptr);
    ASSERT_GT(step->ScrollMax.y, 100.0f) << "the text must be long enough to scroll";

    step->Scroll.y = 100.0f;  // the teacher scrolled down
    imgui.frame(display, state);
    EXPECT_EQ(step->Scroll.y, 100.0f) << "the same step keeps its place";

    state.lesson->stepIndex = 1;
    state.lesson->stepTitle = "Two";
    for (int frame = 0; frame < 2; ++frame) imgui.frame(display, state);
    EXPECT_EQ(step->Scroll.y, 0.0f);
}

// A tester's 640x360 slide cut the step's text mid-sentence with nothing to show it: the caption bar
// stops at half the picture. A cut is now marked (faded, "…") and reported, and only then.
TEST(ViewerPanels, a_caption_cut_at_the_bars_edge_says_so) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<TextBlock> shortText = parseRichText("One line of text.");
    std::string longText;
    for (int i = 0; i < 12; ++i) longText += "A paragraph of the step's text, long enough to wrap on a small slide.\n\n";
    const std::vector<TextBlock> longBlocks = parseRichText(longText);
    auto cut = [&](glm::vec2 display, const std::vector<TextBlock>& text) {
        ui::ViewerUiState state;
        state.scene = &builtInScene();
        state.visibility = &visibility;
        state.fonts = imgui.fonts();
        state.slideLayout = true;
        state.sceneView = layoutFor(display, 1.0f, LayoutMode::Slide, true).scene;
        ui::LessonView lesson;
        lesson.stepCount = 1;
        lesson.stepTitle = "A step";
        lesson.text = &text;
        state.lesson = lesson;
        bool wasCut = false;
        for (int frame = 0; frame < 3; ++frame) wasCut = imgui.frame(display, state).captionCut;
        return wasCut;
    };
    EXPECT_TRUE(cut({640.0f, 360.0f}, longBlocks));
    EXPECT_FALSE(cut({1920.0f, 1080.0f}, shortText));
    EXPECT_FALSE(cut({640.0f, 360.0f}, shortText));
}

}  // namespace
}  // namespace psoas
