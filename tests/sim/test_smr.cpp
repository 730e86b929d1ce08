// Steam methane reformer: stoichiometric floors (CH4 + 2H2O -> CO2 + 4H2), capture split, trip and ramp.
#include <doctest/doctest.h>

#include "sim/smr.h"

using namespace sim;

namespace {

// Molar masses from IUPAC standard atomic weights, independent of the unit's constants.
constexpr double kC = 12.011, kH = 1.008, kO = 15.999;
constexpr double kStoichCh4 = (kC + 4 * kH) / (4 * 2 * kH);   // 1.99 kg CH4 / kg H2
constexpr double kStoichCo2 = (kC + 2 * kO) / (4 * 2 * kH);   // 5.46 kg CO2 / kg H2

// The dispatcher asks for more than the reformer can make: it runs at smr.load · capacity.
const SmrCall kFull{.shortfall_kg_h = 1e9, .storage_kg = 0.0, .storage_capacity_kg = 100.0, .feed_co2_molfrac = 0.0};

struct PerKg {
    double ch4, co2, captured, steam;
};

PerKg runHour(Params& p) {
    Smr s(p, 1, 0);
    EventSink ev;
    for (int i = 0; i < 60; ++i) s.step(i * kMinute, kMinute, kFull, ev);
    const SmrState& st = s.state();
    REQUIRE(st.smr_kg > 0.0);
    return {st.smr_ch4_kg / st.smr_kg, st.co2_kg / st.smr_kg, st.co2_captured_kg / st.smr_kg, st.steam_kg / st.smr_kg};
}

}  // namespace

TEST_CASE("without capture the reformer uses >= 1.99 kg CH4 and emits >= 5.46 kg CO2 per kg H2") {
    CHECK(kStoichCh4 == doctest::Approx(1.99).epsilon(0.002));
    CHECK(kStoichCo2 == doctest::Approx(5.46).epsilon(0.002));
    Params p;
    registerSmrParams(p);
    for (double ch4 : {p.get("smr.ch4_per_kg_h2"), p.find("smr.ch4_per_kg_h2")->min, 8.0}) {
        CAPTURE(ch4);
        REQUIRE(p.set("smr.ch4_per_kg_h2", ch4));
        const PerKg k = runHour(p);
        CHECK(k.ch4 >= 1.99);
        CHECK(k.co2 >= 5.46);
        CHECK(k.ch4 >= kStoichCh4);
        CHECK(k.co2 >= kStoichCo2);
        CHECK(k.captured == 0.0);
        // All carbon leaves as CO2: 44.01/16.04 kg CO2 per kg CH4.
        CHECK(k.co2 / k.ch4 == doctest::Approx((kC + 2 * kO) / (kC + 4 * kH)).epsilon(1e-4));
    }
    // Default 3.7 kg CH4/kg: ≈10.2 kg CO2/kg (hydrogen.md §4, §8.5).
    REQUIRE(p.set("smr.ch4_per_kg_h2", 3.7));
    CHECK(runHour(p).co2 == doctest::Approx(10.2).epsilon(0.01));
}

TEST_CASE("capture splits the CO2: emitted (1 - f), captured f") {
    Params p;
    registerSmrParams(p);
    const PerKg grey = runHour(p);
    REQUIRE(p.set("smr.capture_fraction", 0.9));
    const PerKg blue = runHour(p);
    CHECK(blue.co2 == doctest::Approx(0.1 * grey.co2));
    CHECK(blue.captured == doctest::Approx(0.9 * grey.co2));
    CHECK(blue.ch4 == doctest::Approx(grey.ch4));
    // Process steam: S/C 3 on the feed carbon (2/3 of 3.7 kg CH4) -> 3 * 2.467/16.04 * 18.02 kg.
    CHECK(grey.steam == doctest::Approx(3.0 * (2.0 / 3.0 * 3.7) / 16.0425 * 18.015).epsilon(1e-3));
}

TEST_CASE("a reformer trip stops output; after clearing it ramps back linearly over smr.restart_h") {
    Params p;
    registerSmrParams(p);
    REQUIRE(p.set("smr.capacity_kg_h", 10.0));
    REQUIRE(p.set("smr.restart_h", 4.0));
    Smr s(p, 1, 0);
    EventSink ev;
    std::string why;
    CHECK_FALSE(s.setFault("h2.separator", true, &why));
    CHECK(s.setFault("smr.reformer", true, &why));
    s.step(0, kHour, kFull, ev);
    CHECK(s.state().h2_kg_h == 0.0);
    CHECK(s.state().co2_kg_h == 0.0);
    CHECK(s.state().smr_kg == 0.0);
    CHECK(s.setFault("smr.reformer", false, &why));
    const double before = s.state().smr_kg;
    for (int i = 0; i < 6 * 60; ++i) s.step(kHour + i * kMinute, kMinute, kFull, ev);
    // 4 h ramp (mean half output) + 2 h at full: 4*5 + 2*10 = 40 kg.
    CHECK(s.state().smr_kg - before == doctest::Approx(40.0).epsilon(1e-6));
    CHECK(s.state().load == doctest::Approx(1.0));
    int tripped = 0, restarting = 0, full = 0;
    for (const Event& e : ev.events()) {
        tripped += e.kind == static_cast<std::uint16_t>(SmrEvent::Tripped);
        restarting += e.kind == static_cast<std::uint16_t>(SmrEvent::Restarting);
        if (e.kind == static_cast<std::uint16_t>(SmrEvent::AtCapacity)) {
            ++full;
            CHECK(e.time == 5 * kHour);
        }
    }
    CHECK(tripped == 1);
    CHECK(restarting == 1);
    CHECK(full == 1);
}
