#pragma once
// What a lesson shows, checked on the scene it will be shown on: a lesson can be valid TOML with
// every id known and still give an empty slide (everything hidden, a camera that looks away from
// the model) or a label the class never sees. These are warnings: the lesson opens and plays.

#include "core/diagnostic.hpp"
#include "core/lesson.hpp"
#include "core/scene.hpp"

#include <vector>

namespace psoas {

// One warning per finding, at the step's line (column 1), its message starting with "warning: ":
// - no structure is left visible by the step's show / hide lists;
// - a label or highlight names a structure the step hides;
// - an id is both shown and hidden;
// - the step's camera table sees none of the visible structures (16:9 view, the viewer's field of
//   view), or its eye is inside one of them.
// Bounds are the structures' rest-pose bounds (a pose moves the legs a little; the check is coarse).
[[nodiscard]] std::vector<Diagnostic> lessonWarnings(const Lesson& lesson, const Scene& scene);

}  // namespace psoas
