// libFuzzer target: psoas::parseSettings on arbitrary text. The settings file lives in the user's
// config folder and may be hand-edited, cut short by a full disk or overwritten by another program;
// whatever it holds, parsing must return settings (with at most a warning), never throw or crash.
// It also checks the property the viewer relies on between sessions: settings that were read back
// and written again read back the same.
#include "core/settings.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

bool sameSettings(const psoas::Settings& a, const psoas::Settings& b) {
    return a.uiScale == b.uiScale && a.lastLesson == b.lastLesson && a.lastStep == b.lastStep &&
           a.windowX == b.windowX && a.windowY == b.windowY && a.windowWidth == b.windowWidth &&
           a.windowHeight == b.windowHeight && a.screenshotBackground == b.screenshotBackground && a.antiAliasing == b.antiAliasing &&
           a.slideExport == b.slideExport;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > (1u << 16)) return -1;  // loadSettings refuses larger files before parsing
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const psoas::LoadedSettings first = psoas::parseSettings(text, "settings.toml");
    const psoas::LoadedSettings again =
        psoas::parseSettings(psoas::serialiseSettings(first.settings), "settings.toml");
    // A written file must always read back cleanly and unchanged.
    if (!again.warning.empty() || !sameSettings(first.settings, again.settings)) std::abort();
    return 0;
}
