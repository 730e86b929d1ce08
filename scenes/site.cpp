#include "scenes/site.h"

#include <algorithm>
#include <cmath>

#include "engine/i18n.h"
#include "engine/noise.h"
#include "sim/pit_geometry.h"

namespace scenes::site {

namespace {

float valueNoise(glm::vec2 p, int seed) {
    return eng::noise::valueNoise(p.x, p.y, eng::noise::Fade::Quintic, eng::noise::hashLattice(seed));
}

}  // namespace

float fbm(glm::vec2 p, int octaves, int seed) {
    float s = 0.0f, a = 0.5f, norm = 0.0f;
    for (int o = 0; o < octaves; ++o) {
        s += a * valueNoise(p, seed + o);
        norm += a;
        p = glm::vec2(p.x * 1.6f - p.y * 1.2f, p.x * 1.2f + p.y * 1.6f);  // rotate + scale by 2: no grid alignment
        a *= 0.5f;
    }
    return s / norm;
}

namespace {

// Ridged multifractal: sharp crests and branching gullies, as in eroded foothills.
float ridged(glm::vec2 p, int octaves, int seed) {
    float s = 0.0f, a = 0.5f, w = 1.0f, norm = 0.0f;
    for (int o = 0; o < octaves; ++o) {
        float n = 1.0f - std::abs(valueNoise(p, seed + o) * 2.0f - 1.0f);
        n = n * n * w;
        w = std::clamp(n * 1.8f, 0.0f, 1.0f);
        s += a * n;
        norm += a;
        p = glm::vec2(p.x * 1.6f - p.y * 1.2f, p.x * 1.2f + p.y * 1.6f);
        a *= 0.52f;
    }
    return s / norm;
}

}  // namespace

Site siteOf(glm::vec2 en) {
    const glm::vec2 d = en - kRiverPoint;
    Site s{glm::dot(d, kRiverDir), glm::dot(d, glm::vec2(kRiverDir.y, -kRiverDir.x))};
    s.across += 500.0f * std::sin(s.along / 3300.0f) + 220.0f * std::sin(s.along / 1200.0f + 1.3f);  // meanders
    return s;
}

const sim::PitGeometry& pit() {
    static const sim::PitGeometry kPitGeometry{sim::PitParams{}};
    return kPitGeometry;
}

// Pit ellipse coordinate: < 1 inside the rim of the simulation's default pit (4 x 2 km, long axis NW-SE: almalyk.md,
// "Pit outline"), linear in the distance from the centre.
float pitEllipse(glm::vec2 en) {
    double u = 0.0, v = 0.0;
    pit().toLocal(en.x, en.y, u, v);
    const double a = 0.5 * pit().params().length_m, b = 0.5 * pit().params().width_m;
    return static_cast<float>(std::sqrt((u / a) * (u / a) + (v / b) * (v / b)));
}

namespace {

float baseElevation(glm::vec2 en, float* wildness) {
    const Site s = siteOf(en);
    const float se = std::max(s.across, 0.0f), nw = std::max(-s.across, 0.0f);
    const float kuramin = 2300.0f * std::pow(glm::smoothstep(600.0f, 32000.0f, se), 1.25f);
    const float chatkal = 1100.0f * std::pow(glm::smoothstep(1800.0f, 24000.0f, nw), 1.3f);
    const float rise = kuramin + chatkal;
    const glm::vec2 p = en / 5200.0f;
    const glm::vec2 warp(fbm(p * 0.7f, 3, 11), fbm(p * 0.7f + glm::vec2(5.2f, 1.3f), 3, 17));
    const float hills = ridged(p + warp * 1.4f, 6, 3);
    const float floorFlat = glm::smoothstep(900.0f, 4500.0f, std::abs(s.across));  // irrigated floor stays flat
    const float amp = (60.0f + 0.55f * rise) * floorFlat;
    if (wildness) *wildness = floorFlat;
    float h = kValleyFloor + s.along * 0.006f + rise + amp * (hills - 0.3f) + 25.0f * fbm(p * 6.0f, 3, 29);
    // The river's channel.
    h -= 14.0f * (1.0f - glm::smoothstep(0.0f, 260.0f, std::abs(s.across)));
    return h;
}

}  // namespace

float elevation(float x, float z) {
    const glm::vec2 en(x, -z);
    float h = baseElevation(en, nullptr);
    // Kalmakyr: the ore field's ground eases to the rim's level (all of it at the rim itself, so the pit's edge has
    // no step), and inside the rim the simulation's own pit: benches, berms and the spiral ramp (sim::PitGeometry),
    // the same pit the pit scene draws.
    const float e = pitEllipse(en);
    const float field = 1.0f - glm::smoothstep(1.0f, 2.2f, e);
    const float atRim = 1.0f - glm::smoothstep(1.0f, 1.25f, e);
    h = glm::mix(h, kPitRim, std::min(1.0f, field * 0.85f + 0.15f * atRim));
    if (e < 1.0f) h = static_cast<float>(pit().elevation(en.x, en.y));
    // Waste dumps: flat-topped mounds east and south of the pit.
    for (const WasteDump& d : kWasteDumps) {
        // Tipped in two lifts at the 37 degree angle of repose of broken rock, with a berm between them, on a
        // flat top; the toe is an outline wobbling with where the trucks tipped.
        const float wobble = 1.0f + 0.06f * (fbm(en / 700.0f, 2, 61) - 0.5f);
        const float in = (d.radius * wobble - glm::length(en - d.en));  // m inside the toe
        if (in <= 0.0f) continue;
        const float run = 0.75355f;  // tan(37 deg)
        const float lift = 0.5f * d.height, berm = 40.0f;
        const float top = std::min(in * run, lift) + std::clamp((in - lift / run - berm) * run, 0.0f, lift);
        h = std::max(h, std::min(kPitRim + d.height, h + top));
    }
    return h;
}


glm::vec3 toWorld(glm::vec2 en) { return {en.x, elevation(en.x, -en.y), -en.y}; }

const std::vector<WorksUnit>& worksUnits() {
    static const std::vector<WorksUnit> units = [] {
        const glm::vec3 steel(0.36f, 0.36f, 0.37f), rust(0.40f, 0.27f, 0.19f), pale(0.55f, 0.53f, 0.50f);
        auto at = [](float east, float north) { return kSmelter + glm::vec2(east, north); };
        std::vector<WorksUnit> u = {
            {at(0, 0), {300, 46, 75}, false, rust},     // flash-smelting hall
            {at(0, 90), {220, 36, 55}, false, steel},   // converter aisle
            {at(-240, 140), {170, 22, 55}, false, pale},  // concentrate store
            {kAcidPlant, {120, 30, 70}, false, {0.40f, 0.40f, 0.36f}},
            {kAcidPlant + glm::vec2(90, 0), {14, 40, 14}, true, {0.50f, 0.50f, 0.46f}},
            {kTankhouse, {360, 18, 130}, false, {0.44f, 0.42f, 0.40f}},
            {kStackMain, {8, kMainStackH, 8}, true, {0.60f, 0.58f, 0.56f}},
            {kStackTwo, {6, kStackTwoH, 6}, true, {0.55f, 0.54f, 0.52f}},
        };
        // The rest of the metallurgical works: more halls west and south.
        for (int i = 0; i < 6; ++i) {
            auto h = [&](int k) { return eng::noise::hash24(i, k, 3); };
            u.push_back({kWorks + glm::vec2(-520.0f + static_cast<float>(i % 3) * 190.0f, -260.0f + static_cast<float>(i / 3) * 420.0f),
                         {150.0f + 50.0f * h(1), 20.0f + 14.0f * h(2), 70.0f + 30.0f * h(3)}, false, h(4) < 0.5f ? steel : rust});
        }
        return u;
    }();
    return units;
}

const std::vector<Facility>& facilities() {
    static const std::vector<Facility> kTable = {
        {"pit", eng::N_("Kalmakyr open pit"), kPit, 2000.0f},
        {"concentrator", eng::N_("Concentrators (MOF)"), kConcentrator, 500.0f},
        {"works", eng::N_("Metallurgical works"), kWorks, 700.0f},
        {"smelter", eng::N_("Copper smelter"), kSmelter, 350.0f},
        {"slag_yard", eng::N_("Slag yard"), kSlagYard, 120.0f},
        {"catalyst", eng::N_("Catalyst line"), kCatalystLine, 120.0f},
        {"tailings", eng::N_("Tailings storage"), kTailings, 900.0f},
        {"hydrogen", eng::N_("Photocatalyst hydrogen field"), kHydrogenField, 250.0f},
        {"reformer", eng::N_("Steam reformer"), kReformer, 60.0f},
        {"prmits", eng::N_("To PRMiTS, Chirchik"), kPrmits, 300.0f},
        {"gas_field", eng::N_("To the depleted gas field"), kGasField, 300.0f},
        {"town", eng::N_("Almalyk"), kTown, 2600.0f},
    };
    return kTable;
}

const Facility* findFacility(const std::string& key) {
    for (const Facility& f : facilities())
        if (key == f.key) return &f;
    return nullptr;
}

}  // namespace scenes::site
