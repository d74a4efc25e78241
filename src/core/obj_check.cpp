#include "core/model_file_check.hpp"
#include "core/model_import.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace psoas {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

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

// Calls visit(line, number) for each line, numbered from 1.
template <class Visit>
void eachLine(const std::string& bytes, Visit&& visit) {
    std::size_t begin = 0;
    for (std::size_t number = 1; begin < bytes.size(); ++number) {
        std::size_t end = bytes.find('\n', begin);
        if (end == std::string::npos) end = bytes.size();
        visit(std::string_view(bytes).substr(begin, end - begin), number);
        begin = end + 1;
    }
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

enum Component { kPosition, kTexcoord, kNormal };
constexpr const char* kComponentName[] = {"vertex", "texture coordinate", "normal"};

// "7/2/5" -> {"7", "2", "5"}; "7//5" -> {"7", "", "5"}; "7" -> {"7", "", ""}.
std::array<std::string_view, 3> cornerFields(std::string_view token) {
    std::array<std::string_view, 3> fields;
    for (auto& field : fields) {
        const std::size_t slash = token.find('/');
        field = token.substr(0, slash);
        token = slash == std::string_view::npos ? std::string_view() : token.substr(slash + 1);
    }
    return fields;
}

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

// Checks every index of every face, line and point element against what the file defines (in
// all, and before the line for negative, relative ones); the first bad one throws with its line.
class IndexCheck {
public:
    IndexCheck(const std::filesystem::path& path, const Counts& total) : path_(path), total_(total) {}

    void line(std::string_view text, std::size_t number) {
        const std::string_view word = keyword(text);
        sofar_.count(word);
        if (word == "v") return position(text, number);
        if (word != "f" && word != "l" && word != "p") return;
        const std::string element = word == "f" ? "face" : "element";
        std::string_view rest = trimLeft(text).substr(word.size());
        for (std::string_view token; !(token = nextToken(rest)).empty() && !token.starts_with('#');) {
            const auto fields = cornerFields(token);
            for (int component = kPosition; component <= kNormal; ++component)
                if (!fields[component].empty()) index(static_cast<Component>(component), fields[component], element, number);
        }
    }

    // Index 0 means "none" in files from Cinema 4D; such components are dropped (see below).
    bool zeroTexcoord = false, zeroNormal = false;

private:
    [[noreturn]] void fail(std::size_t number, const std::string& reason) const {
        throw ModelImportError(path_, "line " + std::to_string(number) + ": " + reason);
    }

    // A position "v x y z" whose coordinate is NaN or infinite (written as such, or too large for a
    // double): named by its line and its number in the file (tester, session 9: the import's own
    // check gave a 0-based vertex number of the imported mesh and no line).
    void position(std::string_view text, std::size_t number) const {
        std::string_view rest = trimLeft(text).substr(1);
        for (int axis = 0; axis < 3; ++axis) {
            // strtod, not from_chars: WebAssembly's libc++ has no floating-point from_chars. Its
            // locale's decimal point does not matter here: only "is it finite" is asked.
            const std::string token(nextToken(rest));
            char* end = nullptr;
            const double value = std::strtod(token.c_str(), &end);
            if (end != token.c_str() && !std::isfinite(value))
                fail(number, "vertex " + std::to_string(sofar_.of[kPosition]) + " has a non-finite (NaN or infinite) coordinate");
        }
    }

    void index(Component component, std::string_view field, const std::string& element, std::size_t number) {
        long long index = 0;
        const auto [at, error] = std::from_chars(field.data(), field.data() + field.size(), index);
        if (error != std::errc() || at != field.data() + field.size()) {
            std::string what = "'";  // built in steps: "'" + string trips GCC 12's -Wrestrict false positive (bug 105329)
            what += field;
            what += "' is not a ";
            fail(number, what + kComponentName[component] + " number");
        }
        const long long defined = total_.of[component];
        const long long before = sofar_.of[component];
        if (index == 0) {
            if (component == kPosition) fail(number, element + " uses vertex 0 (OBJ numbers vertices from 1)");
            (component == kTexcoord ? zeroTexcoord : zeroNormal) = true;
        } else if (index > defined || -index > before) {
            fail(number, element + " uses " + kComponentName[component] + " " + std::to_string(index) + " but the file defines " +
                             std::to_string(index > 0 ? defined : before) + (index > 0 ? "" : " before this line"));
        }
    }

    const std::filesystem::path& path_;
    const Counts& total_;
    Counts sofar_;
};

// A face line without the texture coordinates and/or normals that are "none" somewhere in the file.
std::string faceWithout(std::string_view line, bool texcoords, bool normals) {
    std::string_view rest = trimLeft(line).substr(1);
    std::string out = "f";
    for (std::string_view token; !(token = nextToken(rest)).empty();) {
        auto fields = cornerFields(token);
        if (texcoords) fields[kTexcoord] = {};
        if (normals) fields[kNormal] = {};
        out.append(" ").append(fields[kPosition]);
        if (!fields[kNormal].empty())
            out.append("/").append(fields[kTexcoord]).append("/").append(fields[kNormal]);
        else if (!fields[kTexcoord].empty())
            out.append("/").append(fields[kTexcoord]);
    }
    return out;
}

}  // namespace

FileRepair checkObjFile(const std::filesystem::path& path, const std::string& bytes) {
    Counts total;
    eachLine(bytes, [&](std::string_view line, std::size_t) { total.count(keyword(line)); });
    IndexCheck check(path, total);
    eachLine(bytes, [&](std::string_view line, std::size_t number) { check.line(line, number); });
    if (!check.zeroTexcoord && !check.zeroNormal) return {};

    // Rewrite each face without the components that are "none" somewhere: a mesh whose faces
    // disagree on having normals would get normals on some corners only.
    std::string out;
    out.reserve(bytes.size());
    eachLine(bytes, [&](std::string_view line, std::size_t) {
        if (keyword(line) == "f")
            out += faceWithout(line, check.zeroTexcoord, check.zeroNormal);
        else
            out.append(line);
        out.push_back('\n');
    });
    return {std::move(out), {}};
}

}  // namespace psoas
