// Numbers from docs/sources.md, right side, scene frame S
// (metres, +X subject's left, +Y up, +Z anterior, origin mid-ASIS).
#pragma once

#include "sdf.hpp"

#include <array>

namespace modelgen::facts {

// §3: landmarks (right side; mirror X for the left).
inline const Vec3 asis{-0.129, 0.018, 0.010};
inline const Vec3 psis{-0.045, 0.035, -0.155};
inline const Vec3 iliac_crest_highest{-0.076, 0.094, -0.087};
inline const Vec3 iliac_crest_lateral{-0.133, 0.020, -0.018};
inline const Vec3 ischial_tuberosity{-0.036, -0.121, -0.092};
inline const Vec3 hip_centre{-0.0835, -0.0661, -0.0707};
inline const Vec3 pelvic_brim_point{-0.076, -0.057, -0.024};
inline const Vec3 via_point_hip_capsule{-0.082, -0.081, -0.029};
inline const Vec3 iliacus_origin_fossa{-0.085, 0.037, -0.067};
inline const Vec3 lesser_trochanter{-0.094, -0.126, -0.090};
inline const Vec3 femoral_head_top{-0.084, -0.043, -0.071};
inline const Vec3 greater_trochanter{-0.126, -0.065, -0.098};
inline const Vec3 knee_centre{-0.084, -0.462, -0.075};
inline const Vec3 condyles_lowest{-0.084, -0.496, -0.071};
inline const Vec3 diaphragm_right_dome{-0.06, 0.32, -0.03};  // estimate (L)

// §4: femoral head radius 23.4 mm.
constexpr double femoral_head_radius = 23.4 * mm;

// §2: gait2392 psoas femur points converted to S (femur frame + hip centre).
inline const Vec3 psoas_femur_point{-0.0873, -0.1168, -0.0691};

// §3: disc centres, top (T12/L1) to bottom (L5/S1); x = 0.
constexpr std::array<double, 6> disc_y{0.211, 0.179, 0.150, 0.118, 0.084, 0.054};
constexpr std::array<double, 6> disc_z{-0.107, -0.095, -0.086, -0.079, -0.078, -0.088};
// §4: mean of anterior and posterior disc heights (anterior 7.9-12.6 mm, posterior 4.6-6.5 mm);
// T12/L1 is not listed and is taken a little thinner than L1/L2 (estimate).
constexpr std::array<double, 6> disc_mean_height{5.5 * mm, 6.3 * mm, 7.3 * mm, 8.4 * mm, 9.6 * mm, 9.6 * mm};

// §2: segmental psoas origins, right side, in S.
struct FascicleOrigin {
    const char* id;
    Vec3 position;
};
inline const std::array<FascicleOrigin, 11> psoas_origins{{
    {"origin_l1_body", {-0.020, 0.206, -0.107}},
    {"origin_l1_transverse_process", {-0.023, 0.198, -0.120}},
    {"origin_l1_l2_disc", {-0.021, 0.187, -0.098}},
    {"origin_l2_transverse_process", {-0.022, 0.169, -0.107}},
    {"origin_l2_l3_disc", {-0.021, 0.158, -0.083}},
    {"origin_l3_transverse_process", {-0.028, 0.140, -0.103}},
    {"origin_l3_l4_disc", {-0.021, 0.126, -0.077}},
    {"origin_l4_transverse_process", {-0.026, 0.111, -0.095}},
    {"origin_l4_l5_disc", {-0.021, 0.090, -0.074}},
    {"origin_l5_transverse_process", {-0.025, 0.083, -0.094}},
    {"origin_l5_body", {-0.019, 0.066, -0.078}},
}};

}  // namespace modelgen::facts
