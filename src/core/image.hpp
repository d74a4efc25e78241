#pragma once
// An RGBA8 picture in memory, top row first: what screenshots and image tests exchange.

#include <cstdint>
#include <vector>

namespace psoas {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, top row first

    [[nodiscard]] const std::uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

}  // namespace psoas
