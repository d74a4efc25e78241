#include "render/glsl_dialect.hpp"

#include <glad/gl.h>

namespace psoas::render {

namespace {
bool isOpenGlEs(std::string_view glVersion) { return glVersion.substr(0, 9) == "OpenGL ES"; }

std::string_view versionLine(std::string_view glVersion) {
    return isOpenGlEs(glVersion) ? "#version 300 es" : "#version 330 core";
}

std::string_view contextVersion() {
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return version ? version : "";
}
}  // namespace

std::string shaderPreamble(std::string_view glVersion) {
    std::string preamble(versionLine(glVersion));
    preamble += '\n';
    if (isOpenGlEs(glVersion))
        preamble +=
            "precision highp float;\n"
            "precision highp int;\n"
            "precision highp sampler2D;\n"
            "precision highp isampler2D;\n";
    return preamble + "#line 1\n";
}

std::string currentGlslVersion() { return std::string(versionLine(contextVersion())); }

}  // namespace psoas::render
