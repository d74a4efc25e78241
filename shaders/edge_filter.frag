// Smooths the stair steps of the 3D view's edges after it is drawn. Four samples placed between
// pixels (the hardware's linear filtering averages each 2 x 2 block for free) give the brightness
// gradient around the pixel: its size says whether the pixel is on an edge, its direction which
// way the edge runs. An edge pixel becomes the average of two samples half a pixel either side of it
// *along* the edge, mixed in by how strong the edge is: the steps melt into a ramp, nothing is
// blurred across the silhouette, and flat or softly shaded areas keep their exact colour.
// Written for software GL, where every texture fetch costs and branches do not skip work: seven
// fetches, no branches.

uniform sampler2D uScene;

out vec4 fragColour;

float luma(vec4 c) { return dot(c.rgb, vec3(0.299, 0.587, 0.114)); }

void main() {
    vec2 texel = 1.0 / vec2(textureSize(uScene, 0));
    vec2 uv = gl_FragCoord.xy * texel;  // the pixel's centre
    vec4 centre = texture(uScene, uv);
    float upLeft = luma(texture(uScene, uv + vec2(-0.5, 0.5) * texel));
    float upRight = luma(texture(uScene, uv + vec2(0.5, 0.5) * texel));
    float downLeft = luma(texture(uScene, uv + vec2(-0.5, -0.5) * texel));
    float downRight = luma(texture(uScene, uv + vec2(0.5, -0.5) * texel));

    vec2 across = vec2(upRight + downRight - upLeft - downLeft, upLeft + upRight - downLeft - downRight);
    float highest = max(max(upLeft, upRight), max(downLeft, downRight));
    float lowest = min(min(upLeft, upRight), min(downLeft, downRight));
    // Shading over a curved surface changes by a few percent between pixels; silhouettes and the
    // borders of painted areas change by far more. Below ~4 % (and relative to the brighter side)
    // the pixel is kept as it is.
    float edge = smoothstep(0.04, 0.12, (highest - lowest) / max(highest, 0.25));

    vec2 along = vec2(-across.y, across.x);
    along *= inversesqrt(max(dot(along, along), 1e-8));
    vec4 smoothed = 0.5 * (texture(uScene, uv + along * texel) + texture(uScene, uv - along * texel));
    fragColour = mix(centre, 0.5 * (centre + smoothed), edge);
}
