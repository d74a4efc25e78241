#include "core/quiz.hpp"

#include <glm/geometric.hpp>

#include <cmath>

namespace psoas {

namespace {
// 2.5 cm: a fingertip on a projected model; closer than the gap between neighbouring landmarks.
constexpr float kLandmarkTolerance = 0.025f;
// Areas get a 5 mm margin: the patch's soft edge still counts.
constexpr float kAreaMargin = 0.005f;

bool matches(const std::string& answer, const Scene& scene, int structure, const glm::vec3& point) {
    const auto colon = answer.find(':');
    const std::string id = answer.substr(0, colon);
    if (colon == std::string::npos) return scene.findStructure(id) == structure;
    const std::string part = answer.substr(colon + 1);
    const int owner = scene.findStructure(id);
    if (owner < 0) return false;
    const StructureInfo& info = scene.structures[static_cast<std::size_t>(owner)].info;
    const std::optional<AttachmentKind> kind = attachmentKindFromName(part);
    if (kind == AttachmentKind::Origin || kind == AttachmentKind::Insertion) {
        for (const AttachmentArea& area : info.attachments)
            if (area.kind == *kind && scene.findStructure(area.bone) == structure &&
                glm::distance(point, area.centre) <= area.radius + kAreaMargin)
                return true;
        return false;
    }
    if (owner != structure) return false;
    for (const Landmark& landmark : info.landmarks)
        if (landmark.id == part && glm::distance(point, landmark.position) <= kLandmarkTolerance) return true;
    return false;
}
}  // namespace

bool answersQuestion(const QuizQuestion& question, const Scene& scene, int structure, const glm::vec3& neutralPoint) {
    return !answerName(question, scene, structure, neutralPoint).empty();
}

std::string answerName(const QuizQuestion& question, const Scene& scene, int structure, const glm::vec3& neutralPoint) {
    if (structure < 0) return {};
    for (const std::string& answer : question.answers) {
        if (!matches(answer, scene, structure, neutralPoint)) continue;
        const StructureInfo& hit = scene.structures[static_cast<std::size_t>(structure)].info;
        const auto colon = answer.find(':');
        if (colon != std::string::npos)
            for (const Landmark& landmark : hit.landmarks)
                if (landmark.id == answer.substr(colon + 1)) return landmark.name + " (" + hit.name + ")";
        return hit.name;
    }
    return {};
}

std::vector<glm::vec2> quizProbeOffsets() {
    std::vector<glm::vec2> offsets;
    for (const float radius : {kQuizSlopPixels * 0.5f, kQuizSlopPixels})
        for (int i = 0; i < 8; ++i) {
            const float angle = static_cast<float>(i) * 0.785398163f;  // 45 degrees apart
            offsets.emplace_back(radius * std::cos(angle), radius * std::sin(angle));
        }
    return offsets;
}

bool QuizScore::record(int step, bool correct) {
    Entry& entry = steps_[step];
    if (entry.correct) return false;  // already answered: later clicks change nothing
    const bool first = entry.tries == 0;
    ++entry.tries;
    if (correct) {
        entry.correct = true;
        entry.firstTry = first;
    }
    return first;
}

bool QuizScore::answered(int step) const {
    const auto it = steps_.find(step);
    return it != steps_.end() && it->second.correct;
}

int QuizScore::tries(int step) const {
    const auto it = steps_.find(step);
    return it == steps_.end() ? 0 : it->second.tries;
}

int QuizScore::answeredCount() const {
    int count = 0;
    for (const auto& [step, entry] : steps_) count += entry.correct;
    return count;
}

int QuizScore::firstTryCorrect() const {
    int count = 0;
    for (const auto& [step, entry] : steps_) count += entry.firstTry;
    return count;
}

}  // namespace psoas
