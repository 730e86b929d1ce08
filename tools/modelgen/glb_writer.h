// tools/modelgen/glb_writer.h — writes eng::MeshData as a binary glTF 2.0 file through Assimp's "glb2" exporter.
//
// Use: `std::string err; if (!writeGlb(mesh, "truck_220t", path, &err)) ...`
// Layout of the file: one root node named after the role, one child node per part name (in first-use order)
// holding that part's meshes (one per material), PBR metallic-roughness materials with base colour and emissive
// factors. The bytes depend only on the MeshData (Assimp's exporter embeds no time stamp or path).
// Errors: returns false with a message naming the path and Assimp's reason.
// Does NOT: write textures, UVs or animations.
#pragma once
#include <filesystem>
#include <string>

#include "engine/mesh_data.h"

namespace modelgen {

bool writeGlb(const eng::MeshData& mesh, const std::string& rootName, const std::filesystem::path& path, std::string* err);

}  // namespace modelgen
