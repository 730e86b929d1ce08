#version 330 core
#include "common.glsl"
layout(location = 0) in vec3 aPos;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aUv;
layout(location = 3) in mat4 iModel;
layout(location = 7) in vec4 iColor;
layout(location = 8) in vec4 iEmissive;
uniform mat4 uShadowMatrix;
out vec3 vPos;
out vec3 vNormal;
out vec2 vUv;
out vec4 vColor;
out vec3 vEmissive;
out vec4 vShadow;
out vec4 vFog;
void main() {
    vec4 wp = iModel * vec4(aPos, 1.0);
    vPos = wp.xyz;
    // Uniform scales dominate our models; the inverse transpose is not worth its cost per vertex on software.
    vNormal = mat3(iModel) * aNormal;
    vUv = aUv;
    vColor = iColor;
    vEmissive = iEmissive.rgb;
    vShadow = uShadowMatrix * wp;
    vFog = fogTerms(wp.xyz);
    gl_Position = uViewProj * wp;
}
