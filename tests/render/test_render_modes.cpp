// Render test of the rendering modes' options (docs/cli.md) under xvfb-run (Mesa llvmpipe): `shot --ui --camera 1`
// for every scene (the picture has the menu bar, status line and the scene's panel; clean log), `--camera 1` is the
// default view and `--camera 2` another, a name works like its number, and a wrong preset exits 2 listing the presets.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "render_shot.h"

namespace {

constexpr int kW = 640, kH = 360;

Shot shot(const std::string& args, const std::string& name) {
    // Low quality and a fixed start keep the four scenes quick on llvmpipe and the pictures comparable.
    return runShot(args + " --size " + std::to_string(kW) + "x" + std::to_string(kH) +
                       " --quality low --start 2026-06-21T11:00:00+05:00",
                   name);
}

}  // namespace

TEST_CASE("shot --ui --camera 1: every scene, with the interface drawn over the first preset") {
    for (const char* scene : {"overview", "landscape", "pit", "smelter", "hydrogen"}) {
        const Shot ui = shot(std::string("--scene ") + scene + " --ui --camera 1", std::string("modes_ui_") + scene);
        const Shot plain = shot(std::string("--scene ") + scene, std::string("modes_plain_") + scene);
        for (const Shot* s : {&ui, &plain}) {
            INFO(scene << "\n" << s->log);
            CHECK(s->rc == 0);
            CHECK(s->log.find("[gl] error") == std::string::npos);
            CHECK(s->log.find("[gl] warning") == std::string::npos);
            REQUIRE(s->w == kW);
            REQUIRE(s->h == kH);
        }
        INFO(scene);
        // The menu bar (top) and the status line (bottom) cover most of their rows; the 3D view between them
        // is the default view (--camera 1 = no --camera), so away from the panels most pixels are unchanged.
        CHECK(changedFraction(ui, plain, 2, 16) > 0.5);
        CHECK(changedFraction(ui, plain, kH - 14, kH - 2) > 0.5);
        // (The smelter's panel covers ~80 % of this small picture, and 3D labels that would sit under it are left out.)
        CHECK(changedFraction(ui, plain, 0, kH) < 0.9);
        // The scene's panel opens at the top left below the menu; at least the landscape has none.
        if (std::string(scene) != "landscape") CHECK(changedFraction(ui, plain, 60, 140) > 0.1);
    }
}

TEST_CASE("shot --camera: a number and a name pick the same preset, another preset is another view") {
    const Shot one = shot("--scene smelter --camera 1", "modes_smelter_1");
    const Shot two = shot("--scene smelter --camera 2", "modes_smelter_2");
    const Shot byName = shot("--scene smelter --camera \"smelting FURNACE\"", "modes_smelter_name");
    const Shot plain = shot("--scene smelter", "modes_smelter_default");
    for (const Shot* s : {&one, &two, &byName, &plain}) {
        INFO(s->log);
        REQUIRE(s->rc == 0);
        REQUIRE(s->px.size() == static_cast<std::size_t>(kW) * kH * 3);
    }
    CHECK(one.px == plain.px);  // preset 1 is where the camera starts
    CHECK(byName.px == two.px);
    CHECK(changedFraction(one, two, 0, kH) > 0.3);
    CHECK(one.log.find("camera 1") != std::string::npos);
}

TEST_CASE("shot --camera: an unknown preset exits 2 and names the valid ones") {
    const Shot bad = shot("--scene smelter --camera 42", "modes_bad_camera");
    CHECK(bad.rc == 2);
    CHECK(bad.px.empty());
    CHECK(bad.log.find("--camera '42'") != std::string::npos);
    CHECK(bad.log.find("1 'Aisle overview'") != std::string::npos);
    const Shot badName = shot("--scene hydrogen --camera moon", "modes_bad_camera_name");
    CHECK(badName.rc == 2);
    CHECK(badName.log.find("valid presets: 1 '") != std::string::npos);
}
