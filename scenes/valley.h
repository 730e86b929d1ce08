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
// Almalyk's street plan (see Town): the share of street surface (0..1) at en, for the colour map and for tests.
// Avenues on a 400 x 300 m grid turned 38 degrees (the valley's axis), each a 16 m carriageway between tree-lined
// verges; a service street splits every superblock; only inside the built-up area (townShare > 0).
float townStreet(glm::vec2 en);
// 1 inside Almalyk's built-up area, easing to 0 over its edge.
float townShare(glm::vec2 en);

// The emissive of the valley terrain's lamps at full night (Terrain::setGlow times night): high-pressure sodium and
// warm LED over asphalt, masked per texel by the town map's street-light pools.
inline constexpr glm::vec3 kStreetLightGlow{0.34f, 0.19f, 0.075f};

// One building of the town's plan: its kind (Town::size), ground position (en, metres), the yaw of its length from
// east towards north (radians), and the seed of its colour.
struct TownBuilding {
    int kind;
    glm::vec2 en;
    float yaw;
    int seed;
    bool operator==(const TownBuilding&) const = default;
};
// Every building of Almalyk, deterministic: the layout Town draws, without the renderer (for tests).
std::vector<TownBuilding> townPlan();

// Almalyk as the valley views show it: microdistricts of Soviet panel housing between the avenues of townStreet()
// (five-storey blocks in parallel rows, nine-storey blocks, schools in the courtyards) and one-storey houses with
// gardens (mahalla) on the outskirts. Each kind of building is one mesh at its real size whose walls carry storeys
// of windows (2.8 m storeys, 3 m bays), so the windows keep their size; at night each block's windows glow at its
// own strength. Deterministic (hashes of the plan's cells).
// Use: Town t; t.build(r, terrain); per frame t.setNight(n); t.draw(r, cam.position()) (far from the town it draws every
// other block, widened: map views).
class Town {
public:
    static constexpr int kKinds = 4;  // five-storey, nine-storey, school, house
    void build(eng::Renderer& r, const eng::Terrain& terrain);
    void setNight(float night);  // recolours only when night changes
    static constexpr float kFarM = 6000.0f;  // beyond this from the town's centre the eye sees the thinned blocks
    void draw(eng::Renderer& r, glm::vec3 eye) const;
    const std::vector<eng::Instance>& blocks(int kind) const { return m_blocks[kind]; }
    static glm::vec3 size(int kind);  // length (local x), height, depth (local z) in metres
    std::size_t count() const;

private:
    eng::MeshId m_mesh[kKinds]{};
    std::vector<eng::Instance> m_blocks[kKinds], m_far[kKinds];
    float m_night = -1.0f;
};
// A unit box (base on y = 0) whose walls carry rows of windows: the texture's alpha marks the windows, which the
// renderer uses as the mask of the instance's emissive, so a block lit at night shows lit windows, not a glowing slab.
// The roof has no windows. Draw the town blocks with it instead of a plain box.
eng::MeshId createTownBlockMesh(eng::Renderer& r);
// Night for the town: each block's windows glow warm at its own strength (a few blocks dark, a few bright), scaled
// by night (0 day .. 1 night). Deterministic (hash of the block's index).
void lightTownBlocks(std::vector<eng::Instance>& blocks, float night);

}  // namespace scenes
