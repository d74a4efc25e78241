#include "app/terminal_log.hpp"

#include "core/scene.hpp"

#include <iostream>

namespace psoas::app {

void logLine(const std::string& text) { std::cerr << "psoas-atlas: " << text << '\n'; }

void logSceneNotes(const Scene& scene) {
    for (const auto* lines : {&scene.notes, &scene.leftOut})
        for (const std::string& line : *lines) logLine(line);
}

}  // namespace psoas::app
