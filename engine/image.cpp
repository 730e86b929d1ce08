#include "engine/image.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <stb_image_write.h>

namespace eng {

bool writePng(const Image& img, const std::string& path, std::string* why) {
    if (img.width <= 0 || img.height <= 0 || img.rgba.size() != static_cast<std::size_t>(img.width) * img.height * 4) {
        if (why) *why = path + ": nothing to write (empty image)";
        return false;
    }
    errno = 0;
    if (!stbi_write_png(path.c_str(), img.width, img.height, 4, img.rgba.data(), img.width * 4)) {
        if (why) *why = path + ": cannot write PNG" + (errno ? std::string(" (") + std::strerror(errno) + ")" : "");
        return false;
    }
    return true;
}

std::string screenshotName(const std::string& scene, int year, int month, int day, int hour, int minute, int second) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "almalyk-%04d-%02d-%02d_%02d-%02d-%02d-", year, month, day, hour, minute, second);
    return buf + scene + ".png";
}

}  // namespace eng
