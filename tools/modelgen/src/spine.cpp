// Lumbar vertebrae T12-L5, their discs, sacrum and coccyx.
// The column is placed from the disc centres of docs/sources.md §3, so the
// lordosis and the 30-35 mm pitch (§4) come straight from the facts.
#include "anatomy.hpp"
#include "scene_facts.hpp"

#include <array>
#include <cmath>

namespace modelgen {
namespace {

// Sacral slope of the S1 endplate: 33 degrees gives an L5/S1 wedge of about 15
// degrees, matching the 12.6 mm anterior / ~4.6 mm posterior disc heights (§4).
const Vec3 kSacralUp = glm::normalize(Vec3(0.0, std::cos(glm::radians(33.0)), std::sin(glm::radians(33.0))));

// Body half-width (lateral) and half-depth per level, T12..L5. Lumbar body 43-44 mm wide,
// ~32 mm deep (§4); T12 is smaller, L5 a little wider (estimate).
constexpr std::array<double, 6> kHalfWidth{18.5 * mm, 21.0 * mm, 21.4 * mm, 21.8 * mm, 22.0 * mm, 22.4 * mm};
constexpr std::array<double, 6> kHalfDepth{14.5 * mm, 15.0 * mm, 15.5 * mm, 16.0 * mm, 16.0 * mm, 16.0 * mm};
// Transverse process tip-to-tip span: 67-70 mm for the lumbar levels (§4); L1 shorter, T12 a stub.
constexpr std::array<double, 6> kProcessSpan{46 * mm, 62 * mm, 67 * mm, 70 * mm, 68 * mm, 70 * mm};

Vec3 disc_centre(int k) {
    if (k < 0) {  // T11/T12, extrapolated one pitch above T12/L1
        return 2.0 * disc_centre(0) - disc_centre(1);
    }
    return {0.0, facts::disc_y[k], facts::disc_z[k]};
}

double disc_height(int k) { return k < 0 ? facts::disc_mean_height[0] : facts::disc_mean_height[k]; }

// Axis of vertebra k (T12 = 0 ... L5 = 5): the chord between its discs, smoothed
// with its neighbours so the wedge angle is shared between adjacent discs.
Vec3 raw_axis(int k) {
    if (k >= 6) return kSacralUp;
    if (k < 0) k = 0;
    return glm::normalize(disc_centre(k - 1) - disc_centre(k));
}
Vec3 vertebra_up(int k) {
    if (k >= 6) return kSacralUp;
    return glm::normalize(raw_axis(k - 1) + 2.0 * raw_axis(k) + raw_axis(k + 1));
}
Vec3 disc_axis(int k) { return glm::normalize(vertebra_up(k) + vertebra_up(k + 1)); }

struct Endplates {
    Vec3 top, bottom;  // points on the upper and lower endplate planes
};
Endplates endplates(int k) {
    return {disc_centre(k - 1) - disc_axis(k - 1) * (0.5 * disc_height(k - 1)),
            disc_centre(k) + disc_axis(k) * (0.5 * disc_height(k))};
}

// Cross-section of a body: ellipse with a flattened back wall (the front of the canal).
double body_section(const Vec3& q, double a, double b) {
    const double e = (std::sqrt((q.x / a) * (q.x / a) + (q.z / b) * (q.z / b)) - 1.0) * std::min(a, b);
    return smooth_intersect(e, -(q.z + 0.78 * b), 3 * mm);
}

double vertebral_body(const Vec3& q, double a, double b, double h) {
    // Waist: the sides are concave between the endplate rims.
    const double t = std::clamp(q.y / h, -1.0, 1.0);
    const double s = 1.0 - 0.085 * (1.0 - t * t);
    return smooth_intersect(body_section(q, a * s, b * s), std::abs(q.y) - h, 2.0 * mm);
}

struct LevelShape {
    Frame frame;
    double a, b, h, span;
    int level;
};

LevelShape level_shape(int k) {
    const Endplates e = endplates(k);
    const Vec3 up = vertebra_up(k);
    LevelShape s;
    s.frame = sagittal_frame(0.5 * (e.top + e.bottom), up);
    s.h = 0.5 * glm::dot(e.top - e.bottom, up);
    s.a = kHalfWidth[k];
    s.b = kHalfDepth[k];
    s.span = kProcessSpan[k];
    s.level = k;
    return s;
}

double mirrored_pair(const Vec3& q, const std::function<double(const Vec3&)>& right_side) {
    // Vertebrae are symmetric: evaluate the right-side element at |x|.
    return right_side(Vec3(-std::abs(q.x), q.y, q.z));
}

// Local height change that cancels a vertebra's sagittal tilt at depth z behind its centre.
double untilt(const LevelShape& s, double z) { return z * s.frame.y.z / s.frame.y.y; }

double posterior_elements(const Vec3& q, const LevelShape& s) {
    const double a = s.a, b = s.b, h = s.h;
    const bool lumbar = s.level > 0;
    const double canal_back = -b - 17 * mm;  // vertebral foramen ~17 mm deep
    return mirrored_pair(q, [&](const Vec3& r) {
        const Vec3 pedicle_front(-0.55 * a, 0.2 * h, -0.7 * b), pedicle_back(-0.62 * a, 0.15 * h, -b - 9 * mm);
        double d = tapered_capsule(r, pedicle_front, pedicle_back, 5.0 * mm, 4.5 * mm);
        // Lamina: a tall thin plate from the pedicle back to the midline, roofing the canal.
        const double midline_drop = 0.5 * untilt(s, canal_back);
        d = smooth_union(d, thick_ribbon(r, {pedicle_back + Vec3(0, 5 * mm, 0), Vec3(0.0, 1 * mm + midline_drop, canal_back)},
                                         {pedicle_back + Vec3(0, -7 * mm, 0), Vec3(0.0, -7 * mm + midline_drop, canal_back)}, 2.8 * mm, 2 * mm),
                         4 * mm);
        // Transverse process: flat, lateral and a little backward, slightly upturned at the tip.
        const double tp_r = s.level == 5 ? 6.0 * mm : 4.0 * mm;
        const Vec3 tip(-0.5 * s.span + 3.5 * mm, 0.3 * h + (lumbar ? 2 * mm : 0.0), -b - (lumbar ? 14 : 20) * mm);
        for (double dy : {2.0 * mm, -2.0 * mm})
            d = smooth_union(d, tapered_capsule(r, pedicle_back + Vec3(0, 0.1 * h + dy, 0), tip + Vec3(0, dy, 0), tp_r, 3.2 * mm),
                             3 * mm);
        // Articular processes: superior ones rise from the pedicle-lamina junction and face medially,
        // inferior ones hang from the lamina and face laterally, sitting inside the next level's superior ones.
        const double sup_x = -0.58 * a - 2 * mm;
        d = smooth_union(d, ellipsoid(r, Vec3(sup_x - 0.5 * mm, h + 1 * mm, -b - 12 * mm), Vec3(3.2 * mm, 6.5 * mm, 6 * mm)), 4 * mm);
        d = smooth_union(d, sphere(r, Vec3(sup_x - 3 * mm, h + 2 * mm, -b - 17 * mm), 2.8 * mm), 2 * mm);  // mamillary
        d = smooth_union(d, ellipsoid(r, Vec3(-0.27 * a, -h - 1 * mm, -b - 19 * mm), Vec3(3.0 * mm, 7 * mm, 5.5 * mm)), 4 * mm);
        return d;
    });
}

double spinous_process(const Vec3& q, const LevelShape& s) {
    const double b = s.b, h = s.h;
    // Lumbar: a horizontal hatchet; T12: longer and pointing down.
    const bool thoracic = s.level == 0;
    const Vec3 root(0.0, -0.1 * h, -b - 17 * mm);
    Vec3 tip = thoracic ? Vec3(0.0, -h - 2 * mm, -b - 44 * mm) : Vec3(0.0, -0.35 * h, -b - 45 * mm);
    // Spines keep their direction in the standing body whatever the tilt of their
    // vertebra in the lordosis, so undo the body's sagittal tilt at the tip.
    tip.y += untilt(s, tip.z);
    // A vertical plate (hatchet) with a thickened posterior border.
    const double plate = thick_ribbon(q, {root + Vec3(0, 5 * mm, 0), tip + Vec3(0, 7 * mm, 0)},
                                      {root + Vec3(0, -4 * mm, 0), tip + Vec3(0, -5 * mm, 0)}, 2.6 * mm, 2 * mm);
    return smooth_union(plate, capsule(q, tip + Vec3(0, 6 * mm, 0), tip + Vec3(0, -4 * mm, 0), 3.5 * mm), 3 * mm);
}

}  // namespace

ShapeSpec vertebra(int level) {
    const LevelShape s = level_shape(level);
    ShapeSpec spec;
    spec.field = [s](const Vec3& p) {
        const Vec3 q = s.frame.to_local(p);
        const double body = vertebral_body(q, s.a, s.b, s.h);
        const double arch = smooth_union(posterior_elements(q, s), spinous_process(q, s), 4 * mm);
        return smooth_union(body, arch, 3 * mm);
    };
    const Vec3 c = s.frame.origin;
    spec.box = {c + Vec3(-0.5 * s.span - 8 * mm, -s.h - 24 * mm, -75 * mm), c + Vec3(0.5 * s.span + 8 * mm, s.h + 24 * mm, 22 * mm)};
    spec.cell = 1.0 * mm;
    spec.target_triangles = 2200;
    return spec;
}

ShapeSpec intervertebral_disc(int level) {
    const LevelShape upper = level_shape(level);
    const Vec3 axis = disc_axis(level);
    const Vec3 centre = disc_centre(level);
    const Frame frame = sagittal_frame(centre, axis);
    // The disc fills exactly the space between the two endplate planes, so it touches both bodies.
    const Vec3 upper_plane = endplates(level).bottom;
    const Vec3 upper_normal = vertebra_up(level);
    const Vec3 lower_plane = centre - axis * (0.5 * disc_height(level));
    const Vec3 lower_normal = vertebra_up(level + 1);
    const double a = level < 5 ? 0.5 * (upper.a + kHalfWidth[level + 1]) : upper.a;
    const double b = level < 5 ? 0.5 * (upper.b + kHalfDepth[level + 1]) : upper.b;
    ShapeSpec spec;
    spec.field = [=](const Vec3& p) {
        const Vec3 q = frame.to_local(p);
        const double section = body_section(q, a * 1.02, b * 1.02);
        const double below_upper = glm::dot(p - upper_plane, upper_normal);
        const double above_lower = -glm::dot(p - lower_plane, lower_normal);
        // Rounded rims: sharp creases mesh badly and the real annulus bulges anyway.
        return smooth_intersect(section, std::max(below_upper, above_lower), 1.5 * mm);
    };
    spec.box = {centre - Vec3(a + 4 * mm, 14 * mm, b + 8 * mm), centre + Vec3(a + 4 * mm, 14 * mm, b + 8 * mm)};
    spec.cell = 0.9 * mm;
    spec.target_triangles = 500;
    return spec;
}

namespace {
// The sacrum in its own frame: origin at the S1 endplate centre, y along the S1 axis.
Frame sacral_frame() {
    const Vec3 origin = disc_centre(5) - disc_axis(5) * (0.5 * disc_height(5));
    return sagittal_frame(origin, kSacralUp);
}

// A tapering, forward-curving plate swept down the sacral midline: points are
// (y, z) in the sacral frame with half-width and half-thickness (estimates from an
// adult sacrum ~105 mm wide at the alae, ~110 mm long).
struct SacralSection {
    double y, z, half_width, half_thickness;
};
constexpr std::array<SacralSection, 6> kSacralSections{{
    {-12 * mm, -6 * mm, 40 * mm, 17 * mm},
    {-35 * mm, -10 * mm, 43 * mm, 14 * mm},
    {-58 * mm, -9 * mm, 33 * mm, 11 * mm},
    {-80 * mm, -3 * mm, 22 * mm, 8 * mm},
    {-98 * mm, 6 * mm, 14 * mm, 6 * mm},
    {-110 * mm, 15 * mm, 9 * mm, 5 * mm},
}};

double sacral_plate(const Vec3& q) {
    double d = 1e9;
    for (size_t i = 0; i + 1 < kSacralSections.size(); ++i) {
        const auto& s0 = kSacralSections[i];
        const auto& s1 = kSacralSections[i + 1];
        const glm::dvec2 a(s0.y, s0.z), b(s1.y, s1.z), p(q.y, q.z);
        const glm::dvec2 ab = b - a;
        const double t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0, 1.0);
        const glm::dvec2 c = a + ab * t;
        const glm::dvec2 along = glm::normalize(ab);
        const glm::dvec2 across(-along.y, along.x);
        const double w = s0.half_width + (s1.half_width - s0.half_width) * t;
        const double th = s0.half_thickness + (s1.half_thickness - s0.half_thickness) * t;
        const double n = glm::dot(p - c, across);
        const double e = (std::sqrt((q.x / w) * (q.x / w) + (n / th) * (n / th)) - 1.0) * std::min(w, th);
        // Cap the ends so the sweep does not extend past the first and last sections.
        const double along_d = glm::dot(p - c, along);
        d = std::min(d, std::max(e, std::abs(along_d) - 0.5 * mm));
    }
    return d;
}
}  // namespace

ShapeSpec sacrum() {
    const Frame f = sacral_frame();
    ShapeSpec spec;
    spec.field = [f](const Vec3& p) {
        const Vec3 q = f.to_local(p);
        const Vec3 r(-std::abs(q.x), q.y, q.z);
        // S1 body continues the lumbar column.
        double d = vertebral_body(q - Vec3(0, -12 * mm, 0), 23 * mm, 16.5 * mm, 12 * mm);
        d = smooth_union(d, sacral_plate(q), 6 * mm);
        // Alae: wings lateral to S1, sloping down-laterally, carrying the auricular (sacro-iliac) surfaces.
        d = smooth_union(d, ellipsoid(r, Vec3(-33 * mm, -16 * mm, -2 * mm), Vec3(22 * mm, 12 * mm, 14 * mm)), 8 * mm);
        d = smooth_union(d, ellipsoid(r, Vec3(-34 * mm, -36 * mm, -8 * mm), Vec3(7 * mm, 22 * mm, 14 * mm)), 8 * mm);
        // S1 superior articular processes (facets for L5) and the median sacral crest.
        d = smooth_union(d, ellipsoid(r, Vec3(-19 * mm, 0 * mm, -27 * mm), Vec3(4 * mm, 9 * mm, 7 * mm)), 4 * mm);
        d = smooth_union(d, tapered_capsule(q, Vec3(0, -20 * mm, -30 * mm), Vec3(0, -85 * mm, -14 * mm), 4 * mm, 2.5 * mm), 4 * mm);
        // Anterior sacral foramina: four pairs of pits along the pelvic surface.
        for (int i = 0; i < 4; ++i) {
            const auto& s = kSacralSections[size_t(i) + 1];
            d = smooth_subtract(d, sphere(r, Vec3(-15 * mm + i * 1.5 * mm, s.y + 6 * mm, s.z + s.half_thickness), 4.2 * mm - i * 0.4 * mm), 2 * mm);
        }
        return d;
    };
    const Vec3 o = f.origin;
    spec.box = {o + Vec3(-70 * mm, -110 * mm, -100 * mm), o + Vec3(70 * mm, 20 * mm, 30 * mm)};
    spec.cell = 1.3 * mm;
    spec.target_triangles = 2800;  // 200 went to the inguinal ligaments
    return spec;
}

ShapeSpec coccyx() {
    const Frame f = sacral_frame();
    // Four fused segments getting smaller, continuing the sacral curve forward and down.
    const std::array<Vec3, 4> segment{Vec3(0, -117 * mm, 19 * mm), Vec3(0, -127 * mm, 24 * mm), Vec3(0, -136 * mm, 29 * mm),
                                      Vec3(0, -143 * mm, 34 * mm)};
    const std::array<double, 4> radius{7 * mm, 6 * mm, 5 * mm, 4 * mm};
    ShapeSpec spec;
    spec.field = [=](const Vec3& p) {
        const Vec3 q = f.to_local(p);
        double d = 1e9;
        for (size_t i = 0; i < segment.size(); ++i)
            d = smooth_union(d, ellipsoid(q, segment[i], Vec3(radius[i] * 1.5, radius[i], radius[i] * 0.8)), 4 * mm);
        return d;
    };
    const Vec3 lo = f.to_world(Vec3(0, -160 * mm, 0)), hi = f.to_world(Vec3(0, -105 * mm, 0));
    spec.box = {glm::min(lo, hi) - Vec3(20 * mm, 20 * mm, 60 * mm), glm::max(lo, hi) + Vec3(20 * mm, 20 * mm, 60 * mm)};
    spec.cell = 1.0 * mm;
    spec.target_triangles = 500;
    return spec;
}

}  // namespace modelgen
