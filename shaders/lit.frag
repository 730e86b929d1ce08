#version 330 core
#include "common.glsl"
uniform sampler2D uAlbedo;
uniform float uHasAlbedo;
uniform sampler2DShadow uShadowMap;
uniform float uShadowOn;
uniform float uReceiveShadow;
uniform float uShadowTexel;
in vec2 vUv;
out vec4 oColor;

// Share of the direct sun that gets through the cloud deck here (1: clear). EXTRAS: the variant drawn when the frame
// has lamps or a cloud deck (the renderer picks it; the plain one has neither cost).
#if EXTRAS
in vec2 vCloudUv;
float cloudLight() { return uCloudOn > 0.5 ? 1.0 - uCloudShadow * texture(uCloudTex, vCloudUv).a : 1.0; }
#else
float cloudLight() { return 1.0; }
#endif

#if VERTEX_LIT
// Low quality: lighting came from the vertices (lit.vert); here the shadow test, the colour texture, fog and the
// display encoding.
in vec3 vLit;
in vec3 vShade;
in vec3 vShadowP;
in vec3 vGlow;
in vec4 vFog;
void main() {
    float sh = uShadowOn * uReceiveShadow > 0.5 ? texture(uShadowMap, vShadowP) : 1.0;
    vec3 c = mix(vShade, vLit, sh * cloudLight());
    if (uHasAlbedo > 0.5) {
        // The texture's alpha masks the emissive (lit windows in a facade); opaque textures keep it whole.
        vec4 t = texture(uAlbedo, vUv);
        c = c * t.rgb + vGlow * t.a;
    } else {
        c += vGlow;
    }
    oColor = vec4(toneMap(mix(c, vFog.rgb, vFog.a)), 1.0);
}
#else
in vec3 vPos;
in vec3 vNormal;
in vec4 vColor;
in vec3 vEmissive;
in vec4 vShadow;
in vec4 vFog;
uniform vec4 uBaseColor;
uniform vec3 uEmissive;
uniform vec2 uRoughMetal;

float shadowFactor(float ndl) {
    if (uShadowOn * uReceiveShadow < 0.5) return 1.0;
    vec3 p = vShadow.xyz / vShadow.w * 0.5 + 0.5;
    if (p.z >= 1.0) return 1.0;
    p.z -= uShadowTexel * (0.5 + 1.5 * (1.0 - ndl));
#if SHADOW_TAPS > 1
    float s = 0.0;
    for (int y = -1; y <= 1; ++y)
        for (int x = -1; x <= 1; ++x) s += texture(uShadowMap, p + vec3(vec2(x, y) * uShadowTexel * 1.25, 0.0));
    return s / 9.0;
#else
    return texture(uShadowMap, p);
#endif
}

void main() {
    vec3 n = normalize(vNormal);
    if (!gl_FrontFacing) n = -n;
    vec3 base = uBaseColor.rgb * vColor.rgb;
    float glowMask = 1.0;
    if (uHasAlbedo > 0.5) {
        vec4 t = texture(uAlbedo, vUv);
        base *= t.rgb;
        glowMask = t.a;  // the alpha masks the emissive (lit windows in a facade)
    }
    float metal = uRoughMetal.y;
    float rough = clamp(uRoughMetal.x, 0.05, 1.0);
    float ndl = max(dot(n, uSunDir), 0.0);
    float sh = ndl > 0.0 ? shadowFactor(ndl) * cloudLight() : 0.0;
    // Hemisphere ambient: sky from above, warm ground bounce from below.
    vec3 amb = mix(uGroundAmbient, uSkyAmbient, n.y * 0.5 + 0.5);
    vec3 v = normalize(uEye - vPos);
    vec3 h = normalize(v + uSunDir);
    float shin = 2.0 / (rough * rough * rough * rough) - 2.0;
    vec3 f0 = mix(vec3(0.04), base, metal);
    float nh = max(dot(n, h), 0.0);
#if SHADOW_TAPS > 1
    float lobe = pow(nh, shin);
#else
    // Schlick's rational stand-in for pow (one division instead of exp2/log2 polynomials on software rendering).
    float lobe = nh / max(shin - shin * nh + nh, 1e-4);
#endif
    vec3 spec = f0 * lobe * (shin + 8.0) / 25.0;
    vec3 diff = base * (1.0 - metal);
    vec3 c = (diff + spec) * uSunColor * ndl * sh + (diff + f0 * 0.3) * amb;
#if EXTRAS
    c += (diff + f0 * 0.3) * localLight(vPos, n);
#endif
    c += (uEmissive + vEmissive) * (uEmissiveScale * glowMask);
    c = mix(c, vFog.rgb, vFog.a);
    oColor = vec4(toneMap(c), 1.0);
}
#endif
