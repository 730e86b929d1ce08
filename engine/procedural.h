// engine/procedural.h — primitive meshes built in code: box, cylinder, cone, sphere, plane, grid. Scenes use them for simple
// structures (tanks, stacks, conveyors) and the model loader for visible fallbacks.
// Use: MeshData m = makeBox({2,1,4}, {.baseColor={0.8,0.6,0.1,1}}); MeshId id = renderer.createMesh(m, "crate");
// Every mesh is centred on the origin in x/z; boxes and cylinders stand on y = 0 (base at the ground) unless noted.
// Does NOT: upload anything (the renderer does) or merge meshes (appendMesh does that, with a transform).
#pragma once
#include <glm/glm.hpp>

#include "engine/mesh_data.h"

namespace eng {

MeshData makeBox(glm::vec3 size, const Material& m = {});                     // base on y = 0
MeshData makeCylinder(float radius, float height, int segments, const Material& m = {});  // base on y = 0, capped
MeshData makeCone(float radius, float height, int segments, const Material& m = {});      // base on y = 0
MeshData makeSphere(float radius, int segments, const Material& m = {});      // centred on the origin
MeshData makePlane(glm::vec2 size, const Material& m = {});                    // y = 0, facing +Y
// A size x size square at y = 0 facing +Y, split into n x n quads with uv 0..1 over the whole: the engine fogs per
// vertex, so large ground needs vertices where a 4-vertex plane would fog as one flat tint.
MeshData makeGrid(float size, int n, const Material& m = {});
// Appends src's parts (transformed, normals by the inverse transpose) and materials to dst.
void appendMesh(MeshData& dst, const MeshData& src, const glm::mat4& transform);

}  // namespace eng
