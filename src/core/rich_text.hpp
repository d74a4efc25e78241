#pragma once
// The small text format of lesson steps: blank lines separate paragraphs, lines starting with
// "- " or "* " are bullets, **bold** and *italic* mark words. Kept deliberately small so a
// teacher never needs a manual for it.

#include <string>
#include <string_view>
#include <vector>

namespace psoas {

struct TextSpan {
    std::string text;
    bool bold = false;
    bool italic = false;
};

struct TextBlock {
    bool bullet = false;
    std::vector<TextSpan> spans;
};

std::vector<TextBlock> parseRichText(std::string_view text);

}  // namespace psoas
