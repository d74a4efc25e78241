// Anatomy meshes: positions are already in the scene frame (metres); lighting is done in view
// space so the key light stays over the viewer's shoulder as the model turns.

layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec3 aRestPosition;  // neutral pose: the same as aPosition until the mesh bends

uniform mat4 uModel;  // rigid: the structure's place in the current pose
uniform mat4 uView;
uniform mat4 uProjection;

out vec3 vViewPosition;
out vec3 vLocalPosition;  // the mesh's own (neutral-pose) frame, where attachment areas are given
out vec3 vViewNormal;

void main() {
    // Painted areas are given in the neutral frame: on a bent muscle they stay on its own vertices.
    vLocalPosition = aRestPosition;
    vec4 viewPosition = uView * uModel * vec4(aPosition, 1.0);
    vViewPosition = viewPosition.xyz;
    // Model and view are rotations plus translations, so they transform normals too.
    vViewNormal = mat3(uView) * mat3(uModel) * aNormal;
    gl_Position = uProjection * viewPosition;
}
