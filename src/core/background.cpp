#include "core/background.hpp"

#include "core/name_table.hpp"

namespace psoas {

std::string_view toString(Background background) { return nameIn(kBackgroundNames, background); }

std::optional<Background> backgroundFrom(std::string_view name) { return valueIn(kBackgroundNames, name); }

glm::vec4 clearColour(Background background) {
    switch (background) {
        case Background::White: return {1.0f, 1.0f, 1.0f, 1.0f};
        case Background::Transparent: return {0.0f, 0.0f, 0.0f, 0.0f};
        case Background::Dark: break;
    }
    return {0.10f, 0.11f, 0.13f, 1.0f};
}

}  // namespace psoas
