#include "core/handout.hpp"

#include "core/rich_text.hpp"

#include <algorithm>
#include <cstdio>

namespace psoas {

std::string stepImageName(int stepIndex, const std::string& title) {
    std::string slug;
    for (unsigned char c : title) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
        else if (!slug.empty() && slug.back() != '-') slug += '-';  // spaces, punctuation, non-ASCII
        if (slug.size() >= 48) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) slug = "step";
    char number[16];
    std::snprintf(number, sizeof number, "%02d-", stepIndex + 1);
    return number + slug + ".png";
}

namespace {
std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string spansHtml(const std::vector<TextSpan>& spans) {
    std::string html;
    for (const TextSpan& span : spans) {
        std::string text = escape(span.text);
        if (span.italic) text = "<em>" + text + "</em>";
        if (span.bold) text = "<strong>" + text + "</strong>";
        html += text;
    }
    return html;
}

std::string textHtml(const std::string& text) {
    std::string html;
    bool inList = false;
    for (const TextBlock& block : parseRichText(text)) {
        if (block.bullet != inList) {
            html += block.bullet ? "<ul>\n" : "</ul>\n";
            inList = block.bullet;
        }
        html += block.bullet ? "<li>" + spansHtml(block.spans) + "</li>\n" : "<p>" + spansHtml(block.spans) + "</p>\n";
    }
    if (inList) html += "</ul>\n";
    return html;
}
}  // namespace

std::string handoutHtml(const Lesson& lesson, const std::vector<HandoutImage>& images, glm::ivec2 imageSize) {
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(lesson.title) +
                       "</title>\n<style>\nbody { font-family: 'DejaVu Sans', sans-serif; max-width: 60rem; margin: 2rem auto; "
                       "padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }\nsection { page-break-inside: avoid; margin-bottom: 2.5rem; }\n"
                       ".shot { overflow: hidden; border: 1px solid #ccc; }\n.shot img { display: block; width: 100%; height: auto; }\nh2 { margin-bottom: 0.3rem; }\n.step { color: #777; }\n</style>\n"
                       "</head>\n<body>\n<h1>" + escape(lesson.title) + "</h1>\n";
    if (!lesson.summary.empty()) html += "<p>" + escape(lesson.summary) + "</p>\n";
    if (!lesson.audience.empty()) html += "<p class=\"step\">For: " + escape(lesson.audience) + "</p>\n";
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        const LessonStep& step = lesson.steps[i];
        html += "<section>\n<h2><span class=\"step\">" + std::to_string(i + 1) + ".</span> " + escape(step.title) + "</h2>\n";
        if (i < images.size()) {
            // The frame keeps the picture's rows (its aspect ratio) and hides the caption's below.
            const int rows = images[i].pictureRows > 0 ? std::min(images[i].pictureRows, imageSize.y) : imageSize.y;
            html += "<div class=\"shot\" style=\"aspect-ratio: " + std::to_string(imageSize.x) + " / " + std::to_string(rows) +
                    "\"><img src=\"" + escape(images[i].file) + "\" width=\"" + std::to_string(imageSize.x) + "\" height=\"" +
                    std::to_string(imageSize.y) + "\" alt=\"" + escape(step.title) + "\"></div>\n";
        }
        html += textHtml(step.text) + "</section>\n";
    }
    html += "<p class=\"step\">Made with Psoas Atlas.</p>\n</body>\n</html>\n";
    return html;
}

}  // namespace psoas
