#include "core/settings.hpp"

#include "core/atomic_file.hpp"
#include "core/name_table.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>

namespace psoas {

namespace {
// The window's export choice: only what the export offers is taken, the size only as a pair (a
// hand-edited 1920x720 keeps 1920x1080, a transparent background keeps dark).
void readSlideExport(const toml::table& root, SlideFormat& format) {
    const auto width = root["export_width"].value_exact<int64_t>();
    const auto height = root["export_height"].value_exact<int64_t>();
    if (width && height && std::abs(*width) < 100000 && std::abs(*height) < 100000)
        if (const glm::ivec2 size{static_cast<int>(*width), static_cast<int>(*height)}; slideSizeIndex(size)) format.size = size;
    if (auto name = root["export_background"].value_exact<std::string>())
        if (auto background = backgroundFrom(*name); background && slideBackgroundOffered(*background)) format.background = *background;
}
}  // namespace

LoadedSettings parseSettings(std::string_view text, const std::filesystem::path& file) {
    LoadedSettings loaded;
    toml::table root;
    try {
        root = toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        loaded.warning = file.string() + ":" + std::to_string(e.source().begin.line) + ":" +
                         std::to_string(e.source().begin.column) + ": settings file is damaged (" +
                         std::string(e.description()) + "); using the defaults";
        return loaded;
    }
    Settings& s = loaded.settings;
    // Each value is taken only when it has the right type and a sensible range; anything else
    // keeps its default, so a hand-edited file cannot put the window off screen or the text at 0.
    if (auto scale = root["ui_scale"].value<double>(); scale && *scale >= 1.0 && *scale <= 3.0) s.uiScale = static_cast<float>(*scale);
    if (auto lesson = root["last_lesson"].value_exact<std::string>(); lesson && lesson->size() < 200) s.lastLesson = *lesson;
    if (auto step = root["last_step"].value_exact<int64_t>(); step && *step >= 0 && *step < 10000) s.lastStep = static_cast<int>(*step);
    // The window's place is taken only as a pair: half a position cannot place a window.
    const auto x = root["window_x"].value_exact<int64_t>();
    const auto y = root["window_y"].value_exact<int64_t>();
    if (x && y && std::abs(*x) < 100000 && std::abs(*y) < 100000) {
        s.windowX = static_cast<int>(*x);
        s.windowY = static_cast<int>(*y);
    }
    if (auto w = root["window_width"].value_exact<int64_t>(); w && *w >= 320 && *w <= 16384) s.windowWidth = static_cast<int>(*w);
    if (auto h = root["window_height"].value_exact<int64_t>(); h && *h >= 240 && *h <= 16384) s.windowHeight = static_cast<int>(*h);
    if (auto name = root["screenshot_background"].value_exact<std::string>())
        if (auto background = backgroundFrom(*name)) s.screenshotBackground = *background;
    if (auto edges = root["anti_aliasing"].value_exact<std::string>())
        if (auto mode = antiAliasingFrom(*edges)) s.antiAliasing = *mode;
    readSlideExport(root, s.slideExport);
    return loaded;
}

LoadedSettings loadSettings(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return {};  // first run: defaults, nothing to say
    if (!std::filesystem::is_regular_file(file, ec) || std::filesystem::file_size(file, ec) > (1u << 16))
        return {{}, file.string() + ": not a settings file; using the defaults", true};
    std::ifstream in(file, std::ios::binary);
    if (!in) return {{}, file.string() + ": cannot be read; using the defaults", true};
    std::ostringstream text;
    text << in.rdbuf();
    LoadedSettings loaded = parseSettings(text.str(), file);
    loaded.found = true;
    return loaded;
}


namespace {
// A TOML basic string ("…") holding `text` exactly: backslash, quote and every control character
// escaped. toml++'s own formatter wrote a lesson id holding a line break, quotes and a run of
// apostrophes in a form that read back as another string (found by fuzz_settings, session 10).
std::string basicString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7F) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(byte));
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + '"';
}
}  // namespace

std::string serialiseSettings(const Settings& s) {
    std::ostringstream out;
    out << "# Psoas Atlas settings, written by the program. Safe to delete: the defaults come back.\n";
    // max_digits10 so the scale reads back as exactly the same float (found by fuzz_settings).
    if (s.uiScale > 0.0f)
        out << "ui_scale = " << std::setprecision(std::numeric_limits<float>::max_digits10) << s.uiScale << '\n';
    if (!s.lastLesson.empty()) out << "last_lesson = " << basicString(s.lastLesson) << '\n';
    out << "last_step = " << s.lastStep << '\n';
    if (s.windowX && s.windowY) out << "window_x = " << *s.windowX << "\nwindow_y = " << *s.windowY << '\n';
    out << "window_width = " << s.windowWidth << "\nwindow_height = " << s.windowHeight << '\n';
    out << "screenshot_background = \"" << toString(s.screenshotBackground) << "\"  # " << joinedNames(kBackgroundNames, " | ") << '\n';
    out << "anti_aliasing = \"" << toString(s.antiAliasing) << "\"  # " << joinedNames(kAntiAliasingNames, " | ") << '\n';
    out << "export_width = " << s.slideExport.size.x << "\nexport_height = " << s.slideExport.size.y << '\n';
    out << "export_background = \"" << toString(s.slideExport.background) << "\"  # dark | white\n";
    return out.str();
}

std::string saveSettings(const Settings& settings, const std::filesystem::path& file) {
    std::error_code ec;
    if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) return "cannot create the folder " + file.parent_path().string() + ": " + ec.message();
    return saveWholeFile(file, serialiseSettings(settings));
}

}  // namespace psoas
