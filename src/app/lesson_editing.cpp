// The lesson editor's side of the application (issue 14): the Lesson tab's "Edit" opens a
// core::LessonDraft of the open lesson; each edit changes the draft and shows its new version in
// the session (act::EditLesson: words only restage nothing); Save writes it to the user's lesson
// folder; leaving edit mode or closing the window with unsaved edits asks first.

#include "app/application.hpp"
#include "app/platform.hpp"
#include "app/user_paths.hpp"
#include "core/step_capture.hpp"

#include <algorithm>

namespace psoas::app {

namespace {

// What the model shows for a label without the teacher's words (core/step_staging): the
// structure's name, or the landmark's alone ("Lesser trochanter").
std::string atlasWords(const Scene& scene, const std::string& at) {
    const auto colon = at.find(':');
    const int index = scene.findStructure(at.substr(0, colon));
    if (index < 0) return at;
    const StructureInfo& info = scene.structures[static_cast<std::size_t>(index)].info;
    if (colon == std::string::npos) return info.name;
    for (const Landmark& landmark : info.landmarks)
        if (landmark.id == at.substr(colon + 1)) return landmark.name;
    return at;
}

}  // namespace

std::optional<ui::LessonEditorView> Application::editorView() const {
    const LessonPlayer& player = session_->lessonPlayer();
    if (options_.model || !player.active()) return std::nullopt;
    ui::LessonEditorView view;
    view.question = question_;
    view.updateParts = updateParts_;
    if (!draft_) return view;
    const Lesson& lesson = draft_->lesson();
    const int step = std::clamp(player.stepIndex(), 0, static_cast<int>(lesson.steps.size()) - 1);
    const LessonStep& shown = lesson.steps[static_cast<std::size_t>(step)];
    view.editing = true;
    view.lessonTitle = lesson.title;
    view.stepTitle = shown.title;
    view.text = shown.text;
    view.notes = shown.notes;
    view.duration = static_cast<float>(shown.durationSeconds);
    view.stepIndex = step;
    view.stepCount = static_cast<int>(lesson.steps.size());
    view.canUndo = draft_->canUndo();
    view.canRedo = draft_->canRedo();
    view.unsaved = draft_->unsaved();
    view.onDisk = draft_->onDisk();
    view.builtInCopy = draft_->unsavedBuiltInCopy();
    view.file = draft_->file().string();
    view.addingLabel = addingLabels();
    for (const LessonLabel& label : shown.labels)
        view.labels.push_back({label.at, labelName(session_->scene(), {label.at, {}}), atlasWords(session_->scene(), label.at), label.text});
    return view;
}

// A label as the model shows it: the teacher's words, else the landmark's or the structure's name
// (with the structure's, for a landmark: "Lesser trochanter (Right femur)").
std::string Application::labelName(const Scene& scene, const LessonLabel& label) {
    if (!label.text.empty()) return label.text;
    const std::string words = atlasWords(scene, label.at);
    const auto colon = label.at.find(':');
    if (colon == std::string::npos || words == label.at) return words;
    return words + " (" + atlasWords(scene, label.at.substr(0, colon)) + ")";
}

// Esc on the teacher's window ends "Add label: click the model" before it does anything else (a
// teacher leaving the mode keeps the selection); true when it did.
bool Application::endsAddingLabels(KeyChord chord) {
    if (!addingLabels() || chord != KeyChord{Key::Escape, 0} || ui_.wantsKeyboard()) return false;
    addingLabels_ = false;
    setStatus("Clicks select again (labels are added with \"Add label: click the model\")");
    return true;
}

void Application::addLabelAt(const act::Click& click) {
    const int step = std::clamp(session_->lessonPlayer().stepIndex(), 0, static_cast<int>(draft_->lesson().steps.size()) - 1);
    const auto labelled = [&](const std::string& at) {
        const std::vector<LessonLabel>& labels = draft_->lesson().steps[static_cast<std::size_t>(step)].labels;
        return std::any_of(labels.begin(), labels.end(), [&](const LessonLabel& l) { return l.at == at; });
    };
    // The same spot again, the label of the first click still there: what lies behind.
    const bool again = labelClick_ && labelClick_->step == step &&
                       glm::length(click.position - labelClick_->position) <= 2.0f * kClickSlopPixels && labelled(labelClick_->at);
    const std::optional<PickHit> hit = session_->pickAt(click.position, click.viewPixels, again ? labelClick_->structure : -1);
    if (!hit) {
        labelClick_.reset();
        setStatus(again ? "Nothing else lies under that spot"
                        : "That was empty space: click on a structure to label it (\"Adding labels\" in the Lesson tab stops)");
        return;
    }
    const Scene& scene = session_->scene();
    const LessonLabel label = labelForClick(scene.structures[static_cast<std::size_t>(hit->structure)].info, hit->neutralPoint);
    const bool wasThere = labelled(label.at);
    const std::string replaced = again && labelClick_->added ? labelClick_->at : std::string{};
    if (!wasThere && !replaced.empty()) editStep([&](LessonDraft& d, int s) { d.replaceLabel(s, replaced, label); });
    else if (!wasThere) editStep([&](LessonDraft& d, int s) { d.addLabel(s, label); });
    labelClick_ = LabelClick{click.position, step, hit->structure, label.at, !wasThere};
    // Name what a second click would label, so the teacher knows the spot holds more than one.
    const std::optional<PickHit> behind = session_->pickAt(click.position, click.viewPixels, hit->structure);
    const std::string next = behind ? "; the same spot again labels " + scene.structures[static_cast<std::size_t>(behind->structure)].info.name +
                                          (wasThere ? " too" : " instead")
                                    : "";
    if (wasThere) {
        setStatus(labelName(scene, label) + " is labelled on this step already" + next);
        return;
    }
    std::string status = "Labelled " + labelName(scene, label);
    if (!replaced.empty()) status += " in place of " + labelName(scene, LessonLabel{replaced, {}});
    setStatus(status + next + " (your own words: its field in the Labels list; Ctrl+Z takes it away)");
}

// One edit on the step on screen, then the draft's version shown (and followed to its step).
void Application::editStep(const std::function<void(LessonDraft&, int)>& edit) {
    if (!draft_) return;
    edit(*draft_, std::clamp(session_->lessonPlayer().stepIndex(), 0, static_cast<int>(draft_->lesson().steps.size()) - 1));
    apply(act::EditLesson{draft_->lesson(), draft_->step()});
}

void Application::applyEditIntents(const ui::LessonEditorIntents& intents) {
    const LessonPlayer& player = session_->lessonPlayer();
    // The lesson on screen is no longer the one edited (closed, or replaced by a script or the
    // command line): the draft goes with it.
    if (draft_ && (!player.active() || player.lesson().id != draft_->lesson().id)) draft_.reset();
    if (intents.answer) answerEditorQuestion(*intents.answer);
    if (intents.updateParts) updateParts_ = *intents.updateParts;
    if (intents.newLesson && !draft_ && !options_.model) startNewLesson();
    if (intents.toggleEdit) toggleEditing();
    if (draft_) applyDraftEdits(intents);
}

// The edits of the document itself (steps, words, undo, save) on the draft that is open.
void Application::applyDraftEdits(const ui::LessonEditorIntents& intents) {
    const LessonStep captured = intents.addStep || intents.updateStep ? captureView(*session_) : LessonStep{};
    if (intents.addStep) editStep([&](LessonDraft& d, int step) { d.addStep(captured, step); });
    if (intents.updateStep) editStep([&](LessonDraft& d, int step) { d.updateStep(step, captured, updateParts_); });
    if (intents.duplicateStep) editStep([](LessonDraft& d, int step) { d.duplicateStep(step); });
    if (intents.deleteStep) editStep([](LessonDraft& d, int step) { d.deleteStep(step); });
    if (intents.moveUp) editStep([](LessonDraft& d, int step) { d.moveStep(step, -1); });
    if (intents.moveDown) editStep([](LessonDraft& d, int step) { d.moveStep(step, 1); });
    if (intents.lessonTitle) editStep([&](LessonDraft& d, int) { d.setLessonTitle(*intents.lessonTitle); });
    if (intents.stepTitle) editStep([&](LessonDraft& d, int step) { d.setTitle(step, *intents.stepTitle); });
    if (intents.text) editStep([&](LessonDraft& d, int step) { d.setText(step, *intents.text); });
    if (intents.notes) editStep([&](LessonDraft& d, int step) { d.setNotes(step, *intents.notes); });
    if (intents.duration) editStep([&](LessonDraft& d, int step) { d.setDuration(step, *intents.duration); });
    if (intents.toggleAddingLabel) addingLabels_ = !addingLabels_;
    if (intents.removeLabel) editStep([&](LessonDraft& d, int step) { d.removeLabel(step, *intents.removeLabel); });
    if (intents.labelText) editStep([&](LessonDraft& d, int step) { d.setLabelText(step, intents.labelText->index, intents.labelText->text); });
    if (intents.endTyping) draft_->endTyping();
    if (intents.undo) editStep([](LessonDraft& d, int) { d.undo(); });
    if (intents.redo) editStep([](LessonDraft& d, int) { d.redo(); });
    if (intents.save) {
        afterSave_ = AfterSave::Stay;
        if (draft_->saveLosesComments()) question_ = ui::EditorQuestion::SaveDropsComments;
        else saveDraft();
    }
}

// A new lesson whose first step is the view now, open for editing and unsaved.
void Application::startNewLesson() {
    Lesson lesson = newLesson(captureView(*session_), userDataDirectory() / "lessons");
    const std::filesystem::path file = lesson.file;
    draft_ = LessonDraft::unsavedNew(std::move(lesson), file);
    addingLabels_ = false;
    apply(act::OpenLesson{draft_->lesson(), 0});
}

// "Edit this lesson": on opens a draft of the lesson on screen; off closes it, or asks first when
// it has unsaved edits.
void Application::toggleEditing() {
    const LessonPlayer& player = session_->lessonPlayer();
    if (!draft_ && player.active()) {
        draft_.emplace(player.lesson(), draftFileFor(player.lesson(), userDataDirectory() / "lessons"));
        addingLabels_ = false;
        draft_->showStep(player.stepIndex());
    } else if (draft_ && draft_->unsaved()) {
        question_ = ui::EditorQuestion::LeaveUnsaved;
    } else {
        draft_.reset();
    }
}

void Application::answerEditorQuestion(ui::EditorAnswer answer) {
    const ui::EditorQuestion asked = question_;
    question_ = ui::EditorQuestion::None;
    if (answer == ui::EditorAnswer::Cancel || !draft_) return;
    if (asked == ui::EditorQuestion::SaveDropsComments) {
        saveDraft();
        return;
    }
    afterSave_ = asked == ui::EditorQuestion::QuitUnsaved ? AfterSave::Quit : AfterSave::LeaveEditing;
    if (answer == ui::EditorAnswer::Save) {
        if (draft_->saveLosesComments()) question_ = ui::EditorQuestion::SaveDropsComments;
        else saveDraft();
        return;
    }
    // Discard: the lesson as last saved comes back on screen (a new one never saved closes).
    if (draft_->savedLesson().steps.empty()) apply(act::CloseLesson{});
    else apply(act::EditLesson{draft_->savedLesson(), session_->lessonPlayer().stepIndex()});
    draft_.reset();
    if (afterSave_ == AfterSave::Quit && window_) window_->requestClose();
}

void Application::saveDraft() {
    if (!draft_) return;
    const bool firstCopy = draft_->unsavedBuiltInCopy();
    if (const std::string problem = draft_->save(); !problem.empty()) {
        setStatus(problem);  // the draft stays unsaved, and open: nothing is lost
        return;
    }
    platform::keepUserFiles();  // a browser page copies its lessons folder to the browser's storage
    // The saved file joins the lesson list now, not at the next look; the save's message goes
    // after the reload's, which would otherwise say "Reloaded lesson…" over it (tester, session 13).
    checkLessonFiles();
    // A browser page also downloads the file: its folder is the browser's storage, which the
    // teacher cannot hand to anyone (fresh tester, session 10: "Saved to /home/web_user/…").
    if (platform::offerDownload(draft_->file()))
        setStatus("Saved '" + draft_->lesson().title + "' in this browser and downloaded " + draft_->file().filename().string() +
                  " (to share: another browser opens it with Open files…)");
    else if (firstCopy)
        setStatus("Saved your copy of '" + draft_->lesson().title + "' to " + draft_->file().string() +
                  ": the lesson list opens it in place of the built-in one (delete the file to have the built-in back)");
    else
        setStatus("Saved '" + draft_->lesson().title + "' to " + draft_->file().string());
    if (afterSave_ == AfterSave::Stay) return;
    draft_.reset();
    if (afterSave_ == AfterSave::Quit && window_) window_->requestClose();
}

bool Application::holdCloseForEdits() {
    if (!draft_ || !draft_->unsaved()) return false;
    window_->cancelClose();
    question_ = ui::EditorQuestion::QuitUnsaved;
    framesToDraw_ = kFramesAfterEvent;
    return true;
}

}  // namespace psoas::app
