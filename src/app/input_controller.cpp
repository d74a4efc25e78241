#include "app/input_controller.hpp"

#include <glm/geometric.hpp>

namespace psoas::app {

std::optional<ViewerAction> InputController::keyPress(KeyChord chord, const ViewerSession& session, bool uiWantsKeyboard) {
    if (session.blank()) {  // any key brings the picture back, and does nothing else
        apply_(act::SetBlank{false});
        return std::nullopt;
    }
    if (uiWantsKeyboard) return std::nullopt;
    const auto command = actionForKey(chord, session.lessonPlayer().active());
    if (!command) return std::nullopt;
    switch (*command) {
        case ViewerAction::ViewAnterior: apply_(act::ShowView{ViewPreset::Anterior}); break;
        case ViewerAction::ViewPosterior: apply_(act::ShowView{ViewPreset::Posterior}); break;
        case ViewerAction::ViewLeft: apply_(act::ShowView{ViewPreset::Left}); break;
        case ViewerAction::ViewRight: apply_(act::ShowView{ViewPreset::Right}); break;
        case ViewerAction::ViewSuperior: apply_(act::ShowView{ViewPreset::Superior}); break;
        case ViewerAction::ViewInferior: apply_(act::ShowView{ViewPreset::Inferior}); break;
        case ViewerAction::ViewOblique: apply_(act::ShowView{ViewPreset::Oblique}); break;
        case ViewerAction::ResetView: apply_(act::ResetView{}); break;
        case ViewerAction::ToggleHelp: apply_(act::ToggleHelp{}); break;
        case ViewerAction::HideSelected: apply_(act::HideSelected{}); break;
        case ViewerAction::IsolateSelected: apply_(act::ToggleIsolation{}); break;
        case ViewerAction::FadeSelected: apply_(act::FadeSelected{}); break;
        case ViewerAction::ShowAll: apply_(act::ShowAll{}); break;
        case ViewerAction::Escape: apply_(act::Escape{}); break;
        case ViewerAction::NextStep: apply_(act::NextStep{}); break;
        case ViewerAction::PreviousStep: apply_(act::PreviousStep{}); break;
        case ViewerAction::FirstStep: apply_(act::FirstStep{}); break;
        case ViewerAction::LastStep: apply_(act::LastStep{}); break;
        case ViewerAction::TogglePresenter: apply_(act::SetPresenter{!session.presenter()}); break;
        case ViewerAction::Blank: apply_(act::SetBlank{true}); break;
        case ViewerAction::ToggleAutoRotate: apply_(act::ToggleAutoRotate{}); break;
        case ViewerAction::ToggleAutoplay: apply_(act::ToggleAutoplay{}); return command;   // the caller says so
        case ViewerAction::TogglePause: apply_(act::TogglePause{}); return command;         // the caller says so
        case ViewerAction::ToggleCaption: apply_(act::ToggleCaption{}); return command;     // the caller says so
        case ViewerAction::ToggleFullscreen:
        case ViewerAction::ToggleTwoScreens:  // a second window: the caller's
        case ViewerAction::Screenshot:
        case ViewerAction::ScreenshotSlide:
        case ViewerAction::Quit:
        case ViewerAction::ScaleUp:
        case ViewerAction::ScaleDown:
        case ViewerAction::ScaleReset:
        case ViewerAction::OpenFiles:
        case ViewerAction::ToggleEditing:
        case ViewerAction::UndoEdit:
        case ViewerAction::RedoEdit:
        case ViewerAction::ExportSlides: return command;  // the window, files and text size are the caller's
    }
    return std::nullopt;
}

void InputController::buttonPressed(PointerButton button, bool shift, bool uiWantsMouse, const ViewRect& view, bool alt) {
    if (movedSinceLayout_ || !waiting_.empty()) {
        waiting_.push_back({button, true, shift, alt});
        return;
    }
    press(button, shift, alt, uiWantsMouse, view);
}

void InputController::buttonReleased(PointerButton button, const ViewRect& view) {
    if (!waiting_.empty()) {
        waiting_.push_back({button, false, false, false});
        return;
    }
    release(button, view);
}

void InputController::laidOut(bool uiWantsMouse, const ViewRect& view) {
    movedSinceLayout_ = false;
    const std::vector<WaitingButton> waiting = std::move(waiting_);
    waiting_.clear();
    for (const WaitingButton& event : waiting) event.pressed ? press(event.button, event.shift, event.alt, uiWantsMouse, view) : release(event.button, view);
}

void InputController::press(PointerButton button, bool shift, bool alt, bool uiWantsMouse, const ViewRect& view) {
    if (uiWantsMouse || drag_.button) return;
    drag_ = {button, button != PointerButton::Left || shift, false, false, cursor_, cursor_};
    apply_(act::SetDragging{true});
    if (button != PointerButton::Left || shift) return;
    apply_(act::GrabJoint{cursor_ - view.origin, view.size, alt});  // held only on a thigh or the spine, with Alt or "Move joints"
    drag_.joint = holdingJoint_();
}

void InputController::release(PointerButton button, const ViewRect& view) {
    if (drag_.button != button) return;
    if (!drag_.moved && button == PointerButton::Left) apply_(act::Click{cursor_ - view.origin, view.size});
    if (drag_.joint) apply_(act::ReleaseJoint{});
    drag_.button.reset();
    apply_(act::SetDragging{false});
    hoverStale_ = true;
}

void InputController::cursorMoved(glm::vec2 position, const ViewRect& view) {
    cursor_ = position;
    hoverStale_ = true;
    movedSinceLayout_ = true;
    if (!drag_.button) return;
    if (glm::length(position - drag_.press) > kClickSlopPixels) drag_.moved = true;
    if (!drag_.moved) return;
    const glm::vec2 delta = position - drag_.last;
    drag_.last = position;
    if (drag_.joint) apply_(act::DragJoint{position - view.origin});
    else if (drag_.pan) apply_(act::Pan{delta, view.size});
    else apply_(act::Orbit{delta});
}

void InputController::scrolled(float notches, const ViewRect& view, bool uiWantsMouse) {
    if (uiWantsMouse || notches == 0.0f) return;
    apply_(act::Zoom{cursor_ - view.origin, view.size, notches});
    hoverStale_ = true;
}

void InputController::focusLost() {
    waiting_.clear();
    if (drag_.joint) apply_(act::ReleaseJoint{});  // the pose stays where the drag left it (Ctrl+Z undoes it)
    drag_.joint = false;
    drag_.button.reset();
    apply_(act::SetDragging{false});
    hoverStale_ = true;
}

void InputController::updateHover(const ViewRect& view, bool uiWantsMouse) {
    if (!hoverStale_) return;
    hoverStale_ = false;
    const bool overView = !drag_.button && !uiWantsMouse;
    apply_(act::Hover{overView ? std::optional<glm::vec2>(cursor_ - view.origin) : std::nullopt, view.size});
}

}  // namespace psoas::app
