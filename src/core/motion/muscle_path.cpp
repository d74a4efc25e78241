#include "core/motion/muscle_path.hpp"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/trigonometric.hpp>

#include <stdexcept>

namespace psoas {

namespace {

// Published models give right-side points in OpenSim axes (x anterior, y up, z right); the scene
// frame is S = (-z, y, x) (sources §0).
glm::vec3 fromOpenSim(float x, float y, float z) { return {-z, y, x}; }

// Femur-frame points are relative to the hip joint centre (sources §0).
glm::vec3 femoralPoint(const Skeleton& skeleton, float x, float y, float z) {
    return skeleton.hipCentre(Side::Right) + fromOpenSim(x, y, z);
}

Body femurOf(Side side) { return side == Side::Right ? Body::FemurRight : Body::FemurLeft; }

// gait2392 psoas_r, points 2..5 (sources §2): the brim, the conditional point over the hip capsule,
// and the two femoral points. The segmental fascicles share them.
MusclePath psoasFromOrigin(const Skeleton& skeleton, std::string part, float maxForce, Body originBody, glm::vec3 origin) {
    MusclePath path;
    path.part = std::move(part);
    path.maxForce = maxForce;
    path.anchors = {{{originBody, origin},
                     {Body::Pelvis, fromOpenSim(-0.0238f, -0.0570f, 0.0759f)},
                     {Body::Pelvis, fromOpenSim(-0.0288f, -0.0805f, 0.0816f)},
                     {Body::FemurRight, femoralPoint(skeleton, 0.0016f, -0.0507f, 0.0038f)},
                     {Body::FemurRight, femoralPoint(skeleton, -0.0188f, -0.0597f, 0.0104f)}}};
    return path;
}

struct Fascicle {
    const char* part;  // the atlas landmark is "origin_" + part
    float maxForce;    // N
    Body body;         // the body its origin rides on
};

// Christophy 2012 via Beaucage-Gauvreau 2019 (sources §2 table); the origins themselves are atlas
// landmarks. Each origin rides on the bone it arises from; disc origins ride on the disc body,
// halfway between the two vertebrae, because the slips arise from both vertebral margins and the
// disc between them (sources §1).
constexpr std::array<Fascicle, 11> kFascicles{{
    {"l1_body", 267.4f, Body::L1},
    {"l1_transverse_process", 77.2f, Body::L1},
    {"l1_l2_disc", 147.2f, Body::DiscL1L2},
    {"l2_transverse_process", 258.6f, Body::L2},
    {"l2_l3_disc", 150.5f, Body::DiscL2L3},
    {"l3_transverse_process", 127.8f, Body::L3},
    {"l3_l4_disc", 45.4f, Body::DiscL3L4},
    {"l4_transverse_process", 202.7f, Body::L4},
    {"l4_l5_disc", 85.1f, Body::DiscL4L5},
    {"l5_transverse_process", 186.4f, Body::L5},
    {"l5_body", 232.9f, Body::L5},
}};

glm::vec3 landmarkPosition(const std::vector<Landmark>& landmarks, const std::string& id) {
    for (const Landmark& landmark : landmarks)
        if (landmark.id == id) return landmark.position;
    throw std::invalid_argument("the atlas has no landmark '" + id + "' on " + std::string(kRightPsoasId));
}

// Around the 45-degree switch the drawn via point slides onto the brim-femur line over this
// half-width (our choice: wide enough to look smooth at any playback speed, narrow enough that the
// drawn line and the published one differ by under 0.1 mm).
constexpr float kViaGlideHalfWidthDegrees = 5.0f;
constexpr float kViaSwitchDegrees = 45.0f;  // sources §2

struct LengthAndArm {
    float length = 0.0f;
    float momentArm = 0.0f;
};

// Length of the published polyline and its analytic hip-flexion moment arm. Only segments that
// cross from the pelvis side onto the femur change with the hip: for such a segment A->B,
// dL/dtheta = u . (omega x (B - hip)), with u the unit direction and omega the hip's flexion axis.
LengthAndArm publishedLength(const std::array<glm::vec3, kPathPoints>& p, const std::array<PathAnchor, kPathPoints>& anchors,
                             bool via, Body femur, const glm::vec3& omega, const glm::vec3& hip) {
    LengthAndArm out;
    std::size_t previous = 0;
    for (std::size_t i = 1; i < kPathPoints; ++i) {
        if (i == static_cast<std::size_t>(PathPointRole::HipVia) && !via) continue;
        const glm::vec3 segment = p[i] - p[previous];
        const float length = glm::length(segment);
        out.length += length;
        if (anchors[i].body == femur && anchors[previous].body != femur && length > 0.0f)
            out.momentArm -= glm::dot(segment / length, glm::cross(omega, p[i] - hip));
        previous = i;
    }
    return out;
}

glm::vec3 closestOnSegment(const glm::vec3& a, const glm::vec3& b, const glm::vec3& p) {
    const glm::vec3 ab = b - a;
    const float t = glm::dot(p - a, ab) / glm::max(glm::dot(ab, ab), 1e-12f);
    return a + glm::clamp(t, 0.0f, 1.0f) * ab;
}

}  // namespace

MusclePath onSide(MusclePath path, const Skeleton& skeleton, Side side) {
    path.side = side;
    path.hipCentre = skeleton.hipCentre(side);
    if (side == Side::Right) return path;
    for (PathAnchor& anchor : path.anchors) {
        anchor.neutral.x = -anchor.neutral.x;
        if (anchor.body == Body::FemurRight) anchor.body = Body::FemurLeft;
    }
    if (path.hipJointCentre) path.hipJointCentre->x = -path.hipJointCentre->x;
    return path;
}

bool hipViaActive(float anatomicalHipFlexionDegrees) {
    return anatomicalHipFlexionDegrees >= -90.0f && anatomicalHipFlexionDegrees <= kViaSwitchDegrees;
}

MusclePath referencePsoasPath(const Skeleton& skeleton, Side side) {
    // gait2392 psoas_r point 1, on the pelvis (sources §2).
    return onSide(psoasFromOrigin(skeleton, "lumped", 1113.0f, Body::Pelvis, fromOpenSim(-0.0647f, 0.0887f, 0.0289f)), skeleton,
                  side);
}

MusclePath iliacusPath(const Skeleton& skeleton, Side side) {
    MusclePath path;
    path.part = "lumped";
    path.maxForce = 1073.0f;  // gait2392 iliacus Fmax (sources §2)
    path.anchors = {{{Body::Pelvis, fromOpenSim(-0.0674f, 0.0365f, 0.0854f)},
                     {Body::Pelvis, fromOpenSim(-0.0258f, -0.0550f, 0.0811f)},
                     {Body::Pelvis, fromOpenSim(-0.0288f, -0.0805f, 0.0816f)},
                     {Body::FemurRight, femoralPoint(skeleton, 0.0017f, -0.0543f, 0.0057f)},
                     {Body::FemurRight, femoralPoint(skeleton, -0.0193f, -0.0621f, 0.0129f)}}};
    return onSide(path, skeleton, side);
}

std::vector<MusclePath> psoasFascicles(const Skeleton& skeleton, const std::vector<Landmark>& rightPsoasLandmarks, Side side) {
    std::vector<MusclePath> paths;
    for (const Fascicle& f : kFascicles) {
        const glm::vec3 origin = landmarkPosition(rightPsoasLandmarks, std::string("origin_") + f.part);
        paths.push_back(onSide(psoasFromOrigin(skeleton, f.part, f.maxForce, f.body, origin), skeleton, side));
    }
    return paths;
}

std::vector<Muscle> hipFlexorMuscles(const Skeleton& skeleton, const std::vector<Landmark>& rightPsoasLandmarks) {
    return {{"psoas_major_r", Side::Right, psoasFascicles(skeleton, rightPsoasLandmarks, Side::Right)},
            {"psoas_major_l", Side::Left, psoasFascicles(skeleton, rightPsoasLandmarks, Side::Left)},
            {"iliacus_r", Side::Right, {iliacusPath(skeleton, Side::Right)}},
            {"iliacus_l", Side::Left, {iliacusPath(skeleton, Side::Left)}}};
}

PathState evaluatePath(const MusclePath& path, const Pose& pose, const BodyTransforms& bodies) {
    PathState state;
    const Body femur = femurOf(path.side);
    // A path whose hip centre is not the skeleton's: its femur points turn about its own centre.
    // The femur transform turns about the skeleton's centre h, so a point x is placed as x - d on
    // the femur and then moved by d as the pelvis carries it (d = own centre - h); the femur's
    // rotation is the same about any centre.
    const glm::vec3 shift = path.hipJointCentre ? *path.hipJointCentre - path.hipCentre : glm::vec3(0.0f);
    const glm::vec3 shiftNow = glm::mat3(bodies[Body::Pelvis]) * shift;
    const auto onFemur = [&](const glm::mat4& femurWorld, const glm::vec3& neutral) {
        return glm::vec3(femurWorld * glm::vec4(neutral - shift, 1.0f)) + shiftNow;
    };
    for (std::size_t i = 0; i < kPathPoints; ++i)
        state.points[i] = path.anchors[i].body == femur ? onFemur(bodies[femur], path.anchors[i].neutral)
                                                        : bodies.place(path.anchors[i].body, path.anchors[i].neutral);

    const float flexion = anatomicalHipFlexion(pose, path.side);
    // Flexion is Rx(-theta) in the pelvis (sources §0), so a point on the femur turns about -X as
    // carried by the pelvis.
    const glm::vec3 omega = glm::mat3(bodies[Body::Pelvis]) * glm::vec3(-1.0f, 0.0f, 0.0f);
    const glm::vec3 hip = bodies.place(Body::Pelvis, path.hipJointCentre.value_or(path.hipCentre));
    state.viaActive = path.hasHipVia && hipViaActive(flexion);

    if (flexion <= kWrapOnsetDegrees) {
        const LengthAndArm published = publishedLength(state.points, path.anchors, state.viaActive, femur, omega, hip);
        state.length = published.length;
        state.momentArm = published.momentArm;
    } else {
        // Beyond the onset the tendon is taken to wind over the front of the hip (femoral head and
        // capsule) like a rope on a pulley centred on the flexion axis, with the radius equal to
        // the published moment arm at the onset: length keeps falling at that rate, with no jump
        // in length or in its slope. Our assumption; the published model has no wrap surface.
        state.wrapped = true;
        const glm::mat4 atOnset = femurTransform(bodies[Body::Pelvis], path.hipCentre, pose, path.side, kWrapOnsetDegrees);
        std::array<glm::vec3, kPathPoints> onsetPoints = state.points;
        for (std::size_t i = 0; i < kPathPoints; ++i)
            if (path.anchors[i].body == femur) onsetPoints[i] = onFemur(atOnset, path.anchors[i].neutral);
        const LengthAndArm onset = publishedLength(onsetPoints, path.anchors, false, femur, omega, hip);
        state.length = onset.length - onset.momentArm * glm::radians(flexion - kWrapOnsetDegrees);
        state.momentArm = onset.momentArm;
    }

    // What is drawn, not what is measured. The published via point switches off at 45 degrees; the
    // drawn one glides onto the line from the brim to the femur instead. Past the wrap onset the
    // femoral point climbs past the brim, and a line drawn through the brim would zigzag, so the
    // drawn brim point of a psoas fascicle glides onto the origin-femur line over the next 10
    // degrees (our choice). Not the iliacus's: its origin and brim both lie on the pelvis, the line
    // between them runs along the iliac fossa, and its fan is held on the bone by those two points
    // (SceneMotion anchors it); folding the brim there swung the fan 6-7 mm into the hip bone at
    // 100-120 degrees (bone penetration survey). Its tendon bends over the brim instead.
    const auto point = [&state](PathPointRole role) -> glm::vec3& { return state.points[static_cast<std::size_t>(role)]; };
    const glm::vec3 femoral = point(PathPointRole::FemoralProximal);
    const auto& origin = path.anchors[static_cast<std::size_t>(PathPointRole::Origin)];
    const auto& brim = path.anchors[static_cast<std::size_t>(PathPointRole::Brim)];
    if (state.wrapped && origin.body != brim.body) {
        const float fold = glm::smoothstep(kWrapOnsetDegrees, kWrapOnsetDegrees + 10.0f, flexion);
        point(PathPointRole::Brim) = glm::mix(point(PathPointRole::Brim),
                                              closestOnSegment(point(PathPointRole::Origin), femoral, point(PathPointRole::Brim)), fold);
    }
    const float glide = path.hasHipVia ? glm::smoothstep(kViaSwitchDegrees - kViaGlideHalfWidthDegrees,
                                                         kViaSwitchDegrees + kViaGlideHalfWidthDegrees, flexion)
                                       : 1.0f;
    point(PathPointRole::HipVia) = glm::mix(point(PathPointRole::HipVia),
                                            closestOnSegment(point(PathPointRole::Brim), femoral, point(PathPointRole::HipVia)), glide);
    return state;
}

MuscleState evaluateMuscle(const Muscle& muscle, const Pose& pose, const BodyTransforms& bodies,
                           std::vector<PathState>& states) {
    states.resize(muscle.paths.size());
    MuscleState out;
    float totalForce = 0.0f;
    for (std::size_t i = 0; i < muscle.paths.size(); ++i) {
        states[i] = evaluatePath(muscle.paths[i], pose, bodies);
        const float weight = muscle.paths[i].maxForce;
        out.length += weight * states[i].length;
        out.momentArm += weight * states[i].momentArm;
        totalForce += weight;
    }
    if (totalForce > 0.0f) {
        out.length /= totalForce;
        out.momentArm /= totalForce;
    }
    return out;
}

}  // namespace psoas
