#include "core/lesson_draft.hpp"

#include "core/atomic_file.hpp"
#include "core/lesson_writer.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace psoas {

namespace {

bool has(unsigned parts, ViewPart part) { return (parts & static_cast<unsigned>(part)) != 0; }

std::string fileText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

LessonStep withViewParts(LessonStep step, const LessonStep& captured, unsigned parts) {
    if (has(parts, ViewPart::Camera)) {
        step.camera = captured.camera;
        step.view = captured.view;
    }
    if (has(parts, ViewPart::Visibility)) {
        step.show = captured.show;
        step.fade = captured.fade;
        step.hide = captured.hide;
    }
    if (has(parts, ViewPart::Pose)) {
        step.pose = captured.pose;
        step.poseAngles = captured.poseAngles;
    }
    if (has(parts, ViewPart::Breathing)) step.breathing = captured.breathing;
    if (has(parts, ViewPart::LengthDisplay)) {
        step.lengthTags = captured.lengthTags;
        step.colourByLength = captured.colourByLength;
    }
    if (has(parts, ViewPart::AutoRotate)) step.autoRotate = captured.autoRotate;
    return step;
}

const Landmark* landmarkNear(const StructureInfo& structure, glm::vec3 point) {
    const Landmark* nearest = nullptr;
    float nearestDistance = kLabelSnapMetres;
    for (const Landmark& landmark : structure.landmarks) {
        const float distance = glm::length(landmark.position - point);
        if (distance <= nearestDistance) {
            nearest = &landmark;
            nearestDistance = distance;
        }
    }
    return nearest;
}

LessonLabel labelForClick(const StructureInfo& structure, glm::vec3 point) {
    const Landmark* nearest = landmarkNear(structure, point);
    return {nearest ? structure.id + ":" + nearest->id : structure.id, {}};
}

std::filesystem::path draftFileFor(const Lesson& lesson, const std::filesystem::path& userLessons) {
    if (lesson.origin != "built-in" && !lesson.file.empty()) return lesson.file;
    const std::string stem = lesson.file.empty() ? lesson.id : lesson.file.stem().string();
    std::filesystem::path file = userLessons / (stem + ".toml");
    std::error_code error;
    for (int n = 2; std::filesystem::exists(file, error); ++n) file = userLessons / (stem + "-" + std::to_string(n) + ".toml");
    return file;
}

Lesson newLesson(LessonStep first, const std::filesystem::path& userLessons) {
    Lesson lesson;
    lesson.id = "my-lesson";
    std::error_code error;
    for (int n = 2; std::filesystem::exists(userLessons / (lesson.id + ".toml"), error); ++n) lesson.id = "my-lesson-" + std::to_string(n);
    lesson.file = userLessons / (lesson.id + ".toml");
    lesson.origin = "your lessons";
    lesson.title = "My lesson";
    first.line = 0;
    lesson.steps.push_back(std::move(first));
    return lesson;
}

LessonDraft::LessonDraft(Lesson lesson, std::filesystem::path file)
    : file_(std::move(file)), saved_(lesson) {
    history_.push_back({std::move(lesson), 0, {}});
}

LessonDraft LessonDraft::unsavedNew(Lesson lesson, std::filesystem::path file) {
    LessonDraft draft(std::move(lesson), std::move(file));
    draft.saved_ = Lesson{};
    return draft;
}

bool LessonDraft::unsaved() const { return writeLesson(lesson()) != writeLesson(saved_); }

void LessonDraft::undo() {
    if (canUndo()) --at_;
}

void LessonDraft::redo() {
    if (canRedo()) ++at_;
}

void LessonDraft::commit(Lesson lesson, int step, std::string mergeKey) {
    step = std::clamp(step, 0, static_cast<int>(lesson.steps.size()) - 1);
    if (lesson == this->lesson() && step == this->step()) return;  // nothing changed: no undo step
    const bool merges = !mergeKey.empty() && at_ + 1 == history_.size() && history_[at_].mergeKey == mergeKey;
    history_.resize(at_ + 1);  // a new edit drops what could have been redone
    if (merges) {
        history_[at_] = {std::move(lesson), step, std::move(mergeKey)};
        return;
    }
    history_.push_back({std::move(lesson), step, std::move(mergeKey)});
    if (history_.size() > kMaxHistory) history_.erase(history_.begin());
    at_ = history_.size() - 1;
}

LessonStep& LessonDraft::editable(Lesson& lesson, int step) const {
    return lesson.steps.at(static_cast<std::size_t>(std::clamp(step, 0, static_cast<int>(lesson.steps.size()) - 1)));
}

void LessonDraft::endTyping() { history_[at_].mergeKey.clear(); }

void LessonDraft::showStep(int step) {
    // Following the viewer is no edit: the state's step changes in place, with no undo entry.
    history_[at_].step = std::clamp(step, 0, static_cast<int>(lesson().steps.size()) - 1);
}

void LessonDraft::addStep(LessonStep captured, int after) {
    Lesson next = lesson();
    const int at = std::clamp(after + 1, 0, static_cast<int>(next.steps.size()));
    captured.line = 0;
    next.steps.insert(next.steps.begin() + at, std::move(captured));
    commit(std::move(next), at);
}

void LessonDraft::updateStep(int step, const LessonStep& captured, unsigned parts) {
    Lesson next = lesson();
    LessonStep& target = editable(next, step);
    target = withViewParts(target, captured, parts);
    commit(std::move(next), step);
}

void LessonDraft::duplicateStep(int step) {
    Lesson next = lesson();
    step = std::clamp(step, 0, static_cast<int>(next.steps.size()) - 1);
    LessonStep copy = editable(next, step);
    copy.line = 0;
    next.steps.insert(next.steps.begin() + step + 1, std::move(copy));
    commit(std::move(next), step + 1);
}

void LessonDraft::deleteStep(int step) {
    if (lesson().steps.size() <= 1) return;
    Lesson next = lesson();
    next.steps.erase(next.steps.begin() + std::clamp(step, 0, static_cast<int>(next.steps.size()) - 1));
    commit(std::move(next), step);
}

void LessonDraft::moveStep(int step, int offset) {
    const int to = std::clamp(step + offset, 0, static_cast<int>(lesson().steps.size()) - 1);
    if (to == step) return;
    Lesson next = lesson();
    std::swap(next.steps.at(static_cast<std::size_t>(step)), next.steps.at(static_cast<std::size_t>(to)));
    commit(std::move(next), to);
}

void LessonDraft::setTitle(int step, std::string title) {
    Lesson next = lesson();
    editable(next, step).title = std::move(title);
    commit(std::move(next), step, "title:" + std::to_string(step));
}

void LessonDraft::setText(int step, std::string text) {
    Lesson next = lesson();
    editable(next, step).text = std::move(text);
    commit(std::move(next), step, "text:" + std::to_string(step));
}

void LessonDraft::setNotes(int step, std::string notes) {
    Lesson next = lesson();
    editable(next, step).notes = std::move(notes);
    commit(std::move(next), step, "notes:" + std::to_string(step));
}

void LessonDraft::setDuration(int step, double seconds) {
    Lesson next = lesson();
    // The parser keeps float precision; the document holds what a saved file will read back as.
    editable(next, step).durationSeconds = static_cast<float>(seconds > 0.0 ? std::min(seconds, 3600.0) : 0.0);
    commit(std::move(next), step, "duration:" + std::to_string(step));
}

void LessonDraft::setLessonTitle(std::string title) {
    Lesson next = lesson();
    next.title = std::move(title);
    commit(std::move(next), step(), "lesson title");
}

void LessonDraft::addLabel(int step, LessonLabel label) {
    Lesson next = lesson();
    std::vector<LessonLabel>& labels = editable(next, step).labels;
    const bool already = std::any_of(labels.begin(), labels.end(), [&](const LessonLabel& l) { return l.at == label.at; });
    if (already) return;
    labels.push_back(std::move(label));
    commit(std::move(next), step);
}

void LessonDraft::removeLabel(int step, std::size_t index) {
    Lesson next = lesson();
    std::vector<LessonLabel>& labels = editable(next, step).labels;
    if (index >= labels.size()) return;
    labels.erase(labels.begin() + static_cast<std::ptrdiff_t>(index));
    commit(std::move(next), step);
}

void LessonDraft::replaceLabel(int step, const std::string& at, LessonLabel label) {
    Lesson next = lesson();
    std::vector<LessonLabel>& labels = editable(next, step).labels;
    const auto labelled = [&](const std::string& id) {
        return std::find_if(labels.begin(), labels.end(), [&](const LessonLabel& l) { return l.at == id; });
    };
    const auto old = labelled(at);
    if (old == labels.end() || labelled(label.at) != labels.end()) return;
    *old = std::move(label);
    commit(std::move(next), step);
}

void LessonDraft::setLabelText(int step, std::size_t index, std::string text) {
    Lesson next = lesson();
    std::vector<LessonLabel>& labels = editable(next, step).labels;
    if (index >= labels.size()) return;
    labels[index].text = std::move(text);
    // Keyed by what the label is at, not its place in the list: a Remove between two bouts of
    // typing ends the first (it is an edit without a key), and the list's order is no identity.
    std::string key = "label text:" + std::to_string(step) + ":" + labels[index].at;
    commit(std::move(next), step, std::move(key));
}

bool LessonDraft::saveLosesComments() const {
    std::error_code error;
    return std::filesystem::exists(file_, error) && hasTomlComments(fileText(file_));
}

std::string LessonDraft::save() {
    std::error_code error;
    std::filesystem::create_directories(file_.parent_path(), error);
    if (error) return "cannot create " + file_.parent_path().string() + " (" + error.message() + "); nothing was saved";
    if (std::string problem = saveWholeFile(file_, writeLesson(lesson())); !problem.empty()) return problem;
    saved_ = lesson();
    saved_.file = file_;
    endTyping();  // words typed after a save are an edit of their own: Ctrl+Z goes back to what was saved
    return {};
}

}  // namespace psoas
