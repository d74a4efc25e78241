// The structure-id pass: the same geometry and matrices as mesh.vert, no lighting.

layout(location = 0) in vec3 aPosition;

uniform mat4 uModel;  // rigid: the structure's place in the current pose
uniform mat4 uView;
uniform mat4 uProjection;

void main() { gl_Position = uProjection * uView * uModel * vec4(aPosition, 1.0); }
