#include "core/mesh_set.hpp"

#include "core/toml_reader.hpp"

#include <set>

namespace psoas {

namespace {

const std::vector<std::pair<std::string, LengthUnit>> kUnits = {
    {"auto", LengthUnit::Auto}, {"mm", LengthUnit::Millimetre}, {"cm", LengthUnit::Centimetre}, {"m", LengthUnit::Metre}};

// Reads units, up and forward from `reader` over the defaults in `orientation`.
void readOrientation(TableReader& reader, ModelOrientation& orientation) {
    orientation.units = reader.choice("units", kUnits, false, orientation.units);
    for (auto [key, axis] : {std::pair{"up", &orientation.up}, std::pair{"forward", &orientation.forward}}) {
        const toml::node* node = reader.table().get(key);
        const std::string text = reader.string(key, false);
        if (text.empty() || !node) continue;
        if (const auto parsed = parseAxis(text)) *axis = parsed;
        else reader.report(node->source(), "'" + text + "' is not an axis (use +X, -X, +Y, -Y, +Z or -Z)");
    }
}

}  // namespace

MeshSet parseMeshSet(std::string_view text, const std::filesystem::path& file, const std::vector<std::string>& structureIds) {
    const toml::table root = parseTomlOrThrow(text, file);
    std::vector<Diagnostic> problems;
    MeshSet set;
    set.file = file;
    TableReader top(root, file, problems, {"mesh_set", "part"}, "the mesh set file");
    ModelOrientation defaults;
    if (const toml::table* header = root.get_as<toml::table>("mesh_set")) {
        TableReader reader(*header, file, problems, {"name", "units", "up", "forward"}, "[mesh_set]");
        set.name = reader.string("name", false);
        readOrientation(reader, defaults);
    } else {
        top.reportHere("the file needs a [mesh_set] table");
    }
    std::set<std::string> used;
    top.eachTable("part", "mesh_set", [&](const toml::table& table) {
        TableReader reader(table, file, problems, {"file", "structure", "units", "up", "forward", "translate", "rotate"}, "[[part]]");
        MeshSetPart part;
        const std::string path = reader.string("file", true);
        if (!path.empty()) {
            part.file = file.parent_path() / path;
            std::error_code ec;
            if (!std::filesystem::is_regular_file(part.file, ec)) reader.report(table.get("file")->source(), "no such file '" + path + "'");
        }
        part.structure = reader.string("structure", true);
        if (!part.structure.empty()) {
            const toml::source_region& where = table.get("structure")->source();
            if (std::find(structureIds.begin(), structureIds.end(), part.structure) == structureIds.end()) {
                const std::string guess = closestMatch(part.structure, structureIds);
                reader.report(where, "no atlas structure '" + part.structure + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
            } else if (!used.insert(part.structure).second) {
                reader.report(where, "structure '" + part.structure + "' is given a second time");
            }
        }
        part.orientation = defaults;
        readOrientation(reader, part.orientation);
        if (const std::string problem = orientationProblem(part.orientation); !problem.empty()) {
            const toml::node* forward = table.get("forward");
            reader.report(forward ? forward->source() : table.source(),
                          "up " + axisName(part.orientation.upAxis()) + " and forward " + axisName(part.orientation.forwardAxis()) +
                              " are on the same axis; anterior must be at right angles to up");
        }
        // 10 m and a full turn each way: far beyond any body, small enough to catch a unit slip.
        part.placement.translate = reader.vec3("translate", glm::vec3(0.0f), -10.0f, 10.0f);
        part.placement.rotateDegrees = reader.vec3("rotate", glm::vec3(0.0f), -360.0f, 360.0f);
        set.parts.push_back(std::move(part));
    });
    if (!root.contains("part") && problems.empty()) top.reportHere("the mesh set lists no [[part]]");
    if (!problems.empty()) {
        sortByPosition(problems);
        throw DataFileError(std::move(problems));
    }
    return set;
}

MeshSet loadMeshSet(const std::filesystem::path& file, const std::vector<std::string>& structureIds) {
    return parseMeshSet(readDataFile(file, kMaxDataFileBytes, "is larger than 4 MiB; a mesh set file is a page of text"), file,
                        structureIds);
}

}  // namespace psoas
