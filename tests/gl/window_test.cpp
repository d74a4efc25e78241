// The interactive window under what a classroom does to it: minimised for a long time, resized
// wildly, losing focus with a button held, the projector it was full screen on unplugged. Each
// test drives the program's own frame loop (Application::windowFrame) in a visible window on a
// debug context and fails on any GL error. Xvfb has no window manager to minimise a window and
// cannot unplug a monitor, so those two cases call the entry points GLFW would call.

#include "app/application.hpp"
#include "support/slide_format_print.hpp"
#include "gl/gl_test_context.hpp"
#include "support/test_paths.hpp"

#include <glad/gl.h>  // before GLFW, which would bring the system gl.h
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <random>

namespace psoas {
namespace {

// The frame just drawn filled a framebuffer of `size`: ImGui's picture has that size, and the 3D
// view (drawn first; ImGui puts its viewport back) reaches the top and right edges.
testing::AssertionResult drawnAt(glm::ivec2 size) {
    const ImDrawData* data = ImGui::GetDrawData();
    const glm::ivec2 ui{static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x),
                        static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y)};
    glm::ivec4 view;
    glGetIntegerv(GL_VIEWPORT, &view.x);
    // 1 pixel of rounding: a 1-pixel window splits into half a pixel of panel and half of view.
    if (ui == size && view.y == 0 && view.w == size.y && std::abs(view.x + view.z - size.x) <= 1)
        return testing::AssertionSuccess();
    return testing::AssertionFailure() << "framebuffer " << size.x << "x" << size.y << ", UI drawn at " << ui.x << "x" << ui.y
                                       << ", 3D viewport " << view.x << "," << view.y << " " << view.z << "x" << view.w;
}

bool finite(const CameraPose& pose) {
    return std::isfinite(pose.yawDegrees) && std::isfinite(pose.pitchDegrees) && std::isfinite(pose.distance) &&
           std::isfinite(pose.target.x) && std::isfinite(pose.target.y) && std::isfinite(pose.target.z);
}

// Frames until the window reports `size` (X applies a resize asynchronously), at most a second's worth.
void frameUntilSize(app::Application& application, glm::ivec2 size) {
    for (int i = 0; i < 20 && application.window()->framebufferSize() != size; ++i) application.windowFrame();
    application.windowFrame();
}

TEST(Window, minimised_for_many_frames_draws_nothing_and_comes_back_at_its_size) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    auto application = test::openViewerWindow();
    application->windowFrame();
    for (int frame = 0; frame < 500; ++frame) application->drawWindowFrame({0.0f, 0.0f}, {0, 0});
    for (int frame = 0; frame < 20; ++frame) application->drawWindowFrame({800.0f, 0.0f}, {800, 0});
    EXPECT_TRUE(finite(application->camera().pose));
    application->windowFrame();  // restored
    EXPECT_TRUE(drawnAt({800, 600}));
    EXPECT_TRUE(finite(application->camera().pose));
    test::expectNoGlErrors();
}

TEST(Window, two_hundred_random_sizes_each_draw_a_frame_at_that_size) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    auto application = test::openViewerWindow(640, 480);
    std::mt19937 random(8);
    std::uniform_int_distribution<int> side(1, 1600);
    std::vector<glm::ivec2> sizes = {{1, 1}, {4000, 40}, {40, 3000}, {1, 900}, {1500, 1}};
    while (sizes.size() < 200) sizes.push_back({side(random), side(random)});
    GLFWwindow* window = application->window()->handle();
    for (const glm::ivec2& size : sizes) {
        glfwSetWindowSize(window, size.x, size.y);
        application->windowFrame();
        const glm::ivec2 now = application->window()->framebufferSize();
        ASSERT_TRUE(drawnAt(now)) << "asked for " << size.x << "x" << size.y;
        ASSERT_TRUE(finite(application->camera().pose)) << size.x << "x" << size.y;
    }
    glfwSetWindowSize(window, 640, 480);
    frameUntilSize(*application, {640, 480});
    EXPECT_TRUE(drawnAt({640, 480}));
    test::expectNoGlErrors();
}

// GLFW, on losing focus, calls the focus callback and then reports every key and button that was
// down as released. Here the same calls go through the callbacks installed on the window (ImGui's,
// which pass on to the program's), in that order.
TEST(Window, a_button_held_while_focus_is_lost_is_not_a_click_and_no_key_stays_down) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    auto application = test::openViewerWindow();
    application->windowFrame();
    GLFWwindow* window = application->window()->handle();
    const auto focusCallback = glfwSetWindowFocusCallback(window, nullptr);
    glfwSetWindowFocusCallback(window, focusCallback);
    const auto buttonCallback = glfwSetMouseButtonCallback(window, nullptr);
    glfwSetMouseButtonCallback(window, buttonCallback);
    const auto keyCallback = glfwSetKeyCallback(window, nullptr);
    glfwSetKeyCallback(window, keyCallback);
    ASSERT_NE(focusCallback, nullptr);

    // Find a point on the model: a plain click there selects a structure.
    const auto pointAt = [&](glm::dvec2 p) {
        glfwSetCursorPos(window, p.x, p.y);  // the real pointer, so ImGui knows it is over the 3D view
        application->onCursorMoved(p.x, p.y);
        application->windowFrame();
    };
    std::optional<glm::dvec2> onModel;
    for (int row = 0; row < 5 && !onModel; ++row)
        for (int column = 0; column < 5 && !onModel; ++column) {
            const glm::dvec2 p{420.0 + 80.0 * column, 100.0 + 100.0 * row};
            pointAt(p);
            buttonCallback(window, GLFW_MOUSE_BUTTON_LEFT, GLFW_PRESS, 0);
            buttonCallback(window, GLFW_MOUSE_BUTTON_LEFT, GLFW_RELEASE, 0);
            if (application->selectedStructure() >= 0) onModel = p;
        }
    ASSERT_TRUE(onModel.has_value()) << "no click in the 3D view selected anything";
    application->onKey(GLFW_KEY_ESCAPE, GLFW_PRESS, 0);
    ASSERT_EQ(application->selectedStructure(), -1);

    keyCallback(window, GLFW_KEY_LEFT_SHIFT, 0, GLFW_PRESS, GLFW_MOD_SHIFT);
    pointAt(*onModel);
    buttonCallback(window, GLFW_MOUSE_BUTTON_LEFT, GLFW_PRESS, 0);
    focusCallback(window, GLFW_FALSE);  // alt-tab with the button and Shift still down
    buttonCallback(window, GLFW_MOUSE_BUTTON_LEFT, GLFW_RELEASE, 0);
    keyCallback(window, GLFW_KEY_LEFT_SHIFT, 0, GLFW_RELEASE, 0);
    application->windowFrame();
    EXPECT_EQ(application->selectedStructure(), -1) << "the release GLFW reports on focus loss counted as a click";
    EXPECT_FALSE(ImGui::GetIO().KeyShift);
    EXPECT_FALSE(ImGui::GetIO().KeysDown[GLFW_KEY_LEFT_SHIFT]);
    focusCallback(window, GLFW_TRUE);
    application->windowFrame();
    test::expectNoGlErrors();
}

TEST(Window, the_fullscreen_monitor_disconnected_leaves_a_window_at_its_earlier_size) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    auto application = test::openViewerWindow(800, 600);
    application->windowFrame();
    application->onKey(GLFW_KEY_F11, GLFW_PRESS, 0);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    ASSERT_TRUE(application->window()->fullscreen());
    frameUntilSize(*application, {mode->width, mode->height});
    ASSERT_TRUE(drawnAt({mode->width, mode->height}));

    // The callback GLFW calls for a disconnected monitor: the one installed last must be ours.
    const auto monitorCallback = glfwSetMonitorCallback(nullptr);
    glfwSetMonitorCallback(monitorCallback);
    ASSERT_NE(monitorCallback, nullptr);
    monitorCallback(monitor, GLFW_DISCONNECTED);
    EXPECT_FALSE(application->window()->fullscreen());
    EXPECT_EQ(application->status(), "A screen was disconnected; the window moved to one that is still there (F11: full screen)");
    frameUntilSize(*application, {800, 600});
    EXPECT_EQ(application->window()->framebufferSize(), glm::ivec2(800, 600));
    EXPECT_TRUE(drawnAt({800, 600}));
    // A second report of the same monitor, or of one the window was never on, changes nothing.
    application->onMonitorDisconnected(monitor);
    EXPECT_EQ(application->window()->framebufferSize(), glm::ivec2(800, 600));
    test::expectNoGlErrors();
}

TEST(Window, a_saved_place_off_every_screen_opens_on_one) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    const auto config = test::temporaryDirectory();
    setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    std::filesystem::create_directories(config / "psoas-atlas");
    std::ofstream(config / "psoas-atlas" / "settings.toml")
        << "window_x = 5000\nwindow_y = 3000\nwindow_width = 800\nwindow_height = 600\n";  // beside a projector not on this desk
    app::Options options;
    options.glDebug = true;
    app::Application application(options);
    application.startWindow();
    int x = 0, y = 0;
    glfwGetWindowPos(application.window()->handle(), &x, &y);
    const GLFWvidmode* mode = glfwGetVideoMode(glfwGetPrimaryMonitor());
    EXPECT_LT(x, mode->width);
    EXPECT_LT(y, mode->height);
    EXPECT_GE(x, 0);
    EXPECT_GE(y, 0);
}

// The window open on "Meet the psoas" (with the settings in $XDG_CONFIG_HOME), three frames drawn.
std::unique_ptr<app::Application> windowOnALesson() {
    app::Options options;
    options.glDebug = true;
    options.lesson = "meet-the-psoas";
    auto application = std::make_unique<app::Application>(options);
    application->startWindow();
    for (int i = 0; i < 3; ++i) application->windowFrame();
    return application;
}

// Regression: every panel is placed by the program (NoSavedSettings), yet an imgui.ini was written
// on every exit and read on every start, keeping nothing. The config folder holds the settings only.
TEST(Window, closing_the_window_keeps_only_the_settings_file) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    const auto config = test::temporaryDirectory();
    setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    const auto application = windowOnALesson();
    application->finishWindow();
    std::vector<std::string> kept;
    for (const auto& entry : std::filesystem::directory_iterator(config / "psoas-atlas")) kept.push_back(entry.path().filename());
    EXPECT_EQ(kept, std::vector<std::string>{"settings.toml"});
}


// Issue 14: the export's choice is remembered between sessions and apart from the screenshot
// background. The saved 1920x1080 white opens the dialog (Ctrl+E) at that choice; Up picks
// 1280x720, Enter exports at that size, and the settings file keeps it for the next class.
// Keys reach ImGui as its GLFW backend gives them (io.KeysDown by GLFW code) and the viewer
// through onKey, as a real key press does.
TEST(Window, the_export_choice_opens_at_the_saved_one_and_a_confirmed_one_is_saved) {
    if (!test::haveDisplay()) return test::noContext("DISPLAY is not set");
    const auto config = test::temporaryDirectory();
    const auto pictures = test::temporaryDirectory();
    setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    setenv("XDG_PICTURES_DIR", pictures.c_str(), 1);
    std::filesystem::create_directories(config / "psoas-atlas");
    std::ofstream(config / "psoas-atlas" / "settings.toml")
        << "screenshot_background = \"transparent\"\nexport_width = 1920\nexport_height = 1080\nexport_background = \"white\"\n";
    const auto window = windowOnALesson();
    app::Application& application = *window;
    const auto press = [&](int key, int mods) {
        ImGui::GetIO().KeysDown[key] = true;
        application.onKey(key, GLFW_PRESS, mods);
        application.windowFrame();
        ImGui::GetIO().KeysDown[key] = false;
        application.windowFrame();
    };
    press(GLFW_KEY_E, GLFW_MOD_CONTROL);
    ASSERT_TRUE(application.exportChoice().has_value()) << "Ctrl+E opens the choice";
    EXPECT_EQ(*application.exportChoice(), (SlideFormat{{1920, 1080}, Background::White})) << "at the saved choice";
    press(GLFW_KEY_UP, 0);
    EXPECT_EQ(application.exportChoice(), (SlideFormat{{1280, 720}, Background::White}));
    press(GLFW_KEY_ENTER, 0);
    for (int i = 0; i < 30 && application.status().find("Exported") == std::string::npos; ++i) application.windowFrame();
    EXPECT_NE(application.status().find("Exported 7 slides (1280x720, white background)"), std::string::npos) << application.status();
    application.finishWindow();
    unsetenv("XDG_PICTURES_DIR");
    std::ifstream in(config / "psoas-atlas" / "settings.toml");
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    EXPECT_NE(text.find("export_width = 1280\nexport_height = 720\n"), std::string::npos) << text;
    EXPECT_NE(text.find("export_background = \"white\""), std::string::npos) << text;
    EXPECT_NE(text.find("screenshot_background = \"transparent\""), std::string::npos) << "the screenshot's own: " << text;
    test::expectNoGlErrors();
}

}  // namespace
}  // namespace psoas
