#pragma once
// What the viewer says on the terminal (standard error), one line per message, each starting with
// "psoas-atlas: " so a teacher can tell the viewer's lines from others in a shared terminal.

#include <string>

namespace psoas {
struct Scene;
}

namespace psoas::app {

void logLine(const std::string& text);

// A scene's notes (stand-ins, meshes that were repaired) and what its files held that was left
// out (Scene::leftOut), each on a line: the status line shows only the first.
void logSceneNotes(const Scene& scene);

}  // namespace psoas::app
