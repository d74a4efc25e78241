#include "core/toml_reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
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

struct TextPosition {
    int line = 1;    // 1-based
    int column = 1;  // 1-based, in bytes
    std::string quotes;  // the delimiter that opened the text: """ or '''
};

// Where a multi-line string that is never closed begins: a small scan of TOML's string and comment
// rules (escapes in basic strings, none in literal ones; '#' outside strings starts a comment).
std::optional<TextPosition> unclosedMultiLineString(std::string_view text) {
    enum class In { Nothing, Comment, Basic, Literal, MultiBasic, MultiLiteral };
    In in = In::Nothing;
    TextPosition here, opened;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const std::string_view rest = text.substr(i);
        switch (in) {
            case In::Nothing:
                if (c == '#') in = In::Comment;
                else if (rest.substr(0, 3) == "\"\"\"" || rest.substr(0, 3) == "'''") {
                    opened = here;
                    opened.quotes = std::string(rest.substr(0, 3));
                    in = c == '"' ? In::MultiBasic : In::MultiLiteral;
                    i += 2;
                    here.column += 2;
                } else if (c == '"') in = In::Basic;
                else if (c == '\'') in = In::Literal;
                break;
            case In::Comment: break;
            case In::Basic:
                if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') { ++i; ++here.column; }
                else if (c == '"') in = In::Nothing;
                break;
            case In::Literal:
                if (c == '\'') in = In::Nothing;
                break;
            case In::MultiBasic:
            case In::MultiLiteral: {
                const std::string_view close = in == In::MultiBasic ? "\"\"\"" : "'''";
                if (in == In::MultiBasic && c == '\\' && i + 1 < text.size()) { ++i; ++here.column; }
                else if (rest.substr(0, 3) == close) {
                    // Up to two more quotes may belong to the text ("" before the closing """).
                    std::size_t run = 3;
                    while (run < 5 && run < rest.size() && rest[run] == close[0]) ++run;
                    i += run - 1;
                    here.column += static_cast<int>(run) - 1;
                    in = In::Nothing;
                }
                break;
            }
        }
        if (text[i] == '\n') {
            ++here.line;
            here.column = 1;
            // Single-line strings and comments end with their line (an unclosed " is its own error).
            if (in == In::Comment || in == In::Basic || in == In::Literal) in = In::Nothing;
        } else {
            ++here.column;
        }
    }
    if (in == In::MultiBasic || in == In::MultiLiteral) return opened;
    return std::nullopt;
}

// toml++ words its syntax errors for parser writers; say instead what a teacher should change,
// and point at the place they must edit.
Diagnostic explainSyntaxError(const toml::parse_error& e, std::string_view text, const std::filesystem::path& file) {
    Diagnostic d = diagnosticAt(file, e.source(), std::string(e.description()));
    const std::string description(e.description());
    const std::string line = lineOf(text, static_cast<std::size_t>(d.line));
    const auto control = std::find_if(line.begin(), line.end(), [](char c) {
        return (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\r') || c == '\x7f';
    });
    if (description.find("control character") != std::string::npos && control != line.end()) {
        // A NUL or other invisible byte (a file saved by a word processor, a bad copy and paste):
        // toml++ calls it an unescaped control character; point at the byte itself.
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(*control)));
        d.column = static_cast<int>(control - line.begin()) + 1;
        d.message = std::string("an invisible control character (byte ") + byte + ") is in the text here; delete it";
    } else if (description.find("maximum nested value depth") != std::string::npos) {
        d.message = "lists or tables are nested too deeply here (more than 256 levels); a closing ] or } is missing, or this "
                    "is not the file you meant";
    } else if (description.find("cannot redefine existing") != std::string::npos) {
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
        // toml++ notices only at the end of the file; the teacher must edit where the text began.
        if (const auto open = unclosedMultiLineString(text)) {
            d.line = open->line;
            d.column = open->column;
            d.message = "this " + open->quotes + " text is never closed: add " + open->quotes + " where the text should end";
        } else {
            d.message = "the file ends inside a string or list: a closing \", ] or } is missing";
        }
    } else if (description.find("utf-8") != std::string::npos || description.find("UTF-8") != std::string::npos) {
        d.message = "the text here is not valid UTF-8; save the file with UTF-8 encoding";
    }
    return d;
}
}  // namespace

std::string readDataFile(const std::filesystem::path& file, std::uintmax_t maxBytes, std::string_view tooLarge) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw DataFileError({{file, 0, 0, "cannot be read (" + ec.message() + ")"}});
    if (size > maxBytes) throw DataFileError({{file, 0, 0, std::string(tooLarge)}});
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DataFileError({{file, 0, 0, "cannot be opened (" + std::string(std::strerror(errno)) + ")"}});
    std::string text;
    std::array<char, 1 << 16> buffer{};
    while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
        text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
        if (text.size() > maxBytes) throw DataFileError({{file, 0, 0, std::string(tooLarge)}});
    }
    if (in.bad()) throw DataFileError({{file, 0, 0, "cannot be read (" + std::string(std::strerror(errno)) + ")"}});
    return text;
}

toml::table parseTomlOrThrow(std::string_view text, const std::filesystem::path& file) {
    try {
        return toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        throw DataFileError({explainSyntaxError(e, text, file)});
    }
}

}  // namespace psoas
