// Catalyst line and panel shop: the line's slag share follows the stock between its marks (checked at the
// controller's equilibrium, solved by hand), the shop plans each shift recoating first and building on free land
// within capacity and stock, area worked = catalyst used / loading; robust inputs.
#include <doctest/doctest.h>

#include <cmath>

#include "sim/catalyst.h"

using namespace sim;

namespace {

Params catalystParams(double share, double yield, double loading, double build, double low, double high) {
    Params p;
    registerCatalystParams(p);
    REQUIRE(p.set("catalyst.slag_share", share));
    REQUIRE(p.set("catalyst.yield_kg_per_t", yield));
    REQUIRE(p.set("catalyst.loading_g_m2", loading));
    REQUIRE(p.set("catalyst.build_rate_m2_day", build));
    REQUIRE(p.set("catalyst.stock_low_kg", low));
    REQUIRE(p.set("catalyst.stock_high_kg", high));
    return p;
}

Time localMidnight() {
    Time t = 0;
    REQUIRE(parseIso8601("2026-06-21T00:00:00+05:00", t));
    return t;
}

}  // namespace

TEST_CASE("catalyst: the line settles where its make equals the shop's draw (proportional band between the marks)") {
    // Slag 40 t/h, at most 1 % taken, 50 kg/t: the line's most is 20 kg/h. The shop always has panels due and recoats
    // at its capacity 1000 m2/day at 10 g/m2 = 10 kg/day = 0.41667 kg/h. Marks 20 and 100 kg: the line's make is
    // 20 · (100 − S)/80 kg/h, so in balance S* = 100 − 80 · 0.41667/20 = 98.333 kg, and the slag taken is the draw
    // over the yield: 0.41667/50 t/h.
    const Time t0 = localMidnight();
    Catalyst c(catalystParams(0.01, 50.0, 10.0, 1000.0, 20.0, 100.0), 1, t0);
    CHECK(c.state().stock_kg == 100.0);  // balanced start at the high mark
    EventSink ev;
    double slag = 0.0, used = 0.0;
    for (int i = 0; i < 4 * 1440; ++i) {
        c.step(t0 + i * kMinute, kMinute, 40.0 / 60.0, {.dueArea_m2 = 1.0e6, .landFree_m2 = 0.0}, ev);
        if (i >= 2 * 1440) {  // the last two days, in balance
            slag += c.state().slagTick_t;
            used += c.state().used_kg_h / 60.0;
        }
        ev.clear();
    }
    CHECK(c.state().stock_kg == doctest::Approx(98.333).epsilon(1e-3));
    CHECK(used == doctest::Approx(20.0).epsilon(1e-9));  // 2 days at 10 kg/day
    CHECK(slag == doctest::Approx(used / 50.0).epsilon(1e-3));
    CHECK(c.state().built_area_m2 == 0.0);  // no land: recoating only
    CHECK(c.state().recoated_area_m2 == doctest::Approx(4000.0).epsilon(1e-9));
}

TEST_CASE("catalyst: the shop recoats the due panels first, then builds on free land, shift by shift") {
    // 1200 m2/day = 400 m2 per 8 h shift; 500 m2 due and 2000 m2 of land. Shift 1: recoat 400. Shift 2: recoat the
    // last 100, build 300. Shift 3: build 400. After a day: 500 recoated, 700 built, 1200 m2 · 10 g = 12 kg used,
    // and no slag arrives, so the stock falls from its high mark 100 kg to 88 kg.
    const Time t0 = localMidnight();
    Catalyst c(catalystParams(0.01, 50.0, 10.0, 1200.0, 20.0, 100.0), 1, t0);
    EventSink ev;
    int plans = 0;
    for (int i = 0; i < 1440; ++i) {
        const CatalystState& s = c.state();
        c.step(t0 + i * kMinute, kMinute, 0.0,
               {.dueArea_m2 = 500.0 - s.recoated_area_m2, .landFree_m2 = 2000.0 - s.built_area_m2}, ev);
        if (i == 8 * 60 - 1) {
            CHECK(c.state().recoated_area_m2 == doctest::Approx(400.0));
            CHECK(c.state().built_area_m2 == 0.0);
        }
    }
    for (const Event& e : ev.events()) plans += e.kind == static_cast<std::uint16_t>(CatalystEvent::ShiftPlan);
    CHECK(plans == 3);
    const CatalystState& s = c.state();
    CHECK(s.recoated_area_m2 == doctest::Approx(500.0));
    CHECK(s.built_area_m2 == doctest::Approx(700.0));
    CHECK(s.used_kg == doctest::Approx(12.0));
    CHECK(s.stock_kg == doctest::Approx(88.0));
    CHECK(s.used_kg == doctest::Approx((s.recoated_area_m2 + s.built_area_m2) * 10.0 / 1000.0).epsilon(1e-12));
}

TEST_CASE("catalyst: a shift plan is limited by the stock; the shop stops when it runs out") {
    // 5 kg in stock at 10 g/m2 is 500 m2; no slag. The first shift builds exactly that; nothing after.
    const Time t0 = localMidnight();
    Catalyst c(catalystParams(0.01, 50.0, 10.0, 1.0e6, 5.0, 5.0), 1, t0);
    EventSink ev;
    int outs = 0;
    for (int i = 0; i < 2 * 1440; ++i) {
        c.step(t0 + i * kMinute, kMinute, 0.0, {.dueArea_m2 = 0.0, .landFree_m2 = 1.0e5}, ev);
        CHECK(c.state().stock_kg >= 0.0);
    }
    for (const Event& e : ev.events()) outs += e.kind == static_cast<std::uint16_t>(CatalystEvent::StockOut);
    CHECK(c.state().built_area_m2 == doctest::Approx(500.0));
    CHECK(c.state().stock_kg == doctest::Approx(0.0).epsilon(1e-12));
    CHECK(outs == 0);  // each plan fits the stock it was made with: the shop never runs dry mid-shift
}

TEST_CASE("catalyst: no slag, bad slag numbers and huge inputs stay finite and non-negative") {
    Catalyst c(catalystParams(0.5, 1000.0, 0.1, 1.0e6, 0.0, 1.0e6), 1, 0);
    EventSink ev;
    const double inputs[] = {0.0, -3.0, NAN, INFINITY, 1.0e12, 0.0};
    Time t = 0;
    for (double x : inputs) {
        c.step(t, kMinute, x, {.dueArea_m2 = NAN, .landFree_m2 = INFINITY}, ev);
        t += kMinute;
        const CatalystState& s = c.state();
        CHECK(std::isfinite(s.stock_kg));
        CHECK(std::isfinite(s.built_area_m2));
        CHECK(s.stock_kg >= 0.0);
        CHECK(s.newPanelAreaTick_m2 >= 0.0);
        CHECK(s.recoatAreaTick_m2 >= 0.0);
    }
    std::string why;
    CHECK_FALSE(c.setFault("smelter.furnace", true, &why));
    CHECK(why.empty());
}

TEST_CASE("catalyst: parameters carry the catalyst prefix and the hash follows the state") {
    Params p;
    registerCatalystParams(p);
    for (const ParamDef& d : p.defs()) CHECK(d.name.rfind("catalyst.", 0) == 0);
    for (const char* n : {"catalyst.slag_share", "catalyst.yield_kg_per_t", "catalyst.loading_g_m2",
                          "catalyst.build_rate_m2_day", "catalyst.stock_low_kg", "catalyst.stock_high_kg"})
        CHECK(p.has(n));
    Catalyst a(p, 1, 0), b(p, 1, 0);
    EventSink ev;
    const FieldNeed need{.dueArea_m2 = 1000.0, .landFree_m2 = 0.0};
    a.step(0, kHour, 40.0, need, ev);
    b.step(0, kHour, 40.0, need, ev);
    Hasher ha, hb;
    a.hashInto(ha);
    b.hashInto(hb);
    CHECK(ha.value() == hb.value());
    b.step(kHour, kHour, 40.0, need, ev);
    Hasher hc;
    b.hashInto(hc);
    CHECK(hc.value() != ha.value());
}
