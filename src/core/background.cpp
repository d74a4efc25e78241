#include "core/background.hpp"

namespace psoas {

std::string_view toString(Background background) {
    for (const BackgroundName& entry : kBackgroundNames)
        if (entry.value == background) return entry.name;
    return kBackgroundNames.front().name;
}

std::optional<Background> backgroundFrom(std::string_view name) {
    for (const BackgroundName& entry : kBackgroundNames)
        if (entry.name == name) return entry.value;
    return std::nullopt;
}

}  // namespace psoas
