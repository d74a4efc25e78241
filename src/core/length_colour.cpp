#include "core/length_colour.hpp"

#include <glm/common.hpp>

#include <cmath>

namespace psoas {

glm::vec3 lengthColour(float change) {
    const float t = glm::clamp(change / kFullColourLengthChange, -1.0f, 1.0f);
    return glm::mix(kUnchangedColour, t < 0.0f ? kShorterColour : kLongerColour, std::abs(t));
}

}  // namespace psoas
