#pragma once
// What fingers on a touch screen mean, in the values the mouse path already takes: one finger is
// the left button (a drag orbits, a tap clicks, two taps are a double-click that focuses); two
// fingers pinch to zoom (the change of their distance becomes wheel notches, so a pinch zooms as
// far as the fingers spread) and drag to pan; a quick sideways swipe of three fingers turns the
// lesson's page (leftward: the next step). No window system and no GL: the browser page feeds it
// the touches it gets, tests feed it their own.
//
// Positions are window pixels (the same units as the mouse's cursor position), origin top-left.

#include <glm/vec2.hpp>

#include <vector>

namespace psoas::app {

struct TouchIntent {
    enum class Kind {
        PointerDown,    // the left button pressed at `position` (the pointer is moved there first)
        PointerMove,    // the pointer moved to `position`
        PointerUp,      // the left button released at `position`: a click unless it dragged
        PointerCancel,  // the button let go without a click (a second finger came down)
        Pan,            // the view slides by `delta`
        Zoom,           // `notches` of the wheel at `position` (positive: closer)
        NextStep,
        PreviousStep,
    };
    Kind kind;
    glm::vec2 position{0.0f};
    glm::vec2 delta{0.0f};
    float notches = 0.0f;
};

class TouchGestures {
public:
    // `swipePixels`: how far three fingers move sideways to turn the page (window pixels; the
    // page passes 80 CSS pixels times the device pixel ratio). `zoomPerNotch`: the factor one
    // wheel notch scales the camera's distance by (the session's).
    TouchGestures(float swipePixels, float zoomPerNotch);

    std::vector<TouchIntent> started(int id, glm::vec2 position);
    std::vector<TouchIntent> moved(int id, glm::vec2 position);
    // Lifted or cancelled by the browser (a system gesture took it).
    std::vector<TouchIntent> ended(int id, glm::vec2 position);

    [[nodiscard]] int fingers() const { return static_cast<int>(touches_.size()); }

private:
    enum class Mode {
        Idle,      // no finger down
        Pointer,   // one finger, acting as the mouse
        Multi,     // two or more: pinch and pan, or a three-finger swipe
        Settling,  // a multi-finger gesture ended with fingers still down: they do nothing until all lift
    };
    struct Touch {
        int id;
        glm::vec2 position;
    };
    [[nodiscard]] glm::vec2 centroid() const;
    [[nodiscard]] float spread() const;  // the mean distance of the fingers from their centroid
    void beginMulti();
    Touch* find(int id);

    float swipePixels_;
    float zoomPerNotch_;
    Mode mode_ = Mode::Idle;
    std::vector<Touch> touches_;
    glm::vec2 lastCentroid_{0.0f};
    float lastSpread_ = 0.0f;
    glm::vec2 swipeStart_{0.0f};  // the centroid when the third finger came down
    bool swiped_ = false;         // one page per swipe
};

}  // namespace psoas::app
