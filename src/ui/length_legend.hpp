#pragma once
// What colour by length means (issue 13): the diverging scale of core/length_colour.hpp drawn as a
// bar from -10 % to +10 % with its words, in the Motion tab and over the 3D view (so slides and
// presenter mode carry it too).

#include "core/viewer_layout.hpp"

namespace psoas::ui {

// The scale in the current window, `width` UI units wide, with its words under it.
void drawLengthColourScale(float width);

// The scale in a box in the 3D view's bottom-left corner.
void lengthColourLegend(const ViewRect& sceneView, float uiScale);

}  // namespace psoas::ui
