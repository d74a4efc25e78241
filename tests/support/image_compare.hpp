#pragma once
// Image baselines: compare a rendered image with tests/baselines/NAME.png under the tolerance that
// tests/baselines/tolerances.toml gives (with its reason). A missing baseline writes the actual
// image and fails; PSOAS_UPDATE_BASELINES=1 rewrites baselines; a failure names the baseline, the
// actual and the diff images, and the numbers.

#include "core/image.hpp"

#include <gtest/gtest.h>

#include <string>

namespace psoas::test {

struct ImageTolerance {
    int channelThreshold = 5;        // a pixel differs when any channel differs by more than this
    double maxFractionOver = 0.001;  // at most this share of pixels may differ
    double maxMeanDifference = 0.5;  // mean absolute channel difference over the image
    std::string reason;
};

struct ImageDifference {
    bool sizeMatches = true;
    double fractionOver = 0.0;
    double meanDifference = 0.0;
    int maxChannelDifference = 0;
    Image diff;  // red where pixels differ beyond the threshold, faded actual elsewhere
};

ImageTolerance toleranceFor(const std::string& baselineName);
ImageDifference compareImages(const Image& actual, const Image& expected, int channelThreshold);

// The gtest assertion: EXPECT_TRUE(matchesBaseline(image, "name")).
::testing::AssertionResult matchesBaseline(const Image& actual, const std::string& baselineName);

}  // namespace psoas::test
