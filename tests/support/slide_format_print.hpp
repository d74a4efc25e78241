#pragma once
// GoogleTest prints a SlideFormat as "1280x720, white background" instead of its bytes.
#include "core/slide_format.hpp"

#include <ostream>

namespace psoas {
inline void PrintTo(const SlideFormat& format, std::ostream* out) { *out << slideFormatText(format); }
}  // namespace psoas
