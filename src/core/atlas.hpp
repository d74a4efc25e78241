#pragma once
// The atlas: a data file (models/atlas.toml) that names every structure of a scene, its mesh file,
// colour, group, side and landmarks. The code knows no structure by name; pointing the atlas at
// other meshes (with a transform) changes the scene without rebuilding.

#include "core/diagnostic.hpp"

#include <glm/vec3.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace psoas {

enum class StructureGroup { Bone, Muscle, Disc, Ligament, Other };  // Other: parts of a --model file
enum class BodySide { Midline, Left, Right };

std::string_view toString(StructureGroup group);
std::string_view toString(BodySide side);

struct Landmark {
    std::string id;
    std::string name;
    glm::vec3 position{0.0f};  // scene frame, metres
};

// Where a muscle attaches: a patch of a bone's surface, painted by the renderer in the origin or
// insertion colour. `centre` is snapped onto the bone's mesh when the scene loads.
// Origin and Insertion are a muscle's attachment areas; Tendon and Cartilage are regions painted on
// a structure's own surface (the diaphragm's central tendon, the acetabulum's lunate surface).
enum class AttachmentKind { Origin, Insertion, Tendon, Cartilage };
struct AttachmentKindName {
    AttachmentKind value;
    std::string_view name;  // in atlas files (kind = "origin") and quiz answers ("iliacus_r:origin")
};
// The one name table of the kinds: the atlas reader, the lesson checker and the quiz use it.
inline constexpr std::array<AttachmentKindName, 4> kAttachmentKindNames{{{AttachmentKind::Origin, "origin"},
                                                                         {AttachmentKind::Insertion, "insertion"},
                                                                         {AttachmentKind::Tendon, "tendon"},
                                                                         {AttachmentKind::Cartilage, "cartilage"}}};
[[nodiscard]] std::string_view toString(AttachmentKind kind);
[[nodiscard]] std::optional<AttachmentKind> attachmentKindFromName(std::string_view name);
struct AttachmentArea {
    AttachmentKind kind = AttachmentKind::Origin;
    std::string bone;  // structure id of the bone (or disc) it is painted on
    std::string name;  // "L3 transverse process"
    glm::vec3 centre{0.0f};
    float radius = 0.01f;  // metres
};

// Maps a mesh file's coordinates into the scene frame: p' = translate + R(rotate) * (scale * p).
struct MeshTransform {
    float scale = 1.0f;
    glm::vec3 rotateDegrees{0.0f};  // applied about X, then Y, then Z
    glm::vec3 translate{0.0f};
};

// What a student reads about a structure on its card: words, not geometry. Each field may be empty
// (bones carry a summary only; muscles all five of origin..bloodSupply). Textbook facts, written
// in the project's own words; `source` is where they come from, as a reader would cite it (the
// built-in set: Gray's Anatomy, docs/sources.md §10).
struct StructureFacts {
    std::string summary;      // one or two sentences: what it is, where it lies
    std::string origin;       // proximal attachment
    std::string insertion;    // distal attachment
    std::string action;
    std::string innervation;  // nerve and spinal segments
    std::string bloodSupply;
    std::string source;       // "Gray's Anatomy, 41st ed. (Standring 2016), in our own words"
    [[nodiscard]] bool empty() const {
        return summary.empty() && origin.empty() && insertion.empty() && action.empty() && innervation.empty() &&
               bloodSupply.empty();
    }
};

struct StructureInfo {
    std::string id;     // lower_snake_case, _l/_r for sides: "psoas_major_r"
    std::string name;   // display name: "Right psoas major"
    std::string latin;  // Terminologia Anatomica name, may be empty
    StructureGroup group = StructureGroup::Bone;
    BodySide side = BodySide::Midline;
    std::filesystem::path mesh;  // absolute, resolved against the atlas file's folder
    MeshTransform transform;
    glm::vec3 colour{0.8f};
    std::string body;  // the body it moves with
    std::vector<Landmark> landmarks;
    std::vector<AttachmentArea> attachments;  // for muscles: origin and insertion areas
    // Parts of this structure's own surface always painted in a tendon colour (the diaphragm's
    // central tendon); `kind` and `bone` are unused.
    std::vector<AttachmentArea> regions;
    StructureFacts facts;  // `[structure.facts]` in the atlas; empty when the atlas gives none
};

// A joint of the pose model: `child` turns relative to `parent` about `axis` through `centre`.
struct Joint {
    std::string id;  // "l4_l5", "hip_r"
    std::string name;
    std::string parent, child;  // body names
    glm::vec3 centre{0.0f};     // scene frame, neutral pose
    glm::vec3 axis{1.0f, 0.0f, 0.0f};
};

struct Atlas {
    std::filesystem::path file;
    std::string name;
    bool standIn = false;  // the meshes are placeholders: the viewer must say so on screen
    std::vector<StructureInfo> structures;
    std::vector<Joint> joints;
};

// Throws DataFileError listing every problem (file:line:col) when the atlas cannot be used.
Atlas loadAtlas(const std::filesystem::path& file);
Atlas parseAtlas(std::string_view text, const std::filesystem::path& file);

}  // namespace psoas
