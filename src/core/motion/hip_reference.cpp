#include "core/motion/hip_reference.hpp"

namespace psoas {

namespace {

// OpenSim axes (x anterior, y up, z right) to the scene frame, S = (-z, y, x) (sources §0).
glm::vec3 fromOpenSim(float x, float y, float z) { return {-z, y, x}; }

// Rajagopal et al. 2016 (sources §2; IEEE Trans Biomed Eng 63(10):2068-2079), whose hip flexor paths follow
// Arnold et al. 2010 (Ann Biomed Eng 38(2):269-279), as ported to MuJoCo by MyoSuite (MyoHub/myo_sim,
// commit 2cef885, leg/myolegs_chain.xml, Apache-2.0): right-side sites in metres, OpenSim axes.
// The pelvis sites are in the pelvis frame, whose origin is the mid-ASIS point as in gait2392 (the
// model's RPSI marker, (-0.155, 0.035, 0.045), is gait2392's PSIS of sources §3); femur sites are
// relative to the femur body's origin, the hip centre at pelvis (-0.056276, -0.07849, 0.07726).
// Numbers only; no code is taken from the port. Checked against the file itself by
// tests/cpu/motion/hip_reference_test.cpp.
constexpr float kHipCentre[3] = {-0.056276f, -0.07849f, 0.07726f};
constexpr float kPsoasSites[4][3] = {
    {-0.0606f, 0.062f, 0.039f},     // psoas_r-P1, pelvis: the lumped origin on the lumbar side
    {-0.0205f, -0.0654f, 0.0656f},  // psoas_r-P2, pelvis: at the pelvic brim
    {-0.0132f, -0.0467f, 0.0046f},  // psoas_r-P3, femur
    {-0.0235f, -0.0524f, 0.0088f},  // psoas_r-P4, femur: lesser trochanter
};
constexpr float kIliacusSites[4][3] = {
    {-0.0605f, 0.0309f, 0.0843f},   // iliacus_r-P1, pelvis: iliac fossa
    {-0.0135f, -0.0557f, 0.0756f},  // iliacus_r-P2, pelvis: at the brim
    {-0.0023f, -0.0565f, 0.0139f},  // iliacus_r-P3, femur
    {-0.0122f, -0.0637f, 0.0196f},  // iliacus_r-P4, femur
};

// A four-point path in the five roles of MusclePath. The port has no conditional via point: the
// role is filled with the brim point and switched off, so the length is the straight polyline
// P1-P2-P3-P4. The port also lists a sphere (PS_at_brim / IL_at_brim) that its tendon definition
// may wrap over; that definition is not in the files we have, so no wrapping is modelled (at 0
// degrees the straight P2-P3 segment passes 45 mm from that sphere's centre, inside its 50 mm
// radius, so a wrapping tendon would be somewhat longer near neutral).
MusclePath rajagopalPath(const float (&sites)[4][3], const Skeleton& skeleton, Side side) {
    const glm::vec3 hip = fromOpenSim(kHipCentre[0], kHipCentre[1], kHipCentre[2]);
    const auto pelvis = [](const float* p) { return PathAnchor{Body::Pelvis, fromOpenSim(p[0], p[1], p[2])}; };
    const auto femur = [&hip](const float* p) { return PathAnchor{Body::FemurRight, hip + fromOpenSim(p[0], p[1], p[2])}; };
    MusclePath path;
    path.part = "lumped";
    path.maxForce = 1.0f;  // one path per muscle: its weight in the mean does not matter
    path.hasHipVia = false;
    path.hipJointCentre = hip;
    path.anchors = {{pelvis(sites[0]), pelvis(sites[1]), pelvis(sites[1]), femur(sites[2]), femur(sites[3])}};
    return onSide(path, skeleton, side);
}

}  // namespace

const std::vector<HipReferenceInfo>& hipReferences() {
    static const std::vector<HipReferenceInfo> references{
        {HipReference::Gait2392, "gait2392",
         "default; OpenSim gait2392 hip points (Delp et al. 1990) with the 11 psoas fascicles of Christophy et al. 2012"},
        {HipReference::Rajagopal2016, "rajagopal2016",
         "lumped psoas and iliacus of Rajagopal et al. 2016 (paths after Arnold et al. 2010), as ported in MyoSuite myo_sim"},
    };
    return references;
}

std::optional<HipReference> hipReferenceFromName(std::string_view name) {
    for (const HipReferenceInfo& reference : hipReferences())
        if (reference.name == name) return reference.id;
    return std::nullopt;
}

std::vector<Muscle> hipFlexorMuscles(HipReference reference, const Skeleton& skeleton, const std::vector<Landmark>& rightPsoasLandmarks) {
    if (reference == HipReference::Gait2392) return hipFlexorMuscles(skeleton, rightPsoasLandmarks);
    return {{"psoas_major_r", Side::Right, {rajagopalPath(kPsoasSites, skeleton, Side::Right)}},
            {"psoas_major_l", Side::Left, {rajagopalPath(kPsoasSites, skeleton, Side::Left)}},
            {"iliacus_r", Side::Right, {rajagopalPath(kIliacusSites, skeleton, Side::Right)}},
            {"iliacus_l", Side::Left, {rajagopalPath(kIliacusSites, skeleton, Side::Left)}}};
}

}  // namespace psoas
