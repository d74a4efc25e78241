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

}  // namespace psoas
