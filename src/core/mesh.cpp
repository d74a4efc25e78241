#include "core/mesh.hpp"

#include <glm/geometric.hpp>
#include <glm/common.hpp>

namespace psoas {

float Bounds::radius() const { return empty() ? 0.0f : 0.5f * glm::length(size()); }
void Bounds::include(const glm::vec3& p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
}
void Bounds::include(const Bounds& other) {
    if (other.empty()) return;
    include(other.min);
    include(other.max);
}

}  // namespace psoas
