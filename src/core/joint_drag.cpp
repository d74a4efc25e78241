#include "core/joint_drag.hpp"

#include <glm/geometric.hpp>
#include <glm/mat2x2.hpp>
#include <glm/matrix.hpp>
#include <glm/common.hpp>
#include <glm/trigonometric.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace psoas {

namespace {
// The pointer's path is followed in steps this long at most (pixels): short enough that the
// screen velocities of one step hold across it.
constexpr float kStepPixels = 2.0f;
// The step (degrees) of the numerical screen velocity.
constexpr float kProbeDegrees = 0.25f;
// Damping of the least-squares answer, as a fraction of the fastest coordinate's screen speed: a
// coordinate whose motion barely shows on screen is turned little instead of wildly.
constexpr float kDamping = 0.2f;
// How much of a further coordinate's motion must show on screen (a fraction of it seen square-on)
// for it to follow the pointer not at all, and fully.
constexpr float kSeenNone = 0.3f;
constexpr float kSeenFully = 0.7f;
// Steps with the pointer at its end, after the path: the point settles under it.
constexpr int kSettleSteps = 4;

bool isLumbar(Body body) {
    switch (body) {
        case Body::L5: case Body::L4: case Body::L3: case Body::L2: case Body::L1: case Body::T12:
        case Body::DiscL5S1: case Body::DiscL4L5: case Body::DiscL3L4: case Body::DiscL2L3: case Body::DiscL1L2:
        case Body::DiscT12L1: return true;
        default: return false;
    }
}

glm::vec3 placed(const Pose& pose, const BodyTransforms& bodies, Body body, const glm::vec3& neutral) {
    return glm::vec3(bodyOrientationTransform(pose) * glm::vec4(bodies.place(body, neutral), 1.0f));
}

// The joint the body turns about, drawn: the hip centre for a femur, the L5/S1 centre for the spine.
glm::vec3 pivotAt(const Skeleton& skeleton, const JointDrag& drag, const Pose& pose, const BodyTransforms& bodies) {
    const glm::vec3 neutral = drag.body == Body::FemurRight  ? skeleton.hipCentre(Side::Right)
                              : drag.body == Body::FemurLeft ? skeleton.hipCentre(Side::Left)
                                                             : skeleton.lumbarJoints()[0].centre;
    return placed(pose, bodies, Body::Pelvis, neutral);
}

// The first coordinate's axis, drawn: hip flexion and lumbar extension both turn about the
// pelvis's left-right axis (Rx, docs/sources.md §2).
glm::vec3 firstAxisAt(const Pose& pose, const BodyTransforms& bodies) {
    return glm::normalize(glm::mat3(bodyOrientationTransform(pose)) * glm::mat3(bodies[Body::Pelvis]) * glm::vec3(1.0f, 0.0f, 0.0f));
}

// The point the drag moves so that it follows the pointer, and the body that carries it: the point
// grabbed, moved out along the limb to at least a lever's length from the joint. Close to the
// pivot a few pixels would turn the joint by tens of degrees (session 10: 20 px on a low lumbar
// vertebra gave 25 degrees of lumbar flexion, 20 px down beside the greater trochanter 18 degrees
// of hip extension). A thigh's lever is at least half the femur; the lumbar column turns as one
// lever about L5/S1, so its point is raised along the column to at least its top (the T12/L1
// centre) and carried by T12, which turns through the whole lumbar angle: a point low on the
// spine sits in front of the pivot and would also swing the column with a level drag.
struct Handle {
    Body body;
    glm::vec3 neutral;  // scene frame at the neutral pose
};
constexpr float kThighLever = 0.2f;  // metres: half the hip-to-knee length (0.396 m, docs/sources.md §2)
Handle handleOf(const Skeleton& skeleton, const JointDrag& drag) {
    auto outTo = [&](const glm::vec3& pivot, const glm::vec3& along, float lever) {
        return drag.grabbed + along * std::max(0.0f, lever - glm::dot(drag.grabbed - pivot, along));
    };
    if (drag.body == Body::FemurRight || drag.body == Body::FemurLeft) {
        const Side side = drag.body == Body::FemurRight ? Side::Right : Side::Left;
        return {drag.body, outTo(skeleton.hipCentre(side), glm::vec3(0.0f, -1.0f, 0.0f), kThighLever)};  // the femur hangs down
    }
    const glm::vec3 bottom = skeleton.lumbarJoints().front().centre, top = skeleton.lumbarJoints().back().centre;
    return {Body::T12, outTo(bottom, glm::normalize(top - bottom), glm::length(top - bottom))};
}

// Pixels per metre at the depth of `point`.
float pixelsPerMetre(const OrbitCamera& camera, glm::vec2 viewPixels, const glm::vec3& point) {
    const float depth = std::max(glm::dot(point - camera.eye(), camera.forward()), 1e-4f);
    return viewPixels.y / (2.0f * depth * std::tan(glm::radians(camera.fovYDegrees) * 0.5f));
}

// For each driven coordinate, how the grabbed point's picture moves per degree (pixels): `real` as
// the camera shows it, `endOn` what the first coordinate adds for motion toward the camera.
struct ScreenVelocities {
    std::vector<glm::vec2> real;
    glm::vec2 endOn{0.0f};
    glm::vec2 towardPivot{0.0f};  // on screen, from the point toward its joint's axis (unit, or zero)
    float towardCamera = 0.0f;    // the first coordinate's motion of the point toward the eye, metres per degree
    [[nodiscard]] std::vector<glm::vec2> total() const {
        std::vector<glm::vec2> sum = real;
        if (!sum.empty()) sum[0] += endOn;
        return sum;
    }
};

ScreenVelocities screenVelocities(const Skeleton& skeleton, const JointDrag& drag, const Pose& pose) {
    const BodyTransforms bodies = solveSkeleton(skeleton, pose);
    const Handle handle = handleOf(skeleton, drag);
    const glm::vec3 point = placed(pose, bodies, handle.body, handle.neutral);
    const glm::vec2 onScreen = drag.camera.project(point, drag.viewPixels);
    ScreenVelocities velocities;
    for (std::size_t i = 0; i < drag.driven.size(); ++i) {
        const JointCoordinate coordinate = drag.driven[i].coordinate;
        // Probe toward the inside of the range, so a coordinate at its limit still has a velocity.
        const float value = coordinateValue(pose, coordinate);
        // Central where the range allows: one-sided, a coordinate at the bottom of the point's arc
        // on screen (hip flexion at 0 seen from the front, where flexing and extending both lift
        // the knee's picture) would seem to move it one way, and the solve would drive it there.
        const float up = std::min(kProbeDegrees, drag.driven[i].range.max - value);
        const float down = std::min(kProbeDegrees, value - drag.driven[i].range.min);
        const float high = up > 0.0f ? up : -kProbeDegrees, low = up > 0.0f && down > 0.0f ? -down : 0.0f;
        auto pointAt = [&](float offset) {
            if (offset == 0.0f) return point;
            Pose moved = pose;
            setCoordinate(moved, coordinate, value + offset);
            return placed(moved, solveSkeleton(skeleton, moved), handle.body, handle.neutral);
        };
        const glm::vec3 highPoint = pointAt(high), lowPoint = pointAt(low);
        const glm::vec2 real = (drag.camera.project(highPoint, drag.viewPixels) - drag.camera.project(lowPoint, drag.viewPixels)) / (high - low);
        const glm::vec3 motion = (highPoint - lowPoint) / (high - low);
        // A coordinate seen end-on would take up whatever the pointer asks off another's arc,
        // unseen (a side view's thigh drifting into 26 degrees of adduction; a front view's level
        // sideways drag into extension, the little its arc shows there keeping the knee level):
        // it turns by what shows only as far as its motion shows on screen, fully from
        // kSeenFully of it square-on. The first coordinate has the end-on reading below besides.
        const float squareOn = glm::length(motion) * pixelsPerMetre(drag.camera, drag.viewPixels, point);
        const float seen = squareOn > 0.0f ? glm::length(real) / squareOn : 0.0f;
        velocities.real.push_back(real * glm::smoothstep(kSeenNone, kSeenFully, seen));
        if (i == 0) {  // seen end-on: motion toward the camera reads as a drag toward the joint
            const float toward = glm::dot(motion, glm::normalize(drag.camera.eye() - point));
            velocities.towardCamera = toward;
            // Toward the joint's axis, not its centre: a limb turning toward the viewer shortens
            // along its radius from the axis, so a point grabbed beside the thigh's line (the
            // trochanter's side) still goes straight up as the hip flexes in a front view, and a
            // straight-up drag asks no abduction of it (session 10: a few degrees).
            const glm::vec3 pivot = pivotAt(skeleton, drag, pose, bodies), axis = firstAxisAt(pose, bodies);
            const glm::vec3 foot = pivot + axis * glm::dot(point - pivot, axis);
            const glm::vec2 toPivot = drag.camera.project(foot, drag.viewPixels) - onScreen;
            if (glm::length(toPivot) > 1.0f) {
                velocities.towardPivot = glm::normalize(toPivot);
                velocities.endOn = toward * pixelsPerMetre(drag.camera, drag.viewPixels, point) * velocities.towardPivot;
            }
        }
    }
    return velocities;
}

// The angle changes (degrees) that best move the point's picture by `step` pixels.
std::vector<float> solveStep(const std::vector<glm::vec2>& velocities, glm::vec2 step) {
    float fastest = 0.0f;
    for (const glm::vec2& v : velocities) fastest = std::max(fastest, glm::length(v));
    const float damping = std::max(kDamping * kDamping * fastest * fastest, 1e-6f);
    if (velocities.size() == 1) return {glm::dot(velocities[0], step) / (glm::dot(velocities[0], velocities[0]) + damping)};
    if (velocities.size() != 2) return std::vector<float>(velocities.size(), 0.0f);
    const glm::vec2 &a = velocities[0], &b = velocities[1];
    const glm::mat2 normal{glm::dot(a, a) + damping, glm::dot(a, b), glm::dot(a, b), glm::dot(b, b) + damping};
    const glm::vec2 answer = glm::inverse(normal) * glm::vec2(glm::dot(a, step), glm::dot(b, step));
    return {answer.x, answer.y};
}
}  // namespace

std::vector<JointCoordinate> coordinatesDrivenBy(Body body) {
    if (body == Body::FemurRight) return {JointCoordinate::RightHipFlexion, JointCoordinate::RightHipAbduction};
    if (body == Body::FemurLeft) return {JointCoordinate::LeftHipFlexion, JointCoordinate::LeftHipAbduction};
    if (isLumbar(body)) return {JointCoordinate::LumbarExtension};
    return {};
}

glm::vec3 grabbedPointAt(const Skeleton& skeleton, const JointDrag& drag, const Pose& pose) {
    return placed(pose, solveSkeleton(skeleton, pose), drag.body, drag.grabbed);
}

Pose dragPose(const Skeleton& skeleton, const JointDrag& drag, glm::vec2 pointer) {
    Pose pose = drag.start;
    const glm::vec2 path = pointer - drag.pointerStart;
    const int steps = std::min(static_cast<int>(std::ceil(glm::length(path) / kStepPixels)), 4096);
    if (steps == 0 || drag.driven.empty()) return pose;
    // Where the point is "seen": its picture, plus what end-on motion has added (kept so the error
    // below is measured against what the drag has already turned), starting under the press.
    const Handle handle = handleOf(skeleton, drag);
    auto pictureOf = [&](const Pose& p) {
        return drag.camera.project(placed(p, solveSkeleton(skeleton, p), handle.body, handle.neutral), drag.viewPixels);
    };
    glm::vec2 endOnOffset = drag.pointerStart - pictureOf(pose);
    const float grabbedAt = coordinateValue(pose, drag.driven.front().coordinate);
    // Each step aims the point at the pointer's place along the path (so it follows the pointer and
    // not just its moves: past a limit, the limb waits for the pointer to come back); a few more at
    // the end settle it under the pointer.
    for (int s = 1; s <= steps + kSettleSteps; ++s) {
        const glm::vec2 goal = drag.pointerStart + path * (static_cast<float>(std::min(s, steps)) / static_cast<float>(steps));
        ScreenVelocities velocities = screenVelocities(skeleton, drag, pose);
        const glm::vec2 error = goal - (pictureOf(pose) + endOnOffset);
        // Seen end-on, a drag toward the joint brings the limb toward the viewer; a drag away from
        // it only takes that back, never past where the limb was grabbed: a level sideways drag
        // in a front view, which abduction's arc leaves below the knee, read as extension (up to
        // the -30 degree limit; fresh tester, session 9).
        const glm::vec2 firstMoves = velocities.total().front();
        const float turned = coordinateValue(pose, drag.driven.front().coordinate) - grabbedAt;
        if (glm::dot(error, velocities.towardPivot) < 0.0f && turned * velocities.towardCamera <= 0.0f) velocities.endOn = glm::vec2(0.0f);
        std::vector<glm::vec2> moves = velocities.total();
        // The first coordinate has the pointer's motion along its own picture: the others follow
        // only what is across it. Abduction's arc also lifts the knee, and a straight drag up or
        // down a front view's thigh would otherwise take a few degrees of it (session 10), most
        // where the first cannot follow (a drag down from standing: no extension is read there).
        if (glm::length(firstMoves) > 1e-6f)
            for (std::size_t i = 1; i < moves.size(); ++i) {
                const glm::vec2 along = glm::normalize(firstMoves);
                moves[i] -= glm::dot(moves[i], along) * along;
            }
        const std::vector<float> change = solveStep(moves, error);
        for (std::size_t i = 0; i < drag.driven.size(); ++i) {
            const DrivenCoordinate& driven = drag.driven[i];
            const float before = coordinateValue(pose, driven.coordinate);
            const float value = std::clamp(before + change[i], driven.range.min, driven.range.max);
            setCoordinate(pose, driven.coordinate, value);
            if (i == 0) endOnOffset += velocities.endOn * (value - before);
        }
    }
    return pose;
}

std::string dragAnglesText(const JointDrag& drag, const Pose& pose) {
    std::string text = drag.body == Body::FemurRight  ? "Right hip:"
                       : drag.body == Body::FemurLeft ? "Left hip:"
                                                      : "Lumbar spine:";
    for (std::size_t i = 0; i < drag.driven.size(); ++i) {
        const JointCoordinate coordinate = drag.driven[i].coordinate;
        const int degrees = static_cast<int>(std::lround(coordinateValue(pose, coordinate)));
        std::string_view positive = "flexion", negative = "extension";
        if (coordinate == JointCoordinate::LumbarExtension) std::swap(positive, negative);
        if (coordinate == JointCoordinate::RightHipAbduction || coordinate == JointCoordinate::LeftHipAbduction)
            positive = "abduction", negative = "adduction";
        text += (i == 0 ? " " : ", ") + std::string(degrees < 0 ? negative : positive) + " " + std::to_string(std::abs(degrees)) + "\u00b0";
    }
    return text;
}

}  // namespace psoas
