#pragma once
// Bends and thickens a muscle mesh to follow its current line of action. Each vertex is bound once
// to the nearest point of the muscle's neutral centre line (by arc-length fraction, with its offset
// in a frame that travels along the line); each frame it is carried to the same fraction of the
// current line. The cross-section scales by sqrt(L0 / L) while the length scales by L / L0, so
// the volume of a straight muscle stays the same: a shortening muscle gets thicker, as a real one
// does. Bending still loses a little (up to about 5 % in a flexed sitting pose, because the line is
// not the exact middle of every cross-section), so when the mesh is closed the cross-section is
// rescaled to give back the neutral volume: muscle is incompressible. That volume is measured each
// frame on a coarser copy of the mesh (vertices clustered in 8 mm cells, bent by the same
// bindings), which costs less than half the whole mesh and a scan-sized mesh no more than a
// shipped one; the whole mesh then keeps its volume to within 0.5 % (muscle_deformer_test).

#include "core/mesh.hpp"
#include "core/motion/muscle_path.hpp"

#include <glm/common.hpp>
#include <glm/mat3x3.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace psoas {

// The line a whole muscle's mesh follows: for the psoas, down the lumbar origins from the highest
// to the lowest, then the shared brim, hip and femoral points; for a single-path muscle, its path.
// Writes into `line` (cleared first; no allocation once it has the capacity).
void muscleCentreLine(const std::vector<PathState>& paths, std::vector<glm::vec3>& line);

class MuscleDeformer {
public:
    // The mesh and the centre line both at the neutral pose, scene frame. Throws
    // std::invalid_argument when the line has fewer than two points or zero length.
    MuscleDeformer(const MeshData& neutral, std::span<const glm::vec3> neutralCentreLine);

    // Recomputes positions() and normals() into buffers allocated once. The line must have as many
    // points as the neutral one (std::invalid_argument otherwise).
    void deform(std::span<const glm::vec3> currentCentreLine);

    // The first `points` points of the neutral centre line lie on one rigid body (the iliacus's
    // origin and the pelvic brim are both on the pelvis): the part of the mesh bound to them moves
    // rigidly with that body instead of sliding along the line, so a fan lying on a bone stays on
    // it when the hip bends. Call once, after construction.
    void anchorStart(std::size_t points, std::span<const glm::vec3> neutralCentreLine);

    // The first `points` points of the neutral centre line run along bone (the psoas's lumbar
    // origins, on the vertebrae): that stretch of the muscle keeps its own length and the rest of
    // the line takes the whole change. Without it the muscle stretches evenly along the whole line,
    // so when the hip bends and the muscle shortens, the belly beside the spine slides up it (17 mm
    // at 90 degrees) and sinks into the vertebrae there (L5 at 35 degrees). Call once, after construction.
    void keepStartLength(std::size_t points, std::span<const glm::vec3> neutralCentreLine);

    [[nodiscard]] const std::vector<glm::vec3>& positions() const { return positions_; }
    // Directions, not unit length (the bent frame scales them by up to a few tens of percent):
    // shaders/mesh.frag normalises per fragment, so the per-vertex square roots are left out.
    [[nodiscard]] const std::vector<glm::vec3>& normals() const { return normals_; }
    [[nodiscard]] float neutralLength() const { return neutralLength_; }
    // The last deform()'s correction to the sqrt(L0/L) cross-section scale (1 = none needed).
    [[nodiscard]] float volumeCorrection() const { return volumeCorrection_; }

    // One point on a centre line with its travelling frame. Public so tests can check the frames.
    struct Frame {
        glm::vec3 point{0.0f};
        glm::vec3 tangent{0.0f, -1.0f, 0.0f};
        glm::vec3 normal{1.0f, 0.0f, 0.0f};
        glm::vec3 binormal{0.0f, 0.0f, 1.0f};
    };

private:
    struct Binding {
        // Where on the smoothed line: a segment between two samples and the fraction along it. The
        // samples are spread evenly by arc length, so this is the vertex's arc-length fraction.
        std::uint32_t segment;
        float along;
        glm::vec3 offset;       // (along tangent, along normal, along binormal), metres
        glm::vec3 localNormal;  // the vertex normal in the same frame
    };

    // The given line is resampled evenly and smoothed before frames are built: a thick muscle cannot
    // turn a sharp corner at the brim without its inner side folding over (and losing volume).
    void smoothLine(std::span<const glm::vec3> line);   // fills smoothLine_
    void buildFrames();                                  // from smoothLine_: vertexFrames_, arcLengths_
    // A straight blend of two sample frames, not re-normalised: neighbouring samples turn by a few
    // degrees, so the axes shrink by well under 1 %, and binding inverts this same blended frame,
    // so the neutral pose comes back exactly. Defined here so the per-vertex loop inlines it.
    [[nodiscard]] Frame frameOn(std::size_t segment, float along) const {
        const Frame& a = vertexFrames_[segment];
        const Frame& b = vertexFrames_[segment + 1];
        return {glm::mix(a.point, b.point, along), glm::mix(a.tangent, b.tangent, along),
                glm::mix(a.normal, b.normal, along), glm::mix(a.binormal, b.binormal, along)};
    }

    std::vector<Binding> bindings_;
    // The same bindings again, ordered by segment and one array per number, so the per-frame loop
    // runs over each segment's vertices with that segment's two frames held fixed: no per-vertex
    // frame lookup, and plain float arrays the compiler turns into SIMD. Built once, in the
    // constructor; `vertex` maps back to the mesh's vertex order.
    struct SortedBindings {
        std::vector<std::uint32_t> vertex;
        std::vector<float> along, fraction;  // fraction: segment + along, in samples
        std::vector<float> offsetX, offsetY, offsetZ, normalX, normalY, normalZ;
        std::vector<std::uint32_t> segmentStart;  // kSmoothSamples entries: [start of segment s, start of s+1)
        std::vector<std::uint32_t> indices;       // the mesh's triangles, into this order (empty: no volume)
        // Anchoring (anchorStart): the first rigid.size() vertices, with 1 moving with the body and
        // 0 with the line, their neutral offset from the line's first point and neutral normal.
        std::vector<float> rigid, anchorOffsetX, anchorOffsetY, anchorOffsetZ, anchorNormalX, anchorNormalY, anchorNormalZ;
    };
    SortedBindings sorted_;  // every vertex
    // What the volume is measured on: the coarse copy (volumeProxy), or every vertex again when
    // that copy's volume is far from the mesh's (a muscle thinner than a cell). Positions, no normals.
    SortedBindings volume_;
    // `bindings` sorted along the line; `indices` are the triangles into `bindings`. `vertex` maps
    // the sorted order back to `bindings`.
    static SortedBindings sortBindings(const std::vector<Binding>& bindings, const std::vector<std::uint32_t>& indices);
    // The coarse copy; its `vertex` maps to the mesh's vertex numbers.
    [[nodiscard]] SortedBindings volumeProxy(const MeshData& neutral) const;
    struct Scales {
        float thicken, inverseThicken, stretch, inverseStretch;
    };
    // The anchored part's body motion: a turn, then a move to the current line's first point.
    struct BodyMotion {
        glm::mat3 turn{1.0f};
        glm::vec3 move{0.0f};
    };
    [[nodiscard]] BodyMotion anchorMotion(std::span<const glm::vec3> currentCentreLine) const;
    // One segment's sorted vertices [begin, end): bent points relative to `origin` (pass one, for
    // the volume), or whole vertices written to the mesh's order (pass two).
    static void bendPoints(const Frame& a, const Frame& b, const Scales& scales, const SortedBindings& s, std::size_t begin,
                           std::size_t end, const glm::vec3& origin, glm::vec4* relative);
    static void bendVertices(const Frame& a, const Frame& b, const Scales& scales, const SortedBindings& s, std::size_t begin,
                             std::size_t end, const BodyMotion* body, glm::vec3* positions, glm::vec3* normals);
    std::vector<glm::vec3> positions_;
    std::vector<glm::vec3> normals_;
    float neutralVolume_ = 0.0f;
    float volumeCorrection_ = 1.0f;
    std::size_t linePoints_ = 0;       // points of the caller's centre line
    std::vector<glm::vec3> smoothLine_;
    std::vector<glm::vec3> scratch_;
    std::vector<glm::vec4> relative_;  // volume_'s bent points in its order, relative to the line's middle, w = 0
    std::vector<Frame> vertexFrames_;  // one per smoothed-line point, current line
    std::vector<float> arcLengths_;    // cumulative, one per smoothed-line point
    float neutralLength_ = 0.0f;
    // Anchoring (see anchorStart): zero points means none.
    std::size_t anchorPoints_ = 0;
    glm::vec3 neutralAnchorStart_{0.0f}, neutralAnchorEnd_{0.0f};
    float anchorFraction_ = 0.0f;  // where the anchored part ends, as a fraction of the line
    // Keeping the start's length (see keepStartLength): zero points means the line stretches evenly.
    std::size_t keptPoints_ = 0;
    float keptFraction_ = 0.0f;  // the kept stretch's share of the neutral line
    std::vector<Frame> keptFrames_;  // scratch, swapped with vertexFrames_
    // Moves the frames so each part of the line keeps its own fraction; gives each part's stretch.
    void keepStart(std::span<const glm::vec3> currentCentreLine, float length, float stretchOf[2]);
};

}  // namespace psoas
