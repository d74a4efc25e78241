#include "core/rich_text.hpp"

namespace psoas {

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Splits one block's text at ** and * markers; an unmatched marker stays as a literal character.
std::vector<TextSpan> parseSpans(std::string_view text) {
    std::vector<TextSpan> spans;
    bool bold = false, italic = false;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) spans.push_back({current, bold, italic});
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "**") == 0 && (bold || text.find("**", i + 2) != std::string_view::npos)) {
            flush();
            bold = !bold;
            ++i;
        } else if (text[i] == '*' && (italic || text.find('*', i + 1) != std::string_view::npos)) {
            flush();
            italic = !italic;
        } else {
            current += text[i];
        }
    }
    flush();
    return spans;
}
}  // namespace

std::vector<TextBlock> parseRichText(std::string_view text) {
    std::vector<TextBlock> blocks;
    std::string paragraph;
    auto endParagraph = [&] {
        if (!paragraph.empty()) blocks.push_back({false, parseSpans(paragraph)});
        paragraph.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trim(text.substr(start, end - start));
        if (line.empty()) {
            endParagraph();
        } else if (line.size() > 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') {
            endParagraph();
            blocks.push_back({true, parseSpans(trim(line.substr(2)))});
        } else if (!blocks.empty() && blocks.back().bullet && paragraph.empty() && start > 0 &&
                   text[start] == ' ') {
            // An indented line continues the bullet above it.
            std::string continued = " ";
            continued += line;
            auto more = parseSpans(continued);
            blocks.back().spans.insert(blocks.back().spans.end(), more.begin(), more.end());
        } else {
            if (!paragraph.empty()) paragraph += ' ';
            paragraph += line;
        }
        start = end + 1;
    }
    endParagraph();
    return blocks;
}

}  // namespace psoas
