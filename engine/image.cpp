#include "engine/image.h"

#include <cstdio>

#include "engine/atomic_file.h"

#include <stb_image_write.h>

namespace eng {

bool writePng(const Image& img, const std::string& path, std::string* why) {
    if (img.width <= 0 || img.height <= 0 || img.rgba.size() != static_cast<std::size_t>(img.width) * img.height * 4) {
        if (why) *why = path + ": nothing to write (empty image)";
        return false;
    }
    // stb's own file writer ignores fwrite and fclose failures (a full disk gave a truncated PNG and "wrote"); its
    // callback form hands the bytes to an AtomicFile, whose every step is checked and which replaces the target only
    // when all of them succeeded.
    AtomicFile file;
    if (!file.open(path, why)) return false;
    const auto sink = [](void* ctx, void* data, int size) {
        static_cast<AtomicFile*>(ctx)->write(data, static_cast<std::size_t>(size));
    };
    if (!stbi_write_png_to_func(sink, &file, img.width, img.height, 4, img.rgba.data(), img.width * 4)) {
        if (why) *why = path + ": cannot encode PNG (out of memory)";
        return false;
    }
    return file.commit(why);
}

std::string screenshotName(const std::string& scene, int year, int month, int day, int hour, int minute, int second) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "almalyk-%04d-%02d-%02d_%02d-%02d-%02d-", year, month, day, hour, minute, second);
    return buf + scene + ".png";
}

}  // namespace eng
