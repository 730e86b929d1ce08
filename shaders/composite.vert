#version 330 core
// Composite: the scene target (render scale, alpha 0 where nothing was drawn) scaled into the window over the sky.
// The quad is a screen-space grid (uSkyGrid cells over uRect in NDC) whose vertices carry the sky colour, so the
// gradient and sun glow cost a few thousand vertex evaluations, and the one full-window pass does both the upsample
// and the sky (software rendering pays per pixel written: two full-window passes were ~9 ms of a frame on llvmpipe).
// SUN_DISC: the same for a small rectangle around the sun, adding the disc (the only per-pixel sky term).
#include "common.glsl"
uniform mat4 uInvViewProj;
uniform ivec2 uSkyGrid;
uniform vec4 uRect;     // xy = lower-left, zw = upper-right corner in NDC
uniform float uSkyOn;   // 0: indoor scenes, the target is opaque everywhere
out vec2 vUv;
out vec3 vSkyMapped;    // display colour of the sky here
#if EXTRAS
out vec3 vCloudMapped;  // display colour of the cloud deck seen this way (sunlit side brighter)
out vec3 vDir;          // unnormalised view ray: exact under linear interpolation (the far plane is a plane)
#endif
#if SUN_DISC
out vec3 vDiscMapped;   // display colour of the sun disc seen against it
#endif

// Sky radiance along a ray, with the haze colour below the horizon so the terrain's far edge never shows a seam.
vec3 skyRadiance(vec3 dir) {
    vec3 c = skyColor(dir);
    if (dir.y < 0.0) c = mix(c, skyColor(normalize(vec3(dir.x, 0.02, dir.z))), clamp(-dir.y * 20.0, 0.0, 1.0));
    return c;
}

// A cloud seen from below along nd: sky light from above and the sun scattered through it, brightest toward the sun.
vec3 cloudRadiance(vec3 nd) {
    float toward = pow(max(dot(nd, uSunDir), 0.0), 4.0);
    return uCloudColor * (uSkyAmbient * 2.2 + uSunColor * (0.22 + 0.35 * toward) * clamp(uSunDir.y * 4.0, 0.0, 1.0));
}

void main() {
    int cell = gl_VertexID / 6, corner = gl_VertexID - cell * 6;
    // Two triangles per cell, counter-clockwise: (0,0) (1,0) (1,1)  (0,0) (1,1) (0,1).
    ivec2 off = ivec2((corner == 1 || corner == 2 || corner == 4) ? 1 : 0, (corner == 2 || corner == 4 || corner == 5) ? 1 : 0);
    ivec2 xy = ivec2(cell % uSkyGrid.x, cell / uSkyGrid.x) + off;
    vec2 f = vec2(xy) / vec2(max(uSkyGrid, ivec2(1)));
    vec2 p = mix(uRect.xy, uRect.zw, f);
    vUv = p * 0.5 + 0.5;
    vec4 far = uInvViewProj * vec4(p, 1.0, 1.0);
    vec3 dir = far.xyz / far.w - uEye;
    vec3 sky = uSkyOn > 0.5 ? skyRadiance(normalize(dir)) : vec3(0.0);
    vSkyMapped = toneMap(sky);
#if !EXTRAS && !SUN_DISC
    // The low preset's cloud deck: sampled at the grid's vertices (~2 degree cells, a coarse mip level) and blended
    // into the sky colour there, so it costs nothing per pixel; the high preset samples it per pixel (EXTRAS).
    if (uCloudOn > 0.5 && uSkyOn > 0.5) {
        vec3 nd = normalize(dir);
        float t = (uCloud.w - uEye.y) / max(nd.y, 1e-3);
        if (nd.y > 0.0 && t > 0.0) {
            vec2 uv = (uEye.xz + nd.xz * t - uCloud.xy) * uCloud.z + 0.5;
            float cov = textureLod(uCloudTex, uv, 3.0).a * smoothstep(0.0, 0.03, nd.y);
            vSkyMapped = mix(vSkyMapped, toneMap(mix(sky, mix(sky, cloudRadiance(nd), 0.75), exp(-t / 43000.0))), cov);
        }
    }
#endif
#if EXTRAS
    vDir = dir;
    if (uCloudOn > 0.5) {
        vCloudMapped = toneMap(mix(cloudRadiance(normalize(dir)), sky, 0.25));
    } else {
        vCloudMapped = vec3(0.0);
    }
#endif
#if SUN_DISC
    vDiscMapped = toneMap(sky + uSunColor * 6.0);
#endif
    gl_Position = vec4(p, 0.0, 1.0);
}
