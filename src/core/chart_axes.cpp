#include "core/chart_axes.hpp"

#include <cstdio>

namespace psoas {

namespace {

std::string number(float value, int decimals, const char* unit) {
    char text[48];
    std::snprintf(text, sizeof text, "%.*f%s", decimals, static_cast<double>(value), unit);
    std::string s = text;
    if (s.rfind("-0", 0) == 0 && std::stof(s) == 0.0f) s.erase(0, 1);  // "-0 mm" reads as a mistake
    return s;
}

}  // namespace

ChartAxes lengthCurveAxes(float lengthLoMm, float lengthHiMm, float fromDegrees, float toDegrees) {
    return {number(lengthHiMm, 0, " mm"), number(lengthLoMm, 0, " mm"), number(fromDegrees, 0, "\u00b0"),
            number(toDegrees, 0, "\u00b0")};
}

ChartAxes lengthHistoryAxes(float lengthLoMm, float lengthHiMm, float seconds) {
    const float range = lengthHiMm - lengthLoMm;
    const int decimals = range >= 10.0f ? 0 : range >= 1.0f ? 1 : 2;
    return {number(lengthHiMm, decimals, " mm"), number(lengthLoMm, decimals, " mm"), number(-seconds, 0, " s"), "now"};
}

}  // namespace psoas
