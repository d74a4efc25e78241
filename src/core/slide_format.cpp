#include "core/slide_format.hpp"

#include <algorithm>

namespace psoas {

std::optional<std::size_t> slideSizeIndex(glm::ivec2 size) {
    for (std::size_t i = 0; i < kSlideSizes.size(); ++i)
        if (kSlideSizes[i].size == size) return i;
    return std::nullopt;
}

bool slideBackgroundOffered(Background background) {
    return std::any_of(kSlideBackgrounds.begin(), kSlideBackgrounds.end(),
                       [background](const SlideBackground& offered) { return offered.background == background; });
}

std::string sizeText(glm::ivec2 size) { return std::to_string(size.x) + "x" + std::to_string(size.y); }

std::string slideFormatText(const SlideFormat& format) {
    return sizeText(format.size) + ", " + std::string(toString(format.background)) + " background";
}

}  // namespace psoas
