#include "sdf.hpp"

#include <cmath>
#include <stdexcept>

namespace modelgen {

Frame sagittal_frame(const Vec3& origin, const Vec3& up) {
    Frame f;
    f.origin = origin;
    f.y = glm::normalize(Vec3(0.0, up.y, up.z));
    f.x = Vec3(1, 0, 0);
    f.z = glm::cross(f.x, f.y);  // anterior, perpendicular to up in the sagittal plane
    return f;
}

Vec3 catmull_rom(const Vec3& p0, const Vec3& p1, const Vec3& p2, const Vec3& p3, double t) {
    const double t2 = t * t, t3 = t2 * t;
    return 0.5 * ((2.0 * p1) + (-p0 + p2) * t + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * t2 +
                  (-p0 + 3.0 * p1 - 3.0 * p2 + p3) * t3);
}

Tube::Tube(const SplineTube& spline) {
    const auto& pts = spline.points;
    if (pts.size() < 2 || pts.size() != spline.radii.size()) throw std::invalid_argument("tube needs >=2 points with radii");
    const size_t n = pts.size();
    for (size_t i = 0; i + 1 < n; ++i) {
        // Mirror the end points so the curve passes through the first and last control points.
        const Vec3 p0 = i == 0 ? 2.0 * pts[0] - pts[1] : pts[i - 1];
        const Vec3 p3 = i + 2 >= n ? 2.0 * pts[n - 1] - pts[n - 2] : pts[i + 2];
        for (int s = 0; s < spline.samples_per_span; ++s) {
            const double t = double(s) / spline.samples_per_span;
            centres_.push_back(catmull_rom(p0, pts[i], pts[i + 1], p3, t));
            // Smoothstep the radius so the tube swells like a muscle belly rather than in kinks.
            const double w = t * t * (3.0 - 2.0 * t);
            radii_.push_back(spline.radii[i] + (spline.radii[i + 1] - spline.radii[i]) * w);
        }
    }
    centres_.push_back(pts.back());
    radii_.push_back(spline.radii.back());
    lo_ = hi_ = centres_.front();
    for (size_t i = 0; i < centres_.size(); ++i) {
        lo_ = glm::min(lo_, centres_[i] - Vec3(radii_[i]));
        hi_ = glm::max(hi_, centres_[i] + Vec3(radii_[i]));
    }
}

double Tube::operator()(const Vec3& p) const {
    // Distance to the bounding box is a lower bound of the true distance: good enough far away.
    const Vec3 outside = glm::max(glm::max(lo_ - p, p - hi_), Vec3(0.0));
    const double box_distance = glm::length(outside);
    if (box_distance > 0.01) return box_distance;
    double d = 1e9;
    for (size_t i = 0; i + 1 < centres_.size(); ++i)
        d = std::min(d, tapered_capsule(p, centres_[i], centres_[i + 1], radii_[i], radii_[i + 1]));
    return d;
}

double polygon_distance(const std::vector<glm::dvec2>& polygon, const glm::dvec2& p) {
    double nearest = 1e9;
    bool inside = false;
    for (size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const glm::dvec2 a = polygon[j], b = polygon[i];
        const glm::dvec2 ab = b - a;
        const double t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0, 1.0);
        nearest = std::min(nearest, glm::length(p - (a + ab * t)));
        // Even-odd rule: count crossings of a ray towards +x.
        if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) / (b.y - a.y) * ab.x) inside = !inside;
    }
    return inside ? -nearest : nearest;
}

Vec3 field_normal(const Field& f, const Vec3& p, double step) {
    const Vec3 g(f(p + Vec3(step, 0, 0)) - f(p - Vec3(step, 0, 0)), f(p + Vec3(0, step, 0)) - f(p - Vec3(0, step, 0)),
                 f(p + Vec3(0, 0, step)) - f(p - Vec3(0, 0, step)));
    const double len = glm::length(g);
    return len > 0.0 ? g / len : Vec3(0, 1, 0);
}

double triangle_distance(const Vec3& p, const Vec3& a, const Vec3& b, const Vec3& c) {
    // Closest point: classify p against the vertex, edge and face regions of the triangle.
    const Vec3 ab = b - a, ac = c - a, ap = p - a;
    const double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0 && d2 <= 0) return glm::length(ap);
    const Vec3 bp = p - b;
    const double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0 && d4 <= d3) return glm::length(bp);
    const double vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return glm::length(p - (a + ab * (d1 / (d1 - d3))));
    const Vec3 cp = p - c;
    const double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0 && d5 <= d6) return glm::length(cp);
    const double vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return glm::length(p - (a + ac * (d2 / (d2 - d6))));
    const double va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
        return glm::length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
    const double denom = 1.0 / (va + vb + vc);
    return glm::length(p - (a + ab * (vb * denom) + ac * (vc * denom)));
}

}  // namespace modelgen
