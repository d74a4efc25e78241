#pragma once
// Move-only owners of OpenGL object names: a GL object is deleted exactly once, when its owner
// goes, and can never be used after that by accident.

#include <glad/gl.h>

#include <utility>

namespace psoas::render {

template <void (*Delete)(GLuint)>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint name) : name_(name) {}
    ~GlHandle() { reset(); }
    GlHandle(GlHandle&& other) noexcept : name_(std::exchange(other.name_, 0)) {}
    GlHandle& operator=(GlHandle&& other) noexcept {
        if (this != &other) {
            reset();
            name_ = std::exchange(other.name_, 0);
        }
        return *this;
    }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;

    [[nodiscard]] GLuint get() const { return name_; }
    explicit operator bool() const { return name_ != 0; }
    void reset() {
        if (name_ != 0) Delete(name_);
        name_ = 0;
    }

private:
    GLuint name_ = 0;
};

namespace detail {
inline void deleteBuffer(GLuint n) { glDeleteBuffers(1, &n); }
inline void deleteVertexArray(GLuint n) { glDeleteVertexArrays(1, &n); }
inline void deleteTexture(GLuint n) { glDeleteTextures(1, &n); }
inline void deleteFramebuffer(GLuint n) { glDeleteFramebuffers(1, &n); }
inline void deleteRenderbuffer(GLuint n) { glDeleteRenderbuffers(1, &n); }
inline void deleteShader(GLuint n) { glDeleteShader(n); }
inline void deleteProgram(GLuint n) { glDeleteProgram(n); }
}  // namespace detail

using GlBuffer = GlHandle<detail::deleteBuffer>;
using GlVertexArray = GlHandle<detail::deleteVertexArray>;
using GlTexture = GlHandle<detail::deleteTexture>;
using GlFramebuffer = GlHandle<detail::deleteFramebuffer>;
using GlRenderbuffer = GlHandle<detail::deleteRenderbuffer>;
using GlShader = GlHandle<detail::deleteShader>;
using GlProgram = GlHandle<detail::deleteProgram>;

inline GlBuffer makeBuffer() { GLuint n = 0; glGenBuffers(1, &n); return GlBuffer(n); }
inline GlVertexArray makeVertexArray() { GLuint n = 0; glGenVertexArrays(1, &n); return GlVertexArray(n); }
inline GlTexture makeTexture() { GLuint n = 0; glGenTextures(1, &n); return GlTexture(n); }
inline GlFramebuffer makeFramebuffer() { GLuint n = 0; glGenFramebuffers(1, &n); return GlFramebuffer(n); }
inline GlRenderbuffer makeRenderbuffer() { GLuint n = 0; glGenRenderbuffers(1, &n); return GlRenderbuffer(n); }

}  // namespace psoas::render
