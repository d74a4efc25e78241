#include "app/ui_backend.hpp"

#include "core/key.hpp"
#include "render/glsl_dialect.hpp"
#include "ui/viewer_panels.hpp"
#include "ui/wrapped_text_field.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <fstream>
#include <iterator>
#include <system_error>

namespace psoas::app {

UiBackend::~UiBackend() {
    if (!started_) return;
    ImGuiContext* current = ImGui::GetCurrentContext();
    makeCurrent();
    ImGui_ImplOpenGL3_Shutdown();
    if (withInput_) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(context_);
    if (current != context_) ImGui::SetCurrentContext(current);  // another screen's stays usable
}

void UiBackend::makeCurrent() const { ImGui::SetCurrentContext(context_); }

std::string UiBackend::startWithoutInput(float scale, const UiBackend& glyphsOf) {
    withInput_ = false;
    glyphSource_ = &glyphsOf;
    sourceRevision_ = glyphsOf.glyphRevision_;
    glyphs_ = glyphsOf.glyphs_;
    return start(nullptr, scale);
}

std::string UiBackend::start(GLFWwindow* window, float scale) {
    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    // No imgui.ini: every panel is placed by the program from the window size and UI scale, so
    // there is no layout to keep, and ImGui would write the file into the working directory.
    ImGui::GetIO().IniFilename = nullptr;
    builtScale_ = scale;
    ui::applyViewerStyle(builtScale_);
    fonts_ = ui::loadFonts(builtScale_, glyphs_);
    glyphsAdded_ = false;
    if (window) ImGui_ImplGlfw_InitForOpenGL(window, true);
    ui::copyWithoutSoftBreaks();
    ImGui_ImplOpenGL3_Init(render::currentGlslVersion().c_str());  // 330 core, or 300 es in a browser
    started_ = true;
    return fonts_.warning;
}

void UiBackend::cover(std::string_view text) {
    if (glyphs_.add(text)) {
        glyphsAdded_ = true;
        ++glyphRevision_;
    }
}

void UiBackend::coverFile(const std::filesystem::path& file) {
    cover(file.string());
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) > (1u << 20) || ec) return;  // too big to be shown: the loader refuses it
    std::ifstream in(file, std::ios::binary);
    cover(std::string(std::istreambuf_iterator<char>(in), {}));
}

void UiBackend::newFrame(float scale, glm::vec2 displaySize, glm::vec2 framebufferScale, UiPointer* pointer) {
    makeCurrent();
    if (glyphSource_ && glyphSource_->glyphRevision_ != sourceRevision_) {
        sourceRevision_ = glyphSource_->glyphRevision_;
        glyphs_ = glyphSource_->glyphs_;
        glyphsAdded_ = true;
    }
    if (builtScale_ != scale || glyphsAdded_) {
        // Fonts are rasterised at the size they are shown, so text stays crisp at every scale.
        builtScale_ = scale;
        glyphsAdded_ = false;
        ui::applyViewerStyle(builtScale_);
        fonts_ = ui::loadFonts(builtScale_, glyphs_);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();  // uploads the font atlas the first time
    ImGuiIO& io = ImGui::GetIO();
    if (withInput_) ImGui_ImplGlfw_NewFrame();
    else io.DeltaTime = 1.0f / 60.0f;  // nothing here animates with time that a viewer would see
    io.Fonts->ClearTexData();  // the atlas is on the GPU now: its CPU copies are dead weight
    io.DisplaySize = {displaySize.x, displaySize.y};
    io.DisplayFramebufferScale = {framebufferScale.x, framebufferScale.y};
    if (withInput_ && !pointer) handOverPresses();
    if (pointer) {
        io.MousePos = {pointer->position.x, pointer->position.y};
        for (int i = 0; i < 3; ++i) io.MouseDown[i] = pointer->down[i];
        handOver(*pointer);
    }
    ImGui::NewFrame();
}

// The real window's buttons and keys, one change per frame each (the GLFW backend's callbacks set
// the same fields as events arrive; these replace them before the frame reads them).
void UiBackend::handOverPresses() {
    ImGuiIO& io = ImGui::GetIO();
    presses_.nextFrame();
    for (int i = 0; i < 3; ++i) io.MouseDown[i] = presses_.down(kButtonSlot + i);
    // A click handed over late (behind typing) lands where it was made, not where the pointer is now.
    if (const auto& at = presses_.pointer()) io.MousePos = {at->first, at->second};
    constexpr int kKeys = static_cast<int>(sizeof io.KeysDown / sizeof io.KeysDown[0]);
    for (const auto& [key, down] : presses_.states())
        if (key >= 0 && key < kKeys) io.KeysDown[key] = down;
    io.KeyCtrl = presses_.down(GLFW_KEY_LEFT_CONTROL) || presses_.down(GLFW_KEY_RIGHT_CONTROL);
    io.KeyShift = presses_.down(GLFW_KEY_LEFT_SHIFT) || presses_.down(GLFW_KEY_RIGHT_SHIFT);
    io.KeyAlt = presses_.down(GLFW_KEY_LEFT_ALT) || presses_.down(GLFW_KEY_RIGHT_ALT);
    io.KeySuper = presses_.down(GLFW_KEY_LEFT_SUPER) || presses_.down(GLFW_KEY_RIGHT_SUPER);
    for (const char32_t c : presses_.typed()) io.AddInputCharacter(static_cast<unsigned int>(c));
}

// ImGui 1.86 reads keys as io.KeysDown indexed by the GLFW codes its backend mapped (io.KeyMap).
void UiBackend::handOver(UiPointer& pointer) {
    ImGuiIO& io = ImGui::GetIO();
    constexpr int kKeys = static_cast<int>(sizeof io.KeysDown / sizeof io.KeysDown[0]);
    for (const int key : keysDown_) io.KeysDown[key] = false;
    keysDown_.clear();
    for (const int key : pointer.keys)
        if (key >= 0 && key < kKeys) {
            io.KeysDown[key] = true;
            keysDown_.push_back(key);
        }
    const bool held = !keysDown_.empty();
    io.KeyCtrl = held && (pointer.mods & modifier::Control) != 0;
    io.KeyShift = held && (pointer.mods & modifier::Shift) != 0;
    io.KeyAlt = held && (pointer.mods & modifier::Alt) != 0;
    io.AddInputCharactersUTF8(pointer.text.c_str());
    io.MouseWheel += pointer.wheel;
    pointer.keys.clear();
    pointer.text.clear();
    pointer.wheel = 0.0f;
}

void UiBackend::endFrame() {
    makeCurrent();
    ImGui::Render();
}

void UiBackend::draw() {
    makeCurrent();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool UiBackend::wantsMouse() const {
    if (!started_) return false;
    makeCurrent();
    return ImGui::GetIO().WantCaptureMouse;
}
bool UiBackend::wantsKeyboard() const {
    if (!started_) return false;
    makeCurrent();
    return ImGui::GetIO().WantCaptureKeyboard;
}

}  // namespace psoas::app
