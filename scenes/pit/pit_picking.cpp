#include "scenes/pit/pit_picking.h"

#include <limits>

namespace scenes::pit {

bool intersectOrientedBox(const eng::Ray& ray, const glm::mat4& model, glm::vec3 bmin, glm::vec3 bmax, float& tHit) {
    // In the box's frame the ray keeps its parameter t when the direction is transformed without renormalising.
    const glm::mat4 inv = glm::inverse(model);
    eng::Ray local;
    local.origin = glm::vec3(inv * glm::vec4(ray.origin, 1.0f));
    local.dir = glm::vec3(inv * glm::vec4(ray.dir, 0.0f));
    float tmin = 0.0f, tmax = std::numeric_limits<float>::max();
    for (int a = 0; a < 3; ++a) {
        if (std::abs(local.dir[a]) < 1e-12f) {
            if (local.origin[a] < bmin[a] || local.origin[a] > bmax[a]) return false;
            continue;
        }
        float t0 = (bmin[a] - local.origin[a]) / local.dir[a], t1 = (bmax[a] - local.origin[a]) / local.dir[a];
        if (t0 > t1) std::swap(t0, t1);
        tmin = std::max(tmin, t0);
        tmax = std::min(tmax, t1);
        if (tmin > tmax) return false;
    }
    tHit = tmin;
    return true;
}

int pickNearest(const eng::Ray& ray, std::span<const glm::mat4> models, glm::vec3 bmin, glm::vec3 bmax, float* tHit) {
    int best = -1;
    float bestT = std::numeric_limits<float>::max();
    for (std::size_t i = 0; i < models.size(); ++i) {
        float t;
        if (intersectOrientedBox(ray, models[i], bmin, bmax, t) && t < bestT) {
            bestT = t;
            best = static_cast<int>(i);
        }
    }
    if (tHit && best >= 0) *tHit = bestT;
    return best;
}

}  // namespace scenes::pit
