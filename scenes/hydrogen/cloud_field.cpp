#include "scenes/hydrogen/cloud_field.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace scenes::h2 {

namespace {
constexpr int kSeeds = 700;  // enough for cc up to kOvercast

float unitHash(std::uint32_t i, std::uint32_t salt) {
    std::uint32_t h = i * 2654435761u ^ (salt * 2246822519u + 0x9E3779B9u);
    h = (h ^ (h >> 15)) * 2246822519u;
    h = (h ^ (h >> 13)) * 3266489917u;
    h ^= h >> 16;
    return static_cast<float>(h & 0xFFFFFF) / static_cast<float>(0x1000000);
}

// Wraps into [-P/2, P/2).
double wrap(double x) { return x - kCloudPeriod * std::floor(x / kCloudPeriod + 0.5); }
}  // namespace

CloudField::CloudField() {
    double area = 0.0;
    for (int i = 0; i < kSeeds; ++i) {
        const auto u = static_cast<std::uint32_t>(i);
        Seed s;
        s.base = {(unitHash(u, 1) - 0.5f) * kCloudPeriod, (unitHash(u, 2) - 0.5f) * kCloudPeriod};
        const float r = 110.0f + 230.0f * unitHash(u, 3) * unitHash(u, 4);
        const float elong = 0.7f + 0.6f * unitHash(u, 5);
        s.radii = {r * elong, r / elong};
        s.thickness = 0.5f * r + 80.0f * unitHash(u, 6);
        area += 3.14159265 * s.radii.x * s.radii.y;
        m_seeds.push_back(s);
    }
    m_meanArea = static_cast<float>(area / kSeeds);
}

int CloudField::countFor(double cover) const {
    const double cc = std::clamp(std::isfinite(cover) ? cover : 0.0, 0.0, 1.0);
    if (cc <= 0.0) return 0;
    if (cc >= kOvercast) return kSeeds;
    const double n = -std::log(1.0 - cc) * kCloudPeriod * kCloudPeriod / m_meanArea;
    return std::min(kSeeds, static_cast<int>(std::lround(n)));
}

void CloudField::update(double cover, double simSeconds) {
    m_cover = std::clamp(std::isfinite(cover) ? cover : 0.0, 0.0, 1.0);
    const int n = countFor(m_cover);
    m_active.clear();
    for (int i = 0; i < n; ++i) {
        const Seed& s = m_seeds[static_cast<std::size_t>(i)];
        Cloud c;
        c.centre = {static_cast<float>(wrap(s.base.x + kCloudWind.x * simSeconds)),
                    static_cast<float>(wrap(s.base.y + kCloudWind.y * simSeconds))};
        c.radii = s.radii;
        c.thickness = s.thickness;
        m_active.push_back(c);
    }
}

glm::vec2 CloudField::drift(double simSeconds) {
    return {static_cast<float>(wrap(kCloudWind.x * simSeconds)), static_cast<float>(wrap(kCloudWind.y * simSeconds))};
}

void CloudField::bakeCoverage(int size, std::vector<unsigned char>& rgba) const {
    size = std::max(size, 1);
    std::vector<float> cover(static_cast<std::size_t>(size * size), 0.0f);
    const float texel = kCloudPeriod / static_cast<float>(size);
    const bool deck = overcast();
    for (std::size_t k = 0; k < m_active.size() && !deck; ++k) {
        const Seed& sd = m_seeds[k];
        const glm::vec2 c = sd.base, rad = sd.radii;
        const int x0 = static_cast<int>(std::floor((c.x - rad.x) / texel + 0.5f * size)), x1 = static_cast<int>(std::ceil((c.x + rad.x) / texel + 0.5f * size));
        const int y0 = static_cast<int>(std::floor((c.y - rad.y) / texel + 0.5f * size)), y1 = static_cast<int>(std::ceil((c.y + rad.y) / texel + 0.5f * size));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const glm::vec2 p(((x + 0.5f) / size - 0.5f) * kCloudPeriod, ((y + 0.5f) / size - 0.5f) * kCloudPeriod);
                const float d = glm::length((p - c) / rad);
                if (d >= 1.0f) continue;
                const float a = 1.0f - glm::smoothstep(0.6f, 1.0f, d);
                float& v = cover[static_cast<std::size_t>(((y % size + size) % size) * size + ((x % size + size) % size))];
                v = 1.0f - (1.0f - v) * (1.0f - a);
            }
    }
    rgba.assign(static_cast<std::size_t>(size * size * 4), 255);
    for (std::size_t i = 0; i < cover.size(); ++i)
        rgba[i * 4 + 3] = static_cast<unsigned char>(std::lround((deck ? 1.0f : cover[i]) * 255.0f));
}

float CloudField::shade(glm::vec2 p, glm::vec3 sunDir) const {
    if (sunDir.y <= 0.0f) return 0.0f;
    if (overcast()) return 1.0f;
    // Where the ray toward the sun pierces the cloud base.
    const glm::vec2 q = p + glm::vec2(sunDir.x, sunDir.z) / sunDir.y * kCloudBase;
    for (const Cloud& c : m_active) {
        glm::vec2 d(static_cast<float>(wrap(q.x - c.centre.x)), static_cast<float>(wrap(q.y - c.centre.y)));
        d /= c.radii;
        if (glm::dot(d, d) < 1.0f) return 1.0f;
    }
    return 0.0f;
}

}  // namespace scenes::h2
