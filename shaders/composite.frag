#version 330 core
#include "common.glsl"
uniform sampler2D uScene;  // premultiplied: rgb over the sky with coverage a (particles blend into it the same way)
in vec2 vUv;
in vec3 vSkyMapped;
#if SUN_DISC
in vec3 vDir;
in vec3 vDiscMapped;
#endif
out vec4 oColor;
void main() {
    vec4 s = texture(uScene, vUv);
#if SUN_DISC
    // Sun disc (~0.53 degree, shown at twice that for a screen), soft edge.
    float r = 0.99996 - 0.00008 * uSunDisk;
    float disc = smoothstep(r - 0.00003, r, dot(normalize(vDir), uSunDir));
    vec3 sky = mix(vSkyMapped, vDiscMapped, disc);
#else
    vec3 sky = vSkyMapped;
#endif
    oColor = vec4(s.rgb + sky * (1.0 - s.a), 1.0);
}
