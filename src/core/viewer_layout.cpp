#include "core/viewer_layout.hpp"

#include <glm/common.hpp>

#include <algorithm>
#include <cmath>

namespace psoas {

float minimumCaptionHeight(float displayHeight) { return std::round(displayHeight * 0.25f); }

float maximumHintHeight(float displayHeight, float captionHeight) { return std::max(displayHeight - captionHeight, 0.0f) / 3.0f; }

ViewerLayout layoutFor(glm::vec2 displaySize, float uiScale, LayoutMode mode, bool withCaption, float captionHeight,
                       float hintHeight) {
    ViewerLayout layout;
    const glm::vec2 display = glm::max(displaySize, glm::vec2(1.0f));
    if (mode == LayoutMode::Slide) {
        const float caption = withCaption ? std::max(captionHeight, minimumCaptionHeight(displaySize.y)) : 0.0f;
        const float hint = std::clamp(hintHeight, 0.0f, maximumHintHeight(display.y, caption));
        layout.hint = {{0.0f, 0.0f}, {display.x, hint}};
        layout.scene = {{0.0f, hint}, {display.x, std::max(display.y - caption - hint, 1.0f)}};
        layout.caption = {{0.0f, display.y - caption}, {display.x, caption}};
        return layout;
    }
    const float panel = std::min(kSidePanelWidth * uiScale, displaySize.x * kSidePanelMaxShare);
    layout.panel = {{0.0f, 0.0f}, {panel, display.y}};
    layout.scene = {{panel, 0.0f}, {std::max(displaySize.x - panel, 1.0f), display.y}};
    return layout;
}

}  // namespace psoas
