#include "render/shader_program.hpp"

#include "render/embedded_files.hpp"
#include "render/glsl_dialect.hpp"

#include <glm/gtc/type_ptr.hpp>

#include <array>
#include <vector>

namespace psoas::render {

namespace {
std::string infoLog(GLuint object, bool isProgram) {
    GLint length = 0;
    isProgram ? glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length) : glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    isProgram ? glGetProgramInfoLog(object, length, nullptr, log.data())
              : glGetShaderInfoLog(object, length, nullptr, log.data());
    return std::string(log.data());
}

GlShader compile(GLenum stage, std::string_view file) {
    const auto source = findEmbeddedFile(file);
    if (!source) throw ShaderError("shader '" + std::string(file) + "' is not embedded in this build");
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    const std::string preamble = shaderPreamble(version ? version : "");
    GlShader shader(glCreateShader(stage));
    const std::array<const char*, 2> texts{preamble.data(), source->data()};
    const std::array<GLint, 2> lengths{static_cast<GLint>(preamble.size()), static_cast<GLint>(source->size())};
    glShaderSource(shader.get(), 2, texts.data(), lengths.data());
    glCompileShader(shader.get());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) throw ShaderError("shader '" + std::string(file) + "' failed to compile:\n" + infoLog(shader.get(), false));
    return shader;
}
}  // namespace

ShaderProgram::ShaderProgram(std::string_view vertexFile, std::string_view fragmentFile) {
    const GlShader vertex = compile(GL_VERTEX_SHADER, vertexFile);
    const GlShader fragment = compile(GL_FRAGMENT_SHADER, fragmentFile);
    program_ = GlProgram(glCreateProgram());
    glAttachShader(program_.get(), vertex.get());
    glAttachShader(program_.get(), fragment.get());
    glLinkProgram(program_.get());
    GLint ok = GL_FALSE;
    glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE)
        throw ShaderError("program '" + std::string(vertexFile) + "' + '" + std::string(fragmentFile) +
                          "' failed to link:\n" + infoLog(program_.get(), true));
    glDetachShader(program_.get(), vertex.get());
    glDetachShader(program_.get(), fragment.get());
}

GLint ShaderProgram::location(const char* name) {
    auto it = locations_.find(name);
    if (it == locations_.end()) it = locations_.emplace(name, glGetUniformLocation(program_.get(), name)).first;
    return it->second;
}

void ShaderProgram::set(const char* name, float value) { glUniform1f(location(name), value); }
void ShaderProgram::set(const char* name, int value) { glUniform1i(location(name), value); }
void ShaderProgram::set(const char* name, const glm::vec3& value) { glUniform3fv(location(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(const char* name, const glm::vec4& value) { glUniform4fv(location(name), 1, glm::value_ptr(value)); }
void ShaderProgram::set(const char* name, const glm::mat3& value) {
    glUniformMatrix3fv(location(name), 1, GL_FALSE, glm::value_ptr(value));
}
void ShaderProgram::setArray(const char* name, const glm::vec4* values, int count) {
    if (count > 0) glUniform4fv(location(name), count, glm::value_ptr(values[0]));
}
void ShaderProgram::setArray(const char* name, const float* values, int count) {
    if (count > 0) glUniform1fv(location(name), count, values);
}
void ShaderProgram::set(const char* name, const glm::mat4& value) {
    glUniformMatrix4fv(location(name), 1, GL_FALSE, glm::value_ptr(value));
}

}  // namespace psoas::render
