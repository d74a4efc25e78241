#pragma once
// A lesson being edited in the program (issue 14): the document, every state it went through (for
// undo and redo), and where it is saved. Edits are whole-document snapshots, so undo is exact and
// cannot forget a field; "unsaved" is derived by comparing the text the document would be written
// as with the text last saved (no flag to keep in step). No window, no ImGui: the lesson panel
// turns buttons into these calls, tests/cpu/lesson_draft_test.cpp drives them directly.

#include "core/atlas.hpp"
#include "core/lesson.hpp"

#include <glm/vec3.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace psoas {

// The parts of a step a view capture sets (core/step_capture.hpp); "Update step from this view"
// takes the chosen ones and keeps the step's own for the rest.
enum class ViewPart : unsigned {
    Camera = 1u << 0,       // camera target, distance, yaw, pitch
    Visibility = 1u << 1,   // show / fade / hide
    Pose = 1u << 2,         // the pose id or the joint angles
    Breathing = 1u << 3,    // on, depth, rate, exaggeration
    LengthDisplay = 1u << 4,  // length tags and colour by length
    AutoRotate = 1u << 5,
};
struct ViewPartName {
    ViewPart part;
    const char* name;  // as the panel offers it
};
inline constexpr ViewPartName kViewPartNames[] = {{ViewPart::Camera, "Camera"},         {ViewPart::Visibility, "Shown and faded"},
                                                  {ViewPart::Pose, "Pose"},             {ViewPart::Breathing, "Breathing"},
                                                  {ViewPart::LengthDisplay, "Length display"}, {ViewPart::AutoRotate, "Auto-rotate"}};
inline constexpr unsigned kAllViewParts = 0x3fu;

// `step` with the chosen `parts` (ViewPart bits) taken from `captured`; text, notes, labels,
// highlights, attachments, duration and quiz stay the step's own.
[[nodiscard]] LessonStep withViewParts(LessonStep step, const LessonStep& captured, unsigned parts);

// Where an edited lesson is saved: a lesson from the user's folder or a --lessons folder in its own
// file; a built-in one (never written over) as a copy in `userLessons` under its file name (a free
// variant of it when a different file has that name), which then replaces the built-in by its id.
[[nodiscard]] std::filesystem::path draftFileFor(const Lesson& lesson, const std::filesystem::path& userLessons);

// How near (metres, scene frame) a click on a structure must be to one of its landmarks for the
// label it adds to name that landmark ("femur_r:lesser_trochanter") rather than the structure: about
// a finger's width on the model at the usual distance, and less than the gap between a bone's
// neighbouring landmarks (the femur's trochanters are 5 cm and more apart; psoas-facts.md).
inline constexpr float kLabelSnapMetres = 0.02f;

// The landmark of `structure` nearest `point` (scene frame, metres, the structure's neutral pose)
// when it lies within kLabelSnapMetres; null when none does. What a click on the model names: the
// label the editor adds, and a wrong quiz answer's feedback ("that was the greater trochanter").
[[nodiscard]] const Landmark* landmarkNear(const StructureInfo& structure, glm::vec3 point);

// The label a click on `structure` at `point` (scene frame, metres; core/picking's hit) adds to a
// step, in the lesson format's own terms (lessons/README.md `labels`): the structure's landmark
// nearest the point when it lies within kLabelSnapMetres, else the structure itself. The text
// stays empty: the atlas's name until the teacher gives their own words.
[[nodiscard]] LessonLabel labelForClick(const StructureInfo& structure, glm::vec3 point);

// A new lesson of one step (the view captured now) that `userLessons` has no file for yet: id
// "my-lesson" ("my-lesson-2", … when taken), saved as ID.toml there.
[[nodiscard]] Lesson newLesson(LessonStep first, const std::filesystem::path& userLessons);

class LessonDraft {
public:
    // The longest undo history kept; older states drop off.
    static constexpr std::size_t kMaxHistory = 200;

    LessonDraft(Lesson lesson, std::filesystem::path file);
    // A lesson not on disk yet (newLesson): unsaved from the start; what was saved is no lesson.
    static LessonDraft unsavedNew(Lesson lesson, std::filesystem::path file);

    [[nodiscard]] const Lesson& lesson() const { return history_[at_].lesson; }
    // The step the last edit (or undo / redo) was about: the one the viewer shows.
    [[nodiscard]] int step() const { return history_[at_].step; }
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    // The document differs from what was last saved (or opened): the text it would be written as
    // is not the text of the saved lesson.
    [[nodiscard]] bool unsaved() const;
    // Whether file() holds what was last saved: false for a built-in lesson's copy and for a new
    // lesson until their first save (a copy may be saved with no edit, to keep it as it is).
    [[nodiscard]] bool onDisk() const { return saved_.file == file_; }
    // A built-in lesson's copy not saved yet: its first save puts it in place of the built-in.
    [[nodiscard]] bool unsavedBuiltInCopy() const { return !onDisk() && saved_.origin == "built-in"; }
    // What was last saved (or opened): what "Discard" goes back to (no steps: nothing was saved).
    [[nodiscard]] const Lesson& savedLesson() const { return saved_; }
    [[nodiscard]] bool canUndo() const { return at_ > 0; }
    [[nodiscard]] bool canRedo() const { return at_ + 1 < history_.size(); }
    void undo();
    void redo();

    // Each edit is one undo step; typing into one field of one step merges into one, until the
    // field lets go of the keyboard (endTyping) or the lesson is saved.
    void endTyping();
    void showStep(int step);  // follow the viewer to a step (no edit)
    void addStep(LessonStep captured, int after);
    void updateStep(int step, const LessonStep& captured, unsigned parts);
    void duplicateStep(int step);
    void deleteStep(int step);            // never the last one: a lesson has at least one step
    void moveStep(int step, int offset);  // -1 up, +1 down; clamped to the lesson
    void setTitle(int step, std::string title);
    void setText(int step, std::string text);
    void setNotes(int step, std::string notes);
    void setDuration(int step, double seconds);  // 0..3600 as the parser allows; kept at float precision
    void setLessonTitle(std::string title);
    void addLabel(int step, LessonLabel label);  // a structure or landmark clicked in the 3D view
    void removeLabel(int step, std::size_t index);  // the step's label at `index` (none out of range)
    // The step's label at `at` becomes `label`, in its place in the list, as one edit (a second
    // click on the same spot labels what lies behind). Nothing when none is at `at`, or when
    // `label.at` is labelled on the step already.
    void replaceLabel(int step, const std::string& at, LessonLabel label);
    // The teacher's own words for the step's label at `index` ("" gives it the atlas's name back);
    // typing into one label's field is one undo step. Nothing out of range.
    void setLabelText(int step, std::size_t index, std::string text);

    // Whether saving would write over a file with '#' comments that the writer cannot keep.
    [[nodiscard]] bool saveLosesComments() const;
    // Writes the lesson (core/atomic_file; creates the folder). "" on success, else one line.
    std::string save();

private:
    struct State {
        Lesson lesson;
        int step = 0;
        std::string mergeKey;  // "" for edits that never merge
    };
    void commit(Lesson lesson, int step, std::string mergeKey = {});
    [[nodiscard]] LessonStep& editable(Lesson& lesson, int step) const;

    std::vector<State> history_;
    std::size_t at_ = 0;
    std::filesystem::path file_;
    Lesson saved_;  // what was last saved or opened
};

}  // namespace psoas
