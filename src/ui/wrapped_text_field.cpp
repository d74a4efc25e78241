#include "ui/wrapped_text_field.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

namespace psoas::ui {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

// The start of the UTF-8 character that ends just before `offset`.
std::size_t previousCharacter(std::string_view text, std::size_t offset) {
    std::size_t at = offset;
    while (at > 0) {
        --at;
        if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) break;
    }
    return at;
}

std::size_t nextCharacter(std::string_view text, std::size_t offset) {
    std::size_t at = std::min(offset + 1, text.size());
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    return at;
}

// One line the teacher typed (no '\n'), with soft breaks, appended to `out`.
void wrapLine(std::string_view line, const ImFont& font, float scale, float width, std::string& out) {
    const char* begin = line.data();
    const char* end = line.data() + line.size();
    while (begin < end) {
        const char* cut = font.CalcWordWrapPositionA(scale, begin, end, width);
        if (cut >= end) break;
        if (cut <= begin) cut = begin + nextCharacter(std::string_view(begin, static_cast<std::size_t>(end - begin)), 0);
        while (cut < end && isBlank(*cut)) ++cut;  // the blanks stay at the end of the line
        if (cut >= end) break;
        out.append(begin, cut);
        out += "\r\n";
        begin = cut;
    }
    out.append(begin, end);
}

struct FieldState {
    std::string* text;  // what ImGui writes back into, grown on demand
    const ImFont* font;
    float fontSize;
    float width;
    std::string before;  // the field as shown when this frame began
    int lastCursor;      // where the cursor was in the frame before (-1: not known)
};

// The cursor can rest between the two halves of a soft break, a place that looks like the end of
// the line but is a dead stop for the arrow keys: it goes to the end of the line (before the '\r'),
// or on to the next line's start when it came from that end (the Right arrow).
void leaveSoftBreak(ImGuiInputTextCallbackData& data, int lastCursor) {
    const int at = data.CursorPos;
    if (at <= 0 || at >= data.BufTextLen || data.Buf[at - 1] != '\r' || data.Buf[at] != '\n') return;
    const int to = lastCursor == at - 1 ? at + 1 : at - 1;
    if (data.SelectionStart == at) data.SelectionStart = to;
    if (data.SelectionEnd == at) data.SelectionEnd = to;
    data.CursorPos = to;
}

int fieldCallback(ImGuiInputTextCallbackData* data) {
    auto* field = static_cast<FieldState*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        field->text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = field->text->data();
        return 0;
    }
    if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways) {
        leaveSoftBreak(*data, field->lastCursor);
        field->lastCursor = data->CursorPos;
        return 0;
    }
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
    const std::string shown(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    std::size_t cursor = static_cast<std::size_t>(data->CursorPos);
    const std::string text = textAfterEdit(field->before, shown, cursor);
    const std::string rewrapped = withSoftBreaks(text, *field->font, field->fontSize, field->width);
    field->lastCursor = static_cast<int>(offsetWithSoftBreaks(rewrapped, cursor));
    if (rewrapped == shown) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = field->lastCursor;
        return 0;
    }
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, rewrapped.data(), rewrapped.data() + rewrapped.size());
    data->CursorPos = data->SelectionStart = data->SelectionEnd = field->lastCursor;
    // ImGui's own undo records positions in the text as it was; after a re-wrap they would point
    // at the wrong characters (or past the end), so the field's undo starts again from here.
    // (Edit callbacks come only from the field being typed in, whose state this is.)
    ImStb::StbUndoState& undo = ImGui::GetCurrentContext()->InputTextState.Stb.undostate;
    undo.undo_point = 0;
    undo.undo_char_point = 0;
    undo.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
    undo.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
    return 0;
}

// The platform backend's clipboard hook, which copyWithoutSoftBreaks wraps (the same function for
// every context: GLFW's).
void (*backendSetClipboard)(void*, const char*) = nullptr;

void setClipboardWithoutSoftBreaks(void* user, const char* text) {
    backendSetClipboard(user, withoutSoftBreaks(text ? text : "").c_str());
}

}  // namespace

void copyWithoutSoftBreaks() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.SetClipboardTextFn || io.SetClipboardTextFn == setClipboardWithoutSoftBreaks) return;
    backendSetClipboard = io.SetClipboardTextFn;
    io.SetClipboardTextFn = setClipboardWithoutSoftBreaks;
}

std::string textAfterEdit(std::string_view before, std::string_view shown, std::size_t& cursor) {
    if (before.size() == shown.size() + 1) {
        std::size_t at = 0;
        while (at < shown.size() && before[at] == shown[at]) ++at;
        const bool oneDeleted = before.substr(at + 1) == shown.substr(at);
        if (oneDeleted && before[at] == '\n' && at > 0 && before[at - 1] == '\r') {
            // Backspace after the break: also the character before it.
            std::string text = withoutSoftBreaks(before.substr(0, at - 1));
            const std::size_t cut = previousCharacter(text, text.size());
            text.resize(cut);
            cursor = text.size();
            text += withoutSoftBreaks(before.substr(at + 1));
            return text;
        }
        if (oneDeleted && before[at] == '\r' && at + 1 < before.size() && before[at + 1] == '\n') {
            // Delete before the break: also the character after it.
            std::string text = withoutSoftBreaks(before.substr(0, at));
            cursor = text.size();
            std::string rest = withoutSoftBreaks(before.substr(at + 2));
            text += rest.substr(rest.empty() ? 0 : nextCharacter(rest, 0));
            return text;
        }
    }
    cursor = offsetWithoutSoftBreaks(shown, cursor);
    return withoutSoftBreaks(shown);
}

std::string withSoftBreaks(std::string_view text, const ImFont& font, float fontSize, float width) {
    const float scale = fontSize / font.FontSize;
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = text.find('\n', begin);
        wrapLine(text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin), font, scale, width, out);
        if (end == std::string_view::npos) break;
        out += '\n';
        begin = end + 1;
    }
    return out;
}

std::string withoutSoftBreaks(std::string_view shown) {
    std::string text;
    text.reserve(shown.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (shown[i] != '\r') {
            text += shown[i];
            continue;
        }
        if (i + 1 < shown.size() && shown[i + 1] == '\n') ++i;
    }
    return text;
}

std::size_t offsetWithoutSoftBreaks(std::string_view shown, std::size_t offset) {
    offset = std::min(offset, shown.size());
    std::size_t soft = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (shown[i] == '\r') ++soft;
        else if (shown[i] == '\n' && i > 0 && shown[i - 1] == '\r') ++soft;
    }
    return offset - soft;
}

std::size_t offsetWithSoftBreaks(std::string_view shown, std::size_t textOffset) {
    std::size_t counted = 0;
    std::size_t i = 0;
    while (i < shown.size()) {
        if (shown[i] == '\r') {
            i += (i + 1 < shown.size() && shown[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (counted == textOffset) return i;
        ++counted;
        ++i;
    }
    return shown.size();
}

std::optional<std::string> wrappedTextField(const char* label, const std::string& current, float lines, bool& finished) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 size{-FLT_MIN, ImGui::GetTextLineHeight() * lines + style.FramePadding.y * 2.0f};
    // Room for the text: the field less its padding, its scroll bar and the cursor.
    const float width = ImGui::GetContentRegionAvail().x - style.FramePadding.x * 2.0f - style.ScrollbarSize - ImGui::GetFontSize() * 0.5f;
    // The cursor's place in the frame before, kept in the window's storage under the field's id.
    ImGuiStorage& storage = *ImGui::GetStateStorage();
    const ImGuiID cursorKey = ImGui::GetID(label) + 1;
    FieldState field{nullptr, ImGui::GetFont(), ImGui::GetFontSize(), std::max(width, ImGui::GetFontSize()), {}, storage.GetInt(cursorKey, -1)};
    field.before = withSoftBreaks(current, *field.font, field.fontSize, field.width);
    std::string shown = field.before;
    shown.reserve(shown.size() + 64);
    field.text = &shown;
    const ImGuiInputTextFlags flags =
        ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways;
    const bool changed = ImGui::InputTextMultiline(label, shown.data(), shown.capacity() + 1, size, flags, fieldCallback, &field);
    storage.SetInt(cursorKey, ImGui::IsItemActive() ? field.lastCursor : -1);
    shown.resize(std::char_traits<char>::length(shown.c_str()));
    if (ImGui::IsItemDeactivatedAfterEdit()) finished = true;
    if (!changed) return std::nullopt;
    std::string text = withoutSoftBreaks(shown);
    if (text == current) return std::nullopt;
    return text;
}

}  // namespace psoas::ui
