// engine/terrain.h — a heightfield terrain drawn in chunks with distance-based LOD and skirts (no cracks), plus
// height queries and ray casts for placing objects and picking.
// Use: Terrain t; t.build(renderer, {.samples=513, .size=24000, .heights=h, .colorMap=tex});
//      per frame t.draw(renderer, camera); t.heightAt(x, z); t.raycast(ray, hit).
// Heights are metres (world +Y); the grid is centred on the origin; uv spans the whole terrain (0..1) for the colour map.
// LOD: each chunk has 4 levels (full, 1/2, 1/4, 1/8 resolution); the level grows with distance / chunk size,
// scaled by the quality's lodBias; chunks outside the view frustum are skipped.
// Errors: build() returns false with a message when samples is not 2^k+1 or heights has the wrong size.
// Insets: a finer colour map over whole chunks (TerrainInset), e.g. the benches of a pit seen from the valley.
// Does NOT: stream, edit at run time, or texture-splat (the scene bakes its colour maps).
#pragma once
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "engine/gfx/renderer.h"

namespace eng {

// A finer colour map over part of the terrain (a pit, a town): chunks lying wholly inside [min, max] (world x / z)
// take their uv over that rectangle and this texture instead of the whole-terrain map. Put the rectangle on chunk
// boundaries (multiples of size / (samples - 1) * chunkCells from the centre), or chunks it cuts keep the coarse map.
// Where the detail matters the shadow must match it: inset chunks draw and cast their shadow at full resolution at
// any distance (elsewhere the caster is the half-resolution level, and a coarser receiver on convex ground such as a
// pit's rim falls below it and shadows itself in teeth). An inset chunk is ~2k triangles.
struct TerrainInset {
    TextureId colorMap;
    glm::vec2 min{0.0f}, max{0.0f};
};

struct TerrainDesc {
    int samples = 513;             // per side, 2^k + 1
    float size = 20000.0f;         // metres per side
    std::vector<float> heights;    // samples*samples, row-major, row = z from -size/2 (north) to +size/2
    int chunkCells = 32;           // cells per chunk side at full resolution
    TextureId colorMap;            // albedo over the whole terrain; alpha masks the emissive of setGlow (0: none)
    std::vector<TerrainInset> insets;  // finer albedo where it matters (the first inset holding a chunk wins)
    float skirtDepth = 30.0f;
    std::string label = "terrain";
};

class Terrain {
public:
    bool build(Renderer& r, const TerrainDesc& d, std::string* why);
    void draw(Renderer& r, const OrbitCamera& cam, float aspect) const;
    float heightAt(float x, float z) const;  // bilinear; clamps outside the grid
    glm::vec3 normalAt(float x, float z) const;
    bool raycast(const Ray& ray, glm::vec3& hit) const;
    float size() const { return m_size; }
    int insetChunks() const { return m_insetChunks; }  // chunks drawn with an inset's colour map
    // Emissive added where the colour map's alpha says (street lights in a town's map at night); 0 by default.
    void setGlow(glm::vec3 glow) { m_glow = glow; }
    float minHeight() const { return m_minH; }
    float maxHeight() const { return m_maxH; }

private:
    struct Chunk {
        glm::vec3 center, bmin, bmax;
        MeshId lod[4];
        bool inset = false;  // drawn with an inset's map, at full resolution, casting its shadow at full resolution
    };
    // uvMin/uvSpan: the rectangle (world x / z) the chunk's uv spans: the whole terrain, or an inset's.
    MeshData buildChunk(int cx, int cz, int step, glm::vec2 uvMin, glm::vec2 uvSpan) const;
    std::vector<Chunk> m_chunks;
    std::vector<float> m_h;
    int m_n = 0, m_chunkCells = 32, m_insetChunks = 0;
    float m_size = 0, m_cell = 0, m_minH = 0, m_maxH = 0, m_skirt = 30;
    glm::vec3 m_glow{0.0f};
    TextureId m_tex;
};

}  // namespace eng
