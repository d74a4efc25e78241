#pragma once
// The built-in atlas (models/atlas.toml) and what the pose model reads from it, loaded once for
// the tests that exercise the motion code directly.

#include "core/atlas.hpp"
#include "core/motion/muscle_path.hpp"
#include "core/motion/skeleton.hpp"

#include <vector>

namespace psoas::test {

const Atlas& builtInAtlas();
const Skeleton& builtInSkeleton();
const std::vector<Landmark>& rightPsoasLandmarks();  // holds the fascicle origins
std::vector<Muscle> builtInMuscles();                // psoas_major_r, psoas_major_l, iliacus_r, iliacus_l
BodyTransforms solveBuiltIn(const Pose& pose);       // solveSkeleton(builtInSkeleton(), pose)

}  // namespace psoas::test
