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
class StringScanner {
public:
    explicit StringScanner(std::string_view text) : text_(text) {}

    std::optional<TextPosition> unclosed() {
        while (i_ < text_.size()) {
            switch (in_) {
                case In::Nothing: outside(); break;
                case In::Basic: inBasic(); break;
                case In::Literal: inLiteral(); break;
                case In::MultiBasic:
                case In::MultiLiteral: inMultiLine(); break;
                case In::Comment: advance(1); break;
            }
        }
        if (in_ == In::MultiBasic || in_ == In::MultiLiteral) return opened_;
        return std::nullopt;
    }

private:
    enum class In { Nothing, Comment, Basic, Literal, MultiBasic, MultiLiteral };

    [[nodiscard]] bool startsWith(std::string_view what) const { return text_.substr(i_, what.size()) == what; }

    // Moves past `count` bytes, counting lines; single-line strings and comments end with their
    // line (an unclosed " is its own error, reported on its line).
    void advance(std::size_t count) {
        for (std::size_t k = 0; k < count && i_ < text_.size(); ++k, ++i_) {
            if (text_[i_] != '\n') {
                ++here_.column;
                continue;
            }
            ++here_.line;
            here_.column = 1;
            if (in_ == In::Comment || in_ == In::Basic || in_ == In::Literal) in_ = In::Nothing;
        }
    }

    void outside() {
        const char c = text_[i_];
        if (startsWith("\"\"\"") || startsWith("'''")) {
            opened_ = here_;
            opened_.quotes = std::string(text_.substr(i_, 3));
            in_ = c == '"' ? In::MultiBasic : In::MultiLiteral;
            advance(3);
            return;
        }
        if (c == '#') in_ = In::Comment;
        else if (c == '"') in_ = In::Basic;
        else if (c == '\'') in_ = In::Literal;
        advance(1);
    }

    void inBasic() {
        const char c = text_[i_];
        const bool escape = c == '\\' && i_ + 1 < text_.size() && text_[i_ + 1] != '\n';
        if (c == '"') in_ = In::Nothing;
        advance(escape ? 2 : 1);
    }

    void inLiteral() {
        if (text_[i_] == '\'') in_ = In::Nothing;
        advance(1);
    }

    void inMultiLine() {
        const std::string_view close = in_ == In::MultiBasic ? "\"\"\"" : "'''";
        if (in_ == In::MultiBasic && text_[i_] == '\\') return advance(2);
        if (!startsWith(close)) return advance(1);
        // Up to two more quotes may belong to the text ("" before the closing """).
        std::size_t run = 3;
        while (run < 5 && i_ + run < text_.size() && text_[i_ + run] == close[0]) ++run;
        in_ = In::Nothing;
        advance(run);
    }

    std::string_view text_;
    std::size_t i_ = 0;
    In in_ = In::Nothing;
    TextPosition here_, opened_;
};

std::optional<TextPosition> unclosedMultiLineString(std::string_view text) { return StringScanner(text).unclosed(); }

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
