#pragma once
// What the viewer shows first, as the command line asked: --lesson ID and --step N (else the first
// lesson that can be opened, at its first step), --view, and --pose (that pose on its own). Goes
// through Application's public actions only, so a window, an image or a script start alike.

#include "app/command_line.hpp"

namespace psoas::app {

class Application;

// Throws UsageError, with a guess at what was meant, for a lesson, step or pose that does not exist.
void showFirstView(Application& app, const Options& options);

}  // namespace psoas::app
