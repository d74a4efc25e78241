#include "core/atlas.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace psoas {

std::string_view toString(StructureGroup group) {
    switch (group) {
        case StructureGroup::Bone: return "bone";
        case StructureGroup::Muscle: return "muscle";
        case StructureGroup::Disc: return "disc";
        case StructureGroup::Ligament: return "ligament";
        case StructureGroup::Other: return "part";
    }
    return "bone";
}

std::string_view toString(BodySide side) {
    switch (side) {
        case BodySide::Midline: return "midline";
        case BodySide::Left: return "left";
        case BodySide::Right: return "right";
    }
    return "midline";
}

namespace {

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
            if (required) reportHere(context_ + " needs '" + key + "'");
            return {};
        }
        if (auto value = node->value<std::string>()) return *value;
        report(node->source(), std::string("'") + key + "' must be a string");
        return {};
    }

    bool boolean(const char* key, bool fallback) {
        const toml::node* node = table_.get(key);
        if (!node) return fallback;
        if (auto value = node->value<bool>()) return *value;
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

    const toml::table& table() const { return table_; }

private:
    const toml::table& table_;
    const std::filesystem::path& file_;
    std::vector<Diagnostic>& out_;
    std::vector<std::string> known_;
    std::string context_;
};

bool isStructureId(const std::string& id) {
    if (id.empty() || !(id[0] >= 'a' && id[0] <= 'z')) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// Colours by group when the atlas gives none: ivory bone, muscle red, pale blue-grey discs.
glm::vec3 defaultColour(StructureGroup group) {
    switch (group) {
        case StructureGroup::Bone: return {0.89f, 0.85f, 0.76f};
        case StructureGroup::Muscle: return {0.72f, 0.26f, 0.24f};
        case StructureGroup::Disc: return {0.66f, 0.74f, 0.80f};
        case StructureGroup::Ligament: return {0.85f, 0.85f, 0.70f};
        case StructureGroup::Other: break;
    }
    return glm::vec3(0.8f);
}

Landmark readLandmark(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& out) {
    TableReader reader(table, file, out, {"id", "name", "position"}, "a landmark");
    Landmark landmark;
    landmark.id = reader.string("id", true);
    landmark.name = reader.string("name", false);
    if (landmark.name.empty()) landmark.name = landmark.id;
    if (!table.contains("position")) reader.reportHere("a landmark needs 'position'");
    landmark.position = reader.vec3("position", glm::vec3(0.0f), -10.0f, 10.0f);
    return landmark;
}

StructureInfo readStructure(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& out) {
    TableReader reader(table, file, out,
                       {"id", "name", "latin", "group", "side", "mesh", "colour", "body", "landmark", "scale",
                        "rotate_degrees", "translate"},
                       "a structure");
    StructureInfo s;
    s.id = reader.string("id", true);
    if (!s.id.empty() && !isStructureId(s.id))
        reader.report(table.get("id")->source(), "id '" + s.id + "' must be lower_snake_case (a-z, 0-9, _)");
    s.name = reader.string("name", true);
    s.latin = reader.string("latin", false);
    s.group = reader.choice<StructureGroup>("group",
                                            {{"bone", StructureGroup::Bone},
                                             {"muscle", StructureGroup::Muscle},
                                             {"disc", StructureGroup::Disc},
                                             {"ligament", StructureGroup::Ligament}},
                                            true, StructureGroup::Bone);
    s.side = reader.choice<BodySide>("side",
                                     {{"midline", BodySide::Midline}, {"left", BodySide::Left}, {"right", BodySide::Right}},
                                     false, BodySide::Midline);
    const std::string mesh = reader.string("mesh", true);
    if (!mesh.empty()) s.mesh = file.parent_path() / mesh;
    s.colour = reader.vec3("colour", defaultColour(s.group), 0.0f, 1.0f);
    s.body = reader.string("body", false);
    if (s.body.empty()) s.body = s.id;
    s.transform.scale = reader.number("scale", 1.0f, 1e-6f, 1e6f);
    s.transform.rotateDegrees = reader.vec3("rotate_degrees", glm::vec3(0.0f), -360.0f, 360.0f);
    s.transform.translate = reader.vec3("translate", glm::vec3(0.0f), -1000.0f, 1000.0f);

    if (const toml::node* landmarks = table.get("landmark")) {
        const toml::array* array = landmarks->as_array();
        if (!array || !array->is_array_of_tables()) {
            reader.report(landmarks->source(), "'landmark' must be written as [[structure.landmark]] tables");
        } else {
            for (const toml::node& node : *array) s.landmarks.push_back(readLandmark(*node.as_table(), file, out));
        }
    }
    return s;
}

}  // namespace

Atlas parseAtlas(std::string_view text, const std::filesystem::path& file) {
    std::vector<Diagnostic> problems;
    toml::table root;
    try {
        root = toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        throw DataFileError({{file, static_cast<int>(where.line), static_cast<int>(where.column),
                              std::string(e.description())}});
    }

    Atlas atlas;
    atlas.file = file;
    TableReader top(root, file, problems, {"atlas", "structure"}, "the atlas file");
    if (const toml::table* header = root["atlas"].as_table()) {
        TableReader reader(*header, file, problems, {"name", "stand_in", "description"}, "[atlas]");
        atlas.name = reader.string("name", false);
        atlas.standIn = reader.boolean("stand_in", false);
        reader.string("description", false);
    }
    const toml::array* structures = root["structure"].as_array();
    if (!structures || structures->empty() || !structures->is_array_of_tables()) {
        problems.push_back({file, 1, 1, "the atlas lists no structures; add [[structure]] tables"});
    } else {
        std::set<std::string> seen;
        for (const toml::node& node : *structures) {
            StructureInfo s = readStructure(*node.as_table(), file, problems);
            if (!s.id.empty() && !seen.insert(s.id).second) {
                const auto& where = node.source().begin;
                problems.push_back({file, static_cast<int>(where.line), static_cast<int>(where.column),
                                    "duplicate structure id '" + s.id + "'"});
            }
            atlas.structures.push_back(std::move(s));
        }
    }
    if (!problems.empty()) throw DataFileError(std::move(problems));
    return atlas;
}

Atlas loadAtlas(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DataFileError({{file, 0, 0, "cannot be opened (missing or unreadable)"}});
    std::ostringstream text;
    text << in.rdbuf();
    return parseAtlas(text.str(), file);
}

}  // namespace psoas
