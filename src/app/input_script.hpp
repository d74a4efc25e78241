#pragma once
// A scripted run (psoas-atlas --script FILE): a plain-text list of timed input that the program
// replays headless, at a fixed 60 frames a second, through the same input handlers the window's
// events reach. GL tests and sanitizer runs use it instead of driving a real window by hand.
//
// One command a line; '#' starts a comment. Coordinates are window pixels, top-left origin.
//   key [ctrl+][shift+][alt+]NAME   a key press (names and modifiers in either case: F12, Ctrl+S):
//                                   a-z, 0-9, f1-f12, space, escape, enter, left,
//                                   right, up, down, pageup, pagedown, home, end, period, equal,
//                                   minus, backspace, delete. Like a real key it reaches the panels
//                                   (the caption's Up / Down, a text field, which also gets its
//                                   character) and then the viewer, which ignores it while a
//                                   text field has the keyboard
//   type TEXT                       characters typed into the text field that has the keyboard
//                                   (the words of TEXT joined by single spaces)
//   move X Y                        the pointer moves there
//   click X Y                       left button pressed and released there
//   drag X1 Y1 X2 Y2 [right] [alt] [hold]
//                                   a drag (left by default) in 10 frames; alt: with Alt held
//                                   (drag to pose); hold: the button stays down at the end (a drag
//                                   in progress, for a screenshot) until `release`
//   release                         the button a `drag ... hold` keeps down is let go
//   scroll NOTCHES                  the wheel, at the pointer (positive: toward the model); over
//                                   a panel or the caption it scrolls that
//   wait SECONDS                    frames pass (0 to 3600)
//   lesson ID [STEP]                opens a lesson (STEP counts from 1), as the lesson list does
//   screenshot NAME                 the window's picture now, to NAME.png in the --out folder (NAME.png is read as NAME)
//
// At the end the run prints one JSON line: commands, seconds (the session's clock), gl_errors, and
// drag_move_to_frame_ms, the median time from a drag's pointer move to the end of the frame that
// shows it (drawn and finished on the GPU; 0 without drags).

#include "core/key.hpp"

#include <glm/vec2.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace psoas::app {

struct ScriptCommand {
    enum class Kind { Key, Move, Click, Drag, Release, Scroll, Wait, Lesson, Screenshot, Type };
    Kind kind = Kind::Wait;
    int line = 0;        // in the script file, for messages
    KeyChord chord;      // Key
    bool right = false;  // right button (Drag)
    bool alt = false;    // Alt held at the press (Drag)
    bool hold = false;   // the button stays down (Drag)
    glm::vec2 from{0.0f}, to{0.0f};
    double value = 0.0;  // seconds (Wait), notches (Scroll), step (Lesson)
    std::string name;    // lesson id (Lesson), file stem (Screenshot), text (Type)
};

// Throws DataFileError with every problem found, each as file:line:col.
std::vector<ScriptCommand> parseInputScript(std::string_view text, const std::filesystem::path& file);
std::vector<ScriptCommand> loadInputScript(const std::filesystem::path& file);

}  // namespace psoas::app
