// One triangle that covers the whole viewport (its corners at -1,-1, 3,-1 and -1,3), made from the
// vertex number alone: the edge filter needs no vertex buffer.

void main() {
    vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
