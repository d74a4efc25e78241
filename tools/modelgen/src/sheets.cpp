// Thin sheets built from triangles swept by a sphere: muscle plates and bony laminae.
#include "anatomy.hpp"

namespace modelgen {

double thick_triangle(const Vec3& p, const Vec3& a, const Vec3& b, const Vec3& c, double r) {
    return triangle_distance(p, a, b, c) - r;
}

double thick_ribbon(const Vec3& p, const std::vector<Vec3>& one_edge, const std::vector<Vec3>& other_edge, double r, double blend) {
    double d = 1e9;
    for (size_t i = 0; i + 1 < one_edge.size(); ++i) {
        d = smooth_union(d, thick_triangle(p, one_edge[i], one_edge[i + 1], other_edge[i], r), blend);
        d = smooth_union(d, thick_triangle(p, one_edge[i + 1], other_edge[i + 1], other_edge[i], r), blend);
    }
    return d;
}

}  // namespace modelgen
