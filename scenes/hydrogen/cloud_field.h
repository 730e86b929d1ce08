// scenes/hydrogen/cloud_field.h — fair-weather clouds drifting over the plant, consistent with the simulation's cloud
// cover, and the shadows they cast along the sun.
// sim/solar.h defines cloud cover cc as the share of time the sun's disc is covered; with clouds drifting past, that is
// also the share of the ground in cloud shadow. So the field draws blobs of random radius at random places (a fixed,
// seeded set tiled over a periodic square, drifting with the wind in sim time) and keeps the first n of them, n from
// Poisson coverage 1 − exp(−n·π·r̄²/P²) = cc. At cc ≥ kOvercast the sky is one deck: everything is shaded.
// Use: CloudField c; c.update(cc, simSeconds); c.clouds() to draw; c.shade(groundXZ, sunDir) ∈ {0, 1} for a point.
// Frame: scene frame (x east, -z north, +y up), positions around the origin.
// Does NOT: draw (the scene draws blobs and their shadow proxies), model cloud height variation, or change the sim.
#pragma once
#include <vector>

#include <glm/glm.hpp>

namespace scenes::h2 {

constexpr float kCloudBase = 1600.0f;      // m above the site: cumulus base in a dry continental summer (estimate)
constexpr float kCloudPeriod = 4000.0f;    // m, side of the periodic square the blobs tile
constexpr float kOvercast = 0.97f;         // cc from which the sky is drawn as a closed deck
const glm::vec2 kCloudWind{7.0f, -2.5f};   // m/s (x east, z), light westerly drift (estimate)

struct Cloud {
    glm::vec2 centre{0.0f};  // scene x/z at the cloud base, nearest copy to the origin
    glm::vec2 radii{200.0f}; // m, ellipse half-axes along x and z
    float thickness = 250.0f;
};

class CloudField {
public:
    CloudField();
    // cover: 0..1 (clamped); simSeconds: sim time in seconds (any epoch: only differences matter visually).
    void update(double cover, double simSeconds);
    const std::vector<Cloud>& clouds() const { return m_active; }
    bool overcast() const { return m_cover >= kOvercast; }
    double cover() const { return m_cover; }
    // 1 when the sun, seen from the ground point, is behind a cloud; 0 otherwise (and 0 at night: no direct sun).
    float shade(glm::vec2 groundXZ, glm::vec3 sunDir) const;
    // Blobs kept for a cover (exposed for tests): Poisson coverage with the set's mean blob area.
    int countFor(double cover) const;
    // The active blobs as a size x size RGBA coverage map of the periodic square (alpha: 1 inside a cloud, a soft edge
    // over the outer ~40 % of its radius, 0 clear), at zero drift: drift(simSeconds) is where it has moved since.
    // For eng::CloudLayer (texel (u, v) over (x, z) = drift + (u - 0.5, v - 0.5) * kCloudPeriod).
    void bakeCoverage(int size, std::vector<unsigned char>& rgba) const;
    static glm::vec2 drift(double simSeconds);
    int activeCount() const { return static_cast<int>(m_active.size()); }

private:
    struct Seed { glm::vec2 base, radii; float thickness; };
    std::vector<Seed> m_seeds;
    std::vector<Cloud> m_active;
    double m_cover = 0.0;
    float m_meanArea = 1.0f;
};

}  // namespace scenes::h2
