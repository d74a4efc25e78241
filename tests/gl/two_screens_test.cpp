// Presenter mode on two screens (issue 14) in a real window: the class's window opens beside the
// teacher's (Xvfb has one screen, so this is the windowed fallback; full screen on a second
// monitor is core placeAudience's choice, tested on the CPU), shows the model without the side
// panel while the teacher's keeps it, turns pages from its own keys, and closes cleanly.
// With PSOAS_SCREENS_OUT set, both pictures are written there as PNG files to look at.

#include "app/application.hpp"
#include "app/image_file.hpp"
#include "gl/gl_test_context.hpp"
#include "support/test_paths.hpp"

#include <glad/gl.h>  // before GLFW, which would bring the system gl.h
#include <GLFW/glfw3.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace psoas {
namespace {

// One pass of the frame loop without waiting for events: both windows drawn, then the swap.
void frame(app::Application& application) {
    glfwPollEvents();
    const app::Window& window = *application.window();
    application.drawWindowFrame(window.windowSize(), window.framebufferSize());
}

// The teacher's window as the frame just drew it (before the swap), top row first.
Image teacherPicture(const app::Application& application) {
    const glm::ivec2 size = application.window()->framebufferSize();
    Image image{size.x, size.y, std::vector<std::uint8_t>(static_cast<std::size_t>(size.x) * size.y * 4)};
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, size.x, size.y, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    const std::size_t row = static_cast<std::size_t>(size.x) * 4;
    for (int y = 0; y < size.y / 2; ++y)
        std::swap_ranges(image.rgba.begin() + static_cast<std::ptrdiff_t>(y * row), image.rgba.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                         image.rgba.begin() + static_cast<std::ptrdiff_t>((size.y - 1 - y) * row));
    return image;
}

// The share of pixels in columns [x0, x1) (fractions of the width) that are the muscles' pink-red
// (red well above green, green near blue): not the dark background, the grey panels, the white
// text, nor the amber of the panel's check box and headings.
float modelShare(const Image& image, float x0, float x1) {
    long model = 0, all = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = static_cast<int>(x0 * image.width); x < static_cast<int>(x1 * image.width); ++x) {
            const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
            model += (p[0] > 150 && p[0] > p[1] + 50 && std::abs(p[1] - p[2]) < 45) ? 1 : 0;
            ++all;
        }
    return all > 0 ? static_cast<float>(model) / static_cast<float>(all) : 0.0f;
}

bool allBlack(const Image& image) {
    for (std::size_t i = 0; i < image.rgba.size(); i += 4)
        if (image.rgba[i] != 0 || image.rgba[i + 1] != 0 || image.rgba[i + 2] != 0) return false;
    return true;
}

void keep(const Image& image, const char* name) {
    if (const char* folder = std::getenv("PSOAS_SCREENS_OUT")) app::writePng(image, std::filesystem::path(folder) / name);
}

TEST(TwoScreens, the_class_window_shows_the_model_without_the_panel_and_the_teachers_keeps_it) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    auto application = test::openViewerWindow(960, 600);
    frame(*application);
    application->apply(act::SetPresenter{true, true});
    for (int i = 0; i < 4; ++i) frame(*application);
    ASSERT_NE(application->audienceWindow(), nullptr);
    EXPECT_FALSE(application->window()->fullscreen());          // the laptop keeps its window
    EXPECT_FALSE(application->audienceWindow()->fullscreen());  // Xvfb's one screen: a window to drag
    application->apply(act::FinishTransitions{});
    frame(*application);
    const Image teacher = teacherPicture(*application);
    const std::optional<Image> audience = application->audiencePicture();
    ASSERT_TRUE(audience);
    EXPECT_EQ(glm::ivec2(audience->width, audience->height), application->audienceWindow()->framebufferSize());
    keep(teacher, "teacher.png");
    keep(*audience, "audience.png");
    // The teacher's side panel (330 of 960 px) hides the model on the left; the class's window has
    // no panel, and the model where the panel would be (its caption is on the right).
    const float panelShare = 330.0f / 960.0f;
    EXPECT_LT(modelShare(teacher, 0.0f, panelShare), 0.002f);
    EXPECT_GT(modelShare(teacher, panelShare, 1.0f), 0.02f);
    EXPECT_GT(modelShare(*audience, 0.0f, panelShare), 0.02f);
    EXPECT_LT(modelShare(*audience, 0.7f, 1.0f), 0.002f);  // the caption column, beside the model

    // B: the class's screen goes black; the teacher's keeps the model and the panel.
    application->onAudienceKey(GLFW_KEY_B, GLFW_PRESS, 0);
    frame(*application);
    frame(*application);  // the notice that says so measures itself in its first frame
    const Image blankTeacher = teacherPicture(*application);
    const Image blankAudience = *application->audiencePicture();
    keep(blankTeacher, "teacher-blank.png");
    EXPECT_TRUE(allBlack(blankAudience));
    EXPECT_GT(modelShare(blankTeacher, panelShare, 1.0f), 0.02f);
    test::expectNoGlErrors();
}

TEST(TwoScreens, keys_in_the_class_window_turn_pages_and_esc_or_closing_it_returns_to_one_window) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    auto application = test::openViewerWindow(960, 600);
    frame(*application);
    application->onKey(GLFW_KEY_F6, GLFW_PRESS, 0);
    frame(*application);
    ASSERT_NE(application->audienceWindow(), nullptr);
    EXPECT_TRUE(application->session().presenter());
    const int step = application->lessonPlayer().stepIndex();
    application->onAudienceKey(GLFW_KEY_PAGE_DOWN, GLFW_PRESS, 0);  // the clicker, plugged into the class's side
    EXPECT_EQ(application->lessonPlayer().stepIndex(), step + 1);
    application->onAudienceKey(GLFW_KEY_ESCAPE, GLFW_PRESS, 0);
    frame(*application);
    EXPECT_EQ(application->audienceWindow(), nullptr);
    EXPECT_FALSE(application->session().presenter());
    EXPECT_FALSE(application->window()->fullscreen());

    // Its close button: back to one window.
    application->onKey(GLFW_KEY_F6, GLFW_PRESS, 0);
    frame(*application);
    ASSERT_NE(application->audienceWindow(), nullptr);
    glfwSetWindowShouldClose(application->audienceWindow()->handle(), GLFW_TRUE);
    frame(*application);
    EXPECT_EQ(application->audienceWindow(), nullptr);
    EXPECT_FALSE(application->session().presenter());

    // F6 again opens it, F6 once more closes it; a monitor that goes away meanwhile breaks nothing.
    application->onKey(GLFW_KEY_F6, GLFW_PRESS, 0);
    frame(*application);
    ASSERT_NE(application->audienceWindow(), nullptr);
    // F11 in the class's window (dragged to the projector by hand) makes that window full screen.
    application->onAudienceKey(GLFW_KEY_F11, GLFW_PRESS, 0);
    EXPECT_TRUE(application->audienceWindow()->fullscreen());
    EXPECT_FALSE(application->window()->fullscreen());
    frame(*application);
    application->onMonitorDisconnected(glfwGetPrimaryMonitor());
    EXPECT_FALSE(application->audienceWindow()->fullscreen());  // its monitor went away: a window again
    frame(*application);
    application->onKey(GLFW_KEY_F6, GLFW_PRESS, 0);
    frame(*application);
    EXPECT_EQ(application->audienceWindow(), nullptr);
    frame(*application);
    test::expectNoGlErrors();
}

// The keys are the teacher's business (fresh tester, session 9): on two screens neither the key
// strip of presenter mode nor the key list (H) goes on the class's screen; H still shows the list
// on the teacher's.
TEST(TwoScreens, the_key_list_and_key_strip_stay_off_the_class_screen) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    auto application = test::openViewerWindow(960, 600);
    frame(*application);
    application->apply(act::SetPresenter{true, true});
    if (application->session().autoRotate()) application->apply(act::ToggleAutoRotate{});  // a still picture to compare
    application->apply(act::FinishTransitions{});
    for (int i = 0; i < 4; ++i) frame(*application);
    ASSERT_NE(application->audienceWindow(), nullptr);
    const Image teacherBefore = teacherPicture(*application);
    const Image audienceBefore = *application->audiencePicture();
    application->onAudienceKey(GLFW_KEY_H, GLFW_PRESS, 0);
    frame(*application);
    frame(*application);
    ASSERT_TRUE(application->session().showHelp());
    EXPECT_EQ(application->audiencePicture()->rgba, audienceBefore.rgba) << "the class's screen is as before H (no key list, no key strip)";
    EXPECT_NE(teacherPicture(*application).rgba, teacherBefore.rgba) << "the teacher's window shows the key list";
    test::expectNoGlErrors();
}

// Fresh tester, session 9: on a 1366x768 laptop without a projector, F6 opened the class's window
// over the right half of the teacher's model, and nothing said why. Xvfb's one screen (1920x1080)
// with a teacher's window too wide for one beside it: the class's window goes to a corner off the
// 3D view's middle, and the status line says no second screen is connected.
TEST(TwoScreens, on_one_screen_without_room_beside_the_class_window_keeps_off_the_model_and_says_why) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    auto application = test::openViewerWindow(1700, 900);
    glfwSetWindowPos(application->window()->handle(), 0, 0);
    frame(*application);
    application->onKey(GLFW_KEY_F6, GLFW_PRESS, 0);
    for (int i = 0; i < 3; ++i) frame(*application);
    ASSERT_NE(application->audienceWindow(), nullptr);
    EXPECT_FALSE(application->audienceWindow()->fullscreen());
    const ScreenRect teacher = application->window()->placement();
    const ScreenRect audience = application->audienceWindow()->placement();
    const ViewRect view = application->layout().scene;
    const float middleLeft = static_cast<float>(teacher.x) + view.origin.x + view.size.x * 0.25f;
    const float middleRight = middleLeft + view.size.x * 0.5f;
    EXPECT_TRUE(static_cast<float>(audience.x + audience.width) <= middleLeft || static_cast<float>(audience.x) >= middleRight)
        << "the class's window (x " << audience.x << ", " << audience.width << " wide) lies over the model's part of the view ("
        << middleLeft << " to " << middleRight << ")";
    EXPECT_GE(audience.width, kAudienceMinWidth);
    EXPECT_NE(application->status().find("No second screen is connected"), std::string::npos) << application->status();
    test::expectNoGlErrors();
}

// F6 pressed before the projector's cable: when the projector is connected, the class's window
// goes full screen on it; a monitor that holds the teacher's window is left alone. Xvfb cannot plug
// a monitor in: its one monitor stands in, first under the teacher's window, then with it moved off.
TEST(TwoScreens, a_projector_connected_after_f6_takes_the_class_window_full_screen) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    auto application = test::openViewerWindow(960, 600);
    frame(*application);
    application->onKey(GLFW_KEY_F6, GLFW_PRESS, 0);
    for (int i = 0; i < 3; ++i) frame(*application);
    ASSERT_NE(application->audienceWindow(), nullptr);
    ASSERT_FALSE(application->audienceWindow()->fullscreen());
    application->onMonitorConnected(glfwGetPrimaryMonitor());
    EXPECT_FALSE(application->audienceWindow()->fullscreen()) << "not on the monitor the teacher's window is on";
    glfwSetWindowPos(application->window()->handle(), -3000, 0);
    application->onMonitorConnected(glfwGetPrimaryMonitor());
    EXPECT_TRUE(application->audienceWindow()->fullscreen());
    EXPECT_FALSE(application->window()->fullscreen());
    EXPECT_NE(application->status().find("A second screen was connected"), std::string::npos) << application->status();
    frame(*application);
    application->onKey(GLFW_KEY_ESCAPE, GLFW_PRESS, 0);
    frame(*application);
    EXPECT_EQ(application->audienceWindow(), nullptr);
    test::expectNoGlErrors();
}

// Fresh tester, session 9: on a fresh profile, after Esc ended two screens, the first-visit hint
// ("Left-drag turns the model…") came up on the teacher's window in the middle of the class.
TEST(TwoScreens, leaving_two_screens_does_not_bring_up_the_first_visit_hint) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    setenv("XDG_CONFIG_HOME", test::temporaryDirectory().c_str(), 1);  // a fresh profile
    app::Options options;
    options.glDebug = true;
    options.width = 960;
    options.height = 600;
    options.sizeGiven = true;
    app::Application application(options);  // no lesson asked for: the hint's first run
    application.startWindow();
    test::beginGlErrorWatch();
    auto hintShown = [] {
        const ImGuiWindow* hint = ImGui::FindWindowByName("##first-run");
        return hint && hint->Active;
    };
    for (int i = 0; i < 3; ++i) frame(application);
    ASSERT_TRUE(hintShown()) << "a fresh profile shows the hint";
    application.onKey(GLFW_KEY_F6, GLFW_PRESS, 0);
    for (int i = 0; i < 3; ++i) frame(application);
    ASSERT_NE(application.audienceWindow(), nullptr);
    application.onKey(GLFW_KEY_ESCAPE, GLFW_PRESS, 0);
    for (int i = 0; i < 3; ++i) frame(application);
    ASSERT_EQ(application.audienceWindow(), nullptr);
    EXPECT_FALSE(hintShown()) << "the first-visit hint came up after two screens ended";
    test::expectNoGlErrors();
}

}  // namespace
}  // namespace psoas
