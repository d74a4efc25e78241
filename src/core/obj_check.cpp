#include "core/model_file_check.hpp"
#include "core/model_import.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string_view>

namespace psoas {

namespace {

// Assimp 5.2's OBJ reader (the Debian 12 package) is not safe on every file: a line element with
// one vertex ("l 1", or a statement such as "lod 1" that it takes for one) writes past its vertex
// array (found by our fuzzer in CI), a corner it reads differently from its neighbours' count does
// the same, and a line continuation with no line after it reads past its buffer. So this check
// reads the file the way that reader splits and dispatches lines, refuses what it cannot make
// sense of, and hands Assimp a rewritten copy whenever the two readings could differ.

bool isSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view trimLeft(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    return s;
}

// The first word of an OBJ line ("v", "vt", "f", …).
std::string_view keyword(std::string_view line) {
    line = trimLeft(line);
    std::size_t end = 0;
    while (end < line.size() && !isSpace(line[end])) ++end;
    return line.substr(0, end);
}

// Takes the next whitespace-separated word off the front of `rest`; empty at the end of the line.
std::string_view nextToken(std::string_view& rest) {
    rest = trimLeft(rest);
    std::size_t end = 0;
    while (end < rest.size() && !isSpace(rest[end])) ++end;
    const std::string_view token = rest.substr(0, end);
    rest.remove_prefix(end);
    return token;
}

[[noreturn]] void fail(const std::filesystem::path& path, std::size_t number, const std::string& reason) {
    throw ModelImportError(path, "line " + std::to_string(number) + ": " + reason);
}

// A text OBJ holds no control characters but tab and line ends. Assimp ends a line at a NUL or a
// form feed too, where this check would not: refused, with the place, before anything else.
void refuseControlCharacters(const std::filesystem::path& path, const std::string& bytes) {
    std::size_t number = 1, lineStart = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n' || (c == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'))) {
            ++number;
            lineStart = i + 1;
        } else if (c < 0x20 && c != '\t' && c != '\r') {
            char code[8];
            std::snprintf(code, sizeof code, "0x%02X", c);
            throw ModelImportError(path, "line " + std::to_string(number) + ", column " + std::to_string(i - lineStart + 1) + ": byte " + code +
                                   " is not text (an OBJ file is text; this one is binary or damaged)");
        }
    }
}

// One line as Assimp's reader sees it: ended by "\n", "\r\n" or a lone "\r"; a backslash just before
// the end joins the next line to it. `number` is the line (counted as an editor does) it starts on;
// `joined` says whether a backslash joined lines, which Assimp must then not see.
struct LogicalLine {
    std::string_view text;
    std::size_t number = 0;
    bool joined = false;
};

// Calls visit(LogicalLine) for each line of the file.
template <class Visit>
void eachLine(const std::string& bytes, Visit&& visit) {
    std::string joined;
    std::size_t at = 0, number = 1;
    const auto pastLineEnd = [&](std::size_t end) {  // the index after the line end at `end`
        if (end < bytes.size()) ++number;
        if (end < bytes.size() && bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n') return end + 2;
        return end + 1;
    };
    while (at < bytes.size()) {
        LogicalLine line{{}, number, false};
        joined.clear();
        for (;;) {
            std::size_t end = bytes.find_first_of("\r\n", at);
            if (end == std::string::npos) end = bytes.size();
            const std::string_view piece = std::string_view(bytes).substr(at, end - at);
            at = pastLineEnd(end);
            if (piece.empty() || piece.back() != '\\') {
                if (line.joined) {
                    joined.append(piece);
                    line.text = joined;
                } else {
                    line.text = piece;
                }
                break;
            }
            line.joined = true;
            joined.append(piece.substr(0, piece.size() - 1)).push_back(' ');
            if (at >= bytes.size()) {
                line.text = joined;
                break;
            }
        }
        visit(line);
    }
}

enum Component { kPosition, kTexcoord, kNormal };
constexpr const char* kComponentName[] = {"vertex", "texture coordinate", "normal"};

// How many positions, texture coordinates and normals the lines so far define.
struct Counts {
    long long of[3] = {0, 0, 0};  // by Component

    void count(std::string_view word) {
        if (word == "v")
            ++of[kPosition];
        else if (word == "vt")
            ++of[kTexcoord];
        else if (word == "vn")
            ++of[kNormal];
    }
};

// One corner of an element ("7/2/5", "7//5", "7"): its numbers, 0 where a component is absent.
using Corner = std::array<long long, 3>;

// An element line: `f`, `l` or `p` and its corners; what Assimp's reader would take for one (any
// line whose first character is f, l or p) but is another statement has `statement` set instead.
struct Element {
    char kind = 0;  // 'f', 'l' or 'p'; 0: not an element line
    std::string_view statement;
    std::vector<Corner> corners;

    // Fewest corners an element of this kind has: a face three, a line two, a point one.
    std::size_t fewestCorners() const { return kind == 'f' ? 3 : kind == 'l' ? 2 : 1; }
};

// Reads the lines in order and checks them; the first bad one throws with its line: each index
// against what the file defines (in all, and before the line for negative, relative ones), each
// corner's form, each position's coordinates.
class LineCheck {
public:
    LineCheck(const std::filesystem::path& path, const Counts& total) : path_(path), total_(total) {}

    // The element on `text` (which starts at its first word), checked, into `element` (reused line
    // after line, so a face costs no allocation); kind 0 and no statement when the line is no element.
    void read(std::string_view text, std::size_t number, Element& element) {
        element.kind = 0;
        element.statement = {};
        element.corners.clear();
        const char first = text.empty() ? 0 : text.front();
        const std::string_view word = keyword(text);
        if (first != 'f' && first != 'l' && first != 'p') {
            sofar_.count(word);
            if (word == "v") position(text, number);
            return;
        }
        if (word.size() != 1) {
            element.statement = word;
            return;
        }
        element.kind = first;
        const std::string_view name = first == 'f' ? "face" : "element";
        std::string_view rest = text.substr(1);
        for (std::string_view token; !(token = nextToken(rest)).empty() && !token.starts_with('#');)
            element.corners.push_back(corner(token, name, number));
    }

    // Index 0 means "none" in files from Cinema 4D; such components are dropped (see below).
    bool zeroTexcoord = false, zeroNormal = false;

private:
    // A position "v x y z" whose coordinate is NaN or infinite (written as such, or too large for a
    // double): named by its line and its number in the file (tester, session 9: the import's own
    // check gave a 0-based vertex number of the imported mesh and no line).
    void position(std::string_view text, std::size_t number) const {
        std::string_view rest = text.substr(1);
        for (int axis = 0; axis < 3; ++axis) {
            // strtod, not from_chars: WebAssembly's libc++ has no floating-point from_chars. Its
            // locale's decimal point does not matter here: only "is it finite" is asked.
            const std::string token(nextToken(rest));
            char* end = nullptr;
            const double value = std::strtod(token.c_str(), &end);
            if (end != token.c_str() && !std::isfinite(value))
                fail(path_, number, "vertex " + std::to_string(sofar_.of[kPosition]) + " has a non-finite (NaN or infinite) coordinate");
        }
    }

    Corner corner(std::string_view token, std::string_view element, std::size_t number) {
        const auto refuse = [&](const char* reason) {
            std::string what = "corner '";  // built in steps: "'" + string trips GCC 12's -Wrestrict false positive (bug 105329)
            what += token;
            fail(path_, number, what + "' " + reason);
        };
        if (std::count(token.begin(), token.end(), '/') > 2) refuse("has more than three numbers (an OBJ corner is vertex/texture/normal)");
        Corner numbers{0, 0, 0};
        std::string_view rest = token;
        for (int field = kPosition;; ++field) {
            const std::size_t slash = rest.find('/');
            const std::string_view text = rest.substr(0, slash);
            if (!text.empty())
                numbers[field] = index(static_cast<Component>(field), text, element, number);
            else if (field == kPosition)
                refuse("has no vertex number");
            if (slash == std::string_view::npos) break;
            rest.remove_prefix(slash + 1);
        }
        return numbers;
    }

    long long index(Component component, std::string_view field, std::string_view element, std::size_t number) {
        long long index = 0;
        const auto [at, error] = std::from_chars(field.data(), field.data() + field.size(), index);
        if (error != std::errc() || at != field.data() + field.size()) {
            std::string what = "'";
            what += field;
            what += "' is not a ";
            fail(path_, number, what + kComponentName[component] + " number");
        }
        const long long defined = total_.of[component];
        const long long before = sofar_.of[component];
        if (index == 0) {
            if (component == kPosition) fail(path_, number, std::string(element) + " uses vertex 0 (OBJ numbers vertices from 1)");
            (component == kTexcoord ? zeroTexcoord : zeroNormal) = true;
        } else if (index > defined || -index > before) {
            fail(path_, number, std::string(element) + " uses " + kComponentName[component] + " " + std::to_string(index) + " but the file defines " +
                                    std::to_string(index > 0 ? defined : before) + (index > 0 ? "" : " before this line"));
        }
        return index;
    }

    const std::filesystem::path& path_;
    const Counts& total_;
    Counts sofar_;
};

// The element as this check read it, without the texture coordinates and/or normals that are
// "none" somewhere in the file (a mesh whose faces disagree on having normals would get normals on
// some corners only): the form Assimp's reader parses exactly as this check does. Appended to `out`.
void write(const Element& element, bool texcoords, bool normals, std::string& out) {
    out.push_back(element.kind);
    for (Corner corner : element.corners) {
        if (texcoords) corner[kTexcoord] = 0;
        if (normals) corner[kNormal] = 0;
        out.append(" ").append(std::to_string(corner[kPosition]));
        if (corner[kNormal] != 0)
            out.append("/").append(corner[kTexcoord] != 0 ? std::to_string(corner[kTexcoord]) : "").append("/").append(std::to_string(corner[kNormal]));
        else if (corner[kTexcoord] != 0)
            out.append("/").append(std::to_string(corner[kTexcoord]));
    }
}

// The statements left out of the copy Assimp reads, for one warning: "skipped 2 faces with fewer
// than three corners, 1 'lod' statement".
class LeftOut {
public:
    void add(const Element& element) {
        if (element.kind == 0) {
            std::string name = "'";  // in steps: "'" + string trips GCC 12's -Wrestrict false positive (bug 105329)
            name += element.statement;
            name += "' statement";
            count(name, name + "s");
        } else if (element.kind == 'f') {
            count("face with fewer than three corners", "faces with fewer than three corners");
        } else if (element.kind == 'l') {
            count("line element with one vertex", "line elements with one vertex");
        } else {
            count("empty point element", "empty point elements");
        }
    }

    void warn(std::vector<std::string>& warnings) const {
        if (counts_.empty()) return;
        std::string text;
        for (const auto& [one, counted] : counts_)
            text += (text.empty() ? "" : ", ") + std::to_string(counted.first) + " " + (counted.first == 1 ? one : counted.second);
        warnings.push_back("skipped " + text + " (the viewer reads faces, vertices and materials)");
    }

private:
    void count(const std::string& one, const std::string& many) {
        auto& counted = counts_[one];
        ++counted.first;
        counted.second = many;
    }

    std::map<std::string, std::pair<std::size_t, std::string>> counts_;  // by singular name: count, plural name
};

}  // namespace

std::string_view trimRight(std::string_view s) {
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

FileRepair checkObjFile(const std::filesystem::path& path, const std::string& bytes) {
    refuseControlCharacters(path, bytes);
    Counts total;
    eachLine(bytes, [&](const LogicalLine& line) { total.count(keyword(line.text)); });

    // Assimp reads the file itself unless a line would read differently there: joined by a
    // backslash, indented (Assimp skips such a line), an element not in its plain form (a comment
    // after it, leading zeros: Assimp's own reading of those differs), or one to leave out.
    LineCheck check(path, total);
    bool rewrite = false;
    Element element;
    std::string plain;
    eachLine(bytes, [&](const LogicalLine& line) {
        const std::string_view text = trimLeft(line.text);
        if (line.joined || (text.size() != line.text.size() && !text.empty() && text.front() != '#')) rewrite = true;
        check.read(text, line.number, element);
        if (element.kind == 0 && element.statement.empty()) return;
        if (element.kind == 0 || element.corners.size() < element.fewestCorners()) {
            rewrite = true;
            return;
        }
        plain.clear();
        write(element, false, false, plain);
        if (plain != trimRight(text)) rewrite = true;
    });
    if (!rewrite && !check.zeroTexcoord && !check.zeroNormal) return {};

    LineCheck reread(path, total);  // the file passed the check above; this pass only reads it again
    LeftOut leftOut;
    std::string out;
    out.reserve(bytes.size());
    eachLine(bytes, [&](const LogicalLine& line) {
        const std::string_view text = trimLeft(line.text);
        reread.read(text, line.number, element);
        if (element.kind == 0 && element.statement.empty())
            out.append(text);
        else if (element.kind == 0 || element.corners.size() < element.fewestCorners())
            leftOut.add(element);
        else
            write(element, check.zeroTexcoord, check.zeroNormal, out);
        out.push_back('\n');
    });
    FileRepair repair;
    leftOut.warn(repair.warnings);
    repair.bytes = std::move(out);
    return repair;
}

}  // namespace psoas
