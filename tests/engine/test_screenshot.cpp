// PNG writes (engine/image.h) and F12's save (app/screenshot.h) on a full disk and a read-only file system (issue 16):
// the previous file survives, nothing partial is left, and the window's notice carries the reason.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <stb_image.h>

#include "app/screenshot.h"
#include "engine/image.h"
#include "run_almalyk.h"

namespace fs = std::filesystem;

namespace {

// A picture whose PNG cannot shrink below its raw size much: every byte from a fixed LCG (64x64 is about 16 KiB raw,
// 256x256 about 256 KiB: past the small disk's 64 KiB).
eng::Image noise(int w, int h) {
    eng::Image img;
    img.width = w;
    img.height = h;
    img.rgba.resize(static_cast<std::size_t>(w) * h * 4);
    std::uint32_t x = 12345;
    for (auto& b : img.rgba) {
        x = x * 1664525u + 1013904223u;
        b = static_cast<std::uint8_t>(x >> 24);
    }
    return img;
}

int countFiles(const fs::path& dir) {
    int n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("writePng: a picture reads back pixel for pixel; on a full disk the previous PNG survives (issue 16)") {
    // Before: stb ignored its fwrite errors; a shot onto a full disk said "wrote" with a truncated file, and F12 left
    // a 0-byte file.
    SmallDisk disk("png_full");
    const fs::path png = disk.dir / "shot.png";
    const eng::Image small = noise(32, 16);
    std::string why;
    REQUIRE_MESSAGE(eng::writePng(small, png.string(), &why), why);
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 4);
    REQUIRE(px != nullptr);
    CHECK(w == 32);
    CHECK(h == 16);
    CHECK(std::equal(small.rgba.begin(), small.rgba.end(), px));
    stbi_image_free(px);
    const std::string previous = slurp(png);

    CHECK_FALSE(eng::writePng(noise(256, 256), png.string(), &why));
    CHECK(why == png.string() + ": write failed: " + disk.reason);
    CHECK(slurp(png) == previous);
    CHECK(countFiles(disk.dir) == 1);
}

TEST_CASE("F12: the saved file's name and notice; a failure's notice carries the reason for the screen (issue 16)") {
    SmallDisk disk("f12");
    // 2026-06-21 10:00:00 +05:00 is 05:00:00 UTC: 1782018000 s after the epoch (date -d @1782018000 -u).
    const std::time_t when = 1782018000;
    const app::ScreenshotResult ok = app::saveScreenshot(noise(16, 16), disk.dir.string(), "pit", when);
    CHECK(ok.ok);
    CHECK(ok.notice == "Screenshot saved: " + ok.file);
    CHECK(fs::path(ok.file).parent_path() == disk.dir);
    CHECK(fs::path(ok.file).filename().string().rfind("almalyk-2026-06-2", 0) == 0);  // the local date of that instant
    CHECK(fs::file_size(ok.file) > 0);

    const app::ScreenshotResult full = app::saveScreenshot(noise(256, 256), disk.dir.string(), "smelter", when + 1);
    CHECK_FALSE(full.ok);
    CHECK(full.notice == "Screenshot failed: " + full.file + ": write failed: " + disk.reason);
    CHECK_FALSE(fs::exists(full.file));  // no 0-byte or partial file
    CHECK(countFiles(disk.dir) == 1);

    // A folder that takes no new file: a read-only file system (refuses even root), else one without write permission.
    const bool ro = disk.mounted;
    if (ro) disk.readOnly();
    else fs::permissions(disk.dir, fs::perms::owner_read | fs::perms::owner_exec);
    const app::ScreenshotResult denied = app::saveScreenshot(noise(16, 16), disk.dir.string(), "pit", when + 2);
    if (!ro) fs::permissions(disk.dir, fs::perms::owner_all);
    if (ro || ::geteuid() != 0) {
        CHECK_FALSE(denied.ok);
        CHECK(denied.notice == "Screenshot failed: " + denied.file + ": cannot create a file in its folder: " +
                                   (ro ? "Read-only file system" : "Permission denied"));
    }
}
