// Render test: the smelter scene through `almalyk shot` under xvfb-run (Mesa llvmpipe), by day and by night: PNGs of
// the asked size, not blank, no GL error or warning in the log; at night the molten metal and slag still glow (warm,
// saturated pixels that a blank or unlit frame would not have).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "render_shot.h"

namespace {

Shot smelterShot(const std::string& start, const std::string& name) {
    return runShot("--scene smelter --size 320x180 --warmup-hours 3 --start " + start, name);
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
        checkRenderedShot(*s, 320, 180, 40);
        INFO(s->log);
        CHECK(s->log.find("warning: model") == std::string::npos);  // every smelter model loaded
    }
    CHECK(meanLuma(day) > meanLuma(night) + 20.0);
    CHECK(glowPixels(night) > 5);
}
