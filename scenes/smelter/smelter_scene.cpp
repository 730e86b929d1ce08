// The smelter scene: meshes, per-frame update from the simulation, drawing, labels, picking and camera presets.
// The panel (KPIs, plots, alarms, controls) is in smelter_panel.cpp.
// Sections: [helpers] [load] [update] [draw] [labels] [picking] [cameras]
#include "scenes/smelter/smelter_scene.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <glm/gtc/matrix_transform.hpp>
#include <imgui.h>

#include "engine/i18n.h"
#include "engine/procedural.h"
#include "scenes/label_layout.h"
#include "scenes/mesh_batch.h"
#include "scenes/site.h"
#include "sim/world.h"
#include "engine/locale_format.h"

namespace scenes {

using namespace smelter;

// [SECTION] helpers

namespace {

constexpr float kCellsPerRow = 60.0f;
constexpr int kMaxCellsDrawn = 600;     // the rest of a larger tankhouse is summarised in the label
constexpr double kBundle_t = 2.5;       // a bundle of ~40 cathodes at ~60 kg (E)
constexpr int kBundleSpots = 48, kBundlesHigh = 5;
constexpr float kInteriorBounce = 3.0f;  // daylight reaching the hall's inner lining, in units of the open sky's ambient (E)
constexpr double kFreshSlagCoolS = 40.0 * 60.0;  // a dumped pot's run stays visibly hot for ~40 min (E)

glm::mat4 T(glm::vec3 p) { return glm::translate(glm::mat4(1.0f), p); }
glm::mat4 Ry(float deg) { return glm::rotate(glm::mat4(1.0f), glm::radians(deg), {0, 1, 0}); }
glm::mat4 Rx(float deg) { return glm::rotate(glm::mat4(1.0f), glm::radians(deg), {1, 0, 0}); }
glm::mat4 S(glm::vec3 s) { return glm::scale(glm::mat4(1.0f), s); }
glm::mat4 about(glm::vec3 pivot, const glm::mat4& r) { return T(pivot) * r * T(-pivot); }

eng::Instance inst(const glm::mat4& m, glm::vec3 color = glm::vec3(1.0f), glm::vec3 emissive = glm::vec3(0.0f)) {
    return {m, glm::vec4(color, 1.0f), glm::vec4(emissive, 0.0f)};
}
// A unit box (base on y = 0) stretched to the axis-aligned box [lo, hi].
eng::Instance boxInst(glm::vec3 lo, glm::vec3 hi, glm::vec3 color, glm::vec3 emissive = glm::vec3(0.0f)) {
    const glm::vec3 c((lo.x + hi.x) * 0.5f, lo.y, (lo.z + hi.z) * 0.5f);
    return inst(T(c) * S(hi - lo), color, emissive);
}
// A unit cylinder (radius 1, height 1, base on y = 0) from a to b with the given radius.
glm::mat4 tube(glm::vec3 a, glm::vec3 b, float radius) {
    const glm::vec3 d = b - a;
    const float len = glm::length(d);
    if (len < 1e-4f) return T(a) * S(glm::vec3(0.0f));
    const glm::vec3 y = d / len;
    const glm::vec3 helper = std::abs(y.y) < 0.95f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    const glm::vec3 x = glm::normalize(glm::cross(helper, y)), z = glm::cross(x, y);
    glm::mat4 m(1.0f);
    m[0] = glm::vec4(x * radius, 0.0f);
    m[1] = glm::vec4(y * len, 0.0f);
    m[2] = glm::vec4(z * radius, 0.0f);
    m[3] = glm::vec4(a, 1.0f);
    return m;
}

const glm::vec3 kSteel(0.42f, 0.43f, 0.45f), kDarkSteel(0.16f, 0.16f, 0.17f), kConcrete(0.13f, 0.125f, 0.115f);
const glm::vec3 kCladding(0.55f, 0.6f, 0.62f), kDuct(0.5f, 0.47f, 0.43f), kCopper(0.85f, 0.45f, 0.28f);
const glm::vec3 kAlarmRed(1.0f, 0.28f, 0.22f);
// Bulk materials (linear albedo; the grain texture's mean ~0.8 multiplies it): copper concentrate dark grey-green,
// quartz flux light grey-beige, granulated/tipped fayalite slag dark grey-black.
const glm::vec3 kConcentrate(0.07f, 0.078f, 0.062f), kQuartzFlux(0.24f, 0.225f, 0.2f);
const glm::vec4 kLabelWhite(1.0f, 1.0f, 1.0f, 1.0f), kLabelRed(1.0f, 0.45f, 0.4f, 1.0f), kLabelSlag(1.0f, 0.8f, 0.45f, 1.0f);

// The site's ground: kGroundSize metres square around the origin, painted once into one texture (one draw): compacted
// earth, concrete aprons round the buildings, asphalt roads, rail ballast, the slag yard's dark floor.
constexpr float kGroundSize = 1400.0f;
constexpr int kGroundTex = 1024;  // 1.4 m per texel
// Rail spurs (scene z of the track centre, x range): concentrate trains into the store from the west (rail lots,
// almalyk.md §2), cathode and acid dispatch south of the tankhouse.
struct Spur { float z, x0, x1; };
constexpr Spur kSpurs[] = {{-44.0f, -700.0f, -150.0f}, {-52.0f, -700.0f, -170.0f}, {48.0f, 150.0f, 700.0f}};
constexpr float kGauge = 1.52f;  // m, 1,520 mm (rail_track model)

std::vector<std::uint8_t> paintGround(const SiteBackdrop& backdrop) {
    struct Rect { glm::vec2 lo, hi; glm::vec3 c; float seams; };  // seams: joint spacing in m (0: none)
    const glm::vec3 concrete(0.12f, 0.115f, 0.105f), asphalt(0.045f, 0.045f, 0.05f), slagFloor(0.045f, 0.04f, 0.038f);
    const glm::vec3 hallFloor(0.06f, 0.052f, 0.045f);  // decades of spilt slag and dust
    const glm::vec3 ballast(0.11f, 0.1f, 0.09f);
    std::vector<Rect> rects = {
        // Slag yard floor below the dump face (old slag, near black), then aprons, then roads on top.
        {{-140, kYardPos.z + 2}, {40, 260}, slagFloor, 0},
        {{kHallX0 - 10, kHallZ0 - 14}, {kHallX1 + 10, kHallZ1 + 10}, concrete, 6},
        {{kTankhousePos.x - kTankhouseHalfX - 8, -kTankhouseHalfZ - 8}, {kTankhousePos.x + kTankhouseHalfX + 8, kTankhouseHalfZ + 8}, concrete, 6},
        {{kStorePos.x - 38, kStorePos.z - 34}, {kStorePos.x + 36, kStorePos.z + 30}, concrete, 6},
        {{kAcidPlantPos.x - 26, kAcidPlantPos.z - 30}, {kStackPos.x + 14, kAcidPlantPos.z + 22}, concrete, 6},
        {{kHallX0, kHallZ0}, {kHallX1, kHallZ1}, hallFloor, 12},
        {{-101, kHallZ1}, {-93, 62}, asphalt, 0},                        // slag road out of the south door
        {{-100, 56}, {-2, 64}, asphalt, 0},                              // along the yard's crest
        {{-70, 56}, {-12, kYardPos.z + 2}, asphalt * 1.25f, 0},          // the dump platform
        {{kHallX1, -5}, {kTankhousePos.x - kTankhouseHalfX, 5}, asphalt, 0},  // anodes to the tankhouse
        {{-320, 30}, {330, 38}, asphalt, 0},                              // site road south of the hall
        {{-320, -120}, {330, -112}, asphalt, 0},                          // site road north of the acid plant
        {{-320, -120}, {-312, 38}, asphalt, 0},
        {{322, -120}, {330, 38}, asphalt, 0},
        {{60, 38}, {68, 700}, asphalt, 0},                                // to the town gate, south
    };
    for (const Spur& s : kSpurs) rects.push_back({{s.x0, s.z - 2.4f}, {s.x1, s.z + 2.4f}, ballast, 0});
    std::vector<std::uint8_t> px(static_cast<std::size_t>(kGroundTex) * kGroundTex * 4);
    const float texel = kGroundSize / kGroundTex;
    for (int j = 0; j < kGroundTex; ++j)
        for (int i = 0; i < kGroundTex; ++i) {
            const glm::vec2 p((static_cast<float>(i) + 0.5f) * texel - 0.5f * kGroundSize,
                              (static_cast<float>(j) + 0.5f) * texel - 0.5f * kGroundSize);
            // Compacted earth and dust: brown-grey, mottled at 40 m and 6 m, tyre-darkened patches.
            const float big = siteNoise(p, 40.0f, 1), mid = siteNoise(p, 6.0f, 2), fine = siteHash(i, j);
            glm::vec3 c = glm::mix(glm::vec3(0.095f, 0.08f, 0.062f), glm::vec3(0.15f, 0.125f, 0.095f), big);
            c *= 0.85f + 0.2f * mid + 0.08f * fine;
            for (const Rect& r : rects) {
                if (p.x < r.lo.x || p.x > r.hi.x || p.y < r.lo.y || p.y > r.hi.y) continue;
                glm::vec3 k = r.c * (0.9f + 0.12f * mid + 0.06f * fine);
                if (r.seams > 0.0f) {
                    const glm::vec2 m = glm::mod(p - r.lo, r.seams);
                    if (m.x < texel || m.y < texel) k *= 0.82f;  // expansion joints
                }
                c = k;
            }
            // Toward the square's edge the ground becomes the valley floor the backdrop continues: no seam.
            const float edge = glm::smoothstep(0.72f, 0.98f, std::max(std::abs(p.x), std::abs(p.y)) / (0.5f * kGroundSize));
            if (edge > 0.0f) c = glm::mix(c, glm::pow(backdrop.floorColour(p.x, p.y), glm::vec3(2.2f)), edge);
            std::uint8_t* o = &px[(static_cast<std::size_t>(j) * kGroundTex + i) * 4];
            for (int k = 0; k < 3; ++k) o[k] = static_cast<std::uint8_t>(std::clamp(std::pow(c[k], 1.0f / 2.2f), 0.0f, 1.0f) * 255.0f);
            o[3] = 255;
        }
    return px;
}

// The slag heap beyond the dump spots: fayalite slag tipped pot by pot into overlapping cones at its angle of repose
// (~35°, tan 0.7), merging into three ridges that step back from the yard floor, on a heightfield of kHeapNx x kHeapNz
// vertices (x from kHeapX0, z from kHeapZ0, kHeapStep m apart; one draw, ~1.4k triangles). uv in metres / 6 for the
// granular texture. Tipping points and heights from the scene's hash, so the heap is the same every run.
constexpr float kHeapX0 = -108.0f, kHeapZ0 = 138.0f, kHeapStep = 3.4f;
constexpr int kHeapNx = 40, kHeapNz = 19;
float heapHeight(float x, float z) {
    // The old dump's body: a long ridge, crest 6 m up, along the middle of the yard.
    const float along = std::clamp(x, kHeapX0 + 25.0f, kHeapX0 + 105.0f);
    float h = 6.0f - 0.7f * glm::length(glm::vec2(x - along, z - (kHeapZ0 + 30.0f)));
    for (int ridge = 0; ridge < 3; ++ridge)
        for (int k = 0; k < 12; ++k) {
            const float jx = siteHash(k, ridge + 11), jz = siteHash(k + 40, ridge + 3), jh = siteHash(k + 80, ridge + 7);
            const glm::vec2 tip(kHeapX0 + 8.0f + 10.0f * static_cast<float>(k) + 9.0f * (jx - 0.5f) + 3.0f * static_cast<float>(ridge),
                                kHeapZ0 + 14.0f + 15.0f * static_cast<float>(ridge) + 10.0f * (jz - 0.5f));
            const float top = 3.0f + 2.0f * static_cast<float>(ridge == 1) + 6.5f * jh * jh;
            h = std::max(h, top - 0.7f * glm::length(glm::vec2(x, z) - tip));
        }
    // Toward the mesh's border the flanks run out below the floor (no cut edge).
    const float border = std::min({x - kHeapX0, kHeapX0 + kHeapStep * (kHeapNx - 1) - x, z - kHeapZ0, kHeapZ0 + kHeapStep * (kHeapNz - 1) - z});
    h = std::min(h, 0.7f * border - 0.8f);
    // Lumps of a few tipped pots on the flanks (a 1-2 m ripple), not a smooth cone.
    return h + 0.8f * (siteNoise({x, z}, 4.0f, 21) - 0.5f) + 0.4f * (siteNoise({x, z}, 1.7f, 22) - 0.5f);
}

eng::MeshData slagHeapMesh() {
    const eng::Material slag{.name = "slag", .baseColor = {0.05f, 0.048f, 0.046f, 1}, .roughness = 1.0f};
    eng::MeshData d;
    d.materials.push_back(slag);
    eng::SubMesh part;
    part.name = "heap";
    for (int j = 0; j < kHeapNz; ++j)
        for (int i = 0; i < kHeapNx; ++i) {
            const float x = kHeapX0 + kHeapStep * static_cast<float>(i), z = kHeapZ0 + kHeapStep * static_cast<float>(j);
            const float e = 0.5f * kHeapStep;
            const glm::vec3 n = glm::normalize(glm::vec3(heapHeight(x - e, z) - heapHeight(x + e, z), 2.0f * e,
                                                         heapHeight(x, z - e) - heapHeight(x, z + e)));
            part.vertices.push_back({{x, heapHeight(x, z), z}, n, {x / 6.0f, z / 6.0f}});
        }
    for (int j = 0; j + 1 < kHeapNz; ++j)
        for (int i = 0; i + 1 < kHeapNx; ++i) {
            const auto a = static_cast<std::uint32_t>(j * kHeapNx + i), b = a + 1, c = a + kHeapNx, e = c + 1;
            part.indices.insert(part.indices.end(), {a, c, b, b, c, e});
        }
    d.parts.push_back(std::move(part));
    return d;
}

// Granular bulk material seen from a few metres to a few hundred: lumps at ~4 texels and single grains, light and
// dark (sRGB, multiplied by the material's colour; the mean stays near 0.8 so the colour is the bulk's albedo).
std::vector<std::uint8_t> grainTexture(int n) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(n) * n * 4);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const float lump = siteNoise({static_cast<float>(i), static_cast<float>(j)}, 4.0f, 31);
            const float grain = siteHash(i + 7 * n, j);
            const float v = std::clamp(0.55f + 0.3f * lump + 0.3f * grain * grain, 0.0f, 1.0f);
            std::uint8_t* o = &px[(static_cast<std::size_t>(j) * n + i) * 4];
            o[0] = o[1] = o[2] = static_cast<std::uint8_t>(v * 255.0f);
            o[3] = 255;
        }
    return px;
}

// Drop the downward faces of a mesh (boxes standing on the floor never show them): a third fewer triangles per box.
void dropBottoms(eng::MeshData& d) {
    for (eng::SubMesh& p : d.parts) {
        std::vector<std::uint32_t> kept;
        for (std::size_t t = 0; t + 2 < p.indices.size(); t += 3) {
            bool down = true;
            for (int k = 0; k < 3; ++k) down = down && p.vertices[p.indices[t + static_cast<std::size_t>(k)]].normal.y < -0.99f;
            if (!down) kept.insert(kept.end(), p.indices.begin() + static_cast<std::ptrdiff_t>(t), p.indices.begin() + static_cast<std::ptrdiff_t>(t + 3));
        }
        p.indices = std::move(kept);
    }
}

}  // namespace

glm::vec3 SmelterScene::converterMouth(int i) const {
    const float tilt = i < static_cast<int>(m_shownTilt.size()) ? m_shownTilt[static_cast<std::size_t>(i)] : 0.0f;
    const glm::vec4 local = about(m_converter.pivot, Rx(tilt)) * glm::vec4(0.0f, m_converter.pivot.y + 2.3f, 0.0f, 1.0f);
    return converterPos(i) + glm::vec3(local);
}

// [SECTION] load

SmelterScene::Parts SmelterScene::loadParts(eng::Renderer& r, const std::string& role,
                                            std::initializer_list<const char*> moving, const char* pivotPart) {
    const eng::MeshData& src = m_lib->get(role);
    eng::MeshData fixed, mov, melt;
    fixed.materials = mov.materials = melt.materials = src.materials;
    // Melt materials lose their baked glow: the scene drives it from the temperature (meltGlow), dark crust when cold.
    for (eng::Material& m : melt.materials)
        if (m.emissive != glm::vec3(0.0f)) { m.emissive = glm::vec3(0.0f); m.baseColor = {0.09f, 0.06f, 0.05f, 1.0f}; m.roughness = 0.4f; }
    for (const eng::SubMesh& p : src.parts) {
        const bool moves = std::any_of(moving.begin(), moving.end(), [&](const char* n) { return p.name == n; });
        const bool glows = p.material >= 0 && static_cast<std::size_t>(p.material) < src.materials.size() &&
                           src.materials[static_cast<std::size_t>(p.material)].emissive != glm::vec3(0.0f);
        (glows ? melt : moves ? mov : fixed).parts.push_back(p);
    }
    Parts out;
    auto upload = [&](eng::MeshData& m, const char* what) {
        if (m.parts.empty()) return eng::MeshId{};
        mergeByMaterial(m);  // one draw per material, not per modelled piece
        return r.createMesh(m, role + "." + what);
    };
    out.fixed = upload(fixed, "fixed");
    out.moving = upload(mov, "moving");
    out.melt = upload(melt, "melt");
    if (const eng::ModelEntry* e = m_lib->entry(role)) {
        const auto it = e->parts.find(pivotPart ? pivotPart : "");
        if (it != e->parts.end()) out.pivot = it->second.pivot;
    }
    return out;
}

bool SmelterScene::load(const SceneContext& ctx, std::string* why) {
    (void)why;
    eng::Renderer& r = ctx.renderer;
    m_r = &r;
    m_lib = &ctx.models;
    m_furnace = loadParts(r, "smelting_furnace", {}, nullptr);
    m_converter = loadParts(r, "converter", {"shell", "mouth"}, "shell");
    m_anode = loadParts(r, "anode_furnace", {"shell"}, "shell");
    m_ladle = loadParts(r, "ladle", {"ladle", "melt"}, "ladle");
    m_wheel = loadParts(r, "casting_wheel", {"wheel"}, "wheel");
    // Crane: one mesh per moving part.
    {
        const eng::MeshData& src = m_lib->get("crane");
        auto partMesh = [&](const char* name) {
            eng::MeshData m;
            m.materials = src.materials;
            for (const eng::SubMesh& p : src.parts)
                if (p.name == name || (std::string(name) == "bridge" && p.name.empty())) m.parts.push_back(p);
            if (m.parts.empty()) return eng::MeshId{};
            mergeByMaterial(m);
            return r.createMesh(m, std::string("crane.") + name);
        };
        m_craneBridge = partMesh("bridge");
        if (!m_craneBridge.valid()) m_craneBridge = r.createMesh(src, "crane");  // a fallback box: the whole thing
        m_craneTrolley = partMesh("trolley");
        m_craneRope = partMesh("rope");
        m_craneHook = partMesh("hook");
        if (const eng::ModelEntry* e = m_lib->entry("crane")) {
            if (auto it = e->parts.find("rope"); it != e->parts.end()) m_ropePivot = it->second.pivot;
            if (auto it = e->parts.find("hook"); it != e->parts.end()) m_hookRest = it->second.pivot;
            m_craneSpanScale = (kHallZ1 - kHallZ0 - 1.0f) / std::max(e->size.x, 1.0f);
        }
    }
    buildStatic(r);

    // Emitters (rates set per frame from the state; kept small: the software renderer pays per particle).
    eng::ParticleSystem& ps = r.particles();
    for (int i = 0; i < kMaxConverters; ++i) {
        m_convFume.push_back(ps.addEmitter({.kind = eng::ParticleKind::Smoke, .position = converterMouth(i),
                                            .velocity = {0, 5, 1}, .spread = 0.4f, .radius = 1.2f, .rate = 0,
                                            .lifetime = 7, .size = 2.5f, .color = {0.45f, 0.36f, 0.26f, 0.55f}}));
        m_convSparks.push_back(ps.addEmitter({.kind = eng::ParticleKind::Sparks, .position = converterMouth(i),
                                              .velocity = {0, 9, 3}, .spread = 0.6f, .radius = 0.8f, .rate = 0,
                                              .lifetime = 1.2f, .size = 0.35f}));
    }
    m_stackPlume = ps.addEmitter({.kind = eng::ParticleKind::Smoke, .position = kStackPos + glm::vec3(0, 150, 0),
                                  .velocity = {0, 5, 0}, .spread = 0.3f, .radius = 2.5f, .rate = 1, .lifetime = 28,
                                  .size = 7, .color = {0.72f, 0.7f, 0.55f, 0.45f}});
    m_acidSteam = ps.addEmitter({.kind = eng::ParticleKind::Steam, .position = kAcidPlantPos + glm::vec3(10, 60, -12),
                                 .velocity = {0, 4, 0}, .spread = 0.3f, .radius = 1.2f, .rate = 2, .lifetime = 14, .size = 4});
    m_tapSparks = ps.addEmitter({.kind = eng::ParticleKind::Sparks, .position = matteTapSpot(0) + glm::vec3(0, 5.5f, 0),
                                 .velocity = {0, 4, 2}, .spread = 0.8f, .radius = 0.6f, .rate = 0, .lifetime = 1.0f, .size = 0.3f});
    m_slagTapSparks = ps.addEmitter({.kind = eng::ParticleKind::Sparks, .position = slagTapSpot(0) + glm::vec3(0, 5.5f, 0),
                                     .velocity = {0, 4, 2}, .spread = 0.8f, .radius = 0.6f, .rate = 0, .lifetime = 1.0f, .size = 0.3f});
    m_dumpSparks = ps.addEmitter({.kind = eng::ParticleKind::Sparks, .position = yardDumpSpot(0), .velocity = {0, 5, 4},
                                  .spread = 0.8f, .radius = 1.5f, .rate = 0, .lifetime = 1.5f, .size = 0.45f});
    m_dumpSmoke = ps.addEmitter({.kind = eng::ParticleKind::Smoke, .position = yardDumpSpot(0), .velocity = {0, 3, 1},
                                 .spread = 0.5f, .radius = 3, .rate = 0, .lifetime = 10, .size = 4,
                                 .color = {0.5f, 0.45f, 0.4f, 0.4f}});
    m_castSteam = ps.addEmitter({.kind = eng::ParticleKind::Steam, .position = kCastingWheelPos + glm::vec3(0, 2, 4),
                                 .velocity = {0, 3, 0}, .spread = 0.5f, .radius = 3, .rate = 0, .lifetime = 5, .size = 2.5f});
    m_pourSparks = ps.addEmitter({.kind = eng::ParticleKind::Sparks, .position = converterLadleSpot(0),
                                  .velocity = {0, 4, 0}, .spread = 1.0f, .radius = 0.8f, .rate = 0, .lifetime = 0.9f, .size = 0.3f});
    ps.setWind({2.0f, 0.0f, 1.0f});
    return true;
}

// Everything that never moves: ground, roads, hall and tankhouse frames, cladding, ducts, conveyor, bins.
void SmelterScene::buildStatic(eng::Renderer& r) {
    const eng::Material plain{.name = "plain", .baseColor = {1, 1, 1, 1}, .roughness = 0.85f};
    m_box = r.createMesh(eng::makeBox({1, 1, 1}, plain), "smelter.box");
    m_cyl = r.createMesh(eng::makeCylinder(1.0f, 1.0f, 14, plain), "smelter.cylinder");
    m_stream = r.createMesh(eng::makeCylinder(1.0f, 1.0f, 8, {.name = "melt", .baseColor = {0.1f, 0.05f, 0.03f, 1}}), "smelter.stream");
    // The Akhangaran valley and the Kuramin foothills beyond the site (the landscape scene's terrain), one draw.
    m_backdrop.build(r, {.siteEast = site::kSmelter.x, .siteNorth = site::kSmelter.y, .flatRadius = 0.5f * kGroundSize});
    m_ground = r.createMesh(eng::makeGrid(kGroundSize, 28, {.name = "ground", .baseColor = {1, 1, 1, 1}, .roughness = 0.95f}), "smelter.ground");
    const std::vector<std::uint8_t> groundPx = paintGround(m_backdrop);
    r.setMeshTexture(m_ground, r.createTexture({.width = kGroundTex, .height = kGroundTex, .rgba = groundPx.data(), .label = "smelter ground"}));
    // Slag and bulk piles: matte, granular (a grain texture), coloured per instance.
    const std::vector<std::uint8_t> grains = grainTexture(128);
    const eng::TextureId grainTex = r.createTexture({.width = 128, .height = 128, .rgba = grains.data(), .repeat = true, .label = "grains"});
    m_heap = r.createMesh(slagHeapMesh(), "smelter.slag_heap");
    r.setMeshTexture(m_heap, grainTex);
    eng::MeshData pile = eng::makeCone(1.0f, 1.0f, 16, {.name = "pile", .baseColor = {1, 1, 1, 1}, .roughness = 1.0f});
    for (eng::Vertex& v : pile.parts[0].vertices) v.uv *= 6.0f;  // grains a few per metre on a 7 m pile
    m_pile = r.createMesh(pile, "smelter.pile");
    r.setMeshTexture(m_pile, grainTex);
    m_flame = r.createMesh(eng::makeCone(1.0f, 1.0f, 16, {.name = "flame", .baseColor = {1, 1, 1, 1}, .roughness = 0.95f}), "smelter.flame");

    // Electrorefining cell 5.5 x 1.3 x 1.4 m (docs/models.md) as three boxes: tank, electrolyte, anode/cathode tops.
    // Bottoms dropped and the electrolyte a single quad: 22 triangles a cell, 500 cells ~11k.
    eng::MeshData cell;
    eng::appendMesh(cell, eng::makeBox({1.45f, 1.3f, 5.5f}, {.name = "tank", .baseColor = {0.2f, 0.24f, 0.22f, 1}, .roughness = 0.6f}), glm::mat4(1.0f));
    eng::appendMesh(cell, eng::makePlane({1.25f, 5.3f}, {.name = "electrolyte", .baseColor = {0.12f, 0.42f, 0.5f, 1}, .roughness = 0.15f}), T({0, 1.31f, 0}));
    eng::appendMesh(cell, eng::makeBox({1.55f, 0.08f, 0.12f}, {.name = "busbar", .baseColor = {0.8f, 0.5f, 0.3f, 1}, .roughness = 0.3f, .metallic = 1.0f}), T({0, 1.3f, -2.7f}));
    dropBottoms(cell);
    mergeByMaterial(cell);
    m_cell = r.createMesh(cell, "smelter.cell");
    // Within kCellDetail_m of the eye the cells are the manifest's tankhouse_cell (hanger bars, a user's model);
    // beyond, the 22-triangle stand-in above (some 500 cells would cost llvmpipe its triangles for a few pixels each).
    m_cellModel = r.createMesh(m_lib->get("tankhouse_cell"), "tankhouse_cell");
    // Cathode plates: one slab for the cell's row of cathodes (not 50 sheets); the scene raises it as copper deposits.
    eng::MeshData plates = eng::makeBox({1.1f, 1.0f, 5.0f}, {.name = "cathode", .baseColor = {0.85f, 0.45f, 0.28f, 1}, .roughness = 0.35f, .metallic = 1.0f});
    dropBottoms(plates);
    m_plate = r.createMesh(plates, "smelter.cathodes");

    // Slag pot carrier (Kress-type): chassis, cab at the front, the pot's cradle at the rear (model faces +z).
    eng::MeshData car;
    const eng::Material yellow{.name = "paint", .baseColor = {0.8f, 0.58f, 0.12f, 1}, .roughness = 0.55f};
    const eng::Material dark{.name = "tyre", .baseColor = {0.05f, 0.05f, 0.05f, 1}, .roughness = 0.9f};
    eng::appendMesh(car, eng::makeBox({3.0f, 1.0f, 9.0f}, yellow), T({0, 1.0f, 0.5f}));
    eng::appendMesh(car, eng::makeBox({2.6f, 2.4f, 2.0f}, yellow), T({0, 2.0f, 4.0f}));
    eng::appendMesh(car, eng::makeBox({2.2f, 1.0f, 1.9f}, {.name = "glass", .baseColor = {0.1f, 0.14f, 0.16f, 1}, .roughness = 0.1f}), T({0, 3.0f, 4.05f}));
    for (float x : {-1.7f, 1.7f})
        for (float z : {-2.6f, 3.8f})
            eng::appendMesh(car, eng::makeCylinder(1.0f, 0.9f, 10, dark), T({x, 1.0f, z}) * glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), {0, 0, 1}) * T({0, -0.45f, 0}));
    mergeByMaterial(car);
    m_carrier = r.createMesh(car, "smelter.pot_carrier");

    // Hall / tankhouse / store: columns on a 12 m grid, crane girders, roof trusses and lamps, the north wall and the
    // north half of the roof solid (it shades the converter line like the real hall), the aisle side cut away to a
    // 3 m dado; the cladding mesh closes the south half of the roof and the walls. Everything that never moves (the
    // frames, the stack and the acid plant, rails and a parked train) goes into one mesh, one draw per material.
    eng::MeshData site, clad, inner;
    const eng::Material steel{.name = "steel", .baseColor = {0.36f, 0.37f, 0.4f, 1}, .roughness = 0.6f, .metallic = 0.5f};
    const eng::Material wall{.name = "cladding", .baseColor = {0.2f, 0.16f, 0.12f, 1}, .roughness = 0.7f};  // rust-stained
    const eng::Material roof{.name = "roof", .baseColor = {0.2f, 0.19f, 0.18f, 1}, .roughness = 0.75f};
    const eng::Material lamp{.name = "lamp", .baseColor = {1, 1, 1, 1}, .emissive = {3.5f, 3.1f, 2.4f}};
    // Inside, the north wall is light galvanised sheet lit by the high-bay lamps (on day and
    // night in a hall this deep) and the melt: drawn with an emissive fill (drawHall), as the engine's lighting
    // leaves a surface in the roof's shadow at the sky's ambient only.
    const eng::Material lining{.name = "lining", .baseColor = {0.3f, 0.3f, 0.29f, 1}, .roughness = 0.8f};
    const eng::Material rail{.name = "rail", .baseColor = {0.3f, 0.28f, 0.27f, 1}, .roughness = 0.4f, .metallic = 0.8f};
    auto box = [](glm::vec3 size, const eng::Material& m) {
        eng::MeshData b = eng::makeBox(size, m);
        dropBottoms(b);
        return b;
    };
    auto building = [&](float x0, float x1, float z0, float z1, float h, bool girders) {
        const float zm = 0.5f * (z0 + z1);
        for (float x = x0; x <= x1 + 0.1f; x += 12.0f) {
            for (float z : {z0, z1}) eng::appendMesh(site, box({0.8f, h, 0.8f}, steel), T({x, 0, z}));
            eng::appendMesh(site, box({0.5f, 1.2f, z1 - z0}, steel), T({x, h - 1.2f, zm}));  // truss
            if (x + 6.0f < x1) eng::appendMesh(site, box({0.6f, 0.3f, 0.6f}, lamp), T({x + 6.0f, h - 1.6f, zm}));
        }
        for (float z : {z0, z1}) eng::appendMesh(site, box({x1 - x0, 0.8f, 0.5f}, steel), T({(x0 + x1) * 0.5f, h - 0.8f, z}));  // eaves
        if (girders)
            for (float z : {z0 + 0.6f, z1 - 0.6f}) eng::appendMesh(site, box({x1 - x0, 1.6f, 0.9f}, steel), T({(x0 + x1) * 0.5f, kCraneRail - 1.6f, z}));
        // The north wall: the rusty outer skin (one face, north) and the lit lining, the wall's body, behind it: no
        // face is drawn over another (the software rasterizer would shade the hidden one too).
        eng::appendMesh(site, eng::makePlane({x1 - x0, h}, wall), T({(x0 + x1) * 0.5f, 0.5f * h, z0 - 0.45f}) * Rx(-90.0f));
        eng::appendMesh(inner, box({x1 - x0, h, 0.65f}, lining), T({(x0 + x1) * 0.5f, 0, z0 + 0.175f}));
        eng::appendMesh(site, box({x1 - x0 + 1.0f, 0.4f, zm - z0 + 0.5f}, roof), T({(x0 + x1) * 0.5f, h, 0.5f * (z0 - 0.5f + zm)}));
        eng::appendMesh(site, box({x1 - x0, 3.0f, 0.3f}, wall), T({(x0 + x1) * 0.5f, 0, z1 + 0.3f}));
        for (float x : {x0 - 0.3f, x1 + 0.3f}) eng::appendMesh(site, box({0.3f, 3.0f, z1 - z0}, wall), T({x, 0, zm}));
        // Closed: the south half of the roof, full south and end walls.
        eng::appendMesh(clad, box({x1 - x0 + 1.0f, 0.4f, z1 - zm + 0.5f}, roof), T({(x0 + x1) * 0.5f, h - 0.02f, 0.5f * (zm + z1 + 0.5f)}));
        eng::appendMesh(clad, box({x1 - x0, h - 3.0f, 0.3f}, wall), T({(x0 + x1) * 0.5f, 3.0f, z1 + 0.3f}));
        for (float x : {x0 - 0.3f, x1 + 0.3f}) eng::appendMesh(clad, box({0.3f, h - 3.0f, z1 - z0}, wall), T({x, 3.0f, zm}));
    };
    building(kHallX0, kHallX1, kHallZ0, kHallZ1, kHallH, true);
    building(kTankhousePos.x - kTankhouseHalfX, kTankhousePos.x + kTankhouseHalfX, -kTankhouseHalfZ, kTankhouseHalfZ, 16.0f, false);
    building(kStorePos.x - 30.0f, kStorePos.x + 30.0f, kStorePos.z - 24.0f, kStorePos.z + 24.0f, 20.0f, false);
    eng::appendMesh(site, m_lib->get("stack"), T(kStackPos));
    eng::appendMesh(site, m_lib->get("acid_plant"), T(kAcidPlantPos));
    // Rails on the spurs' ballast (painted into the ground), and a concentrate train waiting at the store: a PE2U
    // traction unit and 2VS-105 cars (almalyk.md §2), lengthwise along the spur.
    for (const Spur& sp : kSpurs)
        for (float side : {-0.5f, 0.5f})
            eng::appendMesh(site, box({sp.x1 - sp.x0, 0.18f, 0.08f}, rail), T({0.5f * (sp.x0 + sp.x1), 0.02f, sp.z + side * kGauge}));
    eng::appendMesh(site, m_lib->get("locomotive"), T({-236.0f, 0.0f, kSpurs[0].z}) * Ry(90.0f));
    for (int k = 0; k < 5; ++k)
        eng::appendMesh(site, m_lib->get("dumpcar"), T({-261.0f - 13.0f * static_cast<float>(k), 0.0f, kSpurs[0].z}) * Ry(90.0f));
    mergeByMaterial(site);
    mergeByMaterial(clad);
    mergeByMaterial(inner);
    m_lining = r.createMesh(inner, "smelter.lining");
    m_frame = r.createMesh(site, "smelter.site");
    m_cladding = r.createMesh(clad, "smelter.cladding");

    // Static boxes and cylinders, instanced: slabs, roads, off-gas line, converter flue, conveyor, charge bins.
    auto& B = m_staticBoxes;
    auto& C = m_staticCyls;
    // Fayalite feedstock bay (photocatalyst line): concrete bunker walls east of the dump, belt heading east.
    B.push_back(boxInst({2, 0, 100}, {32, 3.0f, 101}, kConcrete));
    B.push_back(boxInst({2, 0, 100}, {3, 3.0f, 126}, kConcrete));
    B.push_back(boxInst({31, 0, 100}, {32, 3.0f, 126}, kConcrete));
    B.push_back(boxInst({32, 1.5f, 112}, {130, 2.3f, 114.5f}, {0.3f, 0.3f, 0.32f}));   // feed conveyor toward the catalyst line
    // Concentrate conveyor from the store to the furnace's charge bins, and the charge-preparation bins.
    C.push_back(inst(tube(kStorePos + glm::vec3(30, 3, 0), kFurnacePos + glm::vec3(-9, 21, 0), 0.9f), kDuct));
    for (int k = 0; k < 3; ++k) {
        const glm::vec3 p(-140.0f + 8.0f * static_cast<float>(k), 0.0f, -14.0f);
        C.push_back(inst(T(p + glm::vec3(0, 6, 0)) * S({3.0f, 9.0f, 3.0f}), {0.55f, 0.55f, 0.58f}));
        C.push_back(inst(T(p) * S({0.6f, 6.0f, 0.6f}), kDarkSteel));
    }
    // Off-gas line: uptake up from the furnace, across to the waste-heat boiler and gas cleaning, into the acid plant.
    const glm::vec3 up0 = kFurnacePos + glm::vec3(-4, 20, 0);
    const glm::vec3 a1 = kUptakeTop, a2{kUptakeTop.x, kUptakeTop.y, -60.0f}, a3{kAcidPlantPos.x - 15.0f, kUptakeTop.y, -60.0f};
    C.push_back(inst(tube(up0, a1 + glm::vec3(0, 1.5f, 0), 1.8f), kDuct));
    C.push_back(inst(tube(a1, a2, 1.6f), kDuct));
    C.push_back(inst(tube(a2, a3, 1.6f), kDuct));
    C.push_back(inst(tube(a3, a3 - glm::vec3(0, 14, 0), 1.6f), kDuct));
    // Waste-heat boiler on the off-gas line.
    B.push_back(boxInst({a2.x - 6, 0, a2.z - 8}, {a2.x + 6, 30, a2.z + 8}, {0.52f, 0.5f, 0.48f}));
    // Converter main flue along the north wall, above the cranes, out to the acid plant.
    C.push_back(inst(tube({-64, 27, -15}, {90, 27, -15}, 1.4f), kDuct));
    C.push_back(inst(tube({-30, 27, -15}, {-30, 27, -62}, 1.4f), kDuct));
    C.push_back(inst(tube({-30, 27.5f, -62}, {-30, 14, -62}, 1.4f), kDuct));
    // Tail gas from the acid plant to the stack.
    C.push_back(inst(tube(kAcidPlantPos + glm::vec3(15, 8, 0), kStackPos + glm::vec3(-5, 8, 0), 1.5f), kDuct));
}

// [SECTION] update

void SmelterScene::observe(const sim::State& s) { m_plots.sample(s, s.time); }

void SmelterScene::update(const FrameInput& in) {
    const CallState scope(m_state, in.state);
    m_now = in.now;
    m_night = glm::clamp(0.5f - in.sunDir.y * 6.0f, 0.0f, 1.0f);
    m_anim01 += in.dtReal;
    if (!m_state) return;
    const sim::State& s = (*m_state);
    const sim::SmelterState& sm = s.smelter;
    smelter::remember(m_hist, sm, sim::toSeconds(s.time));
    m_hist.aheadS = std::max(0.0, sim::toSeconds(in.now - s.time));
    m_anim = smelter::animate(sm, in.events, m_hist);

    // Ease converter tilts toward the animation: the shell turns at ~2 deg per sim second, but never slower than a
    // visitor can follow (>= 25 deg per wall second).
    m_shownTilt.resize(m_anim.converters.size(), 30.0f);
    const float turn = std::max(25.0f, static_cast<float>(2.0 * in.simSecondsPerSecond)) * std::max(in.dtReal, 0.0f);
    for (std::size_t i = 0; i < m_anim.converters.size(); ++i) {
        const float target = m_anim.converters[i].tiltDeg;
        m_shownTilt[i] += std::clamp(target - m_shownTilt[i], -turn, turn);
        if (in.simSecondsPerSecond <= 0.0 && in.dtReal <= 0.02f && m_firstUpdate) m_shownTilt[i] = target;  // first shot frame
    }

    const double dtSim = in.dtReal * in.simSecondsPerSecond;
    for (double& f : m_freshSlag) f += dtSim;
    for (const Cue& c : m_anim.cues)
        if (c.kind == Cue::SlagDump) {
            for (int k = 0; k < 3; ++k)
                if (glm::length(c.pos - yardDumpSpot(k)) < 1.0f) m_freshSlag[static_cast<std::size_t>(k)] = 0.0;
        }
    // Before the first frame the yard has seen dumps the animation's cues never showed: start from the ladles' state.
    if (m_firstUpdate)
        for (std::size_t i = 0, k = 0; i < sm.ladles.size(); ++i)
            if (sm.ladles[i].contents == sim::LadleContents::Slag) {
                if (sm.ladles[i].stage == sim::LadleStage::Dumping && k < 3) m_freshSlag[k] = 0.0;  // pouring now
                else if (sm.ladles[i].stage == sim::LadleStage::Returning && k < 3) m_freshSlag[k] = sm.ladles[i].progress * 12 * 60;
                else if (k < 3) m_freshSlag[k] = kFreshSlagCoolS;
                ++k;
            }

    m_furnaceC = sm.furnace.temperature_c;
    m_stackSo2 = sm.stack_so2_t_h;
    m_capture = sm.acid_plant.capture_fraction;
    m_cells = sm.tankhouse.cells;
    m_cathodeOnCells = sm.tankhouse.cathode_on_cells_t;
    m_cathodeStock = sm.tankhouse.cathode_stock_t;
    m_cathodeTh = sm.tankhouse.cathode_t_h;
    m_yardSlag = sm.slag_yard.slag_t;
    m_fayalite = sm.slag_yard.fayalite_t;
    m_catalystSlag = s.catalyst.slag_used_t;
    m_alarm.assign(sm.alarms.size(), false);
    for (std::size_t i = 0; i < sm.alarms.size(); ++i) m_alarm[i] = sm.alarms[i].active;
    if (sm.casting.active) m_wheelDeg += static_cast<float>(std::min(dtSim, 60.0) * 0.6);  // ~1 mould per 10 s (E)
    updateParticles(in);
    // The first frame (and every shot) starts with plumes and fumes already developed, not from an empty sky.
    if (m_firstUpdate && m_r)
        for (int i = 0; i < 300; ++i) m_r->particles().update(1.0f / 20.0f);
    m_firstUpdate = false;
    m_plots.sample(s, in.now);
}

void SmelterScene::updateParticles(const FrameInput& in) {
    if (!m_r) return;
    eng::ParticleSystem& ps = m_r->particles();
    for (int i = 0; i < kMaxConverters; ++i) {
        const bool on = i < static_cast<int>(m_anim.converters.size());
        const ConverterAnim* a = on ? &m_anim.converters[static_cast<std::size_t>(i)] : nullptr;
        eng::EmitterDesc& fume = ps.emitter(m_convFume[static_cast<std::size_t>(i)]);
        eng::EmitterDesc& sparks = ps.emitter(m_convSparks[static_cast<std::size_t>(i)]);
        fume.position = sparks.position = converterMouth(i);
        fume.rate = a ? 10.0f * a->flame + (a->pouringOut ? 3.0f : 0.0f) : 0.0f;
        sparks.rate = a ? 40.0f * a->flame : 0.0f;
        // Blowing: straight up into the hood; rolled out: the mouth faces the aisle, fume spills toward it.
        const float tilt = glm::radians(m_shownTilt.empty() || !on ? 0.0f : m_shownTilt[static_cast<std::size_t>(i)]);
        sparks.velocity = glm::vec3(0.0f, 9.0f * std::cos(tilt), 9.0f * std::sin(tilt) + 1.0f);
    }
    // Stack plume: SO2 not captured (t/h) makes the plume; a little steam always rises from the tail gas.
    eng::EmitterDesc& plume = ps.emitter(m_stackPlume);
    plume.rate = static_cast<float>(std::clamp(0.6 + 3.0 * m_stackSo2, 0.6, 14.0));
    plume.size = static_cast<float>(std::clamp(5.0 + 2.0 * std::sqrt(m_stackSo2), 5.0, 16.0));
    plume.color = m_stackSo2 > 1.0 ? glm::vec4(0.7f, 0.66f, 0.45f, 0.6f) : glm::vec4(0.85f, 0.86f, 0.86f, 0.35f);
    ps.emitter(m_castSteam).rate = m_anim.castingActive ? 8.0f : 0.0f;
    // Pours: sparks where the stream lands.
    eng::EmitterDesc& pour = ps.emitter(m_pourSparks);
    pour.rate = 0.0f;
    for (std::size_t i = 0; i < m_anim.ladles.size(); ++i)
        if (m_anim.ladles[i].pouring && m_anim.ladles[i].carrier == Carrier::Crane) {
            pour.position = m_anim.ladles[i].pos + glm::vec3(0.0f, 3.5f, -3.0f);
            pour.rate = 25.0f;
        }
    eng::EmitterDesc& dumpS = ps.emitter(m_dumpSparks);
    eng::EmitterDesc& dumpK = ps.emitter(m_dumpSmoke);
    dumpS.rate = dumpK.rate = 0.0f;
    for (const LadleAnim& l : m_anim.ladles)
        if (l.pouring && l.carrier == Carrier::PotCarrier) {
            dumpS.position = dumpK.position = l.pos + glm::vec3(0.0f, 1.0f, 6.0f);
            dumpS.rate = 30.0f;
            dumpK.rate = 3.0f;
        }
    for (const Cue& c : m_anim.cues) {
        if (c.kind == Cue::MatteTap) ps.burst(m_tapSparks, 40);
        if (c.kind == Cue::SlagTap) ps.burst(m_slagTapSparks, 40);
    }
    (void)in;
}

// [SECTION] draw

void SmelterScene::draw(eng::Renderer& r, const eng::OrbitCamera& cam, const FrameInput& in) {
    m_eye = cam.position();
    const CallState scope(m_state, in.state);
    r.setShadowRegion({40.0f, 0.0f, 20.0f}, 320.0f);
    // A smelter works through the night under floodlights: a warm sodium-lamp fill keeps the plant readable while
    // the melt, flames and lamps carry the picture.
    if (m_night > 0.0f) {
        eng::Lighting L = r.lighting();
        L.skyAmbient = glm::mix(L.skyAmbient, glm::vec3(0.16f, 0.13f, 0.09f), m_night);
        L.groundAmbient = glm::mix(L.groundAmbient, glm::vec3(0.1f, 0.08f, 0.05f), m_night);
        r.setLighting(L);
    }
    const eng::DrawFlags ground{.castShadow = false};
    r.draw(m_ground, glm::mat4(1.0f), glm::vec4(1.0f), glm::vec3(0.0f), ground);
    m_backdrop.draw(r);
    drawHall(r);
    drawEquipment(r);
    drawLadlesAndCranes(r);
    drawYard(r);
    drawTankhouse(r);
    drawStreams(r);
    if (m_showLabels) drawLabels(r, cam.position());
}

void SmelterScene::drawHall(eng::Renderer& r) {
    r.draw(m_frame, glm::mat4(1.0f));
    // The lining's light: by day the sky through the open side and its bounce off the floor and the plant, which the
    // engine's hemisphere ambient (no occlusion, no bounce) leaves at a fraction; after dusk the high-bays' warm fill
    // (their direct light is the engine's lamps).
    const eng::Lighting& L = r.lighting();
    // Neutral to warm: the bounce off the brown floor and the plant outweighs the blue of the sky.
    const float ambient = glm::dot(L.skyAmbient + L.groundAmbient, glm::vec3(0.2126f, 0.7152f, 0.0722f));
    const glm::vec3 daylight = 0.3f * kInteriorBounce * ambient * glm::vec3(1.0f, 0.95f, 0.85f) * (1.0f - m_night);
    r.draw(m_lining, glm::mat4(1.0f), glm::vec4(1.0f), daylight + glm::vec3(0.016f, 0.011f, 0.006f) * m_night);
    if (!m_cutaway) r.draw(m_cladding, glm::mat4(1.0f));
    r.drawInstanced(m_box, m_staticBoxes);
    r.drawInstanced(m_cyl, m_staticCyls);
    // Concentrate piles in the store, sized by the store's stock: copper (chalcopyrite) flotation concentrate, ~21 % Cu
    // (almalyk.md Recommended defaults), is a fine dark grey-green to black powder (albedo ~0.06, kConcentrate); and a
    // pile of quartz flux, crushed light grey-beige rock (kQuartzFlux).
    const float fill = static_cast<float>(std::clamp((m_state ? m_state->smelter.concentrate_store_t : 5000.0) / 8000.0, 0.1, 1.2));
    std::vector<eng::Instance> piles;
    for (int k = 0; k < 3; ++k)
        piles.push_back(inst(T(kStorePos + glm::vec3(-16.0f + 14.0f * static_cast<float>(k), 0, -6)) * S({7.0f * std::sqrt(fill), 7.0f * fill, 7.0f * std::sqrt(fill)}),
                             kConcentrate));
    piles.push_back(inst(T(kStorePos + glm::vec3(12, 0, 12)) * S({6, 5, 6}), kQuartzFlux));
    r.drawInstanced(m_pile, piles, {.castShadow = false});  // they grow with the stock: keep the shadow cache
}

void SmelterScene::drawEquipment(eng::Renderer& r) {
    const eng::DrawFlags moving{.castShadow = false};
    // Smelting furnace: long axis along x; the bath glows through the tuyere ports and the tap holes by temperature.
    const glm::mat4 fm = T(kFurnacePos) * Ry(90.0f);
    r.draw(m_furnace.fixed, fm);
    r.draw(m_furnace.melt, fm, glm::vec4(1.0f), meltGlow(m_furnaceC) * (m_state && !m_state->smelter.furnace.running ? 0.3f : 1.0f));
    // Converters.
    std::vector<eng::Instance> base, shell, melt;
    for (std::size_t i = 0; i < m_anim.converters.size(); ++i) {
        const ConverterAnim& a = m_anim.converters[i];
        const glm::mat4 m = T(converterPos(static_cast<int>(i)));
        const glm::vec3 tint = a.mode == ConverterMode::Faulted ? glm::vec3(1.0f, 0.7f, 0.65f) : glm::vec3(1.0f);
        base.push_back(inst(m, tint));
        const glm::mat4 sm = m * about(m_converter.pivot, Rx(m_shownTilt[i]));
        shell.push_back(inst(sm, tint));
        melt.push_back(inst(sm, glm::vec3(1.0f), meltGlow(a.glowC) * (a.flame > 0.0f ? 1.4f : 1.0f)));
    }
    r.drawInstanced(m_converter.fixed, base);
    r.drawInstanced(m_converter.moving, shell, moving);
    r.drawInstanced(m_converter.melt, melt, moving);
    // Flames at the mouth of blowing converters (a hot yellow-white cone, flickering).
    std::vector<eng::Instance> flames, glowBoxes;
    for (std::size_t i = 0; i < m_anim.converters.size(); ++i) {
        const ConverterAnim& a = m_anim.converters[i];
        if (a.flame <= 0.0f) continue;
        const float flick = 0.85f + 0.15f * std::sin(m_anim01 * 23.0f + static_cast<float>(i) * 1.7f);
        const glm::vec3 mouth = converterMouth(static_cast<int>(i));
        flames.push_back(inst(T(mouth - glm::vec3(0, 0.5f, 0)) * S({1.7f, 5.0f * a.flame * flick, 1.7f}), glm::vec3(0.2f),
                              glm::vec3(3.2f, 1.3f, 0.3f) * a.flame));
    }
    r.drawInstanced(m_flame, flames, moving);
    // Anode furnaces and the casting wheel.
    std::vector<eng::Instance> anodeBase, anodeShell;
    for (std::size_t k = 0; k < m_anim.anodes.size(); ++k) {
        const AnodeAnim& a = m_anim.anodes[k];
        const glm::mat4 m = T(anodeFurnacePos(static_cast<int>(k)));
        anodeBase.push_back(inst(m));
        anodeShell.push_back(inst(m * about(m_anode.pivot, Rx(a.rollDeg))));
        if (a.fill > 0.05f) {  // the mouth glows while it holds copper (anode furnace ~1150-1200 C: almalyk.md §6)
            const glm::vec4 mouth = m * about(m_anode.pivot, Rx(a.rollDeg)) * glm::vec4(0, m_anode.pivot.y + 2.0f, 0, 1);
            glowBoxes.push_back(inst(T(glm::vec3(mouth)) * S({1.6f, 0.25f, 1.0f}), glm::vec3(1.0f), meltGlow(1180.0)));
        }
    }
    r.drawInstanced(m_anode.fixed, anodeBase);
    r.drawInstanced(m_anode.moving, anodeShell, moving);
    // Alarm beacons: a pulsing red lamp over the unit whose value is out of range (furnace: temperature or bath
    // level; stack: SO2), besides the red label and the panel's alarm list.
    const float pulse = 0.5f + 0.5f * std::sin(m_anim01 * 6.0f);
    for (std::size_t i = 0; i < m_alarm.size(); ++i) {
        if (!m_alarm[i]) continue;
        const glm::vec3 at = i < 3 ? kFurnacePos + glm::vec3(0, 23, 0) : kStackPos + glm::vec3(0, 151, 0);
        const float size = i < 3 ? 1.6f : 4.0f;
        glowBoxes.push_back(inst(T(at) * S(glm::vec3(size)), kAlarmRed, kAlarmRed * (2.0f + 6.0f * pulse)));
    }
    // Aviation obstruction lights on the 150 m stack after dusk (steady red at the top and at mid height).
    if (m_night > 0.3f)
        for (float y : {149.2f, 100.0f})
            for (float a : {0.0f, 90.0f, 180.0f, 270.0f}) {
                const float rad = 7.0f - 3.0f * y / 150.0f + 0.4f;  // the stack's taper (stack model)
                const glm::vec3 p = kStackPos + glm::vec3(rad * std::cos(glm::radians(a)), y, rad * std::sin(glm::radians(a)));
                glowBoxes.push_back(inst(T(p) * S(glm::vec3(1.6f)), kAlarmRed, glm::vec3(8.0f, 0.5f, 0.2f)));
            }
    // After dusk the lamps light the aisle floor in sodium orange, and every converter that blows, skims or pours
    // throws the melt's light on the floor in front of its mouth (an emissive pool seen from afar, and a lamp).
    if (m_night > 0.0f) {
        const float x0 = kHallX0 + 2.0f, x1 = kHallX1 - 2.0f;
        glowBoxes.push_back(inst(T({0.5f * (x0 + x1), 0.07f, 0.0f}) * S({x1 - x0, 0.02f, kHallZ1 - kHallZ0 - 4.0f}), glm::vec3(0.05f),
                                 glm::vec3(0.12f, 0.07f, 0.028f) * m_night));
        for (std::size_t i = 0; i < m_anim.converters.size(); ++i) {
            const ConverterAnim& a = m_anim.converters[i];
            const float hot = std::max(a.flame, a.pouringOut ? 0.8f : 0.0f);
            if (hot <= 0.0f) continue;
            glowBoxes.push_back(inst(T(converterLadleSpot(static_cast<int>(i)) + glm::vec3(0.0f, 0.08f, -1.0f)) * S({14.0f, 0.02f, 10.0f}),
                                     glm::vec3(0.05f), meltGlow(1250.0) * 0.35f * hot * m_night));
            // The melt's light on the converter, the crane and the aisle around it.
            r.addLight({.position = converterLadleSpot(static_cast<int>(i)) + glm::vec3(0.0f, 4.0f, 0.0f),
                        .color = meltGlow(1250.0) * (0.6f * hot * m_night), .range = 45.0f});
        }
        // Roof lamps down the aisle (high-bay, every ~45 m): light on the floor, the furnaces and the ladles.
        for (float x = x0 + 20.0f; x < x1; x += 45.0f)
            r.addLight({.position = {x, kHallH - 3.0f, 0.0f}, .color = glm::vec3(1.0f, 0.80f, 0.55f) * (2.5f * m_night),
                        .range = 55.0f, .direction = {0, -1, 0}, .cosCone = 0.2f});
    }
    r.drawInstanced(m_box, glowBoxes, moving);
    const glm::mat4 wm = T(kCastingWheelPos);
    r.draw(m_wheel.fixed, wm);
    r.draw(m_wheel.moving, wm * about(m_wheel.pivot, Ry(m_wheelDeg)), glm::vec4(1.0f), glm::vec3(0.0f), moving);
    if (m_anim.castingActive) {
        // Fresh anodes glowing in the moulds on the filling side of the wheel, and the launder from the furnace.
        std::vector<eng::Instance> hot;
        for (int k = 0; k < 6; ++k) {
            const float ang = glm::radians(m_wheelDeg + 20.0f * static_cast<float>(k));
            const glm::vec3 p = kCastingWheelPos + glm::vec3(std::sin(ang) * 5.2f, 2.6f, std::cos(ang) * 5.2f);
            hot.push_back(inst(T(p) * Ry(glm::degrees(ang)) * S({1.0f, 0.12f, 1.1f}), glm::vec3(0.3f), meltGlow(1180.0 - 90.0 * k)));
        }
        r.drawInstanced(m_box, hot, moving);
    }
}

void SmelterScene::drawLadlesAndCranes(eng::Renderer& r) {
    const eng::DrawFlags moving{.castShadow = false};
    std::vector<eng::Instance> bail, body, melt, carriers, bridges, trolleys, hooks, ropes;
    std::vector<float> craneXs;
    auto addCrane = [&](float x, glm::vec3 hookAt) {
        const glm::mat4 m = T({x, 0.0f, (kHallZ0 + kHallZ1) * 0.5f}) * Ry(90.0f) * S({m_craneSpanScale, 1.0f, 1.0f});
        // Model x (trolley travel) points to scene -z after the yaw.
        const float tx = -(hookAt.z - (kHallZ0 + kHallZ1) * 0.5f) / m_craneSpanScale;
        const glm::mat4 trolley = m * T({tx, 0.0f, 0.0f});
        const float dy = hookAt.y - m_hookRest.y;
        const float restLen = std::max(m_ropePivot.y - m_hookRest.y, 0.1f);
        const float scale = std::max(m_ropePivot.y - hookAt.y, 0.2f) / restLen;
        bridges.push_back(inst(m));
        trolleys.push_back(inst(trolley));
        hooks.push_back(inst(trolley * T({0.0f, dy, 0.0f})));
        ropes.push_back(inst(trolley * about(m_ropePivot, S({1.0f, scale, 1.0f}))));
        craneXs.push_back(x);
    };
    for (const LadleAnim& l : m_anim.ladles) {
        glm::mat4 m = T(l.pos) * Ry(l.headingDeg);
        float tilt = l.tiltDeg;
        glm::vec3 tint(1.0f);
        if (l.carrier == Carrier::PotCarrier) {
            carriers.push_back(inst(m));
            m = m * T({0.0f, 1.6f, -2.2f});  // the pot sits in the carrier's rear cradle
            tilt = -tilt;                     // and tips out backwards over the dump edge
            tint = glm::vec3(0.55f, 0.5f, 0.48f);
        }
        if (l.contents == sim::LadleContents::Blister) tint = glm::vec3(0.8f, 0.85f, 0.95f);
        if (l.carrier == Carrier::Crane) addCrane(l.pos.x, l.pos + glm::vec3(0.0f, 5.6f, 0.0f));
        bail.push_back(inst(m, tint));
        const glm::mat4 tm = m * about(m_ladle.pivot, Rx(tilt));
        body.push_back(inst(tm, tint));
        if (l.fill > 0.02f && l.glowC > 0.0f) melt.push_back(inst(tm, glm::vec3(1.0f), meltGlow(l.glowC)));
    }
    // Cranes not carrying anything wait at the ends of the aisle (two bays each).
    for (float parkX : {kHallX0 + 8.0f, kHallX1 - 8.0f})
        if (std::none_of(craneXs.begin(), craneXs.end(), [&](float x) { return std::abs(x - parkX) < 12.0f; }))
            addCrane(parkX, {parkX, kCraneRail - 3.0f, 0.0f});
    r.drawInstanced(m_ladle.fixed, bail, moving);
    r.drawInstanced(m_ladle.moving, body, moving);
    r.drawInstanced(m_ladle.melt, melt, moving);
    r.drawInstanced(m_carrier, carriers, moving);
    r.drawInstanced(m_craneBridge, bridges, moving);
    r.drawInstanced(m_craneTrolley, trolleys, moving);
    r.drawInstanced(m_craneHook, hooks, moving);
    r.drawInstanced(m_craneRope, ropes, moving);
}

void SmelterScene::drawStreams(eng::Renderer& r) {
    const eng::DrawFlags flags{.castShadow = false};
    std::vector<eng::Instance> st;
    // Ladle pours: matte into a converter mouth, blister into an anode furnace.
    for (const LadleAnim& l : m_anim.ladles) {
        if (!l.pouring || l.carrier != Carrier::Crane) continue;
        const glm::vec3 lip = l.pos + glm::vec3(0.0f, 4.6f, -2.4f);
        const glm::vec3 into = lip + glm::vec3(0.0f, -3.5f, -2.0f);
        st.push_back(inst(tube(lip, into, 0.35f), glm::vec3(1.0f), meltGlow(l.glowC > 0 ? l.glowC : 1220.0)));
    }
    // Converter pours and skims: from the mouth down into the ladle (blister) or the skimming pot.
    for (std::size_t i = 0; i < m_anim.converters.size(); ++i) {
        const ConverterAnim& a = m_anim.converters[i];
        if (!a.pouringOut) continue;
        const glm::vec3 mouth = converterMouth(static_cast<int>(i));
        const glm::vec3 ladle = converterLadleSpot(static_cast<int>(i)) + glm::vec3(0.0f, 4.2f, 0.0f);
        st.push_back(inst(tube(mouth, ladle, 0.45f), glm::vec3(1.0f), meltGlow(a.mode == ConverterMode::Skimming ? 1240.0 : 1200.0)));
    }
    // Furnace taps: continuous glowing launders while the bath is up; the stream into a ladle right after a tap.
    if (m_state && m_state->smelter.furnace.running) {
        const glm::vec3 matteHole = kFurnacePos + glm::vec3(7.5f, 2.2f, 3.0f);
        const glm::vec3 slagHole = kFurnacePos + glm::vec3(-4.0f, 2.6f, 3.8f);
        st.push_back(inst(tube(matteHole, matteTapSpot(0) + glm::vec3(-1.5f, 5.6f, 0.0f), 0.3f), glm::vec3(1.0f), meltGlow(m_furnaceC - 20.0) * 0.5f));
        st.push_back(inst(tube(slagHole, slagTapSpot(0) + glm::vec3(0.0f, 7.2f, -2.0f), 0.3f), glm::vec3(1.0f), meltGlow(m_furnaceC + 30.0) * 0.5f));
    }
    // Slag running down the yard's dump face from a tipping pot, and the fresh runs cooling afterwards.
    for (const LadleAnim& l : m_anim.ladles)
        if (l.pouring && l.carrier == Carrier::PotCarrier)
            st.push_back(inst(tube(l.pos + glm::vec3(0.0f, 3.0f, 4.5f), l.pos + glm::vec3(0.0f, 0.3f, 12.0f), 0.7f), glm::vec3(1.0f), meltGlow(1250.0)));
    r.drawInstanced(m_stream, st, flags);
}

void SmelterScene::drawYard(eng::Renderer& r) {
    // The slag heap: the old dump's tipped cones and ridges, rising by a third with this run's slag (almalyk.md §6:
    // ~2.2 t slag per t Cu).
    const float grow = static_cast<float>(std::clamp(m_yardSlag / 20000.0, 0.0, 1.0));
    r.draw(m_heap, S({1.0f, 0.85f + 0.3f * grow, 1.0f}), glm::vec4(1.0f), glm::vec3(0.0f), {.castShadow = false});
    // Fresh runs: the latest pot at each dump spot spreads as a tongue over the yard floor toward the heap's toe,
    // glowing orange-red and cooling over ~40 sim minutes to a dull red, then black: a bright core and a darker,
    // crusted rim.
    std::vector<eng::Instance> runs;
    for (int k = 0; k < 3; ++k) {
        const double age = m_freshSlag[static_cast<std::size_t>(k)];
        if (age >= kFreshSlagCoolS) continue;
        const double tempC = 1250.0 - 600.0 * age / kFreshSlagCoolS;
        const glm::vec3 lip = yardDumpSpot(k) + glm::vec3(0.0f, 0.05f, 2.0f);
        runs.push_back(inst(T(lip) * Ry(6.0f * static_cast<float>(k - 1)) * S({7.0f, 0.25f, 17.0f}) * T({0, 0, 0.5f}),
                            glm::vec3(0.06f), meltGlow(tempC - 120.0)));
        runs.push_back(inst(T(lip + glm::vec3(0.0f, 0.1f, 0.5f)) * Ry(6.0f * static_cast<float>(k - 1)) * S({3.2f, 0.25f, 14.0f}) * T({0, 0, 0.5f}),
                            glm::vec3(0.06f), meltGlow(tempC)));
    }
    r.drawInstanced(m_box, runs, {.castShadow = false});
    // Fayalite feedstock pile in its bay: the slag yard's fayalite share, marked for the photocatalyst line.
    const float fay = static_cast<float>(std::clamp(0.3 + m_fayalite / 2000.0, 0.3, 1.0));
    r.draw(m_pile, T({17.0f, 0.0f, 113.0f}) * S({11.0f * fay, 5.0f * fay, 11.0f * fay}), glm::vec4(0.07f, 0.068f, 0.065f, 1.0f),
           glm::vec3(0.0f), {.castShadow = false});  // the same dark slag, crushed
    // A marker ring (signal green) around the bay: this is the photocatalyst's feedstock.
    std::vector<eng::Instance> posts;
    for (int k = 0; k < 8; ++k)
        posts.push_back(boxInst({2.0f + 4.0f * static_cast<float>(k), 3.0f, 99.5f}, {3.5f + 4.0f * static_cast<float>(k), 3.4f, 100.5f}, {0.2f, 0.8f, 0.35f}, glm::vec3(0.05f, 0.5f, 0.12f)));
    r.drawInstanced(m_box, posts);
}

void SmelterScene::drawTankhouse(eng::Renderer& r) {
    const int n = std::min(std::max(m_cells, 0), kMaxCellsDrawn);
    const int rows = static_cast<int>(std::ceil(static_cast<float>(n) / kCellsPerRow));
    // Cathodes deposit over the harvest cycle (daily, sim/smelter.h): the plates rise from starter sheets to full.
    const double cycle_t = std::max(m_cathodeTh * 24.0, 1e-6);
    const float grow = 0.25f + 0.75f * static_cast<float>(std::clamp(m_cathodeOnCells / cycle_t, 0.0, 1.0));
    constexpr float kCellDetail_m = 90.0f;
    std::vector<eng::Instance> cells, nearCells, plates;
    cells.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const int row = i / static_cast<int>(kCellsPerRow), col = i % static_cast<int>(kCellsPerRow);
        const glm::vec3 p(kTankhousePos.x - 44.0f + 1.6f * static_cast<float>(col), 0.0f,
                          (static_cast<float>(row) - 0.5f * static_cast<float>(rows - 1)) * 6.6f);
        (glm::length(p - m_eye) < kCellDetail_m ? nearCells : cells).push_back(inst(T(p)));
        plates.push_back(inst(T(p + glm::vec3(0.0f, 0.45f, 0.0f)) * S({1.0f, grow, 1.0f})));
    }
    r.drawInstanced(m_cell, cells);
    r.drawInstanced(m_cellModel, nearCells);
    r.drawInstanced(m_plate, plates, {.castShadow = false});
    // Cathode bundles on the floor at the west end, stacked as they are harvested.
    const int bundles = static_cast<int>(std::min(m_cathodeStock / kBundle_t, static_cast<double>(kBundleSpots * kBundlesHigh)));
    std::vector<eng::Instance> stacks;
    for (int b = 0; b < bundles; ++b) {
        const int spot = b % kBundleSpots, level = b / kBundleSpots;
        const glm::vec3 p(kTankhousePos.x - kTankhouseHalfX + 3.0f + 1.6f * static_cast<float>(spot % 4),
                          0.35f * static_cast<float>(level), -28.0f + 1.6f * static_cast<float>(spot / 4) * 3.0f);
        stacks.push_back(boxInst(p - glm::vec3(0.55f, 0, 0.55f), p + glm::vec3(0.55f, 0.33f, 0.55f), kCopper));
    }
    r.drawInstanced(m_box, stacks);
}

// [SECTION] labels

void SmelterScene::drawLabels(eng::Renderer& r, glm::vec3 eye) {
    if (!m_state) return;
    const sim::SmelterState& s = m_state->smelter;
    char b[200];
    // Readouts stack (lifted clear of each other on leader lines) rather than print over each other along the
    // aisle; alarms keep their place, then the furnace and converters, the rest above them.
    std::vector<LabelWish> wishes;
    auto add = [&](glm::vec3 p, const std::string& text, glm::vec4 color = kLabelWhite, float fade = 700.0f) {
        const int priority = color == kLabelRed ? 5 : color == kLabelSlag ? 1 : 2;
        wishes.push_back({.label = {.position = p, .text = text, .color = color, .fadeStart = fade, .fadeEnd = fade * 1.8f},
                          .priority = priority, .stack = true});
    };
    const bool hot = m_alarm.size() > 0 && m_alarm[0], cold = m_alarm.size() > 1 && m_alarm[1];
    const bool level = m_alarm.size() > 2 && m_alarm[2], stack = m_alarm.size() > 3 && m_alarm[3];
    eng::localSnprintf(b, sizeof b, eng::trp("%sSmelting furnace  %.0f °C\nmatte %.1f %% Cu, bath %.2f m%s"), hot || cold || level ? eng::trp("ALARM  ") : "",
                  s.furnace.temperature_c, s.furnace.matte_grade_pct, s.furnace.bath_level_m,
                  s.furnace.running ? "" : eng::trp("\nTRIPPED (no smelting)"));
    add(kFurnacePos + glm::vec3(0, 25, 0), b, hot || cold || level || !s.furnace.running ? kLabelRed : kLabelWhite);
    static const char* kPhase[] = {eng::N_("idle"), eng::N_("charging"), eng::N_("slag blow"), eng::N_("skimming"),
                                   eng::N_("copper blow"), eng::N_("pouring")};
    for (std::size_t i = 0; i < s.converters.size(); ++i) {
        const sim::ConverterState& c = s.converters[i];
        eng::localSnprintf(b, sizeof b, eng::trp("Converter %zu: %s%s\n%.0f t, %.0f %%"), i + 1, c.faulted ? eng::trp("FAULT - ") : "",
                      eng::trp(kPhase[static_cast<int>(c.phase)]), c.contents_t, 100.0 * c.progress);
        add(converterPos(static_cast<int>(i)) + glm::vec3(0, 14, 0), b, c.faulted ? kLabelRed : kLabelWhite, 350.0f);
    }
    static const char* kAnode[] = {eng::N_("filling"), eng::N_("oxidising"), eng::N_("poling"), eng::N_("casting")};
    for (std::size_t a = 0; a < s.anode_furnaces.size(); ++a) {
        eng::localSnprintf(b, sizeof b, eng::trp("Anode furnace %zu: %s\n%.0f t"), a + 1, eng::trp(kAnode[static_cast<int>(s.anode_furnaces[a].phase)]),
                      s.anode_furnaces[a].contents_t);
        add(anodeFurnacePos(static_cast<int>(a)) + glm::vec3(0, 12, 0), b, kLabelWhite, 350.0f);
    }
    eng::localSnprintf(b, sizeof b, eng::trp("Casting wheel%s\n%.0f anodes cast"), s.casting.active ? eng::trp(" (casting)") : "", s.casting.anodes_cast);
    add(kCastingWheelPos + glm::vec3(0, 5, 0), b, kLabelWhite, 300.0f);
    eng::localSnprintf(b, sizeof b, eng::trp("Acid plant  SO₂ in %.1f t/h, captured %.1f %%\nH₂SO₄ %.1f t/h"), s.acid_plant.so2_in_t_h,
                  100.0 * s.acid_plant.capture_fraction, s.acid_plant.acid_t_h);
    add(kAcidPlantPos + glm::vec3(0, 64, 0), b, s.acid_plant.running ? kLabelWhite : kLabelRed, 1200.0f);
    eng::localSnprintf(b, sizeof b, eng::trp("%sStack  SO₂ %.2f t/h"), stack ? eng::trp("ALARM  ") : "", s.stack_so2_t_h);
    add(kStackPos + glm::vec3(0, 155, 0), b, stack ? kLabelRed : kLabelWhite, 1500.0f);
    eng::localSnprintf(b, sizeof b, eng::trp("Tankhouse  %d cells%s, %.0f A/m²\ncathode %.1f t/h, %.0f t stacked"), s.tankhouse.cells,
                  s.tankhouse.cells > kMaxCellsDrawn ? eng::trp(" (600 shown)") : "", s.tankhouse.current_density_a_m2,
                  s.tankhouse.cathode_t_h, s.tankhouse.cathode_stock_t);
    add(kTankhousePos + glm::vec3(0, 20, 0), b, kLabelWhite, 1200.0f);
    eng::localSnprintf(b, sizeof b, eng::trp("Concentrate store  %.0f t"), s.concentrate_store_t);
    add(kStorePos + glm::vec3(0, 23, 0), b, kLabelWhite, 900.0f);
    add({-132.0f, 12.0f, -14.0f}, eng::trp("Charge preparation"), kLabelWhite, 300.0f);
    eng::localSnprintf(b, sizeof b, eng::trp("Slag yard  %.0f t this run, %.1f t/h formed"), s.slag_yard.slag_t, s.slag_t_h);
    add(kYardPos + glm::vec3(0, 16, 20), b, kLabelWhite, 900.0f);
    const double share = s.slag_yard.slag_t > 0 ? 100.0 * s.slag_yard.fayalite_t / s.slag_yard.slag_t : 0.0;
    eng::localSnprintf(b, sizeof b, eng::trp("Fayalite Fe₂SiO₄ feedstock → photocatalyst\n%.0f t (%.0f %% of the slag), %.1f t used"),
                  s.slag_yard.fayalite_t, share, m_catalystSlag);
    add({17.0f, 10.0f, 113.0f}, b, kLabelSlag, 900.0f);
    add(kUptakeTop + glm::vec3(0, 3, -30), eng::trp("Uptake and off-gas line"), kLabelWhite, 400.0f);
    // Ladles in motion say what they carry.
    static const char* kWhat[] = {eng::N_("matte"), eng::N_("slag"), eng::N_("blister")};
    for (std::size_t i = 0; i < m_anim.ladles.size(); ++i) {
        const LadleAnim& l = m_anim.ladles[i];
        if (l.fill <= 0.02f || l.carrier == Carrier::Floor) continue;
        eng::localSnprintf(b, sizeof b, eng::trp("%s %.0f t, %.0f °C"), eng::trp(kWhat[static_cast<int>(l.contents)]), s.ladles[i].mass_t, s.ladles[i].temperature_c);
        add(l.pos + glm::vec3(0, 7.5f, 0), b, kLabelSlag, 250.0f);
    }
    const float fontPx = ImGui::GetCurrentContext() ? ImGui::GetFontSize() * ImGui::GetIO().FontGlobalScale : 13.0f;
    for (int i : declutterLabels(wishes, r.viewProj(), glm::vec2(r.framebufferSize()), eye, fontPx))
        r.labels().add(wishes[static_cast<std::size_t>(i)].label);
}

// [SECTION] picking

std::vector<SmelterScene::Unit> SmelterScene::units() const {
    std::vector<Unit> u;
    u.push_back({"furnace", kFurnacePos + glm::vec3(-8, 0, -4), kFurnacePos + glm::vec3(8, 22, 4)});
    for (std::size_t i = 0; i < m_anim.converters.size(); ++i)
        u.push_back({"converter:" + std::to_string(i), converterPos(static_cast<int>(i)) + glm::vec3(-6.6f, 0, -3),
                     converterPos(static_cast<int>(i)) + glm::vec3(6.6f, 11, 3)});
    for (std::size_t i = 0; i < m_anim.ladles.size(); ++i)
        u.push_back({"ladle:" + std::to_string(i), m_anim.ladles[i].pos + glm::vec3(-2.3f, 0, -2.3f), m_anim.ladles[i].pos + glm::vec3(2.3f, 6, 2.3f)});
    for (std::size_t a = 0; a < m_anim.anodes.size(); ++a)
        u.push_back({"anode:" + std::to_string(a), anodeFurnacePos(static_cast<int>(a)) + glm::vec3(-8, 0, -3),
                     anodeFurnacePos(static_cast<int>(a)) + glm::vec3(8, 10, 3)});
    u.push_back({"wheel", kCastingWheelPos + glm::vec3(-7, 0, -7), kCastingWheelPos + glm::vec3(7, 3, 7)});
    u.push_back({"acid", kAcidPlantPos + glm::vec3(-15, 0, -20), kAcidPlantPos + glm::vec3(15, 60, 20)});
    u.push_back({"stack", kStackPos + glm::vec3(-7, 0, -7), kStackPos + glm::vec3(7, 150, 7)});
    u.push_back({"tankhouse", kTankhousePos - glm::vec3(kTankhouseHalfX, 0, kTankhouseHalfZ), kTankhousePos + glm::vec3(kTankhouseHalfX, 16, kTankhouseHalfZ)});
    u.push_back({"store", kStorePos - glm::vec3(30, 0, 24), kStorePos + glm::vec3(30, 20, 24)});
    u.push_back({"fayalite", {2, 0, 100}, {32, 6, 126}});
    u.push_back({"yard", {-110, 0, kYardPos.z - 4}, {2, 18, 200}});
    return u;
}

bool SmelterScene::pick(const eng::Ray& ray, const FrameInput& in, std::string* what) {
    const CallState scope(m_state, in.state);
    float best = 1e30f;
    std::string key;
    for (const Unit& u : units()) {
        float t = 0.0f;
        if (eng::intersectBox(ray, u.bmin, u.bmax, t) && t < best) { best = t; key = u.key; }
    }
    if (key.empty()) return false;
    m_selected = key;
    if (what) *what = describe(key);
    return true;
}

std::vector<std::string> SmelterScene::objectKeys(const sim::State& s) const {
    // The same keys units() gives a click, counted from the state itself (units() follows the last update).
    std::vector<std::string> keys = {"furnace"};
    for (std::size_t i = 0; i < s.smelter.converters.size(); ++i) keys.push_back("converter:" + std::to_string(i));
    for (std::size_t i = 0; i < s.smelter.ladles.size(); ++i) keys.push_back("ladle:" + std::to_string(i));
    for (std::size_t i = 0; i < s.smelter.anode_furnaces.size(); ++i) keys.push_back("anode:" + std::to_string(i));
    for (const char* k : {"wheel", "acid", "stack", "tankhouse", "store", "fayalite", "yard"}) keys.emplace_back(k);
    return keys;
}

bool SmelterScene::select(std::string_view key, const sim::State& s, std::string* why) {
    if (key.empty()) {
        m_selected.clear();
        return true;
    }
    const std::vector<std::string> keys = objectKeys(s);
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        if (why) *why = "no unit '" + std::string(key) + "' in the smelter";
        return false;
    }
    m_selected = std::string(key);
    return true;
}

std::string SmelterScene::describe(const std::string& key) const {
    if (!m_state) return key;
    const sim::SmelterState& s = m_state->smelter;
    char b[512];
    auto index = [&]() { return std::atoi(key.c_str() + key.find(':') + 1); };
    if (key == "furnace") {
        const sim::FurnaceState& f = s.furnace;
        eng::localSnprintf(b, sizeof b, eng::trp("Smelting furnace (Vanyukov-type bath, 21 m² hearth; almalyk.md §4)\n"
                      "%s, %.0f °C, bath %.2f m\nfeed %.1f t/h concentrate + %.1f t/h SiO₂ flux, O₂ %.0f %%\n"
                      "matte %.0f t at %.1f %% Cu, slag %.0f t (Cu %.2f %%, Fe/SiO₂ %.2f)\n"
                      "off-gas SO₂ %.1f t/h; fuel %.1f GJ/h, reaction heat %.1f GJ/h"),
                      f.running ? eng::trp("running") : eng::trp("TRIPPED"), f.temperature_c, f.bath_level_m, f.feed_t_h, f.flux_t_h,
                      100.0 * f.o2_enrichment, f.matte_t, f.matte_grade_pct, f.slag_t, f.slag_cu_pct, f.slag_fe_sio2,
                      f.offgas_so2_t_h, f.fuel_gj_h, f.reaction_gj_h);
    } else if (key.rfind("converter:", 0) == 0) {
        const int i = index();
        if (i < 0 || i >= static_cast<int>(s.converters.size())) return key;
        const sim::ConverterState& c = s.converters[static_cast<std::size_t>(i)];
        static const char* kPhase[] = {eng::N_("idle"), eng::N_("charging"), eng::N_("slag blow"), eng::N_("skimming"),
                                   eng::N_("copper blow"), eng::N_("pouring")};
        eng::localSnprintf(b, sizeof b, eng::trp("Peirce-Smith converter %d (4 m x 11 m; almalyk.md §6)\n%s%s, %.0f %% done, tilt %.0f°\n"
                      "contents %.0f t (charged %.0f t), SO₂ %.1f t/h, cycles %d"),
                      i + 1, c.faulted ? eng::trp("FAULT: ") : "", eng::trp(kPhase[static_cast<int>(c.phase)]), 100.0 * c.progress, c.tilt_deg,
                      c.contents_t, c.charged_t, c.so2_t_h, c.cycles);
    } else if (key.rfind("ladle:", 0) == 0) {
        const int i = index();
        if (i < 0 || i >= static_cast<int>(s.ladles.size())) return key;
        const sim::LadleState& l = s.ladles[static_cast<std::size_t>(i)];
        static const char* kWhat[] = {eng::N_("Matte ladle"), eng::N_("Slag pot"), eng::N_("Blister ladle")};
        static const char* kStage[] = {eng::N_("at the furnace"), eng::N_("on the crane to a converter"), eng::N_("at a converter"),
                                       eng::N_("to the slag yard"), eng::N_("to the anode furnaces"), eng::N_("pouring"),
                                       eng::N_("returning")};
        eng::localSnprintf(b, sizeof b, eng::trp("%s %d: %s (%.0f %%)\n%.1f t at %.0f °C"), eng::trp(kWhat[static_cast<int>(l.contents)]), i + 1,
                      eng::trp(kStage[static_cast<int>(l.stage)]), 100.0 * l.progress, l.mass_t, l.temperature_c);
    } else if (key.rfind("anode:", 0) == 0) {
        const int a = index();
        if (a < 0 || a >= static_cast<int>(s.anode_furnaces.size())) return key;
        static const char* kAnode[] = {eng::N_("filling"), eng::N_("oxidising"), eng::N_("poling"), eng::N_("casting")};
        eng::localSnprintf(b, sizeof b, eng::trp("Anode furnace %d (fire refining)\n%s, %.0f %% done, %.0f t"), a + 1,
                      eng::trp(kAnode[static_cast<int>(s.anode_furnaces[static_cast<std::size_t>(a)].phase)]),
                      100.0 * s.anode_furnaces[static_cast<std::size_t>(a)].progress, s.anode_furnaces[static_cast<std::size_t>(a)].contents_t);
    } else if (key == "wheel") {
        eng::localSnprintf(b, sizeof b, eng::trp("Anode casting wheel\n%s, %.0f t/h, %.0f anodes cast"), s.casting.active ? eng::trp("casting") : eng::trp("waiting"),
                      s.casting.rate_t_h, s.casting.anodes_cast);
    } else if (key == "acid") {
        eng::localSnprintf(b, sizeof b, eng::trp("Sulphuric acid plant\nSO₂ in %.2f t/h, captured %.2f t/h (%.1f %%)\nH₂SO₄ %.1f t/h, %.0f t this run%s"),
                      s.acid_plant.so2_in_t_h, s.acid_plant.so2_captured_t_h, 100.0 * s.acid_plant.capture_fraction,
                      s.acid_plant.acid_t_h, s.acid_t, s.acid_plant.running ? "" : eng::trp("\nTRIPPED: all SO₂ to the stack"));
    } else if (key == "stack") {
        eng::localSnprintf(b, sizeof b, eng::trp("Stack\nSO₂ %.2f t/h, %.1f t emitted this run"), s.stack_so2_t_h, s.so2_emitted_t);
    } else if (key == "tankhouse") {
        const sim::TankhouseState& t = s.tankhouse;
        eng::localSnprintf(b, sizeof b, eng::trp("Tankhouse (electrorefining)\n%d cells, %.0f A/m², CE %.0f %%, %.0f kA, %.1f MW\n"
                      "cathode %.2f t/h; %.0f t on the cells, %.0f t harvested; anodes %.0f t"),
                      t.cells, t.current_density_a_m2, 100.0 * t.current_efficiency, t.current_ka, t.power_mw,
                      t.cathode_t_h, t.cathode_on_cells_t, t.cathode_stock_t, t.anode_stock_t);
    } else if (key == "store") {
        eng::localSnprintf(b, sizeof b, eng::trp("Concentrate store and charge preparation\n%.0f t in store, %.0f t received this run"),
                      s.concentrate_store_t, s.concentrate_t);
    } else if (key == "fayalite") {
        eng::localSnprintf(b, sizeof b, eng::trp("Fayalite feedstock for the photocatalyst line\n%.0f t fayalite in %.0f t slag dumped\n"
                      "%.1f t slag taken by the catalyst line"), s.slag_yard.fayalite_t, s.slag_yard.slag_t, m_catalystSlag);
    } else if (key == "yard") {
        eng::localSnprintf(b, sizeof b, eng::trp("Slag yard\n%.0f t dumped this run (Cu lost %.1f t), slag formed %.1f t/h"),
                      s.slag_yard.slag_t, s.slag_yard.cu_t, s.slag_t_h);
    } else {
        return key;
    }
    return b;
}

// [SECTION] cameras

std::vector<eng::CameraPreset> SmelterScene::cameraPresets() const {
    std::vector<eng::CameraPreset> v = {
        // From the south-south-west across the slag road into the cut-away aisle, the acid plant and the 150 m stack
        // behind the hall's roofed north half, the foothills beyond.
        {"Aisle overview", {.target = {-15.0f, 34.0f, -26.0f}, .yawDeg = -12.0f, .pitchDeg = 20.0f, .distance = 240.0f, .fovDeg = 55.0f}},
        {"Smelting furnace", {.target = {-94.0f, 7.0f, 0.0f}, .yawDeg = -35.0f, .pitchDeg = 24.0f, .distance = 62.0f}},
        {"Converters", {.target = {-31.0f, 4.0f, -3.0f}, .yawDeg = 8.0f, .pitchDeg = 36.0f, .distance = 72.0f}},
        {"Anode furnaces and casting", {.target = {112.0f, 4.0f, -2.0f}, .yawDeg = -20.0f, .pitchDeg = 28.0f, .distance = 70.0f}},
        {"Tankhouse", {.target = {236.0f, 1.0f, 0.0f}, .yawDeg = 35.0f, .pitchDeg = 38.0f, .distance = 120.0f}},
        {"Slag yard", {.target = {-35.0f, 3.0f, 112.0f}, .yawDeg = 150.0f, .pitchDeg = 26.0f, .distance = 120.0f}},
        {"Whole plant", {.target = {30.0f, 10.0f, 10.0f}, .yawDeg = -30.0f, .pitchDeg = 36.0f, .distance = 560.0f, .fovDeg = 50.0f}},
    };
    return v;
}

std::vector<eng::CameraPose> SmelterScene::benchPath() const {
    std::vector<eng::CameraPose> path;
    for (const auto& p : cameraPresets()) path.push_back(p.pose);
    path.push_back(path.front());
    return path;
}

}  // namespace scenes
