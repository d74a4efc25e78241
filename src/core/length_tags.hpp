#pragma once
// Length tags (issue 13): the live length of each psoas and iliacus, in mm and as a share of its
// standing length, shown as a label on the muscle in the 3D view, in presenter mode and on slides.
// The numbers are the Motion tab's readouts (the chosen hip reference), never exaggerated.

#include "core/scene_motion.hpp"

#include <array>
#include <string>
#include <string_view>

namespace psoas {

// The muscles that carry a tag, in the order they are added.
inline constexpr std::array<std::string_view, 4> kLengthTagMuscles{"psoas_major_r", "psoas_major_l", "iliacus_r", "iliacus_l"};

// "287 mm, 90 % of standing": whole millimetres and whole percent, readable across a room.
[[nodiscard]] std::string lengthTagText(const MuscleReadout& readout);

}  // namespace psoas
