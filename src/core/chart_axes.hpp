#pragma once
// The values written on the Motion tab's two charts (issue 13: "charts with axis values"): what the
// top and bottom of the plot mean and what its left and right ends are. GL- and ImGui-free.

#include <string>

namespace psoas {

struct ChartAxes {
    std::string top, bottom;  // the plot's vertical range, with unit: "322 mm"
    std::string left, right;  // its horizontal ends: "-30°", "now"
};

// Length (mm) against hip flexion (degrees): the plot spans lengthLoMm..lengthHiMm vertically and
// fromDegrees..toDegrees horizontally. Whole millimetres and degrees.
[[nodiscard]] ChartAxes lengthCurveAxes(float lengthLoMm, float lengthHiMm, float fromDegrees, float toDegrees);

// Length (mm) over the last `seconds`: a quiet breath changes the psoas by a fraction of a
// millimetre, so the vertical values carry decimals by the range shown: none from 10 mm, one from
// 1 mm, two below.
[[nodiscard]] ChartAxes lengthHistoryAxes(float lengthLoMm, float lengthHiMm, float seconds);

}  // namespace psoas
