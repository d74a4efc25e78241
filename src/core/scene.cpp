#include "core/scene.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/matrix_inverse.hpp>

#include <cctype>
#include <limits>

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

Scene loadModelScene(const std::filesystem::path& file, const ImportLimits& limits) {
    // A muted palette that stays apart on a projector, cycled over the file's meshes.
    static constexpr glm::vec3 kPalette[] = {{0.89f, 0.85f, 0.76f}, {0.72f, 0.30f, 0.28f}, {0.55f, 0.68f, 0.80f},
                                             {0.60f, 0.75f, 0.55f}, {0.85f, 0.66f, 0.40f}, {0.70f, 0.60f, 0.80f}};
    Scene scene;
    scene.title = file.filename().string();
    const std::vector<ImportedMesh> parts = importModel(file, limits);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        SceneStructure s;
        s.info.id = "mesh_" + std::to_string(i + 1);
        s.info.name = parts[i].name;
        s.info.group = StructureGroup::Other;
        s.info.mesh = file;
        s.info.colour = kPalette[i % std::size(kPalette)];
        s.info.body = s.info.id;
        s.mesh = mergeMeshes({parts[i]}, MeshTransform{});
        scene.bounds.include(s.mesh.bounds);
        scene.structures.push_back(std::move(s));
    }
    return scene;
}

}  // namespace psoas
