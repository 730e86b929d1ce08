// Depleted gas field and CO2 store: z against the Standing-Katz chart, p/z falls on a straight line in cumulative
// production whose intercept is the gas in place (the classic p/z plot, fitted here by least squares), reserve
// bookkeeping, the back-pressure decline, and CO2 injection with its fault and capacity.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "sim/gas_field.h"

using namespace sim;

namespace {

Params fieldParams() {
    Params p;
    registerGasFieldParams(p);
    return p;
}

}  // namespace

TEST_CASE("gas field: z matches the Standing-Katz chart; an ideal gas at low pressure") {
    // Sutton for gravity 0.6: Tpc = 169.2 + 349.5·0.6 − 74·0.36 = 352.3 °R (195.7 K), Ppc = 756.8 − 78.6 − 1.3 =
    // 676.9 psia (46.67 bar). Tpr 1.7, Ppr 2.5 -> T = 332.7 K, p = 116.7 bar; the Standing-Katz chart reads z ≈ 0.88.
    CHECK(gasZFactor(116.7, 332.7, 0.6) == doctest::Approx(0.88).epsilon(0.02));
    // Tpr 1.5, Ppr 1.0 (T 293.6 K, p 46.7 bar): chart z ≈ 0.89.
    CHECK(gasZFactor(46.7, 293.6, 0.6) == doctest::Approx(0.89).epsilon(0.02));
    CHECK(gasZFactor(1.0, 333.0, 0.6) == doctest::Approx(1.0).epsilon(0.005));
}

TEST_CASE("gas field: p/z is linear in cumulative production and extrapolates to the gas in place") {
    Params p = fieldParams();
    REQUIRE(p.set("gas.giip_bcm", 1.0));
    REQUIRE(p.set("gas.recovered_pct", 20.0));
    REQUIRE(p.set("gas.rate_start_mm3_d", 0.8));  // ~0.29 bcm a year from a 1 bcm pool: visible depletion
    GasField g(p, 1, 0);
    EventSink ev;
    std::vector<double> gp, pz;
    double integrated_nm3 = 0.0, lastRate = g.state().rate_nm3_h + 1e-9, lastP = g.state().pressure_bar;
    const double recoverable0 = g.state().reserve_left_pct;
    for (int h = 0; h < 2 * 8760; ++h) {
        g.step(h * kHour, kHour, 0.0, 0.0, ev);
        const GasFieldState& s = g.state();
        integrated_nm3 += s.rate_nm3_h;  // the hour's rate (from the pressure at its start) times 1 h
        CHECK(s.rate_nm3_h <= lastRate + 1e-9);  // declining ...
        CHECK(s.pressure_bar <= lastP + 1e-12);  // ... with the pressure
        lastRate = s.rate_nm3_h;
        lastP = s.pressure_bar;
        if (h % 100 == 0) {
            gp.push_back(s.produced_bcm);
            // p/z from the solved pressure and an independent z evaluation (not the state's p/z).
            pz.push_back(s.pressure_bar / gasZFactor(s.pressure_bar, 70.0 + 273.15, 0.6));
        }
    }
    // Reserve bookkeeping: produced during the run = ∫ rate dt; since discovery = start + run.
    CHECK(g.state().produced_run_nm3 == doctest::Approx(integrated_nm3).epsilon(1e-9));
    CHECK(g.state().produced_bcm == doctest::Approx(0.2 + integrated_nm3 / 1e9).epsilon(1e-9));
    CHECK(g.state().reserve_left_pct < recoverable0);
    // Least-squares line p/z = a + b·Gp: near-perfect fit, intercept on the Gp axis −a/b = G = 1 bcm.
    const double n = static_cast<double>(gp.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    for (std::size_t i = 0; i < gp.size(); ++i) {
        sx += gp[i]; sy += pz[i]; sxx += gp[i] * gp[i]; sxy += gp[i] * pz[i]; syy += pz[i] * pz[i];
    }
    const double b = (n * sxy - sx * sy) / (n * sxx - sx * sx), a = (sy - b * sx) / n;
    const double r2 = std::pow(n * sxy - sx * sy, 2) / ((n * sxx - sx * sx) * (n * syy - sy * sy));
    CHECK(r2 > 0.99999);
    CHECK(-a / b == doctest::Approx(1.0).epsilon(0.005));
    // Intercept at Gp = 0 is p_i / z_i: 120 bar at 70 C.
    CHECK(a == doctest::Approx(120.0 / gasZFactor(120.0, 343.15, 0.6)).epsilon(0.005));
}

TEST_CASE("gas field: captured CO2 is injected until a compressor trip vents it; capacity bounds the store") {
    Params p = fieldParams();
    REQUIRE(p.set("ccs.capacity_mt", 1.5e-6));  // 1.5 t
    GasField g(p, 1, 0);
    EventSink ev;
    for (int h = 0; h < 10; ++h) g.step(h * kHour, kHour, 20.0, 100.0, ev);  // 100 kg/h for 10 h = 1 t
    CHECK(g.state().co2_stored_t == doctest::Approx(1.0));
    CHECK(g.state().capacity_left_pct == doctest::Approx(100.0 / 3.0));
    std::string why;
    CHECK_FALSE(g.setFault("smr.reformer", true, &why));
    CHECK(g.setFault("gas.injection", true, &why));
    for (int h = 10; h < 14; ++h) g.step(h * kHour, kHour, 20.0, 100.0, ev);
    CHECK(g.state().co2_stored_t == doctest::Approx(1.0));
    CHECK(g.state().co2_vented_t == doctest::Approx(0.4));
    CHECK(g.state().co2_vented_t_h == doctest::Approx(0.1));
    CHECK(g.setFault("gas.injection", false, &why));
    for (int h = 14; h < 24; ++h) g.step(h * kHour, kHour, 20.0, 100.0, ev);
    CHECK(g.state().co2_stored_t == doctest::Approx(1.5));  // full at 1.5 t; the rest vented
    CHECK(g.state().co2_vented_t == doctest::Approx(0.4 + 0.5));
    CHECK(g.state().capacity_left_pct == doctest::Approx(0.0));
    // Conservation: captured = injected + vented.
    CHECK(g.state().co2_injected_t + g.state().co2_vented_t == doctest::Approx(24 * 0.1));
    int tripped = 0, full = 0;
    for (const Event& e : ev.events()) {
        tripped += e.kind == static_cast<std::uint16_t>(GasFieldEvent::InjectionTripped);
        full += e.kind == static_cast<std::uint16_t>(GasFieldEvent::StorageFull);
    }
    CHECK(tripped == 1);
    CHECK(full == 1);
    // The reformer's take: 20 kg/h CH4 at 0.7168 kg/Nm3 with 3 % CO2 = 27.90/0.97 = 28.77 Nm3/h of raw gas.
    CHECK(g.state().to_reformer_nm3_h == doctest::Approx(20.0 / 0.7168 / 0.97).epsilon(1e-6));
}

TEST_CASE("gas field: a fully produced or abandoned field delivers nothing, finitely") {
    Params p = fieldParams();
    REQUIRE(p.set("gas.recovered_pct", 100.0));
    GasField g(p, 1, 0);
    EventSink ev;
    for (int h = 0; h < 48; ++h) g.step(h * kHour, kHour, NAN, -5.0, ev);
    const GasFieldState& s = g.state();
    CHECK(s.rate_nm3_h == 0.0);
    CHECK(s.pressure_bar == 0.0);
    CHECK(s.reserve_left_pct == 0.0);
    CHECK(std::isfinite(s.z));
    CHECK(s.co2_stored_t == 0.0);
    CHECK(s.to_reformer_nm3_h == 0.0);
}
