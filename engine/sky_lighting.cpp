// skyLighting (declared in engine/gfx/renderer.h): pure maths, no GL, so it lives outside engine/gfx.
#include <algorithm>
#include <cmath>

#include "engine/gfx/renderer.h"

namespace eng {

Lighting skyLightingFromSun(glm::vec3 sunDir, float turbidity) {
    return skyLighting({.sunDir = sunDir, .turbidity = turbidity});
}

glm::mat3 celestialFrame(float latDeg, float siderealDeg) {
    const float phi = glm::radians(latDeg), th = glm::radians(siderealDeg);
    const glm::vec3 E(1, 0, 0), U(0, 1, 0), N(0, 0, -1);
    // The hour-angle frame: M on the meridian's equator point (hour angle 0), W the west point (6 h), P the pole.
    const glm::vec3 M = -std::sin(phi) * N + std::cos(phi) * U, W = -E, P = std::cos(phi) * N + std::sin(phi) * U;
    // Right ascension = sidereal time - hour angle: turn the hour-angle frame about the pole by the sidereal time.
    const glm::vec3 X = std::cos(th) * M + std::sin(th) * W, Y = std::sin(th) * M - std::cos(th) * W;
    return glm::transpose(glm::mat3(X, Y, P));  // rows: the frame's axes in world coordinates
}

Lighting skyLighting(const SkyInputs& in) {
    const glm::vec3 sunDir = in.sunDir;
    const float turbidity = in.turbidity;
    Lighting L;
    L.starFrame = in.starFrame;
    L.sunDir = glm::normalize(sunDir);
    L.realSunDir = L.sunDir;
    const float elevDeg = glm::degrees(std::asin(std::clamp(L.sunDir.y, -1.0f, 1.0f)));
    // Relative air mass (Kasten & Young 1989), capped near the horizon.
    const float e = std::max(elevDeg, 0.0f);
    const float airMass = std::min(1.0f / (std::sin(glm::radians(e)) + 0.50572f * std::pow(e + 6.07995f, -1.6364f)), 38.0f);
    // Rayleigh-like extinction per channel, scaled by haze: blue goes first, so low suns turn orange-red.
    const glm::vec3 beta = glm::vec3(0.028f, 0.062f, 0.135f) * (0.6f + 0.15f * turbidity);
    const glm::vec3 trans = glm::exp(-beta * airMass);
    const float day = glm::smoothstep(-8.0f, 2.0f, elevDeg);     // civil twilight (the sky stays lit to -6 deg) to day
    const float horizonFade = glm::smoothstep(-1.0f, 2.0f, elevDeg);  // the disc sets
    L.sunColor = glm::vec3(1.0f, 0.96f, 0.90f) * trans * 2.8f * horizonFade;

    // Clear continental sky: a deep blue zenith over a paler horizon by day; a warm amber band under a dark blue
    // zenith at dusk.
    const glm::vec3 dayZenith(0.045f, 0.14f, 0.50f), dayHorizon(0.40f, 0.56f, 0.80f);
    const glm::vec3 duskZenith(0.05f, 0.08f, 0.24f), duskHorizon(1.05f, 0.50f, 0.20f);
    const glm::vec3 nightZenith(0.008f, 0.012f, 0.03f), nightHorizon(0.02f, 0.03f, 0.06f);
    const float dusk = 1.0f - glm::smoothstep(2.0f, 18.0f, elevDeg);  // 1 near the horizon
    glm::vec3 zen = glm::mix(dayZenith, duskZenith, dusk * 0.8f);
    glm::vec3 hor = glm::mix(dayHorizon, duskHorizon, dusk);
    zen = glm::mix(nightZenith, zen, day);
    hor = glm::mix(nightHorizon, hor, day);
    L.skyZenith = zen;
    L.skyHorizon = hor;
    // Ambient well below the sun (a dry, clear sky: sunlit to shaded ~ 4:1), so relief and shadows read.
    L.skyAmbient = glm::mix(zen, hor, 0.5f) * (0.32f + 0.12f * day);
    L.groundAmbient = glm::vec3(0.30f, 0.25f, 0.19f) * (0.06f + 0.35f * std::max(L.sunDir.y, 0.0f)) * day +
                      glm::vec3(0.004f, 0.005f, 0.01f);
    L.fogColor = glm::mix(hor, zen, 0.15f);
    // Summer haze, thicker with turbidity (hydrogen.md §9 puts Linke turbidity at 3-4 in summer): ~25 % at 10 km
    // over the valley floor, so the near ground keeps its colour and the far ridges still fade into the sky.
    L.fogDensity = 0.000022f * (0.5f + 0.25f * turbidity);
    L.fogFalloff = 0.0009f;
    L.exposure = 0.80f + 0.45f * dusk * day;  // the eye adapts a little at dusk
    // Civil twilight: the sun's own light is gone once it is a degree under, but the night's adaptation (below)
    // starts only at -2 and is half done at -6; the eye adapts as the sky's light fades, so the exposure follows it
    // from sunset (the pit at 20:15 went near-black between a lit 20:00 and a readable moonlit 20:45).
    L.exposure *= 1.0f + 0.9f * glm::smoothstep(0.5f, -4.0f, elevDeg);

    // Night. Real moonlight is ~1/400,000 of sunlight; a screen cannot show that, so the night is drawn as film does
    // (day for night): a dim bluish key light from the moon's true place, scaled by its lit fraction, a sky glow of
    // airglow, starlight and the towns' lights low on the horizon, and an exposure that adapts (the eye's does).
    const float night = 1.0f - glm::smoothstep(-10.0f, -2.0f, elevDeg);
    if (night <= 0.0f) return L;
    const glm::vec3 moonDir = glm::length(in.moonDir) > 0.5f ? glm::normalize(in.moonDir) : glm::vec3(0, -1, 0);
    const float moonElevDeg = glm::degrees(std::asin(std::clamp(moonDir.y, -1.0f, 1.0f)));
    const float moonUp = glm::smoothstep(-0.5f, 4.0f, moonElevDeg);          // the disc sets, then its light
    const float moonLight = moonUp * std::clamp(in.moonIlluminated, 0.0f, 1.0f);
    // The sky is darkened by as much as the exposure rises, so it stays a night sky while the ground reads.
    const float nightExposure = 2.2f;
    const float skyKeep = glm::mix(1.0f, L.exposure / nightExposure, night);
    const glm::vec3 nightGlowHorizon(0.010f, 0.009f, 0.011f), nightGlowZenith(0.0008f, 0.0012f, 0.003f);
    const glm::vec3 moonSky(0.002f, 0.0035f, 0.008f);
    L.skyZenith = L.skyZenith * skyKeep + (nightGlowZenith + moonSky * moonLight) * night;
    L.skyHorizon = L.skyHorizon * skyKeep + (nightGlowHorizon + moonSky * 1.5f * moonLight) * night;
    L.fogColor = glm::mix(L.skyHorizon, L.skyZenith, 0.15f);
    // Starlight, airglow and skyglow as a floor, then the moon's share of the sky's light.
    L.skyAmbient += (glm::vec3(0.016f, 0.019f, 0.028f) + glm::vec3(0.020f, 0.028f, 0.048f) * moonLight) * night;
    L.groundAmbient += (glm::vec3(0.006f, 0.006f, 0.007f) + glm::vec3(0.006f, 0.007f, 0.009f) * moonLight) * night;
    if (elevDeg < -6.0f && moonUp > 0.0f) {
        // The key light becomes the moon once the sun's own light is gone (it sets at -1 degree; the sunset glow
        // that follows it lasts to about -4.6): its shadows and its disc are drawn where the moon is.
        L.keyIsMoon = true;
        L.sunDir = moonDir;
        L.sunColor = glm::vec3(0.62f, 0.72f, 0.95f) * 0.26f * moonLight * night;
        L.sunGlow = 0.08f * moonLight;
        L.sunDiskSize = 1.0f;
    }
    L.stars = night * (1.0f - 0.6f * moonLight);
    L.exposure = glm::mix(L.exposure, nightExposure, night);
    // Lamps were set against the day's exposure: at night they read ~1.5 times brighter, not 2.75 (blown out).
    L.emissiveScale = glm::mix(1.0f, 0.55f, night);
    return L;
}

}  // namespace eng
