// engine/mesh_data.h — CPU-side geometry shared by the model loader (engine/model), procedural builders and the GPU
// upload in engine/gfx. Positions in metres, right-handed, +Y up (the renderer's world frame).
// Does NOT: own GPU resources.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace eng {

struct Vertex {
    glm::vec3 position{0.0f};
    glm::vec3 normal{0.0f, 1.0f, 0.0f};
    glm::vec2 uv{0.0f};
};

struct Material {
    std::string name;
    glm::vec4 baseColor{0.7f, 0.7f, 0.7f, 1.0f};  // linear RGB + alpha
    glm::vec3 emissive{0.0f};                      // linear RGB, added unlit (glowing metal, lamps)
    float roughness = 0.7f;
    float metallic = 0.0f;
};

struct SubMesh {
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices;  // triangles
    int material = 0;                    // index into MeshData::materials
    std::string name;                    // part name ("body", "house", ...) that scenes group and animate by
};

struct MeshData {
    std::vector<SubMesh> parts;
    std::vector<Material> materials;
    glm::vec3 boundsMin{0.0f};
    glm::vec3 boundsMax{0.0f};
    void computeBounds();
};

}  // namespace eng
