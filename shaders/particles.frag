#version 330 core
#include "common.glsl"
in vec2 vQuad;
in vec4 vColor;
in vec4 vFog;
out vec4 oColor;
void main() {
    float r2 = dot(vQuad, vQuad);
    if (r2 > 1.0) discard;
    float soft = (1.0 - r2) * (1.0 - r2);
    if (vColor.a > 0.0) {
        // Alpha-blended media (smoke, steam, dust, bubbles): lit by sun and sky, fogged, premultiplied.
        vec3 albedo = vColor.rgb / vColor.a;
        vec3 lit = albedo * (uSunColor * 0.55 + uSkyAmbient);
        vec3 c = toneMap(mix(lit, vFog.rgb, vFog.a));
        float a = vColor.a * soft;
        oColor = vec4(c * a, a);
    } else {
        // Glowing sparks: added light, unaffected by shading.
        oColor = vec4(toneMap(vColor.rgb) * soft, 0.0);
    }
}
