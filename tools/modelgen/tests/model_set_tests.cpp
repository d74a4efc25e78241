// Checks on the committed model set (models/*.glb, models/atlas.toml) and on
// the generator that writes it. Numbers and tolerances: docs/sources.md §3-§4.
#include "glb.hpp"
#include "model_set.hpp"
#include "scene_facts.hpp"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>

namespace fs = std::filesystem;
using namespace modelgen;

namespace {

const fs::path kModels = PSOAS_MODELS_DIR;

std::vector<unsigned char> file_bytes(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

const std::vector<Structure>& structures() {
    static const auto set = model_set();
    return set;
}

const TriangleMesh& committed(const std::string& id) {
    static std::map<std::string, TriangleMesh> cache;
    auto it = cache.find(id);
    if (it == cache.end()) it = cache.emplace(id, read_glb((kModels / (id + ".glb")).string())).first;
    return it->second;
}

const Structure& structure(const std::string& id) {
    for (const auto& s : structures())
        if (s.id == id) return s;
    throw std::runtime_error("no structure " + id);
}

glm::dvec3 volume_centroid(const TriangleMesh& m) {
    glm::dvec3 sum(0.0);
    double volume = 0.0;
    for (size_t t = 0; t < m.indices.size(); t += 3) {
        const glm::dvec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
        const double v = glm::dot(a, glm::cross(b, c)) / 6.0;
        sum += v * (a + b + c) / 4.0;
        volume += v;
    }
    return sum / volume;
}

// Deepest penetration of `points` into `solid`: distance to its surface for points inside it.
double deepest_penetration(const TriangleMesh& points, const TriangleMesh& solid, const glm::dvec3& near, double radius) {
    double deepest = 0.0;
    for (const auto& p : points.positions) {
        if (glm::length(glm::dvec3(p) - near) > radius) continue;
        if (winding_number(solid, p) > 0.5) deepest = std::max(deepest, distance_to_surface(solid, p));
    }
    return deepest;
}

}  // namespace

TEST(Isosurface, marching_tetrahedra_gives_a_closed_outward_surface) {
    for (int level : {0, 3}) {
        const ShapeSpec spec = vertebra(level);
        const TriangleMesh dense = polygonise(spec.field, spec.box, spec.cell);
        std::string why;
        EXPECT_TRUE(is_closed_and_oriented(dense, &why)) << "dense vertebra " << level << ": " << why;
        EXPECT_GT(signed_volume(dense), 0.0);
    }
}

TEST(ModelSet, committed_files_equal_fresh_generator_output_byte_for_byte) {
    const fs::path fresh = fs::temp_directory_path() / "psoas-modelgen-test";
    fs::remove_all(fresh);
    write_model_set(fresh, structures(), generate_meshes(structures()));
    size_t compared = 0;
    for (const auto& entry : fs::directory_iterator(fresh)) {
        const fs::path name = entry.path().filename();
        ASSERT_TRUE(fs::exists(kModels / name)) << name << " is generated but not committed in models/";
        EXPECT_TRUE(file_bytes(entry.path()) == file_bytes(kModels / name))
            << name << " differs from the generator's output: run psoas-modelgen --out models (see tools/README.md)";
        ++compared;
    }
    EXPECT_EQ(compared, structures().size() + 1);  // every mesh plus atlas.toml
    for (const auto& entry : fs::directory_iterator(kModels))
        if (entry.path().extension() == ".glb")
            EXPECT_TRUE(fs::exists(fresh / entry.path().filename())) << entry.path() << " is stale: no structure makes it";
    fs::remove_all(fresh);
}

TEST(ModelSet, atlas_names_a_mesh_file_that_exists_for_every_structure) {
    const std::string text = [] {
        std::ifstream f(kModels / "atlas.toml");
        return std::string(std::istreambuf_iterator<char>(f), {});
    }();
    const std::regex mesh_line(R"re(\nmesh = "([^"]+)")re");
    size_t count = 0;
    for (std::sregex_iterator it(text.begin(), text.end(), mesh_line), end; it != end; ++it, ++count)
        EXPECT_TRUE(fs::exists(kModels / (*it)[1].str())) << (*it)[1].str();
    EXPECT_EQ(count, structures().size());
}

TEST(ModelSet, every_mesh_is_closed_and_consistently_oriented_outward) {
    for (const auto& s : structures()) {
        const auto& m = committed(s.id);
        std::string why;
        EXPECT_TRUE(is_closed_and_oriented(m, &why)) << s.id << ": " << why;
        EXPECT_GT(signed_volume(m), 0.0) << s.id << " is inside out";
        EXPECT_EQ(m.normals.size(), m.positions.size()) << s.id;
    }
}

TEST(ModelSet, left_and_right_mirror_in_x) {
    for (const auto& s : structures()) {
        if (s.mirror_of.empty()) continue;
        const auto& left = committed(s.id);
        const auto& right = committed(s.mirror_of);
        ASSERT_EQ(left.positions.size(), right.positions.size()) << s.id;
        ASSERT_EQ(left.indices.size(), right.indices.size()) << s.id;
        double worst = 0.0;
        for (size_t i = 0; i < left.positions.size(); ++i) {
            const glm::vec3 r = right.positions[i];
            worst = std::max(worst, double(glm::length(left.positions[i] - glm::vec3(-r.x, r.y, r.z))));
        }
        EXPECT_LE(worst, 1e-6) << s.id << " vs " << s.mirror_of;
    }
}

TEST(ModelSet, bony_landmarks_lie_within_2_mm_of_their_bone_surface) {
    for (const auto& s : structures())
        for (const auto& l : s.landmarks) {
            if (!l.on_bone_surface) continue;
            const double d = distance_to_surface(committed(s.id), l.position);
            EXPECT_LE(d, 2.0 * mm) << s.id << "/" << l.id << " is " << d / mm << " mm from the surface";
        }
}

TEST(ModelSet, whole_scene_stays_within_60000_triangles) {
    size_t total = 0;
    for (const auto& s : structures()) total += committed(s.id).triangle_count();
    EXPECT_LE(total, 60000u);
}

TEST(ModelSet, every_file_loads_through_assimp) {
    for (const auto& s : structures()) {
        Assimp::Importer importer;
        const aiScene* scene = importer.ReadFile((kModels / (s.id + ".glb")).string(),
                                                 aiProcess_Triangulate | aiProcess_JoinIdenticalVertices);
        ASSERT_NE(scene, nullptr) << s.id << ": " << importer.GetErrorString();
        ASSERT_EQ(scene->mNumMeshes, 1u) << s.id;
        EXPECT_EQ(scene->mMeshes[0]->mNumFaces, committed(s.id).triangle_count()) << s.id;
        EXPECT_TRUE(scene->mMeshes[0]->HasNormals()) << s.id;
    }
}

TEST(Femur, head_is_a_23_4_mm_sphere_on_the_hip_centre) {
    // Vertices on the upper-medial half of the head, away from the neck.
    const auto& femur = committed("femur_r");
    double sum = 0.0;
    int n = 0;
    for (const auto& p : femur.positions) {
        const glm::dvec3 d = glm::dvec3(p) - facts::hip_centre;
        if (glm::length(d) < 30 * mm && glm::dot(glm::normalize(d), glm::normalize(glm::dvec3(0.7, 0.7, 0.1))) > 0.3) {
            sum += glm::length(d);
            ++n;
        }
    }
    ASSERT_GT(n, 50);
    EXPECT_NEAR(sum / n, 23.4 * mm, 1.0 * mm);
}

TEST(Femur, hip_to_knee_length_matches_the_published_femur) {
    // Hip centre to knee centre 0.396 m; the condyles reach 34 mm below the knee centre
    // and the head top is 23.4 mm above the hip centre: head top to condyles 0.453 m (§4).
    const auto& femur = committed("femur_r");
    double lowest = 1e9, highest = -1e9;
    for (const auto& p : femur.positions) lowest = std::min(lowest, double(p.y)), highest = std::max(highest, double(p.y));
    const double knee_centre_y = lowest + (facts::knee_centre.y - facts::condyles_lowest.y);
    EXPECT_NEAR(facts::hip_centre.y - knee_centre_y, 0.396, 5 * mm);
    EXPECT_NEAR(highest - lowest, 0.453, 5 * mm);
}

TEST(Pelvis, inter_asis_width_is_257_mm) {
    // The ASIS is the most anterior point of the hip bone above the acetabulum.
    auto asis_x = [](const TriangleMesh& m) {
        glm::vec3 best(0, 0, -1e9);
        for (const auto& p : m.positions)
            if (p.y > -0.01f && p.z > best.z) best = p;
        return double(best.x);
    };
    EXPECT_NEAR(asis_x(committed("hip_bone_l")) - asis_x(committed("hip_bone_r")), 0.257, 3 * mm);
}

TEST(Spine, lumbar_pitch_is_30_to_35_mm_per_level) {
    const char* discs[] = {"disc_t12_l1", "disc_l1_l2", "disc_l2_l3", "disc_l3_l4", "disc_l4_l5", "disc_l5_s1"};
    for (int i = 0; i + 1 < 6; ++i) {
        const double pitch = glm::length(volume_centroid(committed(discs[i])) - volume_centroid(committed(discs[i + 1])));
        EXPECT_GE(pitch, 29.5 * mm) << discs[i];
        EXPECT_LE(pitch, 35.5 * mm) << discs[i];
    }
}

TEST(Spine, lumbar_body_width_is_43_to_44_mm) {
    // Width across the front half of each body (its endplate rims are the widest part), between its two discs.
    const char* levels[] = {"l1", "l2", "l3", "l4", "l5"};
    for (int k = 0; k < 5; ++k) {
        const double y_mid = 0.5 * (facts::disc_y[size_t(k)] + facts::disc_y[size_t(k) + 1]);
        const double z_mid = 0.5 * (facts::disc_z[size_t(k)] + facts::disc_z[size_t(k) + 1]);
        double lo = 1e9, hi = -1e9;
        for (const auto& p : committed(levels[k]).positions)
            if (std::abs(p.y - y_mid) < 13 * mm && p.z > z_mid - 4 * mm) lo = std::min(lo, double(p.x)), hi = std::max(hi, double(p.x));
        EXPECT_NEAR(hi - lo, 43.5 * mm, 2.5 * mm) << levels[k];
    }
}

TEST(Joints, femoral_head_sits_in_the_acetabulum_without_penetrating_it) {
    for (const char* side : {"_r", "_l"}) {
        const auto& femur = committed(std::string("femur") + side);
        const auto& hip = committed(std::string("hip_bone") + side);
        glm::dvec3 centre = facts::hip_centre;
        if (side[1] == 'l') centre.x = -centre.x;
        EXPECT_LE(deepest_penetration(femur, hip, centre, 40 * mm), 1.0 * mm) << side;
    }
}

TEST(Joints, neighbouring_bones_do_not_interpenetrate_by_more_than_1_mm) {
    const std::pair<const char*, const char*> neighbours[] = {
        {"t12", "l1"}, {"l1", "l2"}, {"l2", "l3"}, {"l3", "l4"}, {"l4", "l5"}, {"l5", "sacrum"},
        {"sacrum", "coccyx"}, {"sacrum", "hip_bone_r"}, {"sacrum", "hip_bone_l"}, {"hip_bone_r", "hip_bone_l"},
        {"femur_r", "hip_bone_r"}, {"t12", "rib12_r"}, {"t12", "rib11_r"}, {"rib11_r", "rib12_r"},
    };
    for (const auto& [a, b] : neighbours) {
        const auto& ma = committed(a);
        const auto& mb = committed(b);
        EXPECT_LE(deepest_penetration(ma, mb, glm::dvec3(0.0), 10.0), 1.0 * mm) << a << " into " << b;
        EXPECT_LE(deepest_penetration(mb, ma, glm::dvec3(0.0), 10.0), 1.0 * mm) << b << " into " << a;
    }
}

TEST(Joints, discs_touch_their_vertebrae_without_penetrating_them) {
    const char* upper[] = {"t12", "l1", "l2", "l3", "l4", "l5"};
    const char* lower[] = {"l1", "l2", "l3", "l4", "l5", "sacrum"};
    const char* discs[] = {"disc_t12_l1", "disc_l1_l2", "disc_l2_l3", "disc_l3_l4", "disc_l4_l5", "disc_l5_s1"};
    for (int i = 0; i < 6; ++i) {
        const auto& disc = committed(discs[i]);
        const glm::dvec3 c = volume_centroid(disc);
        for (const char* bone : {upper[i], lower[i]}) {
            const auto& v = committed(bone);
            EXPECT_LE(deepest_penetration(disc, v, c, 60 * mm), 1.0 * mm) << discs[i] << " into " << bone;
            double nearest = 1e9;
            for (const auto& p : disc.positions) nearest = std::min(nearest, distance_to_surface(v, p));
            EXPECT_LE(nearest, 1.0 * mm) << discs[i] << " does not touch " << bone;
        }
    }
}
