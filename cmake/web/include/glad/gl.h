#pragma once
// The browser build's stand-in for glad (third_party/glad is the desktop's loader): WebGL 2 is
// OpenGL ES 3.0, whose functions Emscripten links directly, so nothing is loaded at run time.
// It gives render/ the few names of glad's interface it uses, so render/ compiles unchanged.
// Only the browser build puts this folder on the include path (cmake/Web.cmake).

#include <GLES3/gl3.h>
#include <emscripten/html5_webgl.h>

#define GLAD_API_PTR
#define GLAD_MAKE_VERSION(major, minor) ((major) * 10000 + (minor))
#define GLAD_VERSION_MAJOR(version) ((version) / 10000)
#define GLAD_VERSION_MINOR(version) ((version) % 10000)

using GLADloadfunc = void* (*)(const char*);

// WebGL has no KHR_debug: its errors come through glGetError only. The names below exist so the
// desktop's debug set-up compiles; it returns before using them when GLAD_GL_KHR_debug is 0.
inline constexpr int GLAD_GL_KHR_debug = 0;
#define GL_CONTEXT_FLAGS 0x821E
#define GL_CONTEXT_FLAG_DEBUG_BIT 0x00000002
#define GL_DEBUG_OUTPUT 0x92E0
#define GL_DEBUG_OUTPUT_SYNCHRONOUS 0x8242
#define GL_DEBUG_TYPE_ERROR 0x824C
#define GL_DEBUG_SEVERITY_HIGH 0x9146
#define GL_DEBUG_SEVERITY_MEDIUM 0x9147
#define GL_DEBUG_SEVERITY_LOW 0x9148
#define GL_DEBUG_SEVERITY_NOTIFICATION 0x826B
using GLDEBUGPROC = void (*)(GLenum, GLenum, GLuint, GLenum, GLsizei, const GLchar*, const void*);
inline void glDebugMessageCallback(GLDEBUGPROC, const void*) {}
inline void glDebugMessageControl(GLenum, GLenum, GLenum, GLsizei, const GLuint*, GLboolean) {}

// Every function render/ calls is part of OpenGL ES 3.0, so a current WebGL 2 context serves the
// same set the desktop asks of GL 3.3 core; without one there is nothing to draw with.
inline int gladLoadGL(GLADloadfunc) {
    return emscripten_webgl_get_current_context() != 0 ? GLAD_MAKE_VERSION(3, 3) : 0;
}
