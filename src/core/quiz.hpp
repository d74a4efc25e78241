#pragma once
// Quiz steps: "click the structure" and "click the attachment area" questions inside a lesson,
// checked against where the click landed, with a hint after a wrong try and a score at the end.

#include "core/picking.hpp"
#include "core/scene.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace psoas {

struct QuizQuestion {
    std::string prompt;
    // Any of these is right: a structure id ("femur_r"), a landmark ("femur_r:lesser_trochanter",
    // right within 2.5 cm of it), or a muscle's attachment areas ("psoas_major_r:insertion",
    // "iliacus_r:origin", right on the painted patch).
    std::vector<std::string> answers;
    std::string hint;
};

// Whether a click that hit `hit` (scene frame, current pose) answers the question. `neutralPoint`
// is the same hit in the structure's neutral frame, where landmarks and areas are given.
bool answersQuestion(const QuizQuestion& question, const Scene& scene, int structure, const glm::vec3& neutralPoint);

// The score of one lesson run: each question counts once, right on the first try or not.
class QuizScore {
public:
    // Records a try at step `step`; returns whether this was the first try.
    bool record(int step, bool correct);
    [[nodiscard]] bool answered(int step) const;
    [[nodiscard]] int tries(int step) const;
    [[nodiscard]] int answeredCount() const;
    [[nodiscard]] int firstTryCorrect() const;
    void reset() { steps_.clear(); }

private:
    struct Entry {
        int tries = 0;
        bool correct = false;
        bool firstTry = false;
    };
    std::map<int, Entry> steps_;
};

}  // namespace psoas
