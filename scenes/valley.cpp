#include "scenes/valley.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "engine/noise.h"
#include "engine/procedural.h"
#include "scenes/site.h"
#include "sim/pit_geometry.h"

namespace scenes {

// [SECTION] Constants

namespace {

constexpr float kTerrainSize = kValleyTerrainSize;
constexpr int kSamples = 513;
constexpr int kColorMap = 1024;

float hash(int x, int y, int seed) { return eng::noise::hash24(x, y, seed); }
using site::fbm;
using site::pitEllipse;
using site::Site;
using site::siteOf;
using site::kTown;
using site::kWorks;
using site::kRiverDir;

}  // namespace

// [SECTION] Colour map

namespace {

glm::vec3 srgb(float r, float g, float b) { return glm::vec3(r, g, b) / 255.0f; }

glm::vec3 groundColor(glm::vec2 en, float h, float slope, float wild) {
    const float n1 = fbm(en / 900.0f, 4, 41), n2 = fbm(en / 150.0f, 2, 43);
    // Summer steppe is straw and loess, not sand: mid albedos keep the noon view from washing out.
    const glm::vec3 steppeLight = srgb(160, 134, 92), steppeDark = srgb(112, 88, 58);
    const glm::vec3 ochre = srgb(164, 116, 66), rock = srgb(112, 96, 84), darkRock = srgb(80, 70, 64);
    const glm::vec3 fieldGreen = srgb(84, 112, 46), orchard = srgb(52, 78, 36), fieldDry = srgb(156, 142, 84);
    // Dry steppe on the hills: ochres and browns mottled by noise, rock on steep slopes.
    glm::vec3 c = glm::mix(steppeDark, steppeLight, glm::smoothstep(0.3f, 0.7f, n1));
    c = glm::mix(c, ochre, glm::smoothstep(0.55f, 0.8f, n2) * 0.5f);
    c = glm::mix(c, glm::mix(rock, darkRock, n2), glm::smoothstep(0.25f, 0.6f, slope));
    // Sparse green in the gullies (north-facing, low) and on high pastures.
    c = glm::mix(c, srgb(120, 128, 74), glm::smoothstep(0.6f, 0.8f, n1) * (1.0f - glm::smoothstep(0.2f, 0.4f, slope)) * 0.35f);
    // Irrigated valley floor: parcels along the canals, their edges bent by the ground (domain warp) and lined with
    // poplar and mulberry rows, as on the Akhangaran floor; each parcel's crop varies a little within it.
    const glm::vec2 rc(glm::dot(en, kRiverDir), glm::dot(en, glm::vec2(kRiverDir.y, -kRiverDir.x)));
    const glm::vec2 warp(fbm(en / 2600.0f, 3, 45) - 0.5f, fbm(en / 2600.0f + glm::vec2(3.1f, 7.7f), 3, 47) - 0.5f);
    const glm::vec2 u = rc / glm::vec2(380.0f, 240.0f) + warp * glm::vec2(3.5f, 5.0f);
    const glm::vec2 cell = glm::floor(u), f = u - cell;
    const float pick = hash(static_cast<int>(cell.x), static_cast<int>(cell.y), 7);
    glm::vec3 field = pick < 0.4f ? fieldGreen : pick < 0.62f ? orchard : pick < 0.85f ? fieldDry : srgb(128, 108, 76);
    field = glm::mix(field, fieldGreen, 0.25f * fbm(en / 90.0f, 2, 49));
    field *= 0.85f + 0.25f * n2;
    const float edge = std::min(std::min(f.x, 1.0f - f.x) * 380.0f, std::min(f.y, 1.0f - f.y) * 240.0f);  // metres
    const float rows = hash(static_cast<int>(cell.x), static_cast<int>(cell.y), 9) < 0.55f ? 0.7f : 0.2f;  // not every canal has trees
    field = glm::mix(field, srgb(46, 66, 34), (1.0f - glm::smoothstep(8.0f, 40.0f, edge)) * rows);
    const float wet = (1.0f - wild) * (1.0f - glm::smoothstep(0.08f, 0.2f, slope));
    c = glm::mix(c, field, wet);
    // River: gravel bed and water.
    const Site s = siteOf(en);
    c = glm::mix(c, srgb(150, 146, 132), 1.0f - glm::smoothstep(120.0f, 260.0f, std::abs(s.across)));
    c = glm::mix(c, srgb(52, 78, 84), 1.0f - glm::smoothstep(40.0f, 90.0f, std::abs(s.across)));
    // Town: streets and yards under street trees (Almalyk is a green Soviet-era town), dusty open ground between.
    const float town = 1.0f - glm::smoothstep(1800.0f, 3200.0f, glm::length((en - kTown) * glm::vec2(1.0f, 1.4f)));
    c = glm::mix(c, glm::mix(srgb(132, 122, 104), srgb(70, 88, 50), glm::smoothstep(0.3f, 0.7f, n2)), town * 0.85f);
    // Kalmakyr pit: grey-green and rust-coloured rock (its benches are in the pit's own inset map, pitInset()).
    const float e = pitEllipse(en);
    if (e < 1.15f) {
        const glm::vec3 pit = glm::mix(srgb(122, 116, 104), srgb(150, 112, 80), fbm(en / 300.0f, 2, 51));
        c = glm::mix(c, pit, glm::smoothstep(1.05f, 0.99f, e));
    }
    for (const site::WasteDump& d : site::kWasteDumps) {
        const float r = glm::length(en - d.en) / d.radius;
        // Broken waste rock: a paler flat top, darker tipping faces.
        const glm::vec3 dump = glm::mix(srgb(124, 112, 96), srgb(94, 86, 76), glm::smoothstep(0.15f, 0.45f, slope));
        c = glm::mix(c, dump * (0.9f + 0.2f * n2), glm::smoothstep(1.0f, 0.96f, r));
    }
    (void)h;
    return c;
}

}  // namespace

// [SECTION] Scene

namespace {
constexpr float kGridS = 400.0f, kGridT = 300.0f;  // superblock between avenues (m)
constexpr float kAvenue = 16.0f, kVerge = 7.0f, kService = 8.0f;
const float kTownAngle = glm::radians(38.0f);
constexpr float kTownRadius = 2600.0f;  // the built-up area's mean semi-axis (m), east-west; 1.4x narrower north-south
glm::vec2 townLocal(glm::vec2 en);
float lineDistance(float x, float g, float o);
// en's distance from the town's centre in units of its outline (1 on the mean outline, ellipse 1 : 1.4).
float townEllipse(glm::vec2 en) { return glm::length((en - kTown) * glm::vec2(1.0f, 1.4f)) / kTownRadius; }
// Distances from a point of the street plan (townLocal) to the streets: the avenues across (s lines) and along
// (t lines), the nearer of them, and the service street through the superblock.
struct StreetDistances {
    float across, along, avenue, service;
};
StreetDistances streetDistances(glm::vec2 st) {
    const float across = lineDistance(st.x, kGridS, 0.0f), along = lineDistance(st.y, kGridT, 0.0f);
    return {across, along, std::min(across, along), lineDistance(st.x, kGridS, kGridS * 0.5f)};
}
}  // namespace

namespace {

constexpr float kInsetHalf = 2500.0f;  // the pit's inset: 5 x 5 km, the four terrain chunks around the pit
constexpr int kInsetMap = 2048;        // 2.4 m texels: each bench (a 7 m face and an 11 m berm) spans ~7 texels
constexpr int kInsetBase = 512;        // the slowly varying ground colour, upsampled
constexpr int kAoGrid = 129;           // 39 m: the horizon ambient occlusion of the pit's walls

struct HeightGrid {
    const std::vector<float>* h = nullptr;
    int n = 0;
    float cell = 0.0f;
    // Bilinear terrain height at world x / z (what the terrain mesh shows).
    float at(float x, float z) const {
        const float gx = (x + kTerrainSize * 0.5f) / cell, gz = (z + kTerrainSize * 0.5f) / cell;
        const int ix = std::clamp(static_cast<int>(gx), 0, n - 2), iz = std::clamp(static_cast<int>(gz), 0, n - 2);
        const float fx = std::clamp(gx - static_cast<float>(ix), 0.0f, 1.0f), fz = std::clamp(gz - static_cast<float>(iz), 0.0f, 1.0f);
        auto v = [&](int a, int b) { return (*h)[static_cast<std::size_t>(b) * n + a]; };
        return glm::mix(glm::mix(v(ix, iz), v(ix + 1, iz), fx), glm::mix(v(ix, iz + 1), v(ix + 1, iz + 1), fx), fz);
    }
    float slope(float x, float z) const {
        const float dx = at(x + cell, z) - at(x - cell, z), dz = at(x, z + cell) - at(x, z - cell);
        return std::sqrt(dx * dx + dz * dz) / (2.0f * cell);
    }
};

glm::vec3 terrainColour(const HeightGrid& g, float x, float z) {
    const glm::vec2 en(x, -z);
    const float wild = glm::smoothstep(900.0f, 4500.0f, std::abs(siteOf(en).across));
    return glm::clamp(groundColor(en, g.at(x, z), g.slope(x, z), wild), 0.0f, 1.0f);
}

// Sky visibility (1 open sky .. 0 enclosed) from the horizon in 8 directions: the pit's floor and lower benches see
// a fraction of the sky, which is what makes 500 m of depth read from the valley.
std::vector<float> horizonOcclusion(float x0, float z0, float span) {
    std::vector<float> ao(static_cast<std::size_t>(kAoGrid) * kAoGrid, 1.0f);
    const float step = span / (kAoGrid - 1);
    for (int j = 0; j < kAoGrid; ++j)
        for (int i = 0; i < kAoGrid; ++i) {
            const float x = x0 + i * step, z = z0 + j * step;
            const float h0 = site::elevation(x, z);
            float open = 0.0f;
            for (int k = 0; k < 8; ++k) {
                const float a = k * 0.785398f;
                const glm::vec2 d(std::cos(a), std::sin(a));
                float best = 0.0f;
                for (float r = 25.0f; r < 1800.0f; r *= 1.32f)
                    best = std::max(best, (site::elevation(x + d.x * r, z + d.y * r) - h0) / r);
                open += 1.0f - best / std::sqrt(1.0f + best * best);  // 1 - sin(horizon elevation)
            }
            ao[static_cast<std::size_t>(j) * kAoGrid + i] = open / 8.0f;
        }
    return ao;
}

float bilinear(const std::vector<float>& m, int n, float gx, float gy) {
    const int ix = std::clamp(static_cast<int>(gx), 0, n - 2), iy = std::clamp(static_cast<int>(gy), 0, n - 2);
    const float fx = std::clamp(gx - static_cast<float>(ix), 0.0f, 1.0f), fy = std::clamp(gy - static_cast<float>(iy), 0.0f, 1.0f);
    auto v = [&](int a, int b) { return m[static_cast<std::size_t>(b) * n + a]; };
    return glm::mix(glm::mix(v(ix, iy), v(ix + 1, iy), fx), glm::mix(v(ix, iy + 1), v(ix + 1, iy + 1), fx), fy);
}

// The pit's inset colour map: the ground's own colours, and inside the rim the simulation's pit drawn from its
// surface at 2.4 m: bench faces (steep, darker rock: an oxidised cap over grey-green porphyry with pink potassic
// patches), berms and the ramp (flat, dusty), light crests and shaded toes from the surface's curvature, the ramp's
// haul road, and the walls' sky occlusion over everything.
// Calls f(index, distance in metres) for every texel of an N x N map (world x / z from x0, square texels; en's north
// is -z) whose centre lies within about `radius` of en: a disc stamped into the map.
template <class F>
void forTexelsNear(int N, float x0, float texel, glm::vec2 en, float radius, F&& f) {
    const float ci = (en.x - x0) / texel - 0.5f, cj = (-en.y - x0) / texel - 0.5f;
    const int r = static_cast<int>(radius / texel) + 1;
    for (int dj = -r; dj <= r; ++dj)
        for (int di = -r; di <= r; ++di) {
            const int ii = static_cast<int>(std::round(ci)) + di, jj = static_cast<int>(std::round(cj)) + dj;
            if (ii < 0 || jj < 0 || ii >= N || jj >= N) continue;
            f(static_cast<std::size_t>(jj) * N + ii, std::hypot((static_cast<float>(ii) - ci) * texel, (static_cast<float>(jj) - cj) * texel));
        }
}

std::vector<std::uint8_t> pitInset(const HeightGrid& g) {
    const float x0 = -kInsetHalf, span = 2.0f * kInsetHalf, texel = span / kInsetMap;
    const sim::PitGeometry& pit = site::pit();
    const float rim = static_cast<float>(pit.rimElevation()), depth = static_cast<float>(pit.depth());
    // Slowly varying ground colour.
    std::vector<glm::vec3> base(static_cast<std::size_t>(kInsetBase) * kInsetBase);
    const float baseStep = span / (kInsetBase - 1);
    for (int j = 0; j < kInsetBase; ++j)
        for (int i = 0; i < kInsetBase; ++i)
            base[static_cast<std::size_t>(j) * kInsetBase + i] = terrainColour(g, x0 + i * baseStep, x0 + j * baseStep);
    const std::vector<float> ao = horizonOcclusion(x0, x0, span);
    // The pit's surface at every texel (the rim's level outside), and where the ramp's road runs.
    const int N = kInsetMap;
    std::vector<float> zs(static_cast<std::size_t>(N) * N, rim);
    std::vector<std::uint8_t> inside(static_cast<std::size_t>(N) * N, 0);
    for (int j = 0; j < N; ++j)
        for (int i = 0; i < N; ++i) {
            const glm::vec2 en(x0 + (i + 0.5f) * texel, -(x0 + (j + 0.5f) * texel));
            if (site::pitEllipse(en) >= 1.0f) continue;
            zs[static_cast<std::size_t>(j) * N + i] = static_cast<float>(pit.elevation(en.x, en.y));
            inside[static_cast<std::size_t>(j) * N + i] = 1;
        }
    std::vector<float> road(static_cast<std::size_t>(N) * N, 0.0f);
    const float halfRoad = static_cast<float>(pit.params().ramp_width_m) * 0.5f;
    const std::vector<sim::SitePos>& ramp = pit.rampCentreline();
    for (std::size_t k = 0; k + 1 < ramp.size(); ++k) {
        const glm::vec2 a(static_cast<float>(ramp[k].x), static_cast<float>(ramp[k].y));
        const glm::vec2 b(static_cast<float>(ramp[k + 1].x), static_cast<float>(ramp[k + 1].y));
        const int steps = std::max(1, static_cast<int>(glm::length(b - a) / texel));
        for (int q = 0; q <= steps; ++q) {
            const glm::vec2 p = glm::mix(a, b, static_cast<float>(q) / static_cast<float>(steps));
            forTexelsNear(N, x0, texel, p, halfRoad, [&](std::size_t at, float dist) {
                road[at] = std::max(road[at], 1.0f - glm::smoothstep(halfRoad - 3.0f, halfRoad + 1.0f, dist));
            });
        }
    }
    // The mine works round the clock: light towers (pools ~70 m across) at the working faces of the default fleet,
    // the crusher, the dump point and the park-up, and one at each ~300 m of the ramp. Their glow is the terrain's
    // night emissive (alpha of this map).
    std::vector<float> lamp(static_cast<std::size_t>(N) * N, 0.0f);
    auto tower = [&](glm::vec2 en, float radius, float strength) {
        forTexelsNear(N, x0, texel, en, radius, [&](std::size_t at, float dist) {
            const float q = std::max(0.0f, 1.0f - dist * dist / (radius * radius));
            lamp[at] += strength * q * q;
        });
    };
    auto en2 = [](sim::SitePos p) { return glm::vec2(static_cast<float>(p.x), static_cast<float>(p.y)); };
    for (int k = 0; k < 6; ++k) tower(en2(pit.shovelPosition(k)), 55.0f, 0.9f);  // mine.shovels' default: 6
    tower(en2(pit.crusherPosition()), 60.0f, 0.9f);
    tower(en2(pit.dumpPosition()), 50.0f, 0.7f);
    tower(en2(pit.parkPosition()), 60.0f, 0.6f);
    float run = 0.0f;
    for (std::size_t k = 0; k + 1 < ramp.size(); ++k) {
        const float len = glm::length(en2(ramp[k + 1]) - en2(ramp[k]));
        if ((run += len) < 300.0f) continue;
        run = 0.0f;
        tower(en2(ramp[k + 1]), 30.0f, 0.5f);
    }
    const glm::vec3 limonite = srgb(150, 108, 74), porphyry = srgb(108, 112, 102), potassic = srgb(150, 112, 102);
    const glm::vec3 berm = srgb(150, 140, 122), haul = srgb(152, 143, 126), pitFloor = srgb(126, 118, 104);
    std::vector<std::uint8_t> px(static_cast<std::size_t>(N) * N * 4);
    auto z = [&](int i, int j) { return zs[static_cast<std::size_t>(std::clamp(j, 0, N - 1)) * N + std::clamp(i, 0, N - 1)]; };
    for (int j = 0; j < N; ++j)
        for (int i = 0; i < N; ++i) {
            const float x = x0 + (i + 0.5f) * texel, zw = x0 + (j + 0.5f) * texel;
            const float gb = (x - x0) / baseStep, gj = (zw - x0) / baseStep;
            const int bi = std::clamp(static_cast<int>(gb), 0, kInsetBase - 2), bj = std::clamp(static_cast<int>(gj), 0, kInsetBase - 2);
            const float fx = std::clamp(gb - static_cast<float>(bi), 0.0f, 1.0f), fz = std::clamp(gj - static_cast<float>(bj), 0.0f, 1.0f);
            auto B = [&](int a, int b) { return base[static_cast<std::size_t>(b) * kInsetBase + a]; };
            glm::vec3 c = glm::mix(glm::mix(B(bi, bj), B(bi + 1, bj), fx), glm::mix(B(bi, bj + 1), B(bi + 1, bj + 1), fx), fz);
            const std::size_t at = static_cast<std::size_t>(j) * N + i;
            if (inside[at]) {
                const glm::vec2 en(x, -zw);
                const float d = rim - zs[at];
                // Slope over 2 texels and curvature over ~5 m: faces, berms, crests and toes.
                const float sx = (z(i + 1, j) - z(i - 1, j)) / (2.0f * texel), sz = (z(i, j + 1) - z(i, j - 1)) / (2.0f * texel);
                const float slope = std::sqrt(sx * sx + sz * sz);
                const float curv = zs[at] - 0.25f * (z(i + 2, j) + z(i - 2, j) + z(i, j + 2) + z(i, j - 2));
                const float grain = 0.88f + 0.24f * fbm(en / 35.0f, 2, 53);
                glm::vec3 rock = glm::mix(limonite, porphyry, glm::smoothstep(25.0f, 110.0f, d));
                rock = glm::mix(rock, potassic, 0.45f * glm::smoothstep(0.58f, 0.72f, fbm(en / 260.0f, 3, 55)) * glm::smoothstep(60.0f, 140.0f, d));
                rock *= 0.78f * grain;
                const float flat = 1.0f - glm::smoothstep(0.3f, 1.0f, slope);
                glm::vec3 p = glm::mix(rock, berm * grain * glm::mix(1.0f, 0.92f, glm::smoothstep(80.0f, 300.0f, d)), flat);
                p = glm::mix(p, pitFloor * grain, flat * glm::smoothstep(depth - 3.0f, depth - 0.5f, d));
                p = glm::mix(p, haul * (0.94f + 0.06f * grain), road[at] * flat);
                p *= 1.0f + std::clamp(curv * 0.05f, -0.22f, 0.18f);  // light crests, shaded toes
                // The ground eases into the rim over its last ~10 m.
                c = glm::mix(c, p, glm::smoothstep(1.0f, 0.995f, site::pitEllipse(en)));
            }
            const float occl = bilinear(ao, kAoGrid, (x - x0) / span * (kAoGrid - 1), (zw - x0) / span * (kAoGrid - 1));
            // Open ground (a sky view over ~0.9) keeps its colour, so the inset meets the coarse map without a seam.
            const float edge = std::max(std::abs(x), std::abs(zw));
            c *= glm::mix(1.0f, glm::mix(0.58f, 1.0f, glm::smoothstep(0.45f, 0.9f, occl)), 1.0f - glm::smoothstep(0.8f * kInsetHalf, kInsetHalf, edge));
            std::uint8_t* o = &px[at * 4];
            for (int k = 0; k < 3; ++k) o[k] = static_cast<std::uint8_t>(std::clamp(c[k], 0.0f, 1.0f) * 255.0f + 0.5f);
            o[3] = static_cast<std::uint8_t>(std::clamp(lamp[at], 0.0f, 1.0f) * 255.0f + 0.5f);  // the night glow's mask
        }
    return px;
}

// Almalyk's inset colour map: the town's streets (asphalt between tree-lined verges), gardens in the mahalla, the
// works' concrete yard, over the ground's own colours; 3.7 m texels.
constexpr glm::vec2 kTownInsetMin{-10000.0f, -7500.0f}, kTownInsetMax{-2500.0f, -2500.0f};
constexpr int kTownMapW = 2048, kTownMapH = 1366;

std::vector<std::uint8_t> townInset(const HeightGrid& g) {
    const glm::vec2 span = kTownInsetMax - kTownInsetMin;
    constexpr int BW = 512, BH = 342;
    std::vector<glm::vec3> base(static_cast<std::size_t>(BW) * BH);
    std::vector<float> share(static_cast<std::size_t>(BW) * BH);
    const glm::vec2 bstep = span / glm::vec2(BW - 1, BH - 1);
    for (int j = 0; j < BH; ++j)
        for (int i = 0; i < BW; ++i) {
            const float x = kTownInsetMin.x + i * bstep.x, z = kTownInsetMin.y + j * bstep.y;
            base[static_cast<std::size_t>(j) * BW + i] = terrainColour(g, x, z);
            share[static_cast<std::size_t>(j) * BW + i] = townShare({x, -z});
        }
    const glm::vec3 asphalt = srgb(88, 87, 86), verge = srgb(62, 80, 44), crownColour = srgb(40, 64, 30), yard = srgb(118, 114, 106), garden = srgb(60, 88, 40);
    const float texel = span.x / kTownMapW;
    // The works' yard: concrete under the map views' halls, tanks and stacks (site::worksUnits), a 60 m apron round them.
    glm::vec2 yardLo(1e9f), yardHi(-1e9f);
    for (const site::WorksUnit& u : site::worksUnits()) {
        const glm::vec2 half = u.cylinder ? glm::vec2(u.size.x) : 0.5f * glm::vec2(u.size.x, u.size.z);
        yardLo = glm::min(yardLo, u.en - half);
        yardHi = glm::max(yardHi, u.en + half);
    }
    const glm::vec2 yardCentre = 0.5f * (yardLo + yardHi), yardHalf = 0.5f * (yardHi - yardLo) + 60.0f;
    std::vector<std::uint8_t> px(static_cast<std::size_t>(kTownMapW) * kTownMapH * 4);
    for (int j = 0; j < kTownMapH; ++j)
        for (int i = 0; i < kTownMapW; ++i) {
            const float x = kTownInsetMin.x + (i + 0.5f) * span.x / kTownMapW, z = kTownInsetMin.y + (j + 0.5f) * span.y / kTownMapH;
            const float gx = (x - kTownInsetMin.x) / bstep.x, gy = (z - kTownInsetMin.y) / bstep.y;
            const int bi = std::clamp(static_cast<int>(gx), 0, BW - 2), bj = std::clamp(static_cast<int>(gy), 0, BH - 2);
            const float fx = std::clamp(gx - static_cast<float>(bi), 0.0f, 1.0f), fy = std::clamp(gy - static_cast<float>(bj), 0.0f, 1.0f);
            auto B = [&](int a, int b) { return base[static_cast<std::size_t>(b) * BW + a]; };
            glm::vec3 c = glm::mix(glm::mix(B(bi, bj), B(bi + 1, bj), fx), glm::mix(B(bi, bj + 1), B(bi + 1, bj + 1), fx), fy);
            const float sh = bilinear(share, BW, gx, gy);  // rows of BW
            const glm::vec2 en(x, -z);
            if (sh > 0.01f) {
                // Streets, 2 x 2 samples per texel (the service streets are two texels wide).
                float road = 0.0f, trees = 0.0f, canopy = 0.0f, lit = 0.0f;
                const float d = townEllipse(en);
                const float grove = fbm(en / 60.0f, 2, 65);
                for (int q = 0; q < 4; ++q) {
                    const glm::vec2 st = townLocal(en + glm::vec2((q % 2 - 0.5f) * texel * 0.5f, (q / 2 - 0.5f) * texel * 0.5f));
                    const auto [across, along, avenue, service] = streetDistances(st);
                    road += (avenue < kAvenue * 0.5f || service < kService * 0.5f) ? 0.25f : 0.0f;
                    trees += (avenue >= kAvenue * 0.5f && avenue < kAvenue * 0.5f + kVerge) ? 0.25f : 0.0f;
                    // Plane trees and poplars every 9 m down both verges of the avenues (crowns ~8 m), and clumps in
                    // the courtyards: crowns lit on their sun side (south-west of the texel grid's north).
                    const float row = kAvenue * 0.5f + kVerge * 0.5f;
                    auto crown = [&](float off, float pos, float spacing, float radius) {
                        const float dx = off, dy = lineDistance(pos, spacing, 0.0f);
                        return std::sqrt(dx * dx + dy * dy) / radius;
                    };
                    float r = std::min(crown(std::abs(across - row), st.y, 9.0f, 4.2f), crown(std::abs(along - row), st.x, 9.0f, 4.2f));
                    if (avenue > kAvenue * 0.5f + kVerge + 2.0f && service > kService * 0.5f + 2.0f && grove > 0.5f) {
                        // Courtyard trees on a jittered 13 m lattice.
                        const glm::vec2 cell = glm::floor(st / 13.0f);
                        const glm::vec2 centre = (cell + 0.25f + 0.5f * glm::vec2(hash(static_cast<int>(cell.x), static_cast<int>(cell.y), 66),
                                                                                   hash(static_cast<int>(cell.y), static_cast<int>(cell.x), 67))) * 13.0f;
                        if (hash(static_cast<int>(cell.x), static_cast<int>(cell.y), 68) < (grove - 0.5f) * (d > 0.72f ? 3.5f : 2.2f))
                            r = std::min(r, glm::length(st - centre) / 4.6f);
                    }
                    if (r < 1.0f) {
                        canopy += 0.25f;
                        lit += 0.25f * (1.0f - r);
                    }
                }
                const float grain = 0.85f + 0.3f * hash(i, j, 5);
                const float built = glm::smoothstep(0.2f, 0.6f, sh);
                // Courtyard lawns in the microdistricts, orchards and vines in the mahalla's gardens.
                const float green = glm::smoothstep(0.45f, 0.7f, grove) * (d > 0.72f ? 0.75f : 0.45f);
                c = glm::mix(c, garden * grain, green * built);
                c = glm::mix(c, verge * grain, trees * built * 0.9f);
                c = glm::mix(c, asphalt * (0.92f + 0.1f * grain), road * built);
                // Crowns over everything on the ground (they overhang the carriageway's edge), dark at their rims.
                c = glm::mix(c, crownColour * (0.6f + 0.8f * lit / std::max(canopy, 0.25f)) * grain, canopy * built);
            }
            const glm::vec2 w = glm::abs(en - yardCentre);
            const float inYard = (1.0f - glm::smoothstep(yardHalf.x, yardHalf.x + 40.0f, w.x)) *
                                 (1.0f - glm::smoothstep(yardHalf.y, yardHalf.y + 40.0f, w.y));
            c = glm::mix(c, yard * (0.9f + 0.2f * hash(i / 3, j / 3, 6)), inYard * 0.9f);
            // Street lights (the alpha masks the terrain's night glow): a pool of ~14 m round each lamp, every 36 m
            // down both sides of the avenues (staggered) and every 30 m along the service streets; floodlights on the
            // works' yard.
            float lamps = 0.0f;
            if (sh > 0.01f) {
                const glm::vec2 st = townLocal(en);
                auto pool = [](float dx, float dy, float r) {
                    const float q = std::max(0.0f, 1.0f - (dx * dx + dy * dy) / (r * r));
                    return q * q;
                };
                const float side = kAvenue * 0.5f;
                for (const float sgn : {-1.0f, 1.0f}) {
                    const float stagger = sgn > 0.0f ? 0.0f : 18.0f;
                    const float ax = st.x - kGridS * std::round(st.x / kGridS), ay = st.y - kGridT * std::round(st.y / kGridT);
                    lamps += pool(ax - sgn * side, lineDistance(st.y, 36.0f, stagger), 11.0f);
                    lamps += pool(ay - sgn * side, lineDistance(st.x, 36.0f, stagger), 11.0f);
                }
                const float sx = st.x - kGridS * 0.5f - kGridS * std::round((st.x - kGridS * 0.5f) / kGridS);
                lamps += 0.7f * pool(sx, lineDistance(st.y, 30.0f, 0.0f), 9.0f);
                lamps *= glm::smoothstep(0.2f, 0.6f, sh);
            }
            if (inYard > 0.0f) {
                const glm::vec2 cell = glm::floor((en - kWorks) / 120.0f), centre = (cell + 0.5f) * 120.0f + kWorks;
                lamps += 0.8f * inYard * (1.0f - glm::smoothstep(0.0f, 45.0f, glm::length(en - centre)));
            }
            std::uint8_t* o = &px[(static_cast<std::size_t>(j) * kTownMapW + i) * 4];
            for (int k = 0; k < 3; ++k) o[k] = static_cast<std::uint8_t>(std::clamp(c[k], 0.0f, 1.0f) * 255.0f + 0.5f);
            o[3] = static_cast<std::uint8_t>(std::clamp(lamps, 0.0f, 1.0f) * 255.0f + 0.5f);
        }
    return px;
}

}  // namespace

bool buildValleyTerrain(eng::Renderer& r, eng::Terrain& terrain, std::string* why) {
    eng::TerrainDesc td;
    td.samples = kSamples;
    td.size = kTerrainSize;
    td.heights.resize(static_cast<std::size_t>(kSamples) * kSamples);
    const float cell = kTerrainSize / (kSamples - 1);
    for (int j = 0; j < kSamples; ++j)
        for (int i = 0; i < kSamples; ++i) {
            const float x = i * cell - kTerrainSize * 0.5f, z = j * cell - kTerrainSize * 0.5f;
            float h = site::elevation(x, z);
            // In and near the pit the ground steps in 15 m benches far finer than the 78 m grid: each vertex takes
            // the mean over its cell (a box prefilter), so the mesh follows the walls' mean slope and the rim has
            // no teeth where the grid cuts it.
            if (site::pitEllipse({x, -z}) < 1.12f) {
                float sum = 0.0f;
                for (int b = -2; b <= 2; ++b)
                    for (int a = -2; a <= 2; ++a) sum += site::elevation(x + a * cell * 0.2f, z + b * cell * 0.2f);
                h = sum / 25.0f;
            }
            td.heights[static_cast<std::size_t>(j) * kSamples + i] = h;
        }
    const HeightGrid grid{&td.heights, kSamples, cell};

    // Colour map from the sampled heights (bilinear) plus fine noise: far cheaper than re-evaluating the terrain.
    std::vector<std::uint8_t> px(static_cast<std::size_t>(kColorMap) * kColorMap * 4);
    const float texel = kTerrainSize / kColorMap;
    for (int j = 0; j < kColorMap; ++j)
        for (int i = 0; i < kColorMap; ++i) {
            const float x = (i + 0.5f) * texel - kTerrainSize * 0.5f, z = (j + 0.5f) * texel - kTerrainSize * 0.5f;
            const glm::vec3 c = terrainColour(grid, x, z);
            std::uint8_t* p = &px[(static_cast<std::size_t>(j) * kColorMap + i) * 4];
            p[0] = static_cast<std::uint8_t>(c.r * 255.0f + 0.5f);
            p[1] = static_cast<std::uint8_t>(c.g * 255.0f + 0.5f);
            p[2] = static_cast<std::uint8_t>(c.b * 255.0f + 0.5f);
            p[3] = 0;  // no lamps out in the valley
        }
    td.colorMap = r.createTexture({.width = kColorMap, .height = kColorMap, .rgba = px.data(), .label = "landscape colour"});
    const std::vector<std::uint8_t> inset = pitInset(grid);
    td.insets.push_back({.colorMap = r.createTexture({.width = kInsetMap, .height = kInsetMap, .rgba = inset.data(), .label = "pit inset colour"}),
                         .min = glm::vec2(-kInsetHalf), .max = glm::vec2(kInsetHalf)});
    const std::vector<std::uint8_t> town = townInset(grid);
    td.insets.push_back({.colorMap = r.createTexture({.width = kTownMapW, .height = kTownMapH, .rgba = town.data(), .label = "town inset colour"}),
                         .min = kTownInsetMin, .max = kTownInsetMax});
    return terrain.build(r, td, why);
}


// [SECTION] Town

namespace {


glm::vec2 townLocal(glm::vec2 en) {
    const glm::vec2 d = en - kTown, a(std::cos(kTownAngle), std::sin(kTownAngle));
    return {glm::dot(d, a), glm::dot(d, glm::vec2(-a.y, a.x))};
}
glm::vec2 townToEn(glm::vec2 st) {
    const glm::vec2 a(std::cos(kTownAngle), std::sin(kTownAngle));
    return kTown + a * st.x + glm::vec2(-a.y, a.x) * st.y;
}
// Distance to the nearest grid line of spacing g (offset o).
float lineDistance(float x, float g, float o) {
    const float f = x - o - g * std::floor((x - o) / g);
    return std::min(f, g - f);
}

}  // namespace

float townShare(glm::vec2 en) {
    const float d = townEllipse(en) * kTownRadius;
    const float r = kTownRadius * (0.82f + 0.3f * fbm(en / 1500.0f, 2, 63));
    return 1.0f - glm::smoothstep(r - 150.0f, r + 60.0f, d);
}

float townStreet(glm::vec2 en) {
    const float share = townShare(en);
    if (share <= 0.0f) return 0.0f;
    const StreetDistances sd = streetDistances(townLocal(en));
    const float avenue = sd.avenue, service = sd.service;
    const float road = std::max(1.0f - glm::smoothstep(kAvenue * 0.5f - 1.0f, kAvenue * 0.5f + 1.0f, avenue),
                                1.0f - glm::smoothstep(kService * 0.5f - 1.0f, kService * 0.5f + 1.0f, service));
    return road * glm::smoothstep(0.2f, 0.6f, share);
}

namespace {
// A facade texture of W x H texels in 8 x 8 cells, one window (4 x 4 texels of glass) in each; alpha marks the lit
// windows (~62 %), the mask of the night emissive. Texel (0, 0) is wall (roofs point their uvs at it).
std::vector<std::uint8_t> windowGrid(int W, int H) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(W) * H * 4);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            const int col = x / 8, row = y / 8, cx = x % 8, cy = y % 8;
            const bool glass = cx >= 2 && cx <= 5 && cy >= 2 && cy <= 5;
            const bool lit = glass && hash(col, row, 97) < 0.62f;
            std::uint8_t* p = &px[static_cast<std::size_t>((y * W + x) * 4)];
            const std::uint8_t wall = 250, pane = 95;
            p[0] = p[1] = glass ? pane : wall;
            p[2] = glass ? static_cast<std::uint8_t>(pane + 12) : wall;
            p[3] = lit ? 255 : 0;
        }
    return px;
}
}  // namespace

std::vector<TownBuilding> townPlan() {
    std::vector<TownBuilding> plan;
    auto place = [&](int kind, glm::vec2 st, bool across, int seed) {
        const glm::vec2 en = townToEn(st);
        if (townShare(en) < 0.5f) return;
        plan.push_back({kind, en, kTownAngle + (across ? glm::half_pi<float>() : 0.0f), seed});
    };
    int seed = 0;
    for (int j = -8; j <= 8; ++j)
        for (int i = -9; i <= 9; ++i)
            for (int h = 0; h < 2; ++h) {
                ++seed;
                const float s0 = i * kGridS + h * kGridS * 0.5f + (h == 0 ? 12.0f : 8.0f);
                const float s1 = i * kGridS + (h + 1) * kGridS * 0.5f - (h == 0 ? 8.0f : 12.0f);
                const float t0 = j * kGridT + 14.0f, t1 = (j + 1) * kGridT - 14.0f;
                const glm::vec2 mid((s0 + s1) * 0.5f, (t0 + t1) * 0.5f);
                const glm::vec2 en = townToEn(mid);
                const float share = townShare(en);
                if (share < 0.3f) continue;
                const float d = townEllipse(en);
                const float pick = hash(i, j * 2 + h, 81);
                if (d > 0.72f && pick < 0.75f) {
                    // Mahalla: houses in their gardens on lanes 40 m apart; some plots are orchards.
                    for (float t = t0 + 14.0f; t < t1 - 8.0f; t += 40.0f)
                        for (float s2 = s0 + 12.0f; s2 < s1 - 6.0f; s2 += 30.0f)
                            if (hash(static_cast<int>(s2), static_cast<int>(t), 83) < 0.7f) place(3, {s2, t}, false, seed++);
                    continue;
                }
                if (pick < 0.45f) {
                    // Parallel rows of five-storey blocks, two to a row, the courtyards between them.
                    for (float t = t0 + 16.0f; t < t1 - 10.0f; t += 68.0f)
                        for (int q = 0; q < 2; ++q)
                            if (hash(seed, q + static_cast<int>(t), 85) > 0.12f)
                                place(0, {s0 + 42.0f + q * 90.0f, t}, false, seed++);
                } else if (pick < 0.7f) {
                    // Rows across: three files of five-storey blocks along the superblock's length.
                    for (int q = 0; q < 3; ++q)
                        for (float t = t0 + 42.0f; t < t1 - 36.0f; t += 90.0f)
                            if (hash(seed, q * 7 + static_cast<int>(t), 87) > 0.12f)
                                place(0, {s0 + 26.0f + q * 62.0f, t}, true, seed++);
                } else if (pick < 0.85f) {
                    // Nine-storey blocks around a school.
                    for (int q = 0; q < 2; ++q) {
                        place(1, {s0 + 40.0f + q * 98.0f, t0 + 28.0f}, false, seed++);
                        place(1, {s0 + 40.0f + q * 98.0f, t1 - 28.0f}, false, seed++);
                    }
                    place(2, mid, false, seed++);
                } else {
                    // A courtyard closed by four blocks, a school or kindergarten inside.
                    place(0, {mid.x, t0 + 20.0f}, false, seed++);
                    place(0, {mid.x, t1 - 20.0f}, false, seed++);
                    place(0, {s0 + 14.0f, mid.y}, true, seed++);
                    place(0, {s1 - 14.0f, mid.y}, true, seed++);
                    place(2, mid, false, seed++);
                }
            }
    return plan;
}

glm::vec3 Town::size(int kind) {
    switch (kind) {
    case 0: return {72.0f, 14.0f, 12.0f};   // five storeys (2.8 m), 24 bays, 4 entrances: the Khrushchyovka
    case 1: return {48.0f, 25.2f, 12.0f};   // nine storeys
    case 2: return {60.0f, 11.2f, 18.0f};   // a school: four storeys, deep plan
    default: return {12.0f, 3.5f, 10.0f};   // a one-storey house of the mahalla
    }
}

std::size_t Town::count() const {
    std::size_t n = 0;
    for (const auto& b : m_blocks) n += b.size();
    return n;
}

void Town::build(eng::Renderer& r, const eng::Terrain& terrain) {
    // Window texture: 8 bays by 5 storeys, repeating (alpha marks the windows, the mask of the night emissive).
    constexpr int W = 64, H = 40;
    std::vector<std::uint8_t> px = windowGrid(W, H);
    const eng::TextureId windows = r.createTexture({.width = W, .height = H, .rgba = px.data(), .repeat = true, .label = "town windows"});
    for (int k = 0; k < kKinds; ++k) {
        const glm::vec3 sz = size(k);
        eng::Material m;
        m.baseColor = {1, 1, 1, 1};  // the facade colour comes from the instance
        m.roughness = 0.9f;
        eng::MeshData box = eng::makeBox(sz, m);
        eng::SubMesh& part = box.parts.front();
        // No floor (never seen): drop the last quad.
        part.vertices.resize(part.vertices.size() - 4);
        part.indices.resize(part.indices.size() - 6);
        for (eng::Vertex& v : part.vertices) {
            if (v.normal.y > 0.5f) { v.uv = {0.5f / W, 0.5f / H}; continue; }  // roof: a wall texel (no windows)
            const float width = std::abs(v.normal.x) > 0.5f ? sz.z : sz.x;
            v.uv = {v.uv.x * width / 24.0f, v.uv.y * sz.y / 14.0f};  // 3 m bays, 2.8 m storeys
        }
        box.computeBounds();
        m_mesh[k] = r.createMesh(box, "town building");
        r.setMeshTexture(m_mesh[k], windows);
    }
    for (auto& b : m_blocks) b.clear();
    // Earthy facades: weathered panel concrete, ochre plaster, brick and pale limestone (linear albedo).
    static const glm::vec3 kFacades[] = {{0.36f, 0.34f, 0.31f}, {0.50f, 0.38f, 0.24f}, {0.40f, 0.20f, 0.13f},
                                          {0.55f, 0.50f, 0.42f}, {0.30f, 0.27f, 0.24f}};
    for (const TownBuilding& b : townPlan()) {
        const float x = b.en.x, z = -b.en.y;
        glm::mat4 m = glm::translate(glm::mat4(1.0f), {x, terrain.heightAt(x, z) - 1.0f, z});
        // Local x along the building's length (the world's yaw about +y is the en angle).
        m = glm::rotate(m, b.yaw, {0, 1, 0});
        const int fi = static_cast<int>(hash(b.seed, b.kind, 70) * 4.999f);
        const glm::vec3 facade = kFacades[fi] * (0.85f + 0.3f * hash(b.seed, b.kind, 69));
        m_blocks[b.kind].push_back({m, glm::vec4(facade, 1), glm::vec4(0)});
    }
    // Far from the town its blocks are 1-3 pixels each: half of them, each widened by sqrt(2) (the same built-up
    // area), read the same and cost half the triangles.
    for (int k = 0; k < kKinds; ++k) {
        m_far[k].clear();
        for (std::size_t i = 0; i < m_blocks[k].size(); ++i)
            if (hash(static_cast<int>(i), 3 + k, 91) < 0.5f) {
                eng::Instance b = m_blocks[k][i];
                b.model = b.model * glm::scale(glm::mat4(1.0f), {1.41f, 1.0f, 1.41f});
                m_far[k].push_back(b);
            }
    }
    m_night = -1.0f;
    setNight(0.0f);
}

void Town::setNight(float night) {
    if (night == m_night) return;
    m_night = night;
    for (int k = 0; k < kKinds; ++k) {
        lightTownBlocks(m_blocks[k], night);
        lightTownBlocks(m_far[k], night);
    }
}

void Town::draw(eng::Renderer& r, glm::vec3 eye) const {
    // Beyond ~6 km from its centre the blocks are 1-3 pixels: the thinned, widened variant reads the same.
    const bool far = glm::length(eye - glm::vec3(kTown.x, site::kValleyFloor, -kTown.y)) > kFarM;
    // No shadows cast: the valley's shadow map spans ~29 km (a texel is ~28 m), so a 12 m block's shadow is less than
    // a texel, and redrawing ~5,000 casters when the sun turns was the landscape's slowest frames.
    for (int k = 0; k < kKinds; ++k) r.drawInstanced(m_mesh[k], far ? m_far[k] : m_blocks[k], {.castShadow = false});
}

eng::MeshId createTownBlockMesh(eng::Renderer& r) {
    // 8 window columns by 4 floors per face (the box's uv spans each face once); one in ~3 windows dark. Texel (0,0)
    // is roof: the top face's uvs all point at it.
    constexpr int W = 64, H = 32;
    std::vector<std::uint8_t> px = windowGrid(W, H);
    eng::Material m;
    m.baseColor = {1, 1, 1, 1};  // the facade colour comes from the instance
    m.roughness = 0.9f;
    eng::MeshData box = eng::makeBox({1, 1, 1}, m);
    for (eng::SubMesh& part : box.parts)
        for (eng::Vertex& v : part.vertices)
            if (v.normal.y > 0.5f) v.uv = {0.5f / W, 0.5f / H};
    const eng::MeshId id = r.createMesh(box, "town block");
    r.setMeshTexture(id, r.createTexture({.width = W, .height = H, .rgba = px.data(), .repeat = true, .label = "town windows"}));
    return id;
}

void lightTownBlocks(std::vector<eng::Instance>& blocks, float night) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const float h = hash(static_cast<int>(i), 0, 77);
        // Sodium and warm LED light behind curtains; ~10 % of blocks (offices, shut flats) stay dark.
        const float strength = h < 0.1f ? 0.0f : 1.2f + 2.6f * h;
        const glm::vec3 tint = hash(static_cast<int>(i), 1, 78) < 0.7f ? glm::vec3(1.0f, 0.70f, 0.36f) : glm::vec3(0.85f, 0.82f, 0.72f);
        blocks[i].emissive = glm::vec4(tint * (strength * night), 0);
    }
}

}  // namespace scenes
