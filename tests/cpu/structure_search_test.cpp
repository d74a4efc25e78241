// The Structures tab's search (issue 14: "finding structures"): English, Latin and landmark names.

#include "core/structure_search.hpp"
#include "support/built_in_anatomy.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace psoas {
namespace {

const Scene& scene() {
    static const Scene built = loadScene(test::builtInAtlas());
    return built;
}

std::vector<std::string> namesFound(std::string_view query) {
    std::vector<std::string> names;
    for (const StructureMatch& match : findStructures(scene(), query))
        names.push_back(scene().structures[static_cast<std::size_t>(match.structure)].info.name +
                        (match.landmark.empty() ? "" : " / " + match.landmark));
    return names;
}

TEST(StructureSearch, every_word_must_match_in_any_case_across_english_latin_and_ids) {
    EXPECT_EQ(namesFound("right PSOAS major"), (std::vector<std::string>{"Right psoas major"}));
    EXPECT_EQ(namesFound("dexter iliacus"), (std::vector<std::string>{"Right iliacus"})) << "Latin: Musculus iliacus dexter";
    EXPECT_EQ(namesFound("psoas_minor_l"), (std::vector<std::string>{"Left psoas minor"}));
    EXPECT_TRUE(namesFound("   ").empty());
    EXPECT_TRUE(namesFound("gluteus").empty()) << "not in the model";
}

TEST(StructureSearch, landmarks_are_found_with_their_structure_after_the_structures) {
    const std::vector<std::string> found = namesFound("lesser trochanter");
    ASSERT_GE(found.size(), 2u);
    EXPECT_NE(std::find(found.begin(), found.end(), "Right femur / Lesser trochanter"), found.end());
    EXPECT_NE(std::find(found.begin(), found.end(), "Left femur / Lesser trochanter"), found.end());
    const std::vector<std::string> psoas = namesFound("psoas");
    ASSERT_FALSE(psoas.empty());
    EXPECT_EQ(psoas.front().find(" / "), std::string::npos) << "structures come before landmarks";
}

bool holds(const std::vector<std::string>& found, const std::string& name) {
    return std::find(found.begin(), found.end(), name) != found.end();
}

// Tester, session 7: "iliopsoas", "ASIS", "crus" and "trochanter minor", words the lessons use,
// found nothing.
TEST(StructureSearch, the_words_a_class_uses_find_what_the_atlas_names_otherwise) {
    const std::vector<std::string> iliopsoas = namesFound("iliopsoas");
    EXPECT_TRUE(holds(iliopsoas, "Right psoas major"));
    EXPECT_TRUE(holds(iliopsoas, "Left iliacus"));
    EXPECT_FALSE(holds(iliopsoas, "Right psoas minor")) << "psoas minor is not part of iliopsoas";
    EXPECT_TRUE(holds(namesFound("right iliopsoas"), "Right iliacus"));
    EXPECT_FALSE(holds(namesFound("right iliopsoas"), "Left iliacus"));
    EXPECT_TRUE(holds(namesFound("ASIS"), "Right hip bone / Anterior superior iliac spine"));
    EXPECT_TRUE(holds(namesFound("crus"), "Diaphragm"));
    EXPECT_TRUE(holds(namesFound("trochanter minor"), "Left femur / Lesser trochanter"));
}

// Tester, session 7: "illiacus" and "soas" found nothing; a slip is forgiven when nothing matches
// exactly, and only then ("psoas" does not also list what "pubis" would).
TEST(StructureSearch, a_misspelt_word_still_finds_its_structure) {
    EXPECT_TRUE(holds(namesFound("illiacus"), "Right iliacus"));
    EXPECT_TRUE(holds(namesFound("soas major"), "Left psoas major"));
    EXPECT_TRUE(holds(namesFound("lesser trochnter"), "Right femur / Lesser trochanter"));
    for (const std::string& name : namesFound("psoas")) EXPECT_NE(name.find("soas"), std::string::npos) << name;
    EXPECT_TRUE(namesFound("xyz").empty()) << "three letters: no slip forgiven";
}

}  // namespace
}  // namespace psoas
