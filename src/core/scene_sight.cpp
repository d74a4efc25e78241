#include "core/scene_sight.hpp"

#include "core/picking.hpp"
#include "core/scene_motion.hpp"

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include <algorithm>

namespace psoas {

float Sight::distanceTo(int structure) const {
    if (structure < 0) return std::numeric_limits<float>::max();
    if (faded.structure == structure) return faded.distance;
    if (opaque.structure == structure) return opaque.distance;
    return std::numeric_limits<float>::max();
}

SceneSight::SceneSight(const Scene& scene, const SceneMotion* motion, const std::vector<StructureLook>& looks)
    : scene_(scene), posed_(scene.structures.size()) {
    for (std::size_t s = 0; s < posed_.size() && s < looks.size(); ++s) {
        Posed& p = posed_[s];
        const StructureLook& look = looks[s];
        p.drawn = look.visible && look.opacity > 0.0f;  // as SceneRenderer chooses what to draw
        p.faded = look.opacity < 1.0f;
        const MeshData& mesh = scene.structures[s].mesh;
        const std::vector<glm::vec3>* bent = motion ? motion->positions(s) : nullptr;
        p.positions = bent ? bent : &mesh.positions;
        p.model = look.model;
        p.inverse = glm::inverse(look.model);
        if (!p.drawn) continue;
        const std::vector<glm::vec3>& v = *p.positions;
        p.chunks.resize((mesh.indices.size() / 3 + kChunk - 1) / kChunk);
        for (std::size_t i = 0; i + 2 < mesh.indices.size(); ++i) {
            if (i % 3 != 0) continue;
            Bounds& chunk = p.chunks[i / 3 / kChunk];
            chunk.include(v[mesh.indices[i]]);
            chunk.include(v[mesh.indices[i + 1]]);
            chunk.include(v[mesh.indices[i + 2]]);
        }
        for (const Bounds& chunk : p.chunks) p.box.include(chunk);
    }
}

std::size_t SceneSight::triangleCount(std::size_t structure) const { return scene_.structures[structure].mesh.indices.size() / 3; }

glm::vec3 SceneSight::triangleCentre(std::size_t structure, std::size_t triangle) const {
    const Posed& p = posed_[structure];
    const std::vector<std::uint32_t>& indices = scene_.structures[structure].mesh.indices;
    const std::vector<glm::vec3>& v = *p.positions;
    const glm::vec3 centre = (v[indices[3 * triangle]] + v[indices[3 * triangle + 1]] + v[indices[3 * triangle + 2]]) / 3.0f;
    return glm::vec3(p.model * glm::vec4(centre, 1.0f));
}

std::vector<RowSpan> SceneSight::screenRows(const OrbitCamera& camera, glm::vec2 viewPixels, int rows) const {
    std::vector<RowSpan> spans(static_cast<std::size_t>(std::max(rows, 0)));
    if (spans.empty() || viewPixels.y <= 0.0f) return spans;
    const float band = viewPixels.y / static_cast<float>(rows);
    const ViewProjector view = camera.projector(viewPixels);
    for (const Posed& p : posed_) {
        if (!p.drawn) continue;
        for (const Bounds& chunk : p.chunks) {
            if (chunk.empty()) continue;
            glm::vec2 low{std::numeric_limits<float>::max()}, high{std::numeric_limits<float>::lowest()};
            for (int c = 0; c < 8; ++c) {
                const glm::vec3 corner = glm::vec3(p.model * glm::vec4(chunk.corner(c), 1.0f));
                if (view.depthOf(corner) <= 1e-4f) continue;
                const glm::vec2 at = view.project(corner);
                low = glm::min(low, at);
                high = glm::max(high, at);
            }
            if (low.x > high.x || high.y < 0.0f || low.y >= viewPixels.y) continue;
            const int first = std::max(0, static_cast<int>(low.y / band));
            const int last = std::min(rows - 1, static_cast<int>(high.y / band));
            for (int r = first; r <= last; ++r) {
                RowSpan& span = spans[static_cast<std::size_t>(r)];
                span.left = std::min(span.left, low.x);
                span.right = std::max(span.right, high.x);
            }
        }
    }
    return spans;
}

// The structure's pieces nearest entry first: a hit on the near side ends the search before the
// far side's triangles are tried (labels cast hundreds of rays a frame). `local`: the ray in the
// structure's own frame.
void SceneSight::nearestHit(std::size_t structure, const Ray& local, SightHit& slot, std::vector<std::pair<float, std::size_t>>& pieces) const {
    const Posed& p = posed_[structure];
    const MeshData& mesh = scene_.structures[structure].mesh;
    const std::vector<glm::vec3>& v = *p.positions;
    pieces.clear();
    for (std::size_t c = 0; c < p.chunks.size(); ++c)
        if (const auto chunkHit = intersectBounds(local, p.chunks[c]); chunkHit && *chunkHit <= slot.distance) pieces.emplace_back(*chunkHit, c);
    std::sort(pieces.begin(), pieces.end());
    for (const auto& [enter, c] : pieces) {
        if (enter > slot.distance) break;  // a triangle in the box is hit no nearer than the box
        const std::size_t end = std::min(mesh.indices.size(), (c + 1) * kChunk * 3);
        for (std::size_t i = c * kChunk * 3; i + 2 < end; i += 3) {
            const auto t = intersectTriangle(local, v[mesh.indices[i]], v[mesh.indices[i + 1]], v[mesh.indices[i + 2]]);
            if (t && *t < slot.distance) slot = {static_cast<int>(structure), *t};
        }
    }
}

Sight SceneSight::along(const Ray& ray) const {
    Sight sight;
    // Structures whose box the ray enters, nearest entry first: once the nearest opaque surface is
    // found, nothing entered beyond it can be drawn at this pixel.
    struct Entry {
        float distance;
        std::size_t structure;
        Ray local;
    };
    std::vector<Entry> entries;
    for (std::size_t s = 0; s < posed_.size(); ++s) {
        const Posed& p = posed_[s];
        if (!p.drawn) continue;
        // Looks are rigid, so distances in the structure's own frame equal those in the scene.
        const Ray local{glm::vec3(p.inverse * glm::vec4(ray.origin, 1.0f)), glm::normalize(glm::mat3(p.inverse) * ray.direction)};
        if (const auto boxHit = intersectBounds(local, p.box)) entries.push_back({*boxHit, s, local});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.distance < b.distance; });
    std::vector<std::pair<float, std::size_t>> pieces;  // scratch, reused for each structure
    for (const Entry& entry : entries) {
        if (entry.distance > sight.opaque.distance) break;
        SightHit& slot = posed_[entry.structure].faded ? sight.faded : sight.opaque;
        nearestHit(entry.structure, entry.local, slot, pieces);
    }
    if (sight.faded.distance > sight.opaque.distance) sight.faded = {};  // behind: covered by the opaque surface
    return sight;
}

}  // namespace psoas
