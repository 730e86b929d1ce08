#version 330 core
#include "common.glsl"
in vec3 vDir;
in vec3 vSkyMapped;
in vec3 vDiscMapped;
out vec4 oColor;
void main() {
    // Sun disc (~0.53 degree, shown at twice that for a screen), soft edge: the only per-pixel term.
    float r = 0.99996 - 0.00008 * uSunDisk;
    float disc = smoothstep(r - 0.00003, r, dot(normalize(vDir), uSunDir));
    oColor = vec4(mix(vSkyMapped, vDiscMapped, disc), 1.0);
}
