#version 330 core
#include "common.glsl"
in vec2 vNdc;
uniform mat4 uInvViewProj;
out vec4 oColor;
void main() {
    vec4 far = uInvViewProj * vec4(vNdc, 1.0, 1.0);
    vec3 dir = normalize(far.xyz / far.w - uEye);
    vec3 c = skyColor(dir);
    // Sun disc (~0.53 degree, shown at twice that for a screen), soft edge.
    float cosSun = dot(dir, uSunDir);
    float r = 0.99996 - 0.00008 * uSunDisk;
    c += uSunColor * 6.0 * smoothstep(r - 0.00003, r, cosSun);
    // Below the horizon: the haze colour, so the terrain's far edge never shows a seam.
    if (dir.y < 0.0) c = mix(c, skyColor(normalize(vec3(dir.x, 0.02, dir.z))), clamp(-dir.y * 20.0, 0.0, 1.0));
    oColor = vec4(toneMap(c), 1.0);
}
