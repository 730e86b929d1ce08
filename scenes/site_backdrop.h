// scenes/site_backdrop.h — the valley and foothills around a plant site, as one cheap distant ring for plant scenes.
// Purpose: plant scenes (smelter, hydrogen) draw their own flat site; beyond it the viewer should see the Akhangaran
//   valley floor and the Kuramin/Chatkal foothills the landscape scene shows, not a plane running to the horizon.
// Use: SiteBackdrop b; b.build(r, {.siteEast = site::kSmelter.x, .siteNorth = site::kSmelter.y}) in load(); b.draw(r).
//   The ring is sampled from site::elevation (scenes/site.h) (the same terrain), relative to the site's own ground level,
//   so the landscape and the plant scenes agree; it stays flat (just below y = 0) out to flatRadius, under the
//   scene's own ground, and rises with distance.
// Cost: one mesh (segments x rings x 2 triangles, ~3.5k by default), one 256² colour texture, one draw call; casts no
//   shadow (the shadow cache is untouched) and is fogged per vertex like everything else.
// Errors: none; a degenerate description (radii out of order, too few segments) is clamped to a usable ring.
// Does NOT: collide, answer heights for the camera (plant scenes keep their flat ground), or draw buildings.
#pragma once
#include "engine/gfx/renderer.h"

namespace scenes {

struct SiteBackdropDesc {
    float siteEast = 0.0f, siteNorth = 0.0f;  // site centre in the landscape frame (m east/north of the pit)
    float flatRadius = 700.0f;                       // m: flat (under the scene's ground) out to here
    float outerRadius = 30000.0f;                    // m: the ring's outer edge (the fog hides it)
    int segments = 72, rings = 26;
};

// Smooth value noise in [0, 1] at a feature size of `cell` metres (for scenes painting their own ground to match).
float siteNoise(glm::vec2 p, float cell, int seed);
// Hashed white noise in [0, 1] for integer coordinates (texel grain).
float siteHash(int x, int y);

class SiteBackdrop {
public:
    void build(eng::Renderer& r, const SiteBackdropDesc& d);
    void draw(eng::Renderer& r) const;
    // Height of the ring (scene frame, metres above the site's ground) at scene x/z; for tests and placement.
    float heightAt(float x, float z) const;
    // The ring's ground colour (sRGB, 0..1) on the flat valley floor at scene x/z: a scene fades its own ground
    // toward this near its edge so no seam shows. Valid after build().
    glm::vec3 floorColour(float x, float z) const;

private:
    SiteBackdropDesc m_desc;
    float m_base = 0.0f;  // landscape elevation at the site (m a.s.l.)
    eng::MeshId m_mesh;
};

}  // namespace scenes
