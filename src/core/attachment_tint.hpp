#pragma once
// Telling different muscles' attachment areas apart when a step paints several (issue 15: in the
// "both sides together" step every origin was the same blue and the psoas minor's patches touched
// the psoas major's). Each muscle of a step gets a tint slot; the left and right copies of one
// muscle (ids that differ only in the `_l` / `_r` suffix of the atlas convention) share a slot.
// Slot colours and patterns live in shaders/mesh.frag and the legend (ui/viewer_panels.cpp).

#include "core/atlas.hpp"

#include <string>
#include <vector>

namespace psoas {

struct Scene;

// At most this many distinct tints; later muscles reuse the last slot.
constexpr int kAttachmentTintSlots = 4;

// The slot of each id in `muscleIds` (the step's `attachments` list, in order).
[[nodiscard]] std::vector<int> attachmentTintSlots(const std::vector<std::string>& muscleIds);

// How one painted area looks: its kind (origin, insertion, or a tendon or cartilage region painted
// outside lessons) and, for origins and insertions, its muscle's tint slot (0 .. kAttachmentTintSlots-1).
// The renderer turns it into what the mesh shader reads (render/paint_code.hpp).
struct AreaPaint {
    AttachmentKind kind = AttachmentKind::Origin;
    int tintSlot = 0;
    bool operator==(const AreaPaint&) const = default;
};

// An attachment area of a muscle in `slot` (clamped to the palette).
[[nodiscard]] AreaPaint attachmentPaint(AttachmentKind kind, int slot);

// One legend line per slot, in slot order: the display names of the step's muscles in that slot,
// joined with ", " ("Right psoas major, Left psoas major"). Ids the scene lacks are skipped.
[[nodiscard]] std::vector<std::string> attachmentLegendLines(const Scene& scene, const std::vector<std::string>& muscleIds);

}  // namespace psoas
