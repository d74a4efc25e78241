#include "core/structure_card.hpp"

namespace psoas {

namespace {

void add(std::vector<CardLine>& lines, const char* label, const std::string& text) {
    if (!text.empty()) lines.push_back({label, text});
}

// "Right psoas major: origin, L3 transverse process" for every area another structure paints here.
std::vector<std::string> attachedHere(const Scene& scene, const std::string& id) {
    std::vector<std::string> found;
    for (const SceneStructure& other : scene.structures)
        for (const AttachmentArea& area : other.info.attachments)
            if (area.bone == id)
                found.push_back(other.info.name + ": " + std::string(toString(area.kind)) + (area.name.empty() ? "" : ", " + area.name));
    return found;
}

}  // namespace

std::vector<CardLine> structureCard(const Scene& scene, std::size_t index) {
    std::vector<CardLine> lines;
    if (index >= scene.structures.size()) return lines;
    const StructureInfo& info = scene.structures[index].info;
    const StructureFacts& facts = info.facts;
    add(lines, "", facts.summary);
    add(lines, "Origin (proximal attachment)", facts.origin);
    add(lines, "Insertion (distal attachment)", facts.insertion);
    add(lines, "Action", facts.action);
    add(lines, "Innervation", facts.innervation);
    add(lines, "Blood supply", facts.bloodSupply);
    for (const std::string& line : attachedHere(scene, info.id)) add(lines, "Attached here", line);
    const bool facts_given = !lines.empty();
    for (const Landmark& landmark : info.landmarks) add(lines, "Landmarks", landmark.name);
    if (facts_given) add(lines, "Source", facts.source);
    return lines;
}

}  // namespace psoas
