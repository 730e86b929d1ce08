// Render test: the pit scene through `almalyk shot` under xvfb-run (Mesa llvmpipe) at noon and at night: PNGs of the
// asked size, not blank, no GL error or warning in the log, and noon clearly brighter than night.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "render_shot.h"

namespace {

Shot pitShot(const std::string& start, const std::string& name) {
    return runShot("--scene pit --size 320x180 --warmup-hours 0.5 --start " + start, name);
}

}  // namespace

TEST_CASE("pit shot: noon and night render, right size, not blank, clean log, clearly different") {
    const Shot noon = pitShot("2026-06-21T12:30:00+05:00", "pit_noon");
    const Shot night = pitShot("2026-06-21T23:30:00+05:00", "pit_night");
    for (const Shot* s : {&noon, &night}) checkRenderedShot(*s, 320, 180, 40);
    CHECK(meanLuma(noon) > meanLuma(night) + 30.0);
}
