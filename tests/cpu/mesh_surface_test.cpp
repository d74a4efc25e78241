// isClosedOutwardSurface decides which meshes the renderer draws without back faces, so a wrong
// "closed" would punch holes in a model and a wrong "open" only costs speed. Both ways are tested.
#include "core/atlas.hpp"
#include "core/mesh.hpp"
#include "core/scene.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace psoas {
namespace {

// A unit cube with 24 vertices (each face its own four, as exporters write flat-shaded boxes), so
// the closed test has to weld positions across the seams.
MeshData flatShadedCube() {
    MeshData mesh;
    const glm::vec3 axes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    for (int axis = 0; axis < 3; ++axis)
        for (float side : {-1.0f, 1.0f}) {
            const glm::vec3 n = axes[axis] * side;
            const glm::vec3 u = axes[(axis + 1) % 3], v = axes[(axis + 2) % 3];
            const auto base = static_cast<std::uint32_t>(mesh.positions.size());
            for (const auto& [a, b] : {std::pair{-1.0f, -1.0f}, {1.0f, -1.0f}, {1.0f, 1.0f}, {-1.0f, 1.0f}}) {
                mesh.positions.push_back(0.5f * (n + a * u + b * v));
                mesh.normals.push_back(n);
            }
            // u x v = n for side +1: counter-clockwise from outside; flip the order for side -1.
            const std::uint32_t order[6] = {0, 1, 2, 0, 2, 3};
            for (std::uint32_t k : order) mesh.indices.push_back(base + (side > 0 ? k : (k == 1 ? 3 : k == 3 ? 1 : k)));
        }
    for (const auto& p : mesh.positions) mesh.bounds.include(p);
    return mesh;
}

TEST(MeshSurface, a_closed_cube_wound_outward_is_closed_even_with_split_seams) {
    EXPECT_TRUE(isClosedOutwardSurface(flatShadedCube()));
    MeshData withSliver = flatShadedCube();
    withSliver.indices.insert(withSliver.indices.end(), {0, 0, 1});  // zero area: nothing to see
    EXPECT_TRUE(isClosedOutwardSurface(withSliver));
}

TEST(MeshSurface, an_open_inside_out_or_inconsistently_wound_mesh_is_not) {
    MeshData open = flatShadedCube();
    open.indices.resize(open.indices.size() - 3);  // one triangle missing: a hole
    EXPECT_FALSE(isClosedOutwardSurface(open));

    MeshData insideOut = flatShadedCube();
    for (std::size_t t = 0; t < insideOut.indices.size(); t += 3) std::swap(insideOut.indices[t + 1], insideOut.indices[t + 2]);
    EXPECT_FALSE(isClosedOutwardSurface(insideOut));

    MeshData mixed = flatShadedCube();
    std::swap(mixed.indices[1], mixed.indices[2]);  // one face's first triangle turned round
    EXPECT_FALSE(isClosedOutwardSurface(mixed));

    MeshData outOfRange = flatShadedCube();
    outOfRange.indices[0] = 9999;
    EXPECT_FALSE(isClosedOutwardSurface(outOfRange));
    EXPECT_FALSE(isClosedOutwardSurface(MeshData{}));
}

// Every built-in mesh is a closed surface wound outward, so the renderer may skip the back faces of
// all of them (half the triangles on software GL). A generator change that opens one fails here.
TEST(MeshSurface, every_built_in_mesh_is_closed_and_wound_outward) {
    const Scene scene = loadScene(loadAtlas(psoas::test::sourceDirectory() / "models/atlas.toml"));
    ASSERT_FALSE(scene.structures.empty());
    for (const SceneStructure& s : scene.structures) EXPECT_TRUE(isClosedOutwardSurface(s.mesh)) << s.info.id;
}

}  // namespace
}  // namespace psoas
