// Issue 18: a teacher opens files in the running window (dropped onto it or typed into the panel)
// and gets what the command line gives; a file that cannot be opened leaves everything as it was;
// the Orientation panel turns a Z-up millimetre file upright. Images for looking at go to
// build/tests/output/model_opening_*.png.

#include "app/application.hpp"
#include "app/image_file.hpp"
#include "app/jobs.hpp"
#include "app/user_paths.hpp"
#include "core/model_import.hpp"
#include "gl/gl_test_context.hpp"
#include "support/image_compare.hpp"
#include "support/test_paths.hpp"

#include <cstdint>
#include <fstream>

namespace psoas {
namespace {

app::Options modelOptions(std::vector<std::filesystem::path> paths, ModelOrientation orientation = {}) {
    app::Options options;
    options.model = ModelRequest{std::move(paths), orientation};
    options.glDebug = true;
    options.width = 640;  // the home view is framed for this shape, as a window opened at view()'s size
    options.height = 360;
    return options;
}

Image view(app::Application& application) { return application.renderImage(640, 360, ui::ScreenshotBackground::Dark, false); }

void keepForLooking(app::Application& application, const std::string& name) {
    const Image image = application.renderImage(960, 540, ui::ScreenshotBackground::Dark, true);
    EXPECT_EQ(app::writePng(image, test::outputDirectory() / ("model_opening_" + name + ".png")), "");
}

void expectSameImage(const Image& actual, const Image& expected, const std::string& what) {
    const test::ImageDifference d = test::compareImages(actual, expected, 5);
    ASSERT_TRUE(d.sizeMatches) << what;
    EXPECT_LE(d.fractionOver, 0.001) << what;
    EXPECT_LE(d.meanDifference, 0.5) << what;
}

// Tester, session 13: an OBJ with a one-vertex line element opened, and the warning that it was
// skipped went to the terminal only; a teacher at the window saw "Opened …" and nothing else.
TEST(ModelOpening, what_was_skipped_in_an_opened_file_is_said_in_the_status_line) {
    try {
        const std::filesystem::path folder = test::temporaryDirectory();
        const std::filesystem::path file = folder / "with_a_line.obj";
        std::ofstream(file) << "v 0 0 0\nv 0.1 0 0\nv 0 0.1 0\nv 0 0 0.1\nf 1 2 3\nf 1 3 4\nf 1 4 2\nf 2 4 3\nl 1\n";
        app::Application application(modelOptions({test::dataFile("cube.obj")}));
        (void)view(application);
        ASSERT_TRUE(application.openPaths({file}));
        const std::string status = application.status();
        EXPECT_EQ(status.rfind("Opened with_a_line.obj", 0), 0u) << status;
        EXPECT_NE(status.find("skipped 1 line element with one vertex"), std::string::npos) << status;
        EXPECT_EQ(status.find('\n'), std::string::npos) << status;
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
}

TEST(ModelOpening, files_opened_at_run_time_show_what_the_command_line_shows) {
    try {
        Image expected;
        {
            app::Application fromCommandLine(modelOptions({test::dataFile("cube.obj")}));
            expected = view(fromCommandLine);
        }
        app::Application application(modelOptions({test::dataFile("sphere.obj")}));
        (void)view(application);  // the renderer has the sphere's meshes
        ASSERT_TRUE(application.openPaths({test::dataFile("cube.obj")}));
        EXPECT_EQ(application.scene().title.substr(0, 8), "cube.obj");
        EXPECT_EQ(application.status().find('\n'), std::string::npos);
        const Image opened = view(application);
        (void)app::writePng(opened, test::outputDirectory() / "model_opening_cube_3d_view.png");
        (void)app::writePng(expected, test::outputDirectory() / "model_opening_cube_3d_view_expected.png");
        expectSameImage(opened, expected, "cube opened at run time vs --model cube.obj");
        keepForLooking(application, "cube_opened_at_run_time");
        test::expectNoGlErrors();
    } catch (const app::NoDisplayError& e) {
        test::noContext(e.what());
    }
}

// A mesh set dropped onto a --model scene: the atlas with the set's bones, its first lesson open and
// its motion, as --model-set shows it.
TEST(ModelOpening, a_mesh_set_opened_at_run_time_brings_the_lessons_and_the_motion) {
    try {
        app::Application application(modelOptions({test::dataFile("cube.obj")}));
        (void)view(application);
        EXPECT_FALSE(application.lessonPlayer().active());
        ASSERT_TRUE(application.openPaths({test::dataFile("mesh_sets/myosim_parts.toml")}));
        EXPECT_TRUE(application.lessonPlayer().active());
        EXPECT_NE(application.session().sceneMotion(), nullptr);
        const int femur = application.scene().findStructure("femur_r");
        ASSERT_GE(femur, 0);
        EXPECT_EQ(application.scene().structures[static_cast<std::size_t>(femur)].info.mesh.filename(), "r_femur.stl");
        keepForLooking(application, "mesh_set_opened_at_run_time");
        test::expectNoGlErrors();
    } catch (const app::NoDisplayError& e) {
        test::noContext(e.what());
    }
}

// Tester, session 13: opening one's own files replaced the anatomy and the lessons, and nothing but
// a restart brought them back, which then opened step 1. "Back to the built-in anatomy" returns to
// the lesson and step left, and the settings keep that place while the files are shown.
TEST(ModelOpening, the_built_in_anatomy_comes_back_at_the_lesson_step_left) {
    try {
        app::Options options;
        options.glDebug = true;
        app::Application application(options);
        (void)view(application);
        ASSERT_TRUE(application.lessonPlayer().active());
        application.apply(act::JumpToStep{2});
        const std::string lesson = application.lessonPlayer().lesson().id;
        const std::size_t atlasStructures = application.scene().structures.size();
        ASSERT_TRUE(application.openPaths({test::dataFile("cube.obj")}));
        EXPECT_FALSE(application.lessonPlayer().active());
        EXPECT_EQ(application.scene().structures.size(), 1u);
        ASSERT_TRUE(application.openBuiltInAnatomy());
        EXPECT_EQ(application.scene().structures.size(), atlasStructures);
        ASSERT_TRUE(application.lessonPlayer().active());
        EXPECT_EQ(application.lessonPlayer().lesson().id, lesson);
        EXPECT_EQ(application.lessonPlayer().stepIndex(), 2);
        (void)view(application);
        test::expectNoGlErrors();
    } catch (const app::NoDisplayError& e) {
        test::noContext(e.what());
    }
}

// Tester, session 14: Ctrl+O pressed on the Lesson tab switched to the Structures tab a frame late,
// the field never took the keyboard, and the path typed next ran as the viewer's keys ("Autoplay
// on"). Typed a moment after Ctrl+O, the path goes into the field and Enter opens it.
TEST(ModelOpening, a_path_typed_right_after_ctrl_o_on_the_lesson_tab_is_opened) {
    const std::filesystem::path folder = test::temporaryDirectory();
    const std::filesystem::path missing = folder / "no_such_file.obj";
    std::ofstream(folder / "open.script") << "key ctrl+o\nwait 0.1\ntype " << missing.string() << "\nkey enter\nwait 0.2\n";
    try {
        app::Options options;
        options.script = folder / "open.script";
        options.outDir = folder;
        options.width = 960;
        options.height = 540;
        app::Application application(options);
        ASSERT_TRUE(application.lessonPlayer().active()) << "starts on a lesson, its tab showing";
        testing::internal::CaptureStdout();
        const int code = app::runScript(application, options);
        testing::internal::GetCapturedStdout();
        ASSERT_EQ(code, 0);
        EXPECT_EQ(application.status().rfind("error: " + missing.string(), 0), 0u) << application.status();
    } catch (const app::NoDisplayError& e) {
        test::noContext(e.what());
    }
}

// Nothing lost: the built-in scene with its first lesson open stays, at the same step and view.
TEST(ModelOpening, a_file_that_cannot_be_opened_keeps_the_scene_and_says_why_in_one_line) {
    const std::filesystem::path bad = test::outputDirectory() / "model_opening_not_a_mesh.stl";
    std::ofstream(bad) << "solid broken\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 nonsense\n";
    try {
        app::Options options;
        options.glDebug = true;
        app::Application application(options);
        const Image before = view(application);
        ASSERT_TRUE(application.lessonPlayer().active());
        const std::string lesson = application.lessonPlayer().lesson().id;
        const int step = application.lessonPlayer().stepIndex();
        const std::size_t structures = application.scene().structures.size();

        EXPECT_FALSE(application.openPaths({bad}));
        EXPECT_EQ(application.status().rfind("error: " + bad.string() + ": ", 0), 0u) << application.status();
        EXPECT_EQ(application.status().find('\n'), std::string::npos) << application.status();
        EXPECT_EQ(application.scene().structures.size(), structures);
        ASSERT_TRUE(application.lessonPlayer().active());
        EXPECT_EQ(application.lessonPlayer().lesson().id, lesson);
        EXPECT_EQ(application.lessonPlayer().stepIndex(), step);
        expectSameImage(view(application), before, "the built-in scene after a failed open");

        EXPECT_FALSE(application.openPaths({test::dataFile("no_such_file.stl")}));
        EXPECT_EQ(application.status().find('\n'), std::string::npos) << application.status();
        EXPECT_EQ(application.scene().structures.size(), structures);
        test::expectNoGlErrors();
    } catch (const app::NoDisplayError& e) {
        test::noContext(e.what());
    }
}

// A teacher's lesson file dropped onto the window (or picked in the browser): it opens at its first
// step and is kept in the teacher's lessons folder, so the next start offers it; a broken one
// says where in one line, keeps nothing, and leaves the lesson on screen as it was.
TEST(ModelOpening, a_lesson_file_opened_at_run_time_opens_and_is_kept_and_a_broken_one_is_refused) {
    const auto data = test::temporaryDirectory();
    setenv("XDG_DATA_HOME", data.c_str(), 1);
    const std::filesystem::path mine = test::outputDirectory() / "model_opening_my_lesson.toml";
    {
        std::ifstream in(app::dataDirectory() / "lessons" / "02-attachments.toml");
        std::ofstream out(mine);
        for (std::string line; std::getline(in, line);)
            out << (line.rfind("id = ", 0) == 0 ? "id = \"my-attachments\"" : line) << '\n';
    }
    try {
        app::Options options;
        options.glDebug = true;
        app::Application application(options);
        (void)view(application);
        ASSERT_TRUE(application.openPaths({mine}));
        EXPECT_EQ(application.lessonPlayer().lesson().id, "my-attachments");
        EXPECT_EQ(application.lessonPlayer().stepIndex(), 0);
        EXPECT_TRUE(std::filesystem::exists(data / "psoas-atlas" / "lessons" / "my-attachments.toml"));
        EXPECT_NE(application.status().find("kept in your lessons"), std::string::npos) << application.status();
        application.apply(act::NextStep{});
        const Image before = view(application);

        const auto broken = test::dataFile("bad_lessons/missing_equals.toml");
        EXPECT_FALSE(application.openPaths({broken}));
        EXPECT_EQ(application.status().rfind(broken.string() + ":7:10: ", 0), 0u) << application.status();
        EXPECT_EQ(application.lessonPlayer().lesson().id, "my-attachments");
        EXPECT_EQ(application.lessonPlayer().stepIndex(), 1);
        EXPECT_FALSE(std::filesystem::exists(data / "psoas-atlas" / "lessons" / "bad.toml"));
        expectSameImage(view(application), before, "the lesson on screen after a broken one was refused");

        app::Application nextStart(options);
        EXPECT_NE(nextStart.lessonLibrary().find("my-attachments"), nullptr) << "the kept lesson is not offered again";
        test::expectNoGlErrors();
    } catch (const app::NoDisplayError& e) {
        test::noContext(e.what());
    }
}

// The myo_sim right femur (metres, Y up, X anterior) written as BodyParts3D would: millimetres, Z up,
// -Y anterior (file x = -z, y = -x, z = y: a turn, never a mirror).
std::filesystem::path writeZUpMillimetreFemur() {
    const std::filesystem::path file = test::outputDirectory() / "model_opening_femur_z_up_mm.stl";
    const std::vector<ImportedMesh> meshes = importModel(test::dataFile("myosim/meshes/r_femur.stl"));
    std::uint32_t triangles = 0;
    for (const ImportedMesh& m : meshes) triangles += static_cast<std::uint32_t>(m.mesh.triangleCount());
    std::ofstream out(file, std::ios::binary);
    const std::string header(80, ' ');
    out.write(header.data(), 80);
    out.write(reinterpret_cast<const char*>(&triangles), 4);
    for (const ImportedMesh& m : meshes)
        for (std::size_t i = 0; i < m.mesh.indices.size(); i += 3) {
            float facet[12] = {};
            for (int corner = 0; corner < 3; ++corner) {
                const glm::vec3 p = m.mesh.positions[m.mesh.indices[i + static_cast<std::size_t>(corner)]] * 1000.0f;
                facet[3 + corner * 3] = -p.z;
                facet[4 + corner * 3] = -p.x;
                facet[5 + corner * 3] = p.y;
            }
            out.write(reinterpret_cast<const char*>(facet), sizeof facet);
            out.write("\0\0", 2);
        }
    return file;
}

TEST(OrientationPanel, a_z_up_millimetre_file_turned_upright_matches_the_file_in_its_own_frame) {
    const std::filesystem::path zUp = writeZUpMillimetreFemur();
    try {
        Image expected;
        {
            ModelOrientation own;
            own.units = LengthUnit::Metre;
            own.up = Axis{1, +1};
            own.forward = Axis{0, +1};
            app::Application original(modelOptions({test::dataFile("myosim/meshes/r_femur.stl")}, own));
            expected = view(original);
            (void)app::writePng(expected, test::outputDirectory() / "model_opening_femur_own_frame_3d_view.png");
        }
        app::Application application(modelOptions({zUp}));
        keepForLooking(application, "femur_z_up_as_read");  // read as Y up: lying on its side

        ModelOrientation parallel;
        parallel.up = Axis{2, +1};
        parallel.forward = Axis{2, -1};
        const std::string titleBefore = application.scene().title;
        EXPECT_FALSE(application.chooseOrientation(parallel));  // said on the panel, never applied
        EXPECT_EQ(application.scene().title, titleBefore);
        keepForLooking(application, "femur_parallel_choice");  // the panel names the problem

        std::filesystem::remove(zUp);  // turning uses the meshes already imported, not the file
        ModelOrientation upright;
        upright.units = LengthUnit::Millimetre;
        upright.up = Axis{2, +1};  // anterior: -Y, the default for Z up
        ASSERT_TRUE(application.chooseOrientation(upright));
        EXPECT_NE(application.scene().title.find("units: millimetres\nup +Z, anterior -Y"), std::string::npos) << application.scene().title;
        const Image turned = view(application);
        keepForLooking(application, "femur_z_up_turned_upright");
        test::expectNoGlErrors();

        (void)app::writePng(turned, test::outputDirectory() / "model_opening_femur_turned_3d_view.png");
        expectSameImage(turned, expected, "the turned Z-up mm femur vs the femur in metres, Y up, X anterior");
    } catch (const app::NoDisplayError& e) {
        test::noContext(e.what());
    }
}

}  // namespace
}  // namespace psoas
