#include "core/viewer_session.hpp"

#include "core/length_colour.hpp"
#include "core/lesson_draft.hpp"
#include "core/length_tags.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace psoas {

namespace {
// Two clicks this close in time (and within twice the click slop) are a double-click.
constexpr double kDoubleClickSeconds = 0.35;
// Structures fade in and out over 0.6 s when a step changes what is shown: slow enough to see
// what appears, quick enough to keep the class's attention.
constexpr double kFadeSeconds = 0.6;
// A frame's time step is at most 0.1 s: after a pause (a window asleep, a debugger) things move on
// smoothly instead of jumping.
constexpr double kLongestStep = 0.1;
// Steps without a duration get 12 s under autoplay: time to read three lines aloud.
constexpr double kDefaultStepSeconds = 12.0;
// One auto-rotate turn in 36 s: slow enough to talk over, fast enough to see every side in a minute.
constexpr float kRotateDegreesPerSecond = 10.0f;
// The length history: 30 samples a second over the last 20 s.
constexpr double kHistoryRate = 30.0;
constexpr std::size_t kHistorySamples = 600;

bool samePose(const Pose& a, const Pose& b) {
    MotionInputs x, y;
    x.pose = a;
    y.pose = b;
    return sameInputs(x, y);
}

std::vector<Pose> posesOf(const std::vector<PoseFile>& files) {
    std::vector<Pose> poses;
    for (const PoseFile& file : files) poses.push_back(file.pose);
    return poses;
}

int neutralPoseIndex(const std::vector<PoseFile>& poses) {
    for (std::size_t i = 0; i < poses.size(); ++i)
        if (poses[i].id == "neutral_standing") return static_cast<int>(i);
    return poses.empty() ? -1 : 0;
}
}  // namespace

ViewerSession::ViewerSession(const Scene& scene, SessionSetup setup)
    : scene_(scene), poses_(std::move(setup.poses)), homeView_(setup.homeView), visibility_(scene.structures.size()),
      displayOpacity_(scene.structures.size(), 1.0f), viewAspect_(setup.viewAspect), staged_(stageFreeView(scene)) {
    camera_.pose = homePose();
    if (!setup.withMotion) return;
    motion_ = std::make_unique<SceneMotion>(scene_);
    motionState_ = MotionState(posesOf(poses_));
    MotionSettings standing;
    standing.pose = neutralPoseIndex(poses_);
    motionState_.stage(standing, true);
    solveIfChanged();
    updateLengthCurve();
}

CameraPose ViewerSession::homePose() const {
    return framePreset(homeView_.value_or(ViewPreset::Oblique), scene_.bounds, camera_.fovYDegrees, viewAspect_);
}

void ViewerSession::apply(const SessionAction& action) {
    std::visit([this](const auto& a) { handle(a); }, action);
    stageIfChanged();
    updateLengthCurve();
    // A structure shown by this action has its vertices placed now, before anything picks it.
    if (solved_ && !drawnAsSolved()) solveIfChanged();
}

void ViewerSession::advance(double seconds) {
    clock_ += std::max(seconds, 0.0);
    const double step = std::clamp(seconds, 0.0, kLongestStep);
    const float fade = static_cast<float>(step / kFadeSeconds);
    for (std::size_t i = 0; i < displayOpacity_.size(); ++i) {
        const float target = visibility_.visible(i) ? visibility_.opacity(i) : 0.0f;
        float& current = displayOpacity_[i];
        current = current < target ? std::min(target, current + fade) : std::max(target, current - fade);
    }
    if (!paused_ && motion_) motionState_.advance(step);
    advanceClassroomClocks(step);
    stageIfChanged();  // autoplay may have moved to the next step
    if (animation_.active()) camera_.pose = animation_.sample(clock_);
    solveIfChanged();
    if (!paused_) recordHistory(step);
}

double ViewerSession::lengthHistorySeconds() const {
    return static_cast<double>(std::max(history_[0].size(), history_[1].size())) / kHistoryRate;
}

// Samples both psoas majors' lengths as this frame's solve computed them.
void ViewerSession::recordHistory(double seconds) {
    if (!motion_) return;
    historyClock_ += seconds;
    const auto samples = static_cast<std::size_t>(historyClock_ * kHistoryRate);
    if (samples == 0) return;
    historyClock_ -= static_cast<double>(samples) / kHistoryRate;
    for (const auto& [history, id] : {std::pair{&history_[0], kRightPsoasId}, std::pair{&history_[1], kLeftPsoasId}}) {
        const MuscleReadout* psoas = motion_->readout(id);
        if (!psoas) continue;  // a model set without that muscle
        history->insert(history->end(), std::min(samples, kHistorySamples), psoas->lengthMm);
        if (history->size() > kHistorySamples) history->erase(history->begin(), history->end() - kHistorySamples);
    }
}

void ViewerSession::advanceClassroomClocks(double seconds) {
    if (paused_) return;
    if (autoplay_ && player_.active()) {
        stepClock_ += seconds;
        const double duration = player_.step().durationSeconds > 0.0 ? player_.step().durationSeconds : kDefaultStepSeconds;
        if (stepClock_ >= duration && !player_.next()) autoplay_ = false;
    }
    if (autoRotate_ && !dragging_ && !animation_.active())
        camera_.pose.yawDegrees = std::fmod(camera_.pose.yawDegrees + static_cast<float>(seconds) * kRotateDegreesPerSecond, 360.0f);
}

bool ViewerSession::fading() const {
    for (std::size_t i = 0; i < displayOpacity_.size(); ++i)
        if (displayOpacity_[i] != (visibility_.visible(i) ? visibility_.opacity(i) : 0.0f)) return true;
    return false;
}

bool ViewerSession::moving() const {
    if (animation_.active() || fading()) return true;
    if (motion_ && (!solved_ || !sameInputs(*solved_, motionState_.inputs()))) return true;
    if (paused_) return false;
    return (motion_ && motionState_.animating()) || autoRotate_ || (autoplay_ && player_.active());
}

// The structures whose vertices the motion places: those shown or still fading (SceneMotion::update).
bool ViewerSession::drawn(std::size_t structure) const { return visibility_.visible(structure) || displayOpacity_[structure] > 0.0f; }

// Whether the last solve placed the structures drawn now (checked every frame: no allocation).
bool ViewerSession::drawnAsSolved() const {
    if (solvedDrawn_.size() != displayOpacity_.size()) return false;
    for (std::size_t i = 0; i < solvedDrawn_.size(); ++i)
        if (solvedDrawn_[i] != drawn(i)) return false;
    return true;
}

void ViewerSession::solveIfChanged() {
    if (!motion_) return;
    const MotionInputs inputs = motionState_.inputs();
    if (solved_ && sameInputs(*solved_, inputs) && drawnAsSolved()) return;
    solvedDrawn_.resize(displayOpacity_.size());
    for (std::size_t i = 0; i < solvedDrawn_.size(); ++i) solvedDrawn_[i] = drawn(i);
    motion_->update(inputs.pose, inputs.breath, inputs.depth, inputs.exaggeration, inputs.reference, solvedDrawn_);
    solved_ = inputs;
    ++motionRevision_;
}

void ViewerSession::updateLengthCurve() {
    if (!motion_) return;
    const Pose& target = motionState_.targetPose();
    const HipReference reference = motionState_.reference();
    if (curvePose_ && samePose(*curvePose_, target) && curveReference_ == reference) return;
    curvePose_ = target;
    curveReference_ = reference;
    const DegreeRange range = physiologicalRange(JointCoordinate::RightHipFlexion);  // the slider's and the drag's
    curve_[0] = motion_->lengthAgainstHipFlexion(target, kRightPsoasId, range.min, range.max, 2.0f, reference);
    curve_[1] = motion_->lengthAgainstHipFlexion(target, kLeftPsoasId, range.min, range.max, 2.0f, reference);
}

// Lessons -----------------------------------------------------------------------------------------

void ViewerSession::stageIfChanged() {
    if (player_.revision() == stagedRevision_) return;
    stagedRevision_ = player_.revision();
    stepClock_ = 0.0;
    quizFeedback_.clear();
    quizRight_ = false;
    if (player_.active() && player_.lesson().id != quizLessonId_) {
        quiz_.reset();  // a new lesson starts a new score
        quizLessonId_ = player_.lesson().id;
    }
    stageCurrent();
}

void ViewerSession::stageCurrent() {
    selected_ = -1;
    jointDrag_.reset();  // a new step's pose is not the one the drag began from
    // Without a lesson, the free view: every structure, standing and still, no turning. Closing a
    // lesson stages it like any step, so nothing of the lesson plays on (tester, session 16: the
    // first step's turning and the breathing step's enlarged breaths went on after Close); the hip
    // reference stays (MotionState::stage).
    const bool lesson = player_.active();
    staged_ = lesson ? stageStep(player_.step(), scene_, poses_, !quizOpen()) : stageFreeView(scene_);
    const bool appeared = !(staged_.visibility == visibility_);
    visibility_ = staged_.visibility;
    stepText_ = lesson ? parseRichText(player_.step().text) : std::vector<TextBlock>{};
    if (motion_) motionState_.stage(staged_.motion, false);
    autoRotate_ = staged_.autoRotate;
    framedAspect_ = viewAspect_;
    if (const auto goal = stagedCameraGoal()) animateTo(*goal);
    // The free view has no camera of its own, but the step left framed only what it showed (the
    // diaphragm above Meet the psoas's first step was cut in half): what appears is framed from
    // the same direction, moving in or out as a double-click focus does.
    else if (!lesson && appeared) animateTo(frameBounds(camera_.pose, scene_.bounds, camera_.fovYDegrees, viewAspect_));
}

std::optional<CameraPose> ViewerSession::stagedCameraGoal() const {
    if (staged_.camera) return fitAuthoredCamera(*staged_.camera, viewAspect_);
    if (staged_.view) return framePreset(*staged_.view, staged_.shown, camera_.fovYDegrees, viewAspect_);
    return std::nullopt;
}

bool ViewerSession::quizOpen() const {
    return player_.active() && player_.step().quiz && !quiz_.answered(player_.stepIndex());
}

// What a hit answers ("" for nothing). Landmarks and areas lie on the neutral meshes, so the hit's
// neutral point is compared with them.
std::string ViewerSession::quizAnswer(const std::optional<PickHit>& hit) const {
    if (!hit) return {};
    return answerName(*player_.step().quiz, scene_, hit->structure, hit->neutralPoint);
}

// What a wrong click was on, as the feedback names it: the landmark near the click when there is
// one, as near as the editor's labels snap to it ("the greater trochanter, tip (Right femur)":
// asked for the lesser trochanter, "Right femur" told the student nothing; issue 14), else the
// structure ("Right femur").
std::string ViewerSession::wrongAnswerName(const PickHit& hit) const {
    const StructureInfo& info = scene_.structures[static_cast<std::size_t>(hit.structure)].info;
    const Landmark* landmark = landmarkNear(info, hit.neutralPoint);
    if (!landmark) return info.name;
    std::string name = landmark->name;
    // "Greater trochanter" reads "the greater trochanter" mid-sentence; "L1 body" keeps its capital.
    if (name.size() > 1 && std::isupper(static_cast<unsigned char>(name[0])) && std::islower(static_cast<unsigned char>(name[1])))
        name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    return "the " + name + " (" + info.name + ")";
}

void ViewerSession::answerQuiz(glm::vec2 position, glm::vec2 viewPixels) {
    const QuizQuestion& question = *player_.step().quiz;
    const Ray ray = camera_.rayThrough(position, viewPixels);
    const std::optional<PickHit> hit = pick(scene_, visibility_, ray, motion_.get());
    std::string answer = quizAnswer(hit);
    // Fairness (quiz.hpp): what lies right under a thin structure the click hit ...
    std::string under;
    if (answer.empty() && hit)
        if (const auto below = pick(scene_, visibility_, ray, motion_.get(), hit->structure); below && below->distance - hit->distance <= kQuizThinDepth)
            answer = under = quizAnswer(below);
    // ... and, for a click that hit nothing, what lies a few pixels away (a near miss on a thin
    // target). A click on another structure is an answer in itself: the psoas major beside the
    // psoas minor must not count for the minor.
    if (!hit)
        for (const glm::vec2 offset : quizProbeOffsets())
            if (answer = quizAnswer(pickAt(position + offset, viewPixels)); !answer.empty()) break;
    if (!hit && answer.empty()) {
        // Empty space is no answer (a double-click there resets the view): nothing is scored.
        quizRight_ = false;
        quizFeedback_ = "That was empty space: click on the model to answer.";
        return;
    }
    const bool right = !answer.empty();
    quiz_.record(player_.stepIndex(), right);
    quizRight_ = right;
    if (!right) {  // a wrong answer always hit something: empty space was no answer
        quizFeedback_ = "Not yet: that was " + wrongAnswerName(*hit) + "." + (question.hint.empty() ? " Try again." : " Hint: " + question.hint);
        return;
    }
    const std::string clicked = hit ? scene_.structures[static_cast<std::size_t>(hit->structure)].info.name : "";
    quizFeedback_ = "Right: " + answer +
                    (under.empty() ? "" : " (under the " + clicked + " you clicked)") + ".";
    // The answer reveals the labels and nothing else: the camera, what the student hid or faded and
    // the Motion tab stay as they are (issue 12, defect 4).
    staged_.labels = stageStep(player_.step(), scene_, poses_, true).labels;
}

void ViewerSession::handle(const act::OpenLesson& a) { player_.open(a.lesson, a.step); }
// A lesson's new version that stages the step on screen as it is: only the words (or the other
// steps) changed. Typing in the editor, or a label added, removed or given words, must not put
// back the camera, the selection or what the teacher hid since the step began (fresh tester,
// session 12: the first "Add label" click glided the view back to the step's camera, so a second
// click on the same spot hit another structure); nor must the editor's own save, read back from
// the file (tester, session 16: Save glided an orbited view back and restarted the turning).
bool ViewerSession::rewordsShownStep(const Lesson& lesson, int step) const {
    auto staging = [](LessonStep s) {
        s.line = 0;
        s.title.clear();
        s.text.clear();
        s.notes.clear();
        s.durationSeconds = 0.0;
        s.labels.clear();
        return s;
    };
    return player_.active() && step == player_.stepIndex() && step >= 0 && step < static_cast<int>(lesson.steps.size()) &&
           staging(player_.step()) == staging(lesson.steps[static_cast<std::size_t>(step)]);
}

void ViewerSession::reword(const Lesson& lesson) {
    const bool relabelled = player_.step().labels != lesson.steps[static_cast<std::size_t>(player_.stepIndex())].labels;
    player_.reword(lesson);
    stepText_ = parseRichText(player_.step().text);
    // The labels' words as the step now has them (labels an open quiz keeps back stay back).
    if (relabelled) staged_.labels = stageStep(player_.step(), scene_, poses_, !quizOpen()).labels;
}

void ViewerSession::handle(const act::ReloadLesson& a) {
    if (rewordsShownStep(a.lesson, player_.stepIndex())) reword(a.lesson);
    else player_.reload(a.lesson);
}
void ViewerSession::handle(const act::EditLesson& a) {
    if (rewordsShownStep(a.lesson, a.step)) reword(a.lesson);
    else player_.open(a.lesson, a.step);
}
void ViewerSession::handle(const act::CloseLesson&) { player_.close(); }
void ViewerSession::handle(const act::NextStep&) { player_.next(); }
void ViewerSession::handle(const act::PreviousStep&) { player_.previous(); }
void ViewerSession::handle(const act::FirstStep&) { player_.first(); }
void ViewerSession::handle(const act::LastStep&) { player_.last(); }
void ViewerSession::handle(const act::JumpToStep& a) { player_.jump(a.step); }
void ViewerSession::handle(const act::RestartLesson&) {
    if (!player_.active()) return;
    quiz_.reset();  // a restarted quiz starts a new score (issue 12, defect 6)
    player_.open(player_.lesson(), 0);
}

// Classroom ----------------------------------------------------------------------------------------

void ViewerSession::handle(const act::SetPresenter& a) {
    const bool two = a.on && a.twoScreens;
    if (presenter_ == a.on && twoScreens_ == two) return;
    presenter_ = a.on;
    twoScreens_ = two;
    showHelp_ = false;
}
void ViewerSession::handle(const act::SetBlank& a) { blank_ = a.on; }
void ViewerSession::handle(const act::ToggleAutoplay&) {
    autoplay_ = !autoplay_ && player_.active();
    stepClock_ = 0.0;
}
void ViewerSession::handle(const act::ToggleAutoRotate&) { autoRotate_ = !autoRotate_; }
void ViewerSession::handle(const act::TogglePause&) { paused_ = !paused_; }
void ViewerSession::handle(const act::ToggleCaption&) {
    switch (caption_) {
        case CaptionPlace::Beside: caption_ = CaptionPlace::Below; break;
        case CaptionPlace::Below: caption_ = CaptionPlace::None; break;
        case CaptionPlace::None: caption_ = CaptionPlace::Beside; break;
    }
}
void ViewerSession::handle(const act::ToggleHelp&) { showHelp_ = !showHelp_; }
void ViewerSession::handle(const act::Escape&) {
    if (jointDrag_) {  // cancels the drag in progress: the body goes back to where it was grabbed
        jointDrag_.reset();
        motionState_.undoDrag();
    } else if (showHelp_) showHelp_ = false;
    else if (presenter_) handle(act::SetPresenter{false});
    else if (visibility_.isolated()) visibility_.leaveIsolation();
    else selected_ = -1;
}

// Motion -------------------------------------------------------------------------------------------

void ViewerSession::handle(const act::ChangeMotion& a) {
    if (!motion_) return;
    const HipReference before = motionState_.reference();
    motionState_.change(a.change);
    // The history holds one geometry's lengths: another's would draw a jump no body made.
    if (motionState_.reference() != before)
        for (std::vector<float>& history : history_) history.clear();
}
void ViewerSession::handle(const act::AddPose& a) {
    const auto same = std::find_if(poses_.begin(), poses_.end(), [&](const PoseFile& p) { return p.id == a.pose.id; });
    const auto index = static_cast<int>(same - poses_.begin());
    if (same != poses_.end()) *same = a.pose;
    else poses_.push_back(a.pose);
    if (!motion_) return;
    motionState_.setLibrary(posesOf(poses_));
    // Saving never changes what is on screen (tester, issue 13): a looping motion goes on (the pose
    // saved is the moment it showed, now in the pose box's list); a body standing still is in the
    // saved angles, so the pose box names them.
    if (motionState_.looping()) return;
    MotionChange chosen;
    chosen.pose = index;
    motionState_.change(chosen);
}
void ViewerSession::handle(const act::HoldBreath& a) {
    motionState_.holdBreath(a.breath);
    solveIfChanged();
}

// Visibility and selection -------------------------------------------------------------------------

void ViewerSession::handle(const act::Select& a) {
    selected_ = (a.structure >= 0 && static_cast<std::size_t>(a.structure) < scene_.structures.size()) ? a.structure : -1;
}
void ViewerSession::handle(const act::Focus& a) {
    if (a.structure < 0 || static_cast<std::size_t>(a.structure) >= scene_.structures.size()) return;
    selected_ = a.structure;
    takeCamera();
    animateTo(frameBounds(camera_.pose, scene_.structures[static_cast<std::size_t>(a.structure)].mesh.bounds,
                          camera_.fovYDegrees, viewAspect_));
}
void ViewerSession::handle(const act::HideSelected&) {
    if (selected_ < 0) return;
    visibility_.setVisible(static_cast<std::size_t>(selected_), false);
    selected_ = -1;
}
void ViewerSession::handle(const act::ToggleIsolation&) {
    if (visibility_.isolated()) visibility_.leaveIsolation();
    else if (selected_ >= 0) visibility_.isolate(static_cast<std::size_t>(selected_));
}
void ViewerSession::handle(const act::FadeSelected&) {
    if (selected_ >= 0) visibility_.toggleFaded(static_cast<std::size_t>(selected_));
}
void ViewerSession::handle(const act::ShowAll&) { visibility_.showAll(); }
void ViewerSession::handle(const act::SetVisible& a) {
    if (a.structure >= 0 && static_cast<std::size_t>(a.structure) < visibility_.size()) visibility_.setVisible(static_cast<std::size_t>(a.structure), a.visible);
}
void ViewerSession::handle(const act::SetOpacity& a) {
    if (a.structure >= 0 && static_cast<std::size_t>(a.structure) < visibility_.size()) visibility_.setOpacity(static_cast<std::size_t>(a.structure), a.opacity);
}
void ViewerSession::handle(const act::Isolate& a) {
    if (a.structure >= 0 && static_cast<std::size_t>(a.structure) < visibility_.size()) visibility_.isolate(static_cast<std::size_t>(a.structure));
}
void ViewerSession::handle(const act::LeaveIsolation&) { visibility_.leaveIsolation(); }

// Camera and pointer -------------------------------------------------------------------------------

void ViewerSession::animateTo(const CameraPose& destination) { animation_.start(camera_.pose, destination, clock_); }

// The user took the camera: the step's framing no longer follows the view's shape.
void ViewerSession::takeCamera() { framedAspect_ = 0.0f; }

void ViewerSession::handle(const act::ShowView& a) {
    takeCamera();
    autoRotate_ = false;  // the view asked for stays: a turning model left "anterior" at 6 degrees (tester, session 8)
    animateTo(framePreset(a.preset, scene_.bounds, camera_.fovYDegrees, viewAspect_));
}
void ViewerSession::handle(const act::ResetView&) {
    takeCamera();
    animateTo(homePose());
}

std::optional<PickHit> ViewerSession::pickAt(glm::vec2 position, glm::vec2 viewPixels, int skip) const {
    return pick(scene_, visibility_, camera_.rayThrough(position, viewPixels), motion_.get(), skip);
}

void ViewerSession::handle(const act::Click& a) {
    if (quizOpen()) {
        answerQuiz(a.position, a.viewPixels);
        return;
    }
    const auto hit = pickAt(a.position, a.viewPixels);
    const bool doubleClick = clock_ - lastClickTime_ < kDoubleClickSeconds &&
                             glm::length(a.position - lastClickPosition_) < 2.0f * kClickSlopPixels;
    lastClickTime_ = doubleClick ? -1.0 : clock_;  // a third click starts a new pair
    lastClickPosition_ = a.position;
    if (doubleClick) {
        hit ? handle(act::Focus{hit->structure}) : handle(act::ResetView{});
        return;
    }
    handle(act::Select{hit ? hit->structure : -1});
}

void ViewerSession::handle(const act::Hover& a) {
    hoverPointer_ = a.position ? std::optional(HoverPointer{*a.position, a.viewPixels}) : std::nullopt;
}

int ViewerSession::hovered() const {
    if (!hoverPointer_) return -1;
    const std::uint64_t revision = motion_ ? motionRevision_ : 0;
    if (hoverPick_ && hoverPick_->pointer == *hoverPointer_ && hoverPick_->camera == camera_.pose &&
        hoverPick_->fovYDegrees == camera_.fovYDegrees && hoverPick_->motionRevision == revision && hoverPick_->visibility == visibility_)
        return hoverPick_->structure;
    const auto hit = pickAt(hoverPointer_->position, hoverPointer_->viewPixels);
    hoverPick_ = HoverPick{*hoverPointer_, camera_.pose, camera_.fovYDegrees, revision, visibility_, hit ? hit->structure : -1};
    return hoverPick_->structure;
}

void ViewerSession::handle(const act::Orbit& a) {
    animation_.cancel();  // the hand on the mouse wins over a glide in progress
    autoRotate_ = false;  // and over auto-rotate: the turn the teacher makes must stay (issue 14)
    takeCamera();
    camera_.orbit(a.deltaPixels);
}
void ViewerSession::handle(const act::Pan& a) {
    animation_.cancel();
    takeCamera();
    camera_.pan(a.deltaPixels, a.viewPixels);
}
void ViewerSession::handle(const act::Zoom& a) {
    if (a.notches == 0.0f) return;
    if (animation_.active()) {
        camera_.pose = animation_.destination();
        animation_.cancel();
    }
    takeCamera();
    const auto hit = pickAt(a.position, a.viewPixels);
    const glm::vec3 anchor = hit ? hit->point : camera_.pointOnTargetPlane(a.position, a.viewPixels);
    camera_.zoomToward(anchor, std::pow(kZoomPerNotch, a.notches));
}
void ViewerSession::handle(const act::SetDragging& a) { dragging_ = a.on; }

// Drag to pose ------------------------------------------------------------------------------------

void ViewerSession::handle(const act::GrabJoint& a) {
    jointDrag_.reset();
    if (!motion_ || !(a.modifier || moveJoints_) || quizOpen()) return;
    const auto hit = pickAt(a.position, a.viewPixels);
    if (!hit) return;
    const auto body = bodyFromName(scene_.structures[static_cast<std::size_t>(hit->structure)].info.body);
    const std::vector<JointCoordinate> coordinates = body ? coordinatesDrivenBy(*body) : std::vector<JointCoordinate>{};
    if (coordinates.empty()) return;
    JointDrag drag;
    drag.body = *body;
    drag.start = motionState_.currentPose();
    const glm::mat4 drawn = bodyOrientationTransform(drag.start) * solveSkeleton(motion_->skeleton(), drag.start)[*body];
    drag.grabbed = glm::vec3(glm::inverse(drawn) * glm::vec4(hit->point, 1.0f));
    for (const JointCoordinate coordinate : coordinates)
        drag.driven.push_back({coordinate, rangeIncluding(motionState_.controlRange(coordinate), coordinateValue(drag.start, coordinate))});
    animation_.cancel();  // the camera holds still while a limb is dragged (auto-rotate waits: dragging_)
    drag.camera = camera_;
    drag.viewPixels = a.viewPixels;
    drag.pointerStart = a.position;
    motionState_.beginDrag();
    jointDrag_ = std::move(drag);
}
void ViewerSession::handle(const act::DragJoint& a) {
    if (!jointDrag_ || !motion_) return;
    std::vector<JointCoordinate> coordinates;
    for (const DrivenCoordinate& driven : jointDrag_->driven) coordinates.push_back(driven.coordinate);
    motionState_.dragJoints(dragPose(motion_->skeleton(), *jointDrag_, a.position), coordinates);
}
void ViewerSession::handle(const act::ReleaseJoint&) {
    if (jointDrag_) motionState_.endDrag();
    jointDrag_.reset();
}
void ViewerSession::handle(const act::UndoPoseDrag&) {
    if (!jointDrag_ && motion_) motionState_.undoDrag();
}
void ViewerSession::handle(const act::SetMoveJoints& a) { moveJoints_ = a.on; }

void ViewerSession::handle(const act::SetViewAspect& a) {
    viewAspect_ = std::max(a.aspect, 1e-3f);
    // A step's view is framed for the 3D view's shape; when that changes (window resized, text size
    // changed, the caption grew or moved beside the model) it is framed again: a preset so the model
    // still fills the view, a camera table so the width its author framed still shows.
    if (!a.reframe || !player_.active() || (!staged_.view && !staged_.camera) || framedAspect_ <= 0.0f) return;
    if (viewAspect_ == framedAspect_ || std::abs(viewAspect_ - framedAspect_) < a.tolerance * framedAspect_) return;
    framedAspect_ = viewAspect_;
    if (staged_.camera) {
        animateTo(fitAuthoredCamera(*staged_.camera, viewAspect_));
        return;
    }
    Bounds shown;
    for (std::size_t i = 0; i < scene_.structures.size(); ++i)
        if (visibility_.visible(i) && visibility_.opacity(i) >= 1.0f) shown.include(scene_.structures[i].mesh.bounds);
    if (shown.empty()) shown = scene_.bounds;
    animateTo(framePreset(*staged_.view, shown, camera_.fovYDegrees, viewAspect_));
}

void ViewerSession::handle(const act::SetCamera& a) {
    animation_.cancel();
    takeCamera();
    camera_.pose = a.pose;
}

void ViewerSession::handle(const act::FinishTransitions&) {
    if (animation_.active()) camera_.pose = animation_.destination();
    animation_.cancel();
    for (std::size_t i = 0; i < displayOpacity_.size(); ++i) displayOpacity_[i] = visibility_.visible(i) ? visibility_.opacity(i) : 0.0f;
    motionState_.finishTransition();
    solveIfChanged();
}

// The frame ----------------------------------------------------------------------------------------

std::vector<StructureLook> ViewerSession::structureLooks() const {
    std::vector<StructureLook> looks(scene_.structures.size());
    const bool colourByLength = motion_ && motionState_.settings().colourByLength;
    const int hoveredNow = hovered();
    for (std::size_t i = 0; i < looks.size(); ++i) {
        StructureLook& look = looks[i];
        look.visible = displayOpacity_[i] > 0.003f;
        look.opacity = displayOpacity_[i];
        look.hovered = static_cast<int>(i) == hoveredNow;
        look.selected = static_cast<int>(i) == selected_;
        look.highlighted = i < staged_.highlighted.size() && staged_.highlighted[i];
        const bool painted = i < staged_.painted.areas.size() && !staged_.painted.areas[i].empty();
        look.areas = painted ? &staged_.painted.areas[i] : nullptr;
        look.areaPaints = painted ? &staged_.painted.paints[i] : nullptr;
        if (!motion_) continue;
        look.model = motion_->model(i);
        // Every muscle loses its own colour (issue 13): a muscle's red never reads as "longer".
        if (colourByLength && scene_.structures[i].info.group == StructureGroup::Muscle) {
            const auto change = motion_->lengthChange(i);
            look.tint = change ? lengthColour(*change) : kNotComputedColour;
            look.tintAmount = 1.0f;
        }
    }
    return looks;
}

FrameState ViewerSession::frameState(const ViewRect& view, glm::vec2 displaySize, glm::ivec2 framebufferSize,
                                     glm::vec4 background, AntiAliasing antiAliasing, bool blankShown) const {
    FrameState frame;
    frame.camera = camera_;
    frame.framebufferSize = framebufferSize;
    frame.viewport = viewportPixels(view, displaySize, framebufferSize);
    frame.background = background;
    frame.antiAliasing = antiAliasing;
    frame.blank = blank_ && blankShown;
    if (frame.blank) return frame;
    frame.looks = structureLooks();
    frame.modelRegion = modelScreenRegion(scene_, motion_.get(), frame.looks, camera_, frame.viewport);
    return frame;
}

std::vector<PosedLabel> ViewerSession::labels() const {
    std::vector<PosedLabel> labels;
    auto posed = [&](const StepLabel& label) {
        const auto structure = static_cast<std::size_t>(label.structure);
        if (!motion_) return label.localPoint;
        // Anchors come from the posed meshes (issue 12, defect 3): a bent mesh by the vertex
        // nearest the point, carrying the point's offset from it; a rigid one by its transform.
        const std::vector<glm::vec3>* bent = motion_->positions(structure);
        if (bent && label.vertex >= 0 && static_cast<std::size_t>(label.vertex) < bent->size()) {
            const auto vertex = static_cast<std::size_t>(label.vertex);
            const glm::vec3 upright = (*bent)[vertex] + (label.localPoint - scene_.structures[structure].mesh.positions[vertex]);
            return glm::vec3(motion_->model(structure) * glm::vec4(upright, 1.0f));  // a lying body's turn
        }
        return glm::vec3(motion_->model(structure) * glm::vec4(label.localPoint, 1.0f));
    };
    // While a motion loops, a bending muscle's label is placed by its unbent point (PosedLabel::home):
    // its row stays while the leg swings. A still pose places it by what shows.
    auto unbent = [&](const StepLabel& label) -> std::optional<glm::vec3> {
        const auto structure = static_cast<std::size_t>(label.structure);
        if (!motion_ || !motionState_.looping() || !motion_->positions(structure)) return std::nullopt;
        return glm::vec3(motion_->model(structure) * glm::vec4(label.localPoint, 1.0f));
    };
    // A hidden structure's label would point at nothing (issue 12, defect 6).
    auto shown = [&](const StepLabel& label) { return label.structure >= 0 && visibility_.visible(static_cast<std::size_t>(label.structure)); };
    std::vector<StepLabel> wanted = staged_.labels;
    addLengthTags(wanted);
    for (const StepLabel& label : wanted) {
        if (!shown(label)) continue;
        PosedLabel out{label.text, label.structure, posed(label), label.landmark, {}, unbent(label)};
        for (const StepLabel& other : label.alsoAt)
            if (shown(other)) out.alsoAt.emplace_back(other.structure, posed(other));
        labels.push_back(std::move(out));
    }
    return labels;
}

// Each tagged muscle's length goes under its label: the step's own, or one added for the tag. A
// quiz question keeps them back with the step's labels: they would point at the answer.
void ViewerSession::addLengthTags(std::vector<StepLabel>& labels) const {
    if (!motion_ || !motionState_.settings().lengthTags || quizOpen()) return;
    for (const std::string_view id : kLengthTagMuscles) {
        const MuscleReadout* readout = motion_->readout(id);
        const int structure = scene_.findStructure(id);
        if (!readout || structure < 0) continue;
        const std::string tag = lengthTagText(*readout);
        const auto named = std::find_if(labels.begin(), labels.end(),
                                        [&](const StepLabel& label) { return label.structure == structure && !label.landmark; });
        StepLabel& label = named != labels.end() ? *named : labels.emplace_back(structureLabel(scene_, structure));
        label.text += "\n" + tag;
    }
}

std::vector<ViewLabel> ViewerSession::viewLabels(glm::vec2 viewPixels, Silhouette* model) const {
    if (model) *model = {};
    const std::vector<PosedLabel> posed = labels();
    if (posed.empty()) return {};
    const std::vector<StructureLook> looks = structureLooks();
    const SceneSight sight(scene_, motion_.get(), looks);
    if (model) {
        constexpr int kRows = 64;
        model->rowHeight = viewPixels.y / static_cast<float>(kRows);
        model->rows = sight.screenRows(camera_, viewPixels, kRows);
    }
    return anchorLabels(posed, sight, camera_, viewPixels);
}

}  // namespace psoas
