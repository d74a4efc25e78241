#pragma once
// Name tables: each typed choice (background, anti-aliasing, breath depth, attachment kind) has one
// constexpr array of entries with a `value` and its `name` (and, where a panel lists it, a
// `label`). These read them, so the command line, the settings file, lesson and atlas files and
// the panels all spell a value the same way.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

// The name of `value`; the table's first name when it is missing (tables list every value).
template <class Table, class Value>
[[nodiscard]] constexpr std::string_view nameIn(const Table& table, Value value) {
    for (const auto& entry : table)
        if (entry.value == value) return entry.name;
    return table.front().name;
}

// The value named `name` exactly (names are lower case), or nullopt.
template <class Table>
[[nodiscard]] constexpr auto valueIn(const Table& table, std::string_view name) -> std::optional<decltype(table.front().value)> {
    for (const auto& entry : table)
        if (entry.name == name) return entry.value;
    return std::nullopt;
}

// Every name, in the table's order: the words a message or a help line lists.
template <class Table>
[[nodiscard]] std::vector<std::string> namesIn(const Table& table) {
    std::vector<std::string> names;
    for (const auto& entry : table) names.emplace_back(entry.name);
    return names;
}

// The names joined: "quiet|deep" with "|".
template <class Table>
[[nodiscard]] std::string joinedNames(const Table& table, std::string_view separator) {
    std::string text;
    for (const auto& entry : table) text += (text.empty() ? "" : std::string(separator)) + std::string(entry.name);
    return text;
}

}  // namespace psoas
