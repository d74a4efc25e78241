#include "core/scene.hpp"

#include "core/surface_registration.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/matrix_inverse.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>

namespace psoas {

std::size_t Scene::triangleCount() const {
    std::size_t total = 0;
    for (const auto& s : structures) total += s.mesh.triangleCount();
    return total;
}

int Scene::findStructure(std::string_view id) const {
    for (std::size_t i = 0; i < structures.size(); ++i)
        if (structures[i].info.id == id) return static_cast<int>(i);
    return -1;
}

MeshData mergeMeshes(const std::vector<ImportedMesh>& parts, const MeshTransform& transform) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), transform.translate);
    m = glm::rotate(m, glm::radians(transform.rotateDegrees.z), {0, 0, 1});
    m = glm::rotate(m, glm::radians(transform.rotateDegrees.y), {0, 1, 0});
    m = glm::rotate(m, glm::radians(transform.rotateDegrees.x), {1, 0, 0});
    m = glm::scale(m, glm::vec3(transform.scale));
    const glm::mat3 normalMatrix = glm::inverseTranspose(glm::mat3(m));

    MeshData merged;
    for (const ImportedMesh& part : parts) {
        const auto base = static_cast<std::uint32_t>(merged.positions.size());
        for (std::size_t i = 0; i < part.mesh.positions.size(); ++i) {
            const glm::vec3 p = glm::vec3(m * glm::vec4(part.mesh.positions[i], 1.0f));
            merged.positions.push_back(p);
            merged.normals.push_back(glm::normalize(normalMatrix * part.mesh.normals[i]));
            merged.bounds.include(p);
        }
        for (std::uint32_t index : part.mesh.indices) merged.indices.push_back(base + index);
    }
    return merged;
}

namespace {
// Moves each attachment's centre onto its bone's surface (the nearest vertex): published points
// lie a few millimetres inside or outside any particular mesh, and a painted patch must sit on it.
void snapAttachments(Scene& scene) {
    for (SceneStructure& muscle : scene.structures) {
        for (AttachmentArea& region : muscle.info.regions) region.bone = muscle.info.id;
        std::vector<AttachmentArea*> areas;
        for (AttachmentArea& a : muscle.info.attachments) areas.push_back(&a);
        for (AttachmentArea& a : muscle.info.regions) areas.push_back(&a);
        for (AttachmentArea* pointer : areas) {
            AttachmentArea& area = *pointer;
            const int bone = scene.findStructure(area.bone);
            if (bone < 0) continue;
            const auto& positions = scene.structures[static_cast<std::size_t>(bone)].mesh.positions;
            float best = std::numeric_limits<float>::max();
            glm::vec3 nearest = area.centre;
            for (const glm::vec3& p : positions) {
                const glm::vec3 d = p - area.centre;
                if (const float d2 = glm::dot(d, d); d2 < best) best = d2, nearest = p;
            }
            area.centre = nearest;
        }
    }
}
}  // namespace

Scene loadScene(const Atlas& atlas, const ImportLimits& limits) {
    Scene scene;
    scene.title = atlas.name.empty() ? atlas.file.stem().string() : atlas.name;
    scene.standIn = atlas.standIn;
    scene.joints = atlas.joints;
    for (const StructureInfo& info : atlas.structures) {
        SceneStructure s{info, mergeMeshes(importModel(info.mesh, limits), info.transform)};
        scene.bounds.include(s.mesh.bounds);
        scene.structures.push_back(std::move(s));
    }
    snapAttachments(scene);
    return scene;
}

namespace {

// A muted palette that stays apart on a projector; past it, hues step by the golden angle so
// neighbours in the list never look alike.
glm::vec3 partColour(std::size_t index) {
    static constexpr glm::vec3 kPalette[] = {{0.89f, 0.85f, 0.76f}, {0.72f, 0.30f, 0.28f}, {0.55f, 0.68f, 0.80f},
                                             {0.60f, 0.75f, 0.55f}, {0.85f, 0.66f, 0.40f}, {0.70f, 0.60f, 0.80f}};
    if (index < std::size(kPalette)) return kPalette[index];
    const float hue = std::fmod(static_cast<float>(index) * 0.618034f, 1.0f) * 6.0f;
    const float x = 1.0f - std::abs(std::fmod(hue, 2.0f) - 1.0f);
    const int sector = static_cast<int>(hue);
    const glm::vec3 rgb = sector == 0 ? glm::vec3(1, x, 0) : sector == 1 ? glm::vec3(x, 1, 0) : sector == 2 ? glm::vec3(0, 1, x)
                          : sector == 3 ? glm::vec3(0, x, 1) : sector == 4 ? glm::vec3(x, 0, 1) : glm::vec3(1, 0, x);
    return glm::mix(glm::vec3(0.80f), rgb, 0.45f);  // 45 % saturation: muted like the palette
}

std::string lowercaseExtension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension;
}

struct LoadedFile {
    std::filesystem::path path;
    ImportedModel model;
};

}  // namespace

std::vector<std::filesystem::path> modelFilesIn(const std::filesystem::path& folder) {
    static const std::set<std::string> kMeshExtensions = {".glb", ".gltf", ".obj", ".stl", ".ply", ".off", ".dae", ".fbx", ".3ds"};
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(folder, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && kMeshExtensions.count(lowercaseExtension(it->path()))) files.push_back(it->path());
    if (ec) throw ModelImportError(folder, "cannot list the folder: " + ec.message());
    std::sort(files.begin(), files.end());
    return files;
}

namespace {
// A landmark this close to the built-in surface is a point on the bone (a trochanter, a crest) and
// moves onto the teacher's surface; deeper ones (a joint centre) keep their place.
constexpr float kOnSurfaceMetres = 0.002f;
// A fit that leaves more than this is said on the terminal: labels and painted areas may sit off
// the teacher's bone by about that much (the built-in bones are estimates, sources §4: a few
// millimetres between two real bones of one kind is expected).
constexpr float kLooseFitMetres = 0.005f;

std::string millimetres(float metres) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f mm", static_cast<double>(metres) * 1000.0);
    return text;
}

// The part's meshes merged into one, turned and scaled by its units and axes, then placed.
MeshData placedPart(const MeshSetPart& part, const ImportLimits& limits, Scene& scene) {
    ImportedModel model = readModelFile(part.file, limits);
    const LengthUnit units = part.orientation.units == LengthUnit::Auto ? [&] {
        Bounds b;
        for (const ImportedMesh& m : model.meshes) b.include(m.mesh.bounds);
        return guessUnits(b);
    }() : part.orientation.units;
    // Units and axes first, then the placement, as MeshTransform applies it.
    const glm::mat3 turn = sceneRotation(part.orientation);
    for (ImportedMesh& m : model.meshes) {
        for (glm::vec3& p : m.mesh.positions) p = turn * p * metresPer(units);
        for (glm::vec3& n : m.mesh.normals) n = turn * n;
    }
    for (const std::string& warning : model.warnings) scene.leftOut.push_back(part.file.filename().string() + ": " + warning);
    return mergeMeshes(model.meshes, part.placement);
}

// Moves the mesh by a rigid transform.
void moveRigidly(MeshData& mesh, const glm::mat4& transform) {
    const glm::mat3 turn(transform);
    mesh.bounds = {};
    for (glm::vec3& p : mesh.positions) {
        p = glm::vec3(transform * glm::vec4(p, 1.0f));
        mesh.bounds.include(p);
    }
    for (glm::vec3& n : mesh.normals) n = turn * n;
}

// A part is refused when it cannot be the structure it is listed as, so that lessons never paint
// and label a wrong bone (a tester's manifest put a femur in place of L3, a vertebra in place of a
// femur and a left femur in place of the right, all accepted with exit 0). The limits come from the
// myo_sim set fitted onto the built-in bones (tests/data/mesh_sets/myosim_parts.toml): its parts
// are 0.85-1.04 times the size of theirs, fit to 1.4-4.4 % of it, and its paired bones fit 1.8-2.4
// times worse mirrored; a left femur given as the right one fits 1.8 times BETTER mirrored.
constexpr float kSizeRatioLimit = 2.0f;   // part / built-in box diagonal, either way
constexpr float kFitFractionLimit = 0.15f;  // RMS after the fit, as a fraction of the built-in diagonal
constexpr float kMirrorGain = 0.75f;       // mirrored RMS below this fraction of the direct RMS: the other side's

// The structure id on the other side ("femur_l" for "femur_r"), or "" for an unpaired one.
std::string otherSide(const std::string& id) {
    if (id.size() < 3 || id[id.size() - 2] != '_') return "";
    const char side = id.back();
    if (side != 'l' && side != 'r') return "";
    return id.substr(0, id.size() - 1) + (side == 'l' ? 'r' : 'l');
}

// The part mirrored through the sagittal plane (x -> -x in the scene frame), triangles turned to
// keep their outward faces.
MeshData mirroredX(MeshData mesh) {
    for (glm::vec3& p : mesh.positions) p.x = -p.x;
    for (glm::vec3& n : mesh.normals) n.x = -n.x;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
    mesh.bounds = {};
    for (const glm::vec3& p : mesh.positions) mesh.bounds.include(p);
    return mesh;
}

// Throws ModelImportError naming what is wrong when the fitted part (`placed` is the part as placed,
// before the fit) is far off the built-in structure's size, does not fit it, or fits it better
// mirrored.
void checkPartFits(const MeshSetPart& part, const MeshData& placed, const SurfaceFit& fit, const SceneStructure& builtIn) {
    const float own = glm::length(placed.bounds.size()), theirs = glm::length(builtIn.mesh.bounds.size());
    const std::string name = builtIn.info.name;
    if (own > kSizeRatioLimit * theirs || own * kSizeRatioLimit < theirs)
        throw ModelImportError(part.file, "it is " + millimetres(own) + " across (its box's diagonal) where the built-in " + name +
                                              " is " + millimetres(theirs) + ": check the set's units, or that it is the " + name);
    if (fit.rmsMetres > kFitFractionLimit * theirs)
        throw ModelImportError(part.file, "it does not fit the built-in " + name + " (" + millimetres(fit.rmsMetres) +
                                              " RMS after the best rigid fit, for a bone " + millimetres(theirs) +
                                              " across): is it the " + name + "?");
    const std::string other = otherSide(part.structure);
    if (other.empty()) return;
    const SurfaceFit mirrored = fitSurface(mirroredX(placed), builtIn.mesh);
    if (mirrored.rmsMetres < kMirrorGain * fit.rmsMetres)
        throw ModelImportError(part.file, "it fits the built-in " + name + " better mirrored (" + millimetres(mirrored.rmsMetres) +
                                              " RMS against " + millimetres(fit.rmsMetres) + " as given): it looks like the other side's; is it '" +
                                              other + "'?");
}

// Puts the part's mesh in place of its structure, fitted onto the built-in surface, and moves the
// structure's landmarks onto it; returns the structure's index. One note says how well it fits.
std::size_t replaceWithPart(Scene& scene, const MeshSetPart& part, const ImportLimits& limits) {
    const int index = scene.findStructure(part.structure);
    if (index < 0) throw ModelImportError(part.file, "no atlas structure '" + part.structure + "'");
    SceneStructure& structure = scene.structures[static_cast<std::size_t>(index)];
    MeshData mesh = placedPart(part, limits, scene);
    const std::string fileName = part.file.filename().string();
    if (mesh.indices.empty()) throw ModelImportError(part.file, "the file has no triangles to fit onto " + structure.info.name);
    const SurfaceFit fit = fitSurface(mesh, structure.mesh);
    checkPartFits(part, mesh, fit, structure);
    moveRigidly(mesh, fit.transform);
    scene.notes.push_back(part.structure + ": " + fileName + " fitted onto the built-in " + structure.info.name + ", " +
                          millimetres(fit.rmsMetres) + " RMS (" + millimetres(fit.startRmsMetres) + " as placed)" +
                          (fit.rmsMetres > kLooseFitMetres ? "; labels and painted areas may sit about that far off" : ""));
    // Landmarks on the built-in surface go to the nearest point of the teacher's.
    const SurfaceNearest builtIn(structure.mesh), own(mesh);
    for (Landmark& landmark : structure.info.landmarks)
        if (builtIn.nearest(landmark.position).distance < kOnSurfaceMetres) landmark.position = own.nearest(landmark.position).point;
    structure.mesh = std::move(mesh);
    structure.info.mesh = part.file;
    return static_cast<std::size_t>(index);
}

// The areas far from the new surface, by name ("Right iliacus 'ASIS region'"), each with the
// farthest distance of a patch of that name.
using FarAreas = std::vector<std::pair<std::string, float>>;

void noteFar(FarAreas& far, std::string name, float distance) {
    const auto same = std::find_if(far.begin(), far.end(), [&](const auto& f) { return f.first == name; });
    if (same == far.end()) far.emplace_back(std::move(name), distance);
    else same->second = std::max(same->second, distance);
}

// Moves every attachment area (listed on a muscle, or a structure's own regions) that lies on
// `bone` onto its new surface; returns a note naming those farther off than their own radius (the
// file lacks that part, or has it elsewhere), or "" when none is.
std::string moveAreasOnto(Scene& scene, std::size_t bone) {
    const SceneStructure& target = scene.structures[bone];
    const SurfaceNearest own(target.mesh);
    FarAreas far;
    for (SceneStructure& other : scene.structures)
        for (auto* areas : {&other.info.attachments, &other.info.regions})
            for (AttachmentArea& area : *areas) {
                if (area.bone != target.info.id) continue;
                const SurfaceNearest::Hit hit = own.nearest(area.centre);
                if (hit.distance > area.radius) noteFar(far, other.info.name + " '" + area.name + "'", hit.distance);
                area.centre = hit.point;
            }
    if (far.empty()) return "";
    std::string line = target.info.id + ": " + target.info.mesh.filename().string() +
                       " has no surface where these areas lie; painted at its nearest point: ";
    for (std::size_t i = 0; i < far.size(); ++i) line += (i ? ", " : "") + far[i].first + " " + millimetres(far[i].second) + " off";
    return line;
}
}  // namespace

Scene loadMeshSetScene(const MeshSet& set, const Atlas& atlas, const ImportLimits& limits) {
    Scene scene = loadScene(atlas, limits);
    scene.title = (set.name.empty() ? set.file.filename().string() : set.name) + "\nmesh set, " + std::to_string(set.parts.size()) + " parts";
    std::vector<std::size_t> replaced;
    for (const MeshSetPart& part : set.parts) replaced.push_back(replaceWithPart(scene, part, limits));
    for (std::size_t bone : replaced)
        if (std::string note = moveAreasOnto(scene, bone); !note.empty()) scene.notes.push_back(std::move(note));
    scene.bounds = {};
    for (const SceneStructure& s : scene.structures) scene.bounds.include(s.mesh.bounds);
    return scene;
}

Scene loadAtlasScene(const std::filesystem::path& atlasFile, const std::filesystem::path& meshSet, const ImportLimits& limits) {
    const Atlas atlas = loadAtlas(atlasFile);
    if (meshSet.empty()) return loadScene(atlas, limits);
    std::vector<std::string> ids;
    for (const StructureInfo& s : atlas.structures) ids.push_back(s.id);
    return loadMeshSetScene(loadMeshSet(meshSet, ids), atlas, limits);
}

namespace {

// The mesh files a request names: each file as given, each folder's mesh files in name order.
std::vector<std::filesystem::path> expandModelPaths(const std::vector<std::filesystem::path>& paths) {
    std::vector<std::filesystem::path> files;
    for (const std::filesystem::path& path : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec)) {
            files.push_back(path);
            continue;
        }
        const auto inside = modelFilesIn(path);
        if (inside.empty()) throw ModelImportError(path, "the folder holds no mesh files (.glb, .gltf, .obj, .stl, .ply)");
        files.insert(files.end(), inside.begin(), inside.end());
    }
    if (files.empty()) throw ModelImportError({}, "no mesh file given");
    return files;
}

bool placementAssumed(const ModelOrientation& orientation) {
    return orientation.units == LengthUnit::Auto || !orientation.up || !orientation.forward;
}

// Adds the units and axes to the title, and (first of the notes) a note when something was assumed
// rather than given.
void describePlacement(Scene& scene, const ModelOrientation& orientation, LengthUnit units, const Bounds& fileBounds) {
    const glm::vec3 size = fileBounds.size();
    const float largest = std::max({size.x, size.y, size.z});
    char sizeText[32];
    std::snprintf(sizeText, sizeof sizeText, largest >= 100.0f ? "%.0f" : "%.3g", static_cast<double>(largest));
    const bool guessed = orientation.units == LengthUnit::Auto;
    const std::string unitsLine = std::string("units: ") + unitName(units) + (guessed ? " (guessed)" : "");
    const std::string axesLine = "up " + axisName(orientation.upAxis()) + ", anterior " + axisName(orientation.forwardAxis());
    scene.title += "\n" + unitsLine + "\n" + axesLine;  // short lines: the side panel is narrow
    // Said on the terminal only when something was assumed rather than given.
    if (placementAssumed(orientation))
        scene.notes.insert(scene.notes.begin(), "assumed units: " + std::string(unitName(units)) +
                              (guessed ? std::string(" (guessed from the largest side, ") + sizeText + ")" : "") + "; " + axesLine +
                              " (set with --units, --up, --forward)");
}

// Turns the file's parts into the scene frame: `rotation` carries units and axes, `normalRotation` axes only.
struct ScenePlacement {
    glm::mat3 rotation;
    glm::mat3 normalRotation;
};

// Turns (and scales) a mesh's positions by `turn` and its normals by `normalTurn`; new bounds.
void turnMesh(MeshData& mesh, const glm::mat3& turn, const glm::mat3& normalTurn) {
    mesh.bounds = {};
    for (glm::vec3& p : mesh.positions) {
        p = turn * p;
        mesh.bounds.include(p);
    }
    for (glm::vec3& n : mesh.normals) n = normalTurn * n;
}

// Adds one structure per part of `file`, named from the file and part, unique by `seen`.
void addFileParts(Scene& scene, LoadedFile& file, bool fileColours, const ScenePlacement& placement,
                  std::map<std::string, int>& seen) {
    const std::string fileName = file.path.filename().string();
    for (const std::string& warning : file.model.warnings) scene.leftOut.push_back(fileName + ": " + warning);
    const bool single = file.model.meshes.size() == 1;
    if (fileColours && std::none_of(file.model.meshes.begin(), file.model.meshes.end(),
                                    [](const ImportedMesh& m) { return m.fileColour.has_value(); }))
        scene.notes.push_back(fileName + ": the file has no colours of its own; the viewer's are used");
    for (std::size_t i = 0; i < file.model.meshes.size(); ++i) {
        ImportedMesh& part = file.model.meshes[i];
        std::string name =
            single ? fileName : fileName + ": " + (part.name.empty() ? "part " + std::to_string(i + 1) : part.name);
        if (const int count = ++seen[name]; count > 1) name += " (" + std::to_string(count) + ")";
        SceneStructure s;
        s.info.id = "mesh_" + std::to_string(scene.structures.size() + 1);
        s.info.name = std::move(name);
        s.info.group = StructureGroup::Other;
        s.info.mesh = file.path;
        s.info.colour = fileColours && part.fileColour ? *part.fileColour : partColour(scene.structures.size());
        s.info.body = s.info.id;
        s.mesh = std::move(part.mesh);
        turnMesh(s.mesh, placement.rotation, placement.normalRotation);
        scene.bounds.include(s.mesh.bounds);
        scene.structures.push_back(std::move(s));
    }
}

}  // namespace

Scene loadModelScene(const ModelRequest& request, const ImportLimits& limits) {
    const std::vector<std::filesystem::path> files = expandModelPaths(request.paths);
    std::vector<LoadedFile> loaded;
    Bounds fileBounds;
    for (const auto& file : files) {
        loaded.push_back({file, readModelFile(file, limits)});
        for (const ImportedMesh& part : loaded.back().model.meshes) fileBounds.include(part.mesh.bounds);
    }
    const ModelOrientation& orientation = request.orientation;
    const LengthUnit units = orientation.units == LengthUnit::Auto ? guessUnits(fileBounds) : orientation.units;
    const ScenePlacement placement{sceneRotation(orientation) * metresPer(units), sceneRotation(orientation)};

    Scene scene;
    scene.title = files.size() == 1 ? files.front().filename().string() : std::to_string(files.size()) + " files";
    scene.placement = ModelPlacement{scene.title, orientation, units, fileBounds};
    describePlacement(scene, orientation, units, fileBounds);
    std::map<std::string, int> seen;
    for (LoadedFile& file : loaded) addFileParts(scene, file, request.fileColours, placement, seen);
    return scene;
}

Scene turnModelScene(Scene scene, const ModelOrientation& orientation) {
    if (!scene.placement) throw std::invalid_argument("turnModelScene: not a --model scene");
    ModelPlacement& was = *scene.placement;
    const LengthUnit units = orientation.units == LengthUnit::Auto ? guessUnits(was.fileBounds) : orientation.units;
    // Back to file axes (the inverse of a rotation is its transpose), then into the new placement.
    const glm::mat3 normalTurn = sceneRotation(orientation) * glm::transpose(sceneRotation(was.orientation));
    const glm::mat3 turn = normalTurn * (metresPer(units) / metresPer(was.units));
    scene.bounds = {};
    for (SceneStructure& s : scene.structures) {
        turnMesh(s.mesh, turn, normalTurn);
        scene.bounds.include(s.mesh.bounds);
    }
    if (placementAssumed(was.orientation) && !scene.notes.empty()) scene.notes.erase(scene.notes.begin());
    was.orientation = orientation;
    was.units = units;
    scene.title = was.name;
    describePlacement(scene, orientation, units, was.fileBounds);
    return scene;
}

Scene loadModelScene(const std::filesystem::path& file, const ImportLimits& limits) {
    ModelRequest request;
    request.paths = {file};
    return loadModelScene(request, limits);
}

}  // namespace psoas
