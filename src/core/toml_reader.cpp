#include "core/toml_reader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace psoas {

Diagnostic diagnosticAt(const std::filesystem::path& file, const toml::source_region& where, std::string message) {
    return {file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), std::move(message)};
}

void sortByPosition(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.file == b.file && (a.line < b.line || (a.line == b.line && a.column < b.column));
    });
}

namespace {
std::string lineOf(std::string_view text, std::size_t line) {
    std::size_t start = 0;
    for (std::size_t i = 1; i < line && start != std::string_view::npos; ++i) {
        start = text.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos || start > text.size()) return {};
    return std::string(text.substr(start, text.find('\n', start) - start));
}

// toml++ words its syntax errors for parser writers; say instead what a teacher should change,
// and point at the place they must edit.
Diagnostic explainSyntaxError(const toml::parse_error& e, std::string_view text, const std::filesystem::path& file) {
    Diagnostic d = diagnosticAt(file, e.source(), std::string(e.description()));
    const std::string description(e.description());
    const std::string line = lineOf(text, static_cast<std::size_t>(d.line));
    if (description.find("cannot redefine existing") != std::string::npos) {
        const auto open = description.rfind('\'', description.size() - 2);
        const std::string key = open == std::string::npos ? "" : description.substr(open + 1, description.size() - open - 2);
        const auto at = line.find(key);
        if (!key.empty() && at != std::string::npos) d.column = static_cast<int>(at) + 1;
        d.message = "'" + key + "' is set twice in the same table; keep one";
    } else if (description.find("unescaped control characters") != std::string::npos) {
        const auto equals = line.find('=');
        const auto quote = line.find('"', equals == std::string::npos ? 0 : equals);
        if (quote != std::string::npos) d.column = static_cast<int>(quote) + 1;
        d.message = "unterminated string: the closing \" is missing on this line";
    } else if (description.find("end-of-file") != std::string::npos) {
        d.message = "the file ends inside a string or list: a closing \"\"\", \" or ] is missing (" + description + ")";
    } else if (description.find("utf-8") != std::string::npos || description.find("UTF-8") != std::string::npos) {
        d.message = "the text here is not valid UTF-8; save the file with UTF-8 encoding";
    }
    return d;
}
}  // namespace

std::string readDataFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DataFileError({{file, 0, 0, "cannot be opened (missing or unreadable)"}});
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

toml::table parseTomlOrThrow(std::string_view text, const std::filesystem::path& file) {
    try {
        return toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        throw DataFileError({explainSyntaxError(e, text, file)});
    }
}

}  // namespace psoas
