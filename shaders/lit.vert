#version 330 core
// Lit surfaces. Two variants from one file:
//  - per-pixel (high quality, GPUs): the fragment shader lights with the interpolated normal;
//  - VERTEX_LIT (low quality, software rasterizers): this shader lights each vertex (sun, sky, specular, emissive)
//    for the sunlit and the shadowed case, and the fragment shader only picks between the two by the shadow map,
//    multiplies the colour texture, fogs and tone maps. On llvmpipe fragment arithmetic is the whole cost of a frame
//    and vertices are few (tens of thousands against 230 k pixels), so this is where the lighting belongs there.
#include "common.glsl"
layout(location = 0) in vec3 aPos;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aUv;
layout(location = 3) in mat4 iModel;
layout(location = 7) in vec4 iColor;
layout(location = 8) in vec4 iEmissive;
uniform mat4 uShadowMatrix;
out vec2 vUv;
#if VERTEX_LIT
uniform vec4 uBaseColor;
uniform vec3 uEmissive;
uniform vec2 uRoughMetal;
uniform float uShadowTexel;
out vec3 vLit;      // linear radiance in sunlight (before the colour texture)
out vec3 vShade;    // linear radiance in the shadow
out vec3 vShadowP;  // shadow-map coordinates, depth-biased
out vec3 vGlow;     // emissive, kept apart so the colour texture's alpha can mask it (lit windows)
#else
out vec3 vPos;
out vec3 vNormal;
out vec4 vColor;
out vec3 vEmissive;
out vec4 vShadow;
#endif
out vec4 vFog;      // fog colour and amount
#if EXTRAS
out vec2 vCloudUv;  // the cloud deck's shadow lookup
#endif
void main() {
    vec4 wp = iModel * vec4(aPos, 1.0);
    // Uniform scales dominate our models; the inverse transpose is not worth its cost per vertex on software.
    vec3 nrm = mat3(iModel) * aNormal;
    vUv = aUv;
    vec4 fog = fogTerms(wp.xyz);
#if VERTEX_LIT
    vec3 n = normalize(nrm);
    vec3 base = uBaseColor.rgb * iColor.rgb;
    float metal = uRoughMetal.y;
    float rough = clamp(uRoughMetal.x, 0.05, 1.0);
    vec3 v = normalize(uEye - wp.xyz);
    // Surfaces seen from behind (open and thin meshes drawn double-sided) light as their visible side.
    if (dot(n, v) < 0.0) n = -n;
    float ndl = max(dot(n, uSunDir), 0.0);
    vec3 amb = mix(uGroundAmbient, uSkyAmbient, n.y * 0.5 + 0.5);
    vec3 h = normalize(v + uSunDir);
    float shin = 2.0 / (rough * rough * rough * rough) - 2.0;
    vec3 f0 = mix(vec3(0.04), base, metal);
    float lobe = pow(max(dot(n, h), 0.0), shin);
    vec3 spec = f0 * lobe * (shin + 8.0) / 25.0;
    vec3 diff = base * (1.0 - metal);
    vec3 glow = (uEmissive + iEmissive.rgb) * uEmissiveScale;
    vec3 shade = (diff + f0 * 0.3) * amb;
#if EXTRAS
    shade += (diff + f0 * 0.3) * localLight(wp.xyz, n);
#endif
    vec3 lit = shade + (diff + spec) * uSunColor * ndl;
    vGlow = glow;
    vLit = lit;
    vShade = shade;
    vec3 p = (uShadowMatrix * wp).xyz * 0.5 + 0.5;  // orthographic: w = 1
    p.z = min(p.z - uShadowTexel * (0.5 + 1.5 * (1.0 - ndl)), 0.99999);  // beyond the map's depth range: lit
    vShadowP = p;
#else
    vPos = wp.xyz;
    vNormal = nrm;
    vColor = iColor;
    vEmissive = iEmissive.rgb;
    vShadow = uShadowMatrix * wp;
#endif
    vFog = fog;
#if EXTRAS
    vCloudUv = cloudShadowUv(wp.xyz);
#endif
    gl_Position = uViewProj * wp;
}
