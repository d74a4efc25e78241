// Implicit descriptions of every structure, right side or midline. Left-side
// structures are produced by mirroring the meshes, never modelled separately.
#pragma once

#include "mesh.hpp"

#include <string>

namespace modelgen {

// A field plus how to mesh it: sampling box, cell size and triangle budget.
struct ShapeSpec {
    Field field;
    Box box;
    double cell = 1.0 * mm;
    size_t target_triangles = 2000;
};

// Spine: level 0 = T12 ... 5 = L5. Disc k lies below vertebra k (disc 5 = L5/S1).
ShapeSpec vertebra(int level);
ShapeSpec intervertebral_disc(int level);
ShapeSpec sacrum();
ShapeSpec coccyx();

ShapeSpec hip_bone_right();
ShapeSpec femur_right();

ShapeSpec psoas_major_right();
ShapeSpec psoas_minor_right();
ShapeSpec iliacus_right();
ShapeSpec quadratus_lumborum_right();
ShapeSpec diaphragm();
ShapeSpec arcuate_ligaments_right();
ShapeSpec median_arcuate_ligament();
ShapeSpec inguinal_ligament_right();
ShapeSpec pubic_symphysis();
ShapeSpec rib11_right();
ShapeSpec rib12_right();

// Pull a landmark onto the surface: if it lies outside the field, a small
// tubercle grows to meet it (bony landmarks are tubercles and spines).
Field with_tubercle(Field base, const Vec3& landmark, double radius);

// Distance from p to the thick triangle abc (a triangle swept by a sphere of radius r).
double thick_triangle(const Vec3& p, const Vec3& a, const Vec3& b, const Vec3& c, double r);

// A sheet of thickness 2r spanning two polylines of equal length (a muscle plate).
double thick_ribbon(const Vec3& p, const std::vector<Vec3>& one_edge, const std::vector<Vec3>& other_edge, double r, double blend);

// A layer lying on the inner face of the right iliac wing (the iliac fossa), inset from its border.
double iliac_fossa_layer(const Vec3& p, double thickness, double inset);

}  // namespace modelgen
