#pragma once
// "Add step from this view" (issue 14): what the viewer shows now, written as a lesson step that
// stages to the same picture (core/step_staging.hpp). The view's own state is read from the
// session: the camera where it is (mid-glide included), the shown and faded structures, the pose
// or joint angles, breathing, length tags, colour by length and auto-rotate. What only a step
// puts on the model (labels, highlights, painted attachments) is taken from the step on screen,
// less the labels and highlights on structures this view hides.

#include "core/lesson.hpp"

#include <vector>

namespace psoas {

class ViewerSession;

// The step, titled "New step", with no text, notes, duration or quiz. Structure lists name a whole
// group ("bones") where every structure of it is meant, as a teacher would write them; the camera
// is kept to 0.01 mm and 0.001 degrees, so the file reads well.
[[nodiscard]] LessonStep captureView(const ViewerSession& session);

}  // namespace psoas
