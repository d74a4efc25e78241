#include "core/model_file_check.hpp"
#include "core/model_import.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
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

// The problem with the texture reference owner[key] ("" when it is absent or fine).
std::string textureInfoProblem(const Json& owner, const char* key, std::size_t textures) {
    const auto it = owner.find(key);
    if (it == owner.end()) return "";
    const std::string name(key);
    if (!it->is_object()) return name + " is not an object";
    const auto index = it->find("index");
    if (index == it->end() || !isIndexInto(*index, textures)) return name + ".index is not a texture in the file";
    if (const auto t = it->find("texCoord"); t != it->end() && !t->is_number_unsigned())
        return name + ".texCoord is not a number";
    for (const char* number : {"scale", "strength"})
        if (const auto n = it->find(number); n != it->end() && !n->is_number()) return name + "." + number + " is not a number";
    return "";
}

std::string numbersProblem(const Json& owner, const char* key, std::size_t count) {
    const auto it = owner.find(key);
    if (it == owner.end()) return "";
    bool ok = it->is_array() && it->size() == count;
    for (std::size_t i = 0; ok && i < count; ++i) ok = (*it)[i].is_number();
    return ok ? "" : std::string(key) + " is not a list of " + std::to_string(count) + " numbers";
}

// A key whose value, when present, must be of one JSON type.
struct TypedKey {
    const char* key;
    bool (Json::*is)() const noexcept;
    const char* what;
};

std::string typedProblem(const Json& owner, const TypedKey& typed) {
    const auto it = owner.find(typed.key);
    return it == owner.end() || ((*it).*typed.is)() ? "" : std::string(typed.key) + " is not " + typed.what;
}

std::string pbrProblem(const Json& pbr, std::size_t textures) {
    if (!pbr.is_object()) return "pbrMetallicRoughness is not an object";
    if (std::string problem = numbersProblem(pbr, "baseColorFactor", 4); !problem.empty()) return problem;
    for (const char* key : {"metallicFactor", "roughnessFactor"})
        if (std::string problem = typedProblem(pbr, {key, &Json::is_number, "a number"}); !problem.empty()) return problem;
    for (const char* key : {"baseColorTexture", "metallicRoughnessTexture"})
        if (std::string problem = textureInfoProblem(pbr, key, textures); !problem.empty()) return problem;
    return "";
}

std::string materialProblem(const Json& material, std::size_t textures) {
    static const TypedKey kTypedKeys[] = {{"alphaMode", &Json::is_string, "text"},
                                          {"alphaCutoff", &Json::is_number, "a number"},
                                          {"doubleSided", &Json::is_boolean, "true or false"},
                                          {"name", &Json::is_string, "text"}};
    for (const char* key : {"normalTexture", "occlusionTexture", "emissiveTexture"})
        if (std::string problem = textureInfoProblem(material, key, textures); !problem.empty()) return problem;
    if (std::string problem = numbersProblem(material, "emissiveFactor", 3); !problem.empty()) return problem;
    for (const TypedKey& typed : kTypedKeys)
        if (std::string problem = typedProblem(material, typed); !problem.empty()) return problem;
    const auto pbr = material.find("pbrMetallicRoughness");
    return pbr == material.end() ? "" : pbrProblem(*pbr, textures);
}

// The first problem in the top-level list `table` of objects, as "TABLE i: problem"; "" when the
// list is absent or fine. itemProblem(object) says what is wrong with one entry, or "".
template <typename ItemProblem>
std::string tableProblem(const Json& document, const char* table, ItemProblem itemProblem) {
    const auto list = document.find(table);
    if (list == document.end()) return "";
    if (!list->is_array()) return std::string("'") + table + "' is not a list";
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        const std::string problem = item.is_object() ? itemProblem(item) : "not an object";
        if (!problem.empty()) return std::string(table) + " " + std::to_string(i) + ": " + problem;
    }
    return "";
}

std::string meshMaterialProblem(const Json& document) {
    const auto meshes = document.find("meshes");
    if (meshes == document.end() || !meshes->is_array()) return "";
    const std::size_t materials = tableSize(document, "materials");
    for (std::size_t i = 0; i < meshes->size(); ++i) {
        const Json& mesh = (*meshes)[i];
        const auto primitives = mesh.find("primitives");
        if (!mesh.is_object() || primitives == mesh.end() || !primitives->is_array()) continue;
        for (const Json& primitive : *primitives)
            if (const auto m = primitive.find("material");
                primitive.is_object() && m != primitive.end() && !isIndexInto(*m, materials))
                return "meshes " + std::to_string(i) + " uses a material that is not in the file";
    }
    return "";
}

// Why a material (or texture, image) cannot be read as glTF 2.0 says, or "" when it can.
// Checks types only: the viewer uses none of these values, it just must not let them stop the file.
std::string appearanceProblem(const Json& document) {
    const std::size_t textures = tableSize(document, "textures"), images = tableSize(document, "images"),
                      samplers = tableSize(document, "samplers"), bufferViews = tableSize(document, "bufferViews");
    const std::string materials =
        tableProblem(document, "materials", [&](const Json& material) { return materialProblem(material, textures); });
    if (!materials.empty()) return materials;
    const std::string textureList = tableProblem(document, "textures", [&](const Json& t) -> std::string {
        if (const auto s = t.find("source"); s != t.end() && !isIndexInto(*s, images))
            return "source is not an image in the file";
        if (const auto s = t.find("sampler"); s != t.end() && !isIndexInto(*s, samplers))
            return "sampler is not a sampler in the file";
        return "";
    });
    if (!textureList.empty()) return textureList;
    const std::string imageList = tableProblem(document, "images", [&](const Json& image) -> std::string {
        const auto v = image.find("bufferView");
        return v != image.end() && !isIndexInto(*v, bufferViews) ? "bufferView is not in the file" : "";
    });
    if (!imageList.empty()) return imageList;
    return meshMaterialProblem(document);
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

// Which numbered attributes (TEXCOORD_0, COLOR_1, …) a primitive has: numbers by base name.
std::map<std::string, std::set<int>> numberedAttributes(const Json& attributes) {
    std::map<std::string, std::set<int>> numbered;
    for (const auto& [name, value] : attributes.items())
        if (const auto [base, n] = semantic(name); n >= 0) numbered[base].insert(n);
    return numbered;
}

// Whether Assimp 5.2 reads the attribute: a glTF 2.0 name (or an application one, "_…") that
// refers to an accessor, and for numbered ones no gap below it (Assimp wants TEXCOORD_0, _1, …).
bool isReadableAttribute(const std::string& name, const Json& value, std::size_t accessors,
                         const std::map<std::string, std::set<int>>& numbered) {
    const auto [base, n] = semantic(name);
    const bool plain = name == "POSITION" || name == "NORMAL" || name == "TANGENT";
    const bool indexed = (base == "TEXCOORD" || base == "COLOR" || base == "JOINTS" || base == "WEIGHTS") && n >= 0;
    if (!(plain || indexed || name.starts_with('_')) || !isIndexInto(value, accessors)) return false;
    if (!indexed) return true;
    const std::set<int>& present = numbered.at(base);
    for (int k = 0; k < n; ++k)
        if (present.count(k) == 0) return false;
    return true;
}

// Removes a primitive's unreadable attributes, adding their names to `dropped`.
void dropUnreadable(Json& attributes, std::size_t accessors, std::set<std::string>& dropped) {
    const auto numbered = numberedAttributes(attributes);
    std::vector<std::string> remove;
    for (const auto& [name, value] : attributes.items())
        if (!isReadableAttribute(name, value, accessors, numbered)) remove.push_back(name);
    for (const std::string& name : remove) {
        attributes.erase(name);
        dropped.insert(name);
    }
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
            dropUnreadable(*attributes, accessors, dropped);
        }
    }
    return dropped;
}

// Every index from one table into another (a node's mesh, an accessor's buffer view, …) must name
// an entry that exists; the first that does not is a corrupt file.
class ReferenceCheck {
public:
    ReferenceCheck(const Json& document, const std::filesystem::path& path) : document_(document), path_(path) {}

    void run() const {
        each("bufferViews", [this](const Json& view, const std::string& where) { index(view, "buffer", "buffers", where); });
        each("accessors",
             [this](const Json& accessor, const std::string& where) { index(accessor, "bufferView", "bufferViews", where); });
        each("nodes", [this](const Json& node, const std::string& where) { checkNode(node, where); });
        each("meshes", [this](const Json& mesh, const std::string& where) { checkMesh(mesh, where); });
        each("scenes", [this](const Json& scene, const std::string& where) {
            nodeList(scene, "nodes", where + " lists a node that does not exist");
        });
    }

private:
    // Calls visit(entry, "TABLE i") for every object in the top-level list `table`.
    template <typename Visit>
    void each(const char* table, Visit visit) const {
        const auto it = document_.find(table);
        if (it == document_.end()) return;
        if (!it->is_array()) throw ModelImportError(path_, std::string("corrupt file: '") + table + "' is not a list");
        for (std::size_t i = 0; i < it->size(); ++i)
            if ((*it)[i].is_object()) visit((*it)[i], std::string(table) + " " + std::to_string(i));
    }

    void index(const Json& owner, const char* key, const char* table, const std::string& where) const {
        const auto it = owner.find(key);
        if (it == owner.end()) return;
        if (!isIndexInto(*it, tableSize(document_, table)))
            throw ModelImportError(
                path_, "corrupt file: " + where + " refers to " + table + " entry " + it->dump() + ", which does not exist");
    }

    // owner[key], when it is a list, must hold only node indices.
    void nodeList(const Json& owner, const char* key, const std::string& problem) const {
        const auto list = owner.find(key);
        if (list == owner.end() || !list->is_array()) return;
        for (const auto& node : *list)
            if (!isIndexInto(node, tableSize(document_, "nodes"))) throw ModelImportError(path_, "corrupt file: " + problem);
    }

    void checkNode(const Json& node, const std::string& where) const {
        index(node, "mesh", "meshes", where);
        nodeList(node, "children", where + " has a child that does not exist");
    }

    void checkMesh(const Json& mesh, const std::string& where) const {
        const auto primitives = mesh.find("primitives");
        if (primitives == mesh.end() || !primitives->is_array()) return;
        for (const auto& primitive : *primitives)
            if (primitive.is_object()) index(primitive, "indices", "accessors", where);
    }

    const Json& document_;
    const std::filesystem::path& path_;
};

bool isGltf1(const Json& document) {
    const auto asset = document.find("asset");
    if (asset == document.end() || !asset->is_object()) return false;
    const auto version = asset->find("version");
    return version != asset->end() && version->is_string() && version->get<std::string>().starts_with("1.");
}

// The length of a glTF binary's JSON chunk, which starts at byte 20; nullopt for a glTF 1.0 binary
// (Assimp's glTF 1 reader takes it, whose tables are keyed by name).
// Header: magic "glTF", version, total length; then the first chunk's length and type (glTF 2) or the
// JSON content's length and format (glTF 1's KHR_binary_glTF). Assimp sizes its buffers from these
// words before reading, so a length past the end of the file is refused here: otherwise a 1 KB file
// can make it allocate gigabytes.
std::optional<std::size_t> glbJsonLength(const std::filesystem::path& path, const std::string& bytes) {
    if (bytes.size() < 4 || bytes.compare(0, 4, "glTF") != 0) throw ModelImportError(path, "not a glTF binary file (no glTF header)");
    if (bytes.size() < 20)  // the magic word, then the file ends (tester, session 9: this was called "no glTF header")
        throw ModelImportError(path, "corrupt or truncated file (" + std::to_string(bytes.size()) +
                                         " bytes: the glTF header and its first chunk need 20)");
    const std::uint32_t version = littleEndianWord(bytes, 4);
    if (version != 1 && version != 2)
        throw ModelImportError(path, "glTF version " + std::to_string(version) + " is not supported (use glTF 2.0 or 1.0)");
    const std::uint32_t total = littleEndianWord(bytes, 8);
    const std::uint32_t chunk = littleEndianWord(bytes, 12);
    if (total < 20 || total > bytes.size() || chunk > total - 20)
        throw ModelImportError(path, "corrupt or truncated file (the glTF header's lengths run past the end of the file)");
    if (version == 1) return std::nullopt;
    if (littleEndianWord(bytes, 16) != 0x4E4F534Au)
        throw ModelImportError(path, "corrupt or truncated file (the glTF JSON chunk is missing)");
    const std::size_t binaryRest = 20 + std::size_t{chunk};
    if (total - binaryRest >= 8 && littleEndianWord(bytes, binaryRest) > total - binaryRest - 8)
        throw ModelImportError(path, "corrupt or truncated file (the glTF binary chunk runs past the end of the file)");
    return chunk;
}

// The glTF binary `bytes` with its JSON chunk replaced by `json`; the chunks from `binaryRest` on
// are kept as they are.
std::string glbWithJson(std::string json, const std::string& bytes, std::size_t binaryRest) {
    while (json.size() % 4 != 0) json.push_back(' ');  // chunks are 4-byte aligned, JSON padded with spaces
    std::string out = "glTF";
    appendWord(out, 2);
    appendWord(out, static_cast<std::uint32_t>(12 + 8 + json.size() + (bytes.size() - binaryRest)));
    appendWord(out, static_cast<std::uint32_t>(json.size()));
    appendWord(out, 0x4E4F534Au);
    out += json;
    out.append(bytes, binaryRest, std::string::npos);
    return out;
}

// Checks the document's references and removes what Assimp would refuse the file for; the
// warnings say what was removed (none: nothing was).
std::vector<std::string> repairDocument(Json& document, const std::filesystem::path& path) {
    ReferenceCheck(document, path).run();
    std::vector<std::string> warnings;
    if (const std::string problem = appearanceProblem(document); !problem.empty()) {
        dropAppearance(document);
        warnings.push_back("ignored the file's materials and textures (" + problem + ")");
    }
    if (const auto dropped = dropUnreadableAttributes(document, path); !dropped.empty()) {
        std::string names;
        for (const std::string& name : dropped) names += (names.empty() ? "" : ", ") + name;
        warnings.push_back("ignored vertex attribute" + std::string(dropped.size() > 1 ? "s " : " ") + names +
                           " (not a glTF 2.0 attribute, or numbered with a gap)");
    }
    return warnings;
}

}  // namespace

FileRepair checkGltfFile(const std::filesystem::path& path, const std::string& bytes) {
    const bool binary = path.extension() == ".glb" || bytes.compare(0, 4, "glTF") == 0;
    std::string_view json = bytes;
    std::size_t binaryRest = bytes.size();  // where the chunks after the JSON begin
    if (binary) {
        const std::optional<std::size_t> length = glbJsonLength(path, bytes);
        if (!length) return {};
        json = std::string_view(bytes).substr(20, *length);
        binaryRest = 20 + *length;
    }
    Json document = Json::parse(json.begin(), json.end(), nullptr, false);
    if (document.is_discarded() || !document.is_object())
        throw ModelImportError(path, "corrupt or truncated file (the glTF JSON does not parse)");
    if (!binary && isGltf1(document)) return {};

    FileRepair repair;
    repair.warnings = repairDocument(document, path);
    if (repair.warnings.empty()) return repair;
    std::string text = document.dump();
    repair.bytes = binary ? glbWithJson(std::move(text), bytes, binaryRest) : std::move(text);
    return repair;
}

}  // namespace psoas
