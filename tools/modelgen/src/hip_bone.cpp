// Right hip bone (os coxae): ilium, pubis and ischium around the acetabulum.
// Placed on the landmarks of docs/sources.md §3 (ASIS, PSIS, crest,
// ischial tuberosity, hip centre, pelvic brim) so the published points lie on it.
#include "anatomy.hpp"
#include "scene_facts.hpp"

#include <array>

namespace modelgen {

namespace {
using namespace facts;

// Outline of the iliac wing, walked from the ASIS over the crest, down the
// posterior border, round the greater sciatic notch and back to the AIIS.
const std::vector<Vec3> kWingOutline{
    asis + Vec3(0.006, -0.002, -0.012),
    iliac_crest_lateral,
    {-0.124, 0.055, -0.042},  // tubercle of the crest
    {-0.100, 0.083, -0.068},
    iliac_crest_highest,
    {-0.060, 0.080, -0.118},
    psis,
    {-0.048, 0.008, -0.148},  // PIIS
    {-0.066, -0.022, -0.118},  // greater sciatic notch
    {-0.080, -0.040, -0.085},  // above the acetabulum, posterior
    {-0.100, -0.035, -0.040},  // above the acetabulum, anterior
    {-0.112, -0.018, -0.004},  // AIIS
};
constexpr size_t kCrestEnd = 6;  // outline[0..6] is the iliac crest, ASIS to PSIS

// The wing is a curved plate: a plane fitted through the outline, dished
// laterally in the middle so its inner face is the concave iliac fossa, thin
// in the fossa and thickening towards its borders.
struct IliacWing {
    Vec3 origin, normal, across, up;
    glm::dvec3 plane;  // w = plane.x + plane.y * u + plane.z * v, fitted to the outline
    std::vector<glm::dvec2> outline2d;
    glm::dvec2 fossa_centre;
    double inner_lip_shift = 0.0;

    IliacWing() {
        // Normal of the plane through the four crest landmarks (§3), pointing medially and forwards.
        normal = glm::normalize(Vec3(0.877, -0.136, 0.46));
        origin = 0.25 * (asis + iliac_crest_lateral + iliac_crest_highest + psis);
        across = glm::normalize(glm::cross(Vec3(0, 1, 0), normal));
        up = glm::cross(normal, across);
        glm::dmat3 ata(0.0);
        glm::dvec3 atb(0.0);
        for (const Vec3& p : kWingOutline) {
            const Vec3 q = local(p);
            const glm::dvec3 row(1.0, q.x, q.y);
            ata += glm::outerProduct(row, row);
            atb += row * q.z;
            outline2d.emplace_back(q.x, q.y);
        }
        plane = glm::inverse(ata) * atb;
        const Vec3 f = local(iliacus_origin_fossa);
        fossa_centre = glm::dvec2(f.x, f.y - 0.035);
        // Shift the plate medially so its inner face passes through the upper-fossa landmark
        // (§3); the crest keeps an inner lip over the shift, as the real crest does.
        const Sample s = sample(iliacus_origin_fossa);
        inner_lip_shift = s.height - (s.mid + s.half_thickness);
        plane.x += inner_lip_shift;
    }
    Vec3 local(const Vec3& p) const {
        const Vec3 d = p - origin;
        return {glm::dot(d, across), glm::dot(d, up), glm::dot(d, normal)};
    }
    // Mid-surface height, half thickness and outline distance at p.
    struct Sample {
        double height, mid, half_thickness, edge;
    };
    Sample sample(const Vec3& p) const {
        const Vec3 q = local(p);
        const glm::dvec2 uv(q.x, q.y);
        const double edge = polygon_distance(outline2d, uv);
        const double rho2 = glm::dot(uv - fossa_centre, uv - fossa_centre) / (0.055 * 0.055);
        const double dish = 9 * mm * std::max(0.0, 1.0 - rho2);
        return {q.z, plane.x + plane.y * q.x + plane.z * q.y - dish,
                2.0 * mm + 3.5 * mm * std::clamp(1.0 + edge / (14 * mm), 0.0, 1.0), edge};
    }
    double bone(const Vec3& p) const {
        const Sample s = sample(p);
        return smooth_intersect(std::abs(s.height - s.mid) - s.half_thickness, s.edge, 6 * mm);
    }
    // A layer of the given thickness lying on the inner (fossa) face, inset from the outline.
    double inner_layer(const Vec3& p, double thickness, double inset) const {
        const Sample s = sample(p);
        const double centre = s.mid + s.half_thickness + 0.5 * thickness;
        return smooth_intersect(std::abs(s.height - centre) - 0.5 * thickness, s.edge + inset, 4 * mm);
    }
};

const IliacWing& wing() {
    static const IliacWing w;
    return w;
}

double iliac_wing(const Vec3& p) { return wing().bone(p); }

// Thickened rim along the crest from ASIS to PSIS, its centreline pulled inside
// the outline by its radius so the crest landmarks lie on its surface.
double iliac_crest(const Vec3& p) {
    static const Tube crest = [] {
        const std::vector<double> radius{4.5 * mm, 5.5 * mm, 6.5 * mm, 6 * mm, 5.5 * mm, 6 * mm, 6.5 * mm};
        Vec3 centroid(0.0);
        for (const Vec3& q : kWingOutline) centroid += q / double(kWingOutline.size());
        SplineTube t;
        for (size_t i = 0; i <= kCrestEnd; ++i) {
            t.points.push_back(kWingOutline[i] - glm::normalize(kWingOutline[i] - centroid) * radius[i]);
            t.radii.push_back(radius[i]);
        }
        t.samples_per_span = 5;
        return Tube(t);
    }();
    // The crest is broad (outer lip, intermediate line, inner lip); the inner lip
    // lies over the medial shift of the plate, so the three rails join the wing.
    auto rail = [](double fraction, double radius) {
        SplineTube t;
        for (const Vec3& c : crest.centreline()) t.points.push_back(c + wing().normal * (wing().inner_lip_shift * fraction));
        t.radii.assign(t.points.size(), radius);
        t.samples_per_span = 1;
        return Tube(t);
    };
    static const Tube intermediate = rail(0.5, 6.5 * mm), inner_lip = rail(1.0, 5.0 * mm);
    return smooth_union(smooth_union(crest(p), intermediate(p), 9 * mm), inner_lip(p), 8 * mm);
}

// Arcuate line: the ridge from the sacro-iliac joint to the iliopubic eminence,
// the iliac part of the brim of the lesser pelvis that psoas crosses (§1).
double arcuate_line(const Vec3& p) {
    static const Tube line(SplineTube{{{-0.057, 0.010, -0.110}, {-0.068, -0.028, -0.084}, {-0.076, -0.052, -0.054},
                                       {-0.074, -0.064, -0.034}},
                                      {5 * mm, 5.5 * mm, 6 * mm, 6.5 * mm},
                                      5});
    return line(p);
}

// Pubic rami and ischium as tubes; together with the acetabulum they ring the obturator foramen.
double rami(const Vec3& p) {
    static const Tube superior_ramus(SplineTube{{hip_centre + Vec3(0.012, 0.008, 0.024), {-0.068, -0.064, -0.030},
                                                 {-0.042, -0.070, -0.010}, {-0.016, -0.075, -0.003}},
                                                {14 * mm, 9.5 * mm, 8.5 * mm, 9.5 * mm},
                                                6});
    static const Tube inferior_ramus(SplineTube{{{-0.014, -0.090, -0.006}, {-0.026, -0.114, -0.030},
                                                 {-0.034, -0.124, -0.060}, {-0.040, -0.118, -0.086}},
                                                {8.5 * mm, 7.5 * mm, 7.5 * mm, 9 * mm},
                                                6});
    static const Tube ischium(SplineTube{{hip_centre + Vec3(0.010, -0.012, -0.018), {-0.066, -0.096, -0.090},
                                          {-0.046, -0.114, -0.090}},
                                         {15 * mm, 11 * mm, 10 * mm},
                                         6});
    double d = smooth_union(superior_ramus(p), inferior_ramus(p), 6 * mm);
    d = smooth_union(d, ischium(p), 6 * mm);
    // Body of the pubis with its symphyseal face at x ~ -3 mm, and the pubic tubercle.
    d = smooth_union(d, ellipsoid(p, Vec3(-0.0155, -0.084, -0.006), Vec3(12.5 * mm, 17 * mm, 8.5 * mm)), 5 * mm);
    d = smooth_union(d, sphere(p, Vec3(-0.023, -0.070, 0.000), 4.5 * mm), 3 * mm);
    // Iliopubic eminence under the psoas (pelvic-brim point, §3).
    d = smooth_union(d, sphere(p, Vec3(-0.074, -0.066, -0.033), 7 * mm), 5 * mm);
    // Ischial spine.
    d = smooth_union(d, tapered_capsule(p, Vec3(-0.068, -0.070, -0.104), Vec3(-0.052, -0.072, -0.120), 6 * mm, 2.5 * mm), 3 * mm);
    // Ischial tuberosity: a rough oval boss.
    d = smooth_union(d, ellipsoid(p, Vec3(-0.043, -0.114, -0.090), Vec3(10 * mm, 15 * mm, 11 * mm)), 5 * mm);
    return d;
}

double acetabulum(const Vec3& p, double bone) {
    // Thick cup around the femoral head: it opens laterally, forwards and down
    // (about 45 degrees inclination, 20 degrees anteversion).
    const Vec3 opening = glm::normalize(Vec3(-1.0, -0.75, 0.38));
    double d = smooth_union(bone, sphere(p, hip_centre + Vec3(0.008, 0.004, -0.002), 32 * mm), 10 * mm);
    // Socket: head radius plus 1.5 mm of cartilage space.
    const double socket = sphere(p, hip_centre, femoral_head_radius + 1.5 * mm);
    const double beyond_rim = std::max(sphere(p, hip_centre, 48 * mm), -(glm::dot(p - hip_centre, opening) + 2 * mm));
    d = smooth_subtract(d, beyond_rim, 3 * mm);
    d = std::max(d, -socket);
    // Acetabular notch at the inferior rim.
    d = smooth_subtract(d, capsule(p, hip_centre + Vec3(-0.004, -0.018, 0.004), hip_centre + Vec3(-0.012, -0.034, 0.010), 7 * mm), 2 * mm);
    // Acetabular fossa: the bare pit in the socket's floor inside the lunate surface, open below
    // into the notch (§1 / sources §4: the horseshoe of cartilage lies round it). An 11 mm sphere
    // 5 mm inside the head's surface: about 4.5 mm deeper than the socket, its edge about 24 deg
    // from the floor's centre (the painted horseshoe starts at 25 deg), tipped 15 deg towards the
    // notch. Sizes are our estimate.
    const Vec3 down = glm::normalize(Vec3(0.0, -1.0, 0.0) - glm::dot(Vec3(0.0, -1.0, 0.0), opening) * opening);
    const double tip = glm::radians(15.0);
    const Vec3 floor_axis = -std::cos(tip) * opening + std::sin(tip) * down;
    d = smooth_subtract(d, sphere(p, hip_centre + (femoral_head_radius - 5 * mm) * floor_axis, 11 * mm), 1.5 * mm);
    return d;
}

}  // namespace

double iliac_fossa_layer(const Vec3& p, double thickness, double inset) { return wing().inner_layer(p, thickness, inset); }

ShapeSpec hip_bone_right() {
    Field bone = [](const Vec3& p) {
        double d = smooth_union(iliac_wing(p), iliac_crest(p), 4 * mm);
        // Body of the ilium between the wing and the acetabulum, and the AIIS.
        d = smooth_union(d, tapered_capsule(p, Vec3(-0.088, -0.004, -0.062), hip_centre + Vec3(0.004, 0.012, 0.0), 14 * mm, 19 * mm), 14 * mm);
        d = smooth_union(d, arcuate_line(p), 6 * mm);
        d = smooth_union(d, ellipsoid(p, Vec3(-0.109, -0.020, -0.008), Vec3(6 * mm, 8 * mm, 6 * mm)), 4 * mm);
        // ASIS: the crest ends in a forward-pointing spine.
        d = smooth_union(d, tapered_capsule(p, asis + Vec3(0.005, -0.003, -0.014), asis + Vec3(0.0, 0.0, -0.0045), 6 * mm, 4.5 * mm), 6 * mm);
        d = smooth_union(d, rami(p), 5 * mm);
        return acetabulum(p, d);
    };
    for (const Vec3& landmark : {asis, psis, iliac_crest_highest, iliac_crest_lateral, ischial_tuberosity, iliacus_origin_fossa})
        bone = with_tubercle(bone, landmark, 9 * mm);
    ShapeSpec spec;
    spec.field = bone;
    spec.box = {Vec3(-0.150, -0.140, -0.175), Vec3(-0.001, 0.110, 0.030)};
    spec.cell = 1.35 * mm;
    spec.target_triangles = 6000;
    return spec;
}

}  // namespace modelgen
