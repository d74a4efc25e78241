// Signed-distance building blocks for the procedural anatomy.
// Negative inside, positive outside, units metres. Most shapes here are only
// approximately metric (scaled ellipsoids, smooth blends); the mesher needs
// the sign and a rough distance scale, and normals come from the gradient.
#pragma once

#include <glm/glm.hpp>

#include <algorithm>
#include <functional>
#include <vector>

namespace modelgen {

using Vec3 = glm::dvec3;
using Field = std::function<double(const Vec3&)>;

constexpr double mm = 0.001;

// Polynomial smooth minimum: blends two surfaces over a band of width k.
inline double smooth_union(double a, double b, double k) {
    if (k <= 0.0) return std::min(a, b);
    const double h = std::max(k - std::abs(a - b), 0.0) / k;
    return std::min(a, b) - h * h * k * 0.25;
}
inline double smooth_subtract(double from, double cut, double k) { return -smooth_union(-from, cut, k); }
inline double smooth_intersect(double a, double b, double k) { return -smooth_union(-a, -b, k); }

inline double sphere(const Vec3& p, const Vec3& centre, double radius) { return glm::length(p - centre) - radius; }

// Ellipsoid with semi-axes r along the world axes; a first-order distance estimate.
inline double ellipsoid(const Vec3& p, const Vec3& centre, const Vec3& r) {
    const Vec3 q = (p - centre) / r;
    const double k0 = glm::length(q);
    if (k0 < 1e-12) return -std::min({r.x, r.y, r.z});
    const double k1 = glm::length(q / r);
    return k0 * (k0 - 1.0) / k1;
}

// A segment swept by a sphere whose radius goes linearly from ra to rb
// ("tapered capsule"). Distance is approximate where the taper is steep.
inline double tapered_capsule(const Vec3& p, const Vec3& a, const Vec3& b, double ra, double rb) {
    const Vec3 ab = b - a;
    const double len2 = glm::dot(ab, ab);
    const double t = len2 > 0.0 ? std::clamp(glm::dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    return glm::length(p - (a + ab * t)) - (ra + (rb - ra) * t);
}
inline double capsule(const Vec3& p, const Vec3& a, const Vec3& b, double r) { return tapered_capsule(p, a, b, r, r); }

// Box with half extents `half` and edge rounding `round`, axis-aligned in its own frame.
inline double rounded_box(const Vec3& q, const Vec3& half, double round) {
    const Vec3 d = glm::abs(q) - (half - Vec3(round));
    return glm::length(glm::max(d, Vec3(0.0))) + std::min(std::max({d.x, d.y, d.z}), 0.0) - round;
}

// An orthonormal frame so shapes can be described in a bone's own axes.
struct Frame {
    Vec3 origin{0.0};
    Vec3 x{1, 0, 0}, y{0, 1, 0}, z{0, 0, 1};
    Vec3 to_local(const Vec3& p) const {
        const Vec3 d = p - origin;
        return {glm::dot(d, x), glm::dot(d, y), glm::dot(d, z)};
    }
    Vec3 to_world(const Vec3& q) const { return origin + x * q.x + y * q.y + z * q.z; }
};

// Frame with the given up direction, lateral axis kept on world X (sagittal tilt only).
Frame sagittal_frame(const Vec3& origin, const Vec3& up);

// A tube swept along a Catmull-Rom spline through control points with a radius per point.
struct SplineTube {
    std::vector<Vec3> points;
    std::vector<double> radii;
    int samples_per_span = 6;
};

// Precomputed chain of tapered capsules with a bounding box for cheap far-field rejection.
class Tube {
public:
    explicit Tube(const SplineTube& spline);
    double operator()(const Vec3& p) const;
    const std::vector<Vec3>& centreline() const { return centres_; }

private:
    std::vector<Vec3> centres_;
    std::vector<double> radii_;
    Vec3 lo_{0.0}, hi_{0.0};
};

// Catmull-Rom interpolation (centripetal parameter not needed at these spacings).
Vec3 catmull_rom(const Vec3& p0, const Vec3& p1, const Vec3& p2, const Vec3& p3, double t);

// Unsigned distance from p to the triangle abc.
double triangle_distance(const Vec3& p, const Vec3& a, const Vec3& b, const Vec3& c);

// Signed distance to a closed 2D polygon (negative inside).
double polygon_distance(const std::vector<glm::dvec2>& polygon, const glm::dvec2& p);

// Numerical gradient of a field, normalised; used for vertex normals.
Vec3 field_normal(const Field& f, const Vec3& p, double step);

}  // namespace modelgen
