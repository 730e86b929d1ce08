// Renders the hydrogen scene with the real executable (under xvfb-run, Mesa llvmpipe) and checks what the pictures
// must show: a noon shot is far brighter than a night shot, a cloudy noon darker on the ground than a clear one, no
// GL error or warning in the log.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "render_shot.h"

namespace {

Shot shoot(const std::string& name, const std::string& args) {
    return runShot("--scene hydrogen --size 640x360 " + args, "hydrogen_" + name);
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
    CHECK(meanLuma(noon) > 90.0);
    CHECK(meanLuma(night) < 45.0);
    CHECK(meanLuma(noon, 0.0, 0.3) > 2.0 * meanLuma(night, 0.0, 0.3));
    CHECK(meanLuma(noon, 0.5, 1.0) > 2.0 * meanLuma(night, 0.5, 1.0));
}

TEST_CASE("hydrogen render: a cloudy noon is darker on the ground than a clear one") {
    const Shot clear = shoot("clear", kField + "--set weather.cloud_cover=0 --start 2026-06-21T11:30:00+05:00");
    const Shot cloudy = shoot("cloudy", kField + "--set weather.cloud_cover=1 --start 2026-06-21T11:30:00+05:00");
    REQUIRE_MESSAGE(clear.ok(), clear.log);
    REQUIRE_MESSAGE(cloudy.ok(), cloudy.log);
    // The lower half is ground and panels: overcast takes the direct beam away.
    CHECK(meanLuma(cloudy, 0.5, 1.0) < 0.8 * meanLuma(clear, 0.5, 1.0));
    // And the picture differs substantially, not by noise.
    double diff = 0.0;
    for (std::size_t i = 0; i < clear.px.size() && i < cloudy.px.size(); ++i)
        diff += std::abs(static_cast<int>(clear.px[i]) - static_cast<int>(cloudy.px[i]));
    CHECK(diff / static_cast<double>(clear.px.size()) > 8.0);
}
