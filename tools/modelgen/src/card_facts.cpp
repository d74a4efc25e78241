// The words of each structure's card (issue 14): what a first-year student looks up about a
// structure. Textbook anatomy (docs/sources.md §10, Gray's), written in the project's own words;
// the left side reads as the right. Attachment lists of bones are not written here: the viewer
// derives them from the muscles' painted areas.
#include "model_set.hpp"

#include <stdexcept>
#include <utility>

namespace modelgen {

namespace {

struct Entry {
    const char* id;
    CardFacts card;
};

const char* const kLumbar =
    "A lumbar vertebra: a broad body in front that carries the weight above, an arch behind around the spinal canal, and a "
    "transverse process to each side.";
const char* const kDisc =
    "The fibrocartilage joint between two vertebral bodies: a tough outer ring (anulus fibrosus) around a soft core (nucleus "
    "pulposus).";

std::vector<Entry> catalogue() {
    return {
        {"t12", {"The last thoracic vertebra: it carries the twelfth ribs; the top slip of psoas major and of psoas minor starts at "
                 "its lower margin.", "", "", "", "", ""}},
        {"l1", {kLumbar, "", "", "", "", ""}},
        {"l2", {kLumbar, "", "", "", "", ""}},
        {"l3", {kLumbar, "", "", "", "", ""}},
        {"l4", {kLumbar, "", "", "", "", ""}},
        {"l5", {std::string(kLumbar) + " The lowest, sitting on the sacrum.", "", "", "", "", ""}},
        {"disc_t12_l1", {kDisc, "", "", "", "", ""}},
        {"disc_l1_l2", {kDisc, "", "", "", "", ""}},
        {"disc_l2_l3", {kDisc, "", "", "", "", ""}},
        {"disc_l3_l4", {kDisc, "", "", "", "", ""}},
        {"disc_l4_l5", {kDisc, "", "", "", "", ""}},
        {"disc_l5_s1", {kDisc, "", "", "", "", ""}},
        {"sacrum", {"Five fused vertebrae wedged between the two hip bones at the sacroiliac joints; part of the iliacus starts on "
                    "its ala.", "", "", "", "", ""}},
        {"coccyx", {"The tailbone: three to five small fused vertebrae below the sacrum.", "", "", "", "", ""}},
        {"hip_bone_r", {"Ilium, ischium and pubis fused into one bone. The iliacus lines its iliac fossa, the psoas crosses its "
                        "pelvic brim, and its acetabulum holds the head of the femur.", "", "", "", "", ""}},
        {"femur_r", {"The thigh bone. Its head sits in the acetabulum; the iliopsoas tendon ends on the lesser trochanter, on the "
                     "back and inner side where neck meets shaft.", "", "", "", "", ""}},
        {"rib11_r", {"A floating rib: its front end lies free in the muscles of the flank. The diaphragm arises from the inner "
                     "surfaces of the lower ribs.", "", "", "", "", ""}},
        {"rib12_r", {"The last, shortest floating rib. Quadratus lumborum holds its lower border; the lateral arcuate ligament "
                     "reaches it.", "", "", "", "", ""}},
        {"psoas_major_r",
         {"A long, thick muscle beside the lumbar spine that runs over the pelvic brim and in front of the hip joint to the femur. "
          "With the iliacus it forms the iliopsoas.",
          "Sides of the bodies of T12 to L5 and the discs between them (five slips), and the front of the L1 to L5 transverse "
          "processes; fibrous arches bridge the waists of the bodies.",
          "Lesser trochanter of the femur, through the iliopsoas tendon it shares with the iliacus.",
          "The main flexor of the hip. With the thigh fixed it flexes the trunk on the pelvis (sitting up from lying); one side "
          "alone bends the lumbar spine a little to its side.",
          "Anterior rami of the lumbar nerves L1 to L3, mostly L2.",
          "Mainly the lumbar arteries and the lumbar branch of the iliolumbar artery."}},
        {"psoas_minor_r",
         {"A small muscle with a long flat tendon, lying on the front of psoas major. Missing in about 4 people in 10.",
          "Sides of the bodies of T12 and L1 and the disc between them.",
          "Pectineal line and iliopubic eminence of the hip bone.",
          "A weak flexor of the lumbar spine on the pelvis.",
          "Anterior ramus of L1.",
          "The lumbar arteries."}},
        {"iliacus_r",
         {"A fan-shaped muscle lining the iliac fossa of the greater pelvis; it joins psoas major below the brim.",
          "Upper two-thirds of the iliac fossa, inner lip of the iliac crest, ala of the sacrum and the anterior sacroiliac and "
          "iliolumbar ligaments.",
          "Lateral side of the psoas tendon to the lesser trochanter, and the shaft just below it.",
          "Flexes the hip with psoas major. With the thigh fixed it tilts the pelvis forward.",
          "Femoral nerve (L2 and L3).",
          "Mainly the iliac branch of the iliolumbar artery; also the deep circumflex iliac artery."}},
        {"quadratus_lumborum_r",
         {"A flat, four-sided muscle of the back wall of the abdomen, between the twelfth rib and the iliac crest, lateral to "
          "and behind the psoas.",
          "Back part of the iliac crest and the iliolumbar ligament.",
          "Medial half of the lower border of the twelfth rib and the tips of the L1 to L4 transverse processes.",
          "Holds the twelfth rib down while breathing in; one side bends the trunk to its side or hitches the hip; both sides "
          "together help extend the lumbar spine.",
          "Anterior rami of T12 and L1 to L4.",
          "Lumbar arteries, the subcostal artery and the lumbar branch of the iliolumbar artery."}},
        {"diaphragm",
         {"The dome of muscle between chest and abdomen. Its crura reach down the front of the upper lumbar vertebrae, beside "
          "the psoas.",
          "Back of the xiphoid process, inner surfaces of the lower six ribs and their cartilages, the arcuate ligaments, and "
          "the bodies of L1 to L3 (right crus) and L1 to L2 (left crus).",
          "Its own central tendon.",
          "The main muscle of breathing in: it contracts, flattens and descends, enlarging the chest.",
          "Phrenic nerves (C3 to C5) for movement; the lower intercostal nerves add sensation at its rim.",
          "Superior and inferior phrenic arteries, the musculophrenic and pericardiacophrenic arteries, and the lower "
          "intercostal arteries."}},
        {"arcuate_ligaments_r",
         {"Two fibrous bands the diaphragm arises from. Medial: a thickening of the psoas fascia from the side of the L1 (or L2) "
          "body to the L1 transverse process. Lateral: over quadratus lumborum, from the L1 transverse process to the twelfth rib.",
          "", "", "", "", ""}},
        {"median_arcuate_ligament",
         {"A fibrous arch joining the two crura of the diaphragm in front of the aorta, at about T12/L1.", "", "", "", "", ""}},
        {"inguinal_ligament_r",
         {"The rolled lower edge of the external oblique aponeurosis, from the anterior superior iliac spine to the pubic "
          "tubercle. The psoas and iliacus pass beneath it into the thigh.", "", "", "", "", ""}},
        {"pubic_symphysis",
         {"The joint at the front of the pelvis where the two pubic bones meet, joined by a fibrocartilage disc.", "", "", "", "",
          ""}},
    };
}

}  // namespace

void add_card_facts(std::vector<Structure>& set) {
    auto find = [&](const std::string& id) -> Structure* {
        for (auto& s : set)
            if (s.id == id) return &s;
        return nullptr;
    };
    for (Entry& entry : catalogue()) {
        Structure* structure = find(entry.id);
        if (!structure) throw std::runtime_error(std::string("card facts name no structure '") + entry.id + "'");
        structure->card = entry.card;
        const std::string id = entry.id;
        if (id.size() > 2 && id.compare(id.size() - 2, 2, "_r") == 0)
            if (Structure* left = find(id.substr(0, id.size() - 2) + "_l")) left->card = std::move(entry.card);
    }
}

}  // namespace modelgen
