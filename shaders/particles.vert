#version 330 core
#include "common.glsl"
layout(location = 0) in vec4 iPosSize;
layout(location = 1) in vec4 iColor;
uniform mat4 uView;
out vec2 vQuad;
out vec4 vColor;
out vec3 vPos;
out vec4 vFog;  // per vertex: fog's exp() and sky pow() per pixel were the particles' main cost on software
void main() {
    vec2 q = vec2((gl_VertexID & 1) != 0 ? 1.0 : -1.0, (gl_VertexID & 2) != 0 ? 1.0 : -1.0);
    // Camera-facing quad from the view matrix's right and up rows.
    vec3 right = vec3(uView[0][0], uView[1][0], uView[2][0]);
    vec3 up = vec3(uView[0][1], uView[1][1], uView[2][1]);
    vec3 p = iPosSize.xyz + (right * q.x + up * q.y) * iPosSize.w * 0.5;
    vQuad = q;
    vColor = iColor;
    vPos = p;
    vFog = fogTerms(p);
    gl_Position = uViewProj * vec4(p, 1.0);
}
