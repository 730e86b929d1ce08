#include "render_shot.h"

#include <algorithm>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

// The implementation comes from libstb (PkgConfig::STB), so no file here defines STB_IMAGE_IMPLEMENTATION.
#include <stb_image.h>

Shot runShot(const std::string& args, const std::string& name) {
    const auto dir = std::filesystem::path(ALMALYK_BINARY_DIR) / "render_out";
    std::filesystem::create_directories(dir);
    const std::string png = (dir / (name + ".png")).string(), log = (dir / (name + ".log")).string();
    std::filesystem::remove(png);
    const std::string cmd = std::string("\"") + ALMALYK_EXE + "\" shot " + args + " --out \"" + png + "\" > \"" + log +
                            "\" 2>&1";
    Shot s;
    const int status = std::system(cmd.c_str());
    s.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream f(log);
    std::stringstream ss;
    ss << f.rdbuf();
    s.log = ss.str();
    int n = 0;
    if (unsigned char* d = stbi_load(png.c_str(), &s.w, &s.h, &n, 3)) {
        s.px.assign(d, d + static_cast<std::size_t>(s.w) * s.h * 3);
        stbi_image_free(d);
    }
    return s;
}

double meanLuma(const Shot& s, double y0, double y1) {
    double sum = 0.0;
    long n = 0;
    for (int y = static_cast<int>(y0 * s.h); y < static_cast<int>(y1 * s.h); ++y)
        for (int x = 0; x < s.w; ++x, ++n) {
            const unsigned char* p = &s.px[(static_cast<std::size_t>(y) * s.w + x) * 3];
            sum += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
        }
    return n ? sum / static_cast<double>(n) : 0.0;
}

void checkRenderedShot(const Shot& s, int w, int h, int minSpread) {
    INFO(s.log);
    CHECK(s.rc == 0);
    CHECK(s.w == w);
    CHECK(s.h == h);
    REQUIRE(s.px.size() == static_cast<std::size_t>(w) * h * 3u);
    CHECK(s.log.find("[gl] error") == std::string::npos);
    CHECK(s.log.find("[gl] warning") == std::string::npos);
    const auto [lo, hi] = std::minmax_element(s.px.begin(), s.px.end());
    CHECK(*hi - *lo > minSpread);
}

// Fraction of pixels in rows [y0, y1) that differ by more than 24 in any channel.
double changedFraction(const Shot& a, const Shot& b, int y0, int y1) {
    int changed = 0, total = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = 0; x < a.w; ++x, ++total) {
            const std::size_t i = (static_cast<std::size_t>(y) * a.w + x) * 3;
            for (int c = 0; c < 3; ++c)
                if (std::abs(a.px[i + c] - b.px[i + c]) > 24) {
                    ++changed;
                    break;
                }
        }
    return total ? static_cast<double>(changed) / total : 0.0;
}
