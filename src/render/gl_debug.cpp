#include "render/gl_debug.hpp"

#include <glad/gl.h>

#include <cstdio>
#include <mutex>
#include <utility>

namespace psoas::render {

namespace {
std::mutex gMutex;
GlDebugStats gStats;
std::function<void(const std::string&)> gLog;

void recordError(const std::string& text) {
    std::lock_guard lock(gMutex);
    if (gStats.errors++ == 0) gStats.firstError = text;
}

const char* severityName(GLenum severity) {
    switch (severity) {
        case GL_DEBUG_SEVERITY_HIGH: return "high";
        case GL_DEBUG_SEVERITY_MEDIUM: return "medium";
        case GL_DEBUG_SEVERITY_LOW: return "low";
        default: return "note";
    }
}

void GLAD_API_PTR onDebugMessage(GLenum, GLenum type, GLuint id, GLenum severity, GLsizei, const GLchar* message,
                                 const void*) {
    // Notifications (buffer placement hints and the like) are chatter, not problems.
    if (severity == GL_DEBUG_SEVERITY_NOTIFICATION) return;
    const std::string text = std::string("GL ") + (type == GL_DEBUG_TYPE_ERROR ? "error" : "debug") + " [" +
                             severityName(severity) + ", id " + std::to_string(id) + "]: " + message;
    if (type == GL_DEBUG_TYPE_ERROR) recordError(text);
    if (gLog) gLog(text);
}
}  // namespace

bool loadGl(void* (*getProcAddress)(const char*)) {
    const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(getProcAddress));
    return version != 0 && (GLAD_VERSION_MAJOR(version) > 3 ||
                            (GLAD_VERSION_MAJOR(version) == 3 && GLAD_VERSION_MINOR(version) >= 3));
}

void installGlDebugOutput(std::function<void(const std::string&)> log) {
    gLog = std::move(log);
    // Without KHR_debug (WebGL 2) GL_CONTEXT_FLAGS is not a name the context knows: asking would
    // itself raise GL_INVALID_ENUM.
    if (!GLAD_GL_KHR_debug) return;
    GLint flags = 0;
    glGetIntegerv(GL_CONTEXT_FLAGS, &flags);
    if (!(flags & GL_CONTEXT_FLAG_DEBUG_BIT)) return;
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(onDebugMessage, nullptr);
    glDebugMessageControl(GL_DONT_CARE, GL_DONT_CARE, GL_DONT_CARE, 0, nullptr, GL_TRUE);
}

GlDebugStats glDebugStats() {
    // Errors raised without a debug context only show up through glGetError.
    for (GLenum code = glGetError(); code != GL_NO_ERROR; code = glGetError())
        recordError("glGetError returned 0x" + [&] {
            char hex[16];  // a GLenum is 32 bits: up to eight hex digits
            std::snprintf(hex, sizeof hex, "%04X", code);
            return std::string(hex);
        }());
    std::lock_guard lock(gMutex);
    return gStats;
}

void resetGlDebugStats() {
    glDebugStats();  // drain pending glGetError codes
    std::lock_guard lock(gMutex);
    gStats = {};
}

}  // namespace psoas::render
