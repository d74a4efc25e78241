#include "app/touch_gestures.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace psoas::app {

namespace {
// Fingers closer than this to their centre give no usable ratio (a finger counted twice).
constexpr float kSmallestSpread = 1.0f;
// A swipe is sideways when it moved at least twice as far across as up or down.
constexpr float kSidewaysRatio = 2.0f;
}  // namespace

TouchGestures::TouchGestures(float swipePixels, float zoomPerNotch)
    : swipePixels_(std::max(swipePixels, 1.0f)), zoomPerNotch_(std::clamp(zoomPerNotch, 0.01f, 0.99f)) {}

glm::vec2 TouchGestures::centroid() const {
    glm::vec2 sum{0.0f};
    for (const Touch& touch : touches_) sum += touch.position;
    return touches_.empty() ? sum : sum / static_cast<float>(touches_.size());
}

float TouchGestures::spread() const {
    const glm::vec2 centre = centroid();
    float sum = 0.0f;
    for (const Touch& touch : touches_) sum += glm::length(touch.position - centre);
    return touches_.empty() ? 0.0f : sum / static_cast<float>(touches_.size());
}

TouchGestures::Touch* TouchGestures::find(int id) {
    const auto it = std::find_if(touches_.begin(), touches_.end(), [id](const Touch& t) { return t.id == id; });
    return it == touches_.end() ? nullptr : &*it;
}

void TouchGestures::beginMulti() {
    mode_ = Mode::Multi;
    lastCentroid_ = centroid();
    lastSpread_ = spread();
    swipeStart_ = lastCentroid_;
}

std::vector<TouchIntent> TouchGestures::started(int id, glm::vec2 position) {
    if (Touch* known = find(id)) {  // a start for a finger already down: treat as a move
        known->position = position;
        return moved(id, position);
    }
    touches_.push_back({id, position});
    switch (mode_) {
        case Mode::Idle:
            mode_ = Mode::Pointer;
            return {{TouchIntent::Kind::PointerMove, position}, {TouchIntent::Kind::PointerDown, position}};
        case Mode::Pointer: {
            const glm::vec2 first = touches_.front().position;
            beginMulti();
            swiped_ = false;
            return {{TouchIntent::Kind::PointerCancel, first}};
        }
        case Mode::Multi: beginMulti(); return {};
        case Mode::Settling: return {};
    }
    return {};
}

std::vector<TouchIntent> TouchGestures::moved(int id, glm::vec2 position) {
    Touch* touch = find(id);
    if (!touch) return {};
    touch->position = position;
    if (mode_ == Mode::Pointer) return {{TouchIntent::Kind::PointerMove, position}};
    if (mode_ != Mode::Multi) return {};

    std::vector<TouchIntent> intents;
    const glm::vec2 centre = centroid();
    const float now = spread();
    if (touches_.size() == 2) {
        const glm::vec2 delta = centre - lastCentroid_;
        if (delta != glm::vec2(0.0f)) intents.push_back({TouchIntent::Kind::Pan, centre, delta});
        if (lastSpread_ >= kSmallestSpread && now >= kSmallestSpread && now != lastSpread_) {
            // The camera's distance scales by zoomPerNotch^notches; fingers spread by `ratio`
            // bring it closer by the same ratio.
            const float notches = std::log(now / lastSpread_) / -std::log(zoomPerNotch_);
            intents.push_back({TouchIntent::Kind::Zoom, centre, glm::vec2(0.0f), notches});
        }
    } else if (!swiped_) {
        const glm::vec2 travel = centre - swipeStart_;
        if (std::abs(travel.x) >= swipePixels_ && std::abs(travel.x) >= kSidewaysRatio * std::abs(travel.y)) {
            swiped_ = true;  // like turning a page: the content moves left to show what comes next
            intents.push_back({travel.x < 0.0f ? TouchIntent::Kind::NextStep : TouchIntent::Kind::PreviousStep, centre});
        }
    }
    lastCentroid_ = centre;
    lastSpread_ = now;
    return intents;
}

std::vector<TouchIntent> TouchGestures::ended(int id, glm::vec2 position) {
    if (!find(id)) return {};
    touches_.erase(std::remove_if(touches_.begin(), touches_.end(), [id](const Touch& t) { return t.id == id; }), touches_.end());
    const Mode was = mode_;
    mode_ = touches_.empty() ? Mode::Idle : Mode::Settling;
    if (was == Mode::Pointer) return {{TouchIntent::Kind::PointerMove, position}, {TouchIntent::Kind::PointerUp, position}};
    return {};
}

}  // namespace psoas::app
