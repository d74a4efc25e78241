#include "render/glsl_dialect.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

// One GLSL source per shader serves the desktop and the browser: the context decides the dialect.

TEST(ShaderPreamble, desktop_core_context_gets_glsl_330_core) {
    const std::string preamble = render::shaderPreamble("4.5 (Core Profile) Mesa 22.3.6");
    EXPECT_EQ(preamble.rfind("#version 330 core\n", 0), 0U) << preamble;
    EXPECT_EQ(preamble.find("precision"), std::string::npos) << "desktop GLSL needs no precision";
}

TEST(ShaderPreamble, webgl2_context_gets_glsl_es_300_with_high_precision) {
    const std::string preamble = render::shaderPreamble("OpenGL ES 3.0 (WebGL 2.0 (OpenGL ES 3.0 Chromium))");
    EXPECT_EQ(preamble.rfind("#version 300 es\n", 0), 0U) << preamble;
    EXPECT_NE(preamble.find("precision highp float;"), std::string::npos);
    EXPECT_NE(preamble.find("precision highp isampler2D;"), std::string::npos) << "structure ids are integers";
}

TEST(ShaderPreamble, both_end_with_line_one_so_errors_name_the_line_in_the_file) {
    for (const char* version : {"3.3.0 NVIDIA", "OpenGL ES 3.2 Mesa"}) {
        const std::string preamble = render::shaderPreamble(version);
        ASSERT_GE(preamble.size(), 8U);
        EXPECT_EQ(preamble.substr(preamble.size() - 8), "#line 1\n") << version;
    }
}

}  // namespace
}  // namespace psoas
