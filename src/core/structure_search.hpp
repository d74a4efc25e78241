#pragma once
// Finding a structure by name: what the Structures tab's search field lists. A student types
// "troch" or "iliacus" or the Latin "psoas major" and gets the structures (and landmarks) whose
// names hold every word typed.

#include "core/scene.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace psoas {

struct StructureMatch {
    int structure = -1;    // index into scene.structures
    std::string landmark;  // the landmark's name when it matched through one of its landmarks, else empty
};

// Every structure whose English name, Terminologia Anatomica (Latin) name or id holds each word of
// `query` at the start of one of its words (case-insensitive, ASCII letters folded), in scene order;
// then every landmark whose name does, with its structure. Words a class uses for what the atlas
// names otherwise are read as it: "iliopsoas" finds both psoas major and iliacus, "ASIS" the
// anterior superior iliac spine, "crus" the diaphragm, a landmark's Latin name ("trochanter minor")
// the landmark. When nothing matches, a slip is forgiven (one in a word of 4-7 letters, two from 8:
// "illiacus", "soas"). An empty or blank query finds nothing.
[[nodiscard]] std::vector<StructureMatch> findStructures(const Scene& scene, std::string_view query);

}  // namespace psoas
