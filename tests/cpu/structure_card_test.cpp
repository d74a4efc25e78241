// The structure card (issue 14): words a student needs, from the atlas, and what attaches where,
// derived from the muscles' painted areas.

#include "core/atlas.hpp"
#include "core/scene.hpp"
#include "core/structure_card.hpp"
#include "support/test_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace psoas {
namespace {

const Scene& builtInScene() {
    static const Scene scene = loadScene(loadAtlas(psoas::test::sourceDirectory() / "models" / "atlas.toml"));
    return scene;
}

std::size_t indexOf(const std::string& id) {
    const auto& all = builtInScene().structures;
    const auto it = std::find_if(all.begin(), all.end(), [&](const SceneStructure& s) { return s.info.id == id; });
    EXPECT_NE(it, all.end()) << id;
    return static_cast<std::size_t>(it - all.begin());
}

std::string textOf(const std::vector<CardLine>& lines, const std::string& label) {
    std::string text;
    for (const CardLine& line : lines)
        if (line.label == label) text += line.text + "\n";
    return text;
}

TEST(StructureCard, the_atlas_reads_a_structures_facts_and_reports_an_unknown_field_where_it_is) {
    const Atlas atlas = parseAtlas(R"([[structure]]
id = "m"
name = "M"
group = "muscle"
mesh = "m.glb"
  [structure.facts]
  summary = "A muscle."
  innervation = "Femoral nerve (L2 and L3)."
  blood_supply = "An artery."
  source = "docs/sources.md"
)",
                                   "atlas.toml");
    EXPECT_EQ(atlas.structures[0].facts.summary, "A muscle.");
    EXPECT_EQ(atlas.structures[0].facts.innervation, "Femoral nerve (L2 and L3).");
    EXPECT_EQ(atlas.structures[0].facts.bloodSupply, "An artery.");
    EXPECT_TRUE(atlas.structures[0].facts.origin.empty());
    try {
        parseAtlas("[[structure]]\nid = \"m\"\nname = \"M\"\ngroup = \"muscle\"\nmesh = \"m.glb\"\n  [structure.facts]\n  nerve = \"x\"\n",
                   "atlas.toml");
        FAIL() << "expected an unknown field";
    } catch (const DataFileError& e) {
        EXPECT_EQ(e.diagnostics().front().format().rfind("atlas.toml:7:3: ", 0), 0u) << e.diagnostics().front().format();
        EXPECT_NE(e.diagnostics().front().format().find("nerve"), std::string::npos);
    }
}

TEST(StructureCard, every_muscle_of_the_built_in_set_says_origin_insertion_action_nerve_and_blood_supply) {
    for (std::size_t i = 0; i < builtInScene().structures.size(); ++i) {
        const StructureInfo& info = builtInScene().structures[i].info;
        SCOPED_TRACE(info.id);
        EXPECT_FALSE(info.facts.summary.empty());
        EXPECT_EQ(info.facts.source, "Gray's Anatomy, 41st ed. (Standring 2016), in our own words");  // docs/sources.md §10
        if (info.group != StructureGroup::Muscle) continue;
        EXPECT_FALSE(info.facts.origin.empty());
        EXPECT_FALSE(info.facts.insertion.empty());
        EXPECT_FALSE(info.facts.action.empty());
        EXPECT_FALSE(info.facts.innervation.empty());
        EXPECT_FALSE(info.facts.bloodSupply.empty());
    }
    // The left side reads as the right.
    EXPECT_EQ(builtInScene().structures[indexOf("iliacus_l")].info.facts.innervation,
              builtInScene().structures[indexOf("iliacus_r")].info.facts.innervation);
}

TEST(StructureCard, a_muscle_card_gives_its_words_and_no_geometry) {
    const std::vector<CardLine> lines = structureCard(builtInScene(), indexOf("psoas_major_r"));
    ASSERT_FALSE(lines.empty());
    EXPECT_TRUE(lines.front().label.empty()) << "the summary comes first, on its own";
    EXPECT_NE(textOf(lines, "Innervation").find("L1 to L3"), std::string::npos);
    EXPECT_NE(textOf(lines, "Insertion (distal attachment)").find("Lesser trochanter"), std::string::npos);
    EXPECT_FALSE(textOf(lines, "Blood supply").empty());
    EXPECT_EQ(lines.back().label, "Source");
    for (const CardLine& line : lines) EXPECT_EQ(line.text.find("triangle"), std::string::npos) << line.text;
}

TEST(StructureCard, a_bone_card_lists_the_muscles_the_model_attaches_to_it_on_its_own_side) {
    const std::string attached = textOf(structureCard(builtInScene(), indexOf("femur_r")), "Attached here");
    EXPECT_NE(attached.find("Right psoas major: insertion"), std::string::npos) << attached;
    EXPECT_NE(attached.find("Right iliacus: insertion"), std::string::npos) << attached;
    EXPECT_EQ(attached.find("Left"), std::string::npos) << attached;
    const std::string l3 = textOf(structureCard(builtInScene(), indexOf("l3")), "Attached here");
    EXPECT_NE(l3.find("Right psoas major: origin"), std::string::npos) << l3;
    EXPECT_NE(l3.find("Left psoas major: origin"), std::string::npos) << l3;
    EXPECT_TRUE(structureCard(builtInScene(), builtInScene().structures.size()).empty());
}

}  // namespace
}  // namespace psoas
