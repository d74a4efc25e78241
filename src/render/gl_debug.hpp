#pragma once
// Routes the driver's KHR_debug messages to the log and counts GL errors, so tests can fail on
// any error and users' logs say what the driver complained about.

#include <cstddef>
#include <functional>
#include <string>

namespace psoas::render {

struct GlDebugStats {
    std::size_t errors = 0;    // GL_DEBUG_TYPE_ERROR messages and glGetError codes
    std::string firstError;    // kept for test failure messages
};

// Loads GL functions for the current context with glad. Returns false when they cannot be loaded
// or the context is older than 3.3.
bool loadGl(void* (*getProcAddress)(const char*));

// Installs the debug callback (when the context has KHR_debug) and turns on synchronous output so
// a message points at the call that caused it. `log` receives every message worth showing.
void installGlDebugOutput(std::function<void(const std::string&)> log);

// Errors seen since the last reset, including any pending glGetError codes.
GlDebugStats glDebugStats();
void resetGlDebugStats();

}  // namespace psoas::render
