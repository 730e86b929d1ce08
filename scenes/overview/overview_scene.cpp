#include "scenes/overview/overview_scene.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/gtc/matrix_transform.hpp>
#include <imgui.h>

#include "engine/gui.h"
#include "engine/i18n.h"
#include "engine/noise.h"
#include "engine/procedural.h"
#include "scenes/site.h"
#include "scenes/valley.h"
#include "sim/world.h"
#include "sim/alarms.h"
#include "engine/locale_format.h"

namespace scenes {

// [SECTION] Layout
//
// Positions come from the site table (scenes/site.h); what stands at each site is illustrative massing at map scale
// (a visitor reads it from 5-15 km): the buildings' footprints are of the right order (MOF-1/2 mill buildings
// several hundred metres long, thickeners 60-100 m across, a flash smelter hall ~300 m), not a survey.

namespace {

using overview::FlowKind;
namespace ov = overview;

constexpr float kFlowLift = 9.0f;     // ribbons float this far over the ground (no z-fighting at 15 km)
constexpr float kDash = 110.0f;       // dash length and gap along a flow (metres)
constexpr float kDashGap = 90.0f;
constexpr float kDashHeight = 7.0f;    // dashes float this far over their route
constexpr float kRouteWidth = 34.0f;   // the dark band under a flow (metres)
constexpr float kRouteTop = 2.75f;     // its height over the ground
constexpr float kLabelTierM = 6500.0f;  // minor sites' labels show nearer than this (the start view is ~9-10 km off)
constexpr float kShadowFill = 0.2f;        // skylight floor in shadow, as a share of the sun's colour
// Map symbols (flow bands, gauge columns) are sized for the start view (~9 km off) and shrink, down to a third, as
// the eye comes closer: a symbol of constant size on screen rather than in metres.
constexpr float kSymbolRefDistance_m = 9000.0f;
float symbolScale(float distance_m) { return std::clamp(distance_m / kSymbolRefDistance_m, 0.33f, 1.0f); }
constexpr float kMinFlowPx = 4.0f;     // a flow's dashes are never narrower than this many window pixels

glm::vec2 smelterAt(float east, float north) { return site::kSmelter + glm::vec2(east, north); }
glm::vec2 concAt(float along, float across) {
    const float a = glm::radians(30.0f);  // the concentrator's buildings run 30 deg north of east
    const glm::vec2 u(std::cos(a), std::sin(a)), v(-u.y, u.x);
    return site::kConcentrator + u * along + v * across;
}

// Key points besides the site table's.
using site::kAcidPlant;
using site::kTankhouse;
using site::kStackMain;
using site::kStackTwo;
using site::kMainStackH;
using site::kStackTwoH;
const glm::vec2 kCathodeDispatch{-4650.0f, 4550.0f};   // rail siding towards the town's station (E)
const glm::vec2 kSlagHeaps = site::kSlagYard + glm::vec2(-260.0f, -220.0f);
const glm::vec2 kOtherFeed{-8800.0f, 7600.0f};          // the other AMMC concentrate comes in from the north-west (E)

float hash(int x, int y, int seed) { return eng::noise::hash24(x, y, seed); }

glm::vec3 lin(float r, float g, float b) { return {r, g, b}; }

// A hollow ring (unit radius, base on y = 0, height 1): outer wall, inner wall and top, `w` thick. Scaled per site, it
// outlines a unit without covering it.
eng::MeshData makeRing(float w, int segments, const eng::Material& m) {
    eng::MeshData d;
    d.materials.push_back(m);
    eng::SubMesh sm;
    auto quad = [&](glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 e, glm::vec3 n) {
        const auto base = static_cast<std::uint32_t>(sm.vertices.size());
        for (glm::vec3 p : {a, b, c, e}) sm.vertices.push_back({p, n, {0, 0}});
        for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) sm.indices.push_back(base + i);
    };
    const float ri = 1.0f - w;
    for (int i = 0; i < segments; ++i) {
        const float a0 = 6.2831853f * i / segments, a1 = 6.2831853f * (i + 1) / segments;
        const glm::vec3 u0(std::cos(a0), 0, std::sin(a0)), u1(std::cos(a1), 0, std::sin(a1)), up(0, 1, 0);
        quad(u0, u0 + up, u1 + up, u1, glm::normalize(u0 + u1));                                   // outer
        quad(u1 * ri, u1 * ri + up, u0 * ri + up, u0 * ri, -glm::normalize(u0 + u1));              // inner
        quad(u0 * ri + up, u1 * ri + up, u1 + up, u0 + up, up);                                    // top
    }
    // Wind every triangle so that its geometric normal agrees with the stored one (back faces are culled).
    for (std::size_t t = 0; t + 2 < sm.indices.size(); t += 3) {
        const eng::Vertex &a = sm.vertices[sm.indices[t]], &b = sm.vertices[sm.indices[t + 1]], &c = sm.vertices[sm.indices[t + 2]];
        if (glm::dot(glm::cross(b.position - a.position, c.position - a.position), a.normal) < 0.0f)
            std::swap(sm.indices[t + 1], sm.indices[t + 2]);
    }
    d.parts.push_back(std::move(sm));
    d.computeBounds();
    return d;
}

}  // namespace

glm::vec3 OverviewScene::Path::at(float d, glm::vec3* dir) const {
    if (pts.size() < 2) return pts.empty() ? glm::vec3(0) : pts[0];
    d = std::clamp(d, 0.0f, s.back());
    const auto it = std::upper_bound(s.begin(), s.end(), d);
    const std::size_t i = std::clamp<std::size_t>(static_cast<std::size_t>(it - s.begin()), 1, pts.size() - 1);
    const float f = (d - s[i - 1]) / std::max(1e-3f, s[i] - s[i - 1]);
    if (dir) *dir = glm::normalize(pts[i] - pts[i - 1]);
    return glm::mix(pts[i - 1], pts[i], f);
}

glm::vec3 OverviewScene::ground(glm::vec2 en, float lift) const {
    const float x = en.x, z = -en.y;
    return {x, std::max(m_terrain.heightAt(x, z), site::elevation(x, z)) + lift, z};
}

// A path through the given points (en), optionally rounded (Chaikin corner cutting), sampled every ~40 m on the
// ground and lifted; the profile is smoothed a little so a ribbon does not follow every fold.
OverviewScene::Path OverviewScene::makePath(std::vector<glm::vec2> en, float lift, bool smooth) const {
    if (smooth)
        for (int pass = 0; pass < 3 && en.size() > 2; ++pass) {
            std::vector<glm::vec2> o{en.front()};
            for (std::size_t i = 0; i + 1 < en.size(); ++i) {
                o.push_back(glm::mix(en[i], en[i + 1], 0.25f));
                o.push_back(glm::mix(en[i], en[i + 1], 0.75f));
            }
            o.push_back(en.back());
            en = std::move(o);
        }
    Path p;
    std::vector<glm::vec2> dense;
    for (std::size_t i = 0; i + 1 < en.size(); ++i) {
        const int n = std::max(1, static_cast<int>(glm::length(en[i + 1] - en[i]) / 40.0f));
        for (int k = 0; k < n; ++k) dense.push_back(glm::mix(en[i], en[i + 1], static_cast<float>(k) / n));
    }
    dense.push_back(en.back());
    std::vector<float> h(dense.size());
    for (std::size_t i = 0; i < dense.size(); ++i) h[i] = ground(dense[i]).y;
    std::vector<float> hs = h;
    for (std::size_t i = 1; i + 1 < h.size(); ++i) hs[i] = std::max(h[i], 0.25f * h[i - 1] + 0.5f * h[i] + 0.25f * h[i + 1]);
    for (std::size_t i = 0; i < dense.size(); ++i) {
        p.pts.push_back({dense[i].x, hs[i] + lift, -dense[i].y});
        p.s.push_back(i == 0 ? 0.0f : p.s.back() + glm::length(p.pts[i] - p.pts[i - 1]));
    }
    return p;
}

void OverviewScene::addFlow(const char* key, std::vector<glm::vec2> en, bool smooth) {
    Flow f;
    f.def = ov::findFlow(key);
    f.path = makePath(std::move(en), kFlowLift, smooth);
    // The route itself, drawn whether anything moves or not: a dark band (rail bed, pipe rack, belt) under the flow.
    // One flat strip (two triangles per 40 m step, mitred at the bends) in the routes' shared mesh: its sides were
    // never visible at map scale, and a box per step was ~12 k triangles of the frame (docs/overview_scene.md, Cost).
    const std::vector<glm::vec3>& pts = f.path.pts;
    if (pts.size() >= 2) {
        const auto first = static_cast<std::uint32_t>(m_routeMesh.vertices.size());
        const float half = 0.5f * kRouteWidth;
        for (std::size_t i = 0; i < pts.size(); ++i) {
            const glm::vec3 a = pts[i > 0 ? i - 1 : 0], b = pts[std::min(i + 1, pts.size() - 1)];
            glm::vec2 d(b.x - a.x, b.z - a.z);
            d = glm::length(d) > 1e-3f ? glm::normalize(d) : glm::vec2(1, 0);
            const glm::vec3 side(-d.y, 0.0f, d.x), p = pts[i] - glm::vec3(0, kFlowLift - kRouteTop, 0);
            m_routeMesh.vertices.push_back({p - side * half, {0, 1, 0}, {0, 0}});
            m_routeMesh.vertices.push_back({p + side * half, {0, 1, 0}, {1, 0}});
        }
        for (std::uint32_t i = 0; i + 1 < pts.size(); ++i) {
            const std::uint32_t l0 = first + 2 * i, r0 = l0 + 1, l1 = l0 + 2, r1 = l0 + 3;
            // Wound counter-clockwise seen from above (back faces are culled), whichever way the route runs.
            const glm::vec3 e1 = m_routeMesh.vertices[l1].position - m_routeMesh.vertices[l0].position,
                            e2 = m_routeMesh.vertices[r0].position - m_routeMesh.vertices[l0].position;
            if (glm::cross(e1, e2).y >= 0.0f)
                for (std::uint32_t k : {l0, l1, r0, r0, l1, r1}) m_routeMesh.indices.push_back(k);
            else
                for (std::uint32_t k : {l0, r0, l1, r0, r1, l1}) m_routeMesh.indices.push_back(k);
        }
    }
    m_flows.push_back(std::move(f));
}

void OverviewScene::addStackFlow(const char* key, glm::vec3 top) {
    Flow f;
    f.def = ov::findFlow(key);
    f.path.pts = {top, top + glm::vec3(0, 700.0f, 0)};
    f.path.s = {0.0f, 700.0f};
    m_flows.push_back(std::move(f));
}

void OverviewScene::box(glm::vec2 en, glm::vec3 size, float yawDeg, glm::vec3 color, float sink, bool lit) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), ground(en, -sink));
    m = glm::rotate(m, glm::radians(yawDeg), {0, 1, 0});
    m_buildings.push_back({glm::scale(m, size + glm::vec3(0, sink, 0)), glm::vec4(color, 1), glm::vec4(0)});
    // Night: every lit building gets a band of warm windows/floodlight glow (a thin box on its long face).
    if (lit) {
        glm::mat4 w = glm::translate(m, {0.0f, size.y * 0.55f + sink, 0.0f});
        m_windows.push_back({glm::scale(w, {size.x * 0.92f, std::min(6.0f, size.y * 0.25f), size.z + 1.0f}),
                             glm::vec4(0.05f, 0.05f, 0.05f, 1), glm::vec4(0)});
    }
}

void OverviewScene::tank(glm::vec2 en, float radius, float height, glm::vec3 color, float base) {
    glm::vec3 p = ground(en, -2.0f);
    if (base > -1e8f) p.y = base;
    m_tanks.push_back({glm::scale(glm::translate(glm::mat4(1.0f), p), {radius, height + 2.0f, radius}), glm::vec4(color, 1), glm::vec4(0)});
}

// [SECTION] Load

bool OverviewScene::load(const SceneContext& ctx, std::string* why) {
    eng::Renderer& r = ctx.renderer;
    if (!buildValleyTerrain(r, m_terrain, why)) return false;
    eng::Material plain;
    plain.baseColor = {1, 1, 1, 1};  // colours per instance
    plain.roughness = 0.85f;
    m_box = r.createMesh(eng::makeBox({1, 1, 1}, plain), "overview box");
    m_cyl = r.createMesh(eng::makeCylinder(1.0f, 1.0f, 20, plain), "overview cylinder");
    m_cone = r.createMesh(eng::makeCone(1.0f, 1.0f, 12, plain), "overview cone");
    m_ring = r.createMesh(makeRing(0.07f, 48, plain), "overview ring");
    m_plate = r.createMesh(eng::makePlane({1, 1}, plain), "overview plate");
    m_town.build(r, m_terrain);
    m_routeMesh = {};
    buildPlant(r, ctx.state);
    eng::MeshData routes;
    eng::Material band = plain;
    band.baseColor = {0.07f, 0.065f, 0.06f, 1};
    routes.materials.push_back(band);
    routes.parts.push_back(std::move(m_routeMesh));
    routes.computeBounds();
    m_routes = r.createMesh(routes, "overview routes");
    m_routeMesh = {};
    return true;
}

void OverviewScene::buildPlant(eng::Renderer& r, const sim::State& s) {
    (void)r;
    const sim::SitePos cp = s.pit.geometry().crusherPosition();
    const glm::vec2 crusher(static_cast<float>(cp.x), static_cast<float>(cp.y));
    const glm::vec3 steel = lin(0.36f, 0.36f, 0.37f), rust = lin(0.40f, 0.27f, 0.19f), pale = lin(0.55f, 0.53f, 0.50f);
    const glm::vec3 concrete = lin(0.46f, 0.45f, 0.43f);

    // Crusher and its stockpile on the pit rim.
    box(crusher, {60, 36, 40}, 35.0f, rust);
    box(crusher + glm::vec2(90, 60), {40, 20, 30}, 35.0f, steel);
    m_heaps.push_back({glm::scale(glm::translate(glm::mat4(1.0f), ground(crusher + glm::vec2(-120, 90), -3.0f)), {80, 30, 80}),
                       glm::vec4(0.42f, 0.33f, 0.25f, 1), glm::vec4(0)});

    // MOF concentrators: three long mill buildings, two flotation halls, the coarse-ore store, a row of thickeners.
    for (int i = 0; i < 3; ++i) box(concAt(0.0f, -60.0f + i * 62.0f), {440, 34, 50}, -30.0f, i == 1 ? steel : pale);
    box(concAt(330.0f, -40.0f), {220, 26, 100}, -30.0f, lin(0.32f, 0.36f, 0.40f));
    box(concAt(330.0f, 80.0f), {220, 22, 70}, -30.0f, lin(0.34f, 0.38f, 0.42f));
    m_heaps.push_back({glm::scale(glm::translate(glm::mat4(1.0f), ground(concAt(-320.0f, 20.0f), -3.0f)), {95, 42, 95}),
                       glm::vec4(0.45f, 0.36f, 0.28f, 1), glm::vec4(0)});
    for (int i = 0; i < 4; ++i) {
        const glm::vec2 at = concAt(120.0f + i * 125.0f, -200.0f);
        tank(at, 48.0f, 7.0f, concrete);
        // Water surface: a dark disc a little smaller, just above the rim.
        m_tanks.push_back({glm::scale(glm::translate(glm::mat4(1.0f), ground(at, 5.5f)), {43.0f, 2.0f, 43.0f}),
                           glm::vec4(0.10f, 0.17f, 0.18f, 1), glm::vec4(0)});
    }
    // Tailings storage: a flat-topped dam with a pale beach and a pond.
    {
        float lo = 1e9f, hi = -1e9f;
        for (int i = -6; i <= 6; ++i)
            for (int j = -6; j <= 6; ++j) {
                const glm::vec2 q = site::kTailings + glm::vec2(i, j) * (800.0f / 6.0f);
                if (glm::length(q - site::kTailings) > 800.0f) continue;
                const float h = ground(q).y;
                lo = std::min(lo, h);
                hi = std::max(hi, h);
            }
        const glm::vec3 c(site::kTailings.x, lo - 4.0f, -site::kTailings.y);
        m_tanks.push_back({glm::scale(glm::translate(glm::mat4(1.0f), c), {800.0f, hi - lo + 10.0f, 800.0f}), glm::vec4(0.40f, 0.37f, 0.32f, 1), glm::vec4(0)});
        m_tanks.push_back({glm::scale(glm::translate(glm::mat4(1.0f), c + glm::vec3(120.0f, 0, -80.0f)), {560.0f, hi - lo + 10.8f, 470.0f}),
                           glm::vec4(0.20f, 0.30f, 0.30f, 1), glm::vec4(0)});
    }

    // Smelter: the flash-smelting hall, converter aisle, concentrate store, acid plant, tankhouse, two stacks.
    for (const site::WorksUnit& u : site::worksUnits()) {
        if (u.cylinder) tank(u.en, u.size.x, u.size.y, u.colour);
        else box(u.en, u.size, 0.0f, u.colour);
    }
    // Slag yard heaps (dark fayalite) and the catalyst line.
    for (int i = 0; i < 6; ++i) {
        const glm::vec2 at = kSlagHeaps + glm::vec2((i % 3) * 110.0f, (i / 3) * 100.0f) + glm::vec2(hash(i, 0, 9), hash(i, 1, 9)) * 30.0f;
        const float rad = 40.0f + 20.0f * hash(i, 2, 9);
        m_heaps.push_back({glm::scale(glm::translate(glm::mat4(1.0f), ground(at, -2.0f)), {rad, 16.0f + 10.0f * hash(i, 3, 9), rad}),
                           glm::vec4(0.12f, 0.11f, 0.11f, 1), glm::vec4(0)});
    }
    box(site::kCatalystLine, {160, 16, 45}, 20.0f, lin(0.50f, 0.52f, 0.55f));
    tank(site::kCatalystLine + glm::vec2(110, 20), 10.0f, 30.0f, lin(0.55f, 0.55f, 0.55f));

    // Photocatalyst field: rows of dark blue panels facing south (the panel area from the parameters, ~50 % ground
    // cover), the gas plant and the reformer with its stack.
    {
        const double area = s.params.has("h2.panel_area_m2") ? s.params.get("h2.panel_area_m2") : 40000.0;
        const float side = std::clamp(static_cast<float>(std::sqrt(area / 0.5)), 120.0f, 1200.0f);
        const int rows = std::max(4, static_cast<int>(side / 24.0f));
        for (int i = 0; i < rows; ++i) {
            const glm::vec2 at = site::kHydrogenField + glm::vec2(0.0f, -0.5f * side + (i + 0.5f) * side / rows);
            glm::mat4 m = glm::translate(glm::mat4(1.0f), ground(at, 1.0f));
            m = glm::rotate(m, glm::radians(-30.0f), {1, 0, 0});
            m_buildings.push_back({glm::scale(m, {side, 1.5f, side / rows * 0.6f}), glm::vec4(0.06f, 0.10f, 0.24f, 1), glm::vec4(0)});
        }
    }
    box(site::kHydrogenField + glm::vec2(-40, 260), {60, 12, 30}, 0.0f, pale);  // gas plant: separation + compression
    box(site::kReformer, {50, 22, 30}, 0.0f, steel);
    tank(site::kReformer + glm::vec2(30, 20), 4.0f, 45.0f, lin(0.55f, 0.55f, 0.55f));

    // ---- flows (routes and their animated dashes) ----
    const glm::vec2 pitFloor(150.0f, -150.0f);
    addFlow("ore_haul", {pitFloor, glm::vec2(-400, 300), crusher});
    addFlow("ore_rail", {crusher, crusher + glm::vec2(-700, 900), glm::vec2(-1300, 3300), concAt(-360, 10)});
    addFlow("tailings", {concAt(-100, 200), glm::vec2(-2700, 6400), site::kTailings + glm::vec2(350, -500)});
    addFlow("concentrate", {concAt(-230, -60), smelterAt(300, 250), smelterAt(-180, 140)});
    addFlow("other_conc", {kOtherFeed, glm::vec2(-6000, 6600), smelterAt(-320, 170)});
    addFlow("copper", {kTankhouse + glm::vec2(-180, -80), smelterAt(-300, -160), kCathodeDispatch});
    addFlow("slag", {smelterAt(-60, -40), site::kSlagYard, kSlagHeaps + glm::vec2(60, 80)}, false);
    addFlow("so2_capture", {smelterAt(120, 40), kAcidPlant + glm::vec2(-50, 0)}, false);
    addFlow("catalyst", {site::kCatalystLine + glm::vec2(80, -20), site::kHydrogenField + glm::vec2(-160, 120)});
    addFlow("h2_prmits", {site::kHydrogenField + glm::vec2(-30, 250), glm::vec2(-1700, 4400), glm::vec2(-1450, 6200),
                          glm::vec2(-1650, 9800), site::kPrmits});
    addFlow("h2_reformer", {site::kReformer + glm::vec2(0, 20), site::kHydrogenField + glm::vec2(-10, 240)});
    addFlow("gas", {site::kGasField, glm::vec2(-7000, 1700), glm::vec2(-4200, 2700), site::kReformer + glm::vec2(-20, -30)});
    addFlow("co2_capture", {site::kReformer + glm::vec2(20, -50), glm::vec2(-4200, 2600), glm::vec2(-7000, 1580), site::kGasField + glm::vec2(0, -120)});
    addStackFlow("so2_air", ground(kStackMain, kMainStackH + 4.0f));
    addStackFlow("co2_smelter_air", ground(kStackTwo, kStackTwoH + 4.0f));
    addStackFlow("co2_smr_air", ground(site::kReformer + glm::vec2(30, 20), 49.0f));

    // ---- sites (labels, picking, highlights) ----
    auto site = [&](const char* key, const char* title, glm::vec2 en, float radius, float labelH, bool minor = false,
                    const char* shortTitle = "") {
        m_sites.push_back({key, title, ground(en), radius, labelH, minor, shortTitle});
    };
    const auto fac = [](const char* k) { return site::findFacility(k); };
    site("pit", fac("pit")->title, {0.0f, 0.0f}, 1700.0f, 650.0f);
    site("crusher", eng::N_("Crusher"), crusher, 200.0f, 120.0f);
    site("rail", eng::N_("Ore rail, 8 km"), glm::vec2(-1150, 2900), 250.0f, 60.0f);
    site("concentrator", fac("concentrator")->title, site::kConcentrator, 420.0f, 160.0f);
    site("tailings", fac("tailings")->title, site::kTailings, 800.0f, 80.0f);
    site("smelter", fac("smelter")->title, site::kSmelter, 260.0f, 230.0f);
    site("tankhouse", eng::N_("Tankhouse (cathode)"), kTankhouse, 190.0f, 90.0f, true);
    site("works", fac("works")->title, site::kWorks + glm::vec2(-420, -80), 300.0f, 60.0f, true);
    site("slag_yard", fac("slag_yard")->title, kSlagHeaps + glm::vec2(110, 50), 200.0f, 70.0f, true);
    site("catalyst", fac("catalyst")->title, site::kCatalystLine, 150.0f, 80.0f, true);
    site("hydrogen", fac("hydrogen")->title, site::kHydrogenField, 260.0f, 90.0f, false, eng::N_("Hydrogen field"));
    site("reformer", fac("reformer")->title, site::kReformer, 110.0f, 80.0f, true);
    // Titles are msgids, translated when the labels are made (the language can change while the scene is loaded).
    site("prmits", eng::N_("H2 pipeline to PRMiTS, Chirchik\n%.0f km further north"), site::kPrmits, 300.0f, 60.0f);
    site("gas_field", eng::N_("Gas from, CO2 to\nthe depleted gas field"), site::kGasField, 300.0f, 60.0f);
    site("town", fac("town")->title, site::kTown, 2200.0f, 200.0f);

    // ---- gauges beside their buffers ----
    for (const ov::GaugeDef& g : ov::gaugeDefs()) {
        const Site* at = findSite(g.site);
        glm::vec2 en = at ? glm::vec2(at->anchor.x, -at->anchor.z) : glm::vec2(0);
        m_gauges.push_back({&g, ground(en + gaugeOffset(g.site), 0.0f), {}});
    }
    m_ripple.reset();
}

glm::vec2 OverviewScene::gaugeOffset(std::string_view site) {
    // Beside, not on top: a fixed offset per site so two gauges at one site do not meet.
    static const std::pair<const char*, glm::vec2> kOffset[] = {
        {"crusher", {-260.0f, 160.0f}}, {"concentrator", {-560.0f, 120.0f}}, {"smelter", {-330.0f, 300.0f}},
        {"tankhouse", {260.0f, -120.0f}}, {"catalyst", {-60.0f, -150.0f}}, {"hydrogen", {700.0f, -150.0f}}};
    for (const auto& [k, o] : kOffset)
        if (site == k) return o;
    return {0.0f, 0.0f};
}

const OverviewScene::Site* OverviewScene::findSite(const std::string& key) const {
    for (const Site& s : m_sites)
        if (s.key == key) return &s;
    return nullptr;
}

glm::vec3 OverviewScene::siteAnchor(const std::string& key) const {
    const Site* s = findSite(key);
    return s ? s->anchor : glm::vec3(0);
}

// [SECTION] Update

void OverviewScene::update(const FrameInput& in) {
    m_time += in.dtReal;
    m_night = 1.0 - glm::smoothstep(-0.10f, 0.08f, in.sunDir.y);
    if (!in.state) return;
    const sim::State& s = *in.state;
    m_ripple.observe(s);
    for (Flow& f : m_flows) {
        f.rate = ov::readMetric(&s, f.def->metric);
        f.look = ov::flowLook(f.rate, f.def->nominal);
        f.phase = std::fmod(f.phase + f.look.speed * in.dtReal, kDash + kDashGap);
    }
    for (Gauge& g : m_gauges) g.reading = ov::readGauge(&s, *g.def);
    // A unit's own fault flag (the cause) is shown apart from the ripple (its effects).
    m_faulted.assign(m_ripple.units().size(), 0);
    auto flag = [&](const char* unit, const char* metric, bool whenZero) {
        const double v = ov::readMetric(&s, metric);
        if (!std::isfinite(v)) return;
        for (std::size_t i = 0; i < m_ripple.units().size(); ++i)
            if (std::string(m_ripple.units()[i].key) == unit) m_faulted[i] = whenZero ? v < 0.5 : v > 0.5;
    };
    flag("crusher", "transport.crusher_fault", false);
    flag("rail", "transport.rail_fault", false);
    flag("concentrator", "concentrator.mill_fault", false);
    flag("smelter", "smelter.furnace_running", true);
    m_alarms.clear();
    for (const ov::SiteAlarm& a : ov::siteAlarms(s.alarms)) m_alarms.push_back({a.site, a.priority});
}

// [SECTION] Draw

void OverviewScene::draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) {
    eng::Lighting L = r.lighting();
    L.fogBaseHeight = site::kValleyFloor;
    L.fogDensity *= 0.6f;  // a map: keep the far side of the complex legible
    // A moonlit floor at night: the map's ground stays faintly readable under the lit plants.
    L.skyAmbient = glm::max(L.skyAmbient, glm::vec3(0.030f, 0.038f, 0.060f));
    L.groundAmbient = glm::max(L.groundAmbient, glm::vec3(0.012f, 0.012f, 0.014f));
    // A map's shadows are shade, not black: a skylight fill of a fifth of the sun keeps the pit's floor and the far
    // side of a ridge readable under a low sun (at dusk the rim's shadow covers most of the pit).
    L.skyAmbient = glm::max(L.skyAmbient, L.sunColor * kShadowFill * glm::smoothstep(-0.02f, 0.1f, L.sunDir.y));
    r.setLighting(L);
    // As the landscape: the whole valley. A tighter region (9 km) gave 3x finer texels but 3x less depth bias in metres,
    // and the terrain casts at a fixed LOD (1/2) while far chunks draw at 1/4-1/8: their coarse receivers on convex
    // ground (the pit rim) fell below the caster and shadowed themselves in jagged patches (docs/overview_scene.md).
    r.setShadowRegion({0.0f, 900.0f, 0.0f}, 28800.0f);
    const float night = static_cast<float>(m_night);
    m_terrain.setGlow(kStreetLightGlow * night);  // the town's street lights and the works' floodlights
    m_terrain.draw(r, cam, in.aspect);

    // Static plant; at night the window bands glow (warm sodium) and the tanks keep a faint rim light.
    for (eng::Instance& w : m_windows) w.emissive = glm::vec4(glm::vec3(2.4f, 1.6f, 0.7f) * night, 0);
    // Town: lit windows and street lamps (some blocks brighter than others).
    m_town.setNight(night);
    m_town.draw(r, cam.position());
    r.drawInstanced(m_box, m_buildings);
    r.drawInstanced(m_box, m_windows, {.castShadow = false});
    r.drawInstanced(m_cyl, m_tanks);
    r.drawInstanced(m_cone, m_heaps);
    r.draw(m_routes, glm::mat4(1.0f), glm::vec4(1), glm::vec3(0), {.castShadow = false});

    // Flows: dashes along each route; emissive so they read at night (and a little by day).
    m_dashes.clear();
    m_puffs.clear();
    const glm::vec3 eye = cam.position();
    // Metres per screen pixel at one metre's distance, times the minimum width: kMinFlowPx window pixels, and two of
    // the scene target's (on low it has half the window's rows: a thinner dash would flicker in and out).
    const float winRows = std::max(1.0f, static_cast<float>(r.framebufferSize().y));
    const float targetRows = std::max(1.0f, winRows * r.quality().renderScale);
    const float minWidthPerM = 2.0f * std::tan(glm::radians(0.5f * cam.pose().fovDeg)) * std::max(kMinFlowPx / winRows, 2.0f / targetRows);
    for (const Flow& f : m_flows) {
        if (f.look.width <= 0.0f) continue;
        const glm::vec3 glow = f.def->color * (1.5f + 0.6f * night);  // reads as its colour in sun and dark alike
        const float period = kDash + kDashGap;
        if (f.def->kind == FlowKind::ToAir) {
            // A rising column of puffs over the stack: width by rate, speed by rate.
            const glm::vec3 top = f.path.pts[0];
            for (float d = f.phase * 0.5f; d < f.path.length(); d += period * 0.8f) {
                const float k = d / f.path.length();
                const float w = f.look.width * (1.0f + 2.0f * k);
                glm::mat4 m = glm::translate(glm::mat4(1.0f), top + glm::vec3(0.35f * d, d, 0.12f * d));
                m_puffs.push_back({glm::scale(m, {w, kDash * 0.45f, w}), glm::vec4(f.def->color * 0.3f, 1), glm::vec4(glow * (1.0f - k), 0)});
            }
            continue;
        }
        for (float d = f.phase; d + 1.0f < f.path.length(); d += period) {
            const float a = d, b = std::min(d + kDash, f.path.length());
            glm::vec3 dir;
            const glm::vec3 pa = f.path.at(a, &dir), pb = f.path.at(b, nullptr);
            const glm::vec3 seg = pb - pa;
            const float len = glm::length(seg);
            if (len < 1.0f) continue;
            // A flat plate at the top of where the old 7 m box stood: from above its sides never showed.
            glm::mat4 m = glm::translate(glm::mat4(1.0f), (pa + pb) * 0.5f + glm::vec3(0, kDashHeight, 0));
            m = glm::rotate(m, std::atan2(seg.x, seg.z), {0, 1, 0});
            m = glm::rotate(m, -std::asin(std::clamp(seg.y / len, -1.0f, 1.0f)), {1, 0, 0});
            // A map symbol: its width (in metres at the start view's distance) shrinks as the eye comes closer, so a
            // close-up shows the plant, not 110 m bands; and at least kMinFlowPx on screen, so the small flows
            // (catalyst, hydrogen) stay visible at full-map scale.
            const float dist = glm::length(m[3] - glm::vec4(eye, 1.0f));
            const float w = std::max(f.look.width * symbolScale(dist), dist * minWidthPerM);
            m_dashes.push_back({glm::scale(m, {w, 1.0f, len}), glm::vec4(f.def->color * 0.15f, 1), glm::vec4(glow, 0)});
        }
    }
    r.drawInstanced(m_plate, m_dashes, {.castShadow = false});
    r.drawInstanced(m_box, m_puffs, {.castShadow = false});

    // Gauges: a column whose lit lower part is the buffer's fill; grey when the metric is missing.
    m_gaugeParts.clear();
    for (const Gauge& g : m_gauges) {
        const float f = g.reading.hasFill ? g.reading.fill : 0.0f;
        const glm::vec3 c = g.reading.hasFill ? ov::gaugeColor(f) : glm::vec3(0.4f);
        const float hFill = std::max(2.0f, kGaugeHeight * f), hEmpty = kGaugeHeight - hFill;
        // A map symbol like the flows: full size at the start view, smaller beside the plants in a close-up.
        const glm::mat4 base = glm::scale(glm::translate(glm::mat4(1.0f), g.base), glm::vec3(symbolScale(glm::length(g.base - eye))));
        m_gaugeParts.push_back({glm::scale(base, {kGaugeRadius, hFill, kGaugeRadius}), glm::vec4(c, 1), glm::vec4(c * (0.6f + 1.2f * night), 0)});
        if (hEmpty > 0.5f)
            m_gaugeParts.push_back({glm::scale(glm::translate(base, {0, hFill, 0}), {kGaugeRadius * 0.98f, hEmpty, kGaugeRadius * 0.98f}),
                                    glm::vec4(0.10f, 0.10f, 0.11f, 1), glm::vec4(glm::vec3(0.05f) * night, 0)});
        // A cap ring so the column's top reads against the ground.
        m_gaugeParts.push_back({glm::scale(glm::translate(base, {0, kGaugeHeight, 0}), {kGaugeRadius * 1.15f, 6.0f, kGaugeRadius * 1.15f}),
                                glm::vec4(0.8f, 0.8f, 0.8f, 1), glm::vec4(glm::vec3(0.5f) * night, 0)});
    }
    r.drawInstanced(m_cyl, m_gaugeParts, {.castShadow = false});

    // Highlights: a flat ring around each site in alarm (red/amber) or lit by the ripple (amber, pulsing), a red one
    // around a unit's own fault.
    m_rings.clear();
    const float pulse = 0.6f + 0.4f * std::sin(m_time * 4.0f);
    auto ring = [&](const std::string& key, glm::vec3 color, float scale) {
        const Site* st = findSite(key);
        if (!st) return;
        const float rad = st->radius * scale;
        const glm::mat4 m = glm::translate(glm::mat4(1.0f), st->anchor + glm::vec3(0, 3.0f, 0));
        m_rings.push_back({glm::scale(m, {rad, 60.0f, rad}), glm::vec4(color * 0.3f, 1), glm::vec4(color * (1.2f + 1.3f * night) * pulse, 0)});
    };
    for (std::size_t i = 0; i < m_ripple.units().size(); ++i) {
        if (i < m_faulted.size() && m_faulted[i]) ring(m_ripple.units()[i].key, {1.0f, 0.08f, 0.05f}, 1.0f);
        else if (m_ripple.lit(i)) ring(m_ripple.units()[i].key, {1.0f, 0.6f, 0.08f}, 1.0f);
    }
    for (const AlarmMark& a : m_alarms) ring(a.site, ov::alarmColor(a.priority), 1.15f);
    r.drawInstanced(m_ring, m_rings, {.castShadow = false, .receiveShadow = false});

    // Night lights: lamps over the plant sites (small bright boxes).
    m_lamps.clear();
    if (night > 0.01f) {
        for (const Site& st : m_sites) {
            if (st.key == "town" || st.key == "pit" || st.key == "prmits" || st.key == "gas_field" || st.key == "rail" || st.key == "tailings") continue;
            for (int k = 0; k < 6; ++k) {
                const float a = 6.2832f * (k / 6.0f + 0.1f * hash(k, static_cast<int>(st.key.size()), 5));
                const glm::vec2 en = glm::vec2(st.anchor.x, -st.anchor.z) + glm::vec2(std::cos(a), std::sin(a)) * st.radius * 0.8f;
                m_lamps.push_back({glm::scale(glm::translate(glm::mat4(1.0f), ground(en, 25.0f)), {14.0f, 14.0f, 14.0f}),
                                   glm::vec4(1), glm::vec4(glm::vec3(3.0f, 2.4f, 1.5f) * night, 0)});
            }
        }
        r.drawInstanced(m_box, m_lamps, {.castShadow = false});
    }

    // Labels: every site, every gauge (level, fill, hours of cover), the ripple's order, decluttered.
    m_wishes.clear();
    std::vector<int> order(m_ripple.units().size(), 0);
    {
        const auto lit = m_ripple.litOrder();
        for (std::size_t k = 0; k < lit.size(); ++k) order[lit[k]] = static_cast<int>(k) + 1;
    }
    for (const Site& st : m_sites) {
        // Two tiers: from afar (the start view) the works cluster's smaller units keep quiet unless something is
        // wrong there, and long names shorten, so the main plants and the gauges' readings stay in the open.
        const bool far = glm::length(cam.position() - st.anchor) > kLabelTierM;
        std::string title = eng::trp(far && !st.shortTitle.empty() ? st.shortTitle.c_str() : st.title.c_str());
        if (st.key == "prmits") {
            char buf[160];
            std::snprintf(buf, sizeof buf, title.c_str(), static_cast<double>(site::kPrmitsKm));
            title = buf;
        }
        std::string text = title;
        glm::vec4 color(1.0f, 0.93f, 0.80f, 1.0f);
        int priority = st.key == "town" || st.key == "pit" ? 4 : 3;
        for (std::size_t i = 0; i < m_ripple.units().size(); ++i) {
            if (st.key != m_ripple.units()[i].key) continue;
            char buf[96];
            if (i < m_faulted.size() && m_faulted[i]) {
                text = eng::trp("FAULT  ") + text;
                color = {1.0f, 0.35f, 0.3f, 1};
                priority = 8;
            } else if (order[i] > 0) {
                eng::localSnprintf(buf, sizeof buf, eng::trp("%d. %s  %+.0f %%"), order[i], title.c_str(), 100.0 * m_ripple.deviation(i));
                text = buf;
                color = {1.0f, 0.72f, 0.25f, 1};
                priority = 7;
            }
        }
        for (const AlarmMark& a : m_alarms)
            if (a.site == st.key) {
                const glm::vec3 c = ov::alarmColor(a.priority);
                color = glm::vec4(c, 1);
                priority = std::max(priority, 9 - a.priority);
                if (text.rfind(eng::trp("ALARM  "), 0) != 0) text = eng::trp("ALARM  ") + text;
            }
        if (st.key == m_selected) priority = 10;
        if (st.minor && far && priority <= 3) continue;
        m_wishes.push_back({.label = {.position = st.anchor + glm::vec3(0, st.labelHeight, 0), .text = text, .color = color,
                                      .fadeStart = 40000, .fadeEnd = 60000},
                            .priority = priority, .stack = true});
    }
    for (const Gauge& g : m_gauges)
        m_wishes.push_back({.label = {.position = g.base + glm::vec3(0, (kGaugeHeight + 20.0f) * symbolScale(glm::length(g.base - cam.position())), 0),
                                      .text = ov::gaugeLabel(*g.def, g.reading),
                                      .color = {0.80f, 0.92f, 1.0f, 1}, .fadeStart = 14000, .fadeEnd = 22000},
                            .priority = 2});
    const glm::vec2 viewport(r.framebufferSize());
    const float fontPx = ImGui::GetCurrentContext() ? ImGui::GetFontSize() * ImGui::GetIO().FontGlobalScale : 13.0f;
    for (int i : declutterLabels(m_wishes, r.viewProj(), viewport, cam.position(), fontPx))
        r.labels().add(m_wishes[static_cast<std::size_t>(i)].label);
}

// [SECTION] Camera, picking, UI

std::vector<eng::CameraPreset> OverviewScene::cameraPresets() const {
    return {
        {"Whole complex", {.target = {-2300.0f, 480.0f, -2900.0f}, .yawDeg = 58.0f, .pitchDeg = 62.0f, .distance = 8600.0f, .fovDeg = 45.0f}},
        {"Concentrators and tailings", {.target = {-2700.0f, 480.0f, -6000.0f}, .yawDeg = 20.0f, .pitchDeg = 40.0f, .distance = 4200.0f, .fovDeg = 45.0f}},
        {"Smelter, slag and hydrogen", {.target = {-2600.0f, 480.0f, -4300.0f}, .yawDeg = -30.0f, .pitchDeg = 42.0f, .distance = 3000.0f, .fovDeg = 45.0f}},
        {"Pit, crusher and rail", {.target = {-1000.0f, 600.0f, -1600.0f}, .yawDeg = -35.0f, .pitchDeg = 40.0f, .distance = 6000.0f, .fovDeg = 45.0f}},
        {"Pipeline north to PRMiTS", {.target = {-1800.0f, 480.0f, -8000.0f}, .yawDeg = 10.0f, .pitchDeg = 30.0f, .distance = 9000.0f, .fovDeg = 45.0f}},
    };
}

std::vector<eng::CameraPose> OverviewScene::benchPath() const {
    // The map as a visitor uses it: the whole complex, a slow swing either side, and back.
    const eng::CameraPose p = cameraPresets().front().pose;
    std::vector<eng::CameraPose> out;
    for (float dy : {0.0f, 12.0f, 0.0f, -12.0f, 0.0f}) {
        eng::CameraPose k = p;
        k.yawDeg += dy;
        k.distance *= dy == 0.0f ? 1.0f : 0.92f;
        out.push_back(k);
    }
    return out;
}

std::string OverviewScene::siteAt(const eng::Ray& ray) const {
    std::string best;
    float bestT = 1e30f;
    for (const Site& s : m_sites) {
        // A sphere around the site's centre, raised by half its label height: clicks on its buildings and label.
        const glm::vec3 c = s.anchor + glm::vec3(0, 0.3f * s.labelHeight, 0);
        const float rad = std::max(s.radius, 120.0f);
        const glm::vec3 oc = ray.origin - c;
        const float b = glm::dot(oc, ray.dir), cc = glm::dot(oc, oc) - rad * rad, disc = b * b - cc;
        if (disc < 0.0f) continue;
        const float t = -b - std::sqrt(disc);
        // Small sites win over the big ones they sit in (the crusher on the pit's rim): weigh by radius.
        const float score = std::max(t, 0.0f) + 4.0f * rad;
        if (score < bestT) {
            bestT = score;
            best = s.key;
        }
    }
    return best;
}

bool OverviewScene::pick(const eng::Ray& ray, const FrameInput& in, std::string* what) {
    (void)in;
    const std::string key = siteAt(ray);
    if (key.empty()) return false;
    const Site* s = findSite(key);
    m_selected = key;
    if (const auto t = ov::sceneForSite(key)) m_request = SceneRequest{t->scene, t->action};
    if (what) *what = s->title;
    return true;
}

std::optional<SceneRequest> OverviewScene::takeSceneRequest() {
    auto r = std::move(m_request);
    m_request.reset();
    return r;
}

std::vector<std::string> OverviewScene::objectKeys(const sim::State& s) const {
    (void)s;
    std::vector<std::string> out;
    for (const Site& st : m_sites) out.push_back(st.key);
    return out;
}

bool OverviewScene::select(std::string_view key, const sim::State& s, std::string* why) {
    if (key.empty()) {
        m_selected.clear();
        return true;
    }
    for (const Site& st : m_sites)
        if (st.key == key) {
            m_selected = st.key;
            return true;
        }
    return Scene::select(key, s, why);
}

void OverviewScene::drawUi(const FrameInput& in) {
    (void)in;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Below the app's menu bar: WorkPos is not yet reduced by it when the scene's panel is laid out first (a shot's
    // first frame), so the bar's height is added explicitly.
    eng::setNextWindowPos("The chain", vp->Pos.x + 12.0f, vp->Pos.y + ImGui::GetFrameHeight() + 12.0f, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.82f);
    if (!ImGui::Begin(eng::tr("The chain"), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("%s", eng::tr("Click a site to fly into it; Home comes back here."));
    if (ImGui::BeginTable("flows", 2, ImGuiTableFlags_SizingFixedFit)) {
        eng::ReadingTable t(2);  // Arabic reads the row from the right
        for (const Flow& f : m_flows) {
            t.nextRow();
            t.nextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(f.def->color.r, f.def->color.g, f.def->color.b, 1.0f));
            t.cell(eng::tr(f.def->title));
            ImGui::PopStyleColor();
            t.nextColumn();
            if (std::isfinite(f.rate)) t.cell((overview::formatRate(f.rate) + " " + eng::unitSymbol(f.def->unit)).c_str());
            else ImGui::TextDisabled("%s", eng::tr("no data"));
        }
        ImGui::EndTable();
    }
    const auto lit = m_ripple.litOrder();
    if (!lit.empty()) {
        ImGui::Separator();
        ImGui::TextColored(ImVec4(1.0f, 0.72f, 0.25f, 1.0f), "%s", eng::tr("Away from their usual rate, in the order they changed:"));
        for (std::size_t k = 0; k < lit.size(); ++k)
            ImGui::TextUnformatted(eng::formatf(eng::tr("%zu. %s  %+.0f %%"), k + 1, eng::tr(m_ripple.units()[lit[k]].title), 100.0 * m_ripple.deviation(lit[k])).c_str());
    }
    ImGui::End();
}

}  // namespace scenes
