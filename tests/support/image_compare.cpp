#include "support/image_compare.hpp"

#include "app/image_file.hpp"
#include "support/test_paths.hpp"

#include <toml++/toml.h>

#include <cmath>
#include <cstdlib>
#include <sstream>

namespace psoas::test {

namespace {
std::filesystem::path baselinePath(const std::string& name) { return psoas::test::baselineDirectory() / (name + ".png"); }

void readTolerance(const toml::table& table, ImageTolerance& tolerance) {
    tolerance.channelThreshold = static_cast<int>(table["channel_threshold"].value_or<int64_t>(tolerance.channelThreshold));
    tolerance.maxFractionOver = table["max_fraction_over"].value_or(tolerance.maxFractionOver);
    tolerance.maxMeanDifference = table["max_mean_difference"].value_or(tolerance.maxMeanDifference);
    tolerance.reason = table["reason"].value_or(tolerance.reason);
}

bool updating() {
    const char* value = std::getenv("PSOAS_UPDATE_BASELINES");
    return value && std::string(value) == "1";
}
}  // namespace

ImageTolerance toleranceFor(const std::string& baselineName) {
    ImageTolerance tolerance;
    const auto file = psoas::test::baselineDirectory() / "tolerances.toml";
    const toml::table root = toml::parse_file(file.string());  // a broken tolerance file should fail loudly
    if (const toml::table* fallback = root["default"].as_table()) readTolerance(*fallback, tolerance);
    if (const toml::table* specific = root[baselineName].as_table()) readTolerance(*specific, tolerance);
    return tolerance;
}

ImageDifference compareImages(const Image& actual, const Image& expected, int channelThreshold) {
    ImageDifference result;
    if (actual.width != expected.width || actual.height != expected.height) {
        result.sizeMatches = false;
        result.fractionOver = 1.0;
        return result;
    }
    result.diff = actual;
    std::size_t over = 0;
    double sum = 0.0;
    const std::size_t pixels = static_cast<std::size_t>(actual.width) * actual.height;
    for (std::size_t i = 0; i < pixels; ++i) {
        int worst = 0;
        for (int c = 0; c < 4; ++c) {
            const int d = std::abs(int(actual.rgba[i * 4 + c]) - int(expected.rgba[i * 4 + c]));
            worst = std::max(worst, d);
            sum += d;
        }
        result.maxChannelDifference = std::max(result.maxChannelDifference, worst);
        std::uint8_t* out = &result.diff.rgba[i * 4];
        if (worst > channelThreshold) {
            ++over;
            out[0] = 255, out[1] = 0, out[2] = 0;
        } else {
            for (int c = 0; c < 3; ++c) out[c] = static_cast<std::uint8_t>(out[c] / 4);
        }
        out[3] = 255;
    }
    result.fractionOver = static_cast<double>(over) / static_cast<double>(pixels);
    result.meanDifference = sum / static_cast<double>(pixels * 4);
    return result;
}

::testing::AssertionResult matchesBaseline(const Image& actual, const std::string& baselineName) {
    const auto baseline = baselinePath(baselineName);
    const auto actualFile = outputDirectory() / (baselineName + ".actual.png");
    const auto diffFile = outputDirectory() / (baselineName + ".diff.png");
    app::writePng(actual, actualFile);

    if (updating()) {
        const std::string problem = app::writePng(actual, baseline);
        if (!problem.empty()) return ::testing::AssertionFailure() << "cannot rewrite " << baseline << ": " << problem;
        return ::testing::AssertionSuccess() << "rewrote " << baseline;
    }
    const auto expected = app::readPng(baseline);
    if (!expected) {
        return ::testing::AssertionFailure() << "baseline " << baseline << " is missing; the actual image is "
                                             << actualFile << ". Look at it; if it is right, copy it there or run "
                                             << "with PSOAS_UPDATE_BASELINES=1.";
    }
    const ImageTolerance tolerance = toleranceFor(baselineName);
    const ImageDifference difference = compareImages(actual, *expected, tolerance.channelThreshold);
    if (!difference.sizeMatches)
        return ::testing::AssertionFailure() << "size " << actual.width << "x" << actual.height << " differs from baseline "
                                             << baseline << " (" << expected->width << "x" << expected->height
                                             << "); actual: " << actualFile;
    app::writePng(difference.diff, diffFile);
    if (difference.fractionOver <= tolerance.maxFractionOver && difference.meanDifference <= tolerance.maxMeanDifference)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "image differs from baseline.\n  baseline: " << baseline << "\n  actual:   " << actualFile
           << "\n  diff:     " << diffFile << "\n  pixels over " << tolerance.channelThreshold << "/255: "
           << difference.fractionOver * 100.0 << " % (limit " << tolerance.maxFractionOver * 100.0
           << " %), mean difference " << difference.meanDifference << " (limit " << tolerance.maxMeanDifference
           << "), largest channel difference " << difference.maxChannelDifference << "\n  tolerance reason: "
           << tolerance.reason;
}

}  // namespace psoas::test
