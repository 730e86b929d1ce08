// Render test: the pit scene through `almalyk shot` under xvfb-run (Mesa llvmpipe) at noon and at night: PNGs of the
// asked size, not blank, no GL error or warning in the log, and noon clearly brighter than night.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
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

TEST_CASE("pit shot: a changed pit geometry rebuilds the ground (old meshes and textures freed) and shows a different pit") {
    const std::string args = "--scene pit --size 320x180 --quality low --camera 1 --start 2026-06-21T12:30:00+05:00";
    const Shot normal = runShot(args, "pit_default_geometry");
    // The scene loads the default pit, then its first update sees the simulation's geometry and rebuilds.
    const Shot shallow = runShot(args + " --set mine.pit.depth_m=200 --set mine.pit.length_m=2500", "pit_shallow_geometry");
    for (const Shot* s : {&normal, &shallow}) checkRenderedShot(*s, 320, 180, 40);
    REQUIRE(normal.px.size() == shallow.px.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < normal.px.size(); ++i)
        if (std::abs(int(normal.px[i]) - int(shallow.px[i])) > 24) ++differ;
    CHECK(differ > normal.px.size() / 20);
}
