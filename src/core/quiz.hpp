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
    bool operator==(const QuizQuestion&) const = default;
};

// Whether a click that hit `hit` (scene frame, current pose) answers the question. `neutralPoint`
// is the same hit in the structure's neutral frame, where landmarks and areas are given.
bool answersQuestion(const QuizQuestion& question, const Scene& scene, int structure, const glm::vec3& neutralPoint);

// What a right answer names: the landmark ("Lesser trochanter (Right femur)") for a landmark
// answer, the structure's name otherwise; empty when the click does not answer.
std::string answerName(const QuizQuestion& question, const Scene& scene, int structure, const glm::vec3& neutralPoint);

// Quiz fairness (issue 14; tester, session 6): the natural click on the middle of the right psoas
// major lands on the psoas minor, a thin strip lying on it, and counted as wrong. A click whose
// nearest hit does not answer still counts when what it asks lies right under that hit (at most
// kQuizThinDepth behind it along the same ray); a click that hits nothing counts when what it asks
// lies within kQuizSlopPixels of it on screen (a near miss on a thin target). A click on another
// structure beside the asked one stays wrong (tester, session 7: the psoas major 4 px from the
// minor counted for the minor), and a click on empty space is no answer at all.
inline constexpr float kQuizThinDepth = 0.012f;   // metres: the psoas minor's thickness and then some
inline constexpr float kQuizSlopPixels = 6.0f;    // a fingertip's wobble on a projected model
// Where a quiz looks around a click, in view pixels from it: two rings of eight, the nearer first.
[[nodiscard]] std::vector<glm::vec2> quizProbeOffsets();

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
