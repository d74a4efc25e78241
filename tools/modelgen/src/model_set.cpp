#include "model_set.hpp"

#include "glb.hpp"
#include "scene_facts.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace modelgen {
namespace {

constexpr std::array<double, 3> kBone{0.90, 0.86, 0.76};
constexpr std::array<double, 3> kDisc{0.70, 0.76, 0.82};
constexpr std::array<double, 3> kPsoasMajor{0.80, 0.24, 0.20};
constexpr std::array<double, 3> kPsoasMinor{0.88, 0.50, 0.38};
constexpr std::array<double, 3> kIliacus{0.60, 0.22, 0.32};
constexpr std::array<double, 3> kQuadratus{0.68, 0.36, 0.24};
constexpr std::array<double, 3> kDiaphragm{0.82, 0.52, 0.48};
constexpr std::array<double, 3> kLigament{0.93, 0.90, 0.72};

Landmark surface(std::string id, std::string name, Vec3 p) { return {std::move(id), std::move(name), p, true}; }
Landmark point(std::string id, std::string name, Vec3 p) { return {std::move(id), std::move(name), p, false}; }

// Left copy of a right structure: mirrored landmarks, "Right"/"dexter" words swapped.
Structure left_of(const Structure& right) {
    auto swap_word = [](std::string s, const std::string& from, const std::string& to) {
        for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
        return s;
    };
    Structure left = right;
    left.id = right.id.substr(0, right.id.size() - 2) + "_l";
    left.name = swap_word(right.name, "Right", "Left");
    left.latin = swap_word(swap_word(swap_word(right.latin, "dextrum", "sinistrum"), "dexter", "sinister"), "dextra", "sinistra");
    left.side = "left";
    left.body = swap_word(right.body, "_r", "_l");
    left.shape = nullptr;
    left.mirror_of = right.id;
    for (auto& l : left.landmarks) l.position.x = -l.position.x;
    return left;
}

const std::array<const char*, 6> kLevelId{"t12", "l1", "l2", "l3", "l4", "l5"};
const std::array<const char*, 6> kLevelName{"Twelfth thoracic", "First lumbar", "Second lumbar",
                                            "Third lumbar", "Fourth lumbar", "Fifth lumbar"};
const std::array<const char*, 6> kLevelLatin{"Vertebra thoracica XII", "Vertebra lumbalis I", "Vertebra lumbalis II",
                                             "Vertebra lumbalis III", "Vertebra lumbalis IV", "Vertebra lumbalis V"};
const std::array<const char*, 7> kLevelLabel{"T12", "L1", "L2", "L3", "L4", "L5", "S1"};

// Moves a point onto a bone's modelled surface along its field's gradient (a few Newton steps).
// Published points lie millimetres off this model's bones (the TP fascicle origins of §2
// sit 6-8 mm in front of the modelled processes); a painted patch must sit on its own bone. A
// move over 12 mm means the point was meant for another bone or place, and stops the generator.
Vec3 onto_bone(const ShapeSpec& bone, Vec3 p, const std::string& what) {
    const Vec3 start = p;
    constexpr double h = 1e-5;
    for (int i = 0; i < 24; ++i) {
        const double d = bone.field(p);
        const Vec3 g((bone.field(p + Vec3(h, 0, 0)) - bone.field(p - Vec3(h, 0, 0))) / (2 * h),
                     (bone.field(p + Vec3(0, h, 0)) - bone.field(p - Vec3(0, h, 0))) / (2 * h),
                     (bone.field(p + Vec3(0, 0, h)) - bone.field(p - Vec3(0, 0, h))) / (2 * h));
        if (glm::length(g) < 1e-9) break;
        p -= d * glm::normalize(g);  // a distance-sized step: near blends the gradient is short and a Newton step overshoots
    }
    if (glm::length(p - start) > 0.012) throw std::runtime_error(what + ": more than 12 mm from its bone");
    return p;
}

// Attachment areas (docs/sources.md §1 for where, §2 for the psoas origin points,
// §3 for the landmarks). Radii are our choice: about the size of the slip or tendon.
void add_attachments(std::vector<Structure>& set) {
    using namespace facts;
    constexpr double mm = 0.001;
    std::array<ShapeSpec, 6> vertebrae;
    for (int k = 0; k < 6; ++k) vertebrae[size_t(k)] = vertebra(k);
    const ShapeSpec pelvis = hip_bone_right(), sacral = sacrum();
    auto level = [](const std::string& id) {
        for (size_t k = 0; k < kLevelId.size(); ++k)
            if (id == kLevelId[k]) return k;
        throw std::runtime_error("no vertebra " + id);
    };
    auto find = [&](const std::string& id) -> Structure& {
        for (auto& s : set)
            if (s.id == id) return s;
        throw std::runtime_error("no structure " + id);
    };
    auto origin = [](std::string bone, std::string name, Vec3 c, double r) { return Attachment{"origin", std::move(bone), std::move(name), c, r}; };
    auto insertion = [](std::string bone, std::string name, Vec3 c, double r) {
        return Attachment{"insertion", std::move(bone), std::move(name), c, r};
    };

    // Psoas major (§1): five slips, each from the adjacent margins of two vertebral bodies
    // and the disc between them (T12/L1 ... L4/L5), painted as three patches on the three bones,
    // side by side on the lateral face; the extra fascicle from the L5 body; and the transverse
    // processes of L1-L5 at the published fascicle origins (§2). The waist of each body,
    // under the tendinous arch, stays unpainted. Margin patches sit 4 mm beyond the disc's edge
    // (disc mean heights, §4); the side of the body is 21 mm from the midline (half the
    // 43-44 mm body width, §4). Sizes are our choice: about a slip's width.
    std::vector<Attachment> psoas;
    for (size_t k = 0; k < 5; ++k) {
        const std::string upper = kLevelId[k], lower = kLevelId[k + 1];
        const std::string slip = std::string(kLevelLabel[k]) + "/" + kLevelLabel[k + 1] + " slip";
        const double reach = disc_mean_height[k] / 2 + 4 * mm;
        const Vec3 side(-0.0215, disc_y[k], disc_z[k] + 2 * mm);
        psoas.push_back(origin(upper, slip + ": lower margin of " + kLevelLabel[k], side + Vec3(0, reach, 0), 7 * mm));
        psoas.push_back(origin("disc_" + upper + "_" + lower, slip + ": disc", side, 7 * mm));
        psoas.push_back(origin(lower, slip + ": upper margin of " + kLevelLabel[k + 1], side - Vec3(0, reach, 0), 7 * mm));
    }
    for (const auto& o : psoas_origins) {
        // "origin_l3_transverse_process" lies on l3; "origin_l5_body" on l5. The body and disc
        // fascicle origins are covered by the slips above.
        const std::string rest = std::string(o.id).substr(7);
        if (rest.find("_disc") != std::string::npos || (rest != "l5_body" && rest.find("_body") != std::string::npos)) continue;
        const bool process = rest.find("transverse") != std::string::npos;
        const std::string bone = rest.substr(0, rest.find('_'));
        // On a process: the middle of its front surface (§1: anterior surfaces of the
        // processes). The published origin lies beside the body, 6-8 mm in front of this model's
        // process and nearer the body's side than the process, so it is moved out to x = -28 mm
        // and 4 mm back before being put onto the bone.
        const Vec3 centre = process ? onto_bone(vertebrae[level(bone)], Vec3(-0.028, o.position.y, o.position.z - 4 * mm), rest)
                                    : o.position;
        psoas.push_back(origin(bone, process ? rest : "l5_body (extra fascicle)", centre, process ? 9 * mm : 8 * mm));
    }
    psoas.push_back(insertion("femur_r", "lesser trochanter", lesser_trochanter, 11 * mm));
    find("psoas_major_r").attachments = psoas;

    // Psoas minor: sides of T12 and L1 and their disc, to the iliopubic eminence (§1).
    find("psoas_minor_r").attachments = {
        origin("t12", "T12 body", onto_bone(vertebrae[0], Vec3(-0.020, 0.221, -0.097), "psoas minor, T12"), 10 * mm),
        origin("l1", "L1 body", Vec3(-0.020, 0.200, -0.092), 10 * mm),
        insertion("hip_bone_r", "iliopubic eminence", pelvic_brim_point, 10 * mm),
    };
    // Iliacus (§1): the upper two-thirds of the iliac fossa, the inner lip of the iliac
    // crest, the ala of the sacrum and the anterior sacroiliac / iliolumbar ligaments, reaching the
    // ASIS and AIIS in front; to the lesser trochanter and the shaft below. Patches between the
    // published points (upper fossa, crest, ASIS) are our estimates, placed on the fossa side so
    // they snap onto its inner face; the AIIS is not in the facts and is estimated 30 mm below and
    // behind the ASIS.
    const Vec3 crest_inner_front = asis + Vec3(0.014, 0.022, -0.030);
    find("iliacus_r").attachments = {
        origin("hip_bone_r", "iliac fossa, upper part", iliacus_origin_fossa, 30 * mm),
        origin("hip_bone_r", "iliac fossa, lateral part", Vec3(-0.108, 0.040, -0.035), 24 * mm),
        origin("hip_bone_r", "iliac fossa, front", Vec3(-0.110, 0.012, -0.012), 18 * mm),
        origin("hip_bone_r", "inner lip of the iliac crest, back", iliac_crest_highest, 16 * mm),
        origin("hip_bone_r", "inner lip of the iliac crest, middle", Vec3(-0.108, 0.072, -0.060), 14 * mm),
        origin("hip_bone_r", "inner lip of the iliac crest, front", crest_inner_front, 12 * mm),
        origin("hip_bone_r", "ASIS region", asis + Vec3(0.008, -0.002, -0.006), 9 * mm),
        origin("hip_bone_r", "AIIS region (estimate)", asis + Vec3(0.016, -0.030, -0.010), 9 * mm),
        origin("hip_bone_r", "beside the sacroiliac joint: anterior sacroiliac and iliolumbar ligaments (estimate)",
               onto_bone(pelvis, Vec3(-0.060, 0.055, -0.095), "iliacus, sacroiliac region"), 11 * mm),
        origin("sacrum", "ala of the sacrum (estimate)", onto_bone(sacral, Vec3(-0.040, 0.045, -0.090), "iliacus, sacral ala"), 12 * mm),
        insertion("femur_r", "lesser trochanter and shaft below", lesser_trochanter + Vec3(0.0, -0.010, 0.004), 13 * mm),
    };
    // Quadratus lumborum (§1 names it beside psoas; attachments from the textbook: iliac
    // crest and iliolumbar ligament below, the medial half of rib 12 and the tips of the L1-L4
    // transverse processes above). Positions where this model's muscle meets each bone: the lower
    // ends of its three bundles, the rib's medial half, and the process tips (span 67-70 mm tip to
    // tip, §4, at the fascicle-origin levels of §2). Our estimates.
    {
        std::vector<Attachment> ql{
            origin("hip_bone_r", "iliac crest, posterior part", Vec3(-0.078, 0.082, -0.104), 16 * mm),
            origin("hip_bone_r", "iliolumbar ligament region (estimate)", Vec3(-0.052, 0.076, -0.112), 10 * mm),
            insertion("rib12_r", "lower border of the medial half of the twelfth rib", Vec3(-0.048, 0.214, -0.146), 14 * mm),
        };
        const std::array<double, 4> tp_y{0.198, 0.169, 0.140, 0.111}, tp_z{-0.122, -0.110, -0.106, -0.098};
        for (size_t k = 0; k < 4; ++k)
            ql.push_back(insertion(kLevelId[k + 1], std::string("tip of the ") + kLevelLabel[k + 1] + " transverse process",
                                   onto_bone(vertebrae[k + 1], Vec3(-0.034, tp_y[k], tp_z[k]), "quadratus lumborum, TP tip"), 6 * mm));
        find("quadratus_lumborum_r").attachments = ql;
    }
    // Diaphragm crura: right on L1-L3, left on L1-L2, on the front of the bodies (§1).
    const std::array<double, 3> body_y{0.195, 0.1645, 0.134}, body_z{-0.086, -0.076, -0.068};
    std::vector<Attachment> crura;
    for (int k = 0; k < 3; ++k)
        crura.push_back(origin(kLevelId[size_t(k) + 1], std::string("right crus, ") + kLevelLabel[size_t(k) + 1],
                               Vec3(-0.010, body_y[size_t(k)], body_z[size_t(k)]), 10 * mm));
    for (int k = 0; k < 2; ++k)
        crura.push_back(origin(kLevelId[size_t(k) + 1], std::string("left crus, ") + kLevelLabel[size_t(k) + 1],
                               Vec3(0.010, body_y[size_t(k)], body_z[size_t(k)]), 10 * mm));
    find("diaphragm").attachments = crura;
    // The central tendon: a trefoil of three leaflets at the top of the dome, the front one
    // central, the others to each side behind it (§1: "central tendon trefoil-shaped").
    // Positions are our estimates; the viewer snaps them onto the dome.
    find("diaphragm").regions = {
        {"tendon", "diaphragm", "central tendon, anterior leaflet", Vec3(0.000, 0.300, 0.000), 31 * mm},
        {"tendon", "diaphragm", "central tendon, right leaflet", Vec3(-0.026, 0.305, -0.036), 30 * mm},
        {"tendon", "diaphragm", "central tendon, left leaflet", Vec3(0.026, 0.300, -0.036), 30 * mm},
    };
    // The iliopsoas tendon (§1: the psoas "becomes a tendon that receives most iliacus fibres" on its
    // way over the front of the hip capsule to the lesser trochanter): the last stretch of each
    // muscle's tube is painted as tendon, from a third of the way between the hip-capsule via
    // point and the femur point (where the fibres end: our estimate) down to the trochanter.
    // The viewer snaps a region's centre onto the muscle's surface, so each sphere reaches
    // across the tube: radius = tube diameter + 4 mm, one every 8 mm along the path.
    auto tendon = [&](const std::string& muscle, const std::vector<std::pair<Vec3, double>>& path) {
        auto& regions = find(muscle).regions;
        for (size_t k = 0; k + 1 < path.size(); ++k) {
            const auto& [a, ra] = path[k];
            const auto& [b, rb] = path[k + 1];
            const int steps = std::max(1, static_cast<int>(std::ceil(glm::length(b - a) / (8 * mm))));
            for (int i = 0; i < steps + (k + 2 == path.size() ? 1 : 0); ++i) {
                const double t = static_cast<double>(i) / steps;
                regions.push_back({"tendon", muscle, "iliopsoas tendon", glm::mix(a, b, t), 2 * glm::mix(ra, rb, t) + 4 * mm});
            }
        }
    };
    // Tube radii at these points are the muscles' own (muscles.cpp).
    tendon("psoas_major_r", {{glm::mix(via_point_hip_capsule, psoas_femur_point, 1.0 / 3.0), 8.5 * mm},
                             {psoas_femur_point, 6.5 * mm},
                             {lesser_trochanter + Vec3(0.002, 0.0, 0.003), 4.5 * mm}});
    // The iliacus stays fleshy lower down (some of its fibres reach the shaft directly): only its
    // last stretch from the femur point is painted.
    tendon("iliacus_r", {{Vec3(-0.093, -0.118, -0.068), 6.0 * mm},
                         {lesser_trochanter + Vec3(-0.003, -0.003, 0.002), 4.5 * mm}});

    // The acetabulum's lunate surface: the horseshoe of articular cartilage on the socket's wall,
    // open below at the acetabular notch, around the bare fossa in its floor. Painted on the hip
    // bone round the hip centre (§3), 45 deg from the socket's deepest point on a sphere of
    // the femoral head's radius (23.4 mm, §4). The socket opens laterally, 45 deg downward
    // and 20 deg forward (typical inclination and anteversion: our estimate); the horseshoe spans
    // 270 deg, its gap at the notch below, round the fossa cut in the socket's floor (hip_bone.cpp). Small
    // overlapping patches (8.5 mm), so the paint stays inside the socket and off the outer rim.
    {
        const Vec3 axis = glm::normalize(Vec3(-std::cos(glm::radians(45.0)) * std::cos(glm::radians(20.0)), -std::sin(glm::radians(45.0)),
                                              std::cos(glm::radians(45.0)) * std::sin(glm::radians(20.0))));
        const Vec3 down = glm::normalize(Vec3(0.0, -1.0, 0.0) - glm::dot(Vec3(0.0, -1.0, 0.0), axis) * axis);
        const Vec3 side = glm::cross(axis, down);
        auto& lunate = find("hip_bone_r").regions;
        for (int k = 0; k < 10; ++k) {
            const double around = glm::radians(45.0 + 30.0 * k);  // 45..315 deg from the notch
            const double tilt = glm::radians(45.0);
            // Into the socket along -axis, then out towards the rim; around = 0 would face the notch.
            const Vec3 direction = -std::cos(tilt) * axis + std::sin(tilt) * (std::cos(around) * down + std::sin(around) * side);
            lunate.push_back({"cartilage", "hip_bone_r", "lunate surface of the acetabulum", hip_centre + femoral_head_radius * direction,
                              8.5 * mm});
        }
    }

    // Left muscles mirror their right twins.
    for (auto& s : set) {
        if (s.mirror_of.empty()) continue;
        s.attachments = find(s.mirror_of).attachments;
        for (auto& a : s.attachments) {
            a.centre.x = -a.centre.x;
            if (a.bone.size() > 2 && a.bone.compare(a.bone.size() - 2, 2, "_r") == 0) a.bone.replace(a.bone.size() - 2, 2, "_l");
        }
        s.regions = find(s.mirror_of).regions;
        for (auto& r : s.regions) {
            r.centre.x = -r.centre.x;
            r.bone = s.id;
        }
    }
}


}  // namespace

std::vector<Structure> model_set() {
    using namespace facts;
    std::vector<Structure> set;
    auto add_pair = [&](Structure right) {
        set.push_back(right);
        set.push_back(left_of(right));
    };

    for (int k = 0; k < 6; ++k)
        set.push_back({kLevelId[size_t(k)], std::string(kLevelName[size_t(k)]) + " vertebra", kLevelLatin[size_t(k)], "bone",
                       "midline", kLevelId[size_t(k)], kBone, {}, [k] { return vertebra(k); }, ""});
    for (int k = 0; k < 6; ++k) {
        const std::string upper = kLevelLabel[size_t(k)], lower = kLevelLabel[size_t(k) + 1];
        auto lowercase = [](std::string s) {
            for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
            return s;
        };
        // A disc moves with the vertebra below it: its joint centre sits in the disc (§2 chain).
        const std::string body = k == 5 ? "sacrum" : kLevelId[size_t(k) + 1];
        set.push_back({"disc_" + lowercase(upper) + "_" + lowercase(lower), "Intervertebral disc " + upper + "-" + lower,
                       "Discus intervertebralis", "disc", "midline", body, kDisc,
                       {point("centre", "Disc centre", Vec3(0.0, disc_y[size_t(k)], disc_z[size_t(k)]))},
                       [k] { return intervertebral_disc(k); }, ""});
    }
    set.push_back({"sacrum", "Sacrum", "Os sacrum", "bone", "midline", "sacrum", kBone, {}, sacrum, ""});
    set.push_back({"coccyx", "Coccyx", "Os coccygis", "bone", "midline", "sacrum", kBone, {}, coccyx, ""});

    add_pair({"hip_bone_r", "Right hip bone", "Os coxae dextrum", "bone", "right", "pelvis", kBone,
              {surface("asis", "Anterior superior iliac spine", asis),
               surface("psis", "Posterior superior iliac spine", psis),
               surface("iliac_crest_highest", "Iliac crest, highest point", iliac_crest_highest),
               surface("iliac_crest_lateral", "Iliac crest, most lateral point", iliac_crest_lateral),
               surface("ischial_tuberosity", "Ischial tuberosity", ischial_tuberosity),
               surface("iliac_fossa_upper", "Upper iliac fossa (iliacus origin)", iliacus_origin_fossa),
               point("hip_joint_centre", "Hip joint centre", hip_centre),
               point("pelvic_brim_point", "Pelvic brim (iliopubic eminence region)", pelvic_brim_point)},
              hip_bone_right, ""});
    add_pair({"femur_r", "Right femur", "Femur dextrum", "bone", "right", "femur_r", kBone,
              {surface("femoral_head_top", "Femoral head, top", femoral_head_top),
               surface("greater_trochanter", "Greater trochanter, tip", greater_trochanter),
               surface("lesser_trochanter", "Lesser trochanter", lesser_trochanter),
               surface("condyles_lowest", "Femoral condyles, lowest point", condyles_lowest),
               point("hip_joint_centre", "Hip joint centre", hip_centre),
               point("knee_joint_centre", "Knee joint centre", knee_centre)},
              femur_right, ""});

    std::vector<Landmark> psoas_points;
    for (const auto& o : psoas_origins) {
        // "origin_l1_l2_disc" -> "Origin, L1/L2 disc"
        std::string name;
        bool previous_was_level = false;
        std::stringstream words(std::string(o.id).substr(7));
        for (std::string w; std::getline(words, w, '_');) {
            const bool level = w.size() == 2 && (w[0] == 'l' || w[0] == 't') && std::isdigit(static_cast<unsigned char>(w[1]));
            if (level) w[0] = char(std::toupper(static_cast<unsigned char>(w[0])));
            if (!name.empty()) name += (level && previous_was_level) ? "/" : " ";
            name += w;
            previous_was_level = level;
        }
        psoas_points.push_back(point(o.id, "Origin, " + name, o.position));
    }
    psoas_points.push_back(point("pelvic_brim_point", "Pelvic brim point", pelvic_brim_point));
    psoas_points.push_back(point("via_point_hip_capsule", "Over the front of the hip joint", via_point_hip_capsule));
    psoas_points.push_back(point("insertion_lesser_trochanter", "Insertion, lesser trochanter", lesser_trochanter));
    // Muscles deform between bodies; they are listed with the body their belly lies on.
    add_pair({"psoas_major_r", "Right psoas major", "Musculus psoas major dexter", "muscle", "right", "pelvis", kPsoasMajor,
              psoas_points, psoas_major_right, ""});
    add_pair({"psoas_minor_r", "Right psoas minor", "Musculus psoas minor dexter", "muscle", "right", "pelvis", kPsoasMinor,
              {}, psoas_minor_right, ""});
    add_pair({"iliacus_r", "Right iliacus", "Musculus iliacus dexter", "muscle", "right", "pelvis", kIliacus,
              {point("insertion_lesser_trochanter", "Insertion, lesser trochanter", lesser_trochanter)}, iliacus_right, ""});
    add_pair({"quadratus_lumborum_r", "Right quadratus lumborum", "Musculus quadratus lumborum dexter", "muscle", "right",
              "pelvis", kQuadratus, {}, quadratus_lumborum_right, ""});
    add_pair({"rib11_r", "Right eleventh rib", "Costa XI dextra", "bone", "right", "t12", kBone, {}, rib11_right, ""});
    add_pair({"rib12_r", "Right twelfth rib", "Costa XII dextra", "bone", "right", "t12", kBone, {}, rib12_right, ""});
    set.push_back({"diaphragm", "Diaphragm", "Diaphragma", "muscle", "midline", "t12", kDiaphragm,
                   {point("right_dome_apex", "Right dome apex, end of exhale (estimate)", diaphragm_right_dome)}, diaphragm, ""});
    add_pair({"arcuate_ligaments_r", "Right arcuate ligaments", "Ligamentum arcuatum mediale et laterale dextrum", "ligament",
              "right", "l1", kLigament, {}, arcuate_ligaments_right, ""});
    set.push_back({"median_arcuate_ligament", "Median arcuate ligament", "Ligamentum arcuatum medianum", "ligament", "midline",
                   "t12", kLigament, {}, median_arcuate_ligament, ""});
    add_pair({"inguinal_ligament_r", "Right inguinal ligament", "Ligamentum inguinale dextrum", "ligament", "right", "pelvis",
              kLigament, {}, inguinal_ligament_right, ""});
    // Listed as a ligament, not a disc: lessons show "discs" beside the lumbar spine alone.
    set.push_back({"pubic_symphysis", "Pubic symphysis (interpubic disc)", "Symphysis pubica", "ligament", "midline", "pelvis",
                   kDisc, {}, pubic_symphysis, ""});
    add_attachments(set);
    add_card_facts(set);
    return set;
}

std::vector<GeneratedMesh> generate_meshes(const std::vector<Structure>& structures) {
    std::vector<GeneratedMesh> out(structures.size());
    // Right and midline structures are independent: mesh them on worker threads,
    // each writing only its own slot, so the result does not depend on scheduling.
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t i = next++; i < structures.size(); i = next++) {
            if (!structures[i].shape) continue;
            const auto start = std::chrono::steady_clock::now();
            const ShapeSpec spec = structures[i].shape();
            const TriangleMesh dense = polygonise(spec.field, spec.box, spec.cell);
            out[i].mesh = simplify_and_finish(dense, spec.field, spec.target_triangles);
            out[i].seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
    };
    const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();

    std::map<std::string, size_t> index_of;
    for (size_t i = 0; i < structures.size(); ++i) index_of[structures[i].id] = i;
    for (size_t i = 0; i < structures.size(); ++i) {
        out[i].id = structures[i].id;
        if (!structures[i].shape) {
            const auto it = index_of.find(structures[i].mirror_of);
            if (it == index_of.end()) throw std::runtime_error("no structure to mirror for " + structures[i].id);
            out[i].mesh = mirror_x(out[it->second].mesh);
        }
    }
    return out;
}

namespace {
std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s == "-0.0000" || s == "-0.00") s.erase(0, 1);  // never write a negative zero
    return s;
}
std::string vec3(double x, double y, double z, int decimals) {
    return "[" + fixed(x, decimals) + ", " + fixed(y, decimals) + ", " + fixed(z, decimals) + "]";
}
}  // namespace

namespace {
// The joints the pose model turns (docs/sources.md §0 and §2-§3): the six lumbar levels at
// their disc centres and the two hips. Flexion-extension is about the X axis for all of them.
std::string joints_toml() {
    using namespace facts;
    const std::array<const char*, 6> upper{"t12", "l1", "l2", "l3", "l4", "l5"};
    const std::array<const char*, 6> lower{"l1", "l2", "l3", "l4", "l5", "sacrum"};
    const std::array<const char*, 6> names{"T12/L1", "L1/L2", "L2/L3", "L3/L4", "L4/L5", "L5/S1"};
    std::string t;
    for (size_t k = 0; k < 6; ++k) {
        std::string id = std::string(names[k]);
        for (auto& c : id) c = c == '/' ? '_' : char(std::tolower(static_cast<unsigned char>(c)));
        t += "\n[[joint]]\nid = \"" + id + "\"\nname = \"" + names[k] + " joint\"\n";
        t += "parent = \"" + std::string(lower[k]) + "\"\nchild = \"" + upper[k] + "\"\n";
        t += "centre = " + vec3(0.0, disc_y[k], disc_z[k], 4) + "\naxis = [1.0, 0.0, 0.0]\n";
    }
    for (const char* side : {"r", "l"}) {
        const double x = side[0] == 'r' ? hip_centre.x : -hip_centre.x;
        t += "\n[[joint]]\nid = \"hip_" + std::string(side) + "\"\nname = \"" + (side[0] == 'r' ? "Right" : "Left") +
             " hip joint\"\nparent = \"pelvis\"\nchild = \"femur_" + side + "\"\n";
        t += "centre = " + vec3(x, hip_centre.y, hip_centre.z, 4) + "\naxis = [1.0, 0.0, 0.0]\n";
    }
    return t;
}
}  // namespace

namespace {
// A TOML basic string: the catalogue's words hold no control characters, only quotes need escaping.
std::string quoted(const std::string& text) {
    std::string q = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') q += '\\';
        q += c;
    }
    return q + "\"";
}

std::string card_toml(const CardFacts& card) {
    const std::pair<const char*, const std::string*> fields[] = {
        {"summary", &card.summary},         {"origin", &card.origin},           {"insertion", &card.insertion},
        {"action", &card.action},           {"innervation", &card.innervation}, {"blood_supply", &card.blood_supply}};
    std::string t;
    for (const auto& [key, text] : fields)
        if (!text->empty()) t += std::string("  ") + key + " = " + quoted(*text) + "\n";
    if (t.empty()) return t;
    return "  [structure.facts]\n" + t + "  source = \"Gray's Anatomy, 41st ed. (Standring 2016), in our own words\"\n";  // docs/sources.md §10
}
}  // namespace

std::string atlas_toml(const std::vector<Structure>& structures) {
    std::string t;
    t += "# Psoas Atlas built-in model set. Scene frame: metres, +X subject's left, +Y up, +Z anterior, origin mid-ASIS.\n";
    t += "# Written by psoas-modelgen (tools/modelgen); edit the catalogue in tools/modelgen/src/model_set.cpp and regenerate.\n";
    t += "# Numbers: docs/sources.md §2-§4 (right side; left = X mirrored).\n";
    t += "[atlas]\n";
    t += "name = \"Psoas Atlas built-in model set\"\n";
    t += "stand_in = false\n";
    for (const auto& s : structures) {
        t += "\n[[structure]]\n";
        t += "id = \"" + s.id + "\"\n";
        t += "name = \"" + s.name + "\"\n";
        t += "latin = \"" + s.latin + "\"\n";
        t += "group = \"" + s.group + "\"\n";
        t += "side = \"" + s.side + "\"\n";
        t += "mesh = \"" + s.id + ".glb\"\n";
        t += "colour = " + vec3(s.colour[0], s.colour[1], s.colour[2], 2) + "\n";
        t += "body = \"" + s.body + "\"\n";
        t += card_toml(s.card);
        for (const auto& l : s.landmarks) {
            t += "  [[structure.landmark]]\n";
            t += "  id = \"" + l.id + "\"\n";
            t += "  name = \"" + l.name + "\"\n";
            t += "  position = " + vec3(l.position.x, l.position.y, l.position.z, 4) + "\n";
        }
        for (const auto& r : s.regions) {
            t += "  [[structure.region]]\n";
            t += "  name = \"" + r.name + "\"\n";
            if (r.kind != "tendon") t += "  kind = \"" + r.kind + "\"\n";
            t += "  centre = " + vec3(r.centre.x, r.centre.y, r.centre.z, 4) + "\n";
            t += "  radius = " + fixed(r.radius, 4) + "\n";
        }
        for (const auto& a : s.attachments) {
            t += "  [[structure.attachment]]\n";
            t += "  kind = \"" + a.kind + "\"\n";
            t += "  bone = \"" + a.bone + "\"\n";
            t += "  name = \"" + a.name + "\"\n";
            t += "  centre = " + vec3(a.centre.x, a.centre.y, a.centre.z, 4) + "\n";
            t += "  radius = " + fixed(a.radius, 4) + "\n";
        }
    }
    t += joints_toml();
    return t;
}

void write_model_set(const std::filesystem::path& dir, const std::vector<Structure>& structures,
                     const std::vector<GeneratedMesh>& meshes) {
    std::filesystem::create_directories(dir);
    auto write = [](const std::filesystem::path& path, const void* data, size_t size) {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f.write(static_cast<const char*>(data), std::streamsize(size));
        if (!f) throw std::runtime_error("cannot write " + path.string());
    };
    for (const auto& m : meshes) {
        const auto bytes = encode_glb(m.mesh, m.id);
        write(dir / (m.id + ".glb"), bytes.data(), bytes.size());
    }
    const std::string toml = atlas_toml(structures);
    write(dir / "atlas.toml", toml.data(), toml.size());
}

}  // namespace modelgen
