#pragma once
// What the panels show, read from the viewer session for one frame: the open lesson, the motion
// controls, the labels' screen anchors, the lesson list and the notices. Plain values built fresh
// every frame (never kept), so the panels can never show a state the session has left.

#include "core/lesson_library.hpp"
#include "core/viewer_session.hpp"
#include "ui/viewer_panels.hpp"

#include <optional>
#include <string>
#include <vector>

namespace psoas::ui {

// The open lesson and its step; nothing outside a lesson.
[[nodiscard]] std::optional<LessonView> lessonViewOf(const ViewerSession& session);
// The Motion tab: the session's motion settings, readouts and length history. Needs motion.
[[nodiscard]] MotionView motionViewOf(const ViewerSession& session, const std::vector<PoseFile>& poses);
// Where each posed label points on screen, in UI units; labels behind the camera are left out.
// `model`, if given: where the model is drawn, in the same units (ViewerSession::viewLabels).
[[nodiscard]] std::vector<LabelAnchor> labelAnchorsOf(const ViewerSession& session, ViewRect sceneView, Silhouette* model = nullptr);
// One line per lesson file, with its problems.
[[nodiscard]] std::vector<LessonListItem> lessonListOf(const LessonLibrary& library);
// The library entry of the open lesson, or -1.
[[nodiscard]] int openLessonIndex(const LessonLibrary& library, const ViewerSession& session);
// While breathing is shown exaggerated: how much, and that the lengths are true; else "".
[[nodiscard]] std::string breathingNotice(const ViewerSession& session);
// On two screens, the teacher's view of the step (LessonView's presenter desk): the next step's
// title and how long presenter mode has been on (`seconds`; "12:05", past an hour "1:02:05").
void addPresenterDesk(LessonView& view, const ViewerSession& session, double seconds);
// Presenter mode's key reminder, with what is on.
[[nodiscard]] std::vector<std::string> presenterHint(const ViewerSession& session);

}  // namespace psoas::ui
