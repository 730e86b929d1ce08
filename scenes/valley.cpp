#include "scenes/valley.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <glm/gtc/matrix_transform.hpp>

#include "engine/noise.h"
#include "engine/procedural.h"
#include "scenes/site.h"

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
    // Kalmakyr pit: grey-green and rust-coloured benches banded by elevation, and pale waste dumps.
    const float e = pitEllipse(en);
    if (e < 1.15f) {
        const float band = 0.5f + 0.5f * std::sin(h / 15.0f * 3.14159f);
        glm::vec3 pit = glm::mix(srgb(122, 116, 104), srgb(150, 112, 80), fbm(en / 300.0f, 2, 51));
        pit = glm::mix(pit, srgb(98, 104, 100), band * 0.35f);
        c = glm::mix(c, pit, glm::smoothstep(1.15f, 0.95f, e));
    }
    for (const site::WasteDump& d : site::kWasteDumps) {
        const float r = glm::length(en - d.en) / d.radius;
        c = glm::mix(c, srgb(134, 122, 106) * (0.9f + 0.2f * n2), glm::smoothstep(1.05f, 0.8f, r));
    }
    (void)h;
    return c;
}

}  // namespace

// [SECTION] Scene

bool buildValleyTerrain(eng::Renderer& r, eng::Terrain& terrain, std::string* why) {
    eng::TerrainDesc td;
    td.samples = kSamples;
    td.size = kTerrainSize;
    td.heights.resize(static_cast<std::size_t>(kSamples) * kSamples);
    const float cell = kTerrainSize / (kSamples - 1);
    for (int j = 0; j < kSamples; ++j)
        for (int i = 0; i < kSamples; ++i)
            td.heights[static_cast<std::size_t>(j) * kSamples + i] =
                site::elevation(i * cell - kTerrainSize * 0.5f, j * cell - kTerrainSize * 0.5f);

    // Colour map from the sampled heights (bilinear) plus fine noise: far cheaper than re-evaluating the terrain.
    std::vector<std::uint8_t> px(static_cast<std::size_t>(kColorMap) * kColorMap * 4);
    auto H = [&](float gx, float gz) {
        const int ix = std::clamp(static_cast<int>(gx), 0, kSamples - 2), iz = std::clamp(static_cast<int>(gz), 0, kSamples - 2);
        const float fx = std::clamp(gx - ix, 0.0f, 1.0f), fz = std::clamp(gz - iz, 0.0f, 1.0f);
        auto h = [&](int a, int b) { return td.heights[static_cast<std::size_t>(b) * kSamples + a]; };
        return glm::mix(glm::mix(h(ix, iz), h(ix + 1, iz), fx), glm::mix(h(ix, iz + 1), h(ix + 1, iz + 1), fx), fz);
    };
    const float texel = kTerrainSize / kColorMap;
    for (int j = 0; j < kColorMap; ++j)
        for (int i = 0; i < kColorMap; ++i) {
            const float x = (i + 0.5f) * texel - kTerrainSize * 0.5f, z = (j + 0.5f) * texel - kTerrainSize * 0.5f;
            const float gx = (x + kTerrainSize * 0.5f) / cell, gz = (z + kTerrainSize * 0.5f) / cell;
            const float h = H(gx, gz);
            const float dx = H(gx + 1, gz) - H(gx - 1, gz), dz = H(gx, gz + 1) - H(gx, gz - 1);
            const float slope = std::sqrt(dx * dx + dz * dz) / (2.0f * cell);
            const glm::vec2 en(x, -z);
            const Site s = siteOf(en);
            const float wild = glm::smoothstep(900.0f, 4500.0f, std::abs(s.across));
            const glm::vec3 c = glm::clamp(groundColor(en, h, slope, wild), 0.0f, 1.0f);
            std::uint8_t* p = &px[(static_cast<std::size_t>(j) * kColorMap + i) * 4];
            p[0] = static_cast<std::uint8_t>(c.r * 255.0f + 0.5f);
            p[1] = static_cast<std::uint8_t>(c.g * 255.0f + 0.5f);
            p[2] = static_cast<std::uint8_t>(c.b * 255.0f + 0.5f);
            p[3] = 255;
        }
    td.colorMap = r.createTexture({.width = kColorMap, .height = kColorMap, .rgba = px.data(), .label = "landscape colour"});
    return terrain.build(r, td, why);
}


std::vector<eng::Instance> valleyTownBlocks(const eng::Terrain& terrain) {
    std::vector<eng::Instance> out;
    std::uint32_t k = 0;
    for (int gz = -14; gz <= 14; ++gz)
        for (int gx = -20; gx <= 20; ++gx) {
            ++k;
            const glm::vec2 en = kTown + glm::vec2(gx * 130.0f, gz * 110.0f) +
                                 glm::vec2(hash(gx, gz, 61) - 0.5f, hash(gx, gz, 62) - 0.5f) * 50.0f;
            const float d = glm::length((en - kTown) * glm::vec2(1.0f, 1.4f));
            if (d > 2600.0f * (0.8f + 0.4f * hash(gx, gz, 63)) || hash(gx, gz, 64) < 0.25f) continue;
            const float tall = hash(gx, gz, 65) < 0.2f ? 27.0f : 9.0f + 6.0f * hash(gx, gz, 66);
            const glm::vec3 size(40.0f + 40.0f * hash(gx, gz, 67), tall, 14.0f + 10.0f * hash(gx, gz, 68));
            const float x = en.x, z = -en.y;
            glm::mat4 m = glm::translate(glm::mat4(1.0f), {x, terrain.heightAt(x, z) - 2.0f, z});
            m = glm::rotate(m, glm::radians(38.0f + (k % 2) * 90.0f), {0, 1, 0});
            // Earthy facades: weathered panel concrete, ochre plaster, brick and pale limestone (linear albedo).
            static const glm::vec3 kFacades[] = {{0.36f, 0.34f, 0.31f}, {0.50f, 0.38f, 0.24f}, {0.40f, 0.20f, 0.13f},
                                                  {0.55f, 0.50f, 0.42f}, {0.30f, 0.27f, 0.24f}};
            const glm::vec3 facade = kFacades[static_cast<int>(hash(gx, gz, 70) * 4.999f)] * (0.85f + 0.3f * hash(gx, gz, 69));
            out.push_back({glm::scale(m, size), glm::vec4(facade, 1), glm::vec4(0)});
        }
    return out;
}

eng::MeshId createTownBlockMesh(eng::Renderer& r) {
    // 8 window columns by 4 floors per face (the box's uv spans each face once); one in ~3 windows dark. Texel (0,0)
    // is roof: the top face's uvs all point at it.
    constexpr int W = 64, H = 32;
    std::vector<std::uint8_t> px(W * H * 4);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            const int col = x / 8, row = y / 8, cx = x % 8, cy = y % 8;
            const bool glass = cx >= 2 && cx <= 5 && cy >= 2 && cy <= 5 && !(x == 0 && y == 0);
            const bool lit = glass && hash(col, row, 97) < 0.62f;
            std::uint8_t* p = &px[static_cast<std::size_t>((y * W + x) * 4)];
            const std::uint8_t wall = 250, pane = 95;
            p[0] = p[1] = glass ? pane : wall;
            p[2] = glass ? static_cast<std::uint8_t>(pane + 12) : wall;
            p[3] = lit ? 255 : 0;
        }
    px[3] = 0;
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
