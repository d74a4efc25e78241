#include "gl/gl_test_context.hpp"
#include "render/embedded_files.hpp"
#include "render/shader_program.hpp"

#include <set>
#include <string>

namespace psoas {
namespace {

using ShaderTest = test::GlTest;

TEST_F(ShaderTest, every_shader_in_the_shaders_folder_compiles_and_links) {
    if (!window_) return;
    std::set<std::string> stems;
    for (std::string_view name : render::embeddedFileNames()) stems.insert(std::string(name.substr(0, name.rfind('.'))));
    ASSERT_FALSE(stems.empty());
    for (const std::string& stem : stems) {
        ASSERT_TRUE(render::findEmbeddedFile(stem + ".vert")) << stem << ".vert missing";
        ASSERT_TRUE(render::findEmbeddedFile(stem + ".frag")) << stem << ".frag missing";
        EXPECT_NO_THROW(render::ShaderProgram(stem + ".vert", stem + ".frag")) << stem;
    }
}

TEST_F(ShaderTest, a_shader_that_is_not_embedded_throws_with_its_name) {
    if (!window_) return;
    try {
        render::ShaderProgram program("missing.vert", "mesh.frag");
        FAIL() << "expected ShaderError";
    } catch (const render::ShaderError& e) {
        EXPECT_NE(std::string(e.what()).find("missing.vert"), std::string::npos);
    }
}

}  // namespace
}  // namespace psoas
