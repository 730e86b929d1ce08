// Catalyst line: panel area grows by catalyst used / loading, within the shop's building rate; robust inputs.
#include <doctest/doctest.h>

#include <cmath>

#include "sim/catalyst.h"

using namespace sim;

namespace {

Params catalystParams(double share, double yield, double loading, double build) {
    Params p;
    registerCatalystParams(p);
    REQUIRE(p.set("catalyst.slag_share", share));
    REQUIRE(p.set("catalyst.yield_kg_per_t", yield));
    REQUIRE(p.set("catalyst.loading_g_m2", loading));
    REQUIRE(p.set("catalyst.build_rate_m2_day", build));
    return p;
}

}  // namespace

TEST_CASE("catalyst: new panel area = catalyst kg / loading") {
    // 40 t slag pot every hour, 2 % of it milled at 50 kg/t: 40 kg catalyst/h; at 8 g/m2 that is 5000 m2/h.
    Catalyst c(catalystParams(0.02, 50.0, 8.0, 1.0e6), 1, 0);
    EventSink ev;
    double area = 0.0;
    for (int h = 0; h < 240; ++h) {
        for (int m = 0; m < 60; ++m) {
            ev.clear();
            c.step((h * 60 + m) * kMinute, kMinute, m == 0 ? 40.0 : 0.0, ev);
            area += c.state().newPanelAreaTick_m2;
        }
    }
    const CatalystState& s = c.state();
    CHECK(s.slag_used_t == doctest::Approx(240 * 40.0 * 0.02));
    CHECK(s.produced_kg == doctest::Approx(240 * 40.0 * 0.02 * 50.0));
    CHECK(s.used_kg == doctest::Approx(s.produced_kg - s.stock_kg));
    CHECK(s.built_area_m2 == doctest::Approx(s.used_kg * 1000.0 / 8.0).epsilon(1e-12));
    CHECK(area == doctest::Approx(s.built_area_m2));
    // The build rate (1e6 m2/day = 694 m2/min) limits: 5000 m2 of catalyst per pot takes a few minutes to place.
    CHECK(s.built_area_m2 == doctest::Approx(240 * 5000.0).epsilon(1e-9));
    CHECK(s.stock_kg >= 0.0);
}

TEST_CASE("catalyst: the panel shop's build rate caps growth and the rest waits in stock") {
    Catalyst c(catalystParams(1.0, 100.0, 10.0, 240.0), 1, 0);  // 240 m2/day = 10 m2/h
    EventSink ev;
    for (int h = 0; h < 48; ++h) c.step(h * kHour, kHour, 10.0, ev);  // 1000 kg/h: far more than the shop can use
    const CatalystState& s = c.state();
    CHECK(s.built_area_m2 == doctest::Approx(48 * 10.0));
    CHECK(s.newPanelAreaTick_m2 == doctest::Approx(10.0));
    CHECK(s.stock_kg == doctest::Approx(48 * 1000.0 - 48 * 10.0 * 10.0 / 1000.0));
    CHECK(s.build_m2_day == doctest::Approx(240.0));
    int rows = 0;
    for (const Event& e : ev.events())
        if (e.unit == Unit::Catalyst && e.kind == static_cast<std::uint16_t>(CatalystEvent::PanelRowFinished)) {
            ++rows;
            CHECK(e.value == doctest::Approx(rows * kCatalystRowArea_m2));
        }
    CHECK(rows == 4);  // 480 m2 built: rows at 100, 200, 300, 400
}

TEST_CASE("catalyst: no slag, bad slag numbers and huge inputs stay finite and non-negative") {
    Catalyst c(catalystParams(0.5, 1000.0, 0.1, 1.0e6), 1, 0);
    EventSink ev;
    const double inputs[] = {0.0, -3.0, NAN, INFINITY, 1.0e12, 0.0};
    Time t = 0;
    for (double x : inputs) {
        c.step(t, kMinute, x, ev);
        t += kMinute;
        const CatalystState& s = c.state();
        CHECK(std::isfinite(s.stock_kg));
        CHECK(std::isfinite(s.built_area_m2));
        CHECK(s.stock_kg >= 0.0);
        CHECK(s.newPanelAreaTick_m2 >= 0.0);
    }
    CHECK(c.state().slag_used_t == doctest::Approx(0.5e12));
    CHECK(c.state().built_area_m2 == doctest::Approx(2 * 1.0e6 / 1440.0));

    Catalyst none(catalystParams(0.0, 50.0, 10.0, 1000.0), 1, 0);
    for (int i = 0; i < 100; ++i) none.step(i * kMinute, kMinute, 40.0, ev);
    CHECK(none.state().built_area_m2 == 0.0);
    CHECK(none.state().produced_kg == 0.0);
    std::string why;
    CHECK_FALSE(none.setFault("smelter.furnace", true, &why));
    CHECK(why.empty());
}

TEST_CASE("catalyst: parameters carry the catalyst prefix and the hash follows the state") {
    Params p;
    registerCatalystParams(p);
    for (const ParamDef& d : p.defs()) CHECK(d.name.rfind("catalyst.", 0) == 0);
    CHECK(p.has("catalyst.slag_share"));
    CHECK(p.has("catalyst.yield_kg_per_t"));
    CHECK(p.has("catalyst.loading_g_m2"));
    CHECK(p.has("catalyst.build_rate_m2_day"));
    Catalyst a(p, 1, 0), b(p, 1, 0);
    EventSink ev;
    a.step(0, kHour, 40.0, ev);
    b.step(0, kHour, 40.0, ev);
    Hasher ha, hb;
    a.hashInto(ha);
    b.hashInto(hb);
    CHECK(ha.value() == hb.value());
    b.step(kHour, kHour, 40.0, ev);
    Hasher hc;
    b.hashInto(hc);
    CHECK(hc.value() != ha.value());
}
