#include "scenes/pit/pit_scene.h"
#include "scenes/scene_actions.h"
#include "scenes/site.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <imgui.h>

#include "engine/gui.h"
#include "engine/i18n.h"
#include "engine/procedural.h"
#include "scenes/pit/pit_frame.h"
#include "scenes/label_layout.h"
#include "scenes/pit/pit_picking.h"
#include "engine/locale_format.h"

namespace scenes {

using namespace scenes::pit;

namespace {

// "Truck 4, hauling" from a translated format with a number and a word (either may be absent from the format).
std::string numbered(const char* format, int n, const char* word) {
    char buf[160];
    std::snprintf(buf, sizeof buf, format, n, word);
    return buf;
}

constexpr float kLocoLength = 17.0f, kCarLength = 14.6f;   // PE2U traction unit section, 2VS-105 dumpcar (almalyk.md §2)

// A straight prism along Z (centred, `length` long) of a convex cross-section in XY given counter-clockwise,
// flat-shaded: dumpcar bodies, their loads, the ballast's embankment.
eng::MeshData prism(std::initializer_list<glm::vec2> section, float length, const eng::Material& m) {
    eng::MeshData out;
    out.materials.push_back(m);
    eng::SubMesh sm;
    sm.name = m.name;
    const std::vector<glm::vec2> q(section);
    const float z0 = -0.5f * length, z1 = 0.5f * length;
    auto quad = [&](glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 n) {
        const auto base = static_cast<std::uint32_t>(sm.vertices.size());
        for (const glm::vec3& v : {a, b, c, d}) sm.vertices.push_back({v, n, {v.x, v.z}});
        for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) sm.indices.push_back(base + i);
    };
    for (std::size_t i = 0; i < q.size(); ++i) {
        const glm::vec2 a = q[i], b = q[(i + 1) % q.size()];
        const glm::vec3 n = glm::normalize(glm::vec3(b.y - a.y, a.x - b.x, 0.0f));
        quad({a, z1}, {a, z0}, {b, z0}, {b, z1}, n);
    }
    for (const float z : {z0, z1}) {   // caps as fans
        const auto base = static_cast<std::uint32_t>(sm.vertices.size());
        const glm::vec3 n(0, 0, z > 0 ? 1.0f : -1.0f);
        for (const glm::vec2& v : q) sm.vertices.push_back({{v, z}, n, v});
        for (std::uint32_t i = 1; i + 1 < q.size(); ++i)
            for (std::uint32_t k : {0u, z > 0 ? i : i + 1, z > 0 ? i + 1 : i}) sm.indices.push_back(base + k);
    }
    out.parts.push_back(std::move(sm));
    out.computeBounds();
    return out;
}
// The track and belt models (manifest roles rail_track, 25 m, and conveyor_section, 10 m, tiled along Z) are drawn
// within this distance of the eye; beyond it the embankment and belt boxes carry the line (thousands of sleepers
// a few pixels wide would cost llvmpipe triangles and shimmer).
constexpr float kLineDetail_m = 700.0f;
constexpr float kTrackTile_m = 25.0f, kBeltTile_m = 10.0f;
constexpr float kFarTrack_m = 2500.0f;   // the far track's sleeper band and rails (a 1.5 m gauge is ~1 px at 2.5 km)
constexpr float kFarTruck_m = 700.0f;    // at 720 rendered rows, beyond this a truck is ~16 px: draw its box stand-in
constexpr float kTruckNames_m = 450.0f;  // truck names are labelled within this distance of the eye
// Floodlights: lamps (eng::PointLight) on masts, their reach a multiple of the mast height; warm metal-halide/LED.
constexpr float kFloodReachPerHeight = 3.6f;
const glm::vec3 kFloodColour = glm::vec3(1.0f, 0.88f, 0.68f) * 4.0f;
// Headlamps: a spot ahead of each running truck near the eye (the renderer keeps the nearest lights).
const glm::vec3 kHeadlampColour = glm::vec3(1.0f, 0.95f, 0.85f) * 5.0f;
constexpr float kHeadlampRange_m = 75.0f, kHeadlampMaxDist_m = 900.0f;
// Equipment keeps its true size at every distance (issue 15: enlarged trucks were giant bricks beside specks of
// shovels). A unit shorter than kMarkerBelowPx on screen gets a pin of constant pixel size above it instead, coloured
// by its state, so the fleet still reads from the overview.
constexpr float kMarkerBelowPx = 14.0f;
// A wall sector draws its benches while one bench is at least this tall (rendered pixels) at its nearest point,
// and goes back to them above the second value (hysteresis).
constexpr float kFarWallsPx = 3.5f, kFarWallsBackPx = 4.5f;
constexpr float kTruckPinPx = 9.0f, kShovelPinPx = 13.0f;
const glm::vec3 kPinWorking{1.0f, 0.78f, 0.15f}, kPinIdle{0.62f, 0.64f, 0.68f}, kPinBroken{1.0f, 0.16f, 0.08f},
    kPinShovel{1.0f, 0.5f, 0.12f};
const glm::vec4 kRoadColour{0.11f, 0.105f, 0.10f, 1.0f};  // compacted, wetted haul road: darker than the broken floor

bool sameGeometry(const sim::PitParams& a, const sim::PitParams& b) {
    return a.length_m == b.length_m && a.width_m == b.width_m && a.depth_m == b.depth_m && a.rim_m == b.rim_m &&
           a.bench_height_m == b.bench_height_m && a.berm_m == b.berm_m && a.face_angle_deg == b.face_angle_deg &&
           a.ramp_grade_pct == b.ramp_grade_pct && a.ramp_width_m == b.ramp_width_m && a.azimuth_deg == b.azimuth_deg;
}

// A flat ring (normal up, counter-clockwise seen from above) between radii r0 and r1: one band of a light pool.
eng::MeshData makeAnnulus(float r0, float r1, int segments, const eng::Material& mat) {
    eng::MeshData m;
    m.materials = {mat};
    m.parts.resize(1);
    eng::SubMesh& p = m.parts[0];
    p.name = mat.name;
    for (int i = 0; i <= segments; ++i) {
        const float a = 2.0f * static_cast<float>(M_PI) * i / segments, c = std::cos(a), s = std::sin(a);
        p.vertices.push_back({{r0 * c, 0.0f, r0 * s}, {0, 1, 0}, {0, 0}});
        p.vertices.push_back({{r1 * c, 0.0f, r1 * s}, {0, 1, 0}, {1, 0}});
    }
    for (int i = 0; i < segments; ++i) {
        const auto b = static_cast<std::uint32_t>(2 * i);
        // (x, z) -> angle grows from +x toward +z, which is clockwise seen from +y: wind the other way.
        p.indices.insert(p.indices.end(), {b, b + 3, b + 1, b, b + 2, b + 3});
    }
    m.computeBounds();
    return m;
}

glm::mat4 placeBox(glm::vec3 base, glm::vec3 size, float yaw = 0.0f) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), base);
    m = glm::rotate(m, yaw, {0, 1, 0});
    return glm::scale(m, size);
}

// The words for the simulation's truck phases live here, not in sim/ (they will go through the translations).
const char* phaseText(sim::TruckPhase p) {
    switch (p) {
        case sim::TruckPhase::Parked: return eng::trpc("truck", "parked");
        case sim::TruckPhase::ToShovel: return eng::trpc("truck", "to shovel");
        case sim::TruckPhase::QueuedAtShovel: return eng::trpc("truck", "queued at shovel");
        case sim::TruckPhase::Spotting: return eng::trpc("truck", "spotting");
        case sim::TruckPhase::Loading: return eng::trpc("truck", "loading");
        case sim::TruckPhase::Hauling: return eng::trpc("truck", "hauling");
        case sim::TruckPhase::QueuedAtDump: return eng::trpc("truck", "queued at dump");
        case sim::TruckPhase::Dumping: return eng::trpc("truck", "dumping");
        case sim::TruckPhase::Returning: return eng::trpc("truck", "returning");
        case sim::TruckPhase::ToPark: return eng::trpc("truck", "to park");
        case sim::TruckPhase::BrokenDown: return eng::trpc("truck", "broken down");
        case sim::TruckPhase::ShiftBreak: return eng::trpc("truck", "shift break");
    }
    return "?";
}

}  // namespace

PitScene::PitScene() = default;

// [SECTION] Loading and the static world

bool PitScene::load(const SceneContext& ctx, std::string* why) {
    (void)why;
    m_r = &ctx.renderer;
    eng::Renderer& r = ctx.renderer;
    m_lib = &ctx.models;
    auto upload = [&](const std::string& role, eng::MeshId* ids, glm::vec3* pivot, glm::vec3* size, eng::MeshId* far) {
        const EquipmentMesh e = equipmentMesh(*m_lib, role);
        ids[0] = r.createMesh(e.fixed, role);
        if (!e.moving.parts.empty()) ids[1] = r.createMesh(e.moving, role + " moving");
        if (pivot) *pivot = e.pivot;
        if (size) *size = e.size;
        if (far) {
            const EquipmentMesh f = farTruckMesh(e);
            far[0] = r.createMesh(f.fixed, role + " far");
            far[1] = r.createMesh(f.moving, role + " far body");
        }
    };
    upload("truck_220t", m_truck220, &m_pivot220, &m_size220, m_farTruck[0]);
    upload("truck_130t", m_truck130, &m_pivot130, &m_size130, m_farTruck[1]);
    upload("shovel", m_shovel, nullptr, nullptr, nullptr);
    m_track = r.createMesh(m_lib->get("rail_track"), "rail_track");
    m_beltSection = r.createMesh(m_lib->get("conveyor_section"), "conveyor_section");
    if (const EquipmentMesh sh = equipmentMesh(*m_lib, "shovel"); !sh.tool.parts.empty()) {
        m_shovel[2] = r.createMesh(sh.tool, "shovel dipper");
        m_dipperPivot = sh.toolPivot;
    }
    const eng::Material road{.name = "haul road", .baseColor = {1, 1, 1, 1}, .roughness = 0.85f};
    m_crusher = r.createMesh(m_lib->get("crusher"), "crusher");  // rigid: no parts to split
    m_road = r.createMesh(eng::makeBox({1, 1, 1}, road), "floor haul road");
    m_pad = r.createMesh(eng::makeCylinder(1.0f, 1.0f, 24, road), "loading pad");
    const eng::Material pool{.name = "lit ground", .baseColor = {1, 1, 1, 1}, .roughness = 0.95f};
    // Floodlit ground on the low preset: lamps light per vertex there, and the pit floor's triangles are ~100 m, so a
    // dense disc of the ground's colour (12 rings x 40 segments) under each pool carries the fall-off smoothly.
    eng::MeshData disc;
    for (int k = 0; k < 12; ++k) {
        const float a = k / 12.0f, b = (k + 1) / 12.0f;
        eng::appendMesh(disc, makeAnnulus(a * a * 0.3f + a * 0.7f, b * b * 0.3f + b * 0.7f, 40, pool), glm::mat4(1.0f));
    }
    disc.computeBounds();
    m_poolDisc = r.createMesh(disc, "floodlit ground");
    m_truckBMin = {-0.5f * m_size220.x, 0.0f, -0.5f * m_size220.z};
    m_truckBMax = {0.5f * m_size220.x, m_size220.y, 0.5f * m_size220.z};
    m_heap = r.createMesh(loadHeapMesh(m_size220), "truck load");
    const eng::Material lampMat{.name = "lamp", .baseColor = {0.9f, 0.9f, 0.85f, 1}, .emissive = {0, 0, 0}};
    eng::MeshData lamps;
    for (float x : {-2.6f, 2.6f}) eng::appendMesh(lamps, eng::makeBox({0.9f, 0.5f, 0.2f}, lampMat), glm::translate(glm::mat4(1.0f), {x, 2.9f, 6.55f}));
    lamps.computeBounds();
    m_lamp = r.createMesh(lamps, "headlamps");
    // The unit pin: a four-sided cone with its point down on the unit (drawn at a constant pixel size, unlit colour).
    m_pin = r.createMesh(eng::makeCone(0.5f, 1.0f, 4, {.name = "unit pin", .baseColor = {0.1f, 0.1f, 0.1f, 1}, .roughness = 1.0f}), "unit pin");
    m_marker = r.createMesh(eng::makeCone(1.0f, 1.6f, 3, {.name = "warning", .baseColor = {0.9f, 0.1f, 0.05f, 1}, .emissive = {0.6f, 0.05f, 0.0f}}), "warning marker");
    m_box = r.createMesh(eng::makeBox({1, 1, 1}, {.name = "concrete", .baseColor = {0.7f, 0.68f, 0.64f, 1}, .roughness = 0.85f}), "box");
    // The line: an embankment of grey-brown ballast (1 m long, scaled along Z), and beyond kLineDetail_m, where the
    // track model is not drawn, the sleepers as a dark band with two steel rails on it.
    m_ballast = r.createMesh(prism({{-4.4f, -2.5f}, {4.4f, -2.5f}, {2.0f, 0.0f}, {-2.0f, 0.0f}}, 1.0f,
                                   {.name = "ballast", .baseColor = {0.12f, 0.115f, 0.11f, 1}, .roughness = 0.95f}),
                             "ballast");
    eng::MeshData farTrack;
    eng::appendMesh(farTrack, eng::makeBox({2.7f, 0.14f, 1.0f}, {.name = "sleepers", .baseColor = {0.11f, 0.09f, 0.075f, 1}, .roughness = 0.9f}),
                    glm::translate(glm::mat4(1.0f), {0, 0.0f, 0}));
    for (float x : {-0.76f, 0.76f})
        eng::appendMesh(farTrack, eng::makeBox({0.16f, 0.2f, 1.0f}, {.name = "rail", .baseColor = {0.55f, 0.55f, 0.57f, 1}, .roughness = 0.3f, .metallic = 0.9f}),
                        glm::translate(glm::mat4(1.0f), {x, 0.14f, 0}));
    farTrack.computeBounds();
    m_farTrack = r.createMesh(farTrack, "track far");
    m_mast = r.createMesh(eng::makeCylinder(0.5f, 1.0f, 6, {.name = "mast", .baseColor = {0.5f, 0.5f, 0.52f, 1}, .metallic = 0.5f}), "mast");
    m_pile = r.createMesh(eng::makeCone(1.0f, 1.0f, 24, {.name = "crushed ore", .baseColor = {0.36f, 0.34f, 0.31f, 1}, .roughness = 0.95f}), "stockpile");
    m_ring = r.createMesh(eng::makeCylinder(1.0f, 0.3f, 24, {.name = "selection", .baseColor = {0.1f, 0.8f, 1.0f, 1}, .emissive = {0.1f, 0.7f, 1.0f}}), "selection ring");
    // A 2VS-105 dumpcar: frame on two bogies, a body of sloping sides (wider at the top) and, when loaded, a
    // heap of ore (m_carLoad); a PE2U traction unit: hood, cab with its windows, a cream band, a pantograph.
    const eng::Material dark{.name = "running gear", .baseColor = {0.05f, 0.05f, 0.05f, 1}, .roughness = 0.8f};
    auto runningGear = [&](eng::MeshData& m, float frameLen, float bogieAt) {
        eng::appendMesh(m, eng::makeBox({3.0f, 0.45f, frameLen}, {.name = "frame", .baseColor = {0.12f, 0.12f, 0.12f, 1}}), glm::translate(glm::mat4(1.0f), {0, 1.05f, 0}));
        for (float z : {-bogieAt, bogieAt}) eng::appendMesh(m, eng::makeBox({2.5f, 1.0f, 3.0f}, dark), glm::translate(glm::mat4(1.0f), {0, 0.05f, z}));
    };
    eng::MeshData car;
    runningGear(car, 14.0f, 4.9f);
    eng::appendMesh(car, prism({{-1.3f, 0.0f}, {1.3f, 0.0f}, {1.75f, 1.9f}, {-1.75f, 1.9f}}, 12.6f,
                               {.name = "dumpcar", .baseColor = {0.30f, 0.13f, 0.08f, 1}, .roughness = 0.7f, .metallic = 0.3f}),
                    glm::translate(glm::mat4(1.0f), {0, 1.5f, 0}));
    car.computeBounds();
    m_car = r.createMesh(car, "dumpcar");
    m_carLoad = r.createMesh(prism({{-1.65f, 0.0f}, {1.65f, 0.0f}, {0.8f, 0.8f}, {-0.8f, 0.8f}}, 11.8f,
                                   {.name = "ore", .baseColor = {0.30f, 0.28f, 0.26f, 1}, .roughness = 0.95f}),
                             "dumpcar load");
    eng::MeshData loco;
    runningGear(loco, 16.5f, 5.6f);
    const eng::Material maroon{.name = "PE2U", .baseColor = {0.40f, 0.07f, 0.05f, 1}, .roughness = 0.5f};
    eng::appendMesh(loco, eng::makeBox({3.0f, 2.7f, 12.4f}, maroon), glm::translate(glm::mat4(1.0f), {0, 1.3f, -1.9f}));
    eng::appendMesh(loco, eng::makeBox({3.2f, 3.3f, 3.6f}, maroon), glm::translate(glm::mat4(1.0f), {0, 1.3f, 6.3f}));
    eng::appendMesh(loco, eng::makeBox({3.26f, 0.85f, 3.3f}, {.name = "cab windows", .baseColor = {0.03f, 0.04f, 0.05f, 1}, .roughness = 0.15f, .metallic = 0.2f}),
                    glm::translate(glm::mat4(1.0f), {0, 3.2f, 6.35f}));
    eng::appendMesh(loco, eng::makeBox({3.1f, 0.3f, 16.0f}, {.name = "band", .baseColor = {0.78f, 0.66f, 0.42f, 1}, .roughness = 0.5f}),
                    glm::translate(glm::mat4(1.0f), {0, 2.25f, 0}));
    const eng::Material steel{.name = "pantograph", .baseColor = {0.35f, 0.36f, 0.38f, 1}, .roughness = 0.4f, .metallic = 0.8f};
    eng::appendMesh(loco, eng::makeBox({1.4f, 0.25f, 1.4f}, steel), glm::translate(glm::mat4(1.0f), {0, 4.0f, -2.0f}));
    eng::appendMesh(loco, eng::makeBox({0.12f, 1.6f, 0.12f}, steel), glm::rotate(glm::translate(glm::mat4(1.0f), {0, 4.2f, -2.4f}), 0.5f, {1, 0, 0}));
    eng::appendMesh(loco, eng::makeBox({2.0f, 0.1f, 0.25f}, steel), glm::translate(glm::mat4(1.0f), {0, 5.6f, -1.65f}));
    loco.computeBounds();
    m_loco = r.createMesh(loco, "locomotive");
    m_dumpDust = r.particles().addEmitter({.kind = eng::ParticleKind::Dust, .velocity = {0, 1.5f, 0}, .radius = 8.0f, .rate = 0.0f, .lifetime = 9.0f, .size = 9.0f});
    m_crusherDust = r.particles().addEmitter({.kind = eng::ParticleKind::Dust, .velocity = {0, 2.0f, 0}, .radius = 6.0f, .rate = 0.0f, .lifetime = 8.0f, .size = 8.0f});
    rebuildGround(ctx.state.pit.geometry(), ctx.state.transport.rail_m);
    return true;
}

void PitScene::rebuildGround(const sim::PitGeometry& g, double railLen) {
    m_geom = g;
    m_builtFor = g.params();
    if (!m_r) return;
    eng::Renderer& r = *m_r;
    for (WallSector& w : m_sectors)
        for (eng::MeshId* m : {&w.faces, &w.berms, &w.roads, &w.far, &w.skirt})
            if (m->valid()) r.destroyMesh(*m);
    m_sectors.clear();
    if (m_ground.valid()) r.destroyMesh(m_ground);
    for (eng::TextureId t : m_groundTextures) r.destroyTexture(t);
    const PitGround pg = buildPitGround(g);
    for (std::size_t k = 0; k < pg.nearSectors.size(); ++k) {
        WallSector w;
        w.faces = r.createMesh(wallFaces(pg.nearSectors[k]), "pit bench faces");
        w.berms = r.createMesh(wallBerms(pg.nearSectors[k]), "pit berms");
        w.roads = r.createMesh(wallRoads(pg.nearSectors[k]), "pit ramp and floor");
        w.far = r.createMesh(pg.farSectors[k], "pit walls, far");
        w.skirt = r.createMesh(pg.skirts[k], "pit walls, seam");
        w.bmin = pg.nearSectors[k].boundsMin;
        w.bmax = pg.nearSectors[k].boundsMax;
        m_sectors.push_back(w);
    }
    m_ground = r.createMesh(pg.ground, "pit surroundings");
    m_parkBays = g.parkBays();
    if (m_dump.valid()) r.destroyMesh(m_dump);
    m_dump = r.createMesh(dumpLifts(g), "waste dump lifts");
    const eng::TextureId rock = r.createTexture({.width = pg.rockTextureSize, .height = pg.rockTextureSize,
                                                 .rgba = pg.rockTexture.data(), .repeat = true, .label = "pit rock"});
    const eng::TextureId faces = r.createTexture({.width = pg.faceTextureWidth, .height = pg.faceTextureHeight,
                                                  .rgba = pg.faceTexture.data(), .repeat = true, .label = "pit bench faces"});
    const eng::TextureId col = r.createTexture({.width = pg.colorMapSize, .height = pg.colorMapSize,
                                                .rgba = pg.colorMap.data(), .label = "pit ground colour"});
    for (WallSector& w : m_sectors) {
        r.setMeshTexture(w.faces, faces);
        r.setMeshTexture(w.berms, rock);
        r.setMeshTexture(w.roads, rock);
    }
    const eng::TextureId far = r.createTexture({.width = pg.farTextureWidth, .height = pg.farTextureHeight,
                                                .rgba = pg.farTexture.data(), .repeat = true, .label = "pit walls, far"});
    m_groundTextures = {rock, faces, col, far};
    for (WallSector& w : m_sectors) {
        r.setMeshTexture(w.far, far);
        r.setMeshTexture(w.skirt, far);
    }
    r.setMeshTexture(m_ground, col);
    r.setMeshTexture(m_dump, rock);   // broken rock, as on the pit's berms
    // Coarse height grid for the camera's ground clamp (cheap per frame).
    m_hn = 129;
    m_hExtent = 8000.0f;
    m_heights.resize(static_cast<std::size_t>(m_hn) * m_hn);
    for (int j = 0; j < m_hn; ++j)
        for (int i = 0; i < m_hn; ++i) {
            const float x = -0.5f * m_hExtent + m_hExtent * i / (m_hn - 1), z = -0.5f * m_hExtent + m_hExtent * j / (m_hn - 1);
            m_heights[static_cast<std::size_t>(j) * m_hn + i] = static_cast<float>(groundElevation(g, x, -z));
        }
    buildTransportLine(g, railLen);
    const sim::SitePos d = g.dumpPosition(), c = g.crusherPosition();
    r.particles().emitter(m_dumpDust).position = toScene(d) + glm::vec3(0, 2, 0);
    r.particles().emitter(m_crusherDust).position = toScene(c) + glm::vec3(0, 12, 0);
    m_groundBuilt = true;
}

void PitScene::buildTransportLine(const sim::PitGeometry& g, double railLen) {
    const sim::SitePos c = g.crusherPosition();
    const glm::dvec2 start(c.x, c.y), target(site::kConcentrator.x, site::kConcentrator.y);
    const glm::dvec2 dir = glm::normalize(target - start), side(-dir.y, dir.x);
    auto build = [&](glm::dvec2 from, double len, float lift, std::vector<glm::vec3>& pts, std::vector<double>& s) {
        pts.clear();
        s.clear();
        const int n = std::max(2, static_cast<int>(len / 25.0));
        std::vector<double> h(static_cast<std::size_t>(n + 1));
        for (int i = 0; i <= n; ++i) {
            const glm::dvec2 p = from + dir * (len * i / n);
            h[static_cast<std::size_t>(i)] = groundElevation(g, p.x, p.y);
        }
        // A railway cannot follow every fold: smooth the profile (cuttings and embankments, ~2 % ruling grade).
        for (int pass = 0; pass < 6; ++pass)
            for (int i = 1; i < n; ++i) h[static_cast<std::size_t>(i)] = 0.25 * h[i - 1] + 0.5 * h[i] + 0.25 * h[i + 1];
        for (int i = 0; i <= n; ++i) {
            const glm::dvec2 p = from + dir * (len * i / n);
            pts.push_back(toScene(p.x, p.y, h[static_cast<std::size_t>(i)] + lift));
            s.push_back(i == 0 ? 0.0 : s.back() + glm::length(pts[i] - pts[i - 1]));
        }
    };
    const RailAxis rail = railAxis(g);
    build({rail.x0, rail.y0}, railLen, 1.5f, m_railPts, m_railS);
    build(start - side * 40.0 + dir * 40.0, std::min(railLen, 6000.0), 4.0f, m_beltPts, m_beltS);
}

glm::vec3 PitScene::railPoint(double metres, glm::vec3* dir) const {
    if (m_railPts.size() < 2) return glm::vec3(0.0f);
    metres = std::clamp(metres, 0.0, m_railS.back());
    const auto it = std::upper_bound(m_railS.begin(), m_railS.end(), metres);
    const std::size_t i = std::clamp<std::size_t>(static_cast<std::size_t>(it - m_railS.begin()), 1, m_railPts.size() - 1);
    const float f = static_cast<float>((metres - m_railS[i - 1]) / std::max(1e-9, m_railS[i] - m_railS[i - 1]));
    if (dir) *dir = glm::normalize(m_railPts[i] - m_railPts[i - 1]);
    return glm::mix(m_railPts[i - 1], m_railPts[i], f);
}

float PitScene::groundHeight(float x, float z) const {
    if (m_hn < 2) return -1e9f;
    const float fx = std::clamp((x + 0.5f * m_hExtent) / m_hExtent * (m_hn - 1), 0.0f, m_hn - 1.001f);
    const float fz = std::clamp((z + 0.5f * m_hExtent) / m_hExtent * (m_hn - 1), 0.0f, m_hn - 1.001f);
    const int i = static_cast<int>(fx), j = static_cast<int>(fz);
    auto h = [&](int a, int b) { return m_heights[static_cast<std::size_t>(b) * m_hn + a]; };
    const float u = fx - i, v = fz - j;
    return glm::mix(glm::mix(h(i, j), h(i + 1, j), u), glm::mix(h(i, j + 1), h(i + 1, j + 1), u), v) + 3.0f;
}

// [SECTION] Per frame: copy the simulation's state

void PitScene::truckMatrices(const sim::State& s, sim::Time t, float scale, std::vector<glm::mat4>& out) {
    const int n = static_cast<int>(s.mine.trucks.size());
    out.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out[static_cast<std::size_t>(i)] = truckMatrix(s.pit.truckPoseAt(i, t), scale);
}

void PitScene::observe(const sim::State& s) { m_kpi.sample(s, s.time); }

void PitScene::update(const FrameInput& in) {
    m_night = 1.0f - glm::smoothstep(-0.02f, 0.10f, in.sunDir.y);
    if (!in.state) return;
    const sim::State& s = *in.state;
    if (!sameGeometry(s.pit.geometry().params(), m_builtFor)) rebuildGround(s.pit.geometry(), s.transport.rail_m);
    // Poses are exact within the last tick; the render clock may run slightly ahead between ticks.
    m_t = std::clamp(in.now, s.time - s.tickLength, s.time);
    const int n = static_cast<int>(s.mine.trucks.size());
    m_poses.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) m_poses[static_cast<std::size_t>(i)] = s.pit.truckPoseAt(i, m_t);
    truckMatrices(s, m_t, 1.0f, m_truckM);
    const int ns = static_cast<int>(s.mine.shovels.size());
    m_shovelM.resize(static_cast<std::size_t>(ns));
    for (int k = 0; k < ns; ++k) {
        const sim::ShovelState& sh = s.mine.shovels[static_cast<std::size_t>(k)];
        glm::mat4 m = glm::translate(glm::mat4(1.0f), toScene(sh.position));
        m_shovelM[static_cast<std::size_t>(k)] = glm::rotate(m, yawFromHeading(sh.facing_rad), {0, 1, 0});
    }
    if (m_selTruck >= n) m_selTruck = -1;
    if (m_selShovel >= ns) m_selShovel = -1;

    // Dust: behind every truck moving on the roads, more when fast; a cloud at the dump and the crusher when tipping.
    if (m_r) {
        eng::ParticleSystem& ps = m_r->particles();
        while (static_cast<int>(m_dust.size()) < n)
            m_dust.push_back(ps.addEmitter({.kind = eng::ParticleKind::Dust, .velocity = {0, 1.2f, 0}, .spread = 0.8f,
                                            .radius = 2.5f, .rate = 0.0f, .lifetime = 5.5f, .size = 4.5f}));
        for (int i = 0; i < n; ++i) {
            const sim::TruckState& ts = s.mine.trucks[static_cast<std::size_t>(i)];
            eng::EmitterDesc& e = ps.emitter(m_dust[static_cast<std::size_t>(i)]);
            const glm::mat4& m = m_truckM[static_cast<std::size_t>(i)];
            e.position = glm::vec3(m * glm::vec4(0.0f, 0.8f, -7.5f, 1.0f));
            const float v = static_cast<float>(ts.speed_m_s);
            // Modest: ~3 puffs a second at haul speed (water trucks keep the roads damp; llvmpipe pays per pixel).
            e.rate = v > 1.0f ? 0.6f + 0.22f * v : 0.0f;
        }
        for (const sim::Event& ev : in.events) {
            if (ev.unit != sim::Unit::Mine || ev.kind != static_cast<std::uint16_t>(sim::MineEvent::TruckDumped)) continue;
            ps.burst(ev.value >= 0.0 ? m_crusherDust : m_dumpDust, 40);
        }
    }
    m_kpi.sample(s, s.time);
}


// [SECTION] Drawing

void PitScene::drawWalls(eng::Renderer& r, const eng::OrbitCamera& cam) {
    // Per sector of the walls: height in pixels of one bench at the sector's nearest point. Under ~4 px the benches
    // alias into moire (bullseye rings on the far wall) at the render resolution, and they are most of the frame's
    // triangles: that sector draws the far slope carrying them as a mipmapped texture instead. Per sector, so the far
    // wall of a view goes smooth while the near one keeps its benches; hysteresis keeps a camera hovering at the
    // threshold from flickering. A skirt closes the seam where a benched sector meets a smooth one.
    const glm::vec3 eye = cam.position();
    const float rows = static_cast<float>(r.framebufferSize().y) * r.quality().renderScale;
    const float pxPerMetreAt1 = std::max(rows, 1.0f) / (2.0f * std::tan(glm::radians(0.5f * cam.pose().fovDeg)));
    const float bench = static_cast<float>(m_geom.params().bench_height_m);
    const glm::mat4 I(1.0f);
    const std::size_t S = m_sectors.size();
    for (WallSector& w : m_sectors) {
        const float dist = std::max(glm::length(glm::clamp(eye, w.bmin, w.bmax) - eye), 1.0f);
        const float benchPx = bench * pxPerMetreAt1 / dist;
        w.farNow = benchPx < (w.farNow ? kFarWallsBackPx : kFarWallsPx);
    }
    for (std::size_t k = 0; k < S; ++k) {
        const WallSector& w = m_sectors[k];
        if (w.farNow) {
            r.draw(w.far, I);
            // The ramp and the floor ride above the far slope (it runs kFarDrop_m under the toes); their shadows
            // would fall on the slope under them, so only the slope casts.
            r.draw(w.roads, I, glm::vec4(1.0f), glm::vec4(0.0f), eng::DrawFlags{.castShadow = false});
        } else {
            r.draw(w.faces, I);
            r.draw(w.berms, I);
            r.draw(w.roads, I);
        }
        if (S > 1 && w.farNow != m_sectors[(k + S - 1) % S].farNow) r.draw(w.skirt, I);
    }
}

// The frame's draws as named passes (the order they are queued in is the order they always had):
// lighting -> walls and ground -> site (crusher, floodlights) -> shovels (stockpile, roads, pads) -> trucks ->
// transport (rail or belt) -> labels wished -> floodlight pools, masts and lamps, then the de-cluttered labels.
void PitScene::draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) {
    setLighting(r);
    // Trucks are 13 m in a 4 km pit: from far away they are drawn larger about their road point so the fleet reads.
    drawWalls(r, cam);
    r.draw(m_ground, glm::mat4(1.0f));
    r.draw(m_dump, glm::mat4(1.0f));
    FrameDraws f;
    f.eye = cam.position();
    f.metresPerPx = 2.0f * std::tan(glm::radians(0.5f * cam.pose().fovDeg)) / std::max(1.0f, static_cast<float>(r.framebufferSize().y));
    f.moving = {.castShadow = r.quality().level == eng::QualityLevel::High};  // a moving caster would redraw the shadow map every frame
    f.lampGlow = 6.0f * m_night;
    f.nightLevel = m_night;
    f.densePools = r.quality().vertexLighting;
    f.crusher = toScene(m_geom.crusherPosition());
    drawSite(r, f);
    if (in.state) {
        const sim::State& s = *in.state;
        drawShovels(r, s, f);
        drawTrucks(r, s, f);
        drawTransport(r, s, f);
        wishLabels(s, f);
    }
    drawLightsAndLabels(r, f);
}

void PitScene::FrameDraws::pool(glm::vec3 centre, float radius, glm::vec4 colour) {
    // The ground a floodlight lights, as a dense patch for the low preset's per-vertex lamps (high lights per pixel).
    if (nightLevel < 0.05f || !densePools) return;
    // Out to the lamp's reach (its light is ~0 at the patch's edge), in the colour of the pads and roads it mostly
    // lies on, so the patch has no visible rim.
    const float reach = radius * 1.45f;
    const glm::mat4 m = glm::scale(glm::translate(glm::mat4(1.0f), centre + glm::vec3(0, 0.35f, 0)), {reach, 1, reach});
    pools.push_back({m, colour, glm::vec4(0)});
}

void PitScene::FrameDraws::pin(glm::vec3 top, float dEye, float px, glm::vec3 colour) {
    // Point down at `top`, px pixels tall at distance dEye, whatever the distance; glowing so it reads at night too.
    const float h = px * metresPerPx * std::max(dEye, 1.0f);
    glm::mat4 m = glm::translate(glm::mat4(1.0f), top + glm::vec3(0, h, 0));
    m = glm::rotate(m, static_cast<float>(M_PI), {1, 0, 0});
    pins.push_back({glm::scale(m, {0.8f * h, h, 0.8f * h}), glm::vec4(1.0f), glm::vec4(colour * 0.75f, 0)});
}

void PitScene::FrameDraws::floodlight(glm::vec3 base, float h) {
    masts.push_back({placeBox(base, {1, h, 1}), glm::vec4(1), night});
    lamps.push_back({placeBox(base + glm::vec3(-2, h, -0.5f), {4, 1.5f, 1}), {1, 1, 0.9f, 1}, glm::vec4(glm::vec3(1.0f, 0.92f, 0.75f) * lampGlow * 1.5f, 0)});
    // The lamp head, aimed down over its working area: a wide cone, so the mast's own foot and the face are lit.
    if (nightLevel > 0.01f)
        lights.push_back({.position = base + glm::vec3(0, h + 1.0f, 0), .color = kFloodColour * nightLevel,
                          .range = kFloodReachPerHeight * h, .direction = {0, -1, 0}, .cosCone = -0.2f});
}

void PitScene::setLighting(eng::Renderer& r) const {
    eng::Lighting L = r.lighting();
    // Haze thins above the rim. Height fog thickens below its base, so at the default density the 500 m deep pit
    // fills with white and the benches go flat: a clearer day keeps the walls' contrast, the horizon still hazes.
    L.fogBaseHeight = static_cast<float>(m_geom.rimElevation());
    L.fogDensity *= 0.35f;
    // A moonlit mine: just enough sky light that the rim and the benches read around the floodlit faces.
    L.skyAmbient += glm::vec3(0.028f, 0.034f, 0.052f) * m_night;
    L.groundAmbient += glm::vec3(0.012f, 0.012f, 0.015f) * m_night;
    r.setLighting(L);
    r.setShadowRegion({0.0f, static_cast<float>(m_geom.rimElevation()) - 250.0f, 0.0f}, 3200.0f);
}

// Crusher station and the floodlights of the crusher and the dump: static placement from the geometry.
void PitScene::drawSite(eng::Renderer& r, FrameDraws& f) {
    const glm::vec3 crusher = f.crusher;
    {
        // The crushing station model (dump pad on its +Z side, 8 m up) turned toward the road the trucks come in on.
        glm::vec3 dir = toScene(m_geom.junctionPosition()) - crusher;
        dir.y = 0.0f;
        dir = glm::length(dir) > 1.0f ? glm::normalize(dir) : glm::vec3(0, 0, 1);
        const glm::mat4 cm = glm::translate(glm::mat4(1.0f), crusher - dir * 12.0f);
        r.draw(m_crusher, glm::rotate(cm, std::atan2(dir.x, dir.z), {0, 1, 0}));
    }
    f.floodlight(crusher + glm::vec3(30, 0, 20), 30.0f);
    f.floodlight(toScene(m_geom.dumpPosition()) + glm::vec3(25, 0, 0), 25.0f);
    // Ground patches in the colours round them (pit_ground.cpp's crusher pad, sRGB 98,92,86, in the disturbed ground;
    // the dump's pale broken rock, 150,140,128; all at 0.72), so neither stands as a dark disc at dusk.
    f.pool(crusher + glm::vec3(0, static_cast<float>(m_geom.rimElevation()) - crusher.y, 25), 75.0f, {0.14f, 0.13f, 0.11f, 1.0f});
    f.pool(toScene(m_geom.dumpPosition()) + glm::vec3(10, 0, 0), 60.0f, {0.21f, 0.185f, 0.155f, 1.0f});
    // The rail loading bay: a mast 9 m beside the track, over the train being loaded.
    {
        const glm::vec3 a = railAt(40.0), dir = glm::normalize(railAt(41.0) - a);
        const glm::vec3 side = glm::normalize(glm::cross(dir, glm::vec3(0, 1, 0)));
        const glm::vec3 mast = glm::vec3(a.x, static_cast<float>(m_geom.rimElevation()), a.z) + side * 9.0f;
        f.floodlight(mast, 22.0f);
        f.pool(mast - side * 9.0f + dir * 20.0f, 55.0f, {0.16f, 0.145f, 0.12f, 1.0f});
    }
    // The park-up: a mast at the corner of the nearest row of bays, beside the lane, lighting the crews' change.
    if (!m_parkBays.empty()) {
        const sim::PitGeometry::ParkBay& b = m_parkBays.front();
        const glm::vec3 lane = toScene(b.lane), aisle = toScene(b.aisle), bay = toScene(b.bay);
        const glm::vec3 alongA = glm::normalize(aisle - lane), alongB = glm::normalize(bay - aisle);
        const glm::vec3 mast = lane + alongA * 10.7f + alongB * 11.0f;
        f.floodlight(mast, 25.0f);
        // Between the park-up's gravel pad and the disturbed ground round it (pit_ground.cpp: sRGB 126,120,112 and
        // 150,140,124, both at 0.72), not the dark road colour: a dark ring round the light otherwise.
        f.pool(mast + alongA * 40.0f, 65.0f, {0.18f, 0.16f, 0.13f, 1.0f});
    }
}

// The surge stockpile, the shovels with their floodlights, and the floor roads and pads to the working faces.
void PitScene::drawShovels(eng::Renderer& r, const sim::State& s, FrameDraws& f) {
    const sim::TransportState& tr = s.transport;
    // Surge stockpile: a cone whose size follows the tonnage (angle of repose ~37 deg).
    const double frac = tr.stockpileCapacity_t > 0 ? std::clamp(tr.stockpile_t / tr.stockpileCapacity_t, 0.0, 1.0) : 0.0;
    const float pileR = 20.0f + 45.0f * static_cast<float>(std::cbrt(frac));
    const glm::vec3 pileAt = f.crusher + glm::vec3(0, 0, 70);
    r.draw(m_pile, placeBox(pileAt - glm::vec3(0, 2, 0), {pileR, pileR * 0.75f, pileR}));
    // Shovels with their floodlights.
    std::vector<eng::Instance> shovelBase, shovelHouse, dippers, roads, pads;
    for (std::size_t k = 0; k < s.mine.shovels.size(); ++k) {
        const sim::ShovelState& sh = s.mine.shovels[k];
        if (!sh.active) continue;
        const glm::mat4& m = m_shovelM[k];
        const float swing = shovelSwing(m_t, sh.swingStart, sh.swing_s);
        const bool broken = sh.phase == sim::ShovelPhase::BrokenDown;
        const glm::vec4 tint = static_cast<int>(k) == m_selShovel ? glm::vec4(1.3f, 1.3f, 1.3f, 1) : glm::vec4(1);
        shovelBase.push_back({m, tint, f.night});
        const glm::mat4 house = hingedPart(m, glm::vec3(0.0f), {0, 1, 0}, swing);
        shovelHouse.push_back({house, tint, f.night});
        // The dipper lifts out of the muck pile as the house swings to the truck and drops back on the return.
        const float lift = swing > 0.0f ? -0.55f * std::sin(static_cast<float>(M_PI) * glm::clamp(swing / (0.5f * static_cast<float>(M_PI)), 0.0f, 1.0f) * 0.5f) : 0.0f;
        dippers.push_back({hingedPart(house, m_dipperPivot, {1, 0, 0}, lift), tint, f.night});
        f.floodlight(glm::vec3(m * glm::vec4(-16.0f, 0.0f, -8.0f, 1.0f)), 22.0f);
        const glm::vec3 spot = toScene(m_geom.loadingSpot(static_cast<int>(k)));
        f.pool(0.5f * (glm::vec3(m[3]) + spot), 55.0f);
        // Haul road on the floor from the ramp bottom to this face, ending in a loading pad beside the shovel.
        const glm::vec3 from = toScene(m_geom.rampBottom());
        glm::vec3 d = spot - from;
        d.y = 0.0f;
        const float len = glm::length(d);
        const float floorY = static_cast<float>(m_geom.floorElevation());
        if (len > 1.0f) {
            glm::mat4 rm = glm::translate(glm::mat4(1.0f), {0.5f * (from.x + spot.x), floorY - 0.2f, 0.5f * (from.z + spot.z)});
            rm = glm::rotate(rm, std::atan2(d.x, d.z), {0, 1, 0});
            roads.push_back({glm::scale(rm, {0.8f * static_cast<float>(m_geom.params().ramp_width_m), 0.45f, len}), kRoadColour, f.night});
        }
        pads.push_back({placeBox({spot.x, floorY - 0.2f, spot.z}, {32.0f, 0.46f, 32.0f}), kRoadColour, f.night});
        if (broken) r.draw(m_marker, placeBox(glm::vec3(m[3]) + glm::vec3(0, 34, 0), glm::vec3(5.0f)), {1, 1, 1, 1}, {2, 0.2f, 0});
        const float dEye = glm::length(glm::vec3(m[3]) - f.eye);
        if (24.0f / (dEye * f.metresPerPx) < kMarkerBelowPx || broken)
            f.pin(glm::vec3(m[3]) + glm::vec3(0, broken ? 40.0f : 24.0f, 0), dEye, kShovelPinPx, broken ? kPinBroken : kPinShovel);
    }
    r.drawInstanced(m_shovel[0], shovelBase);
    if (m_shovel[1].valid()) r.drawInstanced(m_shovel[1], shovelHouse);
    if (m_shovel[2].valid()) r.drawInstanced(m_shovel[2], dippers);
    // Static while the shovel count stays, so they may sit in the cached shadow map.
    r.drawInstanced(m_road, roads, {.castShadow = false});
    r.drawInstanced(m_pad, pads, {.castShadow = false});

}

// Trucks by class (model near, box stand-in far), their loads, headlamps and beams at night, markers and the ring.
void PitScene::drawTrucks(eng::Renderer& r, const sim::State& s, FrameDraws& f) {
    // Trucks by class: chassis, tipping body, the load, headlamps at f.night, warning markers.
    std::vector<eng::Instance> chassis[2], bodies[2], farChassis[2], farBodies[2], heaps, headlamps;
    // The stand-in distance scales with the rendered rows (a truck's size in pixels), so the low preset's half
    // resolution swaps the 1.3 k-triangle model for its box at half the distance.
    const float farTruck = kFarTruck_m * std::clamp(static_cast<float>(r.framebufferSize().y) * r.quality().renderScale / 720.0f, 0.25f, 2.0f);
    for (std::size_t i = 0; i < m_truckM.size(); ++i) {
        const sim::TruckState& ts = s.mine.trucks[i];
        const sim::TruckPose& pose = m_poses[i];
        const int c = ts.truckClass == sim::TruckClass::T130 ? 1 : 0;
        const glm::mat4& m = m_truckM[i];
        const bool sel = static_cast<int>(i) == m_selTruck;
        const glm::vec4 tint = sel ? glm::vec4(1.4f, 1.4f, 1.4f, 1) : glm::vec4(1);
        const float dEye = glm::length(glm::vec3(m[3]) - f.eye);
        const bool far = dEye > farTruck;
        (far ? farChassis : chassis)[c].push_back({m, tint, f.night});
        const glm::mat4 body = bodyMatrix(m, c ? m_pivot130 : m_pivot220, pose.bodyTilt);
        (far ? farBodies : bodies)[c].push_back({body, tint, f.night});
        if (dEye < kTruckNames_m && !sel)
            f.wishes.push_back({.label = {.position = glm::vec3(m[3]) + glm::vec3(0, 10, 0),
                                        .text = numbered(eng::trp("Truck %d, %s"), i + 1, phaseText(ts.phase)),
                                        .color = {0.95f, 0.95f, 0.9f, 1}, .fadeStart = 300, .fadeEnd = kTruckNames_m},
                              .priority = 1});
        if (pose.loaded && pose.bodyTilt < 0.5) {
            const glm::vec3 sz = c ? m_size130 : m_size220;
            const glm::vec4 rock = pose.ore ? glm::vec4(0.42f, 0.40f, 0.34f, 1) : glm::vec4(0.70f, 0.64f, 0.55f, 1);
            heaps.push_back({glm::scale(glm::translate(body, {0.0f, sz.y * 0.76f, -sz.z * 0.12f}), glm::vec3(sz.x / m_size220.x)), rock, f.night});
        }
        const bool running = ts.phase != sim::TruckPhase::Parked && ts.phase != sim::TruckPhase::BrokenDown;
        if (m_night > 0.01f && running) {
            headlamps.push_back({m, glm::vec4(1), glm::vec4(glm::vec3(1.0f, 0.95f, 0.8f) * f.lampGlow * 2.0f, 0)});
            // The light thrown on the road ahead: a spot from the lamps, aimed a little down (it follows the truck).
            const glm::vec3 lampPos(m * glm::vec4(0.0f, 3.0f, 7.5f, 1.0f));
            if (glm::length(lampPos - f.eye) < kHeadlampMaxDist_m)
                f.lights.push_back({.position = lampPos, .color = kHeadlampColour * m_night, .range = kHeadlampRange_m,
                                    .direction = glm::normalize(glm::vec3(m * glm::vec4(0.0f, -0.22f, 1.0f, 0.0f))), .cosCone = 0.86f});
        }
        if (ts.phase == sim::TruckPhase::BrokenDown)
            r.draw(m_marker, placeBox(glm::vec3(m * glm::vec4(0, 10, 0, 1)), glm::vec3(2.5f)), {1, 1, 1, 1}, {2, 0.2f, 0});
        // Far away: a pin of constant pixel size in the truck's state colour (its true-size model stays under it).
        const float truckPx = 13.4f / (dEye * f.metresPerPx);
        if (truckPx < kMarkerBelowPx || ts.phase == sim::TruckPhase::BrokenDown) {
            const bool idle = ts.phase == sim::TruckPhase::Parked || ts.phase == sim::TruckPhase::ShiftBreak;
            f.pin(glm::vec3(m[3]) + glm::vec3(0, 7.0f, 0), dEye, kTruckPinPx,
                  ts.phase == sim::TruckPhase::BrokenDown ? kPinBroken : idle ? kPinIdle : kPinWorking);
        }
        if (sel) r.draw(m_ring, placeBox(glm::vec3(m[3]), glm::vec3(9.0f, 1, 9.0f)), {1, 1, 1, 1}, {0.2f, 1.2f, 2.0f}, {.castShadow = false});
    }
    for (int c = 0; c < 2; ++c) {
        const eng::MeshId* ids = c ? m_truck130 : m_truck220;
        r.drawInstanced(ids[0], chassis[c], f.moving);
        if (ids[1].valid()) r.drawInstanced(ids[1], bodies[c], f.moving);
        r.drawInstanced(m_farTruck[c][0], farChassis[c], f.moving);
        r.drawInstanced(m_farTruck[c][1], farBodies[c], f.moving);
    }
    r.drawInstanced(m_heap, heaps, f.moving);
    r.drawInstanced(m_lamp, headlamps, {.castShadow = false});

}

// Rail (embankment, near track, trains) or the belt (near sections, far boxes, ore riding it).
void PitScene::drawTransport(eng::Renderer& r, const sim::State& s, FrameDraws& f) {
    const sim::TransportState& tr = s.transport;
    // Rail: ballast line, then each train's locomotive and dumpcars at its position.
    std::vector<eng::Instance> ballast, track, farTrack, cars, carLoads, locos;
    // Tiles of a `tile`-metre model along segment a-b (centred on each tile, Z along the segment), when near.
    auto tiles = [&](glm::vec3 a, glm::vec3 b, float tile, glm::vec3 lift, float yScale, std::vector<eng::Instance>& out) {
        const glm::vec3 d = b - a;
        const float len = glm::length(d);
        if (len < 1e-3f || glm::length(0.5f * (a + b) - f.eye) > kLineDetail_m) return false;
        const int n = std::max(1, static_cast<int>(std::lround(len / tile)));
        const float stretch = len / (static_cast<float>(n) * tile);
        glm::mat4 m = glm::translate(glm::mat4(1.0f), a + lift);
        m = glm::rotate(m, std::atan2(d.x, d.z), {0, 1, 0});
        m = glm::rotate(m, -std::atan2(d.y, glm::length(glm::vec2(d.x, d.z))), {1, 0, 0});
        for (int k = 0; k < n; ++k)
            out.push_back({glm::scale(glm::translate(m, {0, 0, (static_cast<float>(k) + 0.5f) * tile * stretch}), {1, yScale, stretch}),
                           glm::vec4(1), f.night});
        return true;
    };
    if (tr.mode != sim::TransportMode::Conveyor) {
        for (std::size_t i = 0; i + 1 < m_railPts.size(); ++i) {
            const glm::vec3 a = m_railPts[i], b = m_railPts[i + 1], d = b - a;
            const float yaw = std::atan2(d.x, d.z);
            glm::mat4 m = glm::translate(glm::mat4(1.0f), a + glm::vec3(0, -2.5f, 0));
            m = glm::rotate(m, yaw, {0, 1, 0});
            m = glm::rotate(m, -std::atan2(d.y, glm::length(glm::vec2(d.x, d.z))), {1, 0, 0});
            const glm::mat4 along = glm::scale(glm::translate(m, {0, 2.5f, 0.5f * glm::length(d)}), {1.0f, 1.0f, glm::length(d) + 0.5f});
            ballast.push_back({along, glm::vec4(1), f.night});
            // Rails and sleepers beyond the track model's range while they are still a few pixels wide; the ballast
            // alone carries the line further off.
            if (!tiles(a, b, kTrackTile_m, glm::vec3(0.0f), 1.0f, track) && glm::length(0.5f * (a + b) - f.eye) < kFarTrack_m)
                farTrack.push_back({along, glm::vec4(1), f.night});
        }
        const int ncars = s.params.getInt("transport.dumpcars");
        for (const sim::Train& t : tr.trains) {
            const bool back = t.phase == sim::TrainPhase::Returning;
            const float sign = back ? -1.0f : 1.0f;
            auto place = [&](double at, float yawTurn, std::vector<eng::Instance>& out) {
                glm::vec3 dir;
                const glm::vec3 p = railPoint(at, &dir);
                glm::mat4 m = glm::translate(glm::mat4(1.0f), p + glm::vec3(0, 0.35f, 0));   // on the rails
                m = glm::rotate(m, std::atan2(dir.x, dir.z) + yawTurn, {0, 1, 0});
                out.push_back({m, glm::vec4(1), f.night});
                return m;
            };
            // The whole train stays on the track: at the loading bay its last car stands at the line's end, at the
            // far end its locomotive (the sim's position runs 0 .. rail_m for the locomotive).
            const double len = kLocoLength + ncars * kCarLength, railLen = std::max(1.0, m_railS.empty() ? 1.0 : m_railS.back());
            const double u = std::clamp(t.position_m / railLen, 0.0, 1.0);
            const double head = back ? t.position_m - len * u : t.position_m + len * (1.0 - u);
            place(head, back ? glm::pi<float>() : 0.0f, locos);   // the cab leads
            for (int k = 0; k < ncars; ++k) {
                const glm::mat4 m = place(head - sign * (0.5 * (kLocoLength + kCarLength) + k * kCarLength), 0.0f, cars);
                if (t.load_t > 1.0) carLoads.push_back({glm::translate(m, {0, 3.4f, 0}), glm::vec4(1), f.night});
            }
        }
        r.drawInstanced(m_ballast, ballast);
        r.drawInstanced(m_track, track, {.castShadow = false});
        r.drawInstanced(m_farTrack, farTrack, {.castShadow = false});
        r.drawInstanced(m_car, cars, f.moving);
        r.drawInstanced(m_carLoad, carLoads, f.moving);
        r.drawInstanced(m_loco, locos, f.moving);
    }
    // Conveyor: a belt on trestles; lumps of ore ride it at belt speed while it carries ore.
    if (tr.mode != sim::TransportMode::Rail && m_beltPts.size() > 1) {
        std::vector<eng::Instance> belt, ore, sections;
        for (std::size_t i = 0; i + 1 < m_beltPts.size(); ++i) {
            const glm::vec3 a = m_beltPts[i], b = m_beltPts[i + 1], d = b - a;
            const float yaw = std::atan2(d.x, d.z), len = glm::length(d);
            glm::mat4 m = glm::rotate(glm::translate(glm::mat4(1.0f), a), yaw, {0, 1, 0});
            m = glm::rotate(m, -std::atan2(d.y, glm::length(glm::vec2(d.x, d.z))), {1, 0, 0});
            // Near: the conveyor_section model (belt on trestles, 2.2 m high) stretched to the line's 4 m above
            // the ground, so the trestles stand on it; far: a belt box on a post per segment.
            if (tiles(a, b, kBeltTile_m, glm::vec3(0, -4.0f, 0), 4.0f / 2.2f, sections)) continue;
            belt.push_back({glm::scale(glm::translate(m, {0, 0, 0.5f * len}), {3.0f, 1.2f, len + 0.2f}), {0.3f, 0.3f, 0.32f, 1}, f.night});
            belt.push_back({glm::scale(glm::translate(m, {0, -4.0f, 0}), {0.8f, 4.0f, 0.8f}), {0.55f, 0.55f, 0.58f, 1}, f.night});
        }
        const double fill = tr.conveyor_m > 0 ? tr.conveyorLoad_t / (tr.conveyor_m * 3.0) : 0.0;  // ~3 t/m when full
        if (fill > 0.01) {
            const double spacing = std::clamp(10.0 / fill, 10.0, 80.0);
            const double shift = std::fmod(sim::toSeconds(m_t) * tr.beltSpeed_m_s, spacing);
            const double len = m_beltS.back();
            for (double sPos = shift; sPos < len; sPos += spacing) {
                const auto it = std::upper_bound(m_beltS.begin(), m_beltS.end(), sPos);
                const std::size_t i = std::clamp<std::size_t>(static_cast<std::size_t>(it - m_beltS.begin()), 1, m_beltPts.size() - 1);
                const float u = static_cast<float>((sPos - m_beltS[i - 1]) / std::max(1e-9, m_beltS[i] - m_beltS[i - 1]));
                const glm::vec3 p = glm::mix(m_beltPts[i - 1], m_beltPts[i], u);
                ore.push_back({placeBox(p + glm::vec3(0, 1.1f, 0), {2.2f, 0.9f, 4.0f}), {0.4f, 0.38f, 0.33f, 1}, f.night});
            }
        }
        r.drawInstanced(m_box, belt);
        r.drawInstanced(m_beltSection, sections);
        r.drawInstanced(m_box, ore, f.moving);
    }
}

void PitScene::wishLabels(const sim::State& s, FrameDraws& f) const {
    // Labels: wishes ranked warnings > selection > sites > shovels > truck names, then de-cluttered on screen.
    for (std::size_t k = 0; k < s.mine.shovels.size(); ++k)
        if (s.mine.shovels[k].active)
            f.wishes.push_back({.label = {.position = glm::vec3(m_shovelM[k][3]) + glm::vec3(0, 40, 0), .text = numbered(eng::trp("Shovel %d"), k + 1, ""),
                                        .color = {1.0f, 0.85f, 0.5f, 1}, .fadeStart = 3000, .fadeEnd = 7000},
                              .priority = 2});
    if (m_selTruck >= 0)
        f.wishes.push_back({.label = {.position = glm::vec3(m_truckM[static_cast<std::size_t>(m_selTruck)][3]) + glm::vec3(0, 12, 0),
                                    .text = truckText(s, m_selTruck), .color = {0.6f, 0.9f, 1.0f, 1}, .fadeStart = 20000, .fadeEnd = 30000},
                          .priority = 5});
    if (m_selShovel >= 0)
        f.wishes.push_back({.label = {.position = glm::vec3(m_shovelM[static_cast<std::size_t>(m_selShovel)][3]) + glm::vec3(0, 30, 0),
                                    .text = shovelText(s, m_selShovel), .color = {0.6f, 0.9f, 1.0f, 1}, .fadeStart = 20000, .fadeEnd = 30000},
                          .priority = 5});
    for (std::size_t i = 0; i < s.mine.trucks.size(); ++i)
        if (s.mine.trucks[i].phase == sim::TruckPhase::BrokenDown)
            f.wishes.push_back({.label = {.position = glm::vec3(m_truckM[i][3]) + glm::vec3(0, 16, 0),
                                        .text = numbered(eng::trp("! Truck %d broken down"), i + 1, ""), .color = {1.0f, 0.45f, 0.3f, 1},
                                        .fadeStart = 4000, .fadeEnd = 9000},
                              .priority = 6});
}

void PitScene::drawLightsAndLabels(eng::Renderer& r, FrameDraws& f) {
    r.drawInstanced(m_poolDisc, f.pools, {.castShadow = false, .receiveShadow = false});
    for (const eng::PointLight& l : f.lights) r.addLight(l);
        r.drawInstanced(m_mast, f.masts);
    r.drawInstanced(m_box, f.lamps, {.castShadow = false});
    r.drawInstanced(m_pin, f.pins, {.castShadow = false, .receiveShadow = false});
    f.wishes.push_back({.label = {.position = f.crusher + glm::vec3(0, 45, 0), .text = eng::trp("Crusher / reloading point"), .fadeStart = 5000, .fadeEnd = 11000},
                      .priority = 3});
    f.wishes.push_back({.label = {.position = toScene(m_geom.dumpPosition()) + glm::vec3(0, 40, 0), .text = eng::trp("Waste dump"), .fadeStart = 5000, .fadeEnd = 11000},
                      .priority = 3});
    const glm::vec2 viewport(r.framebufferSize());
    const float fontPx = ImGui::GetCurrentContext() ? ImGui::GetFontSize() * ImGui::GetIO().FontGlobalScale : 13.0f;
    for (int i : declutterLabels(f.wishes, r.viewProj(), viewport, f.eye, fontPx)) r.labels().add(f.wishes[static_cast<std::size_t>(i)].label);
}

// [SECTION] Camera, picking, UI

glm::vec3 PitScene::railAt(double metres) const {
    const sim::PitGeometry::RailLine l = m_geom.railLine();
    return toScene(l.x0 + l.dx * metres, l.y0 + l.dy * metres, m_geom.rimElevation() + 2.0);
}

float PitScene::railYaw() const {   // a camera yaw that looks along the line (site frame: atan2(dx, dy))
    const sim::PitGeometry::RailLine l = m_geom.railLine();
    return static_cast<float>(glm::degrees(std::atan2(l.dx, l.dy)));
}

glm::vec3 PitScene::parkCentre() const {
    const std::vector<sim::PitGeometry::ParkBay>& bays = m_parkBays;
    glm::dvec3 sum(0.0);
    const std::size_t n = std::min<std::size_t>(bays.size(), 44);
    for (std::size_t i = 0; i < n; ++i) sum += glm::dvec3(toScene(bays[i].bay));
    return n > 0 ? glm::vec3(sum / static_cast<double>(n)) : toScene(m_geom.parkPosition());
}

std::vector<eng::CameraPreset> PitScene::cameraPresets() const {
    const float rim = static_cast<float>(m_geom.rimElevation()), floor = static_cast<float>(m_geom.floorElevation());
    const auto& ramp = m_geom.rampCentreline();
    const glm::vec3 rampMid = ramp.empty() ? glm::vec3(0, rim, 0) : toScene(ramp[ramp.size() / 3]);
    const glm::vec3 shovel = toScene(m_geom.shovelPosition(0));
    // Yaw (degrees) whose view direction points away from the pit centre through p: eye = target - forward * d.
    auto outwardYaw = [](glm::vec3 q) { return glm::degrees(std::atan2(q.x, -q.z)); };
    std::vector<eng::CameraPreset> p = {
        {"Pit overview", {.target = {0.0f, 0.5f * (rim + floor), 0.0f}, .yawDeg = 45.0f, .pitchDeg = 34.0f, .distance = 3600.0f, .fovDeg = 50.0f}},
        // From inside the pit looking out at the wall, a little along the ramp, so the eye is never in the rock.
        {"Haul ramp", {.target = rampMid, .yawDeg = outwardYaw(rampMid) - 25.0f, .pitchDeg = 24.0f, .distance = 420.0f}},
        {"Shovel close-up", {.target = shovel + glm::vec3(0, 6, 0), .yawDeg = 210.0f, .pitchDeg = 24.0f, .distance = 120.0f}},
        // The loading bay from behind the line's end, looking along the track (a train stands or loads there) with
        // the crusher and its stockpile beside it.
        {"Crusher and rail", {.target = railAt(40.0), .yawDeg = railYaw() + 150.0f, .pitchDeg = 22.0f, .distance = 300.0f}},
        {"Waste dump", {.target = toScene(m_geom.dumpPosition()), .yawDeg = 100.0f, .pitchDeg = 30.0f, .distance = 600.0f}},
        // The park-up, where the crews change at 08:00 and 20:00: over the default fleet's bays.
        {"Park-up", {.target = parkCentre() + glm::vec3(0, 4, 0), .yawDeg = 200.0f, .pitchDeg = 32.0f, .distance = 330.0f}},
    };
    if (m_selTruck >= 0 && static_cast<std::size_t>(m_selTruck) < m_truckM.size())
        p.push_back({"Follow selected truck", {.target = glm::vec3(m_truckM[static_cast<std::size_t>(m_selTruck)][3]), .yawDeg = 30.0f, .pitchDeg = 25.0f, .distance = 90.0f}});
    return p;
}

std::vector<eng::CameraPose> PitScene::benchPath() const {
    std::vector<eng::CameraPose> path;
    const auto p = cameraPresets();
    for (std::size_t i = 0; i < std::min<std::size_t>(p.size(), 4); ++i) path.push_back(p[i].pose);
    path.push_back(p.front().pose);
    return path;
}

std::string PitScene::truckText(const sim::State& st, int i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= st.mine.trucks.size()) return {};
    const sim::TruckState& t = st.mine.trucks[static_cast<std::size_t>(i)];
    const double wait = t.waitingSince >= 0 ? sim::toSeconds(m_t - t.waitingSince) / 60.0 : 0.0;
    char buf[256];
    eng::localSnprintf(buf, sizeof buf, eng::trp("Truck %d (%s)\n%s\npayload %.0f t %s, %.0f km/h\nwaiting %.1f min (total %.0f)\nfuel %.0f L, cycles %lld"),
                  i + 1, t.truckClass == sim::TruckClass::T130 ? "130 t" : "220 t", phaseText(t.phase), t.payload_t,
                  t.payload_t > 0 ? (t.ore ? eng::trp("ore") : eng::trp("waste")) : "", t.speed_m_s * 3.6, wait, t.totalWait_min, t.fuel_l,
                  static_cast<long long>(t.cycles));
    return buf;
}

std::string PitScene::shovelText(const sim::State& st, int i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= st.mine.shovels.size()) return {};
    const sim::ShovelState& s = st.mine.shovels[static_cast<std::size_t>(i)];
    const char* ph = s.phase == sim::ShovelPhase::Loading ? eng::trpc("shovel", "loading") : s.phase == sim::ShovelPhase::Idle ? eng::trpc("shovel", "idle") : eng::trpc("shovel", "BROKEN DOWN");
    char buf[200];
    eng::localSnprintf(buf, sizeof buf, eng::trp("Shovel %d: %s\npass %d/%d, queue %d\nloaded %.0f kt"), i + 1, ph, s.passesDone,
                  s.passesNeeded, s.queueLength, s.loaded_t / 1000.0);
    return buf;
}

bool PitScene::pick(const eng::Ray& ray, const FrameInput& in, std::string* what) {
    float tTruck = 1e30f, tShovel = 1e30f;
    const int truck = pickNearest(ray, m_truckM, m_truckBMin, m_truckBMax, &tTruck);
    const int shovel = pickNearest(ray, m_shovelM, {-8, 0, -10}, {8, 22, 24}, &tShovel);
    if (truck < 0 && shovel < 0) {
        m_selTruck = m_selShovel = -1;
        return false;
    }
    if (truck >= 0 && tTruck <= tShovel) { m_selTruck = truck; m_selShovel = -1; }
    else { m_selShovel = shovel; m_selTruck = -1; }
    if (what && in.state) *what = m_selTruck >= 0 ? truckText(*in.state, m_selTruck) : shovelText(*in.state, m_selShovel);
    return true;
}

std::optional<glm::vec3> PitScene::followTarget() const {
    if (!m_follow || m_selTruck < 0 || static_cast<std::size_t>(m_selTruck) >= m_truckM.size()) return std::nullopt;
    return glm::vec3(m_truckM[static_cast<std::size_t>(m_selTruck)][3]);
}

std::vector<std::string> PitScene::objectKeys(const sim::State& s) const {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < s.mine.trucks.size(); ++i) keys.push_back("truck:" + std::to_string(i));
    for (std::size_t k = 0; k < s.mine.shovels.size(); ++k)
        if (s.mine.shovels[k].active) keys.push_back("shovel:" + std::to_string(k));
    return keys;
}

bool PitScene::select(std::string_view key, const sim::State& s, std::string* why) {
    if (key.empty()) {
        m_selTruck = m_selShovel = -1;
        m_follow = false;
        return true;
    }
    const ObjectKey k = parseObjectKey(key);
    const int trucks = static_cast<int>(s.mine.trucks.size()), shovels = static_cast<int>(s.mine.shovels.size());
    if (k.kind == "truck" && k.index >= 0 && k.index < trucks) {
        m_selTruck = k.index;
        m_selShovel = -1;
        return true;
    }
    if (k.kind == "shovel" && k.index >= 0 && k.index < shovels && s.mine.shovels[static_cast<std::size_t>(k.index)].active) {
        m_selShovel = k.index;
        m_selTruck = -1;
        m_follow = false;
        return true;
    }
    if (why) *why = "no '" + std::string(key) + "' in the pit (trucks truck:0..truck:" + std::to_string(trucks - 1) +
                    ", working shovels shovel:0..)";
    return false;
}

bool PitScene::follow(std::string_view key, const sim::State& s, std::string* why) {
    if (key.empty()) {
        m_follow = false;
        return true;
    }
    if (parseObjectKey(key).kind != "truck") {
        if (why) *why = "only trucks can be followed ('" + std::string(key) + "')";
        return false;
    }
    if (!select(key, s, why)) return false;
    m_follow = true;
    return true;
}

std::vector<sim::Command> PitScene::takeCommands() { return m_outbox.take(); }

void PitScene::drawUi(const FrameInput& in) {
    if (!in.state) return;
    const sim::State& s = *in.state;
    const sim::Params& p = s.params;
    eng::setNextWindowPos("Pit", 10, 60, ImGuiCond_FirstUseEver);
    if (ImGui::Begin(eng::tr("Pit"), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        auto setParam = [&](const char* name, const std::string& v) { m_outbox.setParamText(name, v); };
        int trucks = p.getInt("mine.trucks"), shovels = p.getInt("mine.shovels");
        ImGui::SliderInt(eng::tr("Trucks"), &trucks, 1, 80);
        if (ImGui::IsItemDeactivatedAfterEdit()) setParam("mine.trucks", std::to_string(trucks));
        ImGui::SliderInt(eng::tr("Shovels"), &shovels, 1, sim::PitGeometry::kFaceSlots);
        if (ImGui::IsItemDeactivatedAfterEdit()) setParam("mine.shovels", std::to_string(shovels));
        int dispatch = p.getInt("mine.dispatch"), cls = p.getInt("mine.truck_class");
        const std::string dispatchItems = std::string(eng::tr("fixed shovel")) + '\0' + eng::tr("least wait") + '\0';
        if (ImGui::Combo(eng::tr("Dispatch"), &dispatch, dispatchItems.c_str())) setParam("mine.dispatch", std::to_string(dispatch));
        if (ImGui::Combo(eng::tr("Truck class"), &cls, "BelAZ 220 t\0BelAZ 130 t\0")) setParam("mine.truck_class", std::to_string(cls));
        bool breakdowns = p.getBool("mine.breakdowns");
        if (ImGui::Checkbox(eng::tr("Breakdowns"), &breakdowns)) setParam("mine.breakdowns", breakdowns ? "1" : "0");
        if (m_selTruck >= 0) {
            ImGui::Separator();
            ImGui::TextUnformatted(eng::display(truckText(s, m_selTruck)).c_str());
            const std::string target = "mine.truck:" + std::to_string(m_selTruck);
            if (s.mine.trucks[static_cast<std::size_t>(m_selTruck)].phase == sim::TruckPhase::BrokenDown) {
                if (ImGui::Button(eng::tr("Repair now"))) m_outbox.push({sim::CommandType::ClearFault, target, ""});
            } else if (ImGui::Button(eng::tr("Break down"))) m_outbox.push({sim::CommandType::InjectFault, target, ""});
            ImGui::SameLine();
            ImGui::Checkbox(eng::tr("Camera follows"), &m_follow);
        }
        if (m_selShovel >= 0) {
            ImGui::Separator();
            ImGui::TextUnformatted(eng::display(shovelText(s, m_selShovel)).c_str());
        }
        ImGui::Separator();
        // The ore rate over a stated window of sim time (sim::MineState::ore_t_h), so it reads as a rate, not as the
        // last truck's load; counts of trucks in the language's plural.
        ImGui::TextUnformatted(eng::formatf(eng::tr("Ore to the crusher, last %d min: %.0f t/h"), sim::MineState::kOreRateWindow_min,
                                            s.mine.ore_t_h).c_str());
        const std::string queued = eng::formatf(eng::trn("%d truck queued", "%d trucks queued", s.mine.trucksQueued), s.mine.trucksQueued);
        const std::string working = eng::formatf(eng::trn("%d truck working", "%d trucks working", s.mine.trucksWorking), s.mine.trucksWorking);
        // Two lines: the three figures on one ran past the panel's edge in Russian and German.
        ImGui::TextUnformatted((queued + "   " + working).c_str());
        ImGui::TextUnformatted(eng::formatf(eng::tr("utilisation %.0f %%"), 100.0 * s.mine.fleetUtilisation).c_str());
        ImGui::Text(eng::tr("Crusher queue %d, dump queue %d%s"), s.mine.crusherQueue, s.mine.dumpQueue, s.mine.shiftBreak ? eng::tr("   (shift break)") : "");
        ImGui::TextUnformatted(eng::formatf(eng::tr("Stockpile %.0f / %.0f t, trains %zu"), s.transport.stockpile_t, s.transport.stockpileCapacity_t, s.transport.trains.size()).c_str());
        if (!m_kpi.empty() && ImGui::CollapsingHeader(eng::tr("KPIs (last 8 sim hours)"), ImGuiTreeNodeFlags_DefaultOpen)) {
            // One plot per metric of m_kpi, in its order (pit_scene.h).
            // The overlay: the latest value in the language's numbers and its unit as the language writes it.
            auto plot = [&](std::size_t metric, const char* label, const char* fmt, const char* unit = "") {
                const std::vector<float>& v = m_kpi.series(metric);
                char overlay[64];
                if (fmt) {
                    const std::string text = eng::formatf(fmt, static_cast<double>(v.back())) + " " + eng::unitSymbol(unit);
                    std::snprintf(overlay, sizeof overlay, "%s", text.c_str());
                } else {  // a count of trucks: the language's plural ("1 truck", "3 trucks"; three forms in Russian)
                    const long n = std::lround(v.back());
                    std::snprintf(overlay, sizeof overlay, eng::trn("%ld truck", "%ld trucks", n), n);
                }
                ImGui::PlotLines(eng::tr(label), v.data(), static_cast<int>(v.size()), 0, overlay, 0.0f, FLT_MAX, ImVec2(260, 48));
            };
            plot(0, eng::N_("Ore t/h"), "%.0f", "t/h");
            plot(1, eng::N_("Queued"), nullptr);
            plot(2, eng::N_("Utilisation"), "%.0f", "%");
            plot(3, eng::N_("Fuel"), "%.0f", "L/h");
        }
    }
    ImGui::End();
}

}  // namespace scenes
