// skyLightingFromSun (declared in engine/gfx/renderer.h): pure maths, no GL, so it lives outside engine/gfx.
#include <algorithm>
#include <cmath>

#include "engine/gfx/renderer.h"

namespace eng {

Lighting skyLightingFromSun(glm::vec3 sunDir, float turbidity) {
    Lighting L;
    L.sunDir = glm::normalize(sunDir);
    const float elevDeg = glm::degrees(std::asin(std::clamp(L.sunDir.y, -1.0f, 1.0f)));
    // Relative air mass (Kasten & Young 1989), capped near the horizon.
    const float e = std::max(elevDeg, 0.0f);
    const float airMass = std::min(1.0f / (std::sin(glm::radians(e)) + 0.50572f * std::pow(e + 6.07995f, -1.6364f)), 38.0f);
    // Rayleigh-like extinction per channel, scaled by haze: blue goes first, so low suns turn orange-red.
    const glm::vec3 beta = glm::vec3(0.028f, 0.062f, 0.135f) * (0.6f + 0.15f * turbidity);
    const glm::vec3 trans = glm::exp(-beta * airMass);
    const float day = glm::smoothstep(-6.0f, 4.0f, elevDeg);     // civil twilight to full day
    const float horizonFade = glm::smoothstep(-1.0f, 2.0f, elevDeg);  // the disc sets
    L.sunColor = glm::vec3(1.0f, 0.97f, 0.92f) * trans * 2.3f * horizonFade;

    const glm::vec3 dayZenith(0.13f, 0.30f, 0.72f), dayHorizon(0.58f, 0.70f, 0.86f);
    const glm::vec3 duskZenith(0.10f, 0.14f, 0.32f), duskHorizon(0.95f, 0.52f, 0.26f);
    const glm::vec3 nightZenith(0.008f, 0.012f, 0.03f), nightHorizon(0.02f, 0.03f, 0.06f);
    const float dusk = 1.0f - glm::smoothstep(2.0f, 18.0f, elevDeg);  // 1 near the horizon
    glm::vec3 zen = glm::mix(dayZenith, duskZenith, dusk * 0.8f);
    glm::vec3 hor = glm::mix(dayHorizon, duskHorizon, dusk);
    zen = glm::mix(nightZenith, zen, day);
    hor = glm::mix(nightHorizon, hor, day);
    L.skyZenith = zen;
    L.skyHorizon = hor;
    L.skyAmbient = glm::mix(zen, hor, 0.45f) * (0.45f + 0.2f * day);
    L.groundAmbient = glm::vec3(0.30f, 0.25f, 0.19f) * (0.08f + 0.5f * std::max(L.sunDir.y, 0.0f)) * day +
                      glm::vec3(0.004f, 0.005f, 0.01f);
    L.fogColor = glm::mix(hor, zen, 0.15f);
    // Dusty summer haze: thicker with turbidity (hydrogen.md §9 puts Linke turbidity at 3-4 in summer).
    L.fogDensity = 0.000045f * (0.5f + 0.25f * turbidity);
    L.fogFalloff = 0.0009f;
    L.exposure = 0.85f + 0.35f * dusk * day;  // the eye adapts a little at dusk
    return L;
}

}  // namespace eng
