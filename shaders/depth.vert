#version 330 core
layout(location = 0) in vec3 aPos;
layout(location = 3) in mat4 iModel;
uniform mat4 uViewProj;
void main() { gl_Position = uViewProj * iModel * vec4(aPos, 1.0); }
