#include "app/input_map.hpp"

#include "app/platform.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <utility>

namespace psoas::app {

namespace {

struct KeyBinding {
    Key key;
    int mods;  // exact modifier bits required (modifier::Shift, Control, Alt, Super)
    ViewerAction action;
};

// Top-row digits, not the numpad: classroom laptops have no numpad.
constexpr KeyBinding kBindings[] = {
    {Key::Digit1, 0, ViewerAction::ViewAnterior},   {Key::Digit2, 0, ViewerAction::ViewPosterior},
    {Key::Digit3, 0, ViewerAction::ViewLeft},       {Key::Digit4, 0, ViewerAction::ViewRight},
    {Key::Digit5, 0, ViewerAction::ViewSuperior},   {Key::Digit6, 0, ViewerAction::ViewInferior},
    {Key::Digit7, 0, ViewerAction::ViewOblique},    {Key::F, 0, ViewerAction::ResetView},
    {Key::Home, 0, ViewerAction::ResetView},   {Key::F11, 0, ViewerAction::ToggleFullscreen},
    {Key::F12, 0, ViewerAction::Screenshot},   {Key::H, 0, ViewerAction::ToggleHelp},
    {Key::F1, 0, ViewerAction::ToggleHelp},    {Key::X, 0, ViewerAction::HideSelected},
    {Key::Delete, 0, ViewerAction::HideSelected}, {Key::I, 0, ViewerAction::IsolateSelected},
    {Key::T, 0, ViewerAction::FadeSelected},   {Key::U, 0, ViewerAction::ShowAll},        {Key::Escape, 0, ViewerAction::Escape},
    {Key::Q, modifier::Control, ViewerAction::Quit},     {Key::O, modifier::Control, ViewerAction::OpenFiles},
    // Classroom: F5 and "." / B are what presentation clickers send besides PageUp / PageDown.
    {Key::F5, 0, ViewerAction::TogglePresenter}, {Key::B, 0, ViewerAction::Blank},
    {Key::F6, 0, ViewerAction::ToggleTwoScreens},
    {Key::Period, 0, ViewerAction::Blank},       {Key::A, 0, ViewerAction::ToggleAutoplay},
    {Key::R, 0, ViewerAction::ToggleAutoRotate}, {Key::P, 0, ViewerAction::TogglePause},
    {Key::C, 0, ViewerAction::ToggleCaption},
    {Key::Equal, modifier::Control, ViewerAction::ScaleUp},
    {Key::Equal, modifier::Control | modifier::Shift, ViewerAction::ScaleUp},  // Ctrl++ on most layouts
    {Key::KeypadAdd, modifier::Control, ViewerAction::ScaleUp},
    {Key::Minus, modifier::Control, ViewerAction::ScaleDown},
    {Key::KeypadSubtract, modifier::Control, ViewerAction::ScaleDown},
    {Key::Digit0, modifier::Control, ViewerAction::ScaleReset},
    {Key::F12, modifier::Control, ViewerAction::ScreenshotSlide},
    {Key::E, 0, ViewerAction::ToggleEditing},
    {Key::Z, modifier::Control, ViewerAction::UndoEdit},
    {Key::Z, modifier::Control | modifier::Shift, ViewerAction::RedoEdit},
    {Key::Y, modifier::Control, ViewerAction::RedoEdit},
    {Key::E, modifier::Control, ViewerAction::ExportSlides},
};
}  // namespace

// Presentation clickers send PageDown / PageUp; keyboards add arrows, Space and Backspace.
constexpr KeyBinding kLessonBindings[] = {
    {Key::Right, 0, ViewerAction::NextStep},     {Key::PageDown, 0, ViewerAction::NextStep},
    {Key::Space, 0, ViewerAction::NextStep},     {Key::Left, 0, ViewerAction::PreviousStep},
    {Key::PageUp, 0, ViewerAction::PreviousStep}, {Key::Backspace, 0, ViewerAction::PreviousStep},
    {Key::Home, 0, ViewerAction::FirstStep},     {Key::End, 0, ViewerAction::LastStep},
};

std::optional<ViewerAction> actionForKey(KeyChord chord, bool lessonOpen) {
    if (lessonOpen)
        for (const KeyBinding& binding : kLessonBindings)
            if (binding.key == chord.key && binding.mods == chord.mods) return binding.action;
    for (const KeyBinding& binding : kBindings)
        if (binding.key == chord.key && binding.mods == chord.mods) return binding.action;
    return std::nullopt;
}

namespace {
// The keys outside the letter, digit and function-key runs, both ways.
constexpr std::pair<int, Key> kOtherKeys[] = {
    {GLFW_KEY_SPACE, Key::Space},     {GLFW_KEY_ESCAPE, Key::Escape},       {GLFW_KEY_ENTER, Key::Enter},
    {GLFW_KEY_LEFT, Key::Left},       {GLFW_KEY_RIGHT, Key::Right},         {GLFW_KEY_UP, Key::Up},
    {GLFW_KEY_DOWN, Key::Down},       {GLFW_KEY_PAGE_UP, Key::PageUp},      {GLFW_KEY_PAGE_DOWN, Key::PageDown},
    {GLFW_KEY_HOME, Key::Home},       {GLFW_KEY_END, Key::End},             {GLFW_KEY_PERIOD, Key::Period},
    {GLFW_KEY_EQUAL, Key::Equal},     {GLFW_KEY_MINUS, Key::Minus},         {GLFW_KEY_BACKSPACE, Key::Backspace},
    {GLFW_KEY_DELETE, Key::Delete},   {GLFW_KEY_KP_ADD, Key::KeypadAdd},    {GLFW_KEY_KP_SUBTRACT, Key::KeypadSubtract},
};
// The runs: GLFW's first code, the viewer's first key, how many.
constexpr struct {
    int code;
    Key key;
    int count;
} kKeyRuns[] = {{GLFW_KEY_A, Key::A, 26}, {GLFW_KEY_0, Key::Digit0, 10}, {GLFW_KEY_F1, Key::F1, 12}};
}  // namespace

int glfwKeyOf(Key key) {
    const int k = static_cast<int>(key);
    for (const auto& run : kKeyRuns)
        if (k >= static_cast<int>(run.key) && k < static_cast<int>(run.key) + run.count) return run.code + k - static_cast<int>(run.key);
    for (const auto& [code, other] : kOtherKeys)
        if (other == key) return code;
    return GLFW_KEY_UNKNOWN;
}

KeyChord keyChordFromGlfw(int glfwKey, int glfwMods) {
    KeyChord chord;
    for (const auto& run : kKeyRuns)
        if (glfwKey >= run.code && glfwKey < run.code + run.count) chord.key = static_cast<Key>(static_cast<int>(run.key) + glfwKey - run.code);
    for (const auto& [code, key] : kOtherKeys)
        if (code == glfwKey) chord.key = key;
    if (glfwMods & GLFW_MOD_SHIFT) chord.mods |= modifier::Shift;
    if (glfwMods & GLFW_MOD_CONTROL) chord.mods |= modifier::Control;
    if (glfwMods & GLFW_MOD_ALT) chord.mods |= modifier::Alt;
    if (glfwMods & GLFW_MOD_SUPER) chord.mods |= modifier::Super;
    return chord;
}

namespace {
// The keys this platform has: F6 after F5 where a second window can open, Ctrl+Q where the
// program can close its window (neither in a browser page: app/platform.hpp; fresh tester, session
// 10: the page's key list offered a Quit that did nothing).
std::vector<ui::HelpEntry> forThisPlatform(std::vector<ui::HelpEntry> entries) {
    if (!platform::canQuit()) std::erase_if(entries, [](const ui::HelpEntry& e) { return e.keys == "Ctrl + Q"; });
    if (!platform::offersSecondWindow()) return entries;
    const auto f5 = std::find_if(entries.begin(), entries.end(), [](const ui::HelpEntry& e) { return e.keys == "F5"; });
    entries.insert(f5 == entries.end() ? f5 : f5 + 1,
                   {"F6", "Presenter mode on two screens: the class's window (full screen on the second monitor) shows the model and "
                          "the caption, this one keeps the panel with your notes; again, Esc or closing it returns to one"});
    return entries;
}
}  // namespace

const std::vector<ui::HelpEntry>& helpEntries() {
    static const std::vector<ui::HelpEntry> entries = forThisPlatform({
        {"Left drag", "Orbit around the model"},
        {"Right drag, middle drag, Shift + left drag", "Pan"},
        {"Mouse wheel", "Zoom toward the point under the cursor"},
        {"Click", "Select a structure and show its card"},
        {"Double-click a structure", "Focus on it"},
        {"Double-click empty space, F, Home", "Reset the view (Home: first step while a lesson is open)"},
        {"Right, PageDown, Space", "Next lesson step"},
        {"Left, PageUp, Backspace", "Previous lesson step"},
        {"Home, End", "First, last lesson step"},
        {"Up, Down, wheel over the caption", "Scroll a caption longer than its bar (presenter mode, slides)"},
        {"C", "Presenter mode's caption: beside the model (first), under it, or hidden (the model takes the whole screen)"},
        {"1  2  3  4", "Anterior, posterior, left, right view"},
        {"5  6  7", "Superior, inferior, oblique view"},
        {"X or Delete", "Hide the selected structure"},
        {"I", "Isolate the selected structure; again to leave isolation"},
        {"T", "Fade the selected structure (see through it); again to make it solid"},
        {"U", "Show all structures, none faded"},
        {"Esc", "Close this list, leave isolation, clear the selection"},
        {"F11", "Fullscreen on / off"},
        {"F12, Ctrl + F12", "Save a screenshot (PNG); Ctrl: for slides, without panels"},
        {"Ctrl + E", "Export the open lesson as slides and a handout: choose the size and dark or white first"},
        {"F5", "Presenter mode on / off (Esc leaves)"},
        {"B or .", "Blank the screen; any key brings it back"},
        {"A", "Autoplay the lesson, using each step's duration"},
        {"R", "Turn the model slowly"},
        {"P", "Pause / resume all motion: breathing, looping motions (walking), turning"},
        {"Ctrl + =  Ctrl + -  Ctrl + 0", "Larger, smaller, default text and lines"},
        {"Ctrl + O", "Open your own mesh files, a folder or a mesh set (or drop them onto the window)"},
        {"E", "Edit the open lesson in the program; again to stop (asks about unsaved edits)"},
        {"Alt + drag a thigh or the lumbar spine", "Move the joint: flex / extend (and abduct) the hip, bend the lumbar spine; or turn on Motion > Move joints and drag"},
        {"Ctrl + Z; Ctrl + Shift + Z or Ctrl + Y", "Undo; redo a lesson edit (while editing a lesson); otherwise Ctrl + Z undoes joint drags, the last first (Esc cancels one in progress)"},
        {"H or F1", "Show / hide this list"},
        {"Ctrl + Q", "Quit"},
    });
    return entries;
}

}  // namespace psoas::app
