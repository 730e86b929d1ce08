#include "scenes/hydrogen/hydrogen_scene.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include <glm/gtc/matrix_transform.hpp>

#include "engine/i18n.h"
#include "engine/procedural.h"
#include "sim/catalyst.h"
#include "sim/solar.h"
#include "engine/noise.h"
#include "scenes/site.h"
#include "sim/world.h"
#include "engine/locale_format.h"

namespace scenes {

using namespace h2;

// [SECTION] Layout of the plant (scene frame, metres; the field's anchor is the origin and the field lies west of it)

namespace {

const glm::vec3 kPlant(34.0f, 0.0f, -12.0f);       // separator skid: gas plant east of the field
const glm::vec3 kTankYard(66.0f, 0.0f, -12.0f);
const glm::vec3 kReformer(150.0f, 0.0f, 40.0f);    // the reformer beside the panels, south-east
const glm::vec3 kConsumer(430.0f, 0.0f, -260.0f);  // W/Mo oxide reduction furnaces (almalyk.md §5), pipeline's end
const glm::vec3 kCaptureColumnTop(42.0f, 28.0f, -6.0f);  // the CO2 absorber's top, from the reformer's origin
// Gravel pads under the gas plant and the reformer (centre offset from their origin, size on the ground, m).
const glm::vec3 kPlantPadOffset(28.0f, 0.0f, 0.0f), kReformerPadOffset(18.0f, 0.0f, 0.0f);
const glm::vec2 kPlantPadSize(80.0f, 40.0f), kReformerPadSize(70.0f, 44.0f);
constexpr float kHeaderHeight = 0.9f;               // m, collection pipes on low sleepers
// m: enlarged (real bubbles in a 0.1 mm film are sub-mm) to be seen: ~14 px across in the close-up preset at
// 1920x1080 (50 m away through a 10° lens: ~125 px per metre), each with two smaller ones trailing it.
constexpr float kBubbleSize = 0.11f;
constexpr float kNearRowDistance = 60.0f;           // m from the eye: rows nearer are drawn tray by tray
constexpr float kGroundSize = 1800.0f;              // m: the site's own steppe; the backdrop ring continues beyond
// The site in the landscape frame (m east/north of the Kalmakyr pit): on the valley floor east of the smelter, whose
// slag feeds the catalyst line (layout illustrative).
constexpr float kSiteEast = site::kHydrogenField.x, kSiteNorth = site::kHydrogenField.y;
constexpr float kBubbleRadius = 22.0f;              // m around the camera target where bubbles are drawn
constexpr int kMaxBubbles = 6000;

glm::mat4 place(glm::vec3 p, glm::vec3 scale, float yawDeg = 0.0f) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), p);
    m = glm::rotate(m, glm::radians(yawDeg), glm::vec3(0, 1, 0));
    return glm::scale(m, scale);
}

// A unit cylinder (radius 1, height 1 along +y, base at 0) stretched from a to b.
glm::mat4 pipe(glm::vec3 a, glm::vec3 b, float radius) {
    const glm::vec3 d = b - a;
    const float len = glm::length(d);
    if (len < 1e-4f) return glm::scale(glm::translate(glm::mat4(1.0f), a), glm::vec3(0.0f));
    const glm::vec3 y = d / len;
    const glm::vec3 ref = std::abs(y.y) > 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    const glm::vec3 x = glm::normalize(glm::cross(ref, y)), z = glm::cross(x, y);
    glm::mat4 m(1.0f);
    m[0] = glm::vec4(x * radius, 0);
    m[1] = glm::vec4(y * len, 0);
    m[2] = glm::vec4(z * radius, 0);
    m[3] = glm::vec4(a, 1);
    return m;
}

float hash01(std::uint32_t a, std::uint32_t b) { return eng::noise::hash16(static_cast<int>(a), static_cast<int>(b)); }

// One tray seen from above: an anodised frame around 4 x 8 sheets of slag-derived photocatalyst (dark iron-oxide
// composite, cf. hydrogen.md §3 CuFe2O4/Fe3O4) under glass.
std::vector<std::uint8_t> moduleTexture(int w, int h) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 4);
    for (int j = 0; j < h; ++j)
        for (int i = 0; i < w; ++i) {
            const int fx = i % (w / 4), fy = j % (h / 8);
            const bool frame = i < 2 || i >= w - 2 || j < 2 || j >= h - 2;
            const bool gap = fx == 0 || fy == 0;
            const float n = hash01(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
            glm::vec3 c = glm::vec3(0.30f, 0.17f, 0.12f) * (0.9f + 0.2f * n);  // sheet
            if (gap) c = glm::vec3(0.55f, 0.56f, 0.58f);
            if (frame) c = glm::vec3(0.78f, 0.79f, 0.8f);
            std::uint8_t* p = &px[(static_cast<std::size_t>(j) * w + i) * 4];
            p[0] = static_cast<std::uint8_t>(c.r * 255.0f);
            p[1] = static_cast<std::uint8_t>(c.g * 255.0f);
            p[2] = static_cast<std::uint8_t>(c.b * 255.0f);
            p[3] = 255;
        }
    return px;
}

// The plant's gravel pads (centre and size on the ground, scene x/z): painted into the steppe's texture, so their
// edges are filtered like the ground around them (a pad drawn as its own quad had stair-stepped outlines without
// multisampling on the low preset).
struct Pad { glm::vec2 centre, size; };
constexpr int kGroundTex = 1024;  // texels per side of the steppe (~1.8 m each)
const glm::vec3 kGravel(0.47f, 0.45f, 0.41f);  // crushed-rock pad, sRGB (a shade greyer than the steppe)

// Dry steppe, mottled at 60 m and 8 m, with worn tracks' grain (the same palette as the backdrop beyond), and the
// gravel pads with a ~2 m ragged spill of gravel at their edges.
std::vector<std::uint8_t> paintSteppe(const SiteBackdrop& backdrop, const std::vector<Pad>& pads) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(kGroundTex) * kGroundTex * 4);
    for (int j = 0; j < kGroundTex; ++j)
        for (int i = 0; i < kGroundTex; ++i) {
            const glm::vec2 p = (glm::vec2(static_cast<float>(i), static_cast<float>(j)) + 0.5f) / float(kGroundTex) * kGroundSize;
            const float big = siteNoise(p, 60.0f, 3), mid = siteNoise(p, 8.0f, 4), fine = siteHash(i, j);
            glm::vec3 c = glm::mix(glm::vec3(0.5f, 0.4f, 0.27f), glm::vec3(0.62f, 0.53f, 0.38f), big);
            c = glm::mix(c, glm::vec3(0.42f, 0.45f, 0.26f), 0.25f * glm::smoothstep(0.6f, 0.85f, mid));  // sparse green
            c *= 0.88f + 0.14f * mid + 0.06f * fine;
            // Toward the edge the steppe becomes the valley floor the backdrop continues: no seam.
            const glm::vec2 q = p - 0.5f * kGroundSize;
            const float edge = glm::smoothstep(0.72f, 0.98f, std::max(std::abs(q.x), std::abs(q.y)) / (0.5f * kGroundSize));
            c = glm::mix(c, backdrop.floorColour(q.x, q.y), edge);
            for (const Pad& pad : pads) {
                const glm::vec2 d = glm::abs(q - pad.centre) - 0.5f * pad.size;  // > 0 outside, per axis
                const float outside = std::max(d.x, d.y) + 1.2f * (siteNoise(q, 2.5f, 9) - 0.5f);
                const float cover = 1.0f - glm::smoothstep(-1.0f, 1.5f, outside);
                if (cover > 0.0f) c = glm::mix(c, kGravel * (0.9f + 0.12f * mid + 0.1f * fine), cover);
            }
            std::uint8_t* o = &px[(static_cast<std::size_t>(j) * kGroundTex + i) * 4];
            for (int k = 0; k < 3; ++k) o[k] = static_cast<std::uint8_t>(std::clamp(c[k], 0.0f, 1.0f) * 255.0f);
            o[3] = 255;
        }
    return px;
}

// The reformer's flue outlet in its model frame: the centre of the vertices at the model's highest point (the stack's
// top ring). A part's bounding box would not do: a glTF part is a material's worth of pieces, and the stack shares
// its steel with the convection section and the legs.
glm::vec3 flueOutlet(const eng::MeshData& m) {
    float top = -1e9f;
    for (const eng::SubMesh& p : m.parts)
        for (const eng::Vertex& v : p.vertices) top = std::max(top, v.position.y);
    glm::vec3 sum(0.0f);
    int n = 0;
    for (const eng::SubMesh& p : m.parts)
        for (const eng::Vertex& v : p.vertices)
            if (v.position.y > top - 0.05f) { sum += v.position; ++n; }
    return n > 0 ? sum / static_cast<float>(n) : glm::vec3(0.0f);
}

// printf-style text of one number, as long as it needs to be (the panel-field tooltip is ~150 characters).
std::string fmt(const char* f, double v) { return eng::formatf(f, v); }  // in the language's number format

}  // namespace

// [SECTION] Load

bool HydrogenScene::load(const SceneContext& ctx, std::string* why) {
    (void)why;
    eng::Renderer& r = ctx.renderer;
    m_r = &r;
    m_lib = &ctx.models;

    // Trays: a 12-triangle box; rows: one box of 50 trays whose texture repeats per tray (uv.x spans 50).
    eng::Material glass{.name = "glass", .baseColor = {1, 1, 1, 1}, .roughness = 0.18f, .metallic = 0.0f};
    const std::vector<std::uint8_t> tex = moduleTexture(64, 128);
    const eng::TextureId t = r.createTexture({.width = 64, .height = 128, .rgba = tex.data(), .repeat = true,
                                              .label = "panel tray"});
    // Near trays are the manifest's panel_module (a user's replacement shows there); the far rows below are its
    // textured stand-in, one box per row of trays.
    m_module = r.createMesh(m_lib->get("panel_module"), "panel_module");
    eng::MeshData row = eng::makeBox({kModulesPerRow * (kModuleWidth + kModuleGap), kModuleThickness, kModuleLength}, glass);
    for (eng::Vertex& v : row.parts[0].vertices) v.uv.x *= static_cast<float>(kModulesPerRow);
    m_row = r.createMesh(row, "panel row");
    r.setMeshTexture(m_row, t);

    m_bubble = r.createMesh(eng::makeSphere(0.5f, 6, {.name = "", .baseColor = {0.85f, 0.95f, 1.0f, 1}, .roughness = 0.2f}), "bubble");
    m_cloudTex = {};
    m_cloudBaked = -1;
    m_pipe = r.createMesh(eng::makeCylinder(1.0f, 1.0f, 8, {.name = "", .baseColor = {1, 1, 1, 1}, .roughness = 0.5f, .metallic = 0.3f}), "pipe");
    m_vessel = r.createMesh(eng::makeCylinder(1.0f, 1.0f, 16, {.name = "", .baseColor = {1, 1, 1, 1}, .roughness = 0.45f, .metallic = 0.2f}), "vessel");
    m_box = r.createMesh(eng::makeBox({1, 1, 1}, {.name = "", .baseColor = {1, 1, 1, 1}, .roughness = 0.8f}), "box");
    m_backdrop.build(r, {.siteEast = kSiteEast, .siteNorth = kSiteNorth, .flatRadius = 0.5f * kGroundSize});
    m_ground = r.createMesh(eng::makeGrid(kGroundSize, 30, {.name = "", .baseColor = {1, 1, 1, 1}, .roughness = 1.0f}), "steppe");
    m_groundTex = {};
    m_paintedField = glm::vec4(0.0f);
    // Tray supports: a thin box (a 3 cm post reads the same as a cylinder at a third of the triangles).
    m_post = r.createMesh(eng::makeBox({2.0f, 1.0f, 2.0f}, {.name = "", .baseColor = {1, 1, 1, 1}, .roughness = 0.5f, .metallic = 0.3f}), "tray post");

    auto model = [&](const char* role) { return r.createMesh(m_lib->get(role), role); };
    m_separator = model("separator");
    m_compressor = model("compressor");
    m_tank = model("h2_tank");
    m_reformer = model("reformer");
    m_stackTop = flueOutlet(m_lib->get("reformer"));

    eng::ParticleSystem& ps = r.particles();
    // The flue gas leaves the outlet as a dense column (short-lived puffs that reach full opacity within ~2 m: a
    // particle fades in over its first eighth of life) and drifts off as the long plume above it.
    m_flue = ps.addEmitter({.kind = eng::ParticleKind::Smoke, .position = kReformer + m_stackTop + glm::vec3(0, 2.5f, 0),
                            .velocity = {0, 5, 0}, .spread = 0.3f, .radius = 0.8f, .rate = 0.0f, .lifetime = 25.0f,
                            .size = 3.0f, .color = {0.55f, 0.55f, 0.56f, 0.55f}});
    m_flueExit = ps.addEmitter({.kind = eng::ParticleKind::Smoke, .position = kReformer + m_stackTop - glm::vec3(0, 0.3f, 0),
                                .velocity = {0, 3, 0}, .spread = 0.15f, .radius = 0.3f, .rate = 0.0f, .lifetime = 2.5f,
                                .size = 1.8f, .color = {0.6f, 0.6f, 0.61f, 0.7f}});
    m_ventPlume = ps.addEmitter({.kind = eng::ParticleKind::Steam, .position = kPlant + glm::vec3(8, 9, 6),
                                 .velocity = {0, 2, 0}, .radius = 0.2f, .rate = 0.0f, .lifetime = 6.0f, .size = 0.8f});
    // Captured CO2 released from the top of the absorber column while its injection is faulted (or the store full).
    m_co2Vent = ps.addEmitter({.kind = eng::ParticleKind::Smoke, .position = kReformer + kCaptureColumnTop,
                               .velocity = {0, 4, 0}, .spread = 0.4f, .radius = 0.5f, .rate = 0.0f, .lifetime = 18.0f,
                               .size = 2.5f, .color = {0.75f, 0.75f, 0.78f, 0.5f}});
    return true;
}

// [SECTION] Update: copy what we draw from the simulation

double HydrogenScene::param(const char* name, double fallback) const {
    return m_state && m_state->params.has(name) ? m_state->params.get(name) : fallback;
}

void HydrogenScene::update(const FrameInput& in) {
    const CallState scope(m_state, in.state);
    m_now = in.now;
    m_anim += in.dtReal;
    m_sunDir = in.sunDir;
    if (!m_state) {
        m_layout = makeFieldLayout(2000.0, 30.0, 180.0, 0.5);
        m_clouds.update(0.0, 0.0);
        return;
    }
    const sim::State& s = (*m_state);
    m_cloud = s.weather.cloud_cover;
    // The simulation's own sun at the displayed instant (the same functions and site the panels use).
    const sim::SunState sun = m_state->sky.sunAt(in.now, m_cloud);
    m_sunDir = sunDirection(sun.azimuth_deg, sun.elevation_deg);
    m_elevation = sun.elevation_deg;
    m_azimuth = sun.azimuth_deg;
    m_ghi = sun.ghi_w_m2;
    m_poa = sun.poa_w_m2;

    m_area = s.h2.panel_area_m2;
    m_builtArea = s.h2.built_area_m2;
    m_sth = s.h2.sth_effective_percent;
    m_h2kgh = s.h2.h2_kg_h;
    const h2::SupplyNow supply = h2::readSupply(s);
    m_recoveredKgh = supply.panels_kg_h;
    m_recoveredText = h2::panelsRateText(supply);  // the panel's figure, written once
    m_storageKg = s.h2.storage_kg;
    m_storageFill = s.h2.storage_fill;
    m_storageCap = param("h2.storage_capacity_kg", 100.0);
    m_demandKgh = s.h2.demand_kg_h;
    m_separatorOk = s.h2.separator_ok;
    m_smrKgh = s.smr.h2_kg_h;
    m_smrCo2Kgh = s.smr.co2_kg_h;
    m_smrTripped = s.smr.tripped;
    m_injectionOk = s.gas.injection_ok;
    m_co2VentedTh = s.gas.co2_vented_t_h;
    m_smrCapture = param("smr.capture_fraction", 0.0);
    m_smrCapacity = param("smr.capacity_kg_h", 0.0);
    m_layout = makeFieldLayout(m_area, param("h2.tilt_deg", 30.0), param("h2.azimuth_deg", 180.0),
                               param("econ.ground_cover_ratio", 0.5));
    m_cloudSeconds = sim::toSeconds(in.now - s.time) + sim::toSeconds(s.time % (400 * sim::kDay));
    m_clouds.update(m_cloud, m_cloudSeconds);

    observe(s);

    // Plumes follow the live rates: the flue's CO2 (emitted, after capture) and the separator's vent.
    if (m_r) {
        eng::ParticleSystem& ps = m_r->particles();
        ps.emitter(m_flue).rate = static_cast<float>(std::clamp(m_smrCo2Kgh * 0.4, 0.0, 40.0));
        ps.emitter(m_flue).size = 2.0f + static_cast<float>(std::min(m_smrKgh, 50.0) * 0.08);
        ps.emitter(m_flueExit).rate = m_smrCo2Kgh > 0.0 ? 6.0f : 0.0f;
        ps.emitter(m_ventPlume).rate = (!m_separatorOk && m_h2kgh > 0.0) ? 6.0f : 0.0f;
        // Captured CO2 vented: the flue's 0.4 puffs/s per kg/h, so the same CO2 reads as the same plume (a 5 kg H2/h
        // reformer capturing 90 % vents ~45 kg/h in an injection trip: 18 puffs/s, the grey flue's ~20).
        ps.emitter(m_co2Vent).rate = static_cast<float>(std::clamp(m_co2VentedTh * 1000.0 * 0.4, 0.0, 40.0));
        // The first frame (and every shot) starts with the plumes developed, not from an empty sky.
        if (m_firstUpdate)
            for (int i = 0; i < 500; ++i) ps.update(1.0f / 20.0f);
        m_firstUpdate = false;
    }
}

void HydrogenScene::observe(const sim::State& s) {
    m_plots.sample(s, s.time);
    m_totals.sample(s, s.time);
}

int HydrogenScene::bubblesPerModule(double g_h_m2) {
    // 1 bubble per tray per 0.075 g/h/m²: the 0.76 % field at noon (~0.23 g/h/m²) shows a few per tray, 10 % dozens.
    if (!(g_h_m2 > 0.0)) return 0;
    return std::min(60, static_cast<int>(std::lround(g_h_m2 * kModuleArea / 0.15)));
}

// [SECTION] Draw

void HydrogenScene::drawField(eng::Renderer& r, const eng::OrbitCamera& cam, float aspect) {
    const FieldLayout& f = m_layout;
    const glm::vec3 eye = cam.position();
    // A cone around the view direction (half-angle of the frustum's diagonal): rows and trays outside it are not
    // drawn (the shadow proxies still are, so the cached shadow map never changes with the camera).
    const glm::vec3 fwd = cam.forward();
    const float tanDiag = std::tan(glm::radians(0.5f * cam.pose().fovDeg)) * std::sqrt(1.0f + aspect * aspect);
    auto inView = [&](glm::vec3 c, float radius) {
        const glm::vec3 d = c - eye;
        const float along = glm::dot(d, fwd);
        if (along < -radius) return false;
        return glm::length(d - fwd * along) <= std::max(along, 0.0f) * tanDiag + radius * 1.5f;
    };
    const bool night = m_sunDir.y < 0.0f;
    std::vector<eng::Instance> rows, trays, shadowRows, bubbles, posts;
    rows.reserve(static_cast<std::size_t>(f.rows));
    shadowRows.reserve(static_cast<std::size_t>(f.rows));
    const float meanShade = static_cast<float>(1.0 - 0.65 * m_clouds.cover());
    const double g_h_m2 = m_area > 0.0 ? m_h2kgh * 1000.0 / m_area : 0.0;
    const glm::vec3 target = cam.pose().target;
    const bool closeUp = cam.pose().distance < 140.0f;
    for (int row = 0; row < f.rows; ++row) {
        const int n = f.rowModules(row);
        const glm::vec3 c = f.rowCentre(row);
        const float tint = 0.9f + 0.15f * hash01(static_cast<std::uint32_t>(row), 7u);
        const glm::vec4 col(tint, tint, tint, 1.0f);
        const float dist = std::max(glm::length(eye - c) - 0.5f * f.rowLength(), 0.0f);
        if (n == kModulesPerRow) shadowRows.push_back({f.rowMatrix(row), col, glm::vec4(0)});
        if (!inView(c, 0.5f * f.rowLength() + 2.0f)) {
            if (n < kModulesPerRow)
                for (int k = 0; k < n; ++k) shadowRows.push_back({f.moduleMatrix(row * kModulesPerRow + k), col, glm::vec4(0)});
            continue;
        }
        if (n == kModulesPerRow && dist > kNearRowDistance) {
            rows.push_back({f.rowMatrix(row), col, glm::vec4(0)});
            continue;
        }
        for (int k = 0; k < n; ++k) {
            const int i = row * kModulesPerRow + k;
            const glm::mat4 m = f.moduleMatrix(i);
            if (n < kModulesPerRow) shadowRows.push_back({m, col, glm::vec4(0)});
            if (!inView(f.moduleCentre(i), 1.5f)) continue;
            trays.push_back({m, col, glm::vec4(0)});
            // Supports under near trays: a post at each low and high corner pair, every second tray.
            if (k % 2 == 0) {
                const glm::vec3 lo = glm::vec3(m * glm::vec4(0, 0, 0.45f * kModuleLength, 1));
                const glm::vec3 hi = glm::vec3(m * glm::vec4(0, 0, -0.45f * kModuleLength, 1));
                posts.push_back({place({lo.x, 0, lo.z}, {0.03f, lo.y, 0.03f}), glm::vec4(0.6f, 0.6f, 0.62f, 1), glm::vec4(0)});
                posts.push_back({place({hi.x, 0, hi.z}, {0.03f, hi.y, 0.03f}), glm::vec4(0.6f, 0.6f, 0.62f, 1), glm::vec4(0)});
            }
            // Bubbles of H2/O2 rising up the tray in the water film, as many as the local rate allows.
            if (!closeUp || night || static_cast<int>(bubbles.size()) >= kMaxBubbles) continue;
            const glm::vec3 mc = f.moduleCentre(i);
            if (glm::length(glm::vec2(mc.x - target.x, mc.z - target.z)) > kBubbleRadius) continue;
            const float local = m_clouds.shade({mc.x, mc.z}, m_sunDir) > 0.5f ? 0.35f : 1.0f;
            const int nb = bubblesPerModule(g_h_m2 * local / std::max(meanShade, 0.35f));
            for (int b = 0; b < nb; ++b) {
                const auto ub = static_cast<std::uint32_t>(b);
                const float x = (hash01(static_cast<std::uint32_t>(i), ub) - 0.5f) * 0.9f * kModuleWidth;
                const float speed = 0.12f + 0.1f * hash01(ub, static_cast<std::uint32_t>(i) + 11u);  // m/s up the slope
                const float ph = hash01(ub + 101u, static_cast<std::uint32_t>(i));
                const float along = 0.5f * kModuleLength - std::fmod(ph * kModuleLength + m_anim * speed, kModuleLength);
                // A bubble and its trail (smaller ones following it up the film), bright against the dark sheets.
                for (int t = 0; t < 3; ++t) {
                    const float k = 1.0f - 0.3f * static_cast<float>(t);
                    const float at = along + 1.4f * kBubbleSize * static_cast<float>(t);
                    if (at > 0.5f * kModuleLength) break;
                    glm::mat4 bm = glm::translate(m, glm::vec3(x, kModuleThickness, at));
                    bm = glm::scale(bm, glm::vec3(kBubbleSize * k, kBubbleSize * 0.5f * k, kBubbleSize * k));
                    bubbles.push_back({bm, glm::vec4(1), glm::vec4(0.45f, 0.55f, 0.65f, 0)});
                }
            }
        }
    }
    // Shadows come from a stable proxy (all rows as slabs), so moving the camera never invalidates the shadow map.
    const eng::DrawFlags visibleOnly{.castShadow = false, .receiveShadow = true, .mainPass = true};
    const eng::DrawFlags shadowOnly{.castShadow = true, .receiveShadow = false, .mainPass = false};
    r.drawInstanced(m_row, shadowRows, shadowOnly);
    r.drawInstanced(m_row, rows, visibleOnly);
    r.drawInstanced(m_module, trays, visibleOnly);
    r.drawInstanced(m_post, posts, visibleOnly);
    r.drawInstanced(m_bubble, bubbles, {.castShadow = false, .receiveShadow = false});

    // Collection headers: each block's header along its anchor-side edge, each block column's riser to the trunk, and
    // the trunk to the separator. Painted hazard yellow: they carry the moist H2:O2 = 2:1 mixture (hydrogen.md §2).
    std::vector<eng::Instance> headers;
    const glm::vec4 hazard(0.95f, 0.72f, 0.1f, 1.0f);
    const float trunkV = -3.0f;
    float farU = 0.0f;
    for (int b = 0; b < f.blocks; ++b) {
        const glm::ivec2 cell = FieldLayout::blockCell(b);
        const float u0 = static_cast<float>(cell.x) * (f.rowLength() + kRoadWidth) - 1.5f;
        const float v0 = static_cast<float>(cell.y) * (f.blockDepth() + kRoadWidth);
        const int rowsHere = std::min(kRowsPerBlock, f.rows - b * kRowsPerBlock);
        const float v1 = v0 + static_cast<float>(rowsHere) * f.rowPitch;
        auto at = [&](float u, float v) { return f.uDir * u + f.vDir * v + glm::vec3(0, kHeaderHeight, 0); };
        headers.push_back({pipe(at(u0, trunkV), at(u0, v1), 0.12f), hazard, glm::vec4(0)});
        farU = std::max(farU, u0);
    }
    auto at = [&](float u, float v) { return f.uDir * u + f.vDir * v + glm::vec3(0, kHeaderHeight, 0); };
    if (f.blocks > 0) {
        headers.push_back({pipe(at(farU, trunkV), at(-1.5f, trunkV), 0.2f), hazard, glm::vec4(0)});
        const glm::vec3 corner = at(-1.5f, trunkV);
        const glm::vec3 inlet = kPlant + glm::vec3(-2.5f, kHeaderHeight, 0.0f);
        headers.push_back({pipe(corner, {inlet.x, kHeaderHeight, corner.z}, 0.2f), hazard, glm::vec4(0)});
        headers.push_back({pipe({inlet.x, kHeaderHeight, corner.z}, inlet, 0.2f), hazard, glm::vec4(0)});
    }
    r.drawInstanced(m_pipe, headers);
}

void HydrogenScene::paintGround(eng::Renderer& r) {
    // The gravel pad under the field is 12 m wider than the rows all round; it moves when the field grows by a block.
    const glm::vec2 lo = m_layout.boundsMin() - glm::vec2(12.0f), hi = m_layout.boundsMax() + glm::vec2(12.0f);
    const glm::vec4 key(lo, hi);
    if (m_groundTex.valid() && key == m_paintedField) return;
    m_paintedField = key;
    const std::vector<Pad> pads = {{0.5f * (lo + hi), hi - lo},
                                   {glm::vec2(kPlant.x + kPlantPadOffset.x, kPlant.z + kPlantPadOffset.z), kPlantPadSize},
                                   {glm::vec2(kReformer.x + kReformerPadOffset.x, kReformer.z + kReformerPadOffset.z), kReformerPadSize}};
    const std::vector<std::uint8_t> px = paintSteppe(m_backdrop, pads);
    if (m_groundTex.valid()) r.destroyTexture(m_groundTex);
    m_groundTex = r.createTexture({.width = kGroundTex, .height = kGroundTex, .rgba = px.data(), .label = "steppe"});
    r.setMeshTexture(m_ground, m_groundTex);
}

void HydrogenScene::drawPlant(eng::Renderer& r) {
    const bool night = m_sunDir.y < -0.05f;
    const glm::vec4 lamp = night ? glm::vec4(1.0f, 0.85f, 0.6f, 0) * 2.0f : glm::vec4(0);
    // Separator skid (red when faulted: all product gas vented), compressors, tanks, vent stack; the gravel pad is
    // painted into the ground. After dusk the plant works under floodlights (lamps below): they light the pad.
    if (night)  // floodlights on masts over the separator skid and the tank yard
        for (const glm::vec3 at : {kPlant + glm::vec3(8, 0, 0), kTankYard + glm::vec3(6, 0, 0)})
            r.addLight({.position = at + glm::vec3(0, 18, 0), .color = glm::vec3(1.0f, 0.85f, 0.62f) * 3.0f, .range = 65.0f,
                        .direction = {0, -1, 0}, .cosCone = -0.2f});
    const glm::vec4 sepTint = m_separatorOk ? glm::vec4(1) : glm::vec4(1.0f, 0.35f, 0.3f, 1);
    r.draw(m_separator, place(kPlant, glm::vec3(1)), sepTint, m_separatorOk ? glm::vec3(0) : glm::vec3(0.6f, 0.05f, 0.02f));
    r.draw(m_compressor, place(kPlant + glm::vec3(14, 0, -5), glm::vec3(1)));
    r.draw(m_compressor, place(kPlant + glm::vec3(14, 0, 5), glm::vec3(1)));
    std::vector<eng::Instance> pipes, gauges;
    const glm::vec4 h2Pipe(0.82f, 0.84f, 0.88f, 1.0f);  // dried H2 after the membrane: no longer the 2:1 mixture
    pipes.push_back({pipe(kPlant + glm::vec3(2, 1.2f, 0), kPlant + glm::vec3(12, 1.2f, 0), 0.12f), h2Pipe, glm::vec4(0)});
    pipes.push_back({pipe(kPlant + glm::vec3(8, 0, 6), kPlant + glm::vec3(8, 9, 6), 0.25f), glm::vec4(0.7f, 0.7f, 0.7f, 1), lamp});
    for (int i = 0; i < 2; ++i) {
        const glm::vec3 tank = kTankYard + glm::vec3(0, 0, -6.0f + 12.0f * static_cast<float>(i));
        r.draw(m_tank, place(tank, glm::vec3(1), 90.0f));
        pipes.push_back({pipe(kPlant + glm::vec3(16, 1.2f, 0), tank + glm::vec3(-7.5f, 1.2f, 0), 0.1f), h2Pipe, glm::vec4(0)});
        // Level gauge beside the tank: a dark sleeve with a cyan column at the storage fill (parallel tanks share it).
        const glm::vec3 g = tank + glm::vec3(0, 0, 2.6f);
        const float h = 4.0f, fill = static_cast<float>(std::clamp(m_storageFill, 0.0, 1.0));
        gauges.push_back({place(g, {0.5f, h, 0.35f}), glm::vec4(0.12f, 0.12f, 0.14f, 1), glm::vec4(0)});
        if (fill > 0.0f)
            gauges.push_back({place(g + glm::vec3(0, 0.05f, 0.06f), {0.4f, (h - 0.1f) * fill, 0.3f}),
                              glm::vec4(0.2f, 0.8f, 1.0f, 1), glm::vec4(0.1f, 0.5f, 0.7f, 0)});
    }
    // Pipeline to the consumer on sleepers, with a lamp at the reduction hall's door at night.
    const glm::vec3 out = kTankYard + glm::vec3(9, 1.2f, 0);
    pipes.push_back({pipe(out, {kConsumer.x - 40.0f, 1.2f, out.z}, 0.15f), h2Pipe, glm::vec4(0)});
    pipes.push_back({pipe({kConsumer.x - 40.0f, 1.2f, out.z}, kConsumer + glm::vec3(-40.0f, 1.2f, 0), 0.15f), h2Pipe, glm::vec4(0)});
    r.drawInstanced(m_pipe, pipes);
    r.drawInstanced(m_box, gauges);
    r.draw(m_box, place(kConsumer, {70, 16, 36}), glm::vec4(0.7f, 0.66f, 0.6f, 1), glm::vec3(lamp) * 0.3f);
    r.draw(m_box, place(kConsumer + glm::vec3(20, 16, 0), {6, 10, 6}), glm::vec4(0.6f, 0.58f, 0.55f, 1));
}

void HydrogenScene::drawReformer(eng::Renderer& r) {
    const glm::vec4 steel(0.72f, 0.72f, 0.74f, 1.0f);
    // A running firebox shows through its peep holes (the model's hot material), not as a glow over the whole casing.
    if (m_sunDir.y < -0.05f)
        for (const glm::vec3 at : {kReformer + glm::vec3(0, 0, -14), kReformer + glm::vec3(36, 0, 12)})
            r.addLight({.position = at + glm::vec3(0, 20, 0), .color = glm::vec3(1.0f, 0.85f, 0.62f) * 3.0f, .range = 70.0f,
                        .direction = {0, -1, 0}, .cosCone = -0.2f});
    r.draw(m_reformer, place(kReformer, glm::vec3(1)), m_smrTripped ? glm::vec4(0.8f, 0.6f, 0.6f, 1) : glm::vec4(1));
    std::vector<eng::Instance> v;
    // High- and low-temperature shift reactors, then the PSA bed vessels (hydrogen.md §4: SMR + WGS + PSA).
    for (int i = 0; i < 2; ++i)
        v.push_back({place(kReformer + glm::vec3(16, 0, -5.0f + 10.0f * static_cast<float>(i)), {1.6f, 11.0f, 1.6f}), steel, glm::vec4(0)});
    for (int i = 0; i < 6; ++i)
        v.push_back({place(kReformer + glm::vec3(26.0f + 2.6f * static_cast<float>(i % 3), 0, -3.0f + 6.0f * static_cast<float>(i / 3)),
                           {0.9f, 7.0f, 0.9f}), glm::vec4(0.55f, 0.62f, 0.7f, 1), glm::vec4(0)});
    // CO2 capture: absorber and stripper columns, present only while capture is set.
    if (m_smrCapture > 0.0) {
        v.push_back({place(kReformer + glm::vec3(kCaptureColumnTop.x, 0, kCaptureColumnTop.z), {2.2f, kCaptureColumnTop.y, 2.2f}),
                     glm::vec4(0.45f, 0.62f, 0.5f, 1), glm::vec4(0)});
        v.push_back({place(kReformer + glm::vec3(42, 0, 5), {1.7f, 20.0f, 1.7f}), glm::vec4(0.45f, 0.62f, 0.5f, 1), glm::vec4(0)});
    }
    r.drawInstanced(m_vessel, v);
    std::vector<eng::Instance> pipes;
    pipes.push_back({pipe(kReformer + glm::vec3(8, 2, 0), kReformer + glm::vec3(30, 2, 0), 0.2f), steel, glm::vec4(0)});
    pipes.push_back({pipe(kReformer + glm::vec3(30, 2, 0), kTankYard + glm::vec3(0, 2, 12), 0.15f), glm::vec4(0.82f, 0.84f, 0.88f, 1), glm::vec4(0)});
    r.drawInstanced(m_pipe, pipes);
}

void HydrogenScene::drawClouds(eng::Renderer& r) {
    // The clouds are the renderer's cloud deck: drawn in the sky and shading the ground along the sun (soft shadows
    // where the blobs' edges are soft). The coverage map changes only with the number of blobs (the cover); the wind
    // moves it as a whole.
    const int key = m_clouds.overcast() ? 1 << 20 : m_clouds.activeCount();
    if (key != m_cloudBaked) {
        m_cloudBaked = key;
        if (m_cloudTex.valid()) r.destroyTexture(m_cloudTex);
        m_cloudTex = {};
        if (key > 0) {
            std::vector<unsigned char> px;
            m_clouds.bakeCoverage(kCloudMapSize, px);
            m_cloudTex = r.createTexture({.width = kCloudMapSize, .height = kCloudMapSize, .rgba = px.data(), .srgb = false,
                                          .repeat = true, .label = "cloud cover"});
        }
    }
    if (!m_cloudTex.valid()) return;
    const float cc = static_cast<float>(m_clouds.cover());
    r.setCloudLayer({.coverage = m_cloudTex, .height = kCloudBase, .tile = kCloudPeriod,
                     .offset = CloudField::drift(m_cloudSeconds), .shadow = 0.8f,
                     .litColor = glm::vec3(0.95f - 0.35f * glm::smoothstep(0.6f, 1.0f, cc))});
}

void HydrogenScene::drawSunPath(eng::Renderer& r) {
    if (!m_showSunPath || !m_state) return;
    sim::CivilTime c = sim::toLocalCivil(m_now);
    const sim::Time today = m_now - sim::fromSeconds(c.hour * 3600.0 + c.minute * 60.0 + c.second);
    const int dayShift = m_previewDay > 0 ? m_previewDay - c.dayOfYear : 0;
    const sim::Time midnight = today + dayShift * sim::kDay;
    const glm::vec3 centre(-0.5f * m_layout.rowLength(), 0, 40.0f);
    std::vector<eng::Instance> dots;
    for (int q = 0; q <= 24 * 4; ++q) {
        const sim::Time t = midnight + q * 15 * sim::kMinute;
        const sim::SunState s = m_state->sky.sunAt(t, 0.0);
        if (s.elevation_deg < -1.0) continue;
        const glm::vec3 p = centre + sunDirection(s.azimuth_deg, s.elevation_deg) * 420.0f;
        const bool hour = q % 4 == 0;
        dots.push_back({place(p, glm::vec3(hour ? 3.5f : 2.0f)), glm::vec4(1), glm::vec4(1.0f, 0.8f, 0.3f, 0) * 2.0f});
        if (hour && q / 4 % 2 == 0) r.labels().add({.position = p + glm::vec3(0, 8, 0), .text = fmt("%02.0f:00", q / 4.0),
                                                    .color = {1, 0.85f, 0.5f, 1}});
    }
    const sim::Time tp = midnight + sim::fromSeconds(m_previewHour * 3600.0);
    const sim::SunState s = m_state->sky.sunAt(tp, 0.0);
    const glm::vec3 p = centre + sunDirection(s.azimuth_deg, s.elevation_deg) * 420.0f;
    dots.push_back({place(p, glm::vec3(9.0f)), glm::vec4(1), glm::vec4(1.0f, 0.55f, 0.1f, 0) * 3.0f});
    r.drawInstanced(m_bubble, dots, {.castShadow = false, .receiveShadow = false});
    r.labels().add({.position = p + glm::vec3(0, 16, 0),
                    .text = eng::formatf(eng::trp("Preview %.1f h: sun elevation %.1f°, on the panels %.0f W/m² (clear sky)"),
                                        m_previewHour, s.elevation_deg, s.poa_w_m2),
                    .color = {1, 0.8f, 0.5f, 1}});
}

void HydrogenScene::drawLabels(eng::Renderer& r) {
    const FieldLayout& f = m_layout;
    const glm::vec2 lo = f.boundsMin(), hi = f.boundsMax();
    // Halfway between the field's middle and its corner at the gas plant: on screen in every preset that shows rows.
    const glm::vec3 fieldTop(0.25f * (lo.x + hi.x), 12.0f, 0.25f * (lo.y + hi.y));
    char b[256];
    // The panels' H2 as the panel writes it (after the separator, h2::panelsRateText): one number on screen.
    eng::localSnprintf(b, sizeof b, eng::trpn("Photocatalyst panels: %.0f m², %d tray, STH %.3g %%\nH₂ now %s kg/h after the separator (%.1f g/h per 100 m²)%s",
                                                       "Photocatalyst panels: %.0f m², %d trays, STH %.3g %%\nH₂ now %s kg/h after the separator (%.1f g/h per 100 m²)%s",
                                                       f.modules),
                  m_area, f.modules, m_sth, m_recoveredText.c_str(), m_area > 0 ? m_recoveredKgh * 1e5 / m_area : 0.0,
                  m_sunDir.y < 0 ? eng::trp(" - night") : (m_clouds.cover() > 0.5 ? eng::trp(" - cloudy") : ""));
    r.labels().add({.position = fieldTop, .text = b, .color = {1, 0.95f, 0.8f, 1}, .fadeStart = 3000, .fadeEnd = 6000});
    r.labels().add({.position = kPlant + glm::vec3(-3, 4, 0),
                    .text = m_separatorOk ? eng::trp("Membrane separator (polyimide, Nature 2021)\nin: moist H₂:O₂ = 2:1 - inside flammability and detonation limits")
                                          : eng::trp("SEPARATOR FAULT: product gas vented"),
                    .color = m_separatorOk ? glm::vec4(1, 0.8f, 0.3f, 1) : glm::vec4(1, 0.4f, 0.3f, 1), .fadeStart = 900, .fadeEnd = 2000});
    // Every H2 figure here with the panel's decimals (supply_view.cpp): the same number reads the same in both.
    eng::localSnprintf(b, sizeof b, eng::trp("H₂ storage %.0f / %.0f kg (%.0f %%)"), m_storageKg, m_storageCap, 100.0 * m_storageFill);
    r.labels().add({.position = kTankYard + glm::vec3(6, 16, 0), .text = b, .color = {0.6f, 0.9f, 1, 1}, .fadeStart = 900, .fadeEnd = 2000});
    eng::localSnprintf(b, sizeof b, eng::trp("To W/Mo oxide reduction: demand %.2f kg/h"), m_demandKgh);
    r.labels().add({.position = kConsumer + glm::vec3(0, 22, 0), .text = b, .fadeStart = 1500, .fadeEnd = 3000});
    const char* name = m_smrCapture > 0 ? eng::trp("Steam reformer + CO₂ capture") : eng::trp("Steam reformer (grey)");
    if (m_smrTripped) std::snprintf(b, sizeof b, eng::trp("%s - TRIPPED"), name);
    else if (m_smrKgh > 0.0)
        eng::localSnprintf(b, sizeof b, eng::trp("%s: %.2f kg H₂/h, CO₂ to air %.1f kg/h (%.1f kg per kg H₂)"), name, m_smrKgh,
                      m_smrCo2Kgh, m_smrCo2Kgh / m_smrKgh);
    else eng::localSnprintf(b, sizeof b, eng::trp("%s - hot standby (burners only, CO₂ to air %.1f kg/h)"), name, m_smrCo2Kgh);
    // Captured CO2 vented (injection faulted or reservoir full): a second line in red on the same label (two labels
    // at the stack and the absorber would overlap from afar).
    std::string text = b;
    const bool venting = m_smrCapture > 0 && (!m_injectionOk || m_co2VentedTh > 0.0);
    if (venting)
        text += fmt(m_injectionOk ? eng::trp("\nCO₂ reservoir full: captured CO₂ vented, %.0f kg/h")
                                  : eng::trp("\nCO₂ INJECTION FAULT: captured CO₂ vented, %.0f kg/h"), m_co2VentedTh * 1000.0);
    r.labels().add({.position = kReformer + m_stackTop + glm::vec3(0, 8, 0), .text = text,
                    .color = venting ? glm::vec4(1, 0.45f, 0.35f, 1) : glm::vec4(1, 0.85f, 0.75f, 1), .fadeStart = 1500, .fadeEnd = 3000});
}

void HydrogenScene::draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) {
    const CallState scope(m_state, in.state);
    // Light with the simulation's sun; cloud cover greys the sky, a closed deck also takes the direct beam away.
    eng::Lighting L = r.lighting();
    if (!L.keyIsMoon) L.sunDir = m_sunDir;  // the simulation's sun; at night the key light is the moon
    const float cc = static_cast<float>(m_clouds.cover());
    // A cloudier sky is a brighter diffuse source: the shade under a cloud is lit grey, not navy.
    L.skyAmbient *= 1.0f + 0.9f * cc;
    const glm::vec3 grey = glm::vec3(glm::dot(L.skyHorizon, glm::vec3(0.3f, 0.5f, 0.2f)));
    L.skyZenith = glm::mix(L.skyZenith, grey * 0.9f, 0.7f * cc);
    L.skyHorizon = glm::mix(L.skyHorizon, grey, 0.6f * cc);
    L.fogColor = glm::mix(L.fogColor, grey, 0.5f * cc);
    r.setLighting(L);
    const glm::vec2 lo = m_layout.boundsMin(), hi = glm::max(m_layout.boundsMax(), glm::vec2(kReformer.x + 60.0f, kReformer.z + 30.0f));
    const glm::vec2 mid = 0.5f * (lo + hi);
    r.setShadowRegion({mid.x, 0.0f, mid.y}, std::max(0.6f * glm::length(hi - lo), 150.0f));

    paintGround(r);
    r.draw(m_ground, glm::mat4(1.0f), glm::vec4(1), glm::vec3(0), {.castShadow = false, .receiveShadow = true});
    m_backdrop.draw(r);
    drawField(r, cam, in.aspect);
    drawPlant(r);
    drawReformer(r);
    drawClouds(r);
    drawSunPath(r);
    drawLabels(r);
}

// [SECTION] Camera, picking, commands

std::vector<eng::CameraPreset> HydrogenScene::cameraPresets() const {
    const glm::vec2 lo = m_layout.boundsMin(), hi = m_layout.boundsMax();
    const glm::vec3 field(0.5f * (lo.x + hi.x), 0.0f, 0.5f * (lo.y + hi.y));
    const glm::vec3 mid = glm::mix(field, kPlant, 0.3f);
    const float extent = std::max({hi.x - lo.x, hi.y - lo.y, 60.0f});
    // Close-up: a tray near the field's east edge, looking down its glass from the south-east.
    const glm::vec3 tray = m_layout.modules > 0 ? m_layout.moduleCentre(std::min(m_layout.modules - 1, 2 * kModulesPerRow + 3))
                                                : glm::vec3(0);
    // Overview from the south-west over the rows (the glass faces south, so the rows read as rows) to the gas plant
    // and the reformer beyond, with the Kalmakyr ore field and the Kuramin foothills rising on the horizon.
    return {
        {"Field overview", {.target = mid, .yawDeg = 52.0f, .pitchDeg = 22.0f, .distance = 0.9f * extent + 200.0f, .fovDeg = 50.0f}},
        {"Panel close-up (bubbles)", {.target = tray, .yawDeg = 15.0f, .pitchDeg = 40.0f, .distance = 50.0f, .fovDeg = 10.0f}},
        {"Gas plant", {.target = kPlant + glm::vec3(22, 2, 0), .yawDeg = 215.0f, .pitchDeg = 28.0f, .distance = 95.0f, .fovDeg = 45.0f}},
        {"Reformer", {.target = kReformer + glm::vec3(20, 10, 0), .yawDeg = 230.0f, .pitchDeg = 18.0f, .distance = 150.0f, .fovDeg = 45.0f}},
    };
}

std::vector<eng::CameraPose> HydrogenScene::benchPath() const {
    std::vector<eng::CameraPose> path;
    for (const auto& p : cameraPresets()) path.push_back(p.pose);
    path.push_back(path.front());
    return path;
}

bool HydrogenScene::pick(const eng::Ray& ray, const FrameInput& in, std::string* what) {
    const CallState scope(m_state, in.state);
    glm::vec3 hit;
    if (!eng::intersectGround(ray, 0.0f, hit)) return false;
    const glm::vec2 lo = m_layout.boundsMin(), hi = m_layout.boundsMax();
    std::string s;
    if (hit.x >= lo.x && hit.x <= hi.x && hit.z >= lo.y && hit.z <= hi.y && m_layout.modules > 0) {
        const float shade = m_clouds.shade({hit.x, hit.z}, m_sunDir);
        const char* light = m_sunDir.y < 0 ? eng::trp("Night: no photocatalysis")
                            : shade > 0.5f ? eng::trp("In cloud shadow: diffuse light only")
                                           : eng::trp("In sunshine");
        s = eng::formatf(eng::trp("Photocatalyst panel field: trays 1 x 2 m, 32 sheets of 25 x 25 cm under glass, 0.1 mm "
                                  "water film\nTilt %.0f°, facing azimuth %.0f°\n%s"),
                         m_layout.tiltDeg, m_layout.azimuthDeg, light);
    } else if (glm::length(glm::vec2(hit.x - kTankYard.x, hit.z - kTankYard.z)) < 20.0f) {
        s = eng::formatf(eng::trp("H₂ storage: %.1f kg of %.0f kg"), m_storageKg, m_storageCap);
    } else if (glm::length(glm::vec2(hit.x - kPlant.x - 7, hit.z - kPlant.z)) < 14.0f) {
        s = eng::trp("Gas plant: membrane separator (moist H₂:O₂ = 2:1 in, dried H₂ out) and compressors");
    } else if (glm::length(glm::vec2(hit.x - kReformer.x - 20, hit.z - kReformer.z)) < 32.0f) {
        s = eng::formatf(eng::trp("Steam methane reformer: %.1f kg H₂/h, CO₂ emitted %.1f kg/h"), m_smrKgh, m_smrCo2Kgh);
    } else {
        return false;
    }
    if (what) *what = s;
    return true;
}

glm::vec3 HydrogenScene::reformerPosition() { return kReformer; }

std::vector<sim::Command> HydrogenScene::takeCommands() { return m_outbox.take(); }

}  // namespace scenes
