#version 330 core
// Anatomy meshes: positions are already in the scene frame (metres); lighting is done in view
// space so the key light stays over the viewer's shoulder as the model turns.

layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;

uniform mat4 uView;
uniform mat4 uProjection;

out vec3 vViewPosition;
out vec3 vViewNormal;

void main() {
    vec4 viewPosition = uView * vec4(aPosition, 1.0);
    vViewPosition = viewPosition.xyz;
    // The view matrix is a rotation plus translation, so it transforms normals too.
    vViewNormal = mat3(uView) * aNormal;
    gl_Position = uProjection * viewPosition;
}
