#pragma once
// Dear ImGui's context and its GLFW and OpenGL 3 backends for one window, with the fonts: built at
// the scale the text is shown, holding the characters the program can show (ui::GlyphCoverage),
// and rebuilt between frames when either changes. Everything that reaches the screen from a file or
// a message is covered first (cover / coverFile), before or after the backend starts.

#include "app/press_queue.hpp"
#include "ui/fonts.hpp"

#include <glm/vec2.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct GLFWwindow;
struct ImGuiContext;

namespace psoas::app {

// The pointer as --script drives it: where it is (window units) and which buttons are held
// (left, right, middle). ImGui 1.86's GLFW backend reads the real cursor of a focused window, which
// a hidden window never has, so a script's pointer is handed to the panels this way.
// The keys, characters and wheel a script gave since the last frame go the same way, as ImGui's
// GLFW callbacks would hand them over in a real window (tester, session 6: a script's keys and
// wheel reached only the viewer, so the caption's scrolling and the search could not be scripted).
struct UiPointer {
    glm::vec2 position{-1.0e30f};
    bool down[3] = {false, false, false};
    std::vector<int> keys;  // GLFW key codes: down for the next frame, up the one after
    int mods = 0;           // modifier:: bits held with them
    std::string text;       // characters typed, UTF-8
    float wheel = 0.0f;     // notches
};

class UiBackend {
public:
    UiBackend() = default;
    ~UiBackend();
    UiBackend(const UiBackend&) = delete;
    UiBackend& operator=(const UiBackend&) = delete;

    // Creates the context and the backends for `window` (after the window's own callbacks: ImGui's
    // GLFW backend chains to them) with fonts at `scale`. Returns a font warning, or "".
    std::string start(GLFWwindow* window, float scale);
    // A second context for a screen nobody points at (the class's window on two screens): no GLFW
    // backend, so no pointer, keys or characters reach it; drawn by the OpenGL backend into the
    // current GL context. Its fonts hold what `glyphsOf` covers (and follow it). Each screen has
    // its own context so that neither's frames disturb the other's widgets (a slider held on the
    // teacher's panel, a character typed into its field).
    std::string startWithoutInput(float scale, const UiBackend& glyphsOf);
    // Makes this context the one ImGui calls go to. Every method here does so first; GLFW's
    // callbacks go to the current one, so the window's (the teacher's) is made current again after
    // another screen's frame.
    void makeCurrent() const;
    [[nodiscard]] bool started() const { return started_; }

    void cover(std::string_view text);
    void coverFile(const std::filesystem::path& file);

    // Begins a frame of `displaySize` UI units (an offscreen image has its own size, whatever the
    // window's), with fonts at `scale`; with `pointer`, the panels see it instead of the real one.
    // The pointer's queued keys, characters and wheel are handed over (and emptied).
    void newFrame(float scale, glm::vec2 displaySize, glm::vec2 framebufferScale, UiPointer* pointer = nullptr);
    // Ends the frame's layout; draw() then draws it into the bound target.
    void endFrame();
    void draw();

    // A real mouse button's or key's (GLFW code) press or release, as GLFW reports it: handed to
    // ImGui change by change over the next frames (app/press_queue.hpp). pressesPending(): frames
    // are still needed to hand them over.
    // A mouse button's press or release with the pointer at (x, y), window pixels.
    void queueButton(int button, bool down, float x, float y) { presses_.pushAt(kButtonSlot + button, down, x, y); }
    void queueKey(int key, bool down) { presses_.push(key, down); }
    // A typed character, handed to ImGui in its place among the keys (app/press_queue.hpp).
    void queueCharacter(char32_t character) { presses_.pushCharacter(character); }
    [[nodiscard]] bool pressesPending() const { return presses_.pending(); }

    [[nodiscard]] const ui::UiFonts& fonts() const { return fonts_; }
    [[nodiscard]] bool wantsMouse() const;
    [[nodiscard]] bool wantsKeyboard() const;

private:
    void handOverPresses();
    // Mouse buttons (from kButtonSlot on), keys (GLFW's codes) and typed characters, in the order
    // they came; a character never overtakes a press of a key that edits text or moves the cursor
    // (GLFW's codes from GLFW_KEY_ESCAPE, 256, up to GLFW_KEY_LEFT_SHIFT, 340: Enter, Tab,
    // Backspace, the arrows, Home, End, the keypad…), nor a click (it may move the keyboard).
    static constexpr int kButtonSlot = 1 << 16;
    PressQueue presses_{[](int slot) { return (slot >= 256 && slot < 340) || slot >= kButtonSlot; }};
    ui::UiFonts fonts_;
    ui::GlyphCoverage glyphs_;
    bool glyphsAdded_ = false;  // since the fonts were last built
    float builtScale_ = 0.0f;
    bool started_ = false;
    bool withInput_ = true;                // false: startWithoutInput
    ImGuiContext* context_ = nullptr;
    const UiBackend* glyphSource_ = nullptr;  // whose glyphs the fonts hold besides our own
    std::uint64_t glyphRevision_ = 0;         // counts the glyphs added by cover()
    std::uint64_t sourceRevision_ = 0;        // glyphSource_'s revision the fonts were built with
    void handOver(UiPointer& pointer);
    std::vector<int> keysDown_;  // a script's keys pressed last frame: released in this one
};

}  // namespace psoas::app
