#pragma once
// The viewer's ImGui panels: the structure list with show/hide/isolate, the selected structure's
// card, the hover name, the key overlay and the stand-in notice. The panels only read state and
// return what the user asked for (intents); the app applies them, so nothing here changes the
// scene behind the app's back.

#include "core/anti_aliasing.hpp"
#include "core/background.hpp"
#include "core/label_layout.hpp"
#include "core/motion_state.hpp"
#include "core/rich_text.hpp"
#include "core/scene.hpp"
#include "core/scene_motion.hpp"
#include "core/view_preset.hpp"
#include "core/viewer_layout.hpp"
#include "core/visibility.hpp"
#include "ui/export_dialog.hpp"
#include "ui/fonts.hpp"
#include "ui/joint_controls.hpp"
#include "ui/lesson_editor.hpp"
#include "ui/model_panel.hpp"

#include <glm/vec2.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace psoas::ui {

struct HelpEntry {
    std::string keys;    // "Left drag", "1 – 7"
    std::string action;  // "Orbit the model"
};

using ScreenshotBackground = Background;  // names: kBackgroundNames (core/background.hpp)

// One row of the lesson list.
struct LessonListItem {
    std::string title;   // or the file name when the lesson cannot be read
    std::string origin;  // "built-in", "your lessons", a folder
    std::vector<std::string> problems;  // file:line:col lines; empty when the lesson works
};

// The open lesson and its current step, as the panel shows it.
struct LessonView {
    std::string title;
    std::string summary;
    int stepIndex = 0;
    int stepCount = 0;
    // The lesson player's revision: a new one each time a step is shown afresh (a step change,
    // Home, a reload). The caption starts at its top for each.
    std::uint64_t revision = 0;
    std::vector<std::string> stepTitles;
    std::string stepTitle;
    const std::vector<TextBlock>* text = nullptr;
    std::string notes;
    std::string origin;
    std::string quizPrompt;    // set on quiz steps
    std::string quizFeedback;  // after a click: right, or not yet with the hint
    bool quizRight = false;
    std::string quizScore;     // "2 of 5 answered, 1 right first time"
    bool answerable = true;    // false on a still picture (a slide, a screenshot without panels): no click hint, no score
    // Presenter mode on two screens, on the teacher's screen: the notes open, the next step's
    // title ("" after the last step) and the time presented (ui::addPresenterDesk).
    bool presenterDesk = false;
    std::string nextStepTitle;
    std::string presentingFor;
};

// The motion panel: poses, breathing and the true lengths.
struct MotionView {
    std::vector<std::string> poseNames;
    int pose = 0;
    bool breathing = false;
    BreathDepth depth = BreathDepth::Quiet;
    float rate = 12.0f;
    float exaggeration = 1.0f;
    bool colourByLength = false;
    bool lengthTags = false;  // tags with each psoas's and iliacus's length on the 3D view
    const std::vector<MuscleReadout>* readouts = nullptr;
    float domeDescentMm = 0.0f;
    const std::vector<float>* history = nullptr;     // right psoas length (mm), oldest first, last 20 s
    float historySeconds = 0.0f;                     // the time `history` covers, seconds
    const std::vector<glm::vec2>* curve = nullptr;   // right psoas length (mm) against hip flexion (deg)
    float hipFlexion = 0.0f;                         // right hip, now
    // The same for the left psoas major: the charts show either side, as the teacher picks.
    const std::vector<float>* historyLeft = nullptr;
    const std::vector<glm::vec2>* curveLeft = nullptr;
    float hipFlexionLeft = 0.0f;
    HipReference reference = HipReference::Gait2392; // the geometry the readouts, history and curve use
    JointControlsView joints;                        // one slider per coordinate of the pose model
    bool moveJoints = false;                         // a plain drag on a thigh or the spine moves it (drag to pose)
    // The step's looping motion (a step's `motion`): what it is ("walking", "a cycle through 2
    // poses"; empty when the step has none). The pose box lists it with the library's poses, so a
    // user who chose a pose can go back to it.
    std::string stepLoopName;
    // The looping motion playing now: its name (empty when none plays: a pose or a hand took over),
    // its period at 1x (seconds), its speed and whether it is paused.
    std::string loopName;
    float loopPeriod = 0.0f;
    float loopSpeed = 1.0f;
    bool loopPaused = false;
    bool everythingPaused = false;  // P paused the whole view (the loop stands still too)
};

// What the user changed in the Motion tab: the session's own change value.
using MotionIntents = MotionChange;

// One line of the Motion tab's pose box: the step's looping motion first (when it has one), then
// the library's poses; `chosen` marks what the body is in (none while the angles are the user's own).
struct PoseChoice {
    std::string text;
    bool chosen = false;
    std::optional<int> pose;  // the library pose it picks; unset: the step's looping motion (as "Reset all joints")
};
[[nodiscard]] std::vector<PoseChoice> poseChoices(const MotionView& motion);
// The looping motion's seconds a cycle at the chosen speed: "4.0 s a cycle at 0.50× (2.0 s at 1×)".
[[nodiscard]] std::string loopCycleText(const MotionView& motion);

// A label the 3D view asks for: text and where its leader line points, in window coordinates.
struct LabelAnchor {
    std::string text;
    glm::vec2 point{0.0f};
    int structure = -1;  // what it names (scene index)
    bool behind = false; // none of it shows from here: the leader is drawn dashed and dimmed
    std::optional<glm::vec2> home;  // where its column is judged from (ViewLabel::home), if not `point`
};

struct ViewerUiState {
    const Scene* scene = nullptr;
    const Visibility* visibility = nullptr;
    int hovered = -1;
    int selected = -1;
    std::string structureQuery;  // what the Structures tab's search field holds
    std::string poseNameDraft;   // what the Motion tab's "Save pose" name field holds
    glm::vec2 cursor{0.0f};  // for the hover label, in UI coordinates
    bool showHelp = false;
    const std::vector<HelpEntry>* help = nullptr;
    ScreenshotBackground background = ScreenshotBackground::Dark;
    // What this frame's 3D view is cleared to (not the panel's choice above, which is for the next
    // screenshot): on White, a page for print, the caption bar and the labels are drawn light with
    // dark text (fresh tester, issue 14: white slides had a black caption band and dark labels).
    Background page = Background::Dark;
    AntiAliasing antiAliasing = AntiAliasing::EdgeFilter;
    // A transient message such as "Saved screenshot to …": one line at the bottom-right, in both
    // layouts; the overlays at the 3D view's foot stand above it. Empty on the class's screen.
    std::string status;
    float uiScale = 1.0f;
    const UiFonts* fonts = nullptr;

    const std::vector<LessonListItem>* lessons = nullptr;
    int openLesson = -1;               // index into lessons
    std::optional<LessonView> lesson;  // set while a lesson is open
    // Presenter mode on two screens, on or off; empty where there is one screen only (a browser
    // page): the Lesson tab's "Two screens" is not offered.
    std::optional<bool> twoScreens;
    std::optional<LessonEditorView> editor;  // set while a lesson that can be edited is open
    std::vector<LabelAnchor> labels;
    Silhouette silhouette;             // where the model is drawn, for the labels to keep off it
    ViewRect panel;                    // the side panel (ViewerLayout::panel; width 0 in the slide layout)
    ViewRect sceneView;                // the part of the window the 3D view uses
    std::string notice;                // e.g. "motion shown ×5"; drawn over the 3D view
    std::optional<MotionView> motion;  // set when the scene can move (the built-in model set)

    // Slide layout (presenter mode, --no-ui, exports): no panels; the 3D view fills the width and
    // a caption bar of `captionHeight` at the bottom carries the step's title and text.
    bool slideLayout = false;
    bool captionShown = true;  // in the slide layout: the step's caption under or beside the model (C cycles)
    ViewRect captionView;      // where the caption goes (ViewerLayout::caption); its height below the model is the UI's to measure
    bool presenterTheme = false;  // high contrast, thicker lines, for a projector
    float captionHeight = 0.0f;
    bool blank = false;           // B or ".": a black screen until any key
    bool firstRunHint = false;    // the first run's hint over the 3D view: how to turn, zoom, find the keys
    // A short reminder of the clicker keys in presenter mode, in a strip above the 3D view: its
    // parts ("B: blank"), which wrap whole at large text; empty when not shown.
    std::vector<std::string> presenterHint;
    bool lengthLegend = false;  // colour by length is on: the scale in the 3D view's bottom-left corner
    bool attachmentLegend = false;
    // With attachmentLegend: one line per tint slot (core/attachment_tint.hpp), the muscles painted
    // in that slot's colour; a single line keeps the plain origin / insertion legend.
    std::vector<std::string> attachmentMuscles;
    float exportProgress = -1.0f;  // 0..1 while slides are being exported from the window
    std::string exportText;        // what the progress says: the step, the lesson, the format, the folder
    std::optional<ExportDialogView> exportDialog;  // set while the export's size and background are being chosen
    ModelPanelView model;    // opening files, and a --model scene's orientation (Structures tab)
};


struct ViewerUiIntents {
    std::optional<int> select;  // -1 clears the selection
    std::optional<int> focus;   // frame this structure
    std::optional<ViewPreset> preset;
    bool resetView = false;
    std::optional<std::pair<int, bool>> setVisible;
    std::optional<std::pair<int, float>> setOpacity;
    std::optional<int> isolate;
    bool leaveIsolation = false;
    bool showAll = false;
    bool screenshot = false;
    bool toggleHelp = false;
    bool dismissFirstRunHint = false;  // "Got it" on the first run's hint
    bool toggleTwoScreens = false;     // the Lesson tab's "Two screens"
    std::optional<ScreenshotBackground> background;
    std::optional<AntiAliasing> antiAliasing;

    std::optional<int> openLesson;  // index into the lesson list
    bool closeLesson = false;
    bool nextStep = false;
    bool previousStep = false;
    std::optional<int> jumpToStep;
    bool restartLesson = false;  // back to the first step with a new quiz score
    LessonEditorIntents edit;    // the lesson editor (ui/lesson_editor.hpp)
    MotionIntents motion;
    std::optional<bool> moveJoints;  // the Motion tab's "Move joints by dragging"
    float captionHeight = 0.0f;  // the caption bar's height this frame (slide layout)
    float hintHeight = 0.0f;     // the key reminder's strip height this frame (0 without one)
    // The step's text runs past the caption bar (a small picture, large text): the bar fades out
    // and ends in "…" where it is cut (in the window, the wheel scrolls it); images say it.
    bool captionCut = false;
    bool exportSlides = false;   // "Export slides and handout...": choose the format (exportDialog) first
    ExportDialogIntents exportDialog;  // the choice's dialog: a size or background picked, export, cancel
    // Where the step's text begins in the caption, from the caption's top (window units, 0 without a
    // caption): what the title and the step count above it take.
    float captionTextTop = 0.0f;
    ModelIntents model;          // open files, turn a --model scene
    std::optional<std::string> structureQuery;  // the search field was edited
    std::optional<std::string> poseNameDraft;   // the pose name field was edited
    std::optional<std::string> savePose;        // save the angles shown as a pose of this name
    std::optional<std::string> notice;          // a message for the status line (a typed angle's letters dropped)
    bool resumeAll = false;                     // the Motion tab's Play while P has everything paused
};

ViewerUiIntents drawViewerUi(const ViewerUiState& state);

// The labels' text size in pixels and the width their text wraps at (0: one line each), for the
// frame ImGui is laying out (its font and display). On a screen for the room (`presenterTheme`)
// the teacher's text size as far as the labels, wrapped, fit one column of the view
// (labelsFitColumn), and never below the back row's least (core backRowFontPixels).
[[nodiscard]] float labelFontSize(const ViewerUiState& state);
[[nodiscard]] float labelWrapWidth(const ViewerUiState& state);
[[nodiscard]] bool labelsFitColumn(const ViewerUiState& state, float size);


// Applies the Psoas Atlas look (contrast that survives a projector) scaled by `uiScale`.
void applyViewerStyle(float uiScale);

}  // namespace psoas::ui
