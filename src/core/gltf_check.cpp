#include "core/model_file_check.hpp"
#include "core/model_import.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <string_view>

namespace psoas {

namespace {

using Json = nlohmann::json;

std::uint32_t littleEndianWord(const std::string& bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return v;
}

void appendWord(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
}

std::size_t tableSize(const Json& document, const char* table) {
    const auto it = document.find(table);
    return it != document.end() && it->is_array() ? it->size() : 0;
}

bool isIndexInto(const Json& value, std::size_t size) { return value.is_number_unsigned() && value.get<std::size_t>() < size; }

// Why a material (or texture, image) cannot be read as glTF 2.0 says, or "" when it can.
// Checks types only: the viewer uses none of these values, it just must not let them stop the file.
std::string appearanceProblem(const Json& document) {
    const std::size_t textures = tableSize(document, "textures");
    auto textureInfo = [&](const Json& owner, const char* key) -> std::string {
        const auto it = owner.find(key);
        if (it == owner.end()) return "";
        if (!it->is_object()) return std::string(key) + " is not an object";
        const auto index = it->find("index");
        if (index == it->end() || !isIndexInto(*index, textures)) return std::string(key) + ".index is not a texture in the file";
        if (const auto t = it->find("texCoord"); t != it->end() && !t->is_number_unsigned()) return std::string(key) + ".texCoord is not a number";
        for (const char* number : {"scale", "strength"})
            if (const auto n = it->find(number); n != it->end() && !n->is_number()) return std::string(key) + "." + number + " is not a number";
        return "";
    };
    auto numbers = [](const Json& owner, const char* key, std::size_t count) -> std::string {
        const auto it = owner.find(key);
        if (it == owner.end()) return "";
        bool ok = it->is_array() && it->size() == count;
        for (std::size_t i = 0; ok && i < count; ++i) ok = (*it)[i].is_number();
        return ok ? "" : std::string(key) + " is not a list of " + std::to_string(count) + " numbers";
    };
    auto typed = [](const Json& owner, const char* key, bool (Json::*is)() const noexcept, const char* what) -> std::string {
        const auto it = owner.find(key);
        return it == owner.end() || ((*it).*is)() ? "" : std::string(key) + " is not " + what;
    };
    if (const auto materials = document.find("materials"); materials != document.end()) {
        if (!materials->is_array()) return "'materials' is not a list";
        for (std::size_t i = 0; i < materials->size(); ++i) {
            const Json& m = (*materials)[i];
            const std::string where = "materials " + std::to_string(i) + ": ";
            if (!m.is_object()) return where + "not an object";
            std::string problem;
            for (const char* key : {"normalTexture", "occlusionTexture", "emissiveTexture"})
                if (problem.empty()) problem = textureInfo(m, key);
            if (problem.empty()) problem = numbers(m, "emissiveFactor", 3);
            if (problem.empty()) problem = typed(m, "alphaMode", &Json::is_string, "text");
            if (problem.empty()) problem = typed(m, "alphaCutoff", &Json::is_number, "a number");
            if (problem.empty()) problem = typed(m, "doubleSided", &Json::is_boolean, "true or false");
            if (problem.empty()) problem = typed(m, "name", &Json::is_string, "text");
            if (const auto pbr = m.find("pbrMetallicRoughness"); problem.empty() && pbr != m.end()) {
                if (!pbr->is_object()) problem = "pbrMetallicRoughness is not an object";
                else {
                    problem = numbers(*pbr, "baseColorFactor", 4);
                    for (const char* key : {"metallicFactor", "roughnessFactor"})
                        if (problem.empty()) problem = typed(*pbr, key, &Json::is_number, "a number");
                    for (const char* key : {"baseColorTexture", "metallicRoughnessTexture"})
                        if (problem.empty()) problem = textureInfo(*pbr, key);
                }
            }
            if (!problem.empty()) return where + problem;
        }
    }
    const std::size_t images = tableSize(document, "images"), samplers = tableSize(document, "samplers");
    if (const auto list = document.find("textures"); list != document.end()) {
        if (!list->is_array()) return "'textures' is not a list";
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Json& t = (*list)[i];
            const std::string where = "textures " + std::to_string(i) + ": ";
            if (!t.is_object()) return where + "not an object";
            if (const auto s = t.find("source"); s != t.end() && !isIndexInto(*s, images)) return where + "source is not an image in the file";
            if (const auto s = t.find("sampler"); s != t.end() && !isIndexInto(*s, samplers)) return where + "sampler is not a sampler in the file";
        }
    }
    if (const auto list = document.find("images"); list != document.end()) {
        if (!list->is_array()) return "'images' is not a list";
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Json& image = (*list)[i];
            if (!image.is_object()) return "images " + std::to_string(i) + ": not an object";
            if (const auto v = image.find("bufferView"); v != image.end() && !isIndexInto(*v, tableSize(document, "bufferViews")))
                return "images " + std::to_string(i) + ": bufferView is not in the file";
        }
    }
    if (const auto meshes = document.find("meshes"); meshes != document.end() && meshes->is_array())
        for (std::size_t i = 0; i < meshes->size(); ++i)
            if (const auto primitives = (*meshes)[i].find("primitives"); (*meshes)[i].is_object() && primitives != (*meshes)[i].end() && primitives->is_array())
                for (const Json& primitive : *primitives)
                    if (const auto m = primitive.find("material"); primitive.is_object() && m != primitive.end() &&
                                                                   !isIndexInto(*m, tableSize(document, "materials")))
                        return "meshes " + std::to_string(i) + " uses a material that is not in the file";
    return "";
}

void dropAppearance(Json& document) {
    for (const char* table : {"materials", "textures", "images", "samplers"}) document.erase(table);
    if (auto meshes = document.find("meshes"); meshes != document.end() && meshes->is_array())
        for (Json& mesh : *meshes)
            if (auto primitives = mesh.find("primitives"); mesh.is_object() && primitives != mesh.end() && primitives->is_array())
                for (Json& primitive : *primitives)
                    if (primitive.is_object()) primitive.erase("material");
}

// Splits "TEXCOORD_3" into ("TEXCOORD", 3); a plain name gets -1.
std::pair<std::string, int> semantic(const std::string& name) {
    const std::size_t underscore = name.rfind('_');
    if (underscore == std::string::npos || underscore == 0 || underscore + 1 == name.size()) return {name, -1};
    int number = 0;
    for (std::size_t i = underscore + 1; i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9' || number > 100000) return {name, -1};
        number = number * 10 + (name[i] - '0');
    }
    return {name.substr(0, underscore), number};
}

// Removes vertex attributes Assimp 5.2 would refuse the whole file for, and returns their names.
// POSITION stays: without it there is no geometry, and a bad one is a corrupt file.
std::set<std::string> dropUnreadableAttributes(Json& document, const std::filesystem::path& path) {
    std::set<std::string> dropped;
    const std::size_t accessors = tableSize(document, "accessors");
    auto meshes = document.find("meshes");
    if (meshes == document.end() || !meshes->is_array()) return dropped;
    for (std::size_t m = 0; m < meshes->size(); ++m) {
        Json& mesh = (*meshes)[m];
        auto primitives = mesh.find("primitives");
        if (!mesh.is_object() || primitives == mesh.end() || !primitives->is_array()) continue;
        for (Json& primitive : *primitives) {
            auto attributes = primitive.find("attributes");
            if (!primitive.is_object() || attributes == primitive.end() || !attributes->is_object()) continue;
            if (const auto position = attributes->find("POSITION"); position != attributes->end() && !isIndexInto(*position, accessors))
                throw ModelImportError(path, "corrupt file: meshes " + std::to_string(m) + " attribute POSITION refers to a missing accessor");
            std::map<std::string, std::set<int>> numbered;
            for (const auto& [name, value] : attributes->items())
                if (const auto [base, n] = semantic(name); n >= 0) numbered[base].insert(n);
            std::vector<std::string> remove;
            for (const auto& [name, value] : attributes->items()) {
                const auto [base, n] = semantic(name);
                const bool plain = name == "POSITION" || name == "NORMAL" || name == "TANGENT";
                const bool indexed = (base == "TEXCOORD" || base == "COLOR" || base == "JOINTS" || base == "WEIGHTS") && n >= 0;
                bool keep = (plain || indexed || name.starts_with('_')) && isIndexInto(value, accessors);
                if (keep && indexed)  // Assimp wants TEXCOORD_0, _1, … without gaps
                    for (int k = 0; k < n && keep; ++k) keep = numbered[base].count(k) > 0;
                if (!keep) remove.push_back(name);
            }
            for (const std::string& name : remove) {
                attributes->erase(name);
                dropped.insert(name);
            }
        }
    }
    return dropped;
}

void checkReferences(const Json& document, const std::filesystem::path& path) {
    auto check = [&](const Json& owner, const char* key, const char* table, const std::string& where) {
        const auto it = owner.find(key);
        if (it == owner.end()) return;
        if (!isIndexInto(*it, tableSize(document, table)))
            throw ModelImportError(path, "corrupt file: " + where + " refers to " + table + " entry " + it->dump() + ", which does not exist");
    };
    auto each = [&](const char* table, auto&& visit) {
        const auto it = document.find(table);
        if (it == document.end()) return;
        if (!it->is_array()) throw ModelImportError(path, std::string("corrupt file: '") + table + "' is not a list");
        for (std::size_t i = 0; i < it->size(); ++i)
            if ((*it)[i].is_object()) visit((*it)[i], std::string(table) + " " + std::to_string(i));
    };
    each("bufferViews", [&](const Json& view, const std::string& where) { check(view, "buffer", "buffers", where); });
    each("accessors", [&](const Json& accessor, const std::string& where) { check(accessor, "bufferView", "bufferViews", where); });
    each("nodes", [&](const Json& node, const std::string& where) {
        check(node, "mesh", "meshes", where);
        if (const auto children = node.find("children"); children != node.end() && children->is_array())
            for (const auto& child : *children)
                if (!isIndexInto(child, tableSize(document, "nodes")))
                    throw ModelImportError(path, "corrupt file: " + where + " has a child that does not exist");
    });
    each("meshes", [&](const Json& mesh, const std::string& where) {
        const auto primitives = mesh.find("primitives");
        if (primitives == mesh.end() || !primitives->is_array()) return;
        for (const auto& primitive : *primitives)
            if (primitive.is_object()) check(primitive, "indices", "accessors", where);
    });
    each("scenes", [&](const Json& scene, const std::string& where) {
        if (const auto nodes = scene.find("nodes"); nodes != scene.end() && nodes->is_array())
            for (const auto& node : *nodes)
                if (!isIndexInto(node, tableSize(document, "nodes")))
                    throw ModelImportError(path, "corrupt file: " + where + " lists a node that does not exist");
    });
}

bool isGltf1(const Json& document) {
    const auto asset = document.find("asset");
    if (asset == document.end() || !asset->is_object()) return false;
    const auto version = asset->find("version");
    return version != asset->end() && version->is_string() && version->get<std::string>().starts_with("1.");
}

}  // namespace

FileRepair checkGltfFile(const std::filesystem::path& path, const std::string& bytes) {
    const bool binary = path.extension() == ".glb" || bytes.compare(0, 4, "glTF") == 0;
    std::string_view json = bytes;
    std::size_t binaryRest = bytes.size();  // where the chunks after the JSON begin
    if (binary) {
        // Header: magic "glTF", version, total length; then the first chunk's length and type (glTF 2)
        // or the JSON content's length and format (glTF 1's KHR_binary_glTF). Assimp sizes its buffers
        // from these words before reading, so a length past the end of the file is refused here:
        // otherwise a 1 KB file can make it allocate gigabytes.
        if (bytes.size() < 20 || bytes.compare(0, 4, "glTF") != 0) throw ModelImportError(path, "not a glTF binary file (no glTF header)");
        const std::uint32_t version = littleEndianWord(bytes, 4);
        if (version != 1 && version != 2)
            throw ModelImportError(path, "glTF version " + std::to_string(version) + " is not supported (use glTF 2.0 or 1.0)");
        const std::uint32_t total = littleEndianWord(bytes, 8);
        const std::uint32_t chunk = littleEndianWord(bytes, 12);
        if (total < 20 || total > bytes.size() || chunk > total - 20)
            throw ModelImportError(path, "corrupt or truncated file (the glTF header's lengths run past the end of the file)");
        if (version == 1) return {};  // glTF 1.0 binary: Assimp's glTF 1 reader, whose tables are keyed by name
        if (littleEndianWord(bytes, 16) != 0x4E4F534Au)
            throw ModelImportError(path, "corrupt or truncated file (the glTF JSON chunk is missing)");
        json = std::string_view(bytes).substr(20, chunk);
        binaryRest = 20 + chunk;
        if (total - binaryRest >= 8 && littleEndianWord(bytes, binaryRest) > total - binaryRest - 8)
            throw ModelImportError(path, "corrupt or truncated file (the glTF binary chunk runs past the end of the file)");
    }
    Json document = Json::parse(json.begin(), json.end(), nullptr, false);
    if (document.is_discarded() || !document.is_object())
        throw ModelImportError(path, "corrupt or truncated file (the glTF JSON does not parse)");
    if (!binary && isGltf1(document)) return {};

    checkReferences(document, path);
    FileRepair repair;
    if (const std::string problem = appearanceProblem(document); !problem.empty()) {
        dropAppearance(document);
        repair.warnings.push_back("ignored the file's materials and textures (" + problem + ")");
    }
    if (const auto dropped = dropUnreadableAttributes(document, path); !dropped.empty()) {
        std::string names;
        for (const std::string& name : dropped) names += (names.empty() ? "" : ", ") + name;
        repair.warnings.push_back("ignored vertex attribute" + std::string(dropped.size() > 1 ? "s " : " ") + names +
                                  " (not a glTF 2.0 attribute, or numbered with a gap)");
    }
    if (repair.warnings.empty()) return repair;

    std::string text = document.dump();
    if (!binary) {
        repair.bytes = std::move(text);
        return repair;
    }
    while (text.size() % 4 != 0) text.push_back(' ');  // chunks are 4-byte aligned, JSON padded with spaces
    std::string out = "glTF";
    appendWord(out, 2);
    appendWord(out, static_cast<std::uint32_t>(12 + 8 + text.size() + (bytes.size() - binaryRest)));
    appendWord(out, static_cast<std::uint32_t>(text.size()));
    appendWord(out, 0x4E4F534Au);
    out += text;
    out.append(bytes, binaryRest, std::string::npos);
    repair.bytes = std::move(out);
    return repair;
}

}  // namespace psoas
