#include "app/input_map.hpp"

#include <GLFW/glfw3.h>

namespace psoas::app {

namespace {

struct KeyBinding {
    int key;
    int mods;  // exact modifier bits required (Shift, Ctrl, Alt, Super)
    ViewerAction action;
};

constexpr int kModMask = GLFW_MOD_SHIFT | GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER;

// Top-row digits, not the numpad: classroom laptops have no numpad.
constexpr KeyBinding kBindings[] = {
    {GLFW_KEY_1, 0, ViewerAction::ViewAnterior},   {GLFW_KEY_2, 0, ViewerAction::ViewPosterior},
    {GLFW_KEY_3, 0, ViewerAction::ViewLeft},       {GLFW_KEY_4, 0, ViewerAction::ViewRight},
    {GLFW_KEY_5, 0, ViewerAction::ViewSuperior},   {GLFW_KEY_6, 0, ViewerAction::ViewInferior},
    {GLFW_KEY_7, 0, ViewerAction::ViewOblique},    {GLFW_KEY_F, 0, ViewerAction::ResetView},
    {GLFW_KEY_HOME, 0, ViewerAction::ResetView},   {GLFW_KEY_F11, 0, ViewerAction::ToggleFullscreen},
    {GLFW_KEY_F12, 0, ViewerAction::Screenshot},   {GLFW_KEY_H, 0, ViewerAction::ToggleHelp},
    {GLFW_KEY_F1, 0, ViewerAction::ToggleHelp},    {GLFW_KEY_X, 0, ViewerAction::HideSelected},
    {GLFW_KEY_DELETE, 0, ViewerAction::HideSelected}, {GLFW_KEY_I, 0, ViewerAction::IsolateSelected},
    {GLFW_KEY_T, 0, ViewerAction::FadeSelected},   {GLFW_KEY_U, 0, ViewerAction::ShowAll},        {GLFW_KEY_ESCAPE, 0, ViewerAction::Escape},
    {GLFW_KEY_Q, GLFW_MOD_CONTROL, ViewerAction::Quit},
    // Classroom: F5 and "." / B are what presentation clickers send besides PageUp / PageDown.
    {GLFW_KEY_F5, 0, ViewerAction::TogglePresenter}, {GLFW_KEY_B, 0, ViewerAction::Blank},
    {GLFW_KEY_PERIOD, 0, ViewerAction::Blank},       {GLFW_KEY_A, 0, ViewerAction::ToggleAutoplay},
    {GLFW_KEY_R, 0, ViewerAction::ToggleAutoRotate}, {GLFW_KEY_P, 0, ViewerAction::TogglePause},
    {GLFW_KEY_EQUAL, GLFW_MOD_CONTROL, ViewerAction::ScaleUp},
    {GLFW_KEY_EQUAL, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT, ViewerAction::ScaleUp},  // Ctrl++ on most layouts
    {GLFW_KEY_KP_ADD, GLFW_MOD_CONTROL, ViewerAction::ScaleUp},
    {GLFW_KEY_MINUS, GLFW_MOD_CONTROL, ViewerAction::ScaleDown},
    {GLFW_KEY_KP_SUBTRACT, GLFW_MOD_CONTROL, ViewerAction::ScaleDown},
    {GLFW_KEY_0, GLFW_MOD_CONTROL, ViewerAction::ScaleReset},
    {GLFW_KEY_F12, GLFW_MOD_CONTROL, ViewerAction::ScreenshotSlide},
};
}  // namespace

// Presentation clickers send PageDown / PageUp; keyboards add arrows, Space and Backspace.
constexpr KeyBinding kLessonBindings[] = {
    {GLFW_KEY_RIGHT, 0, ViewerAction::NextStep},     {GLFW_KEY_PAGE_DOWN, 0, ViewerAction::NextStep},
    {GLFW_KEY_SPACE, 0, ViewerAction::NextStep},     {GLFW_KEY_LEFT, 0, ViewerAction::PreviousStep},
    {GLFW_KEY_PAGE_UP, 0, ViewerAction::PreviousStep}, {GLFW_KEY_BACKSPACE, 0, ViewerAction::PreviousStep},
    {GLFW_KEY_HOME, 0, ViewerAction::FirstStep},     {GLFW_KEY_END, 0, ViewerAction::LastStep},
};

std::optional<ViewerAction> actionForKey(int glfwKey, int glfwMods, bool lessonOpen) {
    if (lessonOpen)
        for (const KeyBinding& binding : kLessonBindings)
            if (binding.key == glfwKey && binding.mods == (glfwMods & kModMask)) return binding.action;
    for (const KeyBinding& binding : kBindings)
        if (binding.key == glfwKey && binding.mods == (glfwMods & kModMask)) return binding.action;
    return std::nullopt;
}

const std::vector<ui::HelpEntry>& helpEntries() {
    static const std::vector<ui::HelpEntry> entries{
        {"Left drag", "Orbit around the model"},
        {"Right drag, middle drag, Shift + left drag", "Pan"},
        {"Mouse wheel", "Zoom toward the point under the cursor"},
        {"Click", "Select a structure and show its card"},
        {"Double-click a structure", "Focus on it"},
        {"Double-click empty space, F, Home", "Reset the view (Home: first step while a lesson is open)"},
        {"Right, PageDown, Space", "Next lesson step"},
        {"Left, PageUp, Backspace", "Previous lesson step"},
        {"Home, End", "First, last lesson step"},
        {"1  2  3  4", "Anterior, posterior, left, right view"},
        {"5  6  7", "Superior, inferior, oblique view"},
        {"X or Delete", "Hide the selected structure"},
        {"I", "Isolate the selected structure; again to leave isolation"},
        {"T", "Fade the selected structure (see through it); again to make it solid"},
        {"U", "Show all structures, none faded"},
        {"Esc", "Close this list, leave isolation, clear the selection"},
        {"F11", "Fullscreen on / off"},
        {"F12, Ctrl + F12", "Save a screenshot (PNG); Ctrl: for slides, without panels"},
        {"F5", "Presenter mode on / off (Esc leaves)"},
        {"B or .", "Blank the screen; any key brings it back"},
        {"A", "Autoplay the lesson, using each step's duration"},
        {"R", "Turn the model slowly"},
        {"P", "Pause / resume all motion"},
        {"Ctrl + =  Ctrl + -  Ctrl + 0", "Larger, smaller, default text and lines"},
        {"H or F1", "Show / hide this list"},
        {"Ctrl + Q", "Quit"},
    };
    return entries;
}

}  // namespace psoas::app
