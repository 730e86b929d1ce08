// engine/model/model_loader.h — reads one model file (glTF 2.0 .glb/.gltf first; OBJ, FBX and the other formats
// Assimp knows) into eng::MeshData in our frame: metres, +Y up, front facing +Z, as a manifest entry prescribes.
//
// Use: `std::string err; MeshData m = eng::loadModel(entry->path, *entry, &err); if (m.parts.empty()) log(err);`
// What it does: triangulates, joins identical vertices, generates smooth normals where the file has none, bakes every
// node transform into the vertices (like aiProcess_PreTransformVertices, but keeping each SubMesh's node name so
// scenes can animate named parts), then applies the entry: scale, Z-up -> Y-up, yaw `rotate_deg`, `offset`.
// Materials: base colour (glTF baseColorFactor, else the diffuse colour; alpha from opacity), emissive, roughness,
// metallic. Mirroring transforms flip the winding so faces stay counter-clockwise.
// Errors: never throws; on failure returns an empty MeshData and writes "path: reason" into *err. A vertex that is
// NaN, infinite or more than 1e6 m from the origin after the entry's transform fails the whole model (naming it).
// Does NOT: load textures (colours come from material factors), animations, skins, cameras or lights; cache anything
// (ModelLibrary does); log (the caller decides, once).
#pragma once
#include <filesystem>
#include <string>

#include "engine/mesh_data.h"
#include "engine/model/model_manifest.h"

namespace eng {

MeshData loadModel(const std::filesystem::path& path, const ModelEntry& entry, std::string* err);

// The entry's file -> world transform (scale, up axis, yaw, offset), exposed for tests and tools.
glm::mat4 entryTransform(const ModelEntry& entry);

}  // namespace eng
