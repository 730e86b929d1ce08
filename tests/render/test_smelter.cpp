// Render test: the smelter scene through `almalyk shot` under xvfb-run (Mesa llvmpipe), by day and by night: PNGs of
// the asked size, not blank, no GL error or warning in the log; at night the molten metal and slag still glow (warm,
// saturated pixels that a blank or unlit frame would not have).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <stb_image.h>

namespace {

struct Shot {
    int rc = -1, w = 0, h = 0;
    std::vector<unsigned char> px;
    std::string log;
};

Shot smelterShot(const std::string& start, const std::string& name) {
    const auto dir = std::filesystem::path(ALMALYK_BINARY_DIR) / "render_out";
    std::filesystem::create_directories(dir);
    const std::string png = (dir / (name + ".png")).string(), log = (dir / (name + ".log")).string();
    std::filesystem::remove(png);
    const std::string cmd = std::string("\"") + ALMALYK_EXE + "\" shot --scene smelter --size 320x180 --warmup-hours 3 --start " +
                            start + " --out \"" + png + "\" 2> \"" + log + "\"";
    Shot s;
    s.rc = std::system(cmd.c_str());
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

double meanLuma(const Shot& s) {
    double sum = 0;
    for (std::size_t i = 0; i + 2 < s.px.size(); i += 3) sum += 0.2126 * s.px[i] + 0.7152 * s.px[i + 1] + 0.0722 * s.px[i + 2];
    return sum / (s.px.size() / 3.0);
}

// Pixels that read as glowing melt: bright red channel, clearly redder than blue.
int glowPixels(const Shot& s) {
    int n = 0;
    for (std::size_t i = 0; i + 2 < s.px.size(); i += 3)
        if (s.px[i] > 170 && s.px[i] > s.px[i + 2] + 80) ++n;
    return n;
}

}  // namespace

TEST_CASE("smelter shot: day and night render, right size, not blank, clean log, melt glows at night") {
    const Shot day = smelterShot("2026-06-21T09:00:00+05:00", "smelter_day");
    const Shot night = smelterShot("2026-06-21T20:30:00+05:00", "smelter_night");
    for (const Shot* s : {&day, &night}) {
        INFO(s->log);
        CHECK(s->rc == 0);
        CHECK(s->w == 320);
        CHECK(s->h == 180);
        REQUIRE(s->px.size() == 320u * 180u * 3u);
        CHECK(s->log.find("[gl] error") == std::string::npos);
        CHECK(s->log.find("[gl] warning") == std::string::npos);
        CHECK(s->log.find("warning: model") == std::string::npos);  // every smelter model loaded
        int minV = 255, maxV = 0;
        for (unsigned char v : s->px) { minV = std::min<int>(minV, v); maxV = std::max<int>(maxV, v); }
        CHECK(maxV - minV > 40);
    }
    CHECK(meanLuma(day) > meanLuma(night) + 20.0);
    CHECK(glowPixels(night) > 5);
}
