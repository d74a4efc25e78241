// Snapping bony landmarks onto their bone: the published points (docs/sources.md
// §3) must lie on the surface, and the modelled shapes miss them by a few
// millimetres at most.
#include "anatomy.hpp"

#include <cstdio>
#include <cstdlib>

namespace modelgen {

Field with_tubercle(Field base, const Vec3& landmark, double radius) {
    const double gap = base(landmark);
    // MODELGEN_REPORT_GAPS=1 shows how far the modelled shape misses each landmark, for tuning.
    if (std::getenv("MODELGEN_REPORT_GAPS"))
        std::fprintf(stderr, "landmark (%.4f, %.4f, %.4f): gap %.2f mm\n", landmark.x, landmark.y, landmark.z, gap / mm);
    if (std::abs(gap) < 0.8 * mm) return base;  // already on the surface
    const Vec3 n = field_normal(base, landmark, 0.5 * mm);
    if (gap < 0.0) {
        // Landmark buried: shave the bone with a broad sphere touching it from outside.
        const Vec3 centre = landmark + n * (4.0 * radius);
        return [base, centre, radius](const Vec3& p) { return smooth_subtract(base(p), sphere(p, centre, 4.0 * radius), 2.0 * mm); };
    }
    // Landmark outside: a broad, low boss whose cap reaches it (centre inside along the gradient).
    const Vec3 centre = landmark - n * radius;
    return [base, centre, radius](const Vec3& p) { return smooth_union(base(p), sphere(p, centre, radius), 3.0 * mm); };
}

}  // namespace modelgen
