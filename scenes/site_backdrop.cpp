#include "scenes/site_backdrop.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/noise.h"
#include "scenes/site.h"

namespace scenes {

namespace {

glm::vec3 srgb(float r, float g, float b) { return glm::vec3(r, g, b) / 255.0f; }

// The landscape scene's palette (dry steppe ochres, rock on steep slopes, an irrigated patchwork on the valley floor),
// so the backdrop reads as the same valley.
glm::vec3 groundColour(float rel, float slope, glm::vec2 en) {
    const float n = siteHash(static_cast<int>(std::floor(en.x / 420.0f)), static_cast<int>(std::floor(en.y / 260.0f)));
    const float m = 0.5f + 0.5f * std::sin(en.x / 1700.0f + 1.3f) * std::sin(en.y / 2300.0f);
    glm::vec3 c = glm::mix(srgb(150, 118, 78), srgb(196, 168, 118), m);
    c = glm::mix(c, srgb(104, 90, 78), glm::smoothstep(0.2f, 0.55f, slope));
    // Valley floor within ~40 m of the site's level and gently sloped: fields, orchards, fallow.
    const float floorShare = (1.0f - glm::smoothstep(25.0f, 70.0f, std::abs(rel))) * (1.0f - glm::smoothstep(0.05f, 0.15f, slope));
    const glm::vec3 field = n < 0.4f ? srgb(92, 118, 52) : n < 0.65f ? srgb(58, 86, 40) : n < 0.88f ? srgb(170, 160, 96) : srgb(140, 120, 84);
    c = glm::mix(c, field, floorShare * 0.85f);
    return c * 0.85f;  // plant scenes expose for bright steel and melt: the landscape's albedo a little darker
}

}  // namespace

float siteHash(int x, int y) { return eng::noise::hash16(x, y); }

float siteNoise(glm::vec2 p, float cell, int seed) {
    const glm::vec2 q = p / cell;
    // Each seed reads the 16-bit lattice shifted by 131 cells per seed.
    return eng::noise::valueNoise(q.x, q.y, eng::noise::Fade::Cubic, [seed](int x, int y) { return siteHash(x + seed * 131, y); });
}

glm::vec3 SiteBackdrop::floorColour(float x, float z) const {
    return groundColour(0.0f, 0.0f, {m_desc.siteEast + x, m_desc.siteNorth - z});
}

float SiteBackdrop::heightAt(float x, float z) const {
    const float r = std::sqrt(x * x + z * z);
    const float rel = site::elevation(m_desc.siteEast + x, -m_desc.siteNorth + z) - m_base;
    // Flat and just below the scene's ground near the site, the real relief beyond.
    const float w = glm::smoothstep(m_desc.flatRadius * 1.45f, m_desc.flatRadius * 3.0f, r);
    return glm::mix(-0.6f, rel, w);
}

void SiteBackdrop::build(eng::Renderer& r, const SiteBackdropDesc& d) {
    m_desc = d;
    m_desc.segments = std::max(m_desc.segments, 8);
    m_desc.rings = std::max(m_desc.rings, 2);
    m_desc.flatRadius = std::max(m_desc.flatRadius, 10.0f);
    m_desc.outerRadius = std::max(m_desc.outerRadius, m_desc.flatRadius * 4.0f);
    m_base = site::elevation(m_desc.siteEast, -m_desc.siteNorth);
    const float r0 = 0.75f * m_desc.flatRadius, r1 = m_desc.outerRadius;
    const float logSpan = std::log(r1 / r0);
    // Rings spaced geometrically: detail where the relief is near, few vertices where the fog takes it.
    auto radiusAt = [&](float v) { return r0 * std::exp(v * logSpan); };
    const float kTwoPi = 6.28318530718f;

    eng::SubMesh p;
    const int S = m_desc.segments, R = m_desc.rings;
    for (int j = 0; j <= R; ++j) {
        const float v = static_cast<float>(j) / static_cast<float>(R), rad = radiusAt(v);
        const float eps = std::max(rad * 0.02f, 20.0f);
        for (int i = 0; i <= S; ++i) {
            const float u = static_cast<float>(i) / static_cast<float>(S), a = u * kTwoPi;
            const float x = rad * std::cos(a), z = rad * std::sin(a);
            const float h = heightAt(x, z);
            const glm::vec3 n = glm::normalize(glm::vec3(heightAt(x - eps, z) - heightAt(x + eps, z), 2.0f * eps,
                                                         heightAt(x, z - eps) - heightAt(x, z + eps)));
            p.vertices.push_back({{x, h, z}, n, {u, v}});
        }
    }
    for (int j = 0; j < R; ++j)
        for (int i = 0; i < S; ++i) {
            const auto a = static_cast<std::uint32_t>(j * (S + 1) + i), b = a + static_cast<std::uint32_t>(S + 1);
            for (std::uint32_t k : {a, a + 1, b, a + 1, b + 1, b}) p.indices.push_back(k);
        }
    eng::MeshData mesh;
    mesh.parts.push_back(std::move(p));
    mesh.materials.push_back({.name = "valley", .baseColor = {1, 1, 1, 1}, .roughness = 1.0f});
    mesh.computeBounds();
    m_mesh = r.createMesh(mesh, "site backdrop");

    // Colour in the same polar (angle, log radius) frame as the uv: texels are as dense as the vertices.
    constexpr int kW = 256, kH = 64;
    std::vector<float> hgt(static_cast<std::size_t>(kW) * kH);
    auto texelPos = [&](int i, int j) {
        const float a = (static_cast<float>(i) + 0.5f) / kW * kTwoPi, rad = radiusAt((static_cast<float>(j) + 0.5f) / kH);
        return glm::vec2(rad * std::cos(a), rad * std::sin(a));
    };
    for (int j = 0; j < kH; ++j)
        for (int i = 0; i < kW; ++i) {
            const glm::vec2 q = texelPos(i, j);
            hgt[static_cast<std::size_t>(j) * kW + i] = site::elevation(m_desc.siteEast + q.x, -m_desc.siteNorth + q.y) - m_base;
        }
    std::vector<std::uint8_t> px(static_cast<std::size_t>(kW) * kH * 4);
    for (int j = 0; j < kH; ++j)
        for (int i = 0; i < kW; ++i) {
            const glm::vec2 q = texelPos(i, j);
            const int jn = std::min(j + 1, kH - 1), in = (i + 1) % kW;
            const float h = hgt[static_cast<std::size_t>(j) * kW + i];
            const float dr = glm::length(texelPos(i, jn) - q) + 1.0f, da = glm::length(texelPos(in, j) - q) + 1.0f;
            const float slope = std::hypot((hgt[static_cast<std::size_t>(jn) * kW + i] - h) / dr,
                                           (hgt[static_cast<std::size_t>(j) * kW + in] - h) / da);
            const glm::vec3 c = groundColour(h, slope, {m_desc.siteEast + q.x, m_desc.siteNorth - q.y}) *
                                (0.92f + 0.16f * siteHash(i, j + 7));
            std::uint8_t* o = &px[(static_cast<std::size_t>(j) * kW + i) * 4];
            for (int k = 0; k < 3; ++k) o[k] = static_cast<std::uint8_t>(std::clamp(c[k], 0.0f, 1.0f) * 255.0f);
            o[3] = 255;
        }
    r.setMeshTexture(m_mesh, r.createTexture({.width = kW, .height = kH, .rgba = px.data(), .repeat = true, .label = "site backdrop"}));
}

void SiteBackdrop::draw(eng::Renderer& r) const {
    if (!m_mesh.valid()) return;
    r.draw(m_mesh, glm::mat4(1.0f), glm::vec4(1.0f), glm::vec3(0.0f), {.castShadow = false, .receiveShadow = false});
}

}  // namespace scenes
