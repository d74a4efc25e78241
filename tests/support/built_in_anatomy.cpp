#include "support/built_in_anatomy.hpp"
#include "support/test_paths.hpp"

#include <stdexcept>

namespace psoas::test {

const Atlas& builtInAtlas() {
    static const Atlas atlas = loadAtlas(psoas::test::sourceDirectory() / "models" / "atlas.toml");
    return atlas;
}

const Skeleton& builtInSkeleton() {
    static const Skeleton skeleton(builtInAtlas().joints);
    return skeleton;
}

const std::vector<Landmark>& rightPsoasLandmarks() {
    for (const StructureInfo& structure : builtInAtlas().structures)
        if (structure.id == kRightPsoasId) return structure.landmarks;
    throw std::logic_error("the built-in atlas has no right psoas major");
}

std::vector<Muscle> builtInMuscles() { return hipFlexorMuscles(builtInSkeleton(), rightPsoasLandmarks()); }

BodyTransforms solveBuiltIn(const Pose& pose) { return solveSkeleton(builtInSkeleton(), pose); }

}  // namespace psoas::test
