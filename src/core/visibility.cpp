#include "core/visibility.hpp"

namespace psoas {

void Visibility::setVisible(std::size_t index, bool visible) { visible_.at(index) = visible; }

void Visibility::showAll() {
    beforeIsolation_.reset();
    visible_.assign(visible_.size(), true);
}

void Visibility::isolate(std::size_t index) {
    if (index >= visible_.size()) return;
    // Isolating again while isolated keeps the first snapshot: leaving goes back to before both.
    if (!beforeIsolation_) beforeIsolation_ = visible_;
    visible_.assign(visible_.size(), false);
    visible_[index] = true;
}

void Visibility::leaveIsolation() {
    if (!beforeIsolation_) return;
    visible_ = std::move(*beforeIsolation_);
    beforeIsolation_.reset();
}

}  // namespace psoas
