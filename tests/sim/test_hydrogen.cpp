// Photocatalytic hydrogen plant and the default weather over whole years: H2 = STH·G·A/ΔG each tick, night is dark,
// the H2 mass balance closes, the annual GHI and the monthly sunshine fit hydrogen.md §7.
#include <doctest/doctest.h>

#include <array>
#include <cmath>

#include "sim/hydrogen.h"
#include "sim/weather.h"

using namespace sim;

namespace {

Params plantParams() {
    Params p;
    registerWeatherParams(p);
    registerHydrogenParams(p);
    return p;
}

Time at(const char* iso) {
    Time t = 0;
    REQUIRE(parseIso8601(iso, t));
    return t;
}

struct YearRun {
    double ghi_kwh_m2 = 0, poa_kwh_m2 = 0;
    std::array<double, 12> sunshine_h{};
    std::uint64_t hash = 0;
};

// One simulated year of the default weather feeding the plant, at the given tick.
YearRun runYear(Params p, std::uint64_t seed, Time tick, int years = 1) {
    const Time start = at("2026-01-01T00:00:00+05:00");
    Weather w(p, seed, start);
    Hydrogen h(p, seed, start);
    EventSink ev;
    YearRun r;
    for (Time t = start; t < start + years * 365 * kDay; t += tick) {
        w.step(t, tick, ev);
        const double before = h.state().sunshine_h;
        h.step(t, tick, {.newPanelArea_m2 = 0.0, .cloudCover = w.state().cloud_cover}, ev);
        r.sunshine_h[toLocalCivil(t).month - 1] += h.state().sunshine_h - before;
        ev.clear();
    }
    r.ghi_kwh_m2 = h.state().ghi_kwh_m2 / years;
    r.poa_kwh_m2 = h.state().poa_kwh_m2 / years;
    for (double& s : r.sunshine_h) s /= years;
    Hasher hs;
    w.hashInto(hs);
    h.hashInto(hs);
    r.hash = hs.value();
    return r;
}

}  // namespace

TEST_CASE("H2 = STH * G_POA * A / 237.13 kJ/mol every tick, and zero at night") {
    Params p = plantParams();
    const Time start = at("2026-06-20T00:00:00+05:00");
    Hydrogen h(p, 1, start);
    EventSink ev;
    int day = 0, night = 0;
    for (Time t = start; t < start + 3 * kDay; t += kMinute) {
        const double activity = h.state().activity;
        const double area = h.state().panel_area_m2;
        h.step(t, kMinute, {.newPanelArea_m2 = 0.0, .cloudCover = 0.3}, ev);
        const HydrogenState& s = h.state();
        // Independent recomputation: 0.76 % of POA on the area, at the activity in force during the tick.
        const double expected = 0.0076 * activity * s.sun.poa_w_m2 * area / 237.13e3;
        if (expected > 0) {
            CHECK(std::abs(s.h2_mol_s - expected) <= 1e-9 * expected);
            ++day;
        }
        CHECK(s.h2_kg_h == doctest::Approx(s.h2_mol_s * 2.01588e-3 * 3600).epsilon(1e-12));
        CHECK(s.o2_kg_h == doctest::Approx(s.h2_kg_h / 2.01588 * 31.9988 / 2).epsilon(1e-9));
        CHECK(s.water_kg_h == doctest::Approx(s.h2_kg_h * 8.937).epsilon(1e-3));  // hydrogen.md §6: 8.94 kg/kg
        if (s.sun.elevation_deg < -1.0) {
            CHECK(s.h2_kg_h == 0.0);
            CHECK(s.sun.poa_w_m2 == 0.0);
            ++night;
        }
        // The scene's sun is the one the panels used: the pure function at the tick mid-point.
        const SolarPosition ref = solarPosition(t + kMinute / 2, kAlmalykLatDeg, kAlmalykLonDeg);
        CHECK(std::abs(s.sun.elevation_deg - ref.elevation_deg) < 1e-4);
        CHECK(s.sun.time == t + kMinute / 2);
    }
    CHECK(day > 2000);
    CHECK(night > 1000);
}

TEST_CASE("without ageing the effective STH is the parameter, and the yield follows the POA integral exactly") {
    Params p = plantParams();
    REQUIRE(p.set("h2.ageing_per_h", 0.0));
    REQUIRE(p.set("h2.sth_percent", 5.0));
    REQUIRE(p.set("h2.panel_area_m2", 250.0));
    const Time start = at("2026-04-01T00:00:00+05:00");
    Hydrogen h(p, 1, start);
    EventSink ev;
    for (Time t = start; t < start + 10 * kDay; t += kMinute) h.step(t, kMinute, {.newPanelArea_m2 = 0.0, .cloudCover = 0.0}, ev);
    const HydrogenState& s = h.state();
    CHECK(s.activity == 1.0);
    CHECK(s.sth_effective_percent == 5.0);
    const double expected_kg = 0.05 * s.poa_kwh_m2 * 3.6e6 * 250.0 / 237.13e3 * 2.01588e-3;
    CHECK(s.photocatalytic_kg == doctest::Approx(expected_kg).epsilon(1e-9));
}

TEST_CASE("H2 mass balance: produced = served + stored change + vented; storage within [0, capacity]") {
    Params p = plantParams();
    REQUIRE(p.set("h2.sth_percent", 10.0));
    REQUIRE(p.set("h2.panel_area_m2", 50000.0));
    REQUIRE(p.set("h2.storage_capacity_kg", 20.0));
    const Time start = at("2026-06-21T00:00:00+05:00");
    Hydrogen h(p, 1, start);
    EventSink ev;
    int full = 0, empty = 0;
    for (Time t = start; t < start + 5 * kDay; t += kMinute) {
        h.step(t, kMinute, {.newPanelArea_m2 = 0.0, .cloudCover = 0.0}, ev);
        const HydrogenState& s = h.state();
        CHECK(s.storage_kg >= 0.0);
        CHECK(s.storage_kg <= 20.0);
        CHECK(s.photocatalytic_kg ==
              doctest::Approx(s.served_kg + s.storage_kg - s.storage_start_kg + s.vented_kg).epsilon(1e-9));
    }
    for (const Event& e : ev.events()) {
        full += e.kind == static_cast<std::uint16_t>(HydrogenEvent::StorageFull);
        empty += e.kind == static_cast<std::uint16_t>(HydrogenEvent::StorageEmpty);
    }
    CHECK(full >= 4);   // fills on each sunny day ...
    CHECK(empty >= 4);  // ... and runs dry each night at 4 kg/h
    CHECK(h.state().unserved_kg > 0.0);
}

TEST_CASE("separator fault vents all product gas; ageing follows exp(-k * sun hours); new area is fresh") {
    Params p = plantParams();
    REQUIRE(p.set("h2.panel_area_m2", 100.0));  // Domen's 100 m2 array, so the catalyst line's 100 m2 doubles it
    REQUIRE(p.set("h2.recoat_activity", 0.0));  // never recoated: the field starts fresh and only ages
    const Time start = at("2026-06-21T10:00:00+05:00");
    Hydrogen h(p, 1, start);
    EventSink ev;
    std::string why;
    CHECK_FALSE(h.setFault("smr.reformer", true, &why));
    CHECK(h.setFault("h2.separator", true, &why));
    h.step(start, kMinute, {.newPanelArea_m2 = 0.0, .cloudCover = 0.0}, ev);
    CHECK(h.state().h2_kg_h > 0.0);
    CHECK(h.state().h2_recovered_kg_h == 0.0);
    CHECK(h.state().recovered_kg == 0.0);
    REQUIRE(ev.events().size() >= 1);
    CHECK(ev.events()[0].kind == static_cast<std::uint16_t>(HydrogenEvent::SeparatorFault));
    CHECK(h.setFault("h2.separator", false, &why));
    h.step(start + kMinute, kMinute, {.newPanelArea_m2 = 0.0, .cloudCover = 0.0}, ev);
    CHECK(h.state().h2_recovered_kg_h == doctest::Approx(0.9 * h.state().h2_kg_h));

    const double k = p.get("h2.ageing_per_h");
    CHECK(h.state().activity == doctest::Approx(std::exp(-k * h.state().sun_hours_equiv)).epsilon(1e-12));
    const double a0 = h.state().activity;
    h.step(start + 2 * kMinute, kMinute, {.newPanelArea_m2 = 100.0, .cloudCover = 0.0}, ev);  // the catalyst line doubles the area
    CHECK(h.state().panel_area_m2 == doctest::Approx(200.0));
    CHECK(h.state().built_area_m2 == doctest::Approx(100.0));
    CHECK(h.state().activity > a0);
    CHECK(h.state().activity < 1.0);
}

TEST_CASE("extreme legal parameters give no NaN and no negative stock") {
    Params p = plantParams();
    REQUIRE(p.set("h2.sth_percent", 0.0));
    REQUIRE(p.set("h2.panel_area_m2", 0.0));
    REQUIRE(p.set("h2.storage_capacity_kg", 0.0));
    REQUIRE(p.set("h2.ageing_per_h", 0.01));
    REQUIRE(p.set("weather.cloud_cover", 1.0));
    REQUIRE(p.set("h2.clear_sky", 1.0));
    const Time start = at("2026-12-21T00:00:00+05:00");
    Weather w(p, 3, start);
    Hydrogen h(p, 3, start);
    EventSink ev;
    for (Time t = start; t < start + 2 * kDay; t += 10 * kMinute) {
        w.step(t, 10 * kMinute, ev);
        h.step(t, 10 * kMinute, {.newPanelArea_m2 = 0.0, .cloudCover = w.state().cloud_cover}, ev);
        const HydrogenState& s = h.state();
        CHECK(w.state().cloud_cover == 1.0);
        CHECK(std::isfinite(s.activity));
        CHECK(s.h2_kg_h == 0.0);
        CHECK(s.storage_kg == 0.0);
        CHECK(s.storage_fill == 0.0);
        CHECK(s.unserved_kg >= 0.0);
        CHECK(std::isfinite(s.sun.poa_w_m2));
    }
    CHECK(h.state().ghi_kwh_m2 > 0.0);  // overcast still gives 35 % diffuse light
}

TEST_CASE("annual GHI with the default weather is 1550-1750 kWh/m2 (60 s ticks, three seeds)") {
    for (std::uint64_t seed : {1ull, 2ull, 2026ull}) {
        const YearRun r = runYear(plantParams(), seed, kMinute);
        CAPTURE(seed);
        CHECK(r.ghi_kwh_m2 > 1550.0);
        CHECK(r.ghi_kwh_m2 < 1750.0);
        // hydrogen.md §7: a 30° south plane gets ≈ 1.11 x GHI.
        CHECK(r.poa_kwh_m2 / r.ghi_kwh_m2 > 1.05);
        CHECK(r.poa_kwh_m2 / r.ghi_kwh_m2 < 1.20);
    }
}

TEST_CASE("the weather is deterministic per seed and differs between seeds") {
    const Params p = plantParams();
    const Time tick = 30 * kMinute;
    CHECK(runYear(p, 7, tick).hash == runYear(p, 7, tick).hash);
    CHECK(runYear(p, 7, tick).hash != runYear(p, 8, tick).hash);
}

TEST_CASE("monthly sunshine hours track the Tashkent WMO record within 15 % (20-year mean)") {
    const YearRun r = runYear(plantParams(), 11, 20 * kMinute, 20);
    const auto& target = monthlySunshineTarget_h();
    double total = 0;
    for (int m = 0; m < 12; ++m) {
        CAPTURE(m + 1);
        CHECK(std::abs(r.sunshine_h[m] - target[m]) < 0.15 * target[m]);
        total += r.sunshine_h[m];
    }
    CHECK(std::abs(total - 2823.9) < 0.05 * 2823.9);  // annual WMO total
}

TEST_CASE("fixed cloud cover overrides the weather; sky events come at local midnight") {
    Params p = plantParams();
    const Time start = at("2026-03-01T00:00:00+05:00");
    {
        Weather w(p, 5, start);
        EventSink ev;
        int changes = 0;
        for (Time t = start; t < start + 60 * kDay; t += kHour) {
            w.step(t, kHour, ev);
            CHECK(w.state().cloud_cover >= 0.0);
            CHECK(w.state().cloud_cover <= 1.0);
        }
        for (const Event& e : ev.events()) {
            ++changes;
            CHECK(e.unit == Unit::Weather);
            CHECK(toLocalCivil(e.time).hour == 0);
        }
        CHECK(changes > 5);
    }
    REQUIRE(p.set("weather.cloud_cover", 0.4));
    Weather w(p, 5, start);
    EventSink ev;
    w.step(start, kHour, ev);
    CHECK(w.state().cloud_cover == 0.4);
    CHECK_FALSE(w.state().stochastic);
    CHECK(w.state().sky == Sky::Partly);
}
