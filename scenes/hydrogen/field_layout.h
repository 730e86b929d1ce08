// scenes/hydrogen/field_layout.h — where every photocatalyst panel module of the field stands, as pure functions.
// The field is rows of `panel_module` trays (1 x 2 m, 32 sheets of 25 x 25 cm; docs/models.md, hydrogen.md §1) tilted
// toward the panel azimuth. One row is 50 modules = 100 m², the catalyst line's row (sim/catalyst.h
// kCatalystRowArea_m2); rows are grouped in blocks of 20 with service roads between. Blocks are numbered so a growing
// field keeps every built module where it was: block k fills an n x n grid ring by ring.
// Row pitch = module length / ground cover ratio, the same econ.ground_cover_ratio the land-use figure uses, so the
// picture and the "land per kg/day" number agree.
// Use: FieldLayout f = makeFieldLayout(area_m2, tilt, azimuth, gcr); f.moduleMatrix(i); f.rowMatrix(r); f.rowModules(r).
// Frame: scene frame (x east, -z north, +y up); the field's anchor (0, 0, 0) is its corner nearest the gas plant and
// the field always extends west of it, whatever the azimuth, so it never grows into the plant.
// Does NOT: draw, cull, or decide level of detail (the scene does).
#pragma once
#include <glm/glm.hpp>

namespace scenes::h2 {

constexpr float kModuleWidth = 1.0f;   // m, across the slope (docs/models.md panel_module 1 x 0.052 x 2)
constexpr float kModuleLength = 2.0f;  // m, up the slope
constexpr float kModuleThickness = 0.052f;
constexpr float kModuleArea = kModuleWidth * kModuleLength;
constexpr int kModulesPerRow = 50;     // 100 m² per row = one catalyst-line row (sim/catalyst.h)
constexpr int kRowsPerBlock = 20;
constexpr float kModuleGap = 0.05f;    // m between neighbouring trays in a row
constexpr float kRoadWidth = 8.0f;     // m, service road between blocks
constexpr float kLowEdgeHeight = 0.5f; // m, lower edge of a tray above the ground
constexpr int kMaxDrawnModules = 400000;  // 800 000 m²: beyond this the label carries the area, the picture does not grow

struct FieldLayout {
    int modules = 0;        // whole modules drawn (area / 2 m², capped at kMaxDrawnModules)
    int rows = 0;           // rows holding at least one module
    int blocks = 0;
    float tiltDeg = 30.0f, azimuthDeg = 180.0f;
    float rowPitch = 4.0f;  // m between row starts along the facing direction
    glm::vec3 facing{0, 0, 1};  // horizontal unit vector toward the panel azimuth
    glm::vec3 uDir{-1, 0, 0};   // along rows, away from the anchor (always westward)
    glm::vec3 vDir{0, 0, 1};    // across rows, away from the anchor

    float rowLength() const { return kModulesPerRow * (kModuleWidth + kModuleGap); }
    float blockDepth() const { return kRowsPerBlock * rowPitch; }
    // Block grid cell (column along u, row along v) of block k: ring n holds blocks n² .. (n+1)² - 1.
    static glm::ivec2 blockCell(int block);
    // Ground-level centre of module i / row r in the scene frame.
    glm::vec3 moduleCentre(int module) const;
    glm::vec3 rowCentre(int row) const;
    int rowModules(int row) const;  // modules in row r (the last row may be partly built)
    // Tray transform: local +y is the glass normal, local +z points down the slope toward `facing`, box base at y = 0.
    glm::mat4 moduleMatrix(int module) const;
    // The same for a whole row, its local x spanning rowModules(r) modules (scale x by that count).
    glm::mat4 rowMatrix(int row) const;
    glm::vec3 glassNormal() const;
    // Field bounds on the ground (scene x/z), for the camera, shadows and the ground pad.
    glm::vec2 boundsMin() const;
    glm::vec2 boundsMax() const;
};

// area_m2: the simulation's panel area; tilt/azimuth: h2.tilt_deg / h2.azimuth_deg; gcr: econ.ground_cover_ratio.
FieldLayout makeFieldLayout(double area_m2, double tiltDeg, double azimuthDeg, double groundCoverRatio);

}  // namespace scenes::h2
