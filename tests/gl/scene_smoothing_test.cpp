// The edge filter (render::SceneSmoothing, shaders/edge_filter.frag) must smooth stair-stepped
// edges and nothing else: flat areas and straight horizontal or vertical edges come out exactly as
// they went in, so text-like detail in the 3D view and the background stay crisp.
#include "gl/gl_test_context.hpp"
#include "render/gl_handles.hpp"
#include "render/offscreen_target.hpp"
#include "render/scene_smoothing.hpp"

#include <glad/gl.h>

#include <cstdint>
#include <vector>

namespace psoas::render {
namespace {

class SceneSmoothingTest : public test::GlTest {};

constexpr int kSize = 64;

// Left half: a 1-in-3 staircase edge between black (below) and white (above), the stepped
// silhouette a shallow slope gives. Right half: a straight horizontal edge.
std::vector<std::uint8_t> staircaseAndStraightEdge() {
    std::vector<std::uint8_t> rgba(kSize * kSize * 4);
    for (int y = 0; y < kSize; ++y)
        for (int x = 0; x < kSize; ++x) {
            const bool white = x < kSize / 2 ? y > 16 + x / 3 : y >= 32;
            for (int c = 0; c < 3; ++c) rgba[(y * kSize + x) * 4 + c] = white ? 255 : 0;
            rgba[(y * kSize + x) * 4 + 3] = 255;
        }
    return rgba;
}

// Draws `rgba` (rows from the bottom, as GL counts) through the smoothing in `mode`; returns what
// reaches the frame, rows from the bottom.
std::vector<std::uint8_t> throughSmoothing(const std::vector<std::uint8_t>& rgba, AntiAliasing mode, glm::ivec4 region) {
    GlTexture source = makeTexture();
    glBindTexture(GL_TEXTURE_2D, source.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kSize, kSize, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    GlFramebuffer sourceFramebuffer = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, sourceFramebuffer.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, source.get(), 0);

    OffscreenTarget frame(kSize, kSize);
    frame.bind();
    SceneSmoothing smoothing;
    smoothing.begin(mode, {kSize, kSize});
    // The "scene": the test picture copied into whatever buffer begin() bound.
    GLint sceneBuffer = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &sceneBuffer);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, sourceFramebuffer.get());
    glBlitFramebuffer(0, 0, kSize, kSize, 0, 0, kSize, kSize, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(sceneBuffer));
    smoothing.finish(region);

    std::vector<std::uint8_t> out(rgba.size());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    frame.bind();
    glReadPixels(0, 0, kSize, kSize, GL_RGBA, GL_UNSIGNED_BYTE, out.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return out;
}

int grey(const std::vector<std::uint8_t>& rgba, int x, int y) { return rgba[(y * kSize + x) * 4 + 1]; }

TEST_F(SceneSmoothingTest, stair_steps_are_smoothed_while_flat_areas_and_straight_edges_stay_exact) {
    const auto input = staircaseAndStraightEdge();
    const auto output = throughSmoothing(input, AntiAliasing::EdgeFilter, {0, 0, kSize, kSize});
    int softened = 0;
    for (int y = 1; y < kSize - 1; ++y)
        for (int x = 1; x < kSize - 1; ++x) {
            const int in = grey(input, x, y), out = grey(output, x, y);
            const bool nearStairs = x < kSize / 2 - 2 && std::abs(y - (16 + x / 3)) <= 2;
            if (nearStairs) {
                softened += out > 20 && out < 235;
                continue;
            }
            // Everything else, including the straight edge at y = 32 on the right, is untouched
            // (apart from the corner where the two edges meet in the middle: a real corner).
            const bool nearCorner = x >= kSize / 2 - 2 && x < kSize / 2 + 3 && y >= 24 && y <= 34;
            if (!nearCorner && (x >= kSize / 2 || std::abs(y - (16 + x / 3)) > 3)) EXPECT_EQ(out, in) << "at " << x << "," << y;
        }
    // Along the staircase (ten steps) the steps turn into ramps of in-between greys; without the
    // filter there would be none.
    EXPECT_GE(softened, 12);
}

TEST_F(SceneSmoothingTest, off_and_pixels_outside_the_region_are_copied_exactly) {
    const auto input = staircaseAndStraightEdge();
    EXPECT_EQ(throughSmoothing(input, AntiAliasing::Off, {0, 0, kSize, kSize}), input);
    // The filter works only where the model is; the rest of the frame is a plain copy.
    EXPECT_EQ(throughSmoothing(input, AntiAliasing::EdgeFilter, {kSize / 2 + 4, 0, kSize / 2 - 4, kSize}), input);
}

}  // namespace
}  // namespace psoas::render
