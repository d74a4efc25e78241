#include "core/visibility.hpp"

#include <algorithm>

namespace psoas {

void Visibility::setVisible(std::size_t index, bool visible) { visible_.at(index) = visible; }

void Visibility::setOpacity(std::size_t index, float opacity) {
    // Never fully invisible through fading: hiding is a separate, explicit act.
    opacity_.at(index) = std::clamp(opacity, 0.05f, 1.0f);
}

void Visibility::toggleFaded(std::size_t index) { setOpacity(index, opacity(index) < 1.0f ? 1.0f : kFadedOpacity); }

void Visibility::showAll() {
    beforeIsolation_.reset();
    visible_.assign(visible_.size(), true);
    opacity_.assign(opacity_.size(), 1.0f);
}

void Visibility::isolate(std::size_t index) {
    if (index >= visible_.size()) return;
    // Isolating again while isolated keeps the first snapshot: leaving goes back to before both.
    if (!beforeIsolation_) beforeIsolation_ = Snapshot{visible_, opacity_};
    visible_.assign(visible_.size(), false);
    visible_[index] = true;
}

void Visibility::leaveIsolation() {
    if (!beforeIsolation_) return;
    visible_ = std::move(beforeIsolation_->visible);
    opacity_ = std::move(beforeIsolation_->opacity);
    beforeIsolation_.reset();
}

}  // namespace psoas
