#pragma once
// Keys as the viewer names them, whatever the window system: the key table, the session's input
// and scripted runs use these; only the window layer (app/input_map.cpp) knows GLFW's codes.

#include <string_view>

namespace psoas {

enum class Key {
    Unknown,
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
    Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9,  // the top row
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
    Space, Escape, Enter, Left, Right, Up, Down, PageUp, PageDown, Home, End,
    Period, Equal, Minus, Backspace, Delete, KeypadAdd, KeypadSubtract,
};

// Modifier bits of a KeyChord.
namespace modifier {
inline constexpr int Shift = 1, Control = 2, Alt = 4, Super = 8;
}

struct KeyChord {
    Key key = Key::Unknown;
    int mods = 0;  // modifier:: bits held with it
    bool operator==(const KeyChord&) const = default;
};

// "a", "0", "f5", "pagedown", …: the names scripts use; Key::Unknown for any other.
[[nodiscard]] Key keyNamed(std::string_view name);

// The character the chord types on a US layout ('a', 'A' with Shift, '5', ' ', '.', '=', '-'), or 0
// for a key that types none or a chord with Ctrl, Alt or Super (a shortcut, not typing).
[[nodiscard]] char32_t typedCharacter(KeyChord chord);

}  // namespace psoas
