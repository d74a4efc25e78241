#include "core/number_text.hpp"

#include <cmath>
#include <locale>
#include <sstream>
#include <string>

namespace psoas {

std::optional<double> parseDecimal(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const char first = text.front();
    if (first != '-' && first != '.' && (first < '0' || first > '9')) return std::nullopt;
    if (text.find_first_of("xX") != std::string_view::npos) return std::nullopt;
    std::istringstream in{std::string(text)};
    in.imbue(std::locale::classic());
    double value = 0.0;
    in >> value;
    if (in.fail() || in.peek() != std::char_traits<char>::eof() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::string percentText(double share) { return std::to_string(std::lround(share * 100.0)) + "\u00a0%"; }

}  // namespace psoas
