// scenes/mesh_batch.h — fold a static mesh's parts into one part per distinct material (fewer draw calls).
// Purpose: eng::appendMesh keeps every appended piece as its own part with its own material copy, and the renderer
//   issues one draw call per part; a hall frame built from 150 boxes of three materials would cost 150 draws.
//   mergeByMaterial() leaves 3. Geometry is untouched (same vertices, same triangles), only regrouped.
// Use: eng::MeshData frame; ... appendMesh(frame, ...); scenes::mergeByMaterial(frame); r.createMesh(frame, "...").
// Errors: none; parts with an out-of-range material index are kept as they are.
// Does NOT: merge across meshes, weld vertices, or keep part names (do not use on meshes animated by part name).
#pragma once
#include "engine/mesh_data.h"

namespace scenes {

void mergeByMaterial(eng::MeshData& mesh);

}  // namespace scenes
