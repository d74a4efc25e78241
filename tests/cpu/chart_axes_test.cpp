// The Motion tab's charts say what their edges mean (issue 13).

#include "core/chart_axes.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

TEST(ChartAxes, the_length_curve_gives_whole_millimetres_and_degrees_at_its_edges) {
    const ChartAxes axes = lengthCurveAxes(255.4f, 326.6f, -30.0f, 120.0f);
    EXPECT_EQ(axes.top, "327 mm");
    EXPECT_EQ(axes.bottom, "255 mm");
    EXPECT_EQ(axes.left, "-30\u00b0");
    EXPECT_EQ(axes.right, "120\u00b0");
}

TEST(ChartAxes, the_history_carries_the_decimals_its_range_needs) {
    EXPECT_EQ(lengthHistoryAxes(300.0f, 322.0f, 20.0f).top, "322 mm");
    const ChartAxes window = lengthHistoryAxes(319.47f, 320.47f, 20.0f);  // the chart's 1 mm window
    EXPECT_EQ(window.top, "320.5 mm");
    EXPECT_EQ(window.bottom, "319.5 mm");
    const ChartAxes quiet = lengthHistoryAxes(319.72f, 320.22f, 20.0f);
    EXPECT_EQ(quiet.top, "320.22 mm");
    EXPECT_EQ(quiet.bottom, "319.72 mm");
    EXPECT_EQ(quiet.left, "-20 s");
    EXPECT_EQ(quiet.right, "now");
}

}  // namespace
}  // namespace psoas
