#include "ui/layout_file.hpp"

#include "core/atomic_file.hpp"

#include <imgui.h>

#include <fstream>
#include <iterator>

namespace psoas::ui {

namespace {
// A layout is a few kilobytes of window positions; anything bigger is not ours.
constexpr std::uintmax_t kMaxLayoutBytes = 1u << 20;
}  // namespace

void loadLayout(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > kMaxLayoutBytes) return;
    std::ifstream in(file, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    if (in.bad()) return;
    ImGui::LoadIniSettingsFromMemory(text.data(), text.size());
}

std::string saveLayoutIfChanged(const std::filesystem::path& file, bool force) {
    ImGuiIO& io = ImGui::GetIO();
    if (!force && !io.WantSaveIniSettings) return {};
    io.WantSaveIniSettings = false;  // tried once per change; a failure is reported, not retried every frame
    std::size_t size = 0;
    const char* text = ImGui::SaveIniSettingsToMemory(&size);
    return saveWholeFile(file, std::string_view(text, size));
}

}  // namespace psoas::ui
