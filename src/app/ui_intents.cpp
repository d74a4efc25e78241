// Application's answer to what the panels asked for in a frame (ui returns intents; this applies
// them to the session, the lesson library, the poses and the files). Split from application.cpp,
// which keeps the frame.
#include "app/application.hpp"
#include "app/commands.hpp"
#include "app/first_view.hpp"
#include "app/image_file.hpp"
#include "app/input_map.hpp"
#include "app/jobs.hpp"
#include "app/platform.hpp"
#include "app/startup_trace.hpp"
#include "app/pose_saving.hpp"
#include "app/user_paths.hpp"
#include "core/attachment_tint.hpp"
#include "render/gl_debug.hpp"
#include "render/render_target.hpp"
#include "ui/session_view.hpp"
#include <GLFW/glfw3.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>

namespace psoas::app {

void Application::applyIntents(const ui::ViewerUiIntents& intents) {
    if (intents.structureQuery) structureQuery_ = *intents.structureQuery;
    if (intents.select) apply(act::Select{*intents.select});
    if (intents.focus) apply(act::Focus{*intents.focus});
    if (intents.preset) apply(act::ShowView{*intents.preset});
    if (intents.resetView) apply(act::ResetView{});
    if (intents.setVisible) apply(act::SetVisible{intents.setVisible->first, intents.setVisible->second});
    if (intents.isolate) apply(act::Isolate{*intents.isolate});
    if (intents.leaveIsolation) apply(act::LeaveIsolation{});
    if (intents.showAll) apply(act::ShowAll{});
    if (intents.setOpacity) apply(act::SetOpacity{intents.setOpacity->first, intents.setOpacity->second});
    if (intents.screenshot) screenshotRequested_ = true;
    if (intents.toggleHelp) apply(act::ToggleHelp{});
    if (intents.background) screenshotBackground_ = *intents.background;
    if (intents.antiAliasing) antiAliasing_ = *intents.antiAliasing;
    applyLessonIntents(intents);
    if (intents.notice) setStatus(*intents.notice);  // before the joint's own: a held angle's says more
    if (intents.motion.any()) apply(act::ChangeMotion{intents.motion});
    if (intents.resumeAll && session_->paused()) {
        apply(act::TogglePause{});
        setStatus("Resumed");
    }
    if (intents.motion.joint) sayWhereTheJointStopped(*intents.motion.joint);
    if (intents.moveJoints) apply(act::SetMoveJoints{*intents.moveJoints});
    applyPoseIntents(intents);
    applyEditIntents(intents.edit);
    if (intents.toggleTwoScreens) apply(act::SetPresenter{!session_->twoScreens(), true});
    captionHeight_[static_cast<std::size_t>(building_)] = intents.captionHeight;
    if (intents.dismissFirstRunHint || intents.toggleHelp) firstRunHint_ = false;
    hintHeight_[static_cast<std::size_t>(building_)] = intents.hintHeight;
    captionCut_ = intents.captionCut;
    applyModelIntents(intents.model);
}

// A typed angle past the joint's range is held at the range's end; the status line says so (tester,
// session 12: 200 degrees typed into hip flexion became 120 with no word why).
void Application::sayWhereTheJointStopped(const JointAngle& asked) {
    const MotionState& motion = session_->motion();
    const std::string notice = heldAngleNotice(asked.coordinate, asked.degrees, coordinateValue(motion.targetPose(), asked.coordinate),
                                               motion.controlRange(asked.coordinate));
    if (!notice.empty()) setStatus(notice);
}

// The Lesson tab's: open, close, export, move through the steps.
void Application::applyLessonIntents(const ui::ViewerUiIntents& intents) {
    if (intents.openLesson) {
        const auto& entries = lessons_.library().entries();
        const auto index = static_cast<std::size_t>(*intents.openLesson);
        if (index < entries.size() && entries[index].lesson) apply(act::OpenLesson{*entries[index].lesson, 0});
    }
    if (intents.closeLesson) apply(act::CloseLesson{});
    applyExportIntents(intents);
    if (intents.nextStep) apply(act::NextStep{});
    if (intents.previousStep) apply(act::PreviousStep{});
    if (intents.jumpToStep) apply(act::JumpToStep{*intents.jumpToStep});
    if (intents.restartLesson) apply(act::RestartLesson{});
}

// "Save pose…": the name field, and the angles shown now written to the user's pose folder and
// offered at once.
void Application::applyPoseIntents(const ui::ViewerUiIntents& intents) {
    if (intents.poseNameDraft) poseNameDraft_ = *intents.poseNameDraft;
    if (!intents.savePose || !session_ || !session_->sceneMotion()) return;
    SavedPose saved = saveUserPose(*intents.savePose, session_->motion().currentPose(), userPoseDirectory());
    if (saved.pose) {
        ui_.coverFile(saved.pose->file);
        apply(act::AddPose{*saved.pose});
        poseNameDraft_.clear();
        if (lessons_.watching()) followReload(lessons_.reread(builtInVocabulary(options_.lessonDirs), openLessonId()));
    }
    setStatus(saved.message, true);
}

}  // namespace psoas::app
