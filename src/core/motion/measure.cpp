#include "core/motion/measure.hpp"

#include "core/diagnostic.hpp"
#include "core/motion/breathing.hpp"
#include "core/motion/hip_reference.hpp"
#include "core/motion/joint_coordinates.hpp"
#include "core/motion/muscle_path.hpp"
#include "core/motion/pose_file.hpp"
#include "core/motion/skeleton.hpp"

#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace psoas {

namespace {

void checkRange(const char* option, const std::optional<double>& value, double lo, double hi) {
    if (!value) return;
    if (*value >= lo && *value <= hi) return;
    std::ostringstream message;
    message << option << ": " << *value << " is outside " << lo << " to " << hi;
    throw std::invalid_argument(message.str());
}
// An angle option accepts its joint's physiological range, as the joint controls, a drag and the
// length chart do (joint_coordinates.hpp): one range per joint, whatever sets it.
void checkRange(const char* option, const std::optional<double>& value, JointCoordinate joint) {
    const DegreeRange range = physiologicalRange(joint);
    checkRange(option, value, range.min, range.max);
}

Pose requestedPose(const MeasureRequest& request, const std::vector<PoseFile>& poses) {
    if (!request.pose) return {};
    std::vector<std::string> ids;
    for (const PoseFile& pose : poses) {
        if (pose.id == *request.pose) return pose.pose;
        ids.push_back(pose.id);
    }
    const std::string guess = closestMatch(*request.pose, ids);
    throw std::invalid_argument("--pose: no pose '" + *request.pose + "'" +
                                (guess.empty() ? "" : " (did you mean '" + guess + "'?)") + "; --pose list shows them");
}

const std::vector<Landmark>& rightPsoasLandmarks(const Atlas& atlas) {
    for (const StructureInfo& structure : atlas.structures)
        if (structure.id == kRightPsoasId) return structure.landmarks;
    throw std::invalid_argument(atlas.file.string() + ": no structure '" + std::string(kRightPsoasId) + "'");
}

// Every row repeats what it was computed for (the hip geometry and the pose), so rows from several
// runs pasted into one spreadsheet still say where they came from.
struct RowWriter {
    std::ostream& out;
    std::string context;  // ",gait2392,sitting"

    void operator()(const std::string& structure, const std::string& part, const char* quantity, double value,
                    const char* unit = "mm") const {
        char number[32];
        std::snprintf(number, sizeof number, "%.2f", value);
        out << structure << ',' << part << ',' << quantity << ',' << number << ',' << unit << context << '\n';
    }
};

HipReference requestedReference(const std::string& name) {
    if (const std::optional<HipReference> reference = hipReferenceFromName(name)) return *reference;
    std::vector<std::string> names;
    for (const HipReferenceInfo& reference : hipReferences()) names.emplace_back(reference.name);
    const std::string guess = closestMatch(name, names);
    throw std::invalid_argument("--reference: no reference '" + name + "'" +
                                (guess.empty() ? "" : " (did you mean '" + guess + "'?)") + "; --reference list shows them");
}

}  // namespace

void writeMeasureCsv(std::ostream& out, const MeasureRequest& request, const Atlas& atlas, const std::vector<PoseFile>& poses) {
    if (request.reference == "list") {
        out << "reference,description\n";
        for (const HipReferenceInfo& reference : hipReferences()) out << reference.name << ",\"" << reference.description << "\"\n";
        return;
    }
    const HipReference reference = requestedReference(request.reference);
    checkRange("--hip-flexion", request.hipFlexion, JointCoordinate::RightHipFlexion);
    checkRange("--lumbar-extension", request.lumbarExtension, JointCoordinate::LumbarExtension);
    checkRange("--pelvic-tilt", request.pelvicTilt, JointCoordinate::PelvicTilt);
    checkRange("--breath", request.breath, 0.0, 1.0);

    Pose pose = requestedPose(request, poses);
    if (request.hipFlexion) {
        pose.hipRight.flexion = static_cast<float>(*request.hipFlexion);
        pose.hipLeft.flexion = static_cast<float>(*request.hipFlexion);
    }
    if (request.lumbarExtension) pose.lumbarExtension = static_cast<float>(*request.lumbarExtension);
    if (request.pelvicTilt) pose.pelvicTilt = static_cast<float>(*request.pelvicTilt);
    const float breath = static_cast<float>(request.breath.value_or(0.0));
    pose = withBreath(pose, breath, request.breathDepth);

    const Skeleton skeleton(atlas.joints);
    const BodyTransforms bodies = solveSkeleton(skeleton, pose);
    constexpr double kMillimetres = 1000.0;
    std::vector<PathState> states;
    const bool changed = request.hipFlexion || request.lumbarExtension || request.pelvicTilt || request.breath;
    const RowWriter row{out, "," + request.reference + "," + request.pose.value_or("neutral_standing") + (changed ? "+options" : "")};
    out << "structure,part,quantity,value,unit,reference,pose\n";
    for (const Muscle& muscle : hipFlexorMuscles(reference, skeleton, rightPsoasLandmarks(atlas))) {
        const MuscleState whole = evaluateMuscle(muscle, pose, bodies, states);
        // "all": the fascicles' mean weighted by each one's maximum isometric force (the published
        // model's own weights; evaluateMuscle), so not their plain mean; one row per fascicle follows.
        row(muscle.id, "all", "length", whole.length * kMillimetres);
        row(muscle.id, "all", "hip_flexion_moment_arm", whole.momentArm * kMillimetres);
        for (std::size_t i = 0; i < muscle.paths.size(); ++i) row(muscle.id, muscle.paths[i].part, "length", states[i].length * kMillimetres);
    }
    row("diaphragm", "dome", "descent", diaphragmDomeDescent(breath, request.breathDepth) * kMillimetres);
    // Every angle the numbers were computed at, after the options replaced the pose's own: a
    // tester could not explain the 90/90 pose's lengths from flexion alone (its abduction and
    // rotation were left out). The thigh's flexion (what --hip-flexion sets, against the neutral
    // pelvis) and the hip joint's own (thigh against pelvis: plus the pelvic tilt) are both given.
    for (const Side side : {Side::Right, Side::Left}) {
        const std::string hip = side == Side::Right ? "hip_right" : "hip_left";
        row("pose", hip, "thigh_flexion", pose.hip(side).flexion, "deg");
        row("pose", hip, "joint_flexion", anatomicalHipFlexion(pose, side), "deg");
        row("pose", hip, "abduction", pose.hip(side).abduction, "deg");
        row("pose", hip, "external_rotation", pose.hip(side).externalRotation, "deg");
    }
    row("pose", "lumbar", "extension", pose.lumbarExtension, "deg");
    row("pose", "pelvis", "anterior_tilt", pose.pelvicTilt, "deg");
    // How the body lies (drawing only: no length depends on it).
    row("pose", "body", "pitch", pose.bodyPitch, "deg");
    row("pose", "body", "roll", pose.bodyRoll, "deg");
    row("pose", "breath", "inhaled", breath, "fraction");
}

}  // namespace psoas
