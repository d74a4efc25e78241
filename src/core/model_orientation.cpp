#include "core/model_orientation.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cctype>

namespace psoas {

std::optional<Axis> parseAxis(std::string_view text) {
    int sign = 1;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        sign = text.front() == '-' ? -1 : 1;
        text.remove_prefix(1);
    }
    if (text.size() != 1) return std::nullopt;
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text.front())));
    if (c < 'x' || c > 'z') return std::nullopt;
    return Axis{c - 'x', sign};
}

std::string axisName(Axis axis) { return std::string(axis.sign < 0 ? "-" : "+") + static_cast<char>('X' + axis.index); }

std::optional<LengthUnit> parseLengthUnit(std::string_view text) {
    if (text == "auto") return LengthUnit::Auto;
    if (text == "mm") return LengthUnit::Millimetre;
    if (text == "cm") return LengthUnit::Centimetre;
    if (text == "m") return LengthUnit::Metre;
    return std::nullopt;
}

const char* unitName(LengthUnit unit) {
    switch (unit) {
        case LengthUnit::Millimetre: return "millimetres";
        case LengthUnit::Centimetre: return "centimetres";
        case LengthUnit::Metre: return "metres";
        case LengthUnit::Auto: break;
    }
    return "automatic";
}

Axis defaultForward(Axis up) { return up.index == 2 ? Axis{1, -1} : Axis{2, +1}; }

Axis ModelOrientation::forwardAxis() const { return forward.value_or(defaultForward(upAxis())); }

std::string orientationProblem(const ModelOrientation& orientation) {
    const Axis up = orientation.upAxis(), forward = orientation.forwardAxis();
    if (forward.index != up.index) return "";
    const std::string axis(1, static_cast<char>('X' + forward.index));
    return "--up " + axisName(up) + " and --forward " + axisName(forward) + " are both on the " + axis +
           " axis; anterior must be at right angles to up";
}

glm::mat3 sceneRotation(const ModelOrientation& orientation) {
    auto unit = [](Axis a) {
        glm::vec3 v(0.0f);
        v[a.index] = static_cast<float>(a.sign);
        return v;
    };
    const glm::vec3 up = unit(orientation.upAxis());
    const glm::vec3 forward = unit(orientation.forwardAxis());
    const glm::vec3 left = glm::cross(up, forward);
    // Rows are the file's directions that become scene X, Y and Z; GLM matrices are column-major.
    return glm::transpose(glm::mat3(left, up, forward));
}

LengthUnit guessUnits(const Bounds& fileBounds) {
    if (fileBounds.empty()) return LengthUnit::Metre;
    const glm::vec3 size = fileBounds.size();
    const float largest = std::max({size.x, size.y, size.z});
    if (largest < 2.5f) return LengthUnit::Metre;
    if (largest < 20.0f) return LengthUnit::Centimetre;
    return LengthUnit::Millimetre;
}

float metresPer(LengthUnit unit) {
    switch (unit) {
        case LengthUnit::Millimetre: return 0.001f;
        case LengthUnit::Centimetre: return 0.01f;
        case LengthUnit::Metre:
        case LengthUnit::Auto: break;
    }
    return 1.0f;
}

}  // namespace psoas
