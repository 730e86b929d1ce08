// Hydrogen scene logic without GL: the panel field layout, the cloud field's coverage and shadows, the bubbles' rate
// law, that the sun the scene lights with is the simulation's solar position at the displayed time, and that the
// panel's supply, gas-field and CO2 figures are the simulation's (read by metric name, checked against sim::State).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "scenes/hydrogen/cloud_field.h"
#include "scenes/hydrogen/field_layout.h"
#include "scenes/hydrogen/hydrogen_scene.h"
#include "scenes/hydrogen/supply_view.h"
#include "sim/metrics.h"
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

namespace {
// The number a panel row shows (its value text), by key.
double shown(const std::vector<scenes::h2::Row>& rows, const std::string& key) {
    for (const scenes::h2::Row& r : rows)
        if (key == r.key) {
            std::string v = r.value;
            std::erase(v, ',');
            return std::stod(v);
        }
    FAIL("no row " << key);
    return NAN;
}
}  // namespace

TEST_CASE("hydrogen panel: every metric it reads exists") {
    for (const std::string& n : scenes::h2::supplyMetricNames()) {
        CAPTURE(n);
        CHECK(sim::findMetric(n) >= 0);
    }
    sim::World w(sim::makeParams(), 1, sim::defaultStartTime());
    w.step();
    scenes::h2::SupplyTotals totals;
    totals.sample(w.state(), w.now());
    CHECK(totals.history().unknownMetrics().empty());
}

TEST_CASE("hydrogen panel: supply now is the simulation's; served + unserved = demand as displayed") {
    // Default complex from a midsummer evening: the store (half full at the start) runs down overnight and the
    // reformer comes online from hot standby; at dawn the panels and the reformer serve together.
    sim::Time start = 0;
    REQUIRE(sim::parseIso8601("2026-06-21T20:00:00+05:00", start));
    sim::World w(sim::makeParams(), 3, start);
    bool sawReformer = false, sawBoth = false;
    for (int tick = 0; tick < 3 * 24 * 60 && !(sawReformer && sawBoth); ++tick) {
        w.step();
        const sim::State& s = w.state();
        if (s.h2.served_reformer_kg_h <= 0.0) continue;
        const bool both = s.h2.served_photo_kg_h > 0.01;
        if (sawReformer && (!both || sawBoth)) continue;
        sawReformer = true;
        sawBoth = sawBoth || both;
        const scenes::h2::SupplyNow now = scenes::h2::readSupply(s);
        // The sim's own fields (not its metrics) are the reference for what the panel read.
        CHECK(now.reformerShare_pct == doctest::Approx(s.h2.reformer_share_pct));
        CHECK(now.servedReformer_kg_h == doctest::Approx(s.h2.served_reformer_kg_h));
        CHECK(now.servedPanels_kg_h == doctest::Approx(s.h2.served_photo_kg_h));
        CHECK(now.demand_kg_h == doctest::Approx(s.h2.demand_kg_h));
        CHECK(now.reformerOnline == s.smr.online);
        // The share is the reformer's part of what was served (hand definition).
        CHECK(now.reformerShare_pct == doctest::Approx(100.0 * s.h2.served_reformer_kg_h / s.h2.served_kg_h));
        const auto flows = scenes::h2::supplyRows(now);
        const auto store = scenes::h2::storeRows(now, s.h2.storage_capacity_kg);
        // Displayed with two decimals: the three parts add up to the demand within three roundings.
        CHECK(std::abs(shown(flows, "served_panels") + shown(flows, "served_reformer") + shown(flows, "unserved") -
                       shown(flows, "demand")) <= 0.015 + 1e-9);
        CHECK(std::abs(shown(store, "reformer_share") - s.h2.reformer_share_pct) <= 0.05 + 1e-9);
        // Hours of cover (plan: stock / current net draw, demand - panels, when the store is drawn down).
        const double draw = s.h2.demand_kg_h - s.h2.h2_recovered_kg_h;
        if (draw > 0.0 && s.h2.storage_kg / draw < 999.0)
            CHECK(std::abs(shown(store, "cover") - s.h2.storage_kg / draw) <= 0.05 + 1e-9);
    }
    CHECK(sawReformer);
    CHECK(sawBoth);
}

TEST_CASE("hydrogen panel: the last 24 h totals are the simulation's cumulative differences") {
    sim::World w(sim::makeParams(), 5, sim::defaultStartTime());
    scenes::h2::SupplyTotals totals;
    using T = scenes::h2::SupplyTotals;
    double demandAt6 = 0.0, reformerAt6 = 0.0, ventedAt6 = 0.0;
    const sim::Time sixHours = w.now() + 6 * sim::kHour, end = w.now() + 30 * sim::kHour;
    sim::Time at6 = -1;  // the first sample at or after hour 6: the oldest within 24 h of the end
    while (w.now() < end) {
        w.step();
        if (totals.sample(w.state(), w.now()) && at6 < 0 && w.now() >= sixHours) {
            at6 = w.now();
            demandAt6 = w.state().h2.demand_kg;
            reformerAt6 = w.state().h2.served_reformer_kg;
            ventedAt6 = w.state().h2.vented_kg;
        }
    }
    const sim::State& s = w.state();
    double span = 0.0;
    // 30 h run, samples every 10 min from the first tick: the window starts at the first sample after hour 6.
    const double demand = totals.lastHours(s, T::kDemand, 24.0, &span);
    REQUIRE(at6 > 0);
    CHECK(span == doctest::Approx(sim::toHours(end - at6)));
    CHECK(span > 23.8);
    CHECK(demand == doctest::Approx(s.h2.demand_kg - demandAt6).epsilon(1e-5));
    CHECK(totals.lastHours(s, T::kServedReformer, 24.0, nullptr) == doctest::Approx(s.h2.served_reformer_kg - reformerAt6).epsilon(1e-5));
    CHECK(totals.lastHours(s, T::kVented, 24.0, nullptr) == doctest::Approx(s.h2.vented_kg - ventedAt6).epsilon(1e-5));
    // About 4 kg/h for a day (docs/hydrogen_supply.md §2: the profile's daily mean is 1).
    CHECK(demand == doctest::Approx(24.0 * 4.0).epsilon(0.02));
    // A fresh history has nothing to difference against.
    scenes::h2::SupplyTotals fresh;
    fresh.sample(s, s.time);
    CHECK(std::isnan(fresh.lastHours(s, T::kDemand, 24.0, &span)));
    CHECK(span == 0.0);
}

TEST_CASE("hydrogen panel: the depleted field and the CO2 store; injection faulted vents, running injects") {
    sim::Params p = sim::makeParams();
    REQUIRE(p.set("smr.capture_fraction", 0.9));
    sim::Time start = 0;
    REQUIRE(sim::parseIso8601("2026-06-21T20:00:00+05:00", start));
    sim::World w(p, 3, start);
    // Run until the reformer is online (capturing), then trip the injection compressor.
    for (int i = 0; i < 3 * 24 * 60 && w.state().smr.co2_captured_kg_h <= 0.0; ++i) w.step();
    REQUIRE(w.state().smr.co2_captured_kg_h > 0.0);
    {
        const sim::State& s = w.state();
        const scenes::h2::FieldNow f = scenes::h2::readField(s);
        CHECK(f.injectionOk);
        CHECK(f.pressure_bar == doctest::Approx(s.gas.pressure_bar));
        CHECK(f.reserveLeft_pct == doctest::Approx(s.gas.reserve_left_pct));
        CHECK(f.rate_nm3_h == doctest::Approx(s.gas.rate_nm3_h));
        CHECK(f.co2Content_pct == doctest::Approx(s.gas.co2_pct));
        // Captured CO2 is all injected while the compressor runs (the reservoir is far from full).
        CHECK(f.co2Captured_t_h == doctest::Approx(s.smr.co2_captured_kg_h / 1000.0));
        CHECK(f.co2Injected_t_h == doctest::Approx(f.co2Captured_t_h).epsilon(1e-6));
        CHECK(f.co2Vented_t_h == 0.0);
        // Capacity left from the stored mass and the reservoir's capacity (hand definition).
        CHECK(f.capacityLeft_pct == doctest::Approx(100.0 * (1.0 - s.gas.co2_stored_t / s.gas.capacity_t)));
        CHECK(scenes::h2::injectionStatus(f) == "Injecting the captured CO2");
        const auto co2 = scenes::h2::co2Rows(f);
        CHECK(std::abs(shown(co2, "injected") - s.gas.co2_injected_t_h) <= 0.0005 + 1e-12);
        const auto field = scenes::h2::fieldRows(f);
        CHECK(std::abs(shown(field, "rate") - s.gas.rate_nm3_h) <= 0.5 + 1e-9);  // "62,489": thousands separated
    }
    w.push({sim::CommandType::InjectFault, "gas.injection", "", -1});
    w.step();
    w.step();
    const sim::State& s = w.state();
    REQUIRE(s.smr.co2_captured_kg_h > 0.0);
    const scenes::h2::FieldNow f = scenes::h2::readField(s);
    CHECK_FALSE(f.injectionOk);
    CHECK(f.co2Injected_t_h == 0.0);
    CHECK(f.co2Vented_t_h == doctest::Approx(s.smr.co2_captured_kg_h / 1000.0).epsilon(1e-6));
    CHECK(scenes::h2::injectionStatus(f).find("INJECTION FAULT") != std::string::npos);
}

TEST_CASE("hydrogen panel: every route of the comparison has words, the depleted-field route reads as blue storage") {
    sim::World w(sim::makeParams(), 1, sim::defaultStartTime());
    w.step();
    REQUIRE(w.state().economics.size() == 4);
    for (const sim::RouteEconomics& e : w.state().economics) {
        CAPTURE(e.name);
        CHECK(scenes::h2::routeLabel(e.name) != e.name);
        CHECK(std::string(scenes::h2::routeTip(e.name)).size() > 20);
    }
    CHECK(scenes::h2::routeLabel("smr_depleted_field") == "SMR + CO2 stored in a depleted field (blue)");
}
