#include "core/length_tags.hpp"

#include <cmath>
#include <cstdio>

namespace psoas {

std::string lengthTagText(const MuscleReadout& readout) {
    const float percent = readout.neutralLengthMm > 0.0f ? readout.lengthMm / readout.neutralLengthMm * 100.0f : 100.0f;
    char text[64];
    std::snprintf(text, sizeof text, "%.0f mm, %.0f %% of standing", std::round(readout.lengthMm), std::round(percent));
    return text;
}

}  // namespace psoas
