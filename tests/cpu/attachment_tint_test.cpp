#include "core/attachment_tint.hpp"
#include "core/scene.hpp"
#include "render/paint_code.hpp"

#include <gtest/gtest.h>

namespace psoas {
namespace {

// Issue 15: the "both sides together" step painted every muscle's origins the same blue.
TEST(AttachmentTint, each_muscle_gets_its_own_slot_and_its_two_sides_share_one) {
    EXPECT_EQ(attachmentTintSlots({"psoas_major_l", "psoas_major_r", "iliacus_l", "iliacus_r", "psoas_minor_l", "psoas_minor_r"}),
              (std::vector<int>{0, 0, 1, 1, 2, 2}));
    EXPECT_EQ(attachmentTintSlots({"iliacus_r"}), (std::vector<int>{0}));
    // A midline structure is a muscle of its own; "x_l" is the left copy of "x".
    EXPECT_EQ(attachmentTintSlots({"diaphragm", "quadratus_lumborum_l", "psoas_minor_r"}), (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(attachmentTintSlots({"rectus_l", "rectus"}), (std::vector<int>{0, 0}));
    // Beyond the palette, later muscles share the last slot.
    EXPECT_EQ(attachmentTintSlots({"a", "b", "c", "d", "e"}), (std::vector<int>{0, 1, 2, 3, 3}));
}

TEST(AttachmentTint, the_shader_code_keeps_origin_and_insertion_apart_in_every_slot) {
    using render::meshShaderPaintCode;
    EXPECT_EQ(meshShaderPaintCode(attachmentPaint(AttachmentKind::Origin, 0)), 0.0f);
    EXPECT_EQ(meshShaderPaintCode(attachmentPaint(AttachmentKind::Insertion, 0)), 1.0f);
    EXPECT_EQ(meshShaderPaintCode(attachmentPaint(AttachmentKind::Origin, 2)), 8.0f);
    EXPECT_EQ(meshShaderPaintCode(attachmentPaint(AttachmentKind::Insertion, 3)), 13.0f);
    // Beyond the palette an area takes the last slot's tint, as its legend line does.
    EXPECT_EQ(attachmentPaint(AttachmentKind::Insertion, 9), (AreaPaint{AttachmentKind::Insertion, kAttachmentTintSlots - 1}));
}

TEST(AttachmentTint, tendon_and_cartilage_regions_have_their_own_shader_codes) {
    EXPECT_EQ(render::meshShaderPaintCode({AttachmentKind::Tendon, 0}), 2.0f);
    EXPECT_EQ(render::meshShaderPaintCode({AttachmentKind::Cartilage, 0}), 3.0f);
}

TEST(AttachmentTint, the_legend_names_each_slots_muscles_and_skips_unknown_ids) {
    Scene scene;
    for (const char* id : {"psoas_major_r", "psoas_major_l", "iliacus_r"}) {
        SceneStructure s;
        s.info.id = id;
        s.info.name = std::string(id[std::string(id).size() - 1] == 'l' ? "Left " : "Right ") + (id[0] == 'p' ? "psoas major" : "iliacus");
        scene.structures.push_back(s);
    }
    EXPECT_EQ(attachmentLegendLines(scene, {"psoas_major_r", "psoas_major_l", "iliacus_r", "nonexistent_r"}),
              (std::vector<std::string>{"Right psoas major, Left psoas major", "Right iliacus"}));
}

}  // namespace
}  // namespace psoas
