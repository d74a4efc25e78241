#include "core/anti_aliasing.hpp"

namespace psoas {

std::string_view toString(AntiAliasing mode) {
    switch (mode) {
        case AntiAliasing::Multisample: return "msaa";
        case AntiAliasing::Off: return "off";
        case AntiAliasing::EdgeFilter: break;
    }
    return "edge";
}

std::optional<AntiAliasing> antiAliasingFrom(std::string_view name) {
    for (AntiAliasing mode : {AntiAliasing::EdgeFilter, AntiAliasing::Multisample, AntiAliasing::Off})
        if (toString(mode) == name) return mode;
    return std::nullopt;
}

}  // namespace psoas
