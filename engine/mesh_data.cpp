#include "engine/mesh_data.h"

#include <limits>

namespace eng {

void MeshData::computeBounds() {
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
    bool any = false;
    for (const SubMesh& p : parts)
        for (const Vertex& v : p.vertices) { lo = glm::min(lo, v.position); hi = glm::max(hi, v.position); any = true; }
    boundsMin = any ? lo : glm::vec3(0.0f);
    boundsMax = any ? hi : glm::vec3(0.0f);
}

}  // namespace eng
