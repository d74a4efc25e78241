// Fitting a teacher's bone onto the built-in one it replaces (issue 18): a built-in bone moved by a
// known motion fits back, and on the myo_sim set the atlas's landmarks, attachment areas and joints
// carry over onto the real bones.
#include "core/scene.hpp"
#include "core/scene_motion.hpp"
#include "core/surface_registration.hpp"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include "support/test_paths.hpp"

namespace psoas {
namespace {

const std::filesystem::path kAtlas = psoas::test::sourceDirectory() / "models" / "atlas.toml";

const Scene& builtInScene() {
    static const Scene scene = loadScene(loadAtlas(kAtlas));
    return scene;
}

const Scene& myosimScene() {
    static const Scene scene = loadAtlasScene(kAtlas, test::dataFile("mesh_sets/myosim_parts.toml"));
    return scene;
}

const SceneStructure& structure(const Scene& scene, const char* id) {
    const int index = scene.findStructure(id);
    EXPECT_GE(index, 0) << id;
    return scene.structures.at(static_cast<std::size_t>(index));
}

MeshData moved(const MeshData& mesh, const glm::mat4& motion) {
    MeshData out = mesh;
    for (glm::vec3& p : out.positions) p = glm::vec3(motion * glm::vec4(p, 1.0f));
    for (glm::vec3& n : out.normals) n = glm::mat3(motion) * n;
    return out;
}

// A bone moved by a known rigid motion fits back: every landmark returns to within 0.5 mm and the
// surfaces meet to within 0.1 mm RMS. The femur (a long bone, 25° and 2 cm off) and a vertebra
// (60° off, past where the placed start converges: the principal axes must find it).
TEST(SurfaceRegistration, a_built_in_bone_moved_by_a_known_motion_fits_back) {
    struct Case {
        const char* id;
        float degrees;
        glm::vec3 axis, shift;
    };
    for (const Case& c : {Case{"femur_r", 25.0f, {1, 2, 3}, {0.015f, -0.010f, 0.008f}}, Case{"l3", 60.0f, {0, 1, 0.3f}, {-0.02f, 0.01f, 0.03f}}}) {
        const SceneStructure& bone = structure(builtInScene(), c.id);
        const glm::mat4 motion = glm::rotate(glm::translate(glm::mat4(1.0f), c.shift), glm::radians(c.degrees), glm::normalize(c.axis));
        const SurfaceFit fit = fitSurface(moved(bone.mesh, motion), bone.mesh);
        EXPECT_GT(fit.startRmsMetres, 0.005f) << c.id;
        EXPECT_LT(fit.rmsMetres, 0.0001f) << c.id;
        std::vector<glm::vec3> points;  // the landmarks and every 50th vertex
        for (const Landmark& landmark : bone.info.landmarks) points.push_back(landmark.position);
        for (std::size_t v = 0; v < bone.mesh.positions.size(); v += 50) points.push_back(bone.mesh.positions[v]);
        for (const glm::vec3& p : points)
            EXPECT_LT(glm::distance(glm::vec3(fit.transform * motion * glm::vec4(p, 1.0f)), p), 0.0005f) << c.id;
    }
}

TEST(SurfaceRegistration, nearest_point_lies_on_the_surface) {
    MeshData triangle;
    triangle.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    triangle.normals.assign(3, {0, 0, 1});
    triangle.indices = {0, 1, 2};
    const SurfaceNearest surface(triangle);
    const SurfaceNearest::Hit inside = surface.nearest({0.2f, 0.3f, 0.5f});
    EXPECT_NEAR(glm::distance(inside.point, glm::vec3(0.2f, 0.3f, 0.0f)), 0.0f, 1e-6f);
    EXPECT_NEAR(inside.distance, 0.5f, 1e-6f);
    EXPECT_NEAR(inside.normal.z, 1.0f, 1e-6f);
    const SurfaceNearest::Hit edge = surface.nearest({1.0f, 1.0f, 0.0f});
    EXPECT_NEAR(glm::distance(edge.point, glm::vec3(0.5f, 0.5f, 0.0f)), 0.0f, 1e-6f);
    EXPECT_THROW(SurfaceNearest(MeshData{}), std::invalid_argument);
}

// Each myo_sim bone fits onto its built-in bone, and the terminal says how well, one line per part.
// Measured (2026-11-30, RMS over the part's vertices): L1-L5 2.6-3.4 mm, femurs 5.0-5.1 mm, hip
// bones 6.6-6.7 mm, sacrum 7.9 mm (its 380 and 246 triangles are coarse, the built-in shapes
// estimates). The bounds sit just above those and below what each start as placed left (5.9-14.3 mm).
TEST(MeshSetScene, every_myosim_bone_is_fitted_and_its_error_reported) {
    const Scene& scene = myosimScene();
    struct Bound {
        const char* id;
        float rmsMetres;
    };
    for (const Bound& bound : {Bound{"sacrum", 0.0085f}, Bound{"hip_bone_r", 0.0075f}, Bound{"hip_bone_l", 0.0075f}, Bound{"femur_r", 0.0055f},
                               Bound{"femur_l", 0.0055f}, Bound{"l1", 0.004f}, Bound{"l2", 0.004f}, Bound{"l3", 0.004f}, Bound{"l4", 0.004f},
                               Bound{"l5", 0.004f}}) {
        const SceneStructure& bone = structure(scene, bound.id);
        EXPECT_EQ(bone.info.mesh.parent_path().filename(), "meshes") << bound.id << ": the set's file replaces the built-in mesh";
        const auto line = std::find_if(scene.notes.begin(), scene.notes.end(),
                                       [&](const std::string& n) { return n.rfind(std::string(bound.id) + ": ", 0) == 0 && n.find(" RMS (") != std::string::npos; });
        ASSERT_NE(line, scene.notes.end()) << bound.id;
        const SurfaceNearest builtIn(structure(builtInScene(), bound.id).mesh);
        EXPECT_LT(builtIn.rmsDistance(bone.mesh.positions), bound.rmsMetres) << *line;
    }
    // Structures the set does not name stay built-in.
    EXPECT_EQ(structure(scene, "psoas_major_r").info.mesh, structure(builtInScene(), "psoas_major_r").info.mesh);
    EXPECT_EQ(scene.structures.size(), builtInScene().structures.size());
}

// Every attachment area painted on a replaced bone lies on the teacher's bone. Where the built-in
// area lay farther off the fitted bone than the area's own radius, the terminal names it (the
// myo_sim hip bone's 246 triangles have no ASIS or AIIS where the built-in one has them); every
// psoas major area (bodies, discs' neighbours, transverse processes, lesser trochanter) carries
// over within its radius.
TEST(MeshSetScene, attachment_areas_land_on_the_fitted_bones) {
    const Scene& scene = myosimScene();
    int checked = 0;
    for (std::size_t s = 0; s < scene.structures.size(); ++s) {
        const auto& areas = scene.structures[s].info.attachments;
        const auto& builtInAreas = builtInScene().structures[s].info.attachments;
        ASSERT_EQ(areas.size(), builtInAreas.size());
        for (std::size_t a = 0; a < areas.size(); ++a) {
            const SceneStructure& bone = structure(scene, areas[a].bone.c_str());
            if (bone.info.mesh.parent_path().filename() != "meshes") continue;
            const SurfaceNearest own(bone.mesh);
            EXPECT_LT(own.nearest(areas[a].centre).distance, 1e-5f) << areas[a].name;
            const float off = own.nearest(builtInAreas[a].centre).distance;
            const std::string& muscle = scene.structures[s].info.id;
            if (muscle.rfind("psoas_major", 0) == 0) EXPECT_LT(off, areas[a].radius) << muscle << " " << areas[a].name;
            if (off > areas[a].radius) {
                const std::string named = scene.structures[s].info.name + " '" + areas[a].name + "'";
                EXPECT_TRUE(std::any_of(scene.notes.begin(), scene.notes.end(), [&](const std::string& n) {
                    return n.rfind(bone.info.id + ": ", 0) == 0 && n.find(named) != std::string::npos;
                })) << named << " is " << off * 1000.0f << " mm off " << bone.info.id << " and not reported";
            }
            ++checked;
        }
    }
    EXPECT_GT(checked, 40);
}

// Regression: the plain point-to-plane step swayed between two sets of pairs on the coarse myo_sim
// meshes (1-2 mm and about 1° every round, never settling), so the fit depended on when it stopped.
// A fitted bone fitted again stays where it is.
TEST(MeshSetScene, a_fitted_bone_fitted_again_stays_put) {
    for (const char* id : {"femur_r", "l3", "hip_bone_r", "sacrum"}) {
        const MeshData& fitted = structure(myosimScene(), id).mesh;
        const SurfaceFit again = fitSurface(fitted, structure(builtInScene(), id).mesh);
        float worst = 0.0f;
        for (const glm::vec3& p : fitted.positions) worst = std::max(worst, glm::distance(glm::vec3(again.transform * glm::vec4(p, 1.0f)), p));
        EXPECT_LT(worst, 0.0001f) << id;
    }
}

// Bony landmarks move onto the teacher's surface; a joint centre inside the bone keeps its place.
TEST(MeshSetScene, surface_landmarks_move_onto_the_fitted_bone) {
    const SceneStructure& femur = structure(myosimScene(), "femur_r");
    const SceneStructure& builtIn = structure(builtInScene(), "femur_r");
    ASSERT_EQ(femur.info.landmarks.size(), builtIn.info.landmarks.size());
    const SurfaceNearest own(femur.mesh), original(builtIn.mesh);
    int onSurface = 0;
    for (std::size_t i = 0; i < femur.info.landmarks.size(); ++i) {
        const glm::vec3 before = builtIn.info.landmarks[i].position, after = femur.info.landmarks[i].position;
        if (original.nearest(before).distance < 0.002f) {
            EXPECT_LT(own.nearest(after).distance, 1e-5f) << femur.info.landmarks[i].id;
            EXPECT_LT(glm::distance(before, after), 0.010f) << femur.info.landmarks[i].id;
            ++onSurface;
        } else {
            EXPECT_EQ(before, after) << femur.info.landmarks[i].id;
        }
    }
    EXPECT_GT(onSurface, 0);
}

// Hip flexion moves the teacher's femur about the atlas's hip centre: the knee end swings forward
// and up, the head stays in the socket.
TEST(MeshSetScene, hip_flexion_moves_the_users_femur) {
    const Scene& scene = myosimScene();
    SceneMotion motion(scene);
    const auto femur = static_cast<std::size_t>(scene.findStructure("femur_r"));
    const MeshData& mesh = scene.structures[femur].mesh;
    const auto lowest = std::min_element(mesh.positions.begin(), mesh.positions.end(), [](const glm::vec3& a, const glm::vec3& b) { return a.y < b.y; });
    const auto highest = std::max_element(mesh.positions.begin(), mesh.positions.end(), [](const glm::vec3& a, const glm::vec3& b) { return a.y < b.y; });
    Pose flexed;
    flexed.hipRight.flexion = 90.0f;
    motion.update(flexed, 0.0f, BreathDepth::Quiet, 1.0f);
    const glm::mat4& model = motion.model(femur);
    const glm::vec3 knee = glm::vec3(model * glm::vec4(*lowest, 1.0f));
    EXPECT_GT(knee.z - lowest->z, 0.25f) << "the knee end swings forward";
    EXPECT_GT(knee.y - lowest->y, 0.25f) << "and up";
    EXPECT_LT(glm::distance(glm::vec3(model * glm::vec4(*highest, 1.0f)), *highest), 0.06f) << "the top of the femur stays near the hip";
    EXPECT_EQ(motion.model(static_cast<std::size_t>(scene.findStructure("femur_l"))), glm::mat4(1.0f)) << "the left hip did not move";
}

}  // namespace
}  // namespace psoas
