// Psoas major and minor, iliacus, quadratus lumborum (right) and the diaphragm.
// Muscle courses follow docs/sources.md §1-§3: psoas slips from T12-L5 and
// the L1-L5 transverse processes, over the pelvic brim point and the via point in
// front of the hip capsule, to the lesser trochanter.
#include "anatomy.hpp"
#include "scene_facts.hpp"

#include <memory>

namespace modelgen {
namespace {
using namespace facts;

// Belly centreline of psoas major beside the lumbar bodies; the radius grows
// downward to ~2 cm at L4/L5 (largest cross-section ~16 cm², §4).
const SplineTube kPsoasBelly{{{-0.025, 0.214, -0.100},
                              {-0.032, 0.180, -0.093},
                              {-0.037, 0.150, -0.084},
                              {-0.042, 0.118, -0.076},
                              {-0.048, 0.084, -0.067},
                              {-0.057, 0.050, -0.056},
                              {-0.066, 0.008, -0.041},
                              pelvic_brim_point + Vec3(0.002, 0.010, 0.004),
                              via_point_hip_capsule + Vec3(0.0, 0.0, 0.002),
                              psoas_femur_point,
                              lesser_trochanter + Vec3(0.002, 0.0, 0.003)},
                             {7 * mm, 12 * mm, 16 * mm, 20 * mm, 22.5 * mm, 21.5 * mm, 17.5 * mm, 13 * mm, 9.5 * mm, 6.5 * mm, 4.5 * mm},
                             6};

}  // namespace

ShapeSpec psoas_major_right() {
    auto belly = std::make_shared<Tube>(kPsoasBelly);
    // Each origin sends a slip down and outward into the belly about 3 cm lower.
    auto slips = std::make_shared<std::vector<Tube>>();
    for (const auto& origin : psoas_origins) {
        const Vec3 o = origin.position;
        const double join_y = o.y - 0.022;
        // Find the belly point at the join height on the sampled centreline.
        Vec3 join = belly->centreline().front();
        for (const Vec3& c : belly->centreline())
            if (std::abs(c.y - join_y) < std::abs(join.y - join_y)) join = c;
        slips->emplace_back(SplineTube{{o, 0.5 * (o + join) + Vec3(-0.004, 0.0, 0.002), join}, {4.5 * mm, 6.5 * mm, 9 * mm}, 4});
    }
    ShapeSpec spec;
    spec.field = [belly, slips](const Vec3& p) {
        double d = (*belly)(p);
        for (const Tube& s : *slips) d = smooth_union(d, s(p), 5 * mm);
        return d;
    };
    spec.box = {Vec3(-0.100, -0.140, -0.140), Vec3(0.0, 0.232, 0.0)};
    spec.cell = 1.6 * mm;
    spec.target_triangles = 3000;
    return spec;
}

ShapeSpec psoas_minor_right() {
    // Small belly on the front of psoas major from T12/L1, then a long thin tendon
    // to the iliopubic eminence (§1).
    auto tube = std::make_shared<Tube>(SplineTube{{{-0.020, 0.212, -0.093},
                                                   {-0.032, 0.175, -0.079},
                                                   {-0.044, 0.115, -0.051},
                                                   {-0.058, 0.040, -0.029},
                                                   {-0.067, -0.020, -0.015},
                                                   {-0.071, -0.056, -0.028}},
                                                  {4 * mm, 4.5 * mm, 3 * mm, 2.2 * mm, 2.2 * mm, 2.6 * mm},
                                                  6});
    ShapeSpec spec;
    spec.field = [tube](const Vec3& p) { return (*tube)(p); };
    spec.box = {Vec3(-0.085, -0.070, -0.105), Vec3(-0.010, 0.222, 0.0)};
    spec.cell = 0.9 * mm;
    spec.target_triangles = 900;
    return spec;
}

ShapeSpec iliacus_right() {
    // A fleshy layer lining the iliac fossa, converging into a tendon that joins
    // psoas on its lateral side and reaches the lesser trochanter (§1).
    auto tendon = std::make_shared<Tube>(SplineTube{{Vec3(-0.096, -0.004, -0.052), Vec3(-0.092, -0.045, -0.024),
                                                     via_point_hip_capsule + Vec3(-0.010, 0.0, 0.0),
                                                     Vec3(-0.093, -0.118, -0.068), lesser_trochanter + Vec3(-0.003, -0.003, 0.002)},
                                                    {15 * mm, 12 * mm, 9 * mm, 6 * mm, 4.5 * mm},
                                                    6});
    // The muscle lies on the bone, never in it: carve the hip bone (crest lips, arcuate line) out of it.
    const Field hip_bone = hip_bone_right().field;
    ShapeSpec spec;
    spec.field = [=](const Vec3& p) {
        const double muscle = smooth_union(iliac_fossa_layer(p, 14 * mm, 4 * mm), (*tendon)(p), 14 * mm);
        if (muscle > 3 * mm) return muscle;  // far outside the muscle: skip the bone
        return smooth_subtract(muscle, hip_bone(p) - 0.5 * mm, 2 * mm);
    };
    spec.box = {Vec3(-0.145, -0.140, -0.170), Vec3(-0.030, 0.105, 0.030)};
    spec.cell = 1.6 * mm;
    spec.target_triangles = 2500;
    return spec;
}

ShapeSpec quadratus_lumborum_right() {
    // A quadrilateral sheet behind psoas: from the 12th rib and the transverse process
    // tips (medial fibres) to the posterior iliac crest and iliolumbar ligament. The top of
    // the three bundles meets the lower border of the rib's medial half, and the medial bundle
    // runs along the L1-L4 process tips, so the muscle reaches its painted attachments
    // (tested in tests/cpu/atlas_test.cpp).
    // Three fibre bundles blended together give it a fleshy, tapering belly.
    auto medial = std::make_shared<Tube>(SplineTube{{{-0.034, 0.222, -0.137}, {-0.037, 0.168, -0.121}, {-0.039, 0.118, -0.112}, {-0.052, 0.080, -0.116}},
                                                    {4 * mm, 6 * mm, 6.5 * mm, 5 * mm},
                                                    5});
    auto middle = std::make_shared<Tube>(SplineTube{{{-0.050, 0.217, -0.143}, {-0.062, 0.168, -0.123}, {-0.070, 0.115, -0.113}, {-0.075, 0.078, -0.108}},
                                                    {4.5 * mm, 7 * mm, 7.5 * mm, 6 * mm},
                                                    5});
    auto lateral = std::make_shared<Tube>(SplineTube{{{-0.066, 0.210, -0.142}, {-0.086, 0.166, -0.121}, {-0.096, 0.118, -0.110}, {-0.094, 0.080, -0.098}},
                                                     {3.5 * mm, 5.5 * mm, 6 * mm, 5 * mm},
                                                     5});
    // A thin sheet spans the bundles so the muscle reads as one plate.
    const std::vector<Vec3> medial_edge{{-0.034, 0.222, -0.137}, {-0.037, 0.168, -0.121}, {-0.039, 0.118, -0.112}, {-0.052, 0.080, -0.116}};
    const std::vector<Vec3> lateral_edge{{-0.066, 0.210, -0.142}, {-0.086, 0.166, -0.121}, {-0.096, 0.118, -0.110}, {-0.094, 0.080, -0.098}};
    ShapeSpec spec;
    spec.field = [=](const Vec3& p) {
        double d = thick_ribbon(p, medial_edge, lateral_edge, 3.5 * mm, 4 * mm);
        for (const auto* bundle : {medial.get(), middle.get(), lateral.get()}) d = smooth_union(d, (*bundle)(p), 8 * mm);
        return d;
    };
    spec.box = {Vec3(-0.115, 0.060, -0.150), Vec3(-0.020, 0.250, -0.080)};
    spec.cell = 1.6 * mm;
    spec.target_triangles = 1200;
    return spec;
}

namespace {
// A rib as two stacked tubes blended into a flat, curved bar (taller than thick).
ShapeSpec floating_rib(const std::vector<Vec3>& course, const std::vector<double>& radii) {
    auto upper = std::make_shared<Tube>(SplineTube{course, radii, 6});
    std::vector<Vec3> lowered;
    for (const Vec3& p : course) lowered.push_back(p - Vec3(0.0, 4 * mm, 0.0));
    auto lower = std::make_shared<Tube>(SplineTube{lowered, radii, 6});
    ShapeSpec spec;
    spec.field = [=](const Vec3& p) { return smooth_union((*upper)(p), (*lower)(p), 4 * mm); };
    Vec3 lo(1e9), hi(-1e9);
    for (const Vec3& p : course) lo = glm::min(lo, p), hi = glm::max(hi, p);
    spec.box = {lo - Vec3(0.012), hi + Vec3(0.012)};
    spec.cell = 1.0 * mm;
    spec.target_triangles = 350;
    return spec;
}
}  // namespace

// Ribs 11 and 12 are the floating ribs: heads on the sides of T11/T12 (T11 is not
// modelled; its position is one lumbar pitch above T12), shafts curving laterally,
// backwards then forwards. Estimates placed so quadratus lumborum and the
// lateral arcuate ligament region meet rib 12 (§1).
ShapeSpec rib11_right() {
    return floating_rib({{-0.021, 0.262, -0.136}, {-0.045, 0.256, -0.156}, {-0.080, 0.242, -0.158}, {-0.112, 0.220, -0.132},
                         {-0.128, 0.198, -0.094}, {-0.131, 0.184, -0.064}},
                        {5 * mm, 4.5 * mm, 4 * mm, 3.5 * mm, 3 * mm, 2.5 * mm});
}

ShapeSpec rib12_right() {
    return floating_rib({{-0.021, 0.232, -0.130}, {-0.045, 0.226, -0.146}, {-0.070, 0.214, -0.146}, {-0.094, 0.196, -0.132},
                         {-0.108, 0.180, -0.112}},
                        {4.5 * mm, 4 * mm, 3.5 * mm, 3 * mm, 2.5 * mm});
}

ShapeSpec diaphragm() {
    // Two domes, the right one higher (§3: right dome ~0.32 m at x -0.06, the
    // left ~2 cm lower), joined by the saddle of the central tendon.
    const Vec3 right_centre(-0.052, 0.216, -0.030), right_radii(0.090, 0.104, 0.095);
    const Vec3 left_centre(0.052, 0.200, -0.034), left_radii(0.088, 0.100, 0.090);
    const double half_thickness = 2.5 * mm;
    auto right_crus = std::make_shared<Tube>(SplineTube{{{-0.036, 0.282, -0.086}, {-0.027, 0.235, -0.094}, {-0.018, 0.198, -0.084},
                                                         {-0.011, 0.165, -0.073}, {-0.006, 0.133, -0.064}},
                                                        {6 * mm, 7 * mm, 6 * mm, 5 * mm, 4 * mm},
                                                        6});
    auto left_crus = std::make_shared<Tube>(SplineTube{{{0.036, 0.270, -0.086}, {0.027, 0.228, -0.094}, {0.018, 0.196, -0.084},
                                                        {0.010, 0.166, -0.073}},
                                                       {5.5 * mm, 6 * mm, 5 * mm, 4 * mm},
                                                       6});
    ShapeSpec spec;
    spec.field = [=](const Vec3& p) {
        const double cavity = smooth_union(ellipsoid(p, right_centre, right_radii), ellipsoid(p, left_centre, left_radii), 0.03);
        double d = std::abs(cavity) - half_thickness;
        // Open below: the muscle ends on the costal margin, lower behind than in front.
        d = smooth_intersect(d, (0.205 + 0.45 * (p.z + 0.03)) - p.y, 2 * mm);
        // The vertebral column passes behind the central part; the crura close that gap.
        d = smooth_subtract(d, capsule(p, Vec3(0.0, 0.12, -0.142), Vec3(0.0, 0.36, -0.142), 0.032), 4 * mm);
        d = smooth_union(d, (*right_crus)(p), 6 * mm);
        d = smooth_union(d, (*left_crus)(p), 6 * mm);
        return d;
    };
    spec.box = {Vec3(-0.150, 0.120, -0.135), Vec3(0.150, 0.330, 0.075)};
    spec.cell = 1.6 * mm;
    spec.target_triangles = 2800;  // 800 of its former budget went to the arcuate ligaments
    return spec;
}

}  // namespace modelgen

namespace modelgen {

// The arcuate ligaments (docs/sources.md §1): thickenings of the fascia from which the
// diaphragm arises. The medial one arches over the top of psoas from the side of the L1 body to the
// front of the L1 transverse process; the lateral one over quadratus lumborum from that process
// towards the 12th rib. Positions are our estimates at the L1 level, placed in front of the two
// muscles' surfaces in this model.
ShapeSpec arcuate_ligaments_right() {
    auto medial = std::make_shared<Tube>(
        SplineTube{{{-0.019, 0.197, -0.100}, {-0.027, 0.199, -0.088}, {-0.041, 0.199, -0.094}, {-0.047, 0.197, -0.114}},
                   {1.6 * mm, 1.8 * mm, 1.8 * mm, 1.6 * mm},
                   6});
    auto lateral = std::make_shared<Tube>(
        SplineTube{{{-0.047, 0.197, -0.114}, {-0.058, 0.203, -0.106}, {-0.073, 0.212, -0.110}, {-0.086, 0.222, -0.122}},
                   {1.6 * mm, 1.8 * mm, 1.8 * mm, 1.6 * mm},
                   6});
    ShapeSpec spec;
    spec.field = [=](const Vec3& p) { return smooth_union((*medial)(p), (*lateral)(p), 1.5 * mm); };
    spec.box = {Vec3(-0.095, 0.185, -0.130), Vec3(-0.010, 0.232, -0.078)};
    spec.cell = 0.6 * mm;
    spec.target_triangles = 300;  // 100 per side went to the median arcuate ligament
    return spec;
}

// The median arcuate ligament (docs/sources.md §1): a fibrous arch joining the two crura in
// front of the aorta at about T12/L1. It springs from each crus where the crus passes the T12/L1
// disc (the crus tubes of diaphragm() pass x = +-0.018 m about 10 mm above and below that level)
// and arches about 25 mm in front of the body's front face (disc centre z -0.107 m, body depth
// 32 mm, §4; an adult aorta is about 2-2.5 cm across). Positions are our estimates.
ShapeSpec median_arcuate_ligament() {
    auto arch = std::make_shared<Tube>(SplineTube{{{-0.021, 0.204, -0.086}, {-0.014, 0.211, -0.072}, {0.0, 0.214, -0.066},
                                                   {0.014, 0.211, -0.072}, {0.021, 0.204, -0.086}},
                                                  {2.0 * mm, 1.8 * mm, 1.8 * mm, 1.8 * mm, 2.0 * mm},
                                                  6});
    ShapeSpec spec;
    spec.field = [=](const Vec3& p) { return (*arch)(p); };
    spec.box = {Vec3(-0.030, 0.195, -0.095), Vec3(0.030, 0.222, -0.058)};
    spec.cell = 0.6 * mm;
    spec.target_triangles = 200;
    return spec;
}

// The inguinal ligament (docs/sources.md §1: the psoas passes under it): the thickened lower
// edge of the external oblique aponeurosis from the ASIS (§3) to the pubic tubercle, sagging
// a little downward between them. The pubic tubercle is taken from this model's hip bone, its most
// anterior point 18 mm from the midline at the level of the pubic crest (estimate); the cord runs
// 10-12 mm in front of iliopsoas where the muscle leaves the pelvis, as the muscle passes beneath it.
ShapeSpec inguinal_ligament_right() {
    auto cord = std::make_shared<Tube>(SplineTube{{facts::asis + Vec3(0.004, -0.002, 0.002), {-0.100, -0.012, 0.013},
                                                   {-0.062, -0.045, 0.013}, {-0.019, -0.074, 0.007}},
                                                  {2.2 * mm, 2.4 * mm, 2.4 * mm, 2.2 * mm},
                                                  6});
    ShapeSpec spec;
    spec.field = [=](const Vec3& p) { return (*cord)(p); };
    spec.box = {Vec3(-0.140, -0.085, -0.005), Vec3(-0.010, 0.030, 0.025)};
    spec.cell = 0.8 * mm;
    spec.target_triangles = 100;
    return spec;
}

// The pubic symphysis: the fibrocartilaginous interpubic disc with its ligaments between the two
// pubic bodies. Sized to this model's symphyseal surfaces (their medial faces, 3 mm either side of
// the midline, span y -0.097 to -0.073 m and z -0.011 to 0.002 m) and reaching 1.5 mm into each so
// the pelvic ring reads as closed. Our estimate from the hip bone mesh; no published dimension used.
ShapeSpec pubic_symphysis() {
    ShapeSpec spec;
    spec.field = [](const Vec3& p) { return rounded_box(p - Vec3(0.0, -0.085, -0.0045), Vec3(0.0045, 0.0125, 0.0068), 0.003); };
    spec.box = {Vec3(-0.010, -0.102, -0.016), Vec3(0.010, -0.068, 0.007)};
    spec.cell = 0.6 * mm;
    spec.target_triangles = 100;
    return spec;
}

}  // namespace modelgen
