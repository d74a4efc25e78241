#pragma once
// Reading teacher-editable TOML files (atlas, lessons, poses) field by field, recording every
// problem with its file:line:col instead of stopping at the first, so a file is fixed in one pass.

#include "core/diagnostic.hpp"

#include <glm/vec3.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace psoas {

// Reads one TOML table field by field, recording every problem with its position instead of
// stopping at the first, so a teacher fixes a file in one pass.
class TableReader {
public:
    TableReader(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& out,
                std::vector<std::string> knownKeys, std::string context)
        : table_(table), file_(file), out_(out), known_(std::move(knownKeys)), context_(std::move(context)) {
        for (auto&& [key, node] : table_) {
            const std::string name(key.str());
            if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
            const std::string guess = closestMatch(name, known_);
            if (!guess.empty()) suggested_.push_back(guess);
            report(key.source(), "unknown key '" + name + "' in " + context_ +
                                     (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
        }
    }

    void report(const toml::source_region& where, std::string message) {
        out_.push_back({file_, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                        std::move(message)});
    }
    void reportHere(std::string message) { report(table_.source(), std::move(message)); }

    std::string string(const char* key, bool required) {
        const toml::node* node = table_.get(key);
        if (!node) {
            // A misspelt key already suggested this one: a second message would only repeat it.
            const bool misspelt = std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end();
            if (required && !misspelt) reportHere(context_ + " needs '" + key + "'");
            return {};
        }
        if (auto value = node->value_exact<std::string>()) {
            if (required && value->empty()) report(node->source(), std::string("'") + key + "' is empty");
            return *value;
        }
        report(node->source(), std::string("'") + key + "' must be a string");
        return {};
    }

    bool boolean(const char* key, bool fallback) {
        const toml::node* node = table_.get(key);
        if (!node) return fallback;
        // value_exact: toml++'s value<bool>() would quietly turn 0 and 1 into false and true.
        if (auto value = node->value_exact<bool>()) return *value;
        report(node->source(), std::string("'") + key + "' must be true or false");
        return fallback;
    }

    float number(const char* key, float fallback, float lo, float hi) {
        const toml::node* node = table_.get(key);
        if (!node) return fallback;
        const auto value = node->value<double>();
        if (!value) {
            report(node->source(), std::string("'") + key + "' must be a number");
            return fallback;
        }
        if (!(*value >= lo && *value <= hi)) {
            std::ostringstream range;
            range << "'" << key << "' is " << *value << "; it must be between " << lo << " and " << hi;
            report(node->source(), range.str());
            return fallback;
        }
        return static_cast<float>(*value);
    }

    glm::vec3 vec3(const char* key, glm::vec3 fallback, float lo, float hi) {
        const toml::node* node = table_.get(key);
        if (!node) return fallback;
        const toml::array* array = node->as_array();
        glm::vec3 result = fallback;
        bool ok = array && array->size() == 3;
        for (std::size_t i = 0; ok && i < 3; ++i) {
            const auto value = (*array)[i].value<double>();
            ok = value && *value >= lo && *value <= hi;
            if (ok) result[static_cast<int>(i)] = static_cast<float>(*value);
        }
        if (ok) return result;
        std::ostringstream message;
        message << "'" << key << "' must be three numbers between " << lo << " and " << hi;
        report(node->source(), message.str());
        return fallback;
    }

    template <typename Enum>
    Enum choice(const char* key, const std::vector<std::pair<std::string, Enum>>& options, bool required,
                Enum fallback) {
        const std::string text = string(key, required);
        if (text.empty()) return fallback;
        std::vector<std::string> names;
        for (const auto& [name, value] : options) {
            if (name == text) return value;
            names.push_back(name);
        }
        std::string list;
        for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
        const std::string guess = closestMatch(text, names);
        report(table_.get(key)->source(), "'" + text + "' is not a " + key + " (use one of: " + list + ")" +
                                              (guess.empty() ? "" : "; did you mean '" + guess + "'?"));
        return fallback;
    }

    // A string or an array of strings, each with its position (for checking ids one by one).
    std::vector<std::pair<std::string, toml::source_region>> stringList(const char* key) {
        std::vector<std::pair<std::string, toml::source_region>> items;
        const toml::node* node = table_.get(key);
        if (!node) return items;
        if (auto single = node->value_exact<std::string>()) {
            items.emplace_back(*single, node->source());
            return items;
        }
        const toml::array* array = node->as_array();
        if (!array) {
            report(node->source(), std::string("'") + key + "' must be a string or a list of strings");
            return items;
        }
        for (const toml::node& element : *array) {
            if (auto text = element.value_exact<std::string>())
                items.emplace_back(*text, element.source());
            else
                report(element.source(), std::string("every item of '") + key + "' must be a string");
        }
        return items;
    }

    // Calls visit(table) for each table of an array of tables ([[parent.key]]); anything else under
    // `key` is reported as written wrongly.
    template <typename Visit>
    void eachTable(const char* key, const char* parent, Visit&& visit) {
        const toml::node* node = table_.get(key);
        if (!node) return;
        const toml::array* array = node->as_array();
        if (!array || !array->is_array_of_tables()) {
            report(node->source(), std::string("'") + key + "' must be written as [[" + parent + "." + key + "]] tables");
            return;
        }
        for (const toml::node& element : *array) visit(*element.as_table());
    }

    [[nodiscard]] bool has(const char* key) const { return table_.contains(key); }
    const toml::table& table() const { return table_; }
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    std::vector<Diagnostic>& diagnostics() { return out_; }

private:
    const toml::table& table_;
    const std::filesystem::path& file_;
    std::vector<Diagnostic>& out_;
    std::vector<std::string> known_;
    std::string context_;
    std::vector<std::string> suggested_;  // known keys offered as "did you mean" for unknown ones
};


// "file:line:col" Diagnostic at a TOML node.
Diagnostic diagnosticAt(const std::filesystem::path& file, const toml::source_region& where, std::string message);

// A data file's whole text; throws DataFileError when it cannot be read or is larger than
// `maxBytes` (then with `tooLarge` as the message). Never reads more than maxBytes + 64 KiB, even
// from a file that grows while it is read: a 100 MB file dropped in by mistake costs nothing.
inline constexpr std::uintmax_t kMaxDataFileBytes = 4u << 20;
std::string readDataFile(const std::filesystem::path& file, std::uintmax_t maxBytes = kMaxDataFileBytes,
                         std::string_view tooLarge = "is larger than 4 MiB; atlas and pose files are a few pages of text");

// Parses TOML text; a syntax error becomes a DataFileError with its position.
toml::table parseTomlOrThrow(std::string_view text, const std::filesystem::path& file);

}  // namespace psoas
