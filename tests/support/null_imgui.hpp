#pragma once

// A Dear ImGui context on the null backend for CPU tests of the ui layer: ProggyClean (ImGui's own
// font) with its atlas built, a 1280x720 display at 60 frames a second, and `keys` mapped as the
// GLFW backend maps them (the null backend maps none). Nothing is drawn; tests read the windows.

#include <imgui.h>

#include <initializer_list>

namespace psoas::test {

class NullImGui {
public:
    explicit NullImGui(std::initializer_list<ImGuiKey> keys) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        io.DisplaySize = {1280.0f, 720.0f};
        io.DeltaTime = 1.0f / 60.0f;
        for (const ImGuiKey key : keys) io.KeyMap[key] = 256 + key;
    }
    ~NullImGui() { ImGui::DestroyContext(); }
    NullImGui(const NullImGui&) = delete;
    NullImGui& operator=(const NullImGui&) = delete;
};

}  // namespace psoas::test
