#pragma once
// What colour by length means (issue 13): the diverging scale of core/length_colour.hpp drawn as a
// bar from -10 % to +10 % with its words, in the Motion tab and over the 3D view (so slides and
// presenter mode carry it too).

#include "core/viewer_layout.hpp"

namespace psoas::ui {

// The scale in the current window, `width` UI units wide, with its words under it.
void drawLengthColourScale(float width);

// Where the legend over the 3D view goes: its box in the bottom-left corner (display pixels) and
// the factor its text is drawn at. The box is never wider than kLegendMaxWidthShare nor taller
// than kLegendMaxHeightShare of the 3D view: at 250 % text it grew to 1130 x 470 px and covered
// the whole lying skeleton (tester, session 6). Labels keep clear of it (label_layout's reserve).
struct LegendPlacement {
    ViewRect box;
    float fontScale = 1.0f;
};
inline constexpr float kLegendMaxWidthShare = 0.3f;
inline constexpr float kLegendMaxHeightShare = 0.25f;
[[nodiscard]] LegendPlacement lengthLegendPlacement(const ViewRect& sceneView, float uiScale);

// The scale in its box over the 3D view.
void lengthColourLegend(const LegendPlacement& placement, float uiScale);

}  // namespace psoas::ui
