// stb_image for the browser build (the desktop links Debian's libstb, which has it compiled).
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>
