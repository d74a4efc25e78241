// The built-in model set: which structures exist, their names, colours, bodies
// and landmarks (the data written to atlas.toml), and how each mesh is made.
#pragma once

#include "anatomy.hpp"

#include <array>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace modelgen {

struct Landmark {
    std::string id;
    std::string name;
    Vec3 position;
    bool on_bone_surface = false;  // true for bony landmarks that must lie on the mesh (tests)
};

// Where a muscle attaches: a patch of a bone's surface the viewer paints (origin and insertion in
// different colours). The viewer snaps `centre` onto the named bone's mesh, so these stay right
// when the atlas points at other meshes.
struct Attachment {
    std::string kind;  // "origin" or "insertion"; for regions "tendon" or "cartilage"
    std::string bone;  // structure id
    std::string name;
    Vec3 centre;
    double radius;  // metres
};

// The words of a structure's card in the viewer (atlas `[structure.facts]`; docs/sources.md §10).
struct CardFacts {
    std::string summary, origin, insertion, action, innervation, blood_supply;
};

struct Structure {
    std::string id, name, latin, group, side, body;
    std::array<double, 3> colour{};
    std::vector<Landmark> landmarks;
    std::function<ShapeSpec()> shape;  // empty for left structures: they mirror `mirror_of`
    std::string mirror_of;
    std::vector<Attachment> attachments = {};
    // Parts of a structure's own surface painted in another colour (the diaphragm's central tendon).
    std::vector<Attachment> regions = {};
    CardFacts card = {};
};

// Fills every structure's card from the catalogue in card_facts.cpp (a left structure gets its
// right twin's words). Throws std::runtime_error when the catalogue names a structure not in `set`.
void add_card_facts(std::vector<Structure>& set);

// Every structure in a fixed order; right-side ones come before their left mirrors.
std::vector<Structure> model_set();

struct GeneratedMesh {
    std::string id;
    TriangleMesh mesh;
    double seconds = 0.0;
};

// Mesh every structure (deterministic; independent of thread timing).
std::vector<GeneratedMesh> generate_meshes(const std::vector<Structure>& structures);

std::string atlas_toml(const std::vector<Structure>& structures);

// Write <id>.glb for every mesh and atlas.toml into dir.
void write_model_set(const std::filesystem::path& dir, const std::vector<Structure>& structures,
                     const std::vector<GeneratedMesh>& meshes);

}  // namespace modelgen
