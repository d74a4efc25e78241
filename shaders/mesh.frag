// Shading tuned for projectors, which wash out contrast: a soft sky/ground ambient so shadowed
// sides never go black, a key and a fill light from the viewer's side, a little specular for the
// sheen of bone, and a rim term that keeps silhouettes readable against a dark or white slide.

in vec3 vViewPosition;
in vec3 vViewNormal;
in vec3 vLocalPosition;

uniform vec3 uColour;        // linear RGB
uniform float uOpacity;      // 1 opaque; less when faded
uniform vec3 uHighlight;     // rim colour for hover and selection
uniform float uHighlightAmount;  // 0 none, ~0.5 hover, 1 selected

// Areas painted on this structure: centre (xyz) and radius (w) in the mesh's frame; kind 0 is an
// attachment origin (solid blue), 1 an insertion (orange with stripes), 2 tendon (pale, always on),
// 3 articular cartilage (bluish white, always on). Blue against orange stays apart for
// red-green colour blindness, and the stripes tell them apart without colour at all.
// When a step paints several muscles each gets a tint slot (core/attachment_tint.hpp): kind + 4 *
// slot. Slot origins are blue, bluish green, reddish purple, yellow (Okabe-Ito, safe for colour
// blindness); from slot 1 on an area also gets a dark ring, and an insertion a ring in its
// muscle's colour, so touching patches of two muscles stay apart even in grey.
const int kMaxAreas = 24;
uniform vec4 uAreas[kMaxAreas];
uniform float uAreaKinds[kMaxAreas];
uniform int uAreaCount;

out vec4 fragColour;

vec3 paintAttachments(vec3 base) {
    vec3 colour = base;
    for (int i = 0; i < uAreaCount; ++i) {
        float d = distance(vLocalPosition, uAreas[i].xyz);
        float inside = 1.0 - smoothstep(0.82 * uAreas[i].w, uAreas[i].w, d);
        if (inside <= 0.0) continue;
        float slot = floor((uAreaKinds[i] + 0.5) / 4.0);
        float kind = uAreaKinds[i] - 4.0 * slot;
        vec3 tint = slot < 0.5 ? vec3(0.12, 0.42, 0.95)
                  : slot < 1.5 ? vec3(0.00, 0.62, 0.45)
                  : slot < 2.5 ? vec3(0.80, 0.47, 0.65)
                               : vec3(0.94, 0.89, 0.26);
        vec3 paint = tint;
        if (kind > 2.5) {
            paint = vec3(0.66, 0.80, 0.97);  // articular cartilage: bluish white, apart from ivory bone
        } else if (kind > 1.5) {
            paint = vec3(0.94, 0.91, 0.84);  // tendon: pale and glossy-looking against the muscle
        } else if (kind > 0.5) {
            float stripe = step(0.5, fract((vLocalPosition.x + vLocalPosition.y + vLocalPosition.z) / 0.005));
            paint = mix(vec3(1.0, 0.56, 0.10), vec3(0.55, 0.26, 0.02), stripe * 0.7);
        }
        // The ring: a thin band inside the area's edge, dark for an origin, the muscle's colour for
        // an insertion.
        float r = d / uAreas[i].w;
        float ring = slot > 0.5 && kind < 1.5 ? smoothstep(0.58, 0.64, r) * (1.0 - smoothstep(0.72, 0.78, r)) : 0.0;
        paint = mix(paint, kind > 0.5 ? tint : vec3(0.05, 0.06, 0.08), 0.7 * ring);
        colour = mix(colour, paint, inside);
    }
    return colour;
}

void main() {
    vec3 n = normalize(vViewNormal);
    // Meshes from other programs may be open or wound either way: light the side we see.
    if (!gl_FrontFacing) n = -n;
    vec3 toEye = normalize(-vViewPosition);

    const vec3 keyDirection = normalize(vec3(-0.45, 0.65, 0.6));   // upper left, in front
    const vec3 fillDirection = normalize(vec3(0.6, -0.2, 0.75));   // lower right, dimmer
    float key = max(dot(n, keyDirection), 0.0);
    float fill = max(dot(n, fillDirection), 0.0);
    float hemisphere = 0.5 + 0.5 * n.y;  // sky above, ground below
    vec3 ambient = mix(vec3(0.18, 0.17, 0.18), vec3(0.34, 0.35, 0.38), hemisphere);

    vec3 halfway = normalize(keyDirection + toEye);
    float specular = pow(max(dot(n, halfway), 0.0), 32.0) * 0.18;

    vec3 lit = paintAttachments(uColour) * (ambient + 0.68 * key + 0.22 * fill) + vec3(specular);

    // Surfaces seen edge-on darken toward the silhouette: a soft outline that separates ivory bone
    // from a white slide and overlapping structures from each other.
    float rim = pow(1.0 - max(dot(n, toEye), 0.0), 2.5);
    lit *= 1.0 - 0.45 * rim;
    lit += uHighlight * uHighlightAmount * (0.12 + 1.2 * rim);

    vec3 display = pow(clamp(lit, 0.0, 1.0), vec3(1.0 / 2.2));  // linear to sRGB-ish for the screen
    fragColour = vec4(display, uOpacity);
}
