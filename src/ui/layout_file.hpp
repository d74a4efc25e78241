#pragma once
// The panel layout (ImGui's imgui.ini), kept in the config folder. ImGui's own writer truncates
// the file and writes it in place without checking, so a full disk left half a layout; this one
// writes it whole or not at all, and says why not.

#include <filesystem>
#include <string>

namespace psoas::ui {

// Reads a saved layout into the current ImGui context. A missing, oversized or unreadable file
// leaves the default layout; nothing to report, since the layout is only a convenience.
void loadLayout(const std::filesystem::path& file);

// Writes the layout when ImGui says it changed (or always, with `force`). "" when saved or when
// there was nothing to save, else the reason.
std::string saveLayoutIfChanged(const std::filesystem::path& file, bool force);

}  // namespace psoas::ui
