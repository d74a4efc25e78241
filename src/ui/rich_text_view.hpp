#pragma once
// Draws lesson text (paragraphs, bullets, bold, italic) wrapped to the panel's width.

#include "core/rich_text.hpp"
#include "ui/fonts.hpp"

#include <vector>

namespace psoas::ui {

void drawRichText(const std::vector<TextBlock>& blocks, const UiFonts& fonts);

}  // namespace psoas::ui
