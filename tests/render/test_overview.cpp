// Render test: the overview (the start scene) through `almalyk shot` and an in-process Session under xvfb-run (Mesa
// llvmpipe): a clean picture, the gauge beside the hydrogen storage lit when the storage is full and dark when it is
// a sliver of a much larger one, the ore rail's flow bright while trains run and gone while the rail is halted, and a
// click on a site flying into that site's scene (the scene-request seam) with Home's way back.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <utility>

#include <glm/gtc/matrix_transform.hpp>

#include "app/frame_loop.h"
#include "app/session.h"
#include "engine/camera.h"
#include "engine/gfx/context.h"
#include "engine/labels.h"
#include "render_shot.h"
#include "scenes/overview/overview_scene.h"
#include "scenes/site.h"
#include "sim/world.h"

namespace {

constexpr int kW = 640, kH = 360;

Shot overviewShot(const std::string& extra, const std::string& name, const char* size = "640x360") {
    return runShot(std::string("--scene overview --size ") + size + " --start 2026-06-21T10:00:00+05:00 --warmup-hours 2 " + extra, name);
}

// Where a world point lands in the shot (the overview's first preset, the shot's aspect).
glm::vec2 project(glm::vec3 p, glm::vec2 size = {kW, kH}) {
    scenes::OverviewScene scene;
    eng::OrbitCamera cam;
    cam.setNearFar(5.0f, 80000.0f);
    cam.setPose(scene.cameraPresets().front().pose);
    const glm::mat4 vp = cam.projection(size.x / size.y) * cam.view();
    glm::vec2 s(0.0f);
    eng::LabelList::project(vp, p, size, s);
    return s;
}

// Mean of max(r, g, b) over a (2r+1)^2 pixel window around s.
double brightness(const Shot& shot, glm::vec2 s, int r) {
    double sum = 0.0;
    int n = 0;
    for (int y = static_cast<int>(s.y) - r; y <= static_cast<int>(s.y) + r; ++y)
        for (int x = static_cast<int>(s.x) - r; x <= static_cast<int>(s.x) + r; ++x) {
            if (x < 0 || y < 0 || x >= shot.w || y >= shot.h) continue;
            const unsigned char* p = &shot.px[(static_cast<std::size_t>(y) * shot.w + x) * 3];
            sum += std::max({p[0], p[1], p[2]});
            ++n;
        }
    return n ? sum / n : 0.0;
}

}  // namespace

TEST_CASE("overview shot: the start scene renders clean, not blank, at noon and at night") {
    const Shot noon = overviewShot("", "overview_noon");
    checkRenderedShot(noon, kW, kH, 60);
    const Shot night = runShot("--scene overview --size 640x360 --start 2026-06-21T21:00:00+05:00 --warmup-hours 2", "overview_night");
    checkRenderedShot(night, kW, kH, 60);
    CHECK(meanLuma(noon) > meanLuma(night) + 30.0);
    // The default scene is the overview: a shot without --scene draws the same picture.
    const Shot byDefault = runShot("--size 640x360 --start 2026-06-21T10:00:00+05:00 --warmup-hours 2", "overview_default");
    REQUIRE(byDefault.ok());
    CHECK(byDefault.px == noon.px);
}

TEST_CASE("overview gauge: the H2 storage column is lit when the storage is full and dark when nearly empty") {
    // At noon the panels fill the default 100 kg storage (h2.storage_fill_pct 100 after a sunny morning); a
    // 100-tonne store holds the same few kilograms as a sliver. Only the gauge differs between the two pictures.
    // 1280x720: the site labels (fixed pixel size) leave the column in the open.
    const Shot full = overviewShot("--set h2.sth_percent=5", "overview_gauge_full", "1280x720");
    const Shot empty = overviewShot("--set h2.sth_percent=5 --set h2.storage_capacity_kg=100000", "overview_gauge_empty", "1280x720");
    REQUIRE(full.ok());
    REQUIRE(empty.ok());
    const glm::vec2 en = scenes::site::kHydrogenField + scenes::OverviewScene::gaugeOffset("hydrogen");
    const glm::vec3 base(en.x, scenes::site::elevation(en.x, -en.y), -en.y);
    // The column's lower half: lit in the full store, the dark empty part in the other.
    const glm::vec2 s = project(base + glm::vec3(0, 0.25f * scenes::OverviewScene::kGaugeHeight, 0), {1280.0f, 720.0f});
    INFO("gauge at " << s.x << ", " << s.y << "; full " << brightness(full, s, 1) << ", empty " << brightness(empty, s, 1));
    CHECK(brightness(full, s, 1) > brightness(empty, s, 1) + 40.0);
}

TEST_CASE("overview flow: the ore rail's dashes show while trains run and are gone while the rail is halted") {
    // rail_outage halts the line from hour 1 to 7: at 12:00 (2 h after the start) nothing is delivered.
    const Shot running = overviewShot("", "overview_rail_running");
    const Shot halted = overviewShot("--scenario rail_outage --seed 1", "overview_rail_halted");
    REQUIRE(running.ok());
    REQUIRE(halted.ok());
    // Sample along the rail's middle: the mean brightness over a few windows on the route.
    sim::World w(sim::makeParams(), 1, sim::defaultStartTime());
    const sim::SitePos c = w.state().pit.geometry().crusherPosition();
    const glm::vec2 crusher(static_cast<float>(c.x), static_cast<float>(c.y));
    // The route's control polygon (overview_scene.cpp); its rounded curve passes through the edges' midpoints.
    const glm::vec2 a = crusher + glm::vec2(-700, 900), b(-1300, 3300);
    double on = 0.0, off = 0.0;
    // The dashes move, so one window may fall in a gap: sum over windows along the middle of both edges, where the
    // curve runs along its polygon.
    for (const auto& [p, q] : {std::pair{crusher, a}, std::pair{a, b}})
        for (int k = 0; k <= 8; ++k) {
            const glm::vec2 en = glm::mix(p, q, 0.3f + 0.05f * static_cast<float>(k));
            const glm::vec2 s = project({en.x, scenes::site::elevation(en.x, -en.y) + 9.0f, -en.y});
            on += brightness(running, s, 2) / 18.0;
            off += brightness(halted, s, 2) / 18.0;
        }
    INFO("mean over the route: running " << on << ", halted " << off);
    CHECK(on > off + 8.0);
}

TEST_CASE("overview: a click on a site asks for its scene; the session flies into it and Home's request comes back") {
    app::Session s("test");
    app::RenderOptions o;
    o.width = 320;
    o.height = 180;
    o.quality = app::Quality::Low;
    REQUIRE(s.prepare(o) == 0);
    REQUIRE(s.open(o, {.visible = false, .vsync = false}) == 0);
    REQUIRE(s.sceneName() == "overview");  // the start scene
    auto& ov = dynamic_cast<scenes::OverviewScene&>(s.scene());
    // A ray straight down onto the smelter.
    const glm::vec3 at = ov.siteAnchor("smelter");
    const eng::Ray down{at + glm::vec3(0, 3000, 0), {0, -1, 0}};
    CHECK(ov.siteAt(down) == "smelter");
    const scenes::FrameInput in = s.frameInput(s.world->now(), 1.0f / 60.0f, 0.0, {});
    std::string what;
    REQUIRE(ov.pick(down, in, &what));
    CHECK(what == "Copper smelter");
    const auto req = ov.takeSceneRequest();
    REQUIRE(req.has_value());
    CHECK(req->scene == "smelter");
    CHECK_FALSE(ov.takeSceneRequest().has_value());  // taken once
    std::string why;
    REQUIRE(s.applySceneRequest(*req, &why));
    CHECK(s.sceneName() == "smelter");
    CHECK(s.camera.flying());  // flies in from above
    // The tankhouse: a switch plus a camera action.
    REQUIRE(s.applySceneRequest({"overview", ""}, &why));
    CHECK(s.sceneName() == "overview");
    REQUIRE(s.applySceneRequest({"smelter", "camera(tankhouse)"}, &why));
    CHECK(s.sceneName() == "smelter");
    // A bad action is refused with a reason; the switch stays done.
    CHECK_FALSE(s.applySceneRequest({"pit", "camera(no such view)"}, &why));
    CHECK(s.sceneName() == "pit");
    CHECK(why.find("no such view") != std::string::npos);
    CHECK(eng::gfx::errorCount() == 0);
}

TEST_CASE("overview alarm: a site in alarm is drawn ringed in the alarm's colour") {
    // A catalyst-stock floor far above any stock raises catalyst.stock_low (low priority: yellow) within its 1 h delay
    // and changes nothing in the plant; the picture differs only where the catalyst line is ringed and labelled.
    const Shot calm = overviewShot("", "overview_alarm_calm", "1280x720");
    const Shot alarm = overviewShot("--set alarm.catalyst_stock_low_kg=1000000", "overview_alarm_catalyst", "1280x720");
    REQUIRE(calm.ok());
    REQUIRE(alarm.ok());
    scenes::OverviewScene scene;
    const glm::vec2 en = scenes::site::kCatalystLine;
    const glm::vec3 c(en.x, scenes::site::elevation(en.x, -en.y), -en.y);
    // The ring: 1.15 x the site's 150 m pick radius, 60 m tall; its yellow shows on the near (south) side.
    double calmY = 0.0, alarmY = 0.0;
    auto yellow = [](const Shot& s, glm::vec2 p) {
        double best = 0.0;
        for (int dy = -2; dy <= 2; ++dy)
            for (int dx = -2; dx <= 2; ++dx) {
                const int x = static_cast<int>(p.x) + dx, y = static_cast<int>(p.y) + dy;
                if (x < 0 || y < 0 || x >= s.w || y >= s.h) continue;
                const unsigned char* q = &s.px[(static_cast<std::size_t>(y) * s.w + x) * 3];
                best = std::max(best, std::min(q[0], q[1]) - double(q[2]));  // red and green high, blue low
            }
        return best;
    };
    int n = 0;
    for (int k = 0; k < 16; ++k) {
        const float a = 6.2831853f * k / 16.0f, r = 150.0f * 1.15f * 0.97f;
        const glm::vec2 s = project(c + glm::vec3(r * std::cos(a), 40.0f, r * std::sin(a)), {1280.0f, 720.0f});
        calmY += yellow(calm, s);
        alarmY += yellow(alarm, s);
        if (yellow(alarm, s) > yellow(calm, s) + 12.0) ++n;
    }
    // The label (now "ALARM  Catalyst line", its background dark) covers the ring's far side and the catalyst-stock
    // gauge (amber when full) a quarter of it; the rest turns yellower over the straw ground (+14..+24 at 12:00).
    INFO("mean yellowness on the ring: calm " << calmY / 16 << ", alarm " << alarmY / 16 << "; " << n << " of 16 points lit");
    CHECK(n >= 6);
}
