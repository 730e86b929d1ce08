#include "scenes/mesh_batch.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace scenes {

namespace {

bool sameMaterial(const eng::Material& a, const eng::Material& b) {
    return a.name == b.name && a.baseColor == b.baseColor && a.emissive == b.emissive && a.roughness == b.roughness &&
           a.metallic == b.metallic;
}

}  // namespace

void mergeByMaterial(eng::MeshData& mesh) {
    std::vector<eng::Material> materials;
    std::vector<eng::SubMesh> parts;
    std::vector<eng::SubMesh> odd;  // parts whose material index is invalid: kept as they are
    for (eng::SubMesh& p : mesh.parts) {
        if (p.material < 0 || static_cast<std::size_t>(p.material) >= mesh.materials.size()) {
            odd.push_back(std::move(p));
            continue;
        }
        const eng::Material& m = mesh.materials[static_cast<std::size_t>(p.material)];
        std::size_t k = 0;
        while (k < materials.size() && !sameMaterial(materials[k], m)) ++k;
        if (k == materials.size()) {
            materials.push_back(m);
            parts.emplace_back();
            parts.back().material = static_cast<int>(k);
            parts.back().name = m.name;
        }
        eng::SubMesh& dst = parts[k];
        const auto base = static_cast<std::uint32_t>(dst.vertices.size());
        dst.vertices.insert(dst.vertices.end(), p.vertices.begin(), p.vertices.end());
        for (std::uint32_t i : p.indices) dst.indices.push_back(base + i);
    }
    const int oddBase = static_cast<int>(materials.size());
    if (!odd.empty()) materials.push_back(eng::Material{});
    for (eng::SubMesh& p : odd) {
        p.material = oddBase;
        parts.push_back(std::move(p));
    }
    mesh.parts = std::move(parts);
    mesh.materials = std::move(materials);
    mesh.computeBounds();
}

}  // namespace scenes
