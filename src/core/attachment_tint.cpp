#include "core/attachment_tint.hpp"

#include "core/scene.hpp"

#include <algorithm>

namespace psoas {

namespace {
std::string withoutSide(const std::string& id) {
    const bool sided = id.size() > 2 && id[id.size() - 2] == '_' && (id.back() == 'l' || id.back() == 'r');
    return sided ? id.substr(0, id.size() - 2) : id;
}
}  // namespace

std::vector<int> attachmentTintSlots(const std::vector<std::string>& muscleIds) {
    std::vector<std::string> seen;
    std::vector<int> slots;
    for (const std::string& id : muscleIds) {
        const std::string muscle = withoutSide(id);
        auto at = std::find(seen.begin(), seen.end(), muscle);
        if (at == seen.end()) at = seen.insert(seen.end(), muscle);
        slots.push_back(std::min(static_cast<int>(at - seen.begin()), kAttachmentTintSlots - 1));
    }
    return slots;
}

AreaPaint attachmentPaint(AttachmentKind kind, int slot) { return {kind, std::clamp(slot, 0, kAttachmentTintSlots - 1)}; }

std::vector<std::string> attachmentLegendLines(const Scene& scene, const std::vector<std::string>& muscleIds) {
    const std::vector<int> slots = attachmentTintSlots(muscleIds);
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < muscleIds.size(); ++i) {
        const int index = scene.findStructure(muscleIds[i]);
        if (index < 0) continue;
        const auto slot = static_cast<std::size_t>(slots[i]);
        if (lines.size() <= slot) lines.resize(slot + 1);
        const std::string& name = scene.structures[static_cast<std::size_t>(index)].info.name;
        lines[slot] += (lines[slot].empty() ? "" : ", ") + name;
    }
    return lines;
}

}  // namespace psoas
