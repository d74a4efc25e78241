#include "core/key.hpp"

#include <charconv>
#include <utility>

namespace psoas {

namespace {
constexpr std::pair<std::string_view, Key> kNamedKeys[] = {
    {"space", Key::Space},   {"escape", Key::Escape},     {"enter", Key::Enter},       {"left", Key::Left},
    {"right", Key::Right},   {"up", Key::Up},             {"down", Key::Down},         {"pageup", Key::PageUp},
    {"pagedown", Key::PageDown}, {"home", Key::Home},     {"end", Key::End},           {"period", Key::Period},
    {"equal", Key::Equal},   {"minus", Key::Minus},       {"backspace", Key::Backspace}, {"delete", Key::Delete},
};
}  // namespace

Key keyNamed(std::string_view name) {
    if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return static_cast<Key>(static_cast<int>(Key::A) + (name[0] - 'a'));
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9')
        return static_cast<Key>(static_cast<int>(Key::Digit0) + (name[0] - '0'));
    if (name.size() >= 2 && name.size() <= 3 && name[0] == 'f') {
        int n = 0;
        const auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), n);
        if (ec == std::errc() && end == name.data() + name.size() && n >= 1 && n <= 12)
            return static_cast<Key>(static_cast<int>(Key::F1) + n - 1);
    }
    for (const auto& [known, key] : kNamedKeys)
        if (known == name) return key;
    return Key::Unknown;
}

char32_t typedCharacter(KeyChord chord) {
    if (chord.mods & (modifier::Control | modifier::Alt | modifier::Super)) return 0;
    const int k = static_cast<int>(chord.key);
    if (k >= static_cast<int>(Key::A) && k <= static_cast<int>(Key::Z))
        return static_cast<char32_t>(((chord.mods & modifier::Shift) ? 'A' : 'a') + (k - static_cast<int>(Key::A)));
    if (chord.mods & modifier::Shift) return 0;  // shifted digits and signs depend on the layout
    if (k >= static_cast<int>(Key::Digit0) && k <= static_cast<int>(Key::Digit9)) return static_cast<char32_t>('0' + (k - static_cast<int>(Key::Digit0)));
    switch (chord.key) {
        case Key::Space: return U' ';
        case Key::Period: return U'.';
        case Key::Equal: return U'=';
        case Key::Minus: return U'-';
        default: return 0;
    }
}

}  // namespace psoas
