#pragma once

#include <optional>
#include <string>

namespace psoas {

// A one-line message the viewer shows for a few seconds ("Saved screenshot to …", a refused file,
// a mistyped link). Its seconds count from the first frame that draws it, not from when it was
// said: a message said while the program starts or while a long import blocks the window would
// otherwise be gone before anyone saw it (a mistyped link's line in a browser that took 6 s to
// draw its first frame, session 10). Times are seconds on the caller's clock.
class TransientMessage {
public:
    explicit TransientMessage(double seconds) : seconds_(seconds) {}

    // Replaces the message; its time starts at the next shownAt().
    void say(std::string text);

    // The message to draw in a frame at `now` (empty when none or expired). The first call after
    // say() starts its time.
    const std::string& shownAt(double now);

    // Forgets an expired message without drawing (a frame that sleeps until something is due);
    // true when it changed what is shown.
    bool expire(double now);

    // When the shown message expires; nullopt when there is none or it has not been drawn yet.
    [[nodiscard]] std::optional<double> due() const;

    [[nodiscard]] const std::string& text() const { return text_; }

private:
    double seconds_;
    std::string text_;
    std::optional<double> until_;
};

}  // namespace psoas
