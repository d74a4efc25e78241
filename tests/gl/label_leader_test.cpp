// Labels never point at the wrong place (issue 15): every step of every shipped lesson is drawn as
// a student sees it, and the structure-id pass (render/structure_id_pass.hpp: the frame's meshes,
// camera and poses drawn into an integer target) says which structure each pixel shows. Every
// leader drawn solid must end on a pixel of the structure its label names; a structure's label
// drawn as behind must have no part that clearly shows. On main before this test (fbedcc8),
// 36 leaders on 21 steps ended elsewhere (/work/notes/s4-labels.md lists them), among them
// "Fifth lumbar vertebra" on T12 (meet-the-psoas 2) and "Right psoas major" on the left hip bone
// (meet-the-psoas 6).

#include "app/application.hpp"
#include "gl/gl_test_context.hpp"
#include "render/structure_id_pass.hpp"

#include <glm/common.hpp>

#include <cmath>
#include <iostream>
#include <sstream>

namespace psoas {
namespace {

constexpr int kWidth = 960, kHeight = 540;

std::string nameAt(const Scene& scene, const render::StructureIdImage& image, int x, int y) {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return "outside the image";
    const int id = image.opaque[static_cast<std::size_t>(y * image.width + x)];
    return id >= 0 ? scene.structures[static_cast<std::size_t>(id)].info.id : "nothing";
}

// Whether some pixel shows the structure with a margin all round, as a solid leader's end needs.
bool clearlyShows(const render::StructureIdImage& image, int structure, glm::ivec4 view) {
    const int m = static_cast<int>(kAnchorMarginPixels);
    for (int y = view.y + m; y < view.y + view.w - m; ++y)
        for (int x = view.x + m; x < view.x + view.z - m; ++x)
            if (image.shows(x, y, structure) && image.shows(x - m, y, structure) && image.shows(x + m, y, structure) &&
                image.shows(x, y - m, structure) && image.shows(x, y + m, structure))
                return true;
    return false;
}

// The bent meshes of the session's current pose, as the frame renderer has them.
void uploadPose(const ViewerSession& session, render::StructureIdPass& ids) {
    const SceneMotion* motion = session.sceneMotion();
    if (!motion) return;
    for (std::size_t s = 0; s < session.scene().structures.size(); ++s)
        if (const auto* positions = motion->positions(s)) ids.updateVertices(s, *positions, *motion->normals(s));
}

TEST(LabelLeaders, every_leader_of_every_shipped_step_ends_on_its_own_structure) {
    std::unique_ptr<app::Application> application;
    try {
        app::Options options;
        options.glDebug = true;
        application = std::make_unique<app::Application>(options);
        (void)application->renderImage(64, 64, ui::ScreenshotBackground::Dark, true);  // makes the context
    } catch (const app::NoDisplayError& e) {
        return test::noContext(e.what());
    }
    test::beginGlErrorWatch();
    render::StructureIdPass ids(application->scene());
    std::ostringstream wrong;
    int leaders = 0, behind = 0, steps = 0;
    for (const auto& entry : application->lessonLibrary().entries()) {
        ASSERT_TRUE(entry.lesson.has_value()) << entry.file;
        for (std::size_t s = 0; s < entry.lesson->steps.size(); ++s) {
            ASSERT_TRUE(application->openLesson(entry.lesson->id, static_cast<int>(s)));
            (void)application->renderImage(kWidth, kHeight, ui::ScreenshotBackground::Dark, true);
            ++steps;
            uploadPose(application->session(), ids);
            const ViewRect view = application->layout().scene;
            const FrameState frame = application->session().frameState(view, {kWidth, kHeight}, {kWidth, kHeight},
                                                                        {0.0f, 0.0f, 0.0f, 1.0f}, AntiAliasing::Off);
            const render::StructureIdImage image = ids.render(frame);
            const glm::ivec4 viewPixels{static_cast<int>(view.origin.x), static_cast<int>(view.origin.y), static_cast<int>(view.size.x),
                                        static_cast<int>(view.size.y)};
            for (const ui::LabelAnchor& label : application->labelAnchors()) {
                const int x = static_cast<int>(std::floor(label.point.x)), y = static_cast<int>(std::floor(label.point.y));
                const std::string where = entry.lesson->id + " step " + std::to_string(s + 1) + ": '" + label.text + "'";
                ++(label.behind ? behind : leaders);
                if (!label.behind && !image.shows(x, y, label.structure))
                    wrong << "  " << where << " ends at (" << x << ", " << y << ") on " << nameAt(application->scene(), image, x, y) << "\n";
                // A structure's own label carries its name; landmarks and attachment areas have their own.
                const bool landmark = label.text != application->scene().structures[static_cast<std::size_t>(label.structure)].info.name;
                if (label.behind && !landmark && clearlyShows(image, label.structure, viewPixels))
                    wrong << "  " << where << " is drawn as behind, but part of it shows\n";
            }
        }
    }
    test::expectNoGlErrors();
    EXPECT_GE(steps, 30);
    EXPECT_GE(leaders, 40);
    std::cerr << leaders << " leaders end on their structure; " << behind << " labels drawn as behind\n";
    EXPECT_TRUE(wrong.str().empty()) << "leaders that end off their own structure:\n" << wrong.str();
}

}  // namespace
}  // namespace psoas
