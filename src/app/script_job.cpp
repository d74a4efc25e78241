// --script FILE: timed input replayed headless at 60 frames a second through the window's input
// handlers, into an offscreen image of --size.

#include "app/application.hpp"
#include "app/image_file.hpp"
#include "app/input_script.hpp"
#include "app/jobs.hpp"
#include "render/gl_debug.hpp"
#include "render/offscreen_target.hpp"
#include "render/render_target.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <vector>

namespace psoas::app {

namespace {
constexpr double kFrame = 1.0 / 60.0;

class ScriptRun {
public:
    ScriptRun(Application& app, glm::ivec2 size)
        : app_(app), size_(size), target_(size.x, size.y, app.sceneNeedsTargetDepth()) {}

    void frames(int count) {
        for (int i = 0; i < count; ++i) {
            app_.continueSlideExport();  // as the window's frame does: a step of an export a frame
            app_.updateHover();
            app_.step(kFrame, {glm::vec2(size_), size_, &target_, Background::Dark});
            render::finishGpuWork();
        }
    }
    void moveTo(glm::vec2 p) {
        app_.onCursorMoved(p.x, p.y);
        frames(1);
    }
    void button(PointerButton button, bool pressed) {
        app_.onPointerButton(button, pressed, false);
        frames(1);
    }
    void drag(const ScriptCommand& command) {
        const PointerButton pressed = command.right ? PointerButton::Right : PointerButton::Left;
        moveTo(command.from);
        app_.onPointerButton(pressed, true, false, command.alt);
        constexpr int kDragFrames = 10;
        for (int i = 1; i <= kDragFrames; ++i) {
            // From the pointer's event to its frame drawn and finished on the GPU (issue 13: a drag
            // must feel immediate); the median is printed at the end.
            const auto event = std::chrono::steady_clock::now();
            moveTo(command.from + (command.to - command.from) * (static_cast<float>(i) / kDragFrames));
            dragFrameMs_.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - event).count());
        }
        if (command.hold) held_ = pressed;
        else button(pressed, false);
    }
    void release() {
        if (held_) button(*held_, false);
        held_.reset();
    }
    [[nodiscard]] const render::OffscreenTarget& target() const { return target_; }
    // The median time from a drag's pointer move to the end of the frame that shows it, ms; 0 without drags.
    [[nodiscard]] double medianDragFrameMs() const {
        if (dragFrameMs_.empty()) return 0.0;
        std::vector<double> sorted = dragFrameMs_;
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
        return sorted[sorted.size() / 2];
    }

private:
    Application& app_;
    glm::ivec2 size_;
    render::OffscreenTarget target_;
    std::optional<PointerButton> held_;  // a `drag ... hold` keeps it down
    std::vector<double> dragFrameMs_;    // each drag move: event to frame finished, ms
};
}  // namespace

int runScript(Application& app, const Options& options) {
    const std::filesystem::path& file = *options.script;
    const std::vector<ScriptCommand> script = loadInputScript(file);  // bad lines: file:line:col, exit 2
    const std::filesystem::path folder = options.outDir.value_or(".");
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const glm::ivec2 size{options.width, options.height};
    (void)app.renderImage(size.x, size.y, options.background, true);  // the hidden window, fonts, a first frame
    render::resetGlDebugStats();
    ScriptRun run(app, size);
    for (const ScriptCommand& command : script) {
        using Kind = ScriptCommand::Kind;
        switch (command.kind) {
            case Kind::Key:
                app.onScriptKey(command.chord);
                run.frames(2);  // pressed, released
                break;
            case Kind::Move: run.moveTo(command.to); break;
            case Kind::Click:
                run.moveTo(command.to);
                run.button(PointerButton::Left, true);
                run.button(PointerButton::Left, false);
                break;
            case Kind::Drag: run.drag(command); break;
            case Kind::Release: run.release(); break;
            case Kind::Scroll: app.onScriptScroll(command.value), run.frames(1); break;
            case Kind::Type: app.onScriptText(command.name), run.frames(2); break;
            case Kind::Wait: run.frames(static_cast<int>(std::lround(command.value / kFrame))); break;
            case Kind::Lesson:
                if (!app.openLesson(command.name, static_cast<int>(command.value) - 1)) {
                    std::cerr << file.string() << ':' << command.line << ":1: no lesson '" << command.name << "'\n";
                    return 2;
                }
                run.frames(1);
                break;
            case Kind::Screenshot:
                if (const std::string problem = writePng(run.target().read(), folder / (command.name + ".png")); !problem.empty()) {
                    std::cerr << "error: " << (folder / (command.name + ".png")).string() << ": " << problem << '\n';
                    return 2;
                }
                break;
        }
        if (app.window()->shouldClose()) break;  // Ctrl+Q
    }
    const std::size_t errors = render::glDebugStats().errors;
    std::printf("{\"commands\": %zu, \"seconds\": %.2f, \"gl_errors\": %zu, \"drag_move_to_frame_ms\": %.2f}\n", script.size(),
                app.session().clock(), errors, run.medianDragFrameMs());
    return errors == 0 ? 0 : 1;
}

}  // namespace psoas::app
