#version 330 core
// Sky: a screen-space grid at the far plane (uSkyGrid cells) whose vertices carry the sky colour, so the smooth
// gradient and sun glow cost a few thousand vertex evaluations instead of pow() at every pixel (software rendering
// is bound by fragment arithmetic, and it runs both sides of every branch, so the fragment shader has none).
#include "common.glsl"
uniform mat4 uInvViewProj;
uniform ivec2 uSkyGrid;
out vec3 vDir;      // unnormalised view ray: exact under linear interpolation (the far plane is a plane)
out vec3 vSkyMapped;   // display colour of the sky here
out vec3 vDiscMapped;  // display colour of the sun disc seen against it

// Sky radiance along a ray, with the haze colour below the horizon so the terrain's far edge never shows a seam.
vec3 skyRadiance(vec3 dir) {
    vec3 c = skyColor(dir);
    if (dir.y < 0.0) c = mix(c, skyColor(normalize(vec3(dir.x, 0.02, dir.z))), clamp(-dir.y * 20.0, 0.0, 1.0));
    return c;
}

void main() {
    int cell = gl_VertexID / 6, corner = gl_VertexID - cell * 6;
    // Two triangles per cell, counter-clockwise: (0,0) (1,0) (1,1)  (0,0) (1,1) (0,1).
    ivec2 off = ivec2((corner == 1 || corner == 2 || corner == 4) ? 1 : 0, (corner == 2 || corner == 4 || corner == 5) ? 1 : 0);
    ivec2 xy = ivec2(cell % uSkyGrid.x, cell / uSkyGrid.x) + off;
    vec2 p = vec2(xy) / vec2(max(uSkyGrid, ivec2(1))) * 2.0 - 1.0;
    vec4 far = uInvViewProj * vec4(p, 1.0, 1.0);
    vDir = far.xyz / far.w - uEye;
    vec3 sky = skyRadiance(normalize(vDir));
    vSkyMapped = toneMap(sky);
    vDiscMapped = toneMap(sky + uSunColor * 6.0);
    gl_Position = vec4(p, 1.0, 1.0);
}
