#pragma once
// Which GLSL the current context speaks. One source per shader serves the desktop (OpenGL 3.3
// core) and the browser (WebGL 2 = OpenGL ES 3.0): the version line is chosen when the shader is
// loaded, from the context, never by a build flag. No GL types here: app/ asks it for Dear
// ImGui's backend.

#include <string>
#include <string_view>

namespace psoas::render {

// The lines put before every shader file, which has no #version of its own: one GLSL source serves
// both targets. `glVersion` is the context's GL_VERSION string; an OpenGL ES context (WebGL 2 in
// the browser reports "OpenGL ES 3.0 (WebGL 2.0 ...)") gets "#version 300 es" with high precision
// as the default for floats, integers and samplers, any other gets "#version 330 core". Both end
// with "#line 1", so a compile error names the line of the file as it is in shaders/.
[[nodiscard]] std::string shaderPreamble(std::string_view glVersion);

// The "#version" line alone (no newline) for the current context, for shaders compiled elsewhere
// (Dear ImGui's OpenGL 3 backend): "#version 330 core" or "#version 300 es".
[[nodiscard]] std::string currentGlslVersion();

}  // namespace psoas::render
