#include "app/startup_trace.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace psoas::app {

namespace {
const auto kProcessStart = std::chrono::steady_clock::now();
}  // namespace

double millisecondsSinceStart() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - kProcessStart).count();
}

void traceStartup(const char* phase) {
    static const bool enabled = [] {
        const char* value = std::getenv("PSOAS_TRACE_STARTUP");
        return value && *value && std::string_view(value) != "0";
    }();
    if (enabled) std::fprintf(stderr, "startup: %7.1f ms  %s\n", millisecondsSinceStart(), phase);
}

}  // namespace psoas::app
