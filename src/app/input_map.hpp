#pragma once
// Keys to viewer actions, in one table: the key handler and the help overlay both read it, so the
// overlay can never list a key that does nothing or miss one that does something.

#include "core/key.hpp"
#include "ui/viewer_panels.hpp"

#include <optional>
#include <vector>

namespace psoas::app {

enum class ViewerAction {
    ViewAnterior, ViewPosterior, ViewLeft, ViewRight, ViewSuperior, ViewInferior, ViewOblique,
    ResetView, ToggleFullscreen, Screenshot, ToggleHelp, HideSelected, IsolateSelected, FadeSelected, ShowAll,
    Escape, Quit,
    NextStep, PreviousStep, FirstStep, LastStep,
    TogglePresenter, ToggleTwoScreens, Blank, ToggleAutoplay, ToggleAutoRotate, TogglePause, ToggleCaption,
    ScaleUp, ScaleDown, ScaleReset, ScreenshotSlide, OpenFiles,
    ToggleEditing, UndoEdit, RedoEdit,  // the lesson editor's (issue 14); a focused text field keeps its own undo
    ExportSlides,  // the open lesson's slides and handout: the choice of size and background first
};

// The action for a key pressed with exactly these modifiers, if any. While a lesson is open the
// clicker keys step through it, and Home / End go to its first / last step.
std::optional<ViewerAction> actionForKey(KeyChord chord, bool lessonOpen = false);

// GLFW's key code and modifier bits as the viewer's key: the one place GLFW codes are read.
KeyChord keyChordFromGlfw(int glfwKey, int glfwMods);
// And back, for a script's keys handed to ImGui (GLFW_KEY_UNKNOWN for Key::Unknown).
int glfwKeyOf(Key key);

// Every binding, mouse included, worded for the help overlay.
const std::vector<ui::HelpEntry>& helpEntries();

}  // namespace psoas::app
