#include "core/atlas.hpp"

#include "core/name_table.hpp"
#include "core/toml_reader.hpp"

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

std::string_view toString(AttachmentKind kind) { return nameIn(kAttachmentKindNames, kind); }

std::optional<AttachmentKind> attachmentKindFromName(std::string_view name) { return valueIn(kAttachmentKindNames, name); }

namespace {

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

// The table's names of `kinds`, as a reader's choices: an attachment is an origin or insertion, a
// region a tendon or cartilage.
std::vector<std::pair<std::string, AttachmentKind>> kindChoices(std::initializer_list<AttachmentKind> kinds) {
    std::vector<std::pair<std::string, AttachmentKind>> choices;
    for (AttachmentKind kind : kinds) choices.emplace_back(toString(kind), kind);
    return choices;
}

AttachmentArea readAttachment(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& out) {
    TableReader reader(table, file, out, {"kind", "bone", "name", "centre", "radius"}, "an attachment");
    AttachmentArea area;
    area.kind = reader.choice<AttachmentKind>("kind", kindChoices({AttachmentKind::Origin, AttachmentKind::Insertion}), true,
                                              AttachmentKind::Origin);
    area.bone = reader.string("bone", true);
    area.name = reader.string("name", false);
    if (!table.contains("centre")) reader.reportHere("an attachment needs 'centre'");
    area.centre = reader.vec3("centre", glm::vec3(0.0f), -10.0f, 10.0f);
    // 1 mm to 20 cm: from a small tubercle to the whole iliac fossa.
    area.radius = reader.number("radius", 0.01f, 0.001f, 0.2f);
    return area;
}

StructureFacts readFacts(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& out) {
    TableReader reader(table, file, out, {"summary", "origin", "insertion", "action", "innervation", "blood_supply", "source"},
                       "a structure's facts");
    StructureFacts facts;
    facts.summary = reader.string("summary", false);
    facts.origin = reader.string("origin", false);
    facts.insertion = reader.string("insertion", false);
    facts.action = reader.string("action", false);
    facts.innervation = reader.string("innervation", false);
    facts.bloodSupply = reader.string("blood_supply", false);
    facts.source = reader.string("source", false);
    return facts;
}

StructureInfo readStructure(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& out) {
    TableReader reader(table, file, out,
                       {"id", "name", "latin", "group", "side", "mesh", "colour", "body", "landmark", "attachment", "region", "scale",
                        "rotate_degrees", "translate", "facts"},
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

    reader.eachTable("landmark", "structure", [&](const toml::table& t) { s.landmarks.push_back(readLandmark(t, file, out)); });
    reader.eachTable("region", "structure", [&](const toml::table& t) {
        TableReader region(t, file, out, {"name", "kind", "centre", "radius"}, "a region");
        AttachmentArea area;
        area.bone = s.id;
        area.kind = region.choice<AttachmentKind>("kind", kindChoices({AttachmentKind::Tendon, AttachmentKind::Cartilage}), false,
                                                  AttachmentKind::Tendon);
        area.name = region.string("name", false);
        area.centre = region.vec3("centre", glm::vec3(0.0f), -10.0f, 10.0f);
        area.radius = region.number("radius", 0.01f, 0.001f, 0.2f);
        s.regions.push_back(area);
    });
    reader.eachTable("attachment", "structure", [&](const toml::table& t) { s.attachments.push_back(readAttachment(t, file, out)); });
    if (const toml::node* facts = table.get("facts")) {
        if (const toml::table* t = facts->as_table())
            s.facts = readFacts(*t, file, out);
        else
            reader.report(facts->source(), "'facts' must be a table ([structure.facts])");
    }
    return s;
}

Joint readJoint(const toml::table& table, const std::filesystem::path& file, std::vector<Diagnostic>& out) {
    TableReader reader(table, file, out, {"id", "name", "parent", "child", "centre", "axis"}, "a joint");
    Joint joint;
    joint.id = reader.string("id", true);
    joint.name = reader.string("name", false);
    joint.parent = reader.string("parent", true);
    joint.child = reader.string("child", true);
    joint.centre = reader.vec3("centre", glm::vec3(0.0f), -10.0f, 10.0f);
    joint.axis = reader.vec3("axis", glm::vec3(1.0f, 0.0f, 0.0f), -1.0f, 1.0f);
    return joint;
}

void readJoints(const toml::table& root, Atlas& atlas, std::vector<Diagnostic>& out) {
    const toml::array* joints = root["joint"].as_array();
    if (!joints) return;
    for (const toml::node& node : *joints) {
        if (const toml::table* table = node.as_table())
            atlas.joints.push_back(readJoint(*table, atlas.file, out));
        else
            out.push_back(diagnosticAt(atlas.file, node.source(), "joints must be written as [[joint]] tables"));
    }
}

void readHeader(const toml::table& root, Atlas& atlas, std::vector<Diagnostic>& out) {
    const toml::table* header = root["atlas"].as_table();
    if (!header) return;
    TableReader reader(*header, atlas.file, out, {"name", "stand_in", "description"}, "[atlas]");
    atlas.name = reader.string("name", false);
    atlas.standIn = reader.boolean("stand_in", false);
    reader.string("description", false);
}

// Attachments name bones by id; checked once every structure is known. `tables` are the
// [[structure]] tables the structures were read from, in the same order.
void checkAttachmentBones(const Atlas& atlas, const toml::array& tables, std::vector<Diagnostic>& out) {
    std::vector<std::string> ids;
    for (const auto& s : atlas.structures) ids.push_back(s.id);
    for (std::size_t i = 0; i < atlas.structures.size(); ++i) {
        const toml::table& table = *tables[i].as_table();
        const toml::array* areas = table["attachment"].as_array();
        const auto& attachments = atlas.structures[i].attachments;
        for (std::size_t a = 0; a < attachments.size(); ++a) {
            const std::string& bone = attachments[a].bone;
            if (bone.empty() || std::find(ids.begin(), ids.end(), bone) != ids.end()) continue;
            const toml::node* where = areas ? (*areas)[a].as_table()->get("bone") : nullptr;
            const std::string guess = closestMatch(bone, ids);
            out.push_back(diagnosticAt(
                atlas.file, where ? where->source() : table.source(),
                "attachment on unknown bone '" + bone + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)")));
        }
    }
}

void readStructures(const toml::table& root, Atlas& atlas, std::vector<Diagnostic>& out) {
    const toml::array* structures = root["structure"].as_array();
    if (!structures || structures->empty() || !structures->is_array_of_tables()) {
        out.push_back({atlas.file, 1, 1, "the atlas lists no structures; add [[structure]] tables"});
        return;
    }
    std::set<std::string> seen;
    for (const toml::node& node : *structures) {
        StructureInfo s = readStructure(*node.as_table(), atlas.file, out);
        if (!s.id.empty() && !seen.insert(s.id).second) {
            const auto& where = node.source().begin;
            out.push_back({atlas.file, static_cast<int>(where.line), static_cast<int>(where.column),
                           "duplicate structure id '" + s.id + "'"});
        }
        atlas.structures.push_back(std::move(s));
    }
    checkAttachmentBones(atlas, *structures, out);
}

}  // namespace

Atlas parseAtlas(std::string_view text, const std::filesystem::path& file) {
    std::vector<Diagnostic> problems;
    const toml::table root = parseTomlOrThrow(text, file);

    Atlas atlas;
    atlas.file = file;
    TableReader top(root, file, problems, {"atlas", "structure", "joint"}, "the atlas file");
    readJoints(root, atlas, problems);
    readHeader(root, atlas, problems);
    readStructures(root, atlas, problems);
    if (!problems.empty()) {
        sortByPosition(problems);
        throw DataFileError(std::move(problems));
    }
    return atlas;
}

Atlas loadAtlas(const std::filesystem::path& file) { return parseAtlas(readDataFile(file), file); }

}  // namespace psoas
