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

}  // namespace
}  // namespace psoas
