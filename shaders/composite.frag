#version 330 core
#include "common.glsl"
uniform sampler2D uScene;  // premultiplied: rgb over the sky with coverage a (particles blend into it the same way)
in vec2 vUv;
in vec3 vSkyMapped;
#if EXTRAS
in vec3 vDir;
in vec3 vCloudMapped;
#endif
#if SUN_DISC
in vec3 vDiscMapped;
#endif
out vec4 oColor;

// The cloud deck over the sky along this pixel's ray: coverage where the ray meets the deck's height, faded into the
// haze toward the horizon (the mip chain keeps the far deck from aliasing).
#if EXTRAS
vec3 withClouds(vec3 sky, vec3 dirRaw) {
    if (uCloudOn < 0.5) return sky;
    vec3 d = normalize(dirRaw);
    if (d.y < 0.005) return sky;
    float t = (uCloud.w - uEye.y) / d.y;
    if (t <= 0.0) return sky;
    vec2 uv = (uEye.xz + d.xz * t - uCloud.xy) * uCloud.z + 0.5;
    float cov = texture(uCloudTex, uv).a * smoothstep(0.0, 0.03, d.y);
    // Far decks (low in the sky) fade into the haze: half their contrast is gone ~30 km away.
    return mix(sky, mix(sky, vCloudMapped, exp(-t / 43000.0)), cov);
}
#endif

void main() {
    vec4 s = texture(uScene, vUv);
#if SUN_DISC
    // Sun disc (~0.53 degree, shown at twice that for a screen), soft edge.
    float r = 0.99996 - 0.00008 * uSunDisk;
    vec3 d = normalize(vDir);
    float disc = smoothstep(r - 0.00003, r, dot(d, uSunDir));
    if (uMoon.w > 0.5) {
        // The moon's phase: the sphere's normal under this pixel (q in disc radii), lit where it faces the sun;
        // the dark limb keeps a faint earthshine.
        vec3 q = (d - uSunDir * dot(d, uSunDir)) / sqrt(1.0 - r * r);
        vec3 n = q - uSunDir * sqrt(max(1.0 - dot(q, q), 0.0));
        disc *= mix(0.05, 1.0, smoothstep(-0.06, 0.06, dot(n, uMoon.xyz)));
    }
    vec3 sky = withClouds(mix(vSkyMapped, vDiscMapped, disc), vDir);
#else
    vec3 sky = vSkyMapped;
#if EXTRAS
    if (uStars > 0.0 && s.a < 0.99) {
        // Stars: one in ~80 cells of a 3D grid on the view direction, a soft point of ~1.5 px at 1080p, fading
        // into the horizon's haze; cheap enough for the full-window pass, and only at night.
        vec3 d = normalize(vDir);
        vec3 g = mat3(uStarFrame) * d * 230.0;
        vec3 c = floor(g);
        float h = fract(sin(dot(c, vec3(12.9898, 78.233, 37.719))) * 43758.5453);
        float star = step(0.988, h) * smoothstep(0.26, 0.04, length(g - c - 0.5));
        float mag = fract(h * 97.0);
        sky += vec3(0.80, 0.86, 1.0) * star * (0.25 + 0.75 * mag * mag) * uStars * smoothstep(0.02, 0.2, d.y) * (1.0 - s.a);
    }
    if (s.a < 0.99) sky = withClouds(sky, vDir);
#endif
#endif
    oColor = vec4(s.rgb + sky * (1.0 - s.a), 1.0);
}
