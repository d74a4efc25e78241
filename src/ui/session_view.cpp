#include "ui/session_view.hpp"

#include "core/step_staging.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace psoas::ui {

std::optional<LessonView> lessonViewOf(const ViewerSession& session) {
    const LessonPlayer& player = session.lessonPlayer();
    if (!player.active()) return std::nullopt;
    const Lesson& lesson = player.lesson();
    LessonView view;
    view.title = lesson.title;
    view.summary = lesson.summary;
    view.stepIndex = player.stepIndex();
    view.stepCount = player.stepCount();
    view.revision = player.revision();
    for (const LessonStep& s : lesson.steps) view.stepTitles.push_back(s.title);
    view.stepTitle = player.step().title;
    view.text = &session.stepText();
    view.notes = player.step().notes;
    view.origin = lesson.origin;
    if (player.step().quiz) {
        view.quizPrompt = player.step().quiz->prompt;
        view.quizFeedback = session.quizFeedback();
        view.quizRight = session.quizRight();
    }
    const auto questions = std::count_if(lesson.steps.begin(), lesson.steps.end(), [](const LessonStep& s) { return s.quiz.has_value(); });
    const QuizScore& quiz = session.quizScore();
    if (questions > 0)
        view.quizScore = "Score: " + std::to_string(quiz.answeredCount()) + " of " + std::to_string(questions) + " answered, " +
                         std::to_string(quiz.firstTryCorrect()) + " right on the first try";
    return view;
}

void addPresenterDesk(LessonView& view, const ViewerSession& session, double seconds) {
    const LessonPlayer& player = session.lessonPlayer();
    view.presenterDesk = true;
    const int next = player.stepIndex() + 1;
    view.nextStepTitle = next < player.stepCount() ? player.lesson().steps[static_cast<std::size_t>(next)].title : "";
    const long total = std::lround(std::max(seconds, 0.0));
    char clock[32];
    if (total >= 3600) std::snprintf(clock, sizeof clock, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    else std::snprintf(clock, sizeof clock, "%ld:%02ld", total / 60, total % 60);
    view.presentingFor = clock;
}

MotionView motionViewOf(const ViewerSession& session, const std::vector<PoseFile>& poses) {
    const MotionSettings settings = session.motion().settings();
    MotionView view;
    for (const PoseFile& pose : poses) view.poseNames.push_back(pose.name);
    view.pose = std::max(settings.pose, 0);
    view.breathing = settings.breathing;
    view.depth = settings.depth;
    view.rate = settings.breathsPerMinute;
    view.exaggeration = settings.exaggeration;
    view.colourByLength = settings.colourByLength;
    view.lengthTags = settings.lengthTags;
    view.readouts = &session.sceneMotion()->readouts();
    view.domeDescentMm = session.sceneMotion()->domeDescentMm();
    view.history = &session.lengthHistory(Side::Right);
    view.historySeconds = static_cast<float>(session.lengthHistorySeconds());
    view.curve = &session.lengthCurve(Side::Right);
    view.hipFlexion = session.motion().currentPose().hipRight.flexion;
    view.historyLeft = &session.lengthHistory(Side::Left);
    view.curveLeft = &session.lengthCurve(Side::Left);
    view.hipFlexionLeft = session.motion().currentPose().hipLeft.flexion;
    view.reference = session.sceneMotion()->reference();
    // During a looping motion the sliders follow the body as it moves.
    view.joints.angles = session.motion().looping() ? session.motion().currentPose() : session.motion().targetPose();
    auto nameOf = [](const LoopingMotion& loop) {
        return loop.builtIn ? std::string(builtInMotionName(*loop.builtIn)) : "a cycle through " + std::to_string(loop.poses.size()) + " poses";
    };
    if (session.motion().staged().loop) view.stepLoopName = nameOf(*session.motion().staged().loop);
    if (settings.loop) {
        view.loopName = nameOf(*settings.loop);
        view.loopPeriod = settings.loop->periodSeconds;
        view.loopSpeed = settings.loopSpeed;
        view.loopPaused = settings.loopPaused;
        view.everythingPaused = session.paused();
    }
    // The step's own loop playing is what the step set: nothing to reset until a hand takes over.
    view.joints.stepAngles = session.motion().looping() ? view.joints.angles : session.motion().poseOf(session.motion().staged());
    view.joints.stepLoops = session.motion().staged().loop.has_value();
    view.joints.custom = settings.joints.has_value();
    view.joints.standingPose = stepPoseIndex(LessonStep{}, session.poses());  // a step without a pose stands
    view.moveJoints = session.moveJoints();
    for (std::size_t i = 0; i < jointCoordinates().size(); ++i)
        view.joints.ranges[i] = session.motion().controlRange(jointCoordinates()[i].id);
    return view;
}

std::vector<LabelAnchor> labelAnchorsOf(const ViewerSession& session, ViewRect sceneView, Silhouette* model) {
    std::vector<LabelAnchor> anchors;
    for (const ViewLabel& label : session.viewLabels(sceneView.size, model))
        anchors.push_back({label.text, sceneView.origin + label.anchor, label.structure, label.behind,
                           label.home ? std::optional<glm::vec2>(sceneView.origin + *label.home) : std::nullopt});
    if (model) {
        model->top += sceneView.origin.y;
        for (RowSpan& span : model->rows)
            if (!span.empty()) {
                span.left += sceneView.origin.x;
                span.right += sceneView.origin.x;
            }
    }
    return anchors;
}

std::vector<LessonListItem> lessonListOf(const LessonLibrary& library) {
    std::vector<LessonListItem> list;
    for (const LessonEntry& entry : library.entries()) {
        LessonListItem item;
        item.title = entry.title.empty() ? entry.file.filename().string() : entry.title;
        item.origin = entry.origin;
        for (const Diagnostic& d : entry.problems) item.problems.push_back(d.format());
        list.push_back(std::move(item));
    }
    return list;
}

int openLessonIndex(const LessonLibrary& library, const ViewerSession& session) {
    const LessonPlayer& player = session.lessonPlayer();
    if (!player.active()) return -1;
    const auto& entries = library.entries();
    const auto found = std::find_if(entries.begin(), entries.end(),
                                    [&](const LessonEntry& e) { return e.lesson && e.lesson->id == player.lesson().id; });
    return found == entries.end() ? -1 : static_cast<int>(found - entries.begin());
}

std::string breathingNotice(const ViewerSession& session) {
    const SceneMotion* motion = session.sceneMotion();
    const MotionSettings settings = session.motion().settings();
    if (!motion || !settings.breathing || settings.exaggeration <= 1.0f) return "";
    char notice[96];
    const float dome = motion->domeShownFactor();
    if (dome + 0.05f < settings.exaggeration)
        std::snprintf(notice, sizeof notice, "Breathing motion shown \u00d7%.0f (diaphragm \u00d7%.1f); lengths are true",
                      settings.exaggeration, dome);
    else
        std::snprintf(notice, sizeof notice, "Breathing motion shown \u00d7%.0f; lengths are true", settings.exaggeration);
    return notice;
}

std::vector<std::string> presenterHint(const ViewerSession& session) {
    return {"PageDown / PageUp: steps", "B: blank", std::string("A: autoplay") + (session.autoplay() ? " (on)" : ""), "R: rotate",
            std::string("P: pause") + (session.paused() ? " (paused)" : ""), "C: caption", "Esc: leave"};
}

}  // namespace psoas::ui
