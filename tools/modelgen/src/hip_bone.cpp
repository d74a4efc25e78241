// Right hip bone (os coxae): ilium, pubis and ischium around the acetabulum.
// Placed on the landmarks of psoas-facts.md section 3 (ASIS, PSIS, crest,
// ischial tuberosity, hip centre, pelvic brim) so the published points lie on it.
#include "anatomy.hpp"
#include "scene_facts.hpp"

#include <array>

namespace modelgen {

double thick_triangle(const Vec3& p, const Vec3& a, const Vec3& b, const Vec3& c, double r) {
    return triangle_distance(p, a, b, c) - r;
}

double thick_fan(const Vec3& p, const Vec3& hub, const std::vector<Vec3>& outline, double r, double blend) {
    double d = 1e9;
    for (size_t i = 0; i < outline.size(); ++i)
        d = smooth_union(d, thick_triangle(p, hub, outline[i], outline[(i + 1) % outline.size()], r), blend);
    return d;
}

double thick_ribbon(const Vec3& p, const std::vector<Vec3>& one_edge, const std::vector<Vec3>& other_edge, double r, double blend) {
    double d = 1e9;
    for (size_t i = 0; i + 1 < one_edge.size(); ++i) {
        d = smooth_union(d, thick_triangle(p, one_edge[i], one_edge[i + 1], other_edge[i], r), blend);
        d = smooth_union(d, thick_triangle(p, one_edge[i + 1], other_edge[i + 1], other_edge[i], r), blend);
    }
    return d;
}

Field with_tubercle(Field base, const Vec3& landmark, double radius) {
    const double gap = base(landmark);
    if (gap <= 0.0) return base;  // already on or inside the bone
    // Centre the tubercle just inside the surface, along the field gradient, so it reaches the landmark.
    const Vec3 n = field_normal(base, landmark, 0.5 * mm);
    const Vec3 centre = landmark - n * radius;
    return [base, centre, radius](const Vec3& p) { return smooth_union(base(p), sphere(p, centre, radius), 2.5 * mm); };
}

namespace {
using namespace facts;

// Outline of the iliac wing, walked from the ASIS over the crest, down the
// posterior border, round the greater sciatic notch and back to the AIIS. The
// wing is a fan of thin triangles from a hub pushed laterally, which makes the
// iliac fossa concave on its inner (medial) face.
const std::vector<Vec3> kWingOutline{
    asis + Vec3(0.004, -0.002, -0.004),
    iliac_crest_lateral + Vec3(0.005, 0.0, 0.0),
    {-0.124, 0.055, -0.042},  // tubercle of the crest
    {-0.100, 0.083, -0.068},
    iliac_crest_highest + Vec3(0.0, -0.005, 0.0),
    {-0.060, 0.080, -0.118},
    psis + Vec3(0.0, 0.0, 0.005),
    {-0.048, 0.008, -0.148},  // PIIS
    {-0.066, -0.022, -0.118},  // greater sciatic notch
    {-0.080, -0.040, -0.085},  // above the acetabulum, posterior
    {-0.100, -0.035, -0.040},  // above the acetabulum, anterior
    {-0.112, -0.018, -0.004},  // AIIS
};
const Vec3 kWingHub{-0.098, 0.028, -0.072};

double iliac_wing(const Vec3& p) { return thick_fan(p, kWingHub, kWingOutline, 2.6 * mm, 3 * mm); }

// Thickened rim along the crest from ASIS to PSIS.
double iliac_crest(const Vec3& p) {
    static const Tube crest(SplineTube{{kWingOutline[0], kWingOutline[1], kWingOutline[2], kWingOutline[3],
                                        kWingOutline[4], kWingOutline[5], kWingOutline[6]},
                                       {4.5 * mm, 5.5 * mm, 6.5 * mm, 6 * mm, 5.5 * mm, 6 * mm, 6.5 * mm},
                                       5});
    return crest(p);
}

// Pubic rami and ischium as tubes; together with the acetabulum they ring the obturator foramen.
double rami(const Vec3& p) {
    static const Tube superior_ramus(SplineTube{{hip_centre + Vec3(0.012, 0.008, 0.024), {-0.068, -0.064, -0.030},
                                                 {-0.042, -0.070, -0.010}, {-0.016, -0.075, -0.003}},
                                                {14 * mm, 8.5 * mm, 7.5 * mm, 9 * mm},
                                                6});
    static const Tube inferior_ramus(SplineTube{{{-0.014, -0.090, -0.006}, {-0.026, -0.114, -0.030},
                                                 {-0.034, -0.124, -0.060}, {-0.040, -0.118, -0.086}},
                                                {8 * mm, 6.5 * mm, 6.5 * mm, 8 * mm},
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
    // Iliopubic eminence under the psoas (pelvic-brim point, section 3).
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
    const double beyond_rim = std::max(sphere(p, hip_centre, 48 * mm), -(glm::dot(p - hip_centre, opening) - 3 * mm));
    d = smooth_subtract(d, beyond_rim, 3 * mm);
    d = std::max(d, -socket);
    // Acetabular notch at the inferior rim.
    d = smooth_subtract(d, capsule(p, hip_centre + Vec3(-0.004, -0.018, 0.004), hip_centre + Vec3(-0.012, -0.034, 0.010), 7 * mm), 2 * mm);
    return d;
}

}  // namespace

const std::vector<Vec3>& iliac_wing_outline() { return kWingOutline; }

ShapeSpec hip_bone_right() {
    Field bone = [](const Vec3& p) {
        double d = smooth_union(iliac_wing(p), iliac_crest(p), 4 * mm);
        // Body of the ilium between the wing and the acetabulum, and the AIIS.
        d = smooth_union(d, tapered_capsule(p, Vec3(-0.090, -0.008, -0.060), hip_centre + Vec3(0.004, 0.012, 0.0), 12 * mm, 17 * mm), 8 * mm);
        d = smooth_union(d, ellipsoid(p, Vec3(-0.109, -0.020, -0.008), Vec3(6 * mm, 8 * mm, 6 * mm)), 4 * mm);
        d = smooth_union(d, rami(p), 5 * mm);
        return acetabulum(p, d);
    };
    for (const Vec3& landmark : {asis, psis, iliac_crest_highest, iliac_crest_lateral, ischial_tuberosity, iliacus_origin_fossa})
        bone = with_tubercle(bone, landmark, 5 * mm);
    ShapeSpec spec;
    spec.field = bone;
    spec.box = {Vec3(-0.150, -0.140, -0.175), Vec3(-0.001, 0.110, 0.030)};
    spec.cell = 1.1 * mm;
    spec.target_triangles = 6000;
    return spec;
}

}  // namespace modelgen
