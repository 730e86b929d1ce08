// Hydrogen scene logic without GL: the panel field layout, the cloud field's coverage and shadows, the bubbles' rate
// law, and that the sun the scene lights with is the simulation's solar position at the displayed time.
#include <doctest/doctest.h>

#include <cmath>

#include "scenes/hydrogen/cloud_field.h"
#include "scenes/hydrogen/field_layout.h"
#include "scenes/hydrogen/hydrogen_scene.h"
#include "sim/catalyst.h"
#include "sim/solar.h"
#include "sim/world.h"

using namespace scenes::h2;

TEST_CASE("hydrogen field: module and row counts follow the simulation's area; a row is the catalyst line's row") {
    CHECK(kModulesPerRow * kModuleArea == doctest::Approx(sim::kCatalystRowArea_m2));
    const FieldLayout f = makeFieldLayout(40000.0, 30.0, 180.0, 0.5);
    CHECK(f.modules == 20000);
    CHECK(f.rows == 400);
    CHECK(f.blocks == 20);
    CHECK(makeFieldLayout(101.9, 30, 180, 0.5).modules == 50);
    CHECK(makeFieldLayout(0.0, 30, 180, 0.5).modules == 0);
    CHECK(makeFieldLayout(-5.0, 30, 180, 0.5).modules == 0);
    CHECK(makeFieldLayout(NAN, 30, 180, 0.5).modules == 0);
    CHECK(makeFieldLayout(1e12, 30, 180, 0.5).modules == kMaxDrawnModules);
    // Ground cover ratio = tray length / row pitch (the same econ.ground_cover_ratio the land figure uses).
    CHECK(f.rowPitch == doctest::Approx(kModuleLength / 0.5));
    CHECK(makeFieldLayout(1000, 30, 180, 0.4).rowPitch == doctest::Approx(5.0));
    // A pitch shorter than the tray's own footprint would overlap rows: it is held at the footprint.
    CHECK(makeFieldLayout(1000, 0, 180, 1.0).rowPitch >= kModuleLength);
}

TEST_CASE("hydrogen field: trays face the panel azimuth at the panel tilt") {
    const FieldLayout south = makeFieldLayout(4000.0, 30.0, 180.0, 0.5);
    const glm::vec3 n = south.glassNormal();
    CHECK(n.y == doctest::Approx(std::cos(glm::radians(30.0))).epsilon(1e-5));
    CHECK(n.z == doctest::Approx(0.5).epsilon(1e-5));  // scene +z is south
    CHECK(std::abs(n.x) < 1e-5f);
    for (int i : {0, 77, 1999}) {
        const glm::vec3 m = glm::normalize(glm::vec3(south.moduleMatrix(i) * glm::vec4(0, 1, 0, 0)));
        CHECK(glm::length(m - n) < 1e-5f);
    }
    // East-facing at 60°: the normal leans east (+x) by 60°.
    const glm::vec3 e = makeFieldLayout(4000.0, 60.0, 90.0, 0.5).glassNormal();
    CHECK(e.x == doctest::Approx(std::sin(glm::radians(60.0))).epsilon(1e-5));
    CHECK(std::abs(e.z) < 1e-5f);
    // The lower edge (local +z) points toward the azimuth and sits at kLowEdgeHeight.
    const glm::vec3 low = glm::vec3(south.moduleMatrix(0) * glm::vec4(0, 0.5f * kModuleThickness, 0.5f * kModuleLength, 1));
    CHECK(low.y == doctest::Approx(kLowEdgeHeight).epsilon(1e-4));
}

TEST_CASE("hydrogen field: growing the field never moves a built tray, and the field stays west of the plant") {
    for (double az : {180.0, 90.0, 135.0, 225.0, 270.0}) {
        const FieldLayout small = makeFieldLayout(3000.0, 30.0, az, 0.5);
        const FieldLayout big = makeFieldLayout(90000.0, 30.0, az, 0.5);
        for (int i = 0; i < small.modules; i += 97)
            CHECK(glm::length(small.moduleCentre(i) - big.moduleCentre(i)) < 1e-3f);
        for (int i = 0; i < big.modules; i += 211) CHECK(big.moduleCentre(i).x <= 0.5f);
        CHECK(big.boundsMax().x <= 0.5f);
    }
    // Neighbouring trays in a row do not overlap; neighbouring rows are one pitch apart.
    const FieldLayout f = makeFieldLayout(20000.0, 30.0, 180.0, 0.5);
    CHECK(glm::length(f.moduleCentre(1) - f.moduleCentre(0)) == doctest::Approx(kModuleWidth + kModuleGap));
    CHECK(glm::length(f.rowCentre(1) - f.rowCentre(0)) == doctest::Approx(f.rowPitch));
    // Blocks fill rings: 0 (0,0); 1 (1,0); 2 (0,1); 3 (1,1); 4 (2,0).
    CHECK(FieldLayout::blockCell(0) == glm::ivec2(0, 0));
    CHECK(FieldLayout::blockCell(1) == glm::ivec2(1, 0));
    CHECK(FieldLayout::blockCell(2) == glm::ivec2(0, 1));
    CHECK(FieldLayout::blockCell(3) == glm::ivec2(1, 1));
    CHECK(FieldLayout::blockCell(4) == glm::ivec2(2, 0));
    CHECK(FieldLayout::blockCell(8) == glm::ivec2(2, 2));
}

namespace {
// Share of a 2 km square in cloud shadow with the sun overhead.
double shadedShare(const CloudField& c) {
    int hit = 0, n = 0;
    for (float x = -1000.0f; x < 1000.0f; x += 20.0f)
        for (float z = -1000.0f; z < 1000.0f; z += 20.0f, ++n) hit += c.shade({x, z}, {0, 1, 0}) > 0.5f ? 1 : 0;
    return static_cast<double>(hit) / n;
}
}  // namespace

TEST_CASE("hydrogen clouds: the shaded share of the ground matches the simulation's cloud cover") {
    CloudField c;
    for (double cc : {0.0, 0.2, 0.5, 0.8, 1.0}) {
        double mean = 0.0;
        for (int k = 0; k < 8; ++k) {  // average over drift positions: one snapshot of a 2 km window is noisy
            c.update(cc, 1.0e9 + 700.0 * k);
            mean += shadedShare(c) / 8.0;
        }
        CAPTURE(cc);
        CHECK(std::abs(mean - cc) < 0.1);
    }
    // No direct sun at night: nothing is "shaded".
    c.update(1.0, 0.0);
    CHECK(c.shade({0, 0}, {0, -1, 0}) == 0.0f);
    CHECK(c.countFor(0.0) == 0);
    CHECK(c.countFor(0.3) < c.countFor(0.6));
}

TEST_CASE("hydrogen clouds: shadows fall along the sun and drift with the wind") {
    CloudField c;
    c.update(0.4, 5.0e8);
    REQUIRE(!c.clouds().empty());
    const Cloud k = c.clouds().front();  // a copy: update() rewrites the list
    const glm::vec3 sun = glm::normalize(glm::vec3(0.5f, 0.6f, 0.3f));
    // The ground point whose sun ray passes through the cloud's centre is shaded; with the sun overhead it is not
    // (unless another cloud happens to be there, which this check tolerates by testing the shifted point only).
    const glm::vec2 g = k.centre - glm::vec2(sun.x, sun.z) / sun.y * kCloudBase;
    CHECK(c.shade(g, sun) == 1.0f);
    c.update(0.4, 5.0e8 + 100.0);
    const Cloud& k2 = c.clouds().front();
    glm::vec2 moved = k2.centre - k.centre;
    moved -= kCloudPeriod * glm::floor(moved / kCloudPeriod + 0.5f);  // the blobs tile a periodic square
    CHECK(moved.x == doctest::Approx(kCloudWind.x * 100.0f).epsilon(1e-3));
    CHECK(moved.y == doctest::Approx(kCloudWind.y * 100.0f).epsilon(1e-3));
}

TEST_CASE("hydrogen bubbles: none without hydrogen, proportional to the local rate, capped for the renderer") {
    using scenes::HydrogenScene;
    CHECK(HydrogenScene::bubblesPerModule(0.0) == 0);
    CHECK(HydrogenScene::bubblesPerModule(-1.0) == 0);
    CHECK(HydrogenScene::bubblesPerModule(NAN) == 0);
    const int a = HydrogenScene::bubblesPerModule(0.6), b = HydrogenScene::bubblesPerModule(1.2);
    CHECK(a > 0);
    CHECK(b == 2 * a);
    CHECK(HydrogenScene::bubblesPerModule(1e6) == HydrogenScene::bubblesPerModule(1e7));
}

TEST_CASE("hydrogen scene: the sun it lights with is the simulation's solar position at the displayed time") {
    sim::Params p = sim::makeParams();
    sim::Time start = 0;
    REQUIRE(sim::parseIso8601("2026-06-21T06:00:00+05:00", start));
    sim::World w(p, 7, start);
    scenes::HydrogenScene scene;
    for (const char* when : {"2026-06-21T06:00:00+05:00", "2026-06-21T09:17:00+05:00", "2026-06-21T12:24:00+05:00",
                             "2026-06-21T18:45:30+05:00", "2026-06-21T23:00:00+05:00"}) {
        sim::Time t = 0;
        REQUIRE(sim::parseIso8601(when, t));
        w.advance(t, 1000000);
        scenes::FrameInput in;
        in.now = t;
        in.state = &w.state();
        scene.update(in);
        // Independent reference: the NOAA solar position for Almalyk, turned into x east, -z north, +y up here.
        const sim::SolarPosition sp = sim::solarPosition(t, sim::kAlmalykLatDeg, sim::kAlmalykLonDeg);
        const double az = glm::radians(sp.azimuth_deg), el = glm::radians(sp.elevation_deg);
        const glm::vec3 want(static_cast<float>(std::sin(az) * std::cos(el)), static_cast<float>(std::sin(el)),
                             static_cast<float>(-std::cos(az) * std::cos(el)));
        const glm::vec3 got = scene.lightingSunDir();
        CAPTURE(when);
        CHECK(glm::degrees(std::acos(std::clamp(glm::dot(got, want), -1.0f, 1.0f))) < 0.01f);
        // And within one tick's motion of the sun the panels saw (sim tick mid-point).
        const sim::SunState& s = w.state().sun;
        const glm::vec3 panels = scenes::sunDirection(s.azimuth_deg, s.elevation_deg);
        CHECK(glm::degrees(std::acos(std::clamp(glm::dot(got, panels), -1.0f, 1.0f))) < 0.5f);
    }
    // Midsummer solar noon at 40.85° N: the sun stands ~72.6° high in the south (90 − φ + 23.44°).
    sim::Time noon = 0;
    REQUIRE(sim::parseIso8601("2026-06-22T12:24:00+05:00", noon));
    w.advance(noon, 1000000);
    scenes::FrameInput in;
    in.now = noon;
    in.state = &w.state();
    scene.update(in);
    const glm::vec3 d = scene.lightingSunDir();
    CHECK(glm::degrees(std::asin(d.y)) == doctest::Approx(90.0 - 40.845 + 23.44).epsilon(0.005));
    CHECK(d.z > 0.25f);  // toward the south (+z)
}

TEST_CASE("hydrogen scene: clicking the panel field gives its whole description (no fixed-size buffer cuts it)") {
    sim::Time start = 0;
    REQUIRE(sim::parseIso8601("2026-06-21T12:00:00+05:00", start));
    sim::World w(sim::makeParams(), 7, start);
    w.step();
    scenes::HydrogenScene scene;
    scenes::FrameInput in;
    in.now = w.now();
    in.state = &w.state();
    in.sunDir = glm::normalize(glm::vec3(0.2f, 0.9f, 0.3f));
    scene.update(in);
    const glm::vec2 lo = scene.layout().boundsMin(), hi = scene.layout().boundsMax();
    const glm::vec2 mid = 0.5f * (lo + hi);
    const eng::Ray down{{mid.x, 300.0f, mid.y}, {0.0f, -1.0f, 0.0f}};
    std::string what;
    REQUIRE(scene.pick(down, in, &what));
    // The first sentence alone is over 64 bytes; the tilt and azimuth that follow it must arrive too.
    CHECK(what.find("0.1 mm water film\nTilt 30°") != std::string::npos);
    CHECK(what.find(", facing azimuth 180°") != std::string::npos);
    CHECK(what.size() > 120);
}
