#include "ui/rich_text_view.hpp"

#include <imgui.h>

namespace psoas::ui {

namespace {
ImFont* fontFor(const TextSpan& span, const UiFonts& fonts) {
    ImFont* font = span.bold && span.italic ? fonts.boldItalic : span.bold ? fonts.bold : span.italic ? fonts.italic : fonts.body;
    return font ? font : ImGui::GetFont();
}

// ImGui 1.86 wraps only single-font text, so mixed spans are laid out word by word: each word goes
// on the current line if it fits, else starts the next one. A short piece glued to the word before
// it (the comma after **bold**, which is a span of its own) stays on that word's line, hanging into
// the margin like a trailing space: it went to the next line alone (tester, session 7).
void drawBlock(const TextBlock& block, const UiFonts& fonts) {
    const float left = ImGui::GetCursorPosX();
    const float right = left + ImGui::GetContentRegionAvail().x;
    float x = left;
    bool lineStarted = false;
    bool gapBefore = true;  // the last piece drawn ended in a space (or nothing was drawn yet)
    for (const TextSpan& span : block.spans) {
        ImFont* font = fontFor(span, fonts);
        ImGui::PushFont(font);
        std::size_t start = 0;
        const std::string& text = span.text;
        while (start < text.size()) {
            std::size_t end = text.find(' ', start);
            end = end == std::string::npos ? text.size() : end + 1;  // keep the trailing space with its word
            const char* begin = text.c_str() + start;
            const char* stop = text.c_str() + end;
            const float width = ImGui::CalcTextSize(begin, stop).x;
            // The trailing space may hang past the edge; the visible word may not.
            const float visible = (end > start && text[end - 1] == ' ') ? ImGui::CalcTextSize(begin, stop - 1).x : width;
            const bool glued = lineStarted && start == 0 && !gapBefore && text[0] != ' ';
            if (lineStarted && x + visible > right && !(glued && visible <= ImGui::GetFontSize())) {
                lineStarted = false;
                x = left;
            }
            if (lineStarted) ImGui::SameLine(0.0f, 0.0f);
            else if (!lineStarted && x != left) ImGui::SetCursorPosX(left);
            ImGui::TextUnformatted(begin, stop);
            x = (lineStarted ? x : left) + width;
            lineStarted = true;
            gapBefore = text[end - 1] == ' ';
            start = end;
        }
        ImGui::PopFont();
    }
}
}  // namespace

void drawRichText(const std::vector<TextBlock>& blocks, const UiFonts& fonts) {
    for (const TextBlock& block : blocks) {
        if (block.bullet) {
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::BeginGroup();
            drawBlock(block, fonts);
            ImGui::EndGroup();
        } else {
            drawBlock(block, fonts);
            ImGui::Spacing();
        }
    }
}

}  // namespace psoas::ui
