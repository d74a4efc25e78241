#pragma once
// The lesson editor in the Lesson tab (issue 14): "Edit" turns it on; then the step's title, text
// (with a live preview of its formatting), notes, duration and each label's own words are fields,
// and buttons add a step
// from the view, update the step from it (the chosen parts), duplicate, delete, move it, undo,
// redo and save. A question (unsaved changes on leaving or quitting, comments a save would drop)
// is a modal. Like every panel it reads a view and returns intents; app/lesson_editing applies them
// to the core::LessonDraft.

#include "ui/fonts.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace psoas::ui {

// What the editor must ask before it goes on.
enum class EditorQuestion { None, LeaveUnsaved, QuitUnsaved, SaveDropsComments };
enum class EditorAnswer { Save, Discard, Cancel };

struct LessonEditorView {
    bool editing = false;
    std::string lessonTitle;
    std::string stepTitle, text, notes;
    float duration = 0.0f;  // seconds; 0: the teacher advances
    int stepIndex = 0, stepCount = 0;
    bool canUndo = false, canRedo = false;
    bool unsaved = false;
    bool onDisk = true;        // the file holds the last save (false: a built-in's copy or a new lesson, never saved)
    bool builtInCopy = false;  // the draft is of a built-in lesson, not saved to the user's folder yet
    std::string file;          // where Save writes
    unsigned updateParts = 0;  // core ViewPart bits "Update step from this view" takes
    EditorQuestion question = EditorQuestion::None;
    // The step's labels as the list shows them: what it is at ("femur_r:lesser_trochanter"), the
    // atlas's name for that ("Lesser trochanter (Right femur)"), what the model shows without the
    // teacher's words ("Lesser trochanter") and the teacher's own words ("" when there are none).
    struct Label {
        std::string at, name, atlasWords, text;
    };
    std::vector<Label> labels;
    bool addingLabel = false;  // "Add label: click the model" is on: a click in the 3D view labels
};

struct LessonEditorIntents {
    bool toggleEdit = false;
    bool newLesson = false;  // a new lesson whose first step is this view, in edit mode
    bool addStep = false, updateStep = false, duplicateStep = false, deleteStep = false;
    bool moveUp = false, moveDown = false;
    bool save = false, undo = false, redo = false;
    std::optional<std::string> lessonTitle, stepTitle, text, notes;
    std::optional<float> duration;
    std::optional<unsigned> updateParts;
    std::optional<EditorAnswer> answer;
    bool toggleAddingLabel = false;
    std::optional<std::size_t> removeLabel;  // the index in LessonEditorView::labels
    // The teacher's own words typed for the label at `index` ("": the atlas's name again).
    struct LabelText {
        std::size_t index = 0;
        std::string text;
    };
    std::optional<LabelText> labelText;
    bool endTyping = false;  // a field the teacher typed into let go of the keyboard: its edit is done
};

// The editing controls, drawn in the Lesson tab in place of the step's text.
void lessonEditorPanel(const LessonEditorView& view, const UiFonts* fonts, LessonEditorIntents& intents);
// The open question as a modal over everything (nothing when there is none).
void lessonEditorQuestion(const LessonEditorView& view, LessonEditorIntents& intents);

}  // namespace psoas::ui
