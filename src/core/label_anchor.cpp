#include "core/label_anchor.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace psoas {

namespace {

// Structure labels try one point per screen cell, so the few rays they cast spread over the
// structure instead of bunching at one hidden spot. A structure that covers at most kMaxCandidates
// cells of 6 px tries them all, nearest the point the step names first. A larger one tries the 64
// nearest, then 64 spread over all of it (cells of 12, 24 ... px, as wide as that takes): the
// nearest cells alone left a large muscle's tag behind when its visible part lay further away
// (the psoas above the iliac crest at 1920 x 1080, its middle hidden by the ilium). At most
// kMaxCandidates rays either way, as each frame of a moving body places its labels anew.
constexpr float kCandidateCell = 6.0f;
constexpr std::size_t kMaxCandidates = 128;
constexpr std::size_t kNearCandidates = 64;

struct View {
    const SceneSight& sight;
    ViewProjector camera;  // worked out once for the frame: thousands of points are projected

    [[nodiscard]] bool inside(glm::vec2 p, float margin) const {
        return p.x >= margin && p.y >= margin && p.x <= camera.viewport.x - margin && p.y <= camera.viewport.y - margin;
    }
    [[nodiscard]] bool inFront(const glm::vec3& point) const { return camera.depthOf(point) > 0.0f; }
    [[nodiscard]] Sight at(glm::vec2 p) const { return sight.along(camera.rayThrough(p)); }
    // The structure shows at `p` and all around it, `margin` away.
    [[nodiscard]] bool showsAround(glm::vec2 p, int structure, float margin) const {
        for (const glm::vec2 d : {glm::vec2(margin, 0.0f), glm::vec2(-margin, 0.0f), glm::vec2(0.0f, margin), glm::vec2(0.0f, -margin)})
            if (!at(p + d).shows(structure)) return false;
        return true;
    }
};

// A landmark is seen where the view shows its structure and the surface shown lies at the landmark.
bool seesLandmark(const View& view, glm::vec2 p, int structure, const glm::vec3& point, float margin, float tolerance) {
    if (!view.inside(p, 0.0f)) return false;
    const Ray ray = view.camera.rayThrough(p);
    const Sight sight = view.sight.along(ray);
    if (!sight.shows(structure)) return false;
    const glm::vec3 surface = ray.origin + ray.direction * sight.distanceTo(structure);
    return glm::distance(surface, point) <= tolerance && view.showsAround(p, structure, margin);
}

std::optional<glm::vec2> landmarkAnchor(const View& view, int structure, const glm::vec3& point) {
    if (!view.inFront(point)) return std::nullopt;
    const glm::vec2 projected = view.camera.project(point);
    for (const float margin : {kAnchorMarginPixels, kThinAnchorMarginPixels}) {
        if (seesLandmark(view, projected, structure, point, margin, kLandmarkSurfaceTolerance)) return projected;
        // A landmark on an edge (a trochanter's tip, the top of the femoral head) may fall just
        // outside the silhouette, or its margin may: look a few pixels inside, nearest first. The
        // surface there curves away from the landmark, so it may lie twice as far from it.
        for (const float radius : {3.0f, 6.0f})
            for (int k = 0; k < 8; ++k) {
                const float angle = static_cast<float>(k) * 0.785398f;
                const glm::vec2 p = projected + radius * glm::vec2(std::cos(angle), std::sin(angle));
                if (seesLandmark(view, p, structure, point, margin, 2.0f * kLandmarkSurfaceTolerance)) return p;
            }
    }
    return std::nullopt;
}

using ScreenPoint = std::pair<float, glm::vec2>;  // depth along the view, view pixels

// One point per cell of `size` px: of `points`, the one nearest the eye there (the structure's
// side facing the camera; of equally near ones, the first), in the order of the cells (by column,
// then row). Sorted rather than looked up: a muscle gives thousands of points every frame.
std::vector<ScreenPoint> perCell(const std::vector<ScreenPoint>& points, float size) {
    struct Entry {
        std::pair<int, int> cell;
        float depth;
        std::size_t index;
    };
    std::vector<Entry> entries;
    entries.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const glm::vec2 p = points[i].second;
        entries.push_back({{static_cast<int>(std::floor(p.x / size)), static_cast<int>(std::floor(p.y / size))}, points[i].first, i});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.cell != b.cell) return a.cell < b.cell;
        return a.depth != b.depth ? a.depth < b.depth : a.index < b.index;
    });
    std::vector<ScreenPoint> kept;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (i == 0 || entries[i].cell != entries[i - 1].cell) kept.push_back(points[entries[i].index]);
    return kept;
}

// The points' places, nearest `preferred` first.
std::vector<glm::vec2> byDistance(const std::vector<ScreenPoint>& points, glm::vec2 preferred) {
    std::vector<glm::vec2> places;
    places.reserve(points.size());
    for (const ScreenPoint& point : points) places.push_back(point.second);
    std::sort(places.begin(), places.end(), [&](glm::vec2 a, glm::vec2 b) {
        const glm::vec2 da = a - preferred, db = b - preferred;
        return glm::dot(da, da) < glm::dot(db, db);
    });
    return places;
}

// The first of `candidates` where the structure shows with the wide margin around it, else the
// first with the thin one. Rays stop at the first wide one (a moving body asks every frame).
std::optional<glm::vec2> firstShowing(const View& view, const std::vector<glm::vec2>& candidates, int label) {
    std::vector<glm::vec2> showing;
    for (const glm::vec2 p : candidates) {
        if (!view.at(p).shows(label)) continue;
        if (view.showsAround(p, label, kAnchorMarginPixels)) return p;
        showing.push_back(p);
    }
    for (const glm::vec2 p : showing)
        if (view.showsAround(p, label, kThinAnchorMarginPixels)) return p;
    return std::nullopt;
}

std::optional<glm::vec2> structureAnchor(const View& view, glm::vec2 preferred, int label) {
    // The centres of the structure's triangles on screen.
    const auto structure = static_cast<std::size_t>(label);
    std::vector<ScreenPoint> points;
    for (std::size_t t = 0; t < view.sight.triangleCount(structure); ++t) {
        const glm::vec3 c = view.sight.triangleCentre(structure, t);
        const float depth = view.camera.depthOf(c);
        if (depth <= 0.0f) continue;
        const glm::vec2 p = view.camera.project(c);
        if (view.inside(p, 2.0f * kAnchorMarginPixels)) points.emplace_back(depth, p);
    }
    const std::vector<ScreenPoint> cells = perCell(points, kCandidateCell);
    std::vector<glm::vec2> candidates = byDistance(cells, preferred);
    if (candidates.size() <= kMaxCandidates) return firstShowing(view, candidates, label);
    candidates.resize(kNearCandidates);
    if (std::optional<glm::vec2> anchor = firstShowing(view, candidates, label)) return anchor;
    std::vector<ScreenPoint> spread = cells;  // coarser cells from the fine ones' points: cheaper than from every point
    for (float size = 2.0f * kCandidateCell; spread.size() > kMaxCandidates - kNearCandidates; size *= 2.0f) spread = perCell(spread, size);
    return firstShowing(view, byDistance(spread, preferred), label);
}

}  // namespace

std::vector<ViewLabel> anchorLabels(const std::vector<PosedLabel>& labels, const SceneSight& sight, const OrbitCamera& camera,
                                    glm::vec2 viewPixels) {
    const View view{sight, camera.projector(viewPixels)};
    std::vector<ViewLabel> placed;
    for (const PosedLabel& label : labels) {
        if (label.structure < 0) continue;
        const bool pointOnScreen = view.inFront(label.point) && view.inside(view.camera.project(label.point), 0.0f);
        const glm::vec2 projected = pointOnScreen ? view.camera.project(label.point) : glm::vec2(0.0f);
        int structure = label.structure;
        std::optional<glm::vec2> anchor;
        if (label.landmark) {
            anchor = landmarkAnchor(view, structure, label.point);
            for (std::size_t a = 0; !anchor && a < label.alsoAt.size(); ++a) {
                structure = label.alsoAt[a].first;
                anchor = landmarkAnchor(view, structure, label.alsoAt[a].second);
            }
        } else {
            anchor = structureAnchor(view, pointOnScreen ? projected : viewPixels * 0.5f, structure);
        }
        std::optional<glm::vec2> home;
        if (label.home && structure == label.structure && view.inFront(*label.home)) home = view.camera.project(*label.home);
        if (anchor)
            placed.push_back({label.text, structure, *anchor, false, home});
        else if (pointOnScreen)  // nothing of it shows: say where it lies, as behind
            placed.push_back({label.text, label.structure, projected, true, home});
        // else: off the view and nothing of it on screen: left out rather than pinned to an edge
    }
    return placed;
}

}  // namespace psoas
