// Writes which structure covers the pixel (its index in the scene) into an integer target.

uniform int uStructure;

layout(location = 0) out int oStructure;

void main() { oStructure = uStructure; }
