
in vec3 vNormal;
uniform vec3 uColour;
out vec4 fragColour;

void main() {
    float light = 0.35 + 0.65 * abs(dot(normalize(vNormal), normalize(vec3(0.3, 0.6, 0.75))));
    fragColour = vec4(uColour * light, 1.0);
}
