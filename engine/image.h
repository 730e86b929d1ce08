// engine/image.h — RGBA8 images in memory and PNG output (stb_image_write), for shots and F12 screenshots.
// Use: Image img = renderer.readPixels(); std::string why; if (!writePng(img, "out.png", &why)) log(why);
//      screenshotName("landscape", civil) -> "almalyk-2026-06-21_08-00-00-landscape.png".
// Errors: writePng returns false with the path and the reason ("shot.png: write failed: No space left on device");
//   it writes through engine/atomic_file.h, so a failed or killed write leaves the previous file as it was.
// Does NOT: read PNGs (tests use stb_image directly).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace eng {

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // row 0 is the top row
};

bool writePng(const Image& img, const std::string& path, std::string* why);
// Screenshot file name from a local date-time and the scene name: almalyk-YYYY-MM-DD_HH-MM-SS-<scene>.png
std::string screenshotName(const std::string& scene, int year, int month, int day, int hour, int minute, int second);

}  // namespace eng
