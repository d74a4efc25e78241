#include "core/scene_motion.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <string>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace psoas {

namespace {
// Vertex revisions are numbered across every SceneMotion of the process, so a renderer that kept the
// numbers of a scene opened before never takes a new one's vertices for those it uploaded.
std::uint64_t nextVertexRevision() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

// A structure moves with its own body when it has one (vertebrae, discs, femurs), otherwise with
// the body the atlas names for it.
std::optional<Body> bodyFor(const StructureInfo& info) {
    if (auto own = bodyFromName(info.id)) return own;
    return bodyFromName(info.body);
}

// The landmarks of the structure holding the psoas fascicle origins.
const std::vector<Landmark>& rightPsoasLandmarks(const Scene& scene) {
    const int psoas = scene.findStructure(kRightPsoasId);
    if (psoas < 0) throw std::invalid_argument("the atlas has no structure '" + std::string(kRightPsoasId) + "'");
    return scene.structures[static_cast<std::size_t>(psoas)].info.landmarks;
}

// Soft tissue that moves with the trunk rather than a thigh: it lies along the column.
bool carriedByColumn(const StructureInfo& info, const std::optional<Body>& body) {
    const bool soft = info.group == StructureGroup::Muscle || info.group == StructureGroup::Ligament;
    return soft && body && *body != Body::FemurRight && *body != Body::FemurLeft;
}
}  // namespace

SceneMotion::SceneMotion(const Scene& scene)
    : scene_(scene), skeleton_(scene.joints), models_(scene.structures.size(), glm::mat4(1.0f)),
      muscles_(hipFlexorMuscles(skeleton_, rightPsoasLandmarks(scene))), muscleOf_(scene.structures.size(), -1) {
    for (const auto& s : scene.structures) bodyOf_.push_back(bodyFor(s.info));

    const Pose neutral{};
    const BodyTransforms bodies = solveSkeleton(skeleton_, neutral);
    for (const HipReferenceInfo& info : hipReferences()) {
        ReferencePaths reference{info.id, hipFlexorMuscles(info.id, skeleton_, rightPsoasLandmarks(scene)), {}};
        std::vector<PathState> scratch;
        for (const Muscle& muscle : reference.muscles)
            reference.neutralLengthMm.push_back(evaluateMuscle(muscle, neutral, bodies, scratch).length * 1000.0f);
        references_.push_back(std::move(reference));
    }
    states_.resize(muscles_.size());
    for (std::size_t m = 0; m < muscles_.size(); ++m) {
        evaluateMuscle(muscles_[m], neutral, bodies, states_[m]);
        const int structure = scene.findStructure(muscles_[m].id);
        if (structure < 0) continue;
        muscleOf_[static_cast<std::size_t>(structure)] = static_cast<int>(m);
        muscleCentreLine(states_[m], centreLine_);
        try {
            auto deformer = std::make_unique<MuscleDeformer>(scene.structures[static_cast<std::size_t>(structure)].mesh, centreLine_);
            // A single-path muscle (the iliacus) lies on the pelvis from its origin to the brim: that
            // fan stays on the bone as the hip bends. The psoas's lumbar part follows the spine.
            if (muscles_[m].paths.size() == 1) deformer->anchorStart(2, centreLine_);
            // The psoas's belly lies along the vertebrae from its first origin to its last: that
            // stretch keeps its length, so the belly does not slide up the spine as the hip bends.
            else deformer->keepStartLength(2, centreLine_);
            bent_.push_back({static_cast<std::size_t>(structure), m, std::move(deformer), {}, {}});
        } catch (const std::invalid_argument& e) {
            // Still shown, moving rigidly with its body; the viewer says which and why.
            const StructureInfo& info = scene.structures[static_cast<std::size_t>(structure)].info;
            notes_.push_back(info.id + ": " + info.name + " cannot bend along its line of action (" + e.what() +
                             "); it moves rigidly with its body");
        }
    }
    const int diaphragm = scene.findStructure("diaphragm");
    for (std::size_t i = 0; i < scene.structures.size(); ++i) {
        const SceneStructure& s = scene.structures[i];
        if (muscleOf_[i] >= 0 || !carriedByColumn(s.info, bodyOf_[i])) continue;
        ColumnSkin skin(s.mesh.positions, skeleton_);
        const bool isDome = static_cast<int>(i) == diaphragm;
        if (!skin.spansJoints() && !isDome) continue;  // on one body: rigid, as before
        if (isDome) dome_ = carried_.size();
        std::vector<float> descentWeight;
        if (isDome)
            for (const glm::vec3& p : s.mesh.positions) descentWeight.push_back(domeDescentWeight(p));
        carried_.push_back({i, std::move(skin), s.mesh.positions, s.mesh.normals, s.mesh.positions, s.mesh.normals,
                            std::move(descentWeight), std::nullopt, 0});
    }
    update(neutral, 0.0f, BreathDepth::Quiet, 1.0f);
}

const std::vector<glm::vec3>* SceneMotion::positions(std::size_t structure) const {
    for (const Bent& b : bent_)
        if (b.structure == structure) return &b.deformer->positions();
    for (const Carried& c : carried_)
        if (c.structure == structure) return &c.positions;
    return nullptr;
}

std::uint64_t SceneMotion::vertexRevision(std::size_t structure) const {
    for (const Bent& b : bent_)
        if (b.structure == structure) return b.revision;
    for (const Carried& c : carried_)
        if (c.structure == structure) return c.revision;
    return 0;
}

const std::vector<glm::vec3>* SceneMotion::normals(std::size_t structure) const {
    for (const Bent& b : bent_)
        if (b.structure == structure) return &b.deformer->normals();
    for (const Carried& c : carried_)
        if (c.structure == structure) return &c.normals;
    return nullptr;
}

std::optional<float> SceneMotion::lengthChange(std::size_t structure) const {
    if (muscleOf_[structure] < 0) return std::nullopt;
    const MuscleReadout* r = readout(scene_.structures[structure].info.id);
    if (!r) return std::nullopt;
    return r->lengthMm / r->neutralLengthMm - 1.0f;
}

const SceneMotion::ReferencePaths& SceneMotion::paths(HipReference reference) const {
    for (const ReferencePaths& paths : references_)
        if (paths.id == reference) return paths;
    return references_.front();  // every HipReference is in hipReferences()
}

// The readouts: `reference`'s muscles in the true pose.
void SceneMotion::measure(HipReference reference, const Pose& truePose, const BodyTransforms& trueBodies, bool drawnAsTrue) {
    const ReferencePaths& measured = paths(reference);
    reference_ = measured.id;
    readouts_.resize(measured.muscles.size());
    readoutStates_.resize(measured.muscles.size());
    // The drawn muscles are the default reference's (hipFlexorMuscles(Gait2392, ...) is exactly
    // hipFlexorMuscles(...)), in the same order: when they were just evaluated in the true pose,
    // their paths are this muscle's, and are not worked out twice.
    auto drawn = [&](std::size_t m) -> const Bent* {
        if (!drawnAsTrue || measured.id != HipReference::Gait2392) return nullptr;
        for (const Bent& b : bent_)
            if (b.muscle == m) return &b;
        return nullptr;
    };
    for (std::size_t m = 0; m < measured.muscles.size(); ++m) {
        const Muscle& muscle = measured.muscles[m];
        const Bent* asDrawn = drawn(m);
        const MuscleState state = asDrawn ? asDrawn->state : evaluateMuscle(muscle, truePose, trueBodies, readoutStates_[m]);
        const std::vector<PathState>& fascicles = asDrawn ? states_[m] : readoutStates_[m];
        MuscleReadout& readout = readouts_[m];
        readout.id = muscle.id;
        readout.neutralLengthMm = measured.neutralLengthMm[m];
        readout.lengthMm = state.length * 1000.0f;
        readout.momentArmMm = state.momentArm * 1000.0f;
        readout.fascicleLengthsMm.resize(muscle.paths.size());
        for (std::size_t p = 0; p < muscle.paths.size(); ++p)
            readout.fascicleLengthsMm[p] = {muscle.paths[p].part, fascicles[p].length * 1000.0f};
    }
}

namespace {
// Whether update()'s `wanted` (empty: every structure) asks for the structure's vertices.
bool isWanted(const std::vector<bool>& wanted, std::size_t structure) {
    return wanted.empty() || (structure < wanted.size() && wanted[structure]);
}
}  // namespace

void SceneMotion::update(const Pose& pose, float breath, BreathDepth depth, float exaggeration, HipReference reference,
                         const std::vector<bool>& wanted) {
    // bending_ still lists what the last update() bent: a walking frame follows a walking frame, so
    // the helper thread is woken now, while the pose and lines are worked out (HelperThread::prepare).
    if (helper_ && bending_.size() >= 2) helper_->prepare();
    // The truth, for the numbers.
    const Pose truePose = withBreath(pose, breath, depth);
    const BodyTransforms trueBodies = solveSkeleton(skeleton_, truePose);
    domeDescentMm_ = diaphragmDomeDescent(breath, depth) * 1000.0f;

    // The picture: breathing enlarged by the exaggeration factor.
    Pose shown = pose;
    shown.lumbarExtension += breathLumbarExtension(breath, depth) * exaggeration;
    const BodyTransforms bodies = exaggeration == 1.0f ? trueBodies : solveSkeleton(skeleton_, shown);
    // Lying is drawn lying (issue 13): every structure's model transform turns the whole picture,
    // after the bending below is done upright (its frames are chosen in the scene frame), so the
    // turn is rigid; the numbers never see it.
    const glm::mat4 turn = bodyOrientationTransform(pose);
    for (std::size_t i = 0; i < models_.size(); ++i) models_[i] = bodyOf_[i] ? turn * bodies[*bodyOf_[i]] : turn;
    bending_.clear();
    for (Bent& b : bent_) {
        b.state = evaluateMuscle(muscles_[b.muscle], shown, bodies, states_[b.muscle]);
        muscleCentreLine(states_[b.muscle], centreLine_);
        models_[b.structure] = turn;  // the deformed vertices are already placed upright
        if (!isWanted(wanted, b.structure)) continue;
        if (b.revision != 0 && centreLine_ == b.bentAlong) continue;  // the same line bends it the same way
        b.bentAlong = centreLine_;
        b.revision = nextVertexRevision();
        bending_.push_back(&b);
    }
    // Bending is most of a walking frame's work (issue 13): every other muscle is bent on a helper
    // thread while this one bends the rest, measures and places the column's parts. None of these
    // reads what another writes.
    auto bendEvery = [this](std::size_t first) {
        for (std::size_t k = first; k < bending_.size(); k += 2) bending_[k]->deformer->deform(bending_[k]->bentAlong);
    };
    auto theirs = [&] { bendEvery(1); };
    auto mine = [&] {
        bendEvery(0);
        measure(reference, truePose, trueBodies, exaggeration == 1.0f);  // then `shown` is `truePose` and `bodies` `trueBodies`
        placeCarried(bodies, breath, depth, exaggeration, turn, wanted);
    };
    if (bending_.size() < 2) {
        theirs();
        mine();
        return;
    }
    if (!helper_) helper_ = std::make_unique<HelperThread>();
    helper_->together(theirs, mine);
}

void SceneMotion::placeCarried(const BodyTransforms& bodies, float breath, BreathDepth depth, float exaggeration, const glm::mat4& turn,
                               const std::vector<bool>& wanted) {
    for (Carried& c : carried_) models_[c.structure] = turn;  // the vertices are already placed upright
    CarriedInputs inputs{bodies, 0.0f};
    inputs.bodies[Body::FemurRight] = inputs.bodies[Body::FemurLeft] = glm::mat4(1.0f);  // no carried part follows a femur
    // 7 cm at most on screen: about 60 % of the model dome's 12 cm rise above the crura (sources
    // §3 apex estimate), so even an enlarged deep breath leaves a dome, not a hole.
    constexpr float kMostShownDescent = 0.07f;
    const float trueDescent = diaphragmDomeDescent(breath, depth);
    if (dome_) {
        inputs.shownDescent = std::min(trueDescent * exaggeration, std::max(trueDescent, kMostShownDescent));
        const float fullShown = std::min(domeExcursion(depth) * exaggeration, std::max(domeExcursion(depth), kMostShownDescent));
        domeShownFactor_ = fullShown / domeExcursion(depth);
    }
    // Each part goes where the vertebra beside it has gone (the dome, lowered first, with T12 and its
    // ribs), when it is wanted and its inputs changed.
    for (Carried& c : carried_) {
        if (!isWanted(wanted, c.structure)) continue;
        if (c.placedFrom == inputs) continue;
        c.placedFrom = inputs;
        c.positions = c.neutral;  // same size: copies, never allocates
        c.normals = c.neutralNormals;
        c.revision = nextVertexRevision();
        // The dome descends by the (exaggerated) excursion, most at the top so it also flattens;
        // the crura stay on the spine (sources §5). Same falloff as deformDiaphragmVertex, which
        // clamps to the true excursion and so cannot show an exaggerated one.
        for (std::size_t v = 0; v < c.descentWeight.size(); ++v) c.positions[v].y -= c.descentWeight[v] * inputs.shownDescent;
        c.skin.place(bodies, c.positions, c.normals);
    }
}

const MuscleReadout* SceneMotion::readout(std::string_view muscleId) const {
    for (const MuscleReadout& r : readouts_)
        if (r.id == muscleId) return &r;
    return nullptr;
}

std::vector<glm::vec2> SceneMotion::lengthAgainstHipFlexion(const Pose& base, std::string_view muscleId, float fromDegrees,
                                                            float toDegrees, float stepDegrees, HipReference reference) const {
    std::vector<glm::vec2> curve;
    for (const Muscle& muscle : paths(reference).muscles) {
        if (muscle.id != muscleId) continue;
        std::vector<PathState> states;
        for (float angle = fromDegrees; angle <= toDegrees + 1e-3f; angle += stepDegrees) {
            Pose pose = base;
            pose.hipRight.flexion = pose.hipLeft.flexion = angle;
            const MuscleState state = evaluateMuscle(muscle, pose, solveSkeleton(skeleton_, pose), states);
            curve.emplace_back(angle, state.length * 1000.0f);
        }
    }
    return curve;
}

}  // namespace psoas
