#pragma once
// The published hip geometries the psoas and iliacus lengths can be computed with. Published
// models disagree on where the hip flexors cross the hip, so the same pose gives them different
// lengths and moment arms; offering more than one shows students how much the answer depends on
// the model. The viewer draws the muscles with the default; its Motion tab computes its numbers
// with the one the teacher chooses (MotionState::reference), as `psoas-atlas --measure --reference
// NAME` does.

#include "core/motion/muscle_path.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace psoas {

enum class HipReference { Gait2392, Rajagopal2016 };

struct HipReferenceInfo {
    HipReference id;
    std::string_view name;         // the command line's spelling: "gait2392"
    std::string_view description;  // one line: what the paths are and where they come from
};

// Every reference, the default (gait2392) first.
[[nodiscard]] const std::vector<HipReferenceInfo>& hipReferences();
[[nodiscard]] std::optional<HipReference> hipReferenceFromName(std::string_view name);

// psoas_major_r, psoas_major_l, iliacus_r, iliacus_l, in that order, with the reference's paths:
// - Gait2392: the 11 Christophy 2012 psoas fascicles over gait2392's hip points, and gait2392's
//   lumped iliacus (exactly hipFlexorMuscles(skeleton, rightPsoasLandmarks)).
// - Rajagopal2016: one lumped psoas and one lumped iliacus per side, four points each, turning
//   about that model's own hip centre (placed relative to the skeleton's hip centre, so the femur
//   carries it), with no conditional via point (see hip_reference.cpp); the landmarks are unused.
// Throws std::invalid_argument as hipFlexorMuscles(skeleton, landmarks) does.
[[nodiscard]] std::vector<Muscle> hipFlexorMuscles(HipReference reference, const Skeleton& skeleton,
                                                   const std::vector<Landmark>& rightPsoasLandmarks);

}  // namespace psoas
