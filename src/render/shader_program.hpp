#pragma once
// A linked GLSL program built from embedded shader files. Compile and link failures throw with
// the driver's log: a broken shader must stop the program loudly, never draw garbage.

#include "render/gl_handles.hpp"

#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace psoas::render {

class ShaderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ShaderProgram {
public:
    // Names are files in shaders/, e.g. "mesh.vert", "mesh.frag"; compiled with the
    // shaderPreamble() of the current context (render/glsl_dialect.hpp).
    ShaderProgram(std::string_view vertexFile, std::string_view fragmentFile);

    void use() const { glUseProgram(program_.get()); }
    [[nodiscard]] GLuint id() const { return program_.get(); }

    void set(const char* name, float value);
    void set(const char* name, int value);
    void set(const char* name, const glm::vec3& value);
    void set(const char* name, const glm::vec4& value);
    void set(const char* name, const glm::mat3& value);
    void set(const char* name, const glm::mat4& value);
    void setArray(const char* name, const glm::vec4* values, int count);
    void setArray(const char* name, const float* values, int count);

private:
    GLint location(const char* name);

    GlProgram program_;
    std::unordered_map<std::string, GLint> locations_;
};

}  // namespace psoas::render
