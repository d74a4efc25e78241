#include "core/viewer_layout.hpp"

#include <glm/common.hpp>

#include <algorithm>
#include <cmath>

namespace psoas {

namespace {
// kCapPerPixel: DejaVu Sans's capitals per pixel of ImGui's font size, which is the font's ascent +
// descent (1.164 em), not its em: 0.729 em / 1.164 em. (0.73, the capitals per em, gave capitals of
// 1.94 % instead of 2.3 %: 21 px on 1080 lines, measured in session 10's screenshots.)
constexpr float kCapShare = 0.023f, kCapPerPixel = 0.626f, kBodyPixels = 17.0f;
}

float presenterUiScale(float uiScale, float contentScale, float displayHeight) {
    const float forTheRoom = displayHeight * kCapShare / (kCapPerPixel * kBodyPixels);
    return std::max(1.5f * uiScale, uiScale / std::max(contentScale, 0.25f) * forTheRoom);
}

float backRowFontPixels(float displayHeight) { return displayHeight * kCapShare / kCapPerPixel; }

float minimumCaptionHeight(float displayHeight) { return std::round(displayHeight * 0.25f); }

float maximumCaptionHeight(float displayHeight) { return std::round(displayHeight * kCaptionBelowMaxShare); }

float captionColumnWidth(float displayWidth, float uiScale) {
    const float wanted = std::max(displayWidth * kCaptionColumnShare, kCaptionColumnUnits * uiScale);
    return std::round(std::min(wanted, displayWidth * kCaptionColumnMaxShare));
}

float maximumHintHeight(float displayHeight, float captionHeight) { return std::max(displayHeight - captionHeight, 0.0f) / 3.0f; }

ViewerLayout layoutFor(glm::vec2 displaySize, float uiScale, LayoutMode mode, CaptionPlace caption, float captionHeight,
                       float hintHeight) {
    ViewerLayout layout;
    const glm::vec2 display = glm::max(displaySize, glm::vec2(1.0f));
    if (mode == LayoutMode::Slide) {
        const CaptionPlace place = caption == CaptionPlace::Beside && display.x <= display.y ? CaptionPlace::Below : caption;
        const float below = place == CaptionPlace::Below
                                ? std::clamp(captionHeight, minimumCaptionHeight(display.y), maximumCaptionHeight(display.y))
                                : 0.0f;
        const float beside = place == CaptionPlace::Beside ? captionColumnWidth(display.x, uiScale) : 0.0f;
        const float hint = std::clamp(hintHeight, 0.0f, maximumHintHeight(display.y, below));
        layout.hint = {{0.0f, 0.0f}, {display.x, hint}};
        layout.scene = {{0.0f, hint}, {std::max(display.x - beside, 1.0f), std::max(display.y - below - hint, 1.0f)}};
        if (place == CaptionPlace::Below) layout.caption = {{0.0f, display.y - below}, {display.x, below}};
        if (place == CaptionPlace::Beside) layout.caption = {{display.x - beside, hint}, {beside, display.y - hint}};
        return layout;
    }
    const float panel = std::min(kSidePanelWidth * uiScale, displaySize.x * kSidePanelMaxShare);
    layout.panel = {{0.0f, 0.0f}, {panel, display.y}};
    layout.scene = {{panel, 0.0f}, {std::max(displaySize.x - panel, 1.0f), display.y}};
    return layout;
}

}  // namespace psoas
