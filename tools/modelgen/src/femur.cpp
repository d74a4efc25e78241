// Right femur: spherical head on the hip centre (radius 23.4 mm, docs/sources.md
// §4), neck, trochanters, shaft with an anterior bow, condyles at the knee.
#include "anatomy.hpp"
#include "scene_facts.hpp"

namespace modelgen {
namespace {
using namespace facts;

// Shaft centreline from the trochanteric region to just above the condyles; it
// runs medially down to the knee (anatomical axis, 7 degrees from the vertical
// hip-knee line) and bows slightly forwards. Its top lies 43 mm lateral of the
// head centre, so the femoral offset (head centre to shaft axis) is about 45 mm:
// adult mean 44.4 +/- 4.6 mm (men) and 39.9 +/- 6.0 mm (women), Han, Zhang & Shan
// 2014 (docs/sources.md); the myo_sim femur measures 47 mm.
const Tube& shaft() {
    static const Tube tube(SplineTube{{{-0.127, -0.094, -0.083}, {-0.122, -0.135, -0.079}, {-0.111, -0.230, -0.072},
                                       {-0.098, -0.330, -0.074}, {-0.087, -0.420, -0.080}},
                                      {16 * mm, 14.5 * mm, 13 * mm, 14 * mm, 22 * mm},
                                      8});
    return tube;
}

double proximal(const Vec3& p) {
    // Neck: from the head towards the shaft, narrower than the head (neck-shaft angle ~125 degrees),
    // 48 mm from the head centre to its base at the shaft.
    const Vec3 neck_base(-0.118, -0.098, -0.085);
    double d = tapered_capsule(p, hip_centre + Vec3(-0.008, -0.004, 0.0), neck_base, 12.5 * mm, 15 * mm);
    d = smooth_union(d, sphere(p, hip_centre, femoral_head_radius), 4 * mm);
    // Greater trochanter: lateral, posterior, its tip near the head-centre level (§3); its
    // lateral face continues the shaft's, about 58 mm lateral of the head centre.
    d = smooth_union(d, ellipsoid(p, Vec3(-0.128, -0.087, -0.090), Vec3(13 * mm, 22 * mm, 15 * mm)), 7 * mm);
    // Lesser trochanter: posteromedial knob 57-60 mm below the head centre (§4).
    d = smooth_union(d, ellipsoid(p, Vec3(-0.098, -0.123, -0.087), Vec3(7.5 * mm, 8 * mm, 7 * mm)), 5 * mm);
    // Intertrochanteric crest behind, linking the trochanters; the lesser trochanter's base
    // joins the shaft's posteromedial side.
    d = smooth_union(d, capsule(p, Vec3(-0.126, -0.088, -0.099), Vec3(-0.099, -0.120, -0.090), 5 * mm), 5 * mm);
    d = smooth_union(d, capsule(p, Vec3(-0.100, -0.126, -0.087), Vec3(-0.118, -0.150, -0.084), 6 * mm), 6 * mm);
    return d;
}

double distal(const Vec3& p) {
    // Two condyles, medial (+X side of the right femur) and lateral, bulging
    // backwards, with epicondyles at the sides; the lowest points lie 34 mm below
    // the knee centre (§3). A narrower block in front carries the patellar groove.
    const double bottom = condyles_lowest.y;
    double d = ellipsoid(p, Vec3(-0.084, bottom + 30 * mm, -0.068), Vec3(27 * mm, 28 * mm, 18 * mm));
    for (double side : {-1.0, 1.0}) {
        const Vec3 c(-0.084 + side * 19 * mm, bottom + 24 * mm, -0.080);
        d = smooth_union(d, ellipsoid(p, c, Vec3(14 * mm, 24 * mm, 29 * mm)), 5 * mm);
        d = smooth_union(d, sphere(p, Vec3(-0.084 + side * 29 * mm, bottom + 32 * mm, -0.080), 6 * mm), 9 * mm);  // epicondyle
    }
    // Intercondylar notch at the back; patellar groove at the front.
    d = smooth_subtract(d, capsule(p, Vec3(-0.084, bottom + 8 * mm, -0.086), Vec3(-0.084, bottom + 12 * mm, -0.125), 7.5 * mm), 3 * mm);
    d = smooth_subtract(d, capsule(p, Vec3(-0.084, bottom + 24 * mm, -0.042), Vec3(-0.084, bottom + 60 * mm, -0.046), 6 * mm), 4 * mm);
    return d;
}

}  // namespace

ShapeSpec femur_right() {
    Field bone = [](const Vec3& p) {
        double d = smooth_union(proximal(p), shaft()(p), 12 * mm);
        d = smooth_union(d, distal(p), 18 * mm);
        // Linea aspera: a ridge down the back of the shaft.
        d = smooth_union(d, tapered_capsule(p, Vec3(-0.117, -0.170, -0.091), Vec3(-0.096, -0.360, -0.087), 4 * mm, 4 * mm), 7 * mm);
        // Keep the articular head exactly spherical above the neck junction.
        const double head = sphere(p, hip_centre, femoral_head_radius);
        if (glm::dot(p - hip_centre, glm::normalize(Vec3(0.7, 0.7, 0.1))) > 0.0) d = head;
        // Fovea capitis: a small pit on the medial head for the ligament of the head.
        d = smooth_subtract(d, sphere(p, hip_centre + Vec3(22 * mm, -6 * mm, 0.0), 3.5 * mm), 1 * mm);
        return d;
    };
    for (const Vec3& landmark : {greater_trochanter, lesser_trochanter, condyles_lowest, femoral_head_top})
        bone = with_tubercle(bone, landmark, 9 * mm);
    ShapeSpec spec;
    spec.field = bone;
    spec.box = {Vec3(-0.150, -0.505, -0.125), Vec3(-0.040, -0.035, -0.030)};
    spec.cell = 1.5 * mm;
    spec.target_triangles = 4000;
    return spec;
}

}  // namespace modelgen
