#include "core/transient_message.hpp"

#include <utility>

namespace psoas {

void TransientMessage::say(std::string text) {
    text_ = std::move(text);
    until_.reset();
}

const std::string& TransientMessage::shownAt(double now) {
    expire(now);
    if (!text_.empty() && !until_) until_ = now + seconds_;
    return text_;
}

bool TransientMessage::expire(double now) {
    if (text_.empty() || !until_ || now <= *until_) return false;
    text_.clear();
    until_.reset();
    return true;
}

std::optional<double> TransientMessage::due() const {
    if (text_.empty()) return std::nullopt;
    return until_;
}

}  // namespace psoas
