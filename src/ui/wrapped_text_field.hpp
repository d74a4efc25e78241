#pragma once

// A multi-line text field that wraps words at its width, for the lesson editor's step text and
// teacher notes. Dear ImGui 1.86 (Debian 12's) breaks a multi-line field's lines only at '\n' and
// scrolls sideways otherwise, so a paragraph ran off the panel as one long line.
//
// How: the field is shown with a *soft break* "\r\n" wherever a line would pass the field's width.
// ImGui draws '\r' as nothing and never lets a typed or pasted '\r' into a field, so a soft break
// cannot be confused with a line break the teacher typed ('\n' alone), and taking the soft breaks
// out gives back exactly the teacher's text. The breaks are redone after every edit while typing.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

struct ImFont;

namespace psoas::ui {

// `text` with a soft break where a line drawn in `font` at `fontSize` pixels would pass `width`
// pixels: after the blanks that end a word (they stay at the line's end), inside a word only when
// the word alone is wider than `width`. The teacher's own '\n' breaks are kept.
std::string withSoftBreaks(std::string_view text, const ImFont& font, float fontSize, float width);

// `shown` without its soft breaks: every "\r\n" removed, and a '\r' left alone (its '\n' deleted
// from the field) removed. withoutSoftBreaks(withSoftBreaks(t, …)) == t for any t without '\r'.
std::string withoutSoftBreaks(std::string_view shown);

// Where a byte offset in `shown` lands in withoutSoftBreaks(shown): soft-break bytes before it
// do not count.
std::size_t offsetWithoutSoftBreaks(std::string_view shown, std::size_t offset);

// The byte offset in `shown` (text with soft breaks) of offset `textOffset` in its text: past a
// soft break that sits exactly there, so the cursor begins the next line as it does in a word
// processor.
std::size_t offsetWithSoftBreaks(std::string_view shown, std::size_t textOffset);

// The teacher's text after an edit of the field showing `before` (with soft breaks) that left
// `shown`; `cursor`, a byte offset in `shown`, becomes one in the result. A key that deleted one
// half of a soft break (Backspace at the start of a wrapped line deletes its '\n', Delete at the
// end of one its '\r') acts as in a word processor: on the character across the break.
std::string textAfterEdit(std::string_view before, std::string_view shown, std::size_t& cursor);

// The field, `lines` lines tall and as wide as the space left: the new text (without soft
// breaks) when the teacher changed it this frame. `finished` is set when the teacher typed into it
// and it lets go of the keyboard (Enter is a new line here; Tab or a click elsewhere). Undo inside
// the field (Ctrl+Z while typing) reaches back only to the last re-wrap; the editor's own undo,
// after leaving the field, returns the whole text as it was before.
std::optional<std::string> wrappedTextField(const char* label, const std::string& current, float lines, bool& finished);

// Copying from a wrapped field (Ctrl+C, Ctrl+X) gives the teacher's text, not its soft breaks:
// ImGui's clipboard hook in the current context, set by the platform's backend, is wrapped so every
// '\r' is taken out of what is copied. Once per context, after the backend set its hook; nothing
// when it set none (the browser).
void copyWithoutSoftBreaks();

}  // namespace psoas::ui
