#include "core/anti_aliasing.hpp"

#include "core/name_table.hpp"

namespace psoas {

std::string_view toString(AntiAliasing mode) { return nameIn(kAntiAliasingNames, mode); }

std::optional<AntiAliasing> antiAliasingFrom(std::string_view name) { return valueIn(kAntiAliasingNames, name); }

}  // namespace psoas
