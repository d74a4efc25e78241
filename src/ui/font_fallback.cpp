#include "ui/font_fallback.hpp"

#include <string>

namespace psoas::ui {

namespace {

std::string utf8(char32_t c) {
    std::string out;
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) out += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    else if (c < 0x10000)
        out += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    else
        out += {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    return out;
}

}  // namespace

std::string noFontMessage(const std::vector<char32_t>& uncovered) {
    std::string sample;
    for (std::size_t i = 0; i < uncovered.size() && i < 8; ++i) sample += utf8(uncovered[i]);
    if (uncovered.size() > 8) sample += "…";
    return noFontWords(sample);
}

}  // namespace psoas::ui
