// The viewer's panels on Dear ImGui's null backend: no renderer, no window. ImGui lays the panels
// out and returns intents exactly as in the program; the test reads the windows it made.

#include "app/input_map.hpp"
#include "core/atlas.hpp"
#include "core/number_text.hpp"
#include "core/rich_text.hpp"
#include "core/scene_motion.hpp"
#include "core/structure_search.hpp"
#include "core/viewer_layout.hpp"
#include "ui/button_row.hpp"
#include "ui/item_tooltip.hpp"
#include "ui/rich_text_view.hpp"
#include "ui/fonts.hpp"
#include "ui/joint_controls.hpp"
#include "ui/length_legend.hpp"
#include "ui/viewer_panels.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <sstream>
#include <string>

namespace psoas {
namespace {

const Scene& builtInScene() {
    static const Scene scene = loadScene(loadAtlas(psoas::test::sourceDirectory() / "models" / "atlas.toml"));
    return scene;
}

// One frame of the viewer's UI in the current ImGui context.
ui::ViewerUiIntents drawFrame(glm::vec2 display, const ui::ViewerUiState& state) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {display.x, display.y};
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ui::ViewerUiIntents intents = ui::drawViewerUi(state);
    ImGui::Render();
    return intents;
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

    ui::ViewerUiIntents frame(glm::vec2 display, const ui::ViewerUiState& state) { return drawFrame(display, state); }
    [[nodiscard]] const ui::UiFonts* fonts() const { return &fonts_; }

private:
    ui::UiFonts fonts_;
};

ImGuiWindow* windowNamed(std::string_view part) {
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
        if (std::string_view(window->Name).find(part) != std::string_view::npos) return window;
    return nullptr;
}

// The panels' state for a display, with the built-in scene and nothing chosen.
ui::ViewerUiState panelState(const NullBackend& imgui, const Visibility& visibility, glm::vec2 display, float scale) {
    const ViewerLayout layout = layoutFor(display, scale, LayoutMode::Panels);
    ui::ViewerUiState state;
    state.scene = &builtInScene();
    state.visibility = &visibility;
    state.uiScale = scale;
    state.fonts = imgui.fonts();
    state.panel = layout.panel;
    state.sceneView = layout.scene;
    return state;
}

// Regression (issue 12, defect 7): the panel was 330 units wide at every size while the 3D view
// began at half the display, so in a 500 x 400 window the panel covered 80 px of the model.
TEST(ViewerPanels, the_side_panel_never_covers_the_3d_view) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    for (const glm::vec2 display : {glm::vec2(500, 400), glm::vec2(320, 240), glm::vec2(800, 600), glm::vec2(1920, 1080)})
        for (const float scale : {1.0f, 1.5f, 2.0f}) {
            const ViewerLayout layout = layoutFor(display, scale, LayoutMode::Panels);
            ui::ViewerUiState state = panelState(imgui, visibility, display, scale);
            for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
            const ImGuiWindow* panel = ImGui::FindWindowByName("Psoas Atlas");
            ASSERT_NE(panel, nullptr);
            EXPECT_LE(panel->Pos.x + panel->Size.x, layout.scene.origin.x + 0.5f) << display.x << "x" << display.y << " at " << scale;
            EXPECT_GE(layout.scene.size.x, display.x * 0.5f - 0.5f);
        }
}

// The first of `steps` steps of the only lesson in `lessons` open in the Lesson tab, showing `text`.
void openLesson(ui::ViewerUiState& state, const std::vector<ui::LessonListItem>& lessons, const std::vector<TextBlock>& text, int steps) {
    ui::LessonView lesson;
    lesson.title = lessons.front().title;
    lesson.stepCount = steps;
    for (int i = 0; i < steps; ++i) lesson.stepTitles.push_back("Step " + std::to_string(i + 1));
    lesson.stepTitle = lesson.stepTitles.front();
    lesson.text = &text;
    state.lesson = lesson;
    state.lessons = &lessons;
    state.openLesson = 0;
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
    ui::ViewerUiState state = panelState(imgui, visibility, display, 1.0f);
    const std::vector<ui::LessonListItem> lessons{{"Lesson", "built-in", {}}};
    openLesson(state, lessons, text, 3);
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

// Tester, session 16: at 150 % text in a 960 x 540 window the rows above the step's text (the
// lesson's summary, the wrapped step buttons) left it 4 px, and the step, its notes and Export
// could not be reached. It keeps a few lines; the panel scrolls down to the key hint under it.
TEST(ViewerPanels, the_step_text_keeps_a_few_lines_however_large_the_text) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<TextBlock> text = parseRichText("The step's words.");
    const glm::vec2 display{960.0f, 540.0f};
    for (const float scale : {1.0f, 1.5f, 2.5f}) {
        ImGui::GetIO().FontGlobalScale = scale * 16.0f / 13.0f;  // the app's 16 px font at this size
        ui::ViewerUiState state = panelState(imgui, visibility, display, scale);
        const std::vector<ui::LessonListItem> lessons{{"Meet the psoas", "built-in", {}}};
        openLesson(state, lessons, text, 7);
        state.lesson->summary = "Where the psoas lies, deep beside the lumbar spine, and how it teams up with the iliacus on each side.";
        state.lesson->stepTitle = "A muscle hidden in the middle";
        for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
        const ImGuiWindow* step = windowNamed("/step_");
        ASSERT_NE(step, nullptr) << scale;
        EXPECT_GE(step->Size.y, 5.0f * 16.0f * scale) << "at " << scale;
        const ImGuiWindow* panel = ImGui::FindWindowByName("Psoas Atlas");
        ASSERT_NE(panel, nullptr);
        // Whatever does not fit is reached by scrolling the panel: its content ends inside it then.
        EXPECT_LE(panel->ContentSize.y + panel->WindowPadding.y * 2.0f, panel->Size.y + panel->ScrollMax.y + 1.0f) << "at " << scale;
    }
    ImGui::GetIO().FontGlobalScale = 1.0f;
}

// A slide (caption, no panels) showing the first of `steps` steps with `text`.
ui::ViewerUiState slideState(const NullBackend& imgui, const Visibility& visibility, glm::vec2 display,
                             const std::vector<TextBlock>& text, int steps) {
    ui::ViewerUiState state;
    state.scene = &builtInScene();
    state.visibility = &visibility;
    state.fonts = imgui.fonts();
    state.slideLayout = true;
    state.sceneView = layoutFor(display, 1.0f, LayoutMode::Slide, CaptionPlace::Below).scene;
    ui::LessonView lesson;
    lesson.title = "Lesson";
    lesson.stepCount = steps;
    lesson.stepTitle = "A step";
    lesson.text = &text;
    state.lesson = lesson;
    return state;
}

// Fresh tester, session 12: in presenter mode the quiz's question and a wrong click's hint ran off
// the caption's edge ("…lesser trochanter of the ri", "Hint: Belo"); the side panel wrapped them.
// They wrap in the caption too, beside the model and below it.
TEST(ViewerPanels, a_quiz_question_and_its_hint_wrap_inside_the_caption) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<TextBlock> text = parseRichText("The psoas and iliacus end on one small bump of the femur.");
    const glm::vec2 display{1280.0f, 720.0f};
    for (const CaptionPlace place : {CaptionPlace::Beside, CaptionPlace::Below}) {
        ui::ViewerUiState state = slideState(imgui, visibility, display, text, 3);
        state.lesson->quizPrompt = "Click the lesser trochanter of the right femur, below the neck on the inner side.";
        state.lesson->answerable = true;
        state.lesson->quizFeedback = "Not yet: that was Right femur. Hint: below the neck of the femur, on the inner and back "
                                     "side of the shaft, not the big bump on the outside.";
        state.lesson->quizScore = "Score: 0 of 6 answered, 0 right on the first try";
        const ViewerLayout layout = layoutFor(display, 1.0f, LayoutMode::Slide, place);
        state.sceneView = layout.scene;
        state.captionView = layout.caption;
        for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
        const ImGuiWindow* bar = windowNamed("##caption");
        ASSERT_NE(bar, nullptr);
        const float space = 0.5f * ImGui::GetFontSize();
        EXPECT_LE(bar->ContentSize.x, bar->Size.x - 2.0f * bar->WindowPadding.x + space)
            << (place == CaptionPlace::Beside ? "beside" : "below") << ": the quiz runs off the side";
    }
}

// A tester's 640x360 slide cut the step's text mid-sentence with nothing to show it: the caption bar
// stops at half the picture. A cut is now marked (faded, "…") and reported, and only then.
TEST(ViewerPanels, a_caption_cut_at_the_bars_edge_says_so) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<TextBlock> shortText = parseRichText("One line of text.");
    std::string longText;
    for (int i = 0; i < 40; ++i) longText += "A paragraph of the step's text, long enough to wrap on a small slide.\n\n";
    const std::vector<TextBlock> longBlocks = parseRichText(longText);
    auto cut = [&](glm::vec2 display, const std::vector<TextBlock>& text) {
        ui::ViewerUiState state = slideState(imgui, visibility, display, text, 1);
        bool wasCut = false;
        for (int frame = 0; frame < 3; ++frame) wasCut = imgui.frame(display, state).captionCut;
        return wasCut;
    };
    EXPECT_TRUE(cut({640.0f, 360.0f}, longBlocks));
    EXPECT_FALSE(cut({1920.0f, 1080.0f}, shortText));
    EXPECT_FALSE(cut({640.0f, 360.0f}, shortText));
}

// A 640x360 slide whose step text (eight paragraphs) is longer than its caption bar, laid out; `press`
// sends a key as the GLFW backend maps them (the null backend maps none).
class LongCaption {
public:
    LongCaption()
        : visibility_(builtInScene().structures.size()),
          text_(parseRichText([] {
              std::string longText;
              for (int i = 0; i < 8; ++i) longText += "A paragraph of the step's text, long enough to wrap on a small slide.\n\n";
              return longText;
          }())),
          state(slideState(imgui_, visibility_, kDisplay, text_, 2)) {
        for (int frame = 0; frame < 3; ++frame) imgui_.frame(kDisplay, state);
        caption = windowNamed("##caption");
    }
    ui::ViewerUiIntents frames(int count) {
        ui::ViewerUiIntents intents;
        for (int frame = 0; frame < count; ++frame) intents = imgui_.frame(kDisplay, state);
        return intents;
    }
    ui::ViewerUiIntents press(ImGuiKey key) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[key] = 256 + key;
        io.KeysDown[ImGui::GetKeyIndex(key)] = true;
        imgui_.frame(kDisplay, state);
        io.KeysDown[ImGui::GetKeyIndex(key)] = false;
        return imgui_.frame(kDisplay, state);
    }

private:
    static constexpr glm::vec2 kDisplay{640.0f, 360.0f};
    NullBackend imgui_;
    Visibility visibility_;
    std::vector<TextBlock> text_;

public:
    ui::ViewerUiState state;
    ImGuiWindow* caption = nullptr;
};

// Issue 14: at 250 % text the caption was cut off and could not scroll. Down scrolls it until the
// end shows (then nothing is marked cut), Up goes back, and the next step starts at its top.
TEST(ViewerPanels, a_long_caption_scrolls_with_the_arrow_keys_and_a_new_step_starts_at_its_top) {
    LongCaption slide;
    ImGuiWindow* caption = slide.caption;
    ASSERT_NE(caption, nullptr);
    ASSERT_GT(caption->ScrollMax.y, 0.0f) << "the text must be longer than the bar";
    bool cut = true;
    for (int i = 0; i < 40 && cut; ++i) cut = slide.press(ImGuiKey_DownArrow).captionCut;
    EXPECT_FALSE(cut) << "scrolled to the end, nothing is cut";
    EXPECT_FLOAT_EQ(caption->Scroll.y, caption->ScrollMax.y);
    const float end = caption->Scroll.y;
    slide.press(ImGuiKey_UpArrow);
    EXPECT_LT(caption->Scroll.y, end);

    slide.state.lesson->stepIndex = 1;
    slide.frames(2);
    EXPECT_EQ(caption->Scroll.y, 0.0f);
}

// Fresh tester, issue 14: in presenter mode, after scrolling a long caption, a text-size change
// (Ctrl+= / Ctrl+-) or Home on the same step kept the offset: the title out of sight, the top line
// cut in half. Both show the caption from its top, as a step change does; nothing else moves it.
TEST(ViewerPanels, a_scrolled_caption_starts_at_its_top_after_a_text_size_change_or_home) {
    LongCaption slide;
    ImGuiWindow* caption = slide.caption;
    ASSERT_NE(caption, nullptr);
    auto scrollDown = [&] {
        slide.press(ImGuiKey_DownArrow);
        slide.press(ImGuiKey_DownArrow);
        slide.frames(1);
    };
    scrollDown();
    ASSERT_GT(caption->Scroll.y, 0.0f) << "Down scrolls the caption";
    const float scrolled = caption->Scroll.y;
    slide.frames(1);
    EXPECT_EQ(caption->Scroll.y, scrolled) << "the same step at the same size keeps its place";

    slide.state.uiScale = 1.25f;  // Ctrl+=
    slide.frames(2);
    EXPECT_EQ(caption->Scroll.y, 0.0f) << "a text-size change shows the caption from its top";

    scrollDown();
    ASSERT_GT(caption->Scroll.y, 0.0f);
    ++slide.state.lesson->revision;  // Home on the first step: the same step, shown afresh
    slide.frames(2);
    EXPECT_EQ(caption->Scroll.y, 0.0f) << "Home shows the caption from its top";
}

// Fresh tester, issue 14: the text-size message wrapped "250 %" with the "%" alone on a line. At
// whatever width the message wraps (at least the number and sign's: a narrower line breaks words
// anywhere), no line starts with the sign.
TEST(ViewerPanels, the_text_size_message_never_leaves_its_percent_sign_alone_on_a_line) {
    NullBackend imgui;
    const std::string message = "Text and lines at " + percentText(2.5);
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const char* end = message.data() + message.size();
    const float least = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, "250 %").x + 1.0f;
    for (float width = least; width < 400.0f; width += 1.0f) {
        const char* at = message.data();
        while (at < end) {
            const char* cut = font->CalcWordWrapPositionA(1.0f, at, end, width);
            if (cut == at) ++cut;  // a word wider than the line: ImGui draws at least one character
            while (cut < end && *cut == ' ') ++cut;
            EXPECT_NE(std::string_view(cut, static_cast<std::size_t>(end - cut)).substr(0, 1), "%") << "at width " << width;
            at = cut;
        }
    }
}

// Tester, session 6: the colour-by-length legend grew with the text size, to 1130 x 470 px at 250 %
// on a 1920 x 1080 projector, and covered the lying leg-lift skeleton. It now keeps to a capped box
// in the 3D view's bottom-left corner, with all its content inside the box.
TEST(ViewerPanels, the_colour_legend_keeps_to_a_small_corner_at_every_text_size) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<TextBlock> text = parseRichText("A step.");
    for (const glm::vec2 display : {glm::vec2(1280, 720), glm::vec2(1920, 1080), glm::vec2(960, 540)})
        for (const float scale : {1.0f, 1.75f, 2.5f}) {
            ImGui::GetIO().FontGlobalScale = scale;
            ui::ViewerUiState state = slideState(imgui, visibility, display, text, 1);
            state.uiScale = scale;
            state.lengthLegend = true;
            for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
            const ImGuiWindow* legend = windowNamed("##length-legend");
            ASSERT_NE(legend, nullptr);
            const ViewRect& view = state.sceneView;
            const std::string where = std::to_string(int(display.x)) + "x" + std::to_string(int(display.y)) + " at " + std::to_string(scale);
            EXPECT_LE(legend->Size.x, view.size.x * ui::kLegendMaxWidthShare + 0.5f) << where;
            EXPECT_LE(legend->Size.y, view.size.y * ui::kLegendMaxHeightShare + 0.5f) << where;
            EXPECT_GE(legend->Pos.x, view.origin.x) << where;
            EXPECT_LE(legend->Pos.y + legend->Size.y, view.origin.y + view.size.y) << where;
            EXPECT_LT(legend->Pos.x + legend->Size.x, view.origin.x + view.size.x * 0.5f) << where << ": in the left half";
            const ImVec2 padding = ImGui::GetStyle().WindowPadding;
            EXPECT_LE(legend->ContentSize.x, legend->Size.x - 2.0f * padding.x * legend->FontWindowScale + 1.0f) << where << ": nothing cut";
            EXPECT_LE(legend->ContentSize.y, legend->Size.y - 2.0f * padding.y * legend->FontWindowScale + 1.0f) << where << ": nothing cut";
        }
    ImGui::GetIO().FontGlobalScale = 1.0f;
}

// Tester, session 6: presenter mode's key reminder was printed over the model at 100 % (through the
// lifted femur) and ran off the right edge at 250 % ("P: pau"). It now has its own strip above the
// 3D view, inside the screen, its parts wrapped whole.
TEST(ViewerPanels, the_presenter_key_hint_fits_the_screen_and_stays_off_the_3d_view) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<TextBlock> text = parseRichText("A step.");
    const std::vector<std::string> hint = {"PageDown / PageUp: steps", "B: blank", "A: autoplay (on)", "R: rotate", "P: pause (paused)",
                                           "C: caption", "Esc: leave"};
    for (const glm::vec2 display : {glm::vec2(1280, 720), glm::vec2(1920, 1080), glm::vec2(960, 540)})
        for (const float scale : {1.0f, 1.75f, 2.5f}) {
            ImGui::GetIO().FontGlobalScale = scale;
            ui::ViewerUiState state = slideState(imgui, visibility, display, text, 1);
            state.uiScale = scale;
            state.presenterHint = hint;
            ui::ViewerUiIntents intents;
            for (int frame = 0; frame < 3; ++frame) {
                intents = imgui.frame(display, state);
                state.captionHeight = intents.captionHeight;
                state.sceneView = layoutFor(display, scale, LayoutMode::Slide, CaptionPlace::Below, intents.captionHeight, intents.hintHeight).scene;
            }
            const ImGuiWindow* bar = windowNamed("##presenter-hint");
            ASSERT_NE(bar, nullptr);
            const std::string where = std::to_string(int(display.x)) + "x" + std::to_string(int(display.y)) + " at " + std::to_string(scale);
            EXPECT_GE(bar->Pos.x, 0.0f) << where;
            EXPECT_GE(bar->Pos.y, 0.0f) << where;
            EXPECT_LE(bar->Pos.x + bar->Size.x, display.x) << where;
            EXPECT_LE(bar->Pos.y + bar->Size.y, display.y) << where;
            EXPECT_LE(bar->ContentSize.x, bar->Size.x - 2.0f * bar->WindowPadding.x + 0.5f) << where << ": nothing runs off";
            EXPECT_LE(bar->ContentSize.y, bar->Size.y - 2.0f * bar->WindowPadding.y + 0.5f) << where << ": nothing cut";
            EXPECT_FLOAT_EQ(intents.hintHeight, bar->Size.y) << where;
            EXPECT_GE(state.sceneView.origin.y, bar->Pos.y + bar->Size.y - 0.5f) << where << ": the 3D view starts under it";
        }
    ImGui::GetIO().FontGlobalScale = 1.0f;
}

TEST(ViewerLayout, the_presenter_hint_strip_sits_above_the_3d_view_and_never_takes_much_of_it) {
    const ViewerLayout layout = layoutFor({1280.0f, 720.0f}, 1.0f, LayoutMode::Slide, CaptionPlace::Below, 200.0f, 40.0f);
    EXPECT_FLOAT_EQ(layout.hint.size.y, 40.0f);
    EXPECT_FLOAT_EQ(layout.scene.origin.y, 40.0f);
    EXPECT_FLOAT_EQ(layout.scene.origin.y + layout.scene.size.y, layout.caption.origin.y);
    const ViewerLayout huge = layoutFor({1280.0f, 720.0f}, 1.0f, LayoutMode::Slide, CaptionPlace::Below, 200.0f, 400.0f);
    EXPECT_LE(huge.hint.size.y, (720.0f - 200.0f) / 3.0f);
    EXPECT_FLOAT_EQ(layoutFor({1280.0f, 720.0f}, 1.0f, LayoutMode::Slide, CaptionPlace::Below, 200.0f).scene.origin.y, 0.0f);
}

// Issue 14: presenter text is sized for the back row from the display's height (capitals 2.3 % of
// it), never smaller than presenter mode's old 1.5x, and the user's Ctrl+= enlarges it further.
TEST(ViewerLayout, presenter_text_is_sized_from_the_display_height_for_the_back_row) {
    EXPECT_NEAR(presenterUiScale(1.0f, 1.0f, 1080.0f), 2.33f, 0.01f);
    EXPECT_NEAR(presenterUiScale(1.0f, 1.0f, 2160.0f), 4.67f, 0.02f);
    EXPECT_FLOAT_EQ(presenterUiScale(1.0f, 1.0f, 480.0f), 1.5f) << "a small screen keeps 1.5x";
    EXPECT_NEAR(presenterUiScale(1.25f, 1.0f, 1080.0f), 2.92f, 0.01f) << "the user's enlargement multiplies it";
    EXPECT_NEAR(presenterUiScale(2.0f, 2.0f, 1080.0f), 3.0f, 0.01f) << "a 2x monitor at 1080 lines: 1.5 x its own 2";
}

// The back row's 2.3 % measured in the program's own font as ImGui rasterises it: ImGui sizes a font
// by its ascent + descent, not its em, so DejaVu Sans's capitals are 0.626 of the size asked for.
// Session 10 measured 21 px capitals (1.94 %) on 1080 lines in presenter mode's screenshots, when the
// scale took 0.73 (the capitals per em); this fails with that.
TEST(ViewerLayout, presenter_capitals_measured_in_the_font_are_the_back_rows_share) {
    ImGui::CreateContext();
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    std::vector<std::pair<float, ImFont*>> fonts;  // display height, then the body font and the labels' least
    for (const float height : {720.0f, 1080.0f, 2160.0f}) {
        fonts.emplace_back(height, atlas.AddFontFromFileTTF(ui::defaultFontFile().c_str(), 17.0f * presenterUiScale(1.0f, 1.0f, height)));
        fonts.emplace_back(height, atlas.AddFontFromFileTTF(ui::defaultFontFile().c_str(), backRowFontPixels(height)));
    }
    unsigned char* pixels = nullptr;
    int width = 0, rows = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &rows);
    for (const auto& [height, font] : fonts) {
        ASSERT_NE(font, nullptr);
        const ImFontGlyph* capital = font->FindGlyph('H');
        ASSERT_NE(capital, nullptr);
        EXPECT_NEAR(capital->Y1 - capital->Y0, 0.023f * height, 1.5f) << "a " << font->FontSize << " px font on " << height << " lines";
    }
    ImGui::DestroyContext();
}

// Issue 14: beside the model the caption is a column on the right under the hint strip, and the
// 3D view keeps the full height; a display taller than wide has no room beside and gets the bar.
TEST(ViewerLayout, a_caption_beside_the_model_is_a_column_on_the_right_and_the_view_keeps_its_height) {
    const ViewerLayout side = layoutFor({1280.0f, 720.0f}, 2.5f, LayoutMode::Slide, CaptionPlace::Beside, 360.0f, 50.0f);
    EXPECT_FLOAT_EQ(side.caption.size.x, std::round(1280.0f * kCaptionColumnShare));
    EXPECT_FLOAT_EQ(side.caption.origin.x + side.caption.size.x, 1280.0f);
    EXPECT_FLOAT_EQ(side.caption.origin.y, 50.0f);
    EXPECT_FLOAT_EQ(side.caption.size.y, 670.0f);
    EXPECT_FLOAT_EQ(side.scene.origin.x + side.scene.size.x, side.caption.origin.x) << "side by side, no overlap";
    EXPECT_FLOAT_EQ(side.scene.size.y, 670.0f);
    const ViewerLayout upright = layoutFor({768.0f, 1024.0f}, 1.0f, LayoutMode::Slide, CaptionPlace::Beside, 300.0f);
    EXPECT_FLOAT_EQ(upright.caption.size.x, 768.0f);
    EXPECT_FLOAT_EQ(upright.scene.size.y, 1024.0f - 300.0f);
    EXPECT_FLOAT_EQ(layoutFor({1280.0f, 720.0f}, 1.0f, LayoutMode::Slide, CaptionPlace::None, 300.0f).scene.size.y, 720.0f);
}

// A slide at `scale` with the caption beside the model: `state`'s 3D view and caption take the
// layout's places, and three frames are drawn (ImGui settles auto-sized windows over two). The
// layout, and the last frame's intents.
template <class Backend>
std::pair<ViewerLayout, ui::ViewerUiIntents> drawBeside(Backend& imgui, ui::ViewerUiState& state, glm::vec2 display, float scale) {
    const ViewerLayout layout = layoutFor(display, scale, LayoutMode::Slide, CaptionPlace::Beside);
    state.sceneView = layout.scene;
    state.captionView = layout.caption;
    ui::ViewerUiIntents intents;
    for (int frame = 0; frame < 3; ++frame) intents = imgui.frame(display, state);
    return {layout, intents};
}

// Issue 14: the column beside the model fills the layout's place at every text size, and a step too
// long for it is marked cut (and scrolls) rather than running off the screen.
TEST(ViewerPanels, the_caption_beside_the_model_fills_its_column_at_every_text_size) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    std::string longText;
    for (int i = 0; i < 40; ++i) longText += "The psoas major runs from the lumbar spine over the pelvic brim to the lesser trochanter. ";
    const std::vector<TextBlock> shortText = parseRichText("One line.");
    const std::vector<TextBlock> manyLines = parseRichText(longText);
    for (const float scale : {1.0f, 1.75f, 2.5f})
        for (const auto* text : {&shortText, &manyLines}) {
            const glm::vec2 display{1280.0f, 720.0f};
            ImGui::GetIO().FontGlobalScale = scale;
            ui::ViewerUiState state = slideState(imgui, visibility, display, *text, 3);
            state.uiScale = scale;
            const auto [layout, intents] = drawBeside(imgui, state, display, scale);
            const ImGuiWindow* bar = windowNamed("##caption");
            ASSERT_NE(bar, nullptr);
            const std::string where = std::to_string(scale) + (text == &shortText ? " short" : " long");
            EXPECT_FLOAT_EQ(bar->Pos.x, layout.caption.origin.x) << where;
            EXPECT_FLOAT_EQ(bar->Pos.y, layout.caption.origin.y) << where;
            EXPECT_FLOAT_EQ(bar->Size.x, layout.caption.size.x) << where;
            EXPECT_FLOAT_EQ(bar->Size.y, layout.caption.size.y) << where;
            // A line's trailing space may hang past the edge (ui/rich_text_view), no visible letter.
            const float space = 0.5f * scale * ImGui::GetFontSize();
            EXPECT_LE(bar->ContentSize.x, bar->Size.x - 2.0f * bar->WindowPadding.x + space) << where << ": nothing runs off the side";
            EXPECT_EQ(intents.captionCut, text == &manyLines) << where;
            EXPECT_FLOAT_EQ(intents.captionHeight, 0.0f) << where << ": no bar below to measure";
        }
    ImGui::GetIO().FontGlobalScale = 1.0f;
}

// The program's own fonts (DejaVu Sans, rasterised at `scale`) in a fresh ImGui context.
class RealFonts {
public:
    explicit RealFonts(float scale) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        fonts_ = ui::loadFonts(scale, ui::GlyphCoverage{});
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~RealFonts() { ImGui::DestroyContext(); }
    RealFonts(const RealFonts&) = delete;
    RealFonts& operator=(const RealFonts&) = delete;
    [[nodiscard]] const ui::UiFonts& fonts() const { return fonts_; }
    ui::ViewerUiIntents frame(glm::vec2 display, const ui::ViewerUiState& state) { return drawFrame(display, state); }

private:
    ui::UiFonts fonts_;
};

float wordWidth(ImFont* font, const char* word) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, word).x; }

// The fresh tester's step titles (session 11) and a long anatomical word.
constexpr const char* kTitleWords[] = {"Summary", "shortens", "Flexing", "trochanter"};
// Every text size the keys allow (app: Ctrl+= stops at 3.0), in presenter mode on a 1080-line projector.
constexpr float kTextSizes[] = {1.0f, 1.75f, 2.5f, 3.0f};

// Fresh tester, session 11: at text size 3.0 in presenter mode on 1920x1080 the caption column stayed
// 38 % wide while the text grew, and drew "Summar" / "y". The column now widens with the text: at
// every size the keys allow it holds the tester's title words whole in the real bold heading, beside
// its padding (the 38 % column failed this at 3.0).
TEST(ViewerLayout, the_caption_column_widens_with_the_text_to_hold_a_title_word_whole) {
    const glm::vec2 display{1920.0f, 1080.0f};
    for (const float size : kTextSizes) {
        const float scale = presenterUiScale(size, 1.0f, display.y);
        const RealFonts imgui(scale);
        const ViewerLayout layout = layoutFor(display, scale, LayoutMode::Slide, CaptionPlace::Beside);
        const float room = layout.caption.size.x - 2.0f * kCaptionColumnPadding * scale;
        for (const char* word : {"Summary", "shortens", "Flexing"})
            EXPECT_GE(room, wordWidth(imgui.fonts().heading, word)) << word << " at text size " << size;
        EXPECT_LE(layout.caption.size.x, std::round(display.x * kCaptionColumnMaxShare)) << "the model keeps 55 % of the width";
        EXPECT_FLOAT_EQ(layout.scene.size.y, display.y) << "beside, the model keeps the full height";
    }
}

ui::ViewerUiState testersSlide(const RealFonts& imgui, const Visibility& visibility, const std::vector<TextBlock>& text,
                               const char* title, float scale) {
    ui::ViewerUiState state;
    state.scene = &builtInScene();
    state.visibility = &visibility;
    state.fonts = &imgui.fonts();
    state.slideLayout = true;
    state.presenterTheme = true;
    state.captionShown = true;
    state.uiScale = scale;
    ui::LessonView lesson;
    lesson.title = "Psoas for Monday";
    lesson.stepIndex = 2;
    lesson.stepCount = 3;
    lesson.stepTitle = title;
    lesson.text = &text;
    state.lesson = lesson;
    return state;
}

// At every text size the keys allow, no word of the step is drawn wider than the column, and the
// title leaves room for kCaptionBelowBodyLines lines of the text (the tester saw about four words
// at 3.0): where the 45 % column cannot hold them at the chosen size (3.0), the caption's text is
// drawn just small enough; up to 2.5 it keeps the size asked for (a 10-letter word aside).
TEST(ViewerPanels, the_caption_beside_the_model_never_breaks_a_word_at_any_text_size) {
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<TextBlock> text = parseRichText("At 45 degrees of hip flexion the psoas is about **10 % shorter** than in standing.");
    const glm::vec2 display{1920.0f, 1080.0f};
    for (const float size : kTextSizes)
        for (const char* title : {"Summary", "Flexing the hip shortens it", "The lesser trochanter"}) {
            const float scale = presenterUiScale(size, 1.0f, display.y);
            RealFonts imgui(scale);
            ui::ViewerUiState state = testersSlide(imgui, visibility, text, title, scale);
            const auto [layout, intents] = drawBeside(imgui, state, display, scale);
            const ImGuiWindow* bar = windowNamed("##caption");
            ASSERT_NE(bar, nullptr);
            const float room = bar->Size.x - 2.0f * bar->WindowPadding.x;
            const float lines = (bar->Size.y - bar->WindowPadding.y - intents.captionTextTop) / (imgui.fonts().body->FontSize * bar->FontWindowScale);
            EXPECT_GE(lines, static_cast<float>(kCaptionBelowBodyLines)) << "lines of the step's text shown at text size " << size;
            std::istringstream words(title);
            for (std::string word; words >> word;)
                EXPECT_LE(wordWidth(imgui.fonts().heading, word.c_str()) * bar->FontWindowScale, room + 0.5f) << word << " at text size " << size;
            EXPECT_LE(wordWidth(imgui.fonts().bold, "shorter") * bar->FontWindowScale, room + 0.5f);
            if (size <= 2.5f && std::string_view(title).find("trochanter") == std::string_view::npos)
                EXPECT_FLOAT_EQ(bar->FontWindowScale, 1.0f) << "the text size asked for, at " << size;
            EXPECT_GE(bar->FontWindowScale, 0.8f) << "only a little smaller, at " << size;
        }
}

// Fresh tester, session 11: with the caption below at text size 3.0 the bar showed only the title and
// "3 / 3", then "…". Below, the model keeps at least half the height, and the bar shows the title,
// the count and at least kCaptionBelowBodyLines lines of the step's text (the rest scrolls).
TEST(ViewerPanels, the_caption_below_shows_lines_of_the_text_and_leaves_the_model_half_the_height) {
    const Visibility visibility(builtInScene().structures.size());
    std::string long_;
    for (int i = 0; i < 12; ++i) long_ += "At 45 degrees of hip flexion the psoas is about **10 % shorter** than in standing. ";
    const std::vector<TextBlock> text = parseRichText(long_);
    const glm::vec2 display{1920.0f, 1080.0f};
    for (const float size : kTextSizes) {
        const float scale = presenterUiScale(size, 1.0f, display.y);
        RealFonts imgui(scale);
        ui::ViewerUiState state = testersSlide(imgui, visibility, text, "Flexing the hip shortens it", scale);
        ui::ViewerUiIntents intents;
        for (int frame = 0; frame < 3; ++frame) {
            const ViewerLayout layout = layoutFor(display, scale, LayoutMode::Slide, CaptionPlace::Below, intents.captionHeight);
            state.sceneView = layout.scene;
            state.captionView = layout.caption;
            state.captionHeight = intents.captionHeight;
            intents = imgui.frame(display, state);
        }
        const ViewerLayout layout = layoutFor(display, scale, LayoutMode::Slide, CaptionPlace::Below, intents.captionHeight);
        EXPECT_GE(layout.scene.size.y, 0.5f * display.y) << "the model's half, at text size " << size;
        const ImGuiWindow* bar = windowNamed("##caption");
        ASSERT_NE(bar, nullptr);
        EXPECT_LE(bar->Size.y, 0.5f * display.y);
        const float lines = (bar->Size.y - bar->WindowPadding.y - intents.captionTextTop) / (imgui.fonts().body->FontSize * bar->FontWindowScale);
        EXPECT_GE(lines, static_cast<float>(kCaptionBelowBodyLines)) << "lines of the step's text shown at text size " << size;
        if (size > 1.0f) EXPECT_TRUE(intents.captionCut) << "the rest scrolls, and says so, at text size " << size << ": " << bar->Size.y << " tall, "
                                        << lines << " lines";
    }
}

// Issue 14: at 250 % on 1280x720 the attachment legend ran across the model; it now keeps to the
// 3D view's bottom-right, at most 45 % of its width, its text shrunk to fit.
TEST(ViewerPanels, the_attachment_legend_keeps_to_its_corner_at_every_text_size) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<TextBlock> text = parseRichText("A step.");
    for (const glm::vec2 display : {glm::vec2(1280, 720), glm::vec2(1920, 1080)})
        for (const float scale : {1.0f, 1.75f, 2.5f})
            for (const std::size_t muscles : {std::size_t(1), std::size_t(3)}) {
                ImGui::GetIO().FontGlobalScale = scale;
                ui::ViewerUiState state = slideState(imgui, visibility, display, text, 1);
                state.uiScale = scale;
                state.attachmentLegend = true;
                state.attachmentMuscles.assign(muscles, "Right psoas major");
                for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
                const ImGuiWindow* legend = windowNamed("##legend");
                ASSERT_NE(legend, nullptr);
                const std::string where = std::to_string(int(display.x)) + " at " + std::to_string(scale) + ", " + std::to_string(muscles);
                EXPECT_LE(legend->Size.x, 0.45f * state.sceneView.size.x + 1.0f) << where;
                EXPECT_LE(legend->Pos.x + legend->Size.x, state.sceneView.origin.x + state.sceneView.size.x) << where;
                EXPECT_LE(legend->Pos.y + legend->Size.y, state.sceneView.origin.y + state.sceneView.size.y) << where;
                EXPECT_LE(legend->ContentSize.x, legend->Size.x - 2.0f * legend->WindowPadding.x + 0.5f) << where << ": nothing cut";
            }
    ImGui::GetIO().FontGlobalScale = 1.0f;
}

// Issue 14: the first run shows how to turn, zoom and find the keys over the 3D view, inside it,
// until dismissed; afterwards nothing is drawn there.
TEST(ViewerPanels, the_first_run_hint_sits_inside_the_3d_view_and_only_when_asked) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    for (const float scale : {1.0f, 2.5f}) {
        ImGui::GetIO().FontGlobalScale = scale;
        ui::ViewerUiState state = panelState(imgui, visibility, {1280.0f, 720.0f}, scale);
        state.firstRunHint = true;
        for (int frame = 0; frame < 3; ++frame) imgui.frame({1280.0f, 720.0f}, state);
        const ImGuiWindow* hint = windowNamed("##first-run");
        ASSERT_NE(hint, nullptr);
        EXPECT_TRUE(hint->Active);
        EXPECT_GE(hint->Pos.x, state.sceneView.origin.x) << scale;
        EXPECT_LE(hint->Pos.x + hint->Size.x, state.sceneView.origin.x + state.sceneView.size.x) << scale;
        EXPECT_LE(hint->Pos.y + hint->Size.y, state.sceneView.origin.y + state.sceneView.size.y) << scale;
        state.firstRunHint = false;
        imgui.frame({1280.0f, 720.0f}, state);
        EXPECT_FALSE(windowNamed("##first-run")->Active) << "dismissed: not drawn";
    }
    ImGui::GetIO().FontGlobalScale = 1.0f;
}

bool overlap(const ImGuiWindow& a, const ImGuiWindow& b) {
    return a.Pos.x < b.Pos.x + b.Size.x && b.Pos.x < a.Pos.x + a.Size.x && a.Pos.y < b.Pos.y + b.Size.y && b.Pos.y < a.Pos.y + a.Size.y;
}

// Tester, session 9: a broken lesson's one-line message covered the first-run hint's "Got it" (and
// the attachment legend's second row). The status line keeps the window's foot; the hint and the
// legends stand above it while it shows, and come back down when it has gone.
TEST(ViewerPanels, the_status_line_covers_neither_the_first_run_hint_nor_the_legends) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    for (const glm::vec2 display : {glm::vec2(1280, 720), glm::vec2(800, 600)})
        for (const float scale : {1.0f, 2.0f}) {
            ImGui::GetIO().FontGlobalScale = scale;
            ui::ViewerUiState state = panelState(imgui, visibility, display, scale);
            state.firstRunHint = true;
            state.attachmentLegend = true;
            state.attachmentMuscles.assign(2, "Right psoas major");
            state.lengthLegend = true;
            state.status = "badstruct.toml:7:9: unknown structure or group 'psoas_majr_l' in 'show' (did you mean 'psoas_major_l'?)";
            for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
            const std::string where = std::to_string(int(display.x)) + " at " + std::to_string(scale);
            const ImGuiWindow* status = windowNamed("##status");
            ASSERT_NE(status, nullptr);
            ASSERT_TRUE(status->Active);
            EXPECT_GE(status->Pos.x, state.sceneView.origin.x) << "a long message wraps inside the 3D view, off the panel, " << where;
            for (const char* name : {"##first-run", "##legend", "##length-legend"}) {
                const ImGuiWindow* other = windowNamed(name);
                if (!other || !other->Active) continue;
                EXPECT_FALSE(overlap(*status, *other)) << name << " under the status line, " << where;
            }
            ASSERT_NE(windowNamed("##first-run"), nullptr);
            const float hintBottomWithStatus = windowNamed("##first-run")->Pos.y + windowNamed("##first-run")->Size.y;
            state.status.clear();
            for (int frame = 0; frame < 2; ++frame) imgui.frame(display, state);
            EXPECT_GT(windowNamed("##first-run")->Pos.y + windowNamed("##first-run")->Size.y, hintBottomWithStatus) << "back at the foot, " << where;
        }
    ImGui::GetIO().FontGlobalScale = 1.0f;
}

// Tester, session 13: after a short message, a long error ("error: /…/broken_mac.obj: …") was
// cut at the window's right edge. An auto-sized window takes its size from the frame before, so
// for one frame the new text hung off the old, narrower box placed by its right-hand corner, and
// an idle viewer draws no second frame. The status line is sized for its text in the same frame.
TEST(ViewerPanels, a_new_longer_status_message_fits_the_3d_view_in_its_first_frame) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const glm::vec2 display(1280, 720);
    ui::ViewerUiState state = panelState(imgui, visibility, display, 1.0f);
    state.status = "Saved";
    for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
    state.status = "error: /work/t13/D/models/broken_mac.obj: line 2, column 5: byte 0x00 is not text; "
                   "is this a binary file saved with an .obj name? Open a text OBJ, glTF or STL file";
    imgui.frame(display, state);
    const ImGuiWindow* status = windowNamed("##status");
    ASSERT_NE(status, nullptr);
    const float right = state.sceneView.origin.x + state.sceneView.size.x;
    EXPECT_GE(status->Pos.x, state.sceneView.origin.x);
    EXPECT_LE(status->Pos.x + status->Size.x, right + 0.5f);
    const float wrapped = ImGui::CalcTextSize(state.status.c_str(), nullptr, false, status->Size.x - 2.0f * ImGui::GetStyle().WindowPadding.x).y;
    EXPECT_GE(status->Size.y, wrapped) << "tall enough for every wrapped line";
    EXPECT_LE(status->Pos.y + status->Size.y, state.sceneView.origin.y + state.sceneView.size.y);
}

// Fresh tester, session 9: rows of the key list (H) longer than the screen were cut at its right
// edge ("…shows the model and the caption, this on"). The list keeps inside the screen and its
// action column wraps, at every size and text size.
TEST(ViewerPanels, the_key_list_fits_the_screen_and_wraps_its_long_rows) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    for (const glm::vec2 display : {glm::vec2(1366, 768), glm::vec2(1280, 720), glm::vec2(960, 540), glm::vec2(1920, 1080)})
        for (const float scale : {1.0f, 1.75f, 2.5f}) {
            ImGui::GetIO().FontGlobalScale = scale;
            ui::ViewerUiState state = panelState(imgui, visibility, display, scale);
            state.help = &app::helpEntries();
            state.showHelp = true;
            for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
            const ImGuiWindow* list = windowNamed("Keys and mouse");
            ASSERT_NE(list, nullptr);
            const std::string where = std::to_string(int(display.x)) + "x" + std::to_string(int(display.y)) + " at " + std::to_string(scale);
            EXPECT_GE(list->Pos.x, 0.0f) << where;
            EXPECT_GE(list->Pos.y, 0.0f) << where;
            EXPECT_LE(list->Pos.x + list->Size.x, display.x) << where;
            EXPECT_LE(list->Pos.y + list->Size.y, display.y) << where;
            EXPECT_LE(list->ContentSize.x, list->ContentRegionRect.GetWidth() + 0.5f) << where << ": a row runs off the list's right edge";
        }
    ImGui::GetIO().FontGlobalScale = 1.0f;
}

// Tester, session 9: in presenter mode a message (F6 where there is one screen) reached only the
// terminal or the browser's console; the slide layout shows the status line too.
TEST(ViewerPanels, presenter_mode_shows_the_status_line) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<TextBlock> text = parseRichText("A step.");
    ui::ViewerUiState state = slideState(imgui, visibility, {1280.0f, 720.0f}, text, 1);
    state.status = "Two screens need the desktop program (a browser page has one window)";
    for (int frame = 0; frame < 2; ++frame) imgui.frame({1280.0f, 720.0f}, state);
    const ImGuiWindow* status = windowNamed("##status");
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->Active);
    // Session 10: with the caption beside the model, the line ran under the caption's column.
    const ViewRect beside = layoutFor({1280.0f, 720.0f}, 1.0f, LayoutMode::Slide, CaptionPlace::Beside).scene;
    state.sceneView = beside;
    for (int frame = 0; frame < 2; ++frame) imgui.frame({1280.0f, 720.0f}, state);
    EXPECT_LE(status->Pos.x + status->Size.x, beside.origin.x + beside.size.x) << "inside the 3D view, off the caption";
    EXPECT_GE(status->Pos.x, beside.origin.x);
}

// Fresh tester, session 9: on the class's 1280x720 window the four labels of "Meet the psoas" step
// 3 had capitals ~1.5 % of its height, under the back row's 2.3 % the caption keeps. On a screen
// for the room labels keep that size (core backRowFontPixels) and long names wrap, inside the view.
TEST(ViewerPanels, labels_on_a_screen_for_the_room_keep_the_back_rows_size_and_wrap_long_names) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<TextBlock> text = parseRichText("Down over the pelvic brim.");
    constexpr float kBodyPixels = 17.0f, kDefaultFontPixels = 13.0f;  // the program's body font; ImGui's default here
    struct Case {
        glm::vec2 display;
        float textSize;  // the teacher's (Ctrl+=)
    };
    float fontAt100 = 0.0f;  // on 1920x1080
    for (const auto& [display, textSize] : {Case{{1280, 720}, 1.0f}, Case{{1920, 1080}, 1.0f}, Case{{683, 384}, 1.0f}, Case{{1920, 1080}, 2.5f}}) {
        const float scale = presenterUiScale(textSize, 1.0f, display.y);
        ImGui::GetIO().FontGlobalScale = scale * kBodyPixels / kDefaultFontPixels;
        ui::ViewerUiState state = slideState(imgui, visibility, display, text, 4);
        state.uiScale = scale;
        state.presenterTheme = true;
        state.sceneView = layoutFor(display, scale, LayoutMode::Slide, CaptionPlace::Beside).scene;
        const ViewRect view = state.sceneView;
        auto at = [&](float x, float y) { return view.origin + glm::vec2(x, y) * view.size; };
        state.labels = {{"Pelvic brim (iliopubic eminence region)", at(0.45f, 0.45f)},
                        {"Right inguinal ligament", at(0.6f, 0.55f)},
                        {"Right psoas major (over the hip capsule)", at(0.55f, 0.7f)},
                        {"Right femur: lesser trochanter", at(0.52f, 0.8f)}};
        for (int frame = 0; frame < 3; ++frame) imgui.frame(display, state);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {display.x, display.y};
        ImGui::NewFrame();
        const float font = ui::labelFontSize(state);
        const float wrap = ui::labelWrapWidth(state);
        ImGui::Render();
        const std::string where = std::to_string(int(display.x)) + "x" + std::to_string(int(display.y)) + " at " + std::to_string(textSize);
        // Larger text makes them larger (fresh tester, session 12: Ctrl+= left the length tags as
        // they were), as far as they fit one column of the view wrapped (at 250 % full-size labels
        // overlapped each other, session 9).
        if (textSize == 1.0f && display.y == 1080.0f) fontAt100 = font;
        if (textSize > 1.0f) EXPECT_GT(font, fontAt100 * 1.5f) << where;
        EXPECT_TRUE(ui::labelsFitColumn(state, font) || font <= backRowFontPixels(display.y) + 0.01f) << where;
        EXPECT_GE(font, backRowFontPixels(display.y) - 0.01f) << where << ": capitals " << font * 0.626f / display.y * 100.0f << " % of the height";
        EXPECT_GT(wrap, 0.0f) << where;
        EXPECT_LE(wrap, std::max(view.size.x * 0.35f, 8.0f * font) + 0.5f) << where;
        // Every label box and leader is drawn inside the 3D view.
        imgui.frame(display, state);
        const ImDrawList* labels = ImGui::GetBackgroundDrawList();
        ASSERT_GT(labels->VtxBuffer.Size, 0);
        float left = FLT_MAX, right = -FLT_MAX;
        for (const ImDrawVert& v : labels->VtxBuffer) left = std::min(left, v.pos.x), right = std::max(right, v.pos.x);
        EXPECT_GE(left, view.origin.x - 1.0f) << where;
        EXPECT_LE(right, view.origin.x + view.size.x + 1.0f) << where;
    }
    ImGui::GetIO().FontGlobalScale = 1.0f;
}

// Tester, session 7: the full stop after a bold span wrapped onto a line of its own ("five slips"
// then "." under it). At every width, the text with its full stop is as tall as without it.
TEST(RichTextView, a_full_stop_after_a_bold_span_never_starts_a_line) {
    NullBackend imgui;
    const std::vector<TextBlock> with = parseRichText("The superficial layer starts from the sides, as **five slips**.");
    const std::vector<TextBlock> without = parseRichText("The superficial layer starts from the sides, as **five slips**");
    auto height = [&](const std::vector<TextBlock>& text, float width) {
        ImGui::GetIO().DisplaySize = {1000.0f, 1000.0f};
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({0.0f, 0.0f});
        ImGui::SetNextWindowSize({width, 900.0f});
        ImGui::Begin("##rich");
        drawRichText(text, *imgui.fonts());
        const float y = ImGui::GetCursorPosY();
        ImGui::End();
        ImGui::Render();
        return y;
    };
    for (float width = 80.0f; width < 700.0f; width += 3.0f)
        EXPECT_FLOAT_EQ(height(with, width), height(without, width)) << "window " << width << " px wide";
}

// Selects the tab named `name` of the side panel's tab bar from the next frame on.
void selectTab(const char* name) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = 0; i < g.TabBars.GetMapSize(); ++i)
        if (ImGuiTabBar* bar = g.TabBars.TryGetMapData(i))
            for (const ImGuiTabItem& tab : bar->Tabs)
                if (std::string_view(bar->GetTabName(&tab)) == name) bar->NextSelectedTabId = tab.ID;
}

// Found while adding the hip geometry chooser (issue 15): ImGui 1.86's plots read a width of -1 as
// negative and drew nothing, so the Motion tab's length history and curve were invisible, and the
// curve's "now" line stood at the plot's left edge whatever the angle.
TEST(ViewerPanels, the_motion_tabs_length_curve_spans_the_panel) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const glm::vec2 display{1280.0f, 1600.0f};  // tall: nothing of the tab is scrolled out of view
    ui::ViewerUiState state = panelState(imgui, visibility, display, 1.0f);
    const std::vector<ui::LessonListItem> lessons{{"Lesson", "built-in", {}}};
    state.lessons = &lessons;
    std::vector<glm::vec2> curve;
    for (float angle = -30.0f; angle <= 120.0f; angle += 2.0f) curve.emplace_back(angle, 320.0f - 0.4f * angle);
    const std::vector<float> history(60, 320.0f);
    ui::MotionView motion;
    motion.poseNames = {"Standing"};
    motion.curve = &curve;
    motion.history = &history;
    motion.hipFlexion = 45.0f;  // halfway along -30 to 120
    state.motion = motion;
    imgui.frame(display, state);
    selectTab("Motion");
    for (int frame = 0; frame < 2; ++frame) imgui.frame(display, state);

    const ImGuiWindow* panel = ImGui::FindWindowByName("Psoas Atlas");
    ASSERT_NE(panel, nullptr);
    constexpr ImU32 kNowLine = IM_COL32(255, 200, 90, 255);  // ui/viewer_panels.cpp's marker
    std::vector<float> xs;
    for (const ImDrawVert& v : panel->DrawList->VtxBuffer)
        if (v.col == kNowLine) xs.push_back(v.pos.x);
    ASSERT_FALSE(xs.empty()) << "the curve's now line is drawn";
    const float middle = panel->Pos.x + panel->Size.x * 0.5f;
    for (float x : xs) EXPECT_NEAR(x, middle, panel->Size.x * 0.15f);
}

// The Motion tab open, showing `motion`, on a display tall enough that none of it is scrolled away.
const glm::vec2 kTallDisplay{1280.0f, 1600.0f};
ui::ViewerUiState motionTabState(NullBackend& imgui, const Visibility& visibility, const ui::MotionView& motion) {
    static const std::vector<ui::LessonListItem> lessons{{"Lesson", "built-in", {}}};
    ui::ViewerUiState state = panelState(imgui, visibility, kTallDisplay, 1.0f);
    state.lessons = &lessons;
    state.motion = motion;
    imgui.frame(kTallDisplay, state);
    selectTab("Motion");
    return state;
}

// Tester, session 10: the length history's top value ("332 mm") sat on the curve where the curve
// starts high, at the plot's left edge. No glyph of the chart's values may overlap the curve's
// extent; the history here falls from its highest value at the left edge to its lowest at the right.
TEST(ViewerPanels, the_length_historys_values_keep_clear_of_its_curve) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    std::vector<float> history;
    for (int i = 0; i < 600; ++i) history.push_back(332.0f - 10.0f * static_cast<float>(i) / 599.0f);
    ui::MotionView motion;
    motion.poseNames = {"Standing"};
    motion.history = &history;  // no length curve: the history is the only plot drawn
    ui::ViewerUiState state = motionTabState(imgui, visibility, motion);
    for (int frame = 0; frame < 2; ++frame) imgui.frame(kTallDisplay, state);

    const ImGuiWindow* panel = ImGui::FindWindowByName("Psoas Atlas");
    ASSERT_NE(panel, nullptr);
    const ImDrawList& draw = *panel->DrawList;
    const ImU32 line = ImGui::GetColorU32(ImGuiCol_PlotLines), text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    ImVec2 lo{1e9f, 1e9f}, hi{-1e9f, -1e9f};  // the curve's extent
    for (const ImDrawVert& v : draw.VtxBuffer)
        if (v.col == line) {
            lo = {std::min(lo.x, v.pos.x), std::min(lo.y, v.pos.y)};
            hi = {std::max(hi.x, v.pos.x), std::max(hi.y, v.pos.y)};
        }
    ASSERT_LT(lo.x, hi.x) << "the history's curve is drawn";
    ASSERT_GT(hi.y - lo.y, 20.0f) << "the curve spans the plot's height";
    int glyphsInside = 0, glyphsNear = 0;
    for (int i = 0; i + 2 < draw.IdxBuffer.Size; i += 3) {
        const ImDrawVert& a = draw.VtxBuffer[draw.IdxBuffer[i]];
        if (a.col != text) continue;
        const ImDrawVert& b = draw.VtxBuffer[draw.IdxBuffer[i + 1]];
        const ImDrawVert& c = draw.VtxBuffer[draw.IdxBuffer[i + 2]];
        const float x0 = std::min({a.pos.x, b.pos.x, c.pos.x}), x1 = std::max({a.pos.x, b.pos.x, c.pos.x});
        const float y0 = std::min({a.pos.y, b.pos.y, c.pos.y}), y1 = std::max({a.pos.y, b.pos.y, c.pos.y});
        if (x1 <= lo.x || x0 >= hi.x) continue;
        if (y1 > lo.y - 25.0f && y0 < hi.y + 25.0f) ++glyphsNear;  // the top and bottom values
        if (y1 > lo.y && y0 < hi.y) ++glyphsInside;
    }
    EXPECT_GT(glyphsNear, 0) << "the values are written beside the curve";
    EXPECT_EQ(glyphsInside, 0) << "curve from (" << lo.x << ", " << lo.y << ") to (" << hi.x << ", " << hi.y << ")";
}

// The Motion tab of a step that walks: its loop playing, one library pose.
ui::MotionView walkingStep() {
    ui::MotionView motion;
    motion.poseNames = {"Standing"};
    motion.stepLoopName = "walking";
    motion.loopName = "walking";
    motion.loopPeriod = 2.0f;
    return motion;
}

// Issue 13: a looping motion's Pause button and speed control, and "Save pose" with a typed name,
// come back from the Motion tab as intents. Regression (tester): a click on the speed set it to
// where it was clicked (ImGui's slider; "1.12x" at its middle); a click alone now changes nothing
// and a drag changes it by the distance dragged.
TEST(ViewerPanels, the_motion_tab_pauses_a_loop_changes_its_speed_only_by_a_drag_and_saves_a_named_pose) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const ui::MotionView motion = walkingStep();
    ui::ViewerUiState state = motionTabState(imgui, visibility, motion);
    state.poseNameDraft = "My lunge";
    const glm::vec2 display = kTallDisplay;
    for (int frame = 0; frame < 2; ++frame) imgui.frame(display, state);

    ImGuiIO& io = ImGui::GetIO();
    // A press at (x, y), moved `dx` in steps of 10 while held, and released; the intents of every
    // frame, later ones over earlier ones.
    auto press = [&](float x, float y, float dx) {
        io.MousePos = {x, y};
        io.MouseDown[0] = true;
        ui::ViewerUiIntents all = imgui.frame(display, state);
        for (float moved = 10.0f; moved <= dx; moved += 10.0f) {
            io.MousePos = {x + moved, y};
            const ui::ViewerUiIntents step = imgui.frame(display, state);
            if (step.motion.loopSpeed) all.motion.loopSpeed = step.motion.loopSpeed;
        }
        io.MouseDown[0] = false;
        const ui::ViewerUiIntents up = imgui.frame(display, state);
        if (up.savePose) all.savePose = up.savePose;
        if (up.motion.loopSpeed) all.motion.loopSpeed = up.motion.loopSpeed;
        if (up.motion.loopPaused) all.motion.loopPaused = up.motion.loopPaused;
        imgui.frame(display, state);  // let go of the item
        return all;
    };
    std::optional<bool> paused;
    std::optional<float> speed, speedY;
    std::optional<std::string> saved;
    const float middle = state.panel.size.x * 0.6f, right = state.panel.size.x - 30.0f;
    for (float y = 90.0f; y < 900.0f && !(paused && speed && saved); y += 3.0f) {
        const ui::ViewerUiIntents atLeft = press(20.0f, y, 0.0f);
        if (atLeft.motion.loopPaused) paused = atLeft.motion.loopPaused;
        if (!speed) {
            const ui::ViewerUiIntents dragged = press(middle, y, 40.0f);
            if (dragged.motion.loopSpeed) speed = dragged.motion.loopSpeed, speedY = y;
        }
        const ui::ViewerUiIntents atRight = press(right, y, 0.0f);
        if (atRight.savePose) saved = atRight.savePose;
    }
    ASSERT_TRUE(paused);
    EXPECT_TRUE(*paused);
    ASSERT_TRUE(speed) << "a drag on the speed changes it";
    EXPECT_GT(*speed, 1.0f);  // dragged to the right: faster
    EXPECT_LE(*speed, kLoopSpeedMax);
    for (const float x : {middle - 60.0f, middle, right})
        EXPECT_FALSE(press(x, *speedY, 0.0f).motion.loopSpeed) << "a click at x " << x << " changes nothing";
    ASSERT_TRUE(saved);
    EXPECT_EQ(*saved, "My lunge");
}

// Fresh tester, session 16: with P pausing everything, the loop's button still read "Pause" over a
// still body. It plays then, and its click ends both pauses.
TEST(ViewerPanels, the_loops_button_plays_when_p_has_paused_everything) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    ui::MotionView motion = walkingStep();
    motion.everythingPaused = true;
    const ui::ViewerUiState state = motionTabState(imgui, visibility, motion);
    const glm::vec2 display = kTallDisplay;
    for (int frame = 0; frame < 2; ++frame) imgui.frame(display, state);
    ImGuiIO& io = ImGui::GetIO();
    bool resumed = false;
    std::optional<bool> loopPaused;
    for (float y = 90.0f; y < 900.0f && !resumed; y += 3.0f) {
        io.MousePos = {20.0f, y};
        io.MouseDown[0] = true;
        imgui.frame(display, state);
        io.MouseDown[0] = false;
        const ui::ViewerUiIntents up = imgui.frame(display, state);
        imgui.frame(display, state);
        if (up.resumeAll) resumed = true, loopPaused = up.motion.loopPaused;
    }
    EXPECT_TRUE(resumed) << "a button on the left of the Motion tab resumes everything";
    ASSERT_TRUE(loopPaused);
    EXPECT_FALSE(*loopPaused) << "and the loop plays";
}

// Fresh tester, session 12: when a typed angle took over the walking step's loop, its rows went and
// every slider moved up under the pointer (and came back down on Reset all). The rows stay, greyed,
// with Play to go back to the step's motion.
TEST(ViewerPanels, the_sliders_keep_their_place_when_the_teachers_angles_hold_the_steps_loop) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    ui::MotionView motion = walkingStep();
    const glm::vec2 display = kTallDisplay;
    auto contentHeight = [&](const ui::MotionView& shown) {
        const ui::ViewerUiState state = motionTabState(imgui, visibility, shown);
        for (int frame = 0; frame < 2; ++frame) imgui.frame(display, state);
        return ImGui::FindWindowByName("Psoas Atlas")->ContentSize.y;
    };
    const float playing = contentHeight(motion);
    motion.loopName.clear();  // held (the "(changed joint by joint)" line a custom pose adds is below the sliders)
    EXPECT_FLOAT_EQ(contentHeight(motion), playing);
}

// Regression (tester, issue 13): "2.0 s a cycle at 1x" stood beside any speed; it says the
// seconds a cycle at the speed chosen.
TEST(ViewerPanels, the_loops_cycle_time_is_given_at_the_chosen_speed) {
    ui::MotionView motion;
    motion.loopName = "walking";
    motion.loopPeriod = 2.0f;
    EXPECT_EQ(ui::loopCycleText(motion), "2.0 s a cycle at 1\u00d7");
    motion.loopSpeed = 0.5f;
    EXPECT_EQ(ui::loopCycleText(motion), "4.0 s a cycle at 0.50\u00d7 (2.0 s at 1\u00d7)");
    motion.loopSpeed = 2.0f;
    EXPECT_EQ(ui::loopCycleText(motion), "1.0 s a cycle at 2.00\u00d7 (2.0 s at 1\u00d7)");
}

// Regression (tester, issue 13): the pose box showed "Looping: walking" but its list had no such
// line, so once a pose was chosen the step's motion could not be chosen again. The step's motion is
// the list's first line, chosen while it plays, and stays there after a pose is chosen.
TEST(ViewerPanels, the_pose_box_lists_the_steps_looping_motion_with_the_poses) {
    ui::MotionView motion;
    motion.poseNames = {"Standing", "Leg lift"};
    motion.stepLoopName = "walking";
    motion.loopName = "walking";
    std::vector<ui::PoseChoice> choices = ui::poseChoices(motion);
    ASSERT_EQ(choices.size(), 3u);
    EXPECT_EQ(choices[0].text, "Looping: walking");
    EXPECT_FALSE(choices[0].pose.has_value());
    EXPECT_TRUE(choices[0].chosen);
    EXPECT_FALSE(choices[1].chosen);  // the library's pose 0 is not what the body is in
    motion.loopName.clear();  // the user chose "Leg lift"
    motion.pose = 1;
    choices = ui::poseChoices(motion);
    ASSERT_EQ(choices.size(), 3u);
    EXPECT_EQ(choices[0].text, "Looping: walking");
    EXPECT_FALSE(choices[0].chosen);
    EXPECT_TRUE(choices[2].chosen);
    motion.stepLoopName.clear();  // a still step: only the poses
    EXPECT_EQ(ui::poseChoices(motion).size(), 2u);
}

// A tester found the Motion tab's "True values" table unreadable: its name column was one letter
// wide ("Right psoas" one letter per line). The tab wraps its text at the panel's edge, and wrapped
// text in a fit-to-content column fits it to nothing.
TEST(ViewerPanels, the_motion_tabs_table_of_lengths_fits_its_names_and_numbers) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const std::vector<MuscleReadout> readouts{{"psoas_major_r", 319.95f, 319.95f, 38.53f, {}},
                                              {"iliacus_r", 173.95f, 173.95f, 40.94f, {}}};
    ui::MotionView motion;
    motion.poseNames = {"Standing"};
    motion.readouts = &readouts;
    const ui::ViewerUiState state = motionTabState(imgui, visibility, motion);
    for (int frame = 0; frame < 3; ++frame) imgui.frame(kTallDisplay, state);

    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiTable* lengths = nullptr;
    for (int i = 0; i < g.Tables.GetMapSize(); ++i)
        if (const ImGuiTable* table = g.Tables.TryGetMapData(i); table && table->ColumnsCount == 4) lengths = table;
    ASSERT_NE(lengths, nullptr) << "the table of lengths is drawn";
    EXPECT_GE(lengths->Columns[0].WidthGiven, ImGui::CalcTextSize("Right psoas").x) << "names on one line";
    EXPECT_GE(lengths->Columns[1].WidthGiven, ImGui::CalcTextSize("319.9").x) << "numbers on one line";
}

// Issue 14: a student could find a structure only by scrolling the grouped list. The search field
// lists what matches, landmarks with their bone; a click selects.
TEST(ViewerPanels, the_structure_search_lists_matches_and_a_click_selects_one) {
    NullBackend imgui;
    const Visibility visibility(builtInScene().structures.size());
    const glm::vec2 display{1280.0f, 1200.0f};
    ui::ViewerUiState state = panelState(imgui, visibility, display, 1.0f);
    state.structureQuery = "lesser troch";
    imgui.frame(display, state);
    selectTab("Structures");
    for (int frame = 0; frame < 2; ++frame) imgui.frame(display, state);
    const ImGuiWindow* list = windowNamed("/structures_");
    ASSERT_NE(list, nullptr);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {list->Pos.x + 40.0f, list->Pos.y + ImGui::GetStyle().WindowPadding.y + ImGui::GetTextLineHeight() * 0.5f};
    imgui.frame(display, state);  // hover
    io.MouseDown[0] = true;
    imgui.frame(display, state);
    io.MouseDown[0] = false;
    const ui::ViewerUiIntents intents = imgui.frame(display, state);
    ASSERT_TRUE(intents.select.has_value());
    const std::vector<StructureMatch> found = findStructures(builtInScene(), "lesser troch");
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(*intents.select, found.front().structure);
    EXPECT_EQ(builtInScene().structures[static_cast<std::size_t>(*intents.select)].info.id.rfind("femur_", 0), 0u);
}

// Issue 13: the joint controls alone in a window, driven by a mouse and keyboard that ImGui reads
// from its IO as in the program.
class JointControlsHarness {
public:
    explicit JointControlsHarness(ui::JointControlsView view) : view_(view) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_Enter] = kEnter;
    }
    MotionChange frame(glm::vec2 mouse, bool down, bool ctrl = false, bool enter = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {600.0f, 700.0f};
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = {mouse.x, mouse.y};
        io.MouseDown[0] = down;
        io.KeyCtrl = ctrl;
        io.KeysDown[kEnter] = enter;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({0.0f, 0.0f});
        ImGui::SetNextWindowSize({400.0f, 700.0f});
        ImGui::Begin("joints", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse);
        MotionChange change;
        notice_ = ui::drawJointControls(view_, change);
        ImGui::End();
        ImGui::Render();
        return change;
    }
    // A press and release at `point`: what the two frames returned.
    MotionChange click(glm::vec2 point, bool ctrl = false) {
        MotionChange pressed = frame(point, true, ctrl);
        const MotionChange released = frame(point, false, ctrl);
        if (!pressed.joint) pressed.joint = released.joint;
        if (!pressed.pose) pressed.pose = released.pose;
        pressed.resetJoint = pressed.resetJoint ? pressed.resetJoint : released.resetJoint;
        pressed.resetJoints = pressed.resetJoints || released.resetJoints;
        return pressed;
    }

    // What the last frame said for the status line.
    [[nodiscard]] const std::string& notice() const { return notice_; }

private:
    static constexpr int kEnter = 13;
    ui::JointControlsView view_;
    std::string notice_;
};

TEST(JointControlsPanel, a_slider_returns_the_angle_and_a_typed_value_as_typed) {
    NullBackend imgui;
    ui::JointControlsView view;
    view.angles.hipRight.flexion = 45.0f;  // changed from the step's 0: its reset is enabled
    JointControlsHarness panel(view);
    panel.frame({-1.0f, -1.0f}, false);
    // Down the window at 40 % of its width (on the sliders, left of the reset buttons): the clicks
    // on sliders each return their coordinate, in the tab's order.
    std::vector<std::pair<JointCoordinate, float>> hits;
    std::optional<float> hipY;
    for (float y = 2.0f; y < 700.0f; y += 4.0f) {
        const MotionChange change = panel.click({160.0f, y});
        if (!change.joint) continue;
        if (hits.empty() || hits.back().first != change.joint->coordinate) hits.emplace_back(change.joint->coordinate, change.joint->degrees);
        if (change.joint->coordinate == JointCoordinate::RightHipFlexion && !hipY) hipY = y;
    }
    ASSERT_EQ(hits.size(), jointCoordinates().size());
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const JointCoordinateInfo& info = jointCoordinates()[i];
        EXPECT_EQ(hits[i].first, info.id) << info.key;
        EXPECT_GE(hits[i].second, info.minDegrees);
        EXPECT_LE(hits[i].second, info.maxDegrees);
    }
    ASSERT_TRUE(hipY);

    // Ctrl+click opens the text field; 150 typed is asked for as typed: the motion holds it at the
    // range's 120 and the status line says so (MotionState, heldAngleNotice), not the slider alone.
    panel.click({160.0f, *hipY}, true);
    ImGui::GetIO().AddInputCharacter('1');
    ImGui::GetIO().AddInputCharacter('5');
    ImGui::GetIO().AddInputCharacter('0');
    panel.frame({160.0f, *hipY}, false);
    const MotionChange typed = panel.frame({160.0f, *hipY}, false, false, true);
    ASSERT_TRUE(typed.joint);
    EXPECT_EQ(typed.joint->coordinate, JointCoordinate::RightHipFlexion);
    EXPECT_FLOAT_EQ(typed.joint->degrees, 150.0f);
    panel.frame({160.0f, *hipY}, false);

    // A double-click opens it too (ImGui 1.86 sliders know only Ctrl+click).
    for (int frame = 0; frame < 30; ++frame) panel.frame({160.0f, *hipY}, false);  // no double-click with the one before
    const MotionChange firstClick = panel.click({160.0f, *hipY});
    const MotionChange secondClick = panel.click({160.0f, *hipY});
    // The first click moved the joint to the pointer; the double-click puts back the angle from
    // before it (45, the view's) for the field to start from (tester, session 11: a double-click
    // left the hip wherever the pointer was).
    ASSERT_TRUE(firstClick.joint && secondClick.joint);
    EXPECT_GT(std::abs(firstClick.joint->degrees - 45.0f), 5.0f);
    EXPECT_FLOAT_EQ(secondClick.joint->degrees, 45.0f);
    panel.frame({160.0f, *hipY}, false);
    ImGui::GetIO().AddInputCharacter('9');
    ImGui::GetIO().AddInputCharacter('0');
    panel.frame({160.0f, *hipY}, false);
    const MotionChange doubleClicked = panel.frame({160.0f, *hipY}, false, false, true);
    ASSERT_TRUE(doubleClicked.joint);
    EXPECT_FLOAT_EQ(doubleClicked.joint->degrees, 90.0f);
    panel.frame({160.0f, *hipY}, false);

    // The right hip's reset (changed from the step) and "Reset all joints".
    std::optional<JointCoordinate> reset;
    bool resetAll = false;
    for (float y = 2.0f; y < 700.0f; y += 4.0f)
        for (float x : {385.0f, 30.0f}) {
            const MotionChange change = panel.click({x, y});
            if (change.resetJoint) reset = change.resetJoint;
            resetAll = resetAll || change.resetJoints;
        }
    EXPECT_EQ(reset, JointCoordinate::RightHipFlexion);  // the others are what the step set: disabled
    EXPECT_TRUE(resetAll);
}

// Tester, session 13: "abc" typed into a joint's field did nothing and said nothing (ImGui's number
// field drops letters). Once a character is dropped, a line under the field says what it takes;
// a number typed after it still sets the joint, the line goes when the field closes and the
// status line says what became of the angle.
TEST(JointControlsPanel, letters_typed_into_an_angle_get_a_line_saying_what_the_field_takes) {
    NullBackend imgui;
    ui::JointControlsView view;
    JointControlsHarness panel(view);
    panel.frame({-1.0f, -1.0f}, false);
    std::optional<float> hipY;
    for (float y = 2.0f; y < 700.0f && !hipY; y += 4.0f) {
        const MotionChange change = panel.click({160.0f, y});
        if (change.joint && change.joint->coordinate == JointCoordinate::RightHipFlexion) hipY = y;
    }
    ASSERT_TRUE(hipY);
    auto contentHeight = [] { return windowNamed("joints")->ContentSize.y; };
    panel.click({160.0f, *hipY}, true);  // the text field
    panel.frame({160.0f, *hipY}, false);
    const float plain = contentHeight();
    ImGui::GetIO().AddInputCharacter('4');
    panel.frame({160.0f, *hipY}, false);
    panel.frame({160.0f, *hipY}, false);
    EXPECT_EQ(contentHeight(), plain) << "digits are taken without a word";
    for (const char c : {'a', 'b', 'c'}) ImGui::GetIO().AddInputCharacter(static_cast<unsigned int>(c));
    panel.frame({160.0f, *hipY}, false);
    panel.frame({160.0f, *hipY}, false);
    EXPECT_GT(contentHeight(), plain + ImGui::GetTextLineHeight() * 0.9f) << "a line under the field";
    ImGui::GetIO().AddInputCharacter('5');
    panel.frame({160.0f, *hipY}, false);
    const MotionChange typed = panel.frame({160.0f, *hipY}, false, false, true);
    ASSERT_TRUE(typed.joint);
    EXPECT_FLOAT_EQ(typed.joint->degrees, 45.0f);
    // Closed: the status line says the letters were left out and what the angle became (tester,
    // session 14: after Enter nothing on screen said so).
    EXPECT_NE(panel.notice().find("letters were left out; read as 45"), std::string::npos) << panel.notice();
    panel.frame({160.0f, *hipY}, false);
    EXPECT_EQ(panel.notice(), "") << "said once";
    panel.frame({160.0f, *hipY}, false);
    EXPECT_EQ(contentHeight(), plain) << "gone when the field closes";

    // A decimal comma is the point it means: "45,5" is 45.5 degrees, not 455 (tester, session 14).
    panel.click({160.0f, *hipY}, true);
    panel.frame({160.0f, *hipY}, false);
    for (const char c : {'4', '5', ',', '5'}) ImGui::GetIO().AddInputCharacter(static_cast<unsigned int>(c));
    panel.frame({160.0f, *hipY}, false);
    const MotionChange comma = panel.frame({160.0f, *hipY}, false, false, true);
    ASSERT_TRUE(comma.joint);
    EXPECT_FLOAT_EQ(comma.joint->degrees, 45.5f);
    EXPECT_EQ(panel.notice(), "") << "nothing was left out";
}

// Tester, session 11: on a step whose pose flexes the hip, "Reset all joints" (back to the step's
// angles) was greyed and a teacher building a standing step next could not get back to standing.
// "All to standing" chooses the library's neutral standing pose, and is greyed only at 0 degrees.
TEST(JointControlsPanel, all_to_standing_chooses_the_neutral_pose_whatever_the_step_set) {
    NullBackend imgui;
    auto pressed = [](ui::JointControlsView view) {
        JointControlsHarness panel(view);
        panel.frame({-1.0f, -1.0f}, false);
        std::optional<int> pose;
        // Down the window at x = 180: the button beside "Reset all joints" (ImGui's default font).
        for (float y = 2.0f; y < 700.0f && !pose; y += 4.0f) {
            if (const MotionChange change = panel.click({180.0f, y}); change.pose) pose = change.pose;
            for (int frame = 0; frame < 20; ++frame) panel.frame({-1.0f, -1.0f}, false);  // no double-clicks
        }
        return pose;
    };
    ui::JointControlsView view;
    view.angles.hipRight.flexion = 44.0f;
    view.stepAngles = view.angles;  // what the step set: its resets are greyed
    view.standingPose = 3;
    EXPECT_EQ(pressed(view), 3);
    view.angles = view.stepAngles = Pose{};
    EXPECT_EQ(pressed(view), std::nullopt);  // standing already
}

// Tester, session 6: a 2-px drag on the 90/90 pose's 60 degree abduction slider set it to 45, the
// slider's end. With the range the session gives (widened to 60), the slider's far right is 60.
// Session 10: "41°" was drawn under the hip's handle when the handle sat mid-range. In the drawn
// frame no glyph of any slider's value lies on its handle, and each value is drawn on its row.
TEST(JointControlsPanel, each_value_is_drawn_beside_its_handle_not_under_it) {
    NullBackend imgui;
    for (const float flexion : {45.0f, 44.0f, -30.0f, 120.0f}) {  // 45: the middle of -30..120
        ui::JointControlsView view;
        view.angles.hipRight.flexion = flexion;
        view.angles.lumbarExtension = -20.0f;  // the middle of -65..26
        JointControlsHarness panel(view);
        panel.frame({-1.0f, -1.0f}, false);
        const ImU32 grabColour = ImGui::GetColorU32(ImGuiCol_SliderGrab), textColour = ImGui::GetColorU32(ImGuiCol_Text);
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        struct Box { ImVec2 min, max; };
        std::vector<Box> grabs, glyphs;
        const ImDrawData* data = ImGui::GetDrawData();
        ASSERT_NE(data, nullptr);
        for (int list = 0; list < data->CmdListsCount; ++list) {
            const ImVector<ImDrawVert>& v = data->CmdLists[list]->VtxBuffer;
            for (int i = 0; i + 3 < v.Size; ) {
                const bool grab = v[i].col == grabColour && v[i + 3].col == grabColour;
                const bool glyph = v[i].col == textColour && v[i + 3].col == textColour && (v[i].uv.x != white.x || v[i].uv.y != white.y);
                if (!grab && !glyph) { ++i; continue; }
                Box box{{v[i].pos.x, v[i].pos.y}, {v[i].pos.x, v[i].pos.y}};
                for (int k = 1; k < 4; ++k) {
                    box.min = {std::min(box.min.x, v[i + k].pos.x), std::min(box.min.y, v[i + k].pos.y)};
                    box.max = {std::max(box.max.x, v[i + k].pos.x), std::max(box.max.y, v[i + k].pos.y)};
                }
                (grab ? grabs : glyphs).push_back(box);
                i += 4;
            }
        }
        ASSERT_EQ(grabs.size(), jointCoordinates().size()) << "one handle a slider";
        for (const Box& grab : grabs) {
            int onRow = 0;
            for (const Box& glyph : glyphs) {
                if (glyph.max.y <= grab.min.y || glyph.min.y >= grab.max.y) continue;  // another row
                ++onRow;
                EXPECT_TRUE(glyph.max.x <= grab.min.x + 0.5f || glyph.min.x >= grab.max.x - 0.5f)
                    << "a glyph at x " << glyph.min.x << ".." << glyph.max.x << " lies on the handle at " << grab.min.x << ".."
                    << grab.max.x << " (hip flexion " << flexion << ")";
            }
            EXPECT_GE(onRow, 2) << "the value (a digit and the degree sign) is drawn on the handle's row";
        }
    }
}

TEST(JointControlsPanel, a_slider_over_a_widened_range_reaches_the_poses_own_angle) {
    NullBackend imgui;
    ui::JointControlsView view;
    view.angles.hipLeft.abduction = 60.0f;
    view.stepAngles = view.angles;
    for (std::size_t i = 0; i < jointCoordinates().size(); ++i) {
        const JointCoordinateInfo& info = jointCoordinates()[i];
        view.ranges[i] = rangeIncluding(info.id, coordinateValue(view.angles, info.id));
    }
    JointControlsHarness panel(view);
    panel.frame({-1.0f, -1.0f}, false);
    // The left hip abduction slider: the first row whose click returns that coordinate.
    std::optional<float> atRightEnd;
    for (float y = 2.0f; y < 700.0f && !atRightEnd; y += 4.0f) {
        const MotionChange change = panel.click({300.0f, y});
        if (change.joint && change.joint->coordinate == JointCoordinate::LeftHipAbduction) atRightEnd = change.joint->degrees;
    }
    ASSERT_TRUE(atRightEnd);
    EXPECT_GT(*atRightEnd, 45.0f) << "the slider goes past the normal range's end, to the pose's 60";
    EXPECT_LE(*atRightEnd, 60.0f);
}

// Tester E, session 14: at 200 % text the Lesson tab's "Close" was cut in half by the panel's
// scroll bar. A row of buttons wraps: every button lies whole inside the panel, on one line when
// the panel is wide enough for all.
TEST(ButtonRow, buttons_wrap_to_the_next_line_before_the_scroll_bar_cuts_one) {
    NullBackend imgui;
    const char* labels[] = {"< Previous", "Next >", "Restart", "Close"};
    for (const float width : {140.0f, 260.0f, 600.0f}) {
        std::vector<ImRect> rects;
        float insideRight = 0.0f;
        for (int frame = 0; frame < 2; ++frame) {
            rects.clear();
            ImGui::GetIO().DisplaySize = {800.0f, 600.0f};
            ImGui::NewFrame();
            ImGui::SetNextWindowPos({0.0f, 0.0f});
            ImGui::SetNextWindowSize({width, 300.0f});
            ImGui::Begin("row", nullptr, ImGuiWindowFlags_AlwaysVerticalScrollbar);
            for (const char* label : labels) {
                if (!rects.empty()) ui::nextInRow(label);
                ImGui::Button(label);
                rects.emplace_back(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            }
            insideRight = ImGui::GetCurrentWindow()->InnerClipRect.Max.x;
            ImGui::End();
            ImGui::Render();
        }
        for (const ImRect& rect : rects) EXPECT_LE(rect.Max.x, insideRight + 0.5f) << width;
        const bool oneLine = std::all_of(rects.begin(), rects.end(), [&](const ImRect& r) { return r.Min.y == rects.front().Min.y; });
        EXPECT_EQ(oneLine, width >= 600.0f) << width;
    }
}

// Tester E, session 14: a joint slider's tooltip, at the pointer, hid the slider's value and its
// Reset button. The tooltip sits beside the panel, level with the item; a panel as wide as the
// screen has it above the item (under it near the screen's top), never over it.
TEST(ItemTooltip, a_tooltip_keeps_off_the_item_it_explains_and_its_panel) {
    NullBackend imgui;
    for (const float panelWidth : {400.0f, 800.0f})
        for (const float y : {40.0f, 400.0f}) {
            ImRect item, panel;
            for (int frame = 0; frame < 3; ++frame) {
                ImGuiIO& io = ImGui::GetIO();
                io.DisplaySize = {800.0f, 600.0f};
                io.MousePos = {60.0f, y + 8.0f};
                ImGui::NewFrame();
                ImGui::SetNextWindowPos({0.0f, 0.0f});
                ImGui::SetNextWindowSize({panelWidth, 600.0f});
                ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoTitleBar);
                ImGui::SetCursorScreenPos({20.0f, y});
                ImGui::Button("A slider's place", {300.0f, 0.0f});
                item = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
                panel = ImGui::GetCurrentWindow()->Rect();
                ui::itemTooltip("Help that would cover the slider's value and its Reset if it sat at the pointer");
                ImGui::End();
                ImGui::Render();
            }
            const ImGuiWindow* tooltip = windowNamed("Tooltip");
            ASSERT_NE(tooltip, nullptr) << y;
            ASSERT_TRUE(tooltip->Active) << y;
            const ImRect shown = tooltip->Rect();
            EXPECT_FALSE(shown.Overlaps(item)) << panelWidth << " at y " << y;
            if (panelWidth < 800.0f) {
                EXPECT_FALSE(shown.Overlaps(panel)) << "at y " << y;
                EXPECT_NEAR(shown.Min.y, item.Min.y, 0.5f) << "level with the item, at y " << y;
            } else {
                EXPECT_EQ(shown.Max.y <= item.Min.y, y > 200.0f) << "above unless near the top, at y " << y;
            }
        }
}

}  // namespace
}  // namespace psoas
