// shaders/common.glsl — lighting uniforms, sky colour, height fog and display encoding shared by every program.
uniform mat4 uViewProj;
uniform vec3 uEye;
uniform vec3 uSunDir;      // toward the sun
uniform vec3 uSunColor;
uniform vec3 uSkyZenith;
uniform vec3 uSkyHorizon;
uniform vec3 uSkyAmbient;
uniform vec3 uGroundAmbient;
uniform vec3 uFogColor;
uniform vec4 uFog;         // density, height falloff, base height, exposure
uniform float uSunDisk;
uniform float uSunGlow;    // glow around the key light: 1 for the sun, faint for the moon
uniform float uStars;      // star field brightness, 0 by day
uniform mat4 uStarFrame;   // world direction -> the stars' fixed frame (the sky turns with sidereal time)
uniform float uEmissiveScale;  // emissive relative to its day setting (lower at night: the exposure rose)
uniform vec4 uMoon;        // xyz: toward the real sun; w: 1 when the key light (uSunDir) is the moon

// Cloud deck (engine/gfx/renderer.h CloudLayer): coverage in the texture's alpha; uCloud = offset xz, 1/tile, height.
uniform sampler2D uCloudTex;
uniform float uCloudOn;
uniform vec4 uCloud;
uniform float uCloudShadow;
uniform vec3 uCloudColor;
// Where a point's ray toward the sun crosses the deck, in the coverage texture's uv (linear in p: vertex shaders may
// compute it and let it interpolate exactly).
vec2 cloudShadowUv(vec3 p) {
    vec2 q = p.xz + uSunDir.xz / max(uSunDir.y, 0.05) * (uCloud.w - p.y);
    return (q - uCloud.xy) * uCloud.z + 0.5;
}

// Lamps (engine/gfx/renderer.h PointLight): position + range, colour, spot axis + cosine of the half angle.
uniform int uLightCount;
uniform vec4 uLightPos[16];
uniform vec4 uLightColor[16];
uniform vec4 uLightSpot[16];

// Light the lamps give a surface point p with normal n (times the diffuse colour by the caller): inverse square with
// a core of 0.2 range, windowed to zero at the range ((1 - d^2/r^2)^2), a soft-edged cone for spots.
vec3 localLight(vec3 p, vec3 n) {
    vec3 sum = vec3(0.0);
    for (int i = 0; i < uLightCount; ++i) {
        vec3 L = uLightPos[i].xyz - p;
        float r2 = uLightPos[i].w * uLightPos[i].w;
        float d2 = dot(L, L);
        if (d2 >= r2) continue;
        float w = 1.0 - d2 / r2;
        vec3 l = L * inversesqrt(max(d2, 1e-4));
        float ndl = max(dot(n, l), 0.0);
        float c = uLightSpot[i].w;
        float spot = c > -0.999 ? smoothstep(c, c + (1.0 - c) * 0.35, dot(-l, uLightSpot[i].xyz)) : 1.0;
        sum += uLightColor[i].rgb * (w * w * ndl * spot / (1.0 + d2 / (0.04 * r2)));
    }
    return sum;
}

// Sky radiance along a view direction: zenith-horizon gradient plus forward-scattered glow around the sun.
vec3 skyColor(vec3 dir) {
    float up = clamp(dir.y, 0.0, 1.0);
    vec3 base = mix(uSkyHorizon, uSkyZenith, pow(up, 0.45));
    float cosSun = max(dot(dir, uSunDir), 0.0);
    vec3 glowTint = uSunColor / (max(max(uSunColor.r, uSunColor.g), uSunColor.b) + 1e-3);
    float glow = pow(cosSun, 8.0) * 0.45 + pow(cosSun, 64.0) * 0.6;
    float sunLow = 1.0 - clamp(uSunDir.y * 3.0, 0.0, 1.0);
    return base + glowTint * glow * (0.35 + 0.9 * sunLow) * step(-0.08, uSunDir.y) * uSunGlow;
}

// Exponential height fog, integrated along the ray (density falls with height); the in-scattered colour is the
// sky's horizon colour in that direction, so distant ridges melt into the sky.
// Fog colour (rgb) and amount (a) for a world position; vertex shaders evaluate it so fragments only mix.
vec4 fogTerms(vec3 worldPos) {
    vec3 d = worldPos - uEye;
    float dist = length(d);
    vec3 dir = d / max(dist, 1e-3);
    float k = uFog.y;
    float h0 = uEye.y - uFog.z;
    float dy = d.y;
    float integ = abs(dy * k) > 1e-4 ? (1.0 - exp(-k * dy)) / (k * dy) : 1.0;
    float amount = uFog.x * exp(-k * h0) * integ * dist;
    float f = 1.0 - exp(-amount);
    vec3 fogCol = skyColor(normalize(vec3(dir.x, max(dir.y, 0.0) * 0.3 + 0.02, dir.z)));
    return vec4(fogCol, clamp(f, 0.0, 1.0));
}

vec3 applyFog(vec3 color, vec3 worldPos) {
    vec4 t = fogTerms(worldPos);
    return mix(color, t.rgb, t.a);
}

// ACES filmic fit (Narkowicz 2015) and sRGB encoding: the output is display-referred 8-bit.
vec3 toneMap(vec3 c) {
    c *= uFog.w;
    c = clamp((c * (2.51 * c + 0.03)) / (c * (2.43 * c + 0.59) + 0.14), 0.0, 1.0);
    // sRGB encoding without pow() (exp2/log2 polynomials are the dearest thing a software rasterizer does per pixel):
    // a fit of 1.055 c^(1/2.4) - 0.055 from three square roots, within 0.25/255 of the exact curve everywhere.
    vec3 s1 = sqrt(c), s2 = sqrt(s1), s3 = sqrt(s2);
    vec3 curve = 0.662002687 * s1 + 0.684122060 * s2 - 0.323583601 * s3 - 0.0225411470 * c;
    return mix(12.92 * c, curve, step(0.0031308, c));
}
