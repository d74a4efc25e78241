#pragma once
// What the Structures tab's card says about one structure, in words a student needs (issue 14):
// the atlas's facts (docs/sources.md §10) and, for a bone, disc or ligament, which muscles the
// model attaches to it. No geometry counts: a student has no use for "3000 triangles".

#include "core/scene.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace psoas {

struct CardLine {
    std::string label;  // "Innervation"; empty for the summary, which stands alone
    std::string text;
};

// The card of scene.structures[index], top to bottom: summary, origin, insertion, action,
// innervation, blood supply (each only when the atlas gives it), then "Attached here" with one
// line per muscle attachment area painted on this structure ("Right psoas major: origin, L3
// transverse process"), derived from the muscles' own attachment lists, then "Landmarks" with one
// line per landmark, and last the source (when there were facts or attachments).
// An index outside the scene gives no lines.
[[nodiscard]] std::vector<CardLine> structureCard(const Scene& scene, std::size_t index);

}  // namespace psoas
