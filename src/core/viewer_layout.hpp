#pragma once
// Where the side panel, the 3D view and the caption bar go on a display: one function, read by
// the UI (to size the panel) and by the renderer (to place the 3D viewport), so the two can never
// disagree. They did once, with two rules: at 500 x 400 the panel was 330 px wide while the view
// began at 250 px, under it (issue 12, defect 7).

#include "core/label_layout.hpp"

#include <glm/vec2.hpp>

namespace psoas {

// Panels: the side panel on the left, the 3D view right of it. Slide: no panels; the 3D view over
// the full width, above a caption bar (presenter mode, --no-ui images, exported slides).
enum class LayoutMode { Panels, Slide };

// Where the slide layout's caption goes: none (no lesson, or hidden with C), a bar under the model
// across the full width, or a column on the right beside it (C cycles below -> beside -> hidden).
// Beside keeps the model as tall as the screen: at 250 % on 1280x720 the bar below took half the
// height and the spine was drawn in 360 px (issue 14). A display taller than wide (a tablet held
// upright) has no room beside, and gets the bar below.
enum class CaptionPlace { None, Below, Beside };

// The caption column beside the model: kCaptionColumnShare of the display's width (about 80
// characters a line at 100 % on 1920 px), widened as the text grows to kCaptionColumnUnits UI units
// (which scale with the text) and never past kCaptionColumnMaxShare. 125 units less the padding
// (2 x 10) are 5.6 em of the bold heading (22 px at scale 1, an em 18.9 units): a 9-letter title word
// (~0.62 em a letter), so "Summary" or "shortens" is not broken inside the word (fresh tester,
// session 11: at text size 3.0 in presenter mode on 1920x1080 the 38 % column drew "Summar" / "y").
// 125 rather than more: on a 16:9 display in presenter mode the column stays 38 % up to text size
// 2.5, where the model is drawn 71 % of the height (150 units widened it at 2.5 and the model fell
// to 63 %, measured in screenshots); it grows from there, to 45 % at 3.0 (the keys' largest). The
// 45 % keeps the model at least 55 % of the width; a word wider still than the column draws the
// caption's text smaller to hold it (ui/viewer_panels): the model's share wins over the text size,
// because a slide whose model is squeezed to a strip teaches nothing.
// The column, like the bar below, also shows the title, the count and kCaptionBelowBodyLines lines of
// the step's text at least (the text drawn smaller where they would not fit).
inline constexpr float kCaptionColumnShare = 0.38f;
inline constexpr float kCaptionColumnMaxShare = 0.45f;
inline constexpr float kCaptionColumnUnits = 125.0f;
// The column's horizontal padding in UI units (each side).
inline constexpr float kCaptionColumnPadding = 10.0f;

// The caption bar below the model at most: half the display's height, so the model keeps at least
// half. Within it the step's title, its count and at least kCaptionBelowBodyLines lines of the step's
// text are shown (the rest scrolls); where they do not fit at the chosen text size, the bar's text is
// drawn smaller until they do (ui/viewer_panels): the model's half wins, as beside.
// (Fresh tester, session 11: at text size 3.0 the bar showed only the title and "3 / 3".)
inline constexpr float kCaptionBelowMaxShare = 0.5f;
inline constexpr int kCaptionBelowBodyLines = 2;

// 330 UI units at scale 1: room for "Right quadratus lumborum" and its eye box.
inline constexpr float kSidePanelWidth = 330.0f;
// At most half the display: in a narrow window the model still gets half of it.
inline constexpr float kSidePanelMaxShare = 0.5f;

struct ViewerLayout {
    ViewRect panel;    // empty (zero width) in the slide layout
    ViewRect scene;    // the 3D view; never smaller than 1 x 1
    ViewRect caption;  // empty without a caption
    ViewRect hint;     // the presenter's key reminder, a strip above the 3D view; empty without one
    [[nodiscard]] float sceneAspect() const { return scene.size.x / scene.size.y; }
};

// The caption bar's least height on a display this tall: a quarter of the picture, room for a
// title and three or four lines a back row can read.
[[nodiscard]] float minimumCaptionHeight(float displayHeight);
// The caption bar's greatest height below the model: kCaptionBelowMaxShare of the display's height.
[[nodiscard]] float maximumCaptionHeight(float displayHeight);

// The caption column's width beside the model on a display `displayWidth` wide (UI units) at
// `uiScale` (kCaptionColumnShare .. kCaptionColumnMaxShare, above).
[[nodiscard]] float captionColumnWidth(float displayWidth, float uiScale);

// The key reminder's strip at most: a third of what the caption bar (of `captionHeight`, 0 when
// hidden) leaves, so the model keeps the rest at any text size.
[[nodiscard]] float maximumHintHeight(float displayHeight, float captionHeight);

// Presenter mode's text is sized for the back row: body text whose capitals are 2.3 % of the
// display's height (25 px on a 1080-line projector). Where the number comes from (docs/sources.md §12,
// "Text for the back row"): a capital should subtend at least 16 minutes of arc (ANSI/HFES 100-2007's
// least character height for reading), and we put the back row at five image heights, between the
// audio-visual 4-6-8 rule's 4 (close inspection) and 6 (reading): 5 * tan(16 arcmin) = 2.3 %.
// The body font is 17 px at scale 1 (ui/fonts), and ImGui's font pixels are the font's ascent +
// descent, of which DejaVu Sans's capitals are 0.626 (0.729 of its em over 1.164), so the scale is
// displayHeight * 0.023 / (0.626 * 17): 2.33 at 1080 lines, 1.56 at 720.
// `uiScale`: the user's scale (Ctrl+= and Ctrl+- change it); `contentScale`: the monitor's own (1
// on a 96-dpi screen); `uiScale / contentScale`, the user's enlargement, multiplies the result.
// `displayHeight` in pixels. Never less than 1.5 x `uiScale`, presenter mode's enlargement on a
// small screen (a laptop's 720 lines).
[[nodiscard]] float presenterUiScale(float uiScale, float contentScale, float displayHeight);

// The font size, in pixels, whose capitals are the back row's least (2.3 % of `displayHeight`,
// above): 39.7 px on 1080 lines (capitals 24.8 px), 26.5 px on 720. Labels on a screen for the room
// are never drawn smaller (ui/viewer_panels).
[[nodiscard]] float backRowFontPixels(float displayHeight);

// `displaySize` and the result are in UI units (window coordinates, origin top-left).
// `caption`: where the caption goes (slide layout only). `captionHeight`: the bar's height below
// the model as the UI measured it (0 before it has been drawn); never less than
// minimumCaptionHeight nor more than maximumCaptionHeight. Beside, the column is captionColumnWidth
// wide, under the hint strip.
// `hintHeight`: in the slide layout, a strip of this height at the top for presenter mode's key
// reminder (as the UI measured it), so the reminder is never printed over the model (tester,
// session 6: at 100 % it ran through the lifted femur); 0 without one.
[[nodiscard]] ViewerLayout layoutFor(glm::vec2 displaySize, float uiScale, LayoutMode mode, CaptionPlace caption = CaptionPlace::None,
                                     float captionHeight = 0.0f, float hintHeight = 0.0f);

}  // namespace psoas
