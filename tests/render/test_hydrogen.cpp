// Renders the hydrogen scene with the real executable (under xvfb-run, Mesa llvmpipe) and checks what the pictures
// must show: a noon shot is far brighter than a night shot, a cloudy noon darker on the ground than a clear one, no
// GL error or warning in the log.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

namespace {

struct Shot {
    int rc = -1;
    int w = 0, h = 0;
    std::vector<unsigned char> rgb;
    std::string log;
    bool ok() const { return rc == 0 && w > 0; }
    // Mean luma (0..255) of rows [y0, y1) as fractions of the height.
    double luma(double y0, double y1) const {
        double s = 0.0;
        long n = 0;
        for (int y = static_cast<int>(y0 * h); y < static_cast<int>(y1 * h); ++y)
            for (int x = 0; x < w; ++x, ++n) {
                const unsigned char* p = &rgb[(static_cast<std::size_t>(y) * w + x) * 3];
                s += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
            }
        return n ? s / static_cast<double>(n) : 0.0;
    }
};

Shot shoot(const std::string& name, const std::string& args) {
    const std::string dir = std::string(ALMALYK_BINARY_DIR) + "/test_render_out";
    std::system(("mkdir -p '" + dir + "'").c_str());
    const std::string png = dir + "/hydrogen_" + name + ".png", log = dir + "/hydrogen_" + name + ".log";
    const std::string cmd = std::string("'") + ALMALYK_EXE + "' shot --scene hydrogen --size 640x360 " + args + " --out '" +
                            png + "' > '" + log + "' 2>&1";
    Shot s;
    const int st = std::system(cmd.c_str());
    s.rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    std::ifstream f(log);
    std::stringstream ss;
    ss << f.rdbuf();
    s.log = ss.str();
    int comp = 0;
    if (unsigned char* d = stbi_load(png.c_str(), &s.w, &s.h, &comp, 3)) {
        s.rgb.assign(d, d + static_cast<std::size_t>(s.w) * s.h * 3);
        stbi_image_free(d);
    }
    return s;
}

// The field overview at 12:00 / 23:30 local on midsummer, after an hour of simulation (so rates are live).
const std::string kField = "--set h2.panel_area_m2=20000 --warmup-hours 1 ";

}  // namespace

TEST_CASE("hydrogen render: noon and night differ as they should, and nothing logs a GL problem") {
    const Shot noon = shoot("noon", kField + "--set weather.cloud_cover=0 --start 2026-06-21T11:30:00+05:00");
    const Shot night = shoot("night", kField + "--set weather.cloud_cover=0 --start 2026-06-21T22:30:00+05:00");
    REQUIRE_MESSAGE(noon.ok(), noon.log);
    REQUIRE_MESSAGE(night.ok(), night.log);
    for (const Shot* s : {&noon, &night}) {
        CHECK(s->log.find("[gl] error") == std::string::npos);
        CHECK(s->log.find("[gl] warning") == std::string::npos);
        CHECK(s->log.find("warning: model") == std::string::npos);
    }
    // Noon: a bright sky and a sunlit field; night: dark everywhere (lamps and labels only).
    CHECK(noon.luma(0.0, 1.0) > 90.0);
    CHECK(night.luma(0.0, 1.0) < 45.0);
    CHECK(noon.luma(0.0, 0.3) > 2.0 * night.luma(0.0, 0.3));
    CHECK(noon.luma(0.5, 1.0) > 2.0 * night.luma(0.5, 1.0));
}

TEST_CASE("hydrogen render: a cloudy noon is darker on the ground than a clear one") {
    const Shot clear = shoot("clear", kField + "--set weather.cloud_cover=0 --start 2026-06-21T11:30:00+05:00");
    const Shot cloudy = shoot("cloudy", kField + "--set weather.cloud_cover=1 --start 2026-06-21T11:30:00+05:00");
    REQUIRE_MESSAGE(clear.ok(), clear.log);
    REQUIRE_MESSAGE(cloudy.ok(), cloudy.log);
    // The lower half is ground and panels: overcast takes the direct beam away.
    CHECK(cloudy.luma(0.5, 1.0) < 0.8 * clear.luma(0.5, 1.0));
    // And the picture differs substantially, not by noise.
    double diff = 0.0;
    for (std::size_t i = 0; i < clear.rgb.size() && i < cloudy.rgb.size(); ++i)
        diff += std::abs(static_cast<int>(clear.rgb[i]) - static_cast<int>(cloudy.rgb[i]));
    CHECK(diff / static_cast<double>(clear.rgb.size()) > 8.0);
}
