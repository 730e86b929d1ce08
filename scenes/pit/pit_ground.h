// scenes/pit/pit_ground.h — the ground of the pit scene, built once from the simulation's pit geometry (and again
// only when it changes): the benched pit as a mesh whose vertices sit exactly on every bench crest and toe and on
// the ramp's edges, and the surrounding foothills with the waste dump, as one seamless surface.
// How: the pit's own nested-ellipse coordinates (offset d inward from the rim, angle t) give columns at fixed t.
//   Each column's profile z(d) is sampled finely, then reduced to its breakpoints (Douglas-Peucker), so a column
//   carries ~2 vertices per bench instead of hundreds; neighbouring columns are stitched by feature (the ends of
//   each berm, of the floor and of the ramp's flat), and a column sits exactly where the ramp passes each bench level,
//   so bench edges and the ramp run continuously around the pit without teeth. Outside the rim the same columns continue as rings out to the horizon,
//   so pit and ground share their seam vertices exactly: no cracks and no overlapping (z-fighting) surfaces.
//   The rings thin out with distance (every column near the rim, every 2nd then every 4th far out), stitched across
//   the change, because the far foothills cover few pixels but would otherwise cost most of the triangles.
// Colour: bench faces carry an elevation-banded texture (v = depth below the rim): an oxidised, limonite-stained cap
//   over grey-green porphyry with potassic pink patches, a light crest line and light toe scree on every bench, so
//   benches read from the overview; berms, ramp and floor use the tiling rock texture under their own colours.
// Use: PitGround g = buildPitGround(geometry, {}); renderer.createMesh(g.walls, ...); g.ground, g.colorMap ...
//      groundElevation(geometry, x, y) is the surface everywhere (site frame), for placing objects and the camera.
// Errors: none (geometry comes validated from sim::Params).
// Does NOT: upload to the GPU, draw the roads on the pit floor (the scene lays them to the working shovels), or
//   model slope failures.
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
    int rockTextureSize = 256;    // repeating rock texture of berms, ramp and floor
    int faceTextureWidth = 256;   // bench-face texture: one repeat along the wall (kFaceTile_m) ...
    int faceTextureHeight = 1024; // ... by the pit's depth (plus a bench) from the rim down
    double farTolerance_m = 3.0;  // Douglas-Peucker tolerance of the far walls' toe lines
    int sectors = 12;             // the walls' level of detail is chosen per sector of columns (columns % sectors == 0)
};

inline constexpr double kFaceTile_m = 48.0;  // wall length covered by one repeat of the face texture
inline constexpr double kFarDrop_m = 4.0;    // the far walls sit at least this far below the toe line

struct PitGround {
    eng::MeshData walls;    // inside the rim; parts "face", "berm", "ramp", "floor"; flat-shaded; faces: uv on
                            // faceTexture (u along the wall, v = depth below rim / faceSpan_m), flats in rock tiles
    eng::MeshData wallsFar; // the walls for distant views (benches under ~4 px): one smooth slope per column through
                            // the bench toes, kept at least kFarDrop_m below every berm and the ramp (the rim row stays on
                            // the rim); part "far wall"; smooth normals; uv as the faces, on farTexture
    eng::MeshData ground;   // outside the rim; part "ground"; smooth; uv over colorMap
    std::vector<std::uint8_t> colorMap;  // colorMapSize^2 RGBA, sRGB
    std::vector<std::uint8_t> rockTexture;  // rockTextureSize^2 RGBA, sRGB, tiles
    std::vector<std::uint8_t> faceTexture;  // faceTextureWidth x faceTextureHeight RGBA, sRGB, tiles along u
    std::vector<std::uint8_t> farTexture;   // farTextureWidth x farTextureHeight, the face texture's mapping: each bench as its berm band, then its face,
                                            // in the proportions a slope through the toes crosses them
    int colorMapSize = 0, rockTextureSize = 0, faceTextureWidth = 0, faceTextureHeight = 0,
        farTextureWidth = 0, farTextureHeight = 0;
    double faceSpan_m = 0.0;      // depth below the rim that the face texture's v = 0..1 covers
    // The same walls split into sectors of whole columns (sector k: columns k * columns / sectors onward), so a view
    // can draw the benches where a bench is tall enough on screen and the far slope where it is not: nearSectors[k]
    // has the walls' parts, farSectors[k] the far walls' part; skirts[k] closes the seam on sector k's first column
    // between the benches and the far slope under them (both windings; drawn only where the two sides differ).
    std::vector<eng::MeshData> nearSectors, farSectors, skirts;
    int wallTriangles = 0, groundTriangles = 0, farTriangles = 0;
    double colorExtent_m = 0.0;   // side of the square the colour map covers, centred on the pit
};

// The wall parts split for drawing: bench faces (on faceTexture), berms, and roads (ramp and floor, which the far
// walls keep drawing over their slope); berms and roads on rockTexture.
eng::MeshData wallFaces(const eng::MeshData& walls);
eng::MeshData wallBerms(const eng::MeshData& walls);
eng::MeshData wallRoads(const eng::MeshData& walls);

PitGround buildPitGround(const sim::PitGeometry& g, const PitGroundDesc& d = {});

// Ground elevation (site frame, metres a.s.l.): the pit's surface inside and near the rim, the Almalyk foothills
// farther out, and the waste dump beside the sim's dump point.
double groundElevation(const sim::PitGeometry& g, double x, double y);
// The waste dump's benched lifts round its top platform (scene frame; the ground runs under them): parts "face"
// (tipped rock) and "berm". dumpProfile: their surface at d m beyond the platform's crest.
eng::MeshData dumpLifts(const sim::PitGeometry& g);
double dumpProfile(double d, double rim);

// The rail line's axis (site frame): from the loading bay beside the crusher toward the concentrator, unit direction.
// The scene lays the track along it; the park-up and the truck queues keep clear of it (tested).
struct RailAxis { double x0 = 0.0, y0 = 0.0, dx = 1.0, dy = 0.0; };
RailAxis railAxis(const sim::PitGeometry& g);

// Douglas-Peucker on a polyline of (d, z) points: indices of the points kept (first and last always).
std::vector<int> simplifyProfile(const std::vector<double>& d, const std::vector<double>& z, double tolerance);

}  // namespace scenes::pit
