// scenes/pit/pit_ground.h — the ground of the pit scene, built once from the simulation's pit geometry (and again
// only when it changes): the benched pit as a mesh whose vertices sit exactly on every bench crest and toe and on
// the ramp's edges, and the surrounding foothills with the waste dump, as one seamless surface.
// How: the pit's own nested-ellipse coordinates (offset d inward from the rim, angle t) give columns at fixed t.
//   Each column's profile z(d) is sampled finely, then reduced to its breakpoints (Douglas-Peucker), so a column
//   carries ~2 vertices per bench instead of hundreds; neighbouring columns are stitched by elevation, which keeps
//   bench edges continuous around the pit. Outside the rim the same columns continue as rings out to the horizon,
//   so pit and ground share their seam vertices exactly: no cracks and no overlapping (z-fighting) surfaces.
// Use: PitGround g = buildPitGround(geometry, {}); renderer.createMesh(g.walls, ...); g.ground, g.colorMap ...
//      groundElevation(geometry, x, y) is the surface everywhere (site frame), for placing objects and the camera.
// Errors: none (geometry comes validated from sim::Params).
// Does NOT: upload to the GPU, draw roads on the pit floor (the trucks show them), or model slope failures.
#pragma once
#include <cstdint>
#include <vector>

#include "engine/mesh_data.h"
#include "sim/pit_geometry.h"

namespace scenes::pit {

struct PitGroundDesc {
    int columns = 192;            // around the pit (also the ground's angular resolution)
    double sampleStep_m = 1.0;    // profile sampling along a column (finer than half a berm)
    double tolerance_m = 0.3;     // Douglas-Peucker tolerance of a column profile
    double outerRadius_m = 10000.0;  // ground extends this far beyond the rim
    int colorMapSize = 2048;      // ground albedo, covering a square of 2 * (long semi-axis + outerRadius)
    int rockTextureSize = 256;    // repeating rock texture of the pit walls
};

struct PitGround {
    eng::MeshData walls;    // inside the rim; parts "face", "berm", "ramp", "floor"; flat-shaded; uv in rock tiles
    eng::MeshData ground;   // outside the rim; part "ground"; smooth; uv over colorMap
    std::vector<std::uint8_t> colorMap;  // colorMapSize^2 RGBA, sRGB
    std::vector<std::uint8_t> rockTexture;  // rockTextureSize^2 RGBA, sRGB, tiles
    int colorMapSize = 0, rockTextureSize = 0;
    int wallTriangles = 0, groundTriangles = 0;
    double colorExtent_m = 0.0;   // side of the square the colour map covers, centred on the pit
};

PitGround buildPitGround(const sim::PitGeometry& g, const PitGroundDesc& d = {});

// Ground elevation (site frame, metres a.s.l.): the pit's surface inside and near the rim, the Almalyk foothills
// farther out, and the waste dump beside the sim's dump point.
double groundElevation(const sim::PitGeometry& g, double x, double y);

// Douglas-Peucker on a polyline of (d, z) points: indices of the points kept (first and last always).
std::vector<int> simplifyProfile(const std::vector<double>& d, const std::vector<double>& z, double tolerance);

}  // namespace scenes::pit
