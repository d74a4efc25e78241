#include "core/model_file_check.hpp"
#include "core/model_import.hpp"

#include <charconv>
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

struct Counts {
    long long positions = 0, texcoords = 0, normals = 0;
};

enum Component { kPosition, kTexcoord, kNormal };
constexpr const char* kComponentName[] = {"vertex", "texture coordinate", "normal"};

}  // namespace

FileRepair checkObjFile(const std::filesystem::path& path, const std::string& bytes) {
    Counts total;
    eachLine(bytes, [&](std::string_view line, std::size_t) {
        const std::string_view word = keyword(line);
        if (word == "v") ++total.positions;
        else if (word == "vt") ++total.texcoords;
        else if (word == "vn") ++total.normals;
    });

    Counts sofar;
    bool zeroTexcoord = false, zeroNormal = false;
    auto fail = [&](std::size_t number, const std::string& reason) {
        throw ModelImportError(path, "line " + std::to_string(number) + ": " + reason);
    };
    eachLine(bytes, [&](std::string_view line, std::size_t number) {
        const std::string_view word = keyword(line);
        if (word == "v") ++sofar.positions;
        else if (word == "vt") ++sofar.texcoords;
        else if (word == "vn") ++sofar.normals;
        if (word != "f" && word != "l" && word != "p") return;
        std::string_view rest = trimLeft(line).substr(word.size());
        while (!(rest = trimLeft(rest)).empty()) {
            std::size_t end = 0;
            while (end < rest.size() && !isSpace(rest[end])) ++end;
            std::string_view token = rest.substr(0, end);
            rest.remove_prefix(end);
            if (token.starts_with('#')) break;
            for (int component = kPosition; component <= kNormal && !token.empty(); ++component) {
                const std::size_t slash = token.find('/');
                const std::string_view field = token.substr(0, slash);
                token = slash == std::string_view::npos ? std::string_view() : token.substr(slash + 1);
                if (field.empty()) continue;  // "1//3": no texture coordinate
                long long index = 0;
                const auto [at, error] = std::from_chars(field.data(), field.data() + field.size(), index);
                if (error != std::errc() || at != field.data() + field.size()) {
                    std::string what = "'";  // built in steps: "'" + string trips GCC 12's -Wrestrict false positive (bug 105329)
                    what += field;
                    what += "' is not a ";
                    fail(number, what + kComponentName[component] + " number");
                }
                const long long defined = component == kPosition ? total.positions : component == kTexcoord ? total.texcoords : total.normals;
                const long long before = component == kPosition ? sofar.positions : component == kTexcoord ? sofar.texcoords : sofar.normals;
                if (index == 0) {
                    if (component == kPosition) fail(number, std::string(word == "f" ? "face" : "element") + " uses vertex 0 (OBJ numbers vertices from 1)");
                    (component == kTexcoord ? zeroTexcoord : zeroNormal) = true;  // Cinema 4D's "none"
                } else if (index > defined || -index > before) {
                    fail(number, std::string(word == "f" ? "face" : "element") + " uses " + kComponentName[component] + " " +
                                     std::to_string(index) + " but the file defines " + std::to_string(index > 0 ? defined : before) +
                                     (index > 0 ? "" : " before this line"));
                }
            }
        }
    });
    if (!zeroTexcoord && !zeroNormal) return {};

    // Rewrite each face without the components that are "none" somewhere: a mesh whose faces
    // disagree on having normals would get normals on some corners only.
    std::string out;
    out.reserve(bytes.size());
    eachLine(bytes, [&](std::string_view line, std::size_t) {
        if (keyword(line) != "f") {
            out.append(line).push_back('\n');
            return;
        }
        std::string_view rest = trimLeft(line).substr(1);
        out += 'f';
        while (!(rest = trimLeft(rest)).empty()) {
            std::size_t end = 0;
            while (end < rest.size() && !isSpace(rest[end])) ++end;
            std::string_view token = rest.substr(0, end);
            rest.remove_prefix(end);
            std::string_view fields[3];
            for (auto& field : fields) {
                const std::size_t slash = token.find('/');
                field = token.substr(0, slash);
                token = slash == std::string_view::npos ? std::string_view() : token.substr(slash + 1);
            }
            if (zeroTexcoord) fields[kTexcoord] = {};
            if (zeroNormal) fields[kNormal] = {};
            out.append(" ").append(fields[kPosition]);
            if (!fields[kNormal].empty()) out.append("/").append(fields[kTexcoord]).append("/").append(fields[kNormal]);
            else if (!fields[kTexcoord].empty()) out.append("/").append(fields[kTexcoord]);
        }
        out += '\n';
    });
    return {std::move(out), {}};
}

}  // namespace psoas
