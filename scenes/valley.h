// scenes/valley.h — the Akhangaran valley's ground as the landscape and the overview draw it: the 40 km terrain from
// site::elevation with its colour map (summer steppe, irrigated parcels with tree rows, the river, the town, the pit's
// benches and the waste dumps), and Almalyk's town blocks on it.
// Use: eng::Terrain t; if (!scenes::buildValleyTerrain(r, t, &why)) ...; auto blocks = scenes::valleyTownBlocks(t);
//      r.drawInstanced(unitBox, blocks);
// Errors: false and *why when the terrain cannot be built. Does NOT: draw (the scenes do), or read the simulation.
#pragma once
#include <string>
#include <vector>

#include "engine/gfx/renderer.h"
#include "engine/terrain.h"

namespace scenes {

inline constexpr float kValleyTerrainSize = 40000.0f;  // metres per side, centred on the pit
bool buildValleyTerrain(eng::Renderer& r, eng::Terrain& terrain, std::string* why);
// Instances of a unit box (base on y = 0) with each block's facade colour.
std::vector<eng::Instance> valleyTownBlocks(const eng::Terrain& terrain);
// A unit box (base on y = 0) whose walls carry rows of windows: the texture's alpha marks the windows, which the
// renderer uses as the mask of the instance's emissive, so a block lit at night shows lit windows, not a glowing slab.
// The roof has no windows. Draw the town blocks with it instead of a plain box.
eng::MeshId createTownBlockMesh(eng::Renderer& r);
// Night for the town: each block's windows glow warm at its own strength (a few blocks dark, a few bright), scaled
// by night (0 day .. 1 night). Deterministic (hash of the block's index).
void lightTownBlocks(std::vector<eng::Instance>& blocks, float night);

}  // namespace scenes
