#include "app/invocation.hpp"

#include <cstdlib>
#include <string_view>

namespace psoas::app {

namespace {
bool plainShellWord(std::string_view word) {
    if (word.empty()) return false;
    for (const char c : word) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '/' || c == '.' || c == '_' || c == '+' || c == '-';
        if (!plain) return false;
    }
    return true;
}

std::string shellQuoted(std::string_view word) {
    if (plainShellWord(word)) return std::string(word);
    std::string quoted = "'";
    for (const char c : word) {
        if (c == '\'') quoted += "'\\''";  // close, an escaped quote, reopen
        else quoted += c;
    }
    return quoted + "'";
}
}  // namespace

std::string commandAsTyped(const char* argv0) {
    const char* launcher = std::getenv("PSOAS_ATLAS_COMMAND");
    if (launcher && *launcher) return shellQuoted(launcher);
    if (argv0 && *argv0) return shellQuoted(argv0);
    return "psoas-atlas";
}

std::string headlessHint(const std::string& command) {
    return "run it in a desktop session, or headless with Xvfb: xvfb-run -a " + command +
           ", or render an image: xvfb-run -a " + command + " --screenshot out.png";
}

}  // namespace psoas::app
