#include "sim/gas_field.h"

#include <algorithm>
#include <cmath>

namespace sim {
namespace {

constexpr double kPsiaPerBar = 14.5037738;
constexpr double kRankinePerKelvin = 1.8;

double finiteNonNegative(double v) { return std::isfinite(v) ? std::max(0.0, v) : 0.0; }

}  // namespace

void registerGasFieldParams(Params& p) {
    // A Gazli-type depleted field of the Bukhara-Khiva region (docs/hydrogen_supply.md §4). The country-level facts
    // are sourced (output 60.5 bcm in 2019 -> 44.6 bcm in 2024; Gazli department 195 bcm of current reserves);
    // the field's own numbers are estimates (E) chosen to look like a field 80 % produced.
    p.add({.name = "gas.giip_bcm", .unit = "bcm", .def = 100.0, .min = 0.001, .max = 1.0e4,
           .description = "Initial gas in place of the depleted field, 10^9 Nm3 (E: a Gazli-type field)"});
    p.add({.name = "gas.recovered_pct", .unit = "%", .def = 80.0, .min = 0.0, .max = 100.0,
           .description = "Share of the gas in place already produced at the start (E: late-life Uzbek fields)"});
    p.add({.name = "gas.p_initial_bar", .unit = "bar", .def = 120.0, .min = 1.0, .max = 1000.0,
           .description = "Reservoir pressure at discovery, bar abs (E: ~1.2 km deep, hydrostatic)"});
    p.add({.name = "gas.temperature_c", .unit = "C", .def = 70.0, .min = 0.0, .max = 250.0,
           .description = "Reservoir temperature (E: ~1.2 km at 3 C/100 m + 30 C surface)"});
    p.add({.name = "gas.gravity", .unit = "-", .def = 0.60, .min = 0.55, .max = 1.2,
           .description = "Gas specific gravity, air = 1 (lean methane-rich gas ~0.6)"});
    p.add({.name = "gas.co2_pct", .unit = "%", .def = 3.0, .min = 0.0, .max = 50.0,
           .description = "CO2 content of the produced gas, mol % (E: Bukhara-Khiva gases carry a few %)"});
    p.add({.name = "gas.rate_start_mm3_d", .unit = "Mm3/d", .def = 1.5, .min = 0.0, .max = 1000.0,
           .description = "Field delivery at the start, million Nm3 per day (E: ~0.55 bcm/yr late-life plateau)"});
    p.add({.name = "gas.p_abandon_bar", .unit = "bar", .def = 10.0, .min = 0.0, .max = 500.0,
           .description = "Reservoir pressure below which the field compressors cannot produce (E)"});
    p.add({.name = "gas.backpressure_n", .unit = "-", .def = 0.8, .min = 0.5, .max = 1.0,
           .description = "Exponent of the back-pressure curve q = C (p^2 - p_ab^2)^n (0.5 turbulent .. 1 laminar)"});
    p.add({.name = "ccs.capacity_mt", .unit = "Mt", .def = 2.0, .min = 0.0, .max = 1.0e4,
           .description = "CO2 the depleted storage reservoir can take (E: a ~1 bcm satellite pool, docs/hydrogen_supply.md)"});
    p.add({.name = "ccs.stored_start_mt", .unit = "Mt", .def = 0.0, .min = 0.0, .max = 1.0e4,
           .description = "CO2 already stored at the start"});
}

double gasZFactor(double p_bar, double T_K, double gravity) {
    // Sutton (1985) pseudo-criticals for natural gas, field units; Papay (1968): z = 1 − 3.52 Ppr / 10^(0.9813 Tpr)
    // + 0.274 Ppr² / 10^(0.8157 Tpr) (within a few % of the Standing-Katz chart for Tpr 1.2-3, Ppr < 6).
    const double tpc_R = 169.2 + 349.5 * gravity - 74.0 * gravity * gravity;
    const double ppc_psia = 756.8 - 131.0 * gravity - 3.6 * gravity * gravity;
    const double tpr = T_K * kRankinePerKelvin / tpc_R;
    const double ppr = std::max(0.0, p_bar) * kPsiaPerBar / ppc_psia;
    const double z = 1.0 - 3.52 * ppr / std::pow(10.0, 0.9813 * tpr) + 0.274 * ppr * ppr / std::pow(10.0, 0.8157 * tpr);
    return std::clamp(z, 0.3, 1.2);
}

GasField::GasField(const Params& p, std::uint64_t /*seed: deterministic*/, Time /*start*/) {
    applyParams(p);
    m_state.produced_bcm = p.get("gas.giip_bcm") * p.get("gas.recovered_pct") / 100.0;
    m_state.co2_stored_t = p.get("ccs.stored_start_mt") * 1e6;
    applyParams(p);  // capacity left, with the stored start
    m_state.pressure_bar = p.get("gas.p_initial_bar");
    solvePressure(30);  // cold start: converge fully
    // The back-pressure coefficient that gives the stated rate now.
    const double dp2 = m_state.pressure_bar * m_state.pressure_bar - m_pAbandon * m_pAbandon;
    m_C = dp2 > 0.0 ? p.get("gas.rate_start_mm3_d") * 1e6 / 24.0 / std::pow(dp2, m_n) : 0.0;
    m_state.rate_nm3_h = dp2 > 0.0 ? m_C * std::pow(dp2, m_n) : 0.0;
    m_abandoned = dp2 <= 0.0;
}

void GasField::applyParams(const Params& p) {
    m_giip_nm3 = p.get("gas.giip_bcm") * 1e9;
    m_T_K = p.get("gas.temperature_c") + 273.15;
    m_gravity = p.get("gas.gravity");
    const double pi = p.get("gas.p_initial_bar");
    m_pzInitial = pi / gasZFactor(pi, m_T_K, m_gravity);
    m_pAbandon = p.get("gas.p_abandon_bar");
    m_n = p.get("gas.backpressure_n");
    m_co2Frac = p.get("gas.co2_pct") / 100.0;
    m_state.co2_pct = p.get("gas.co2_pct");
    m_state.capacity_t = p.get("ccs.capacity_mt") * 1e6;
    // Recoverable down to p_ab: Gp_ab = G (1 − (p/z)_ab / (p/z)_i).
    const double pzAb = m_pAbandon > 0.0 ? m_pAbandon / gasZFactor(m_pAbandon, m_T_K, m_gravity) : 0.0;
    m_recoverable_nm3 = m_pzInitial > 0.0 ? std::max(0.0, m_giip_nm3 * (1.0 - pzAb / m_pzInitial)) : 0.0;
    m_state.capacity_left_pct =
        m_state.capacity_t > 0.0 ? 100.0 * std::max(0.0, m_state.capacity_t - m_state.co2_stored_t) / m_state.capacity_t : 0.0;
}

void GasField::solvePressure(int iterations) {
    GasFieldState& s = m_state;
    const double produced = s.produced_bcm * 1e9;
    s.p_over_z_bar = m_giip_nm3 > 0.0 ? std::max(0.0, m_pzInitial * (1.0 - produced / m_giip_nm3)) : 0.0;
    // p = (p/z) · z(p): z varies slowly with p, so the fixed point contracts fast; last tick's p is a warm start.
    double p = s.pressure_bar > 0.0 ? s.pressure_bar : s.p_over_z_bar;
    for (int i = 0; i < iterations; ++i) p = s.p_over_z_bar * gasZFactor(p, m_T_K, m_gravity);
    s.pressure_bar = p;
    s.z = s.p_over_z_bar > 0.0 ? p / s.p_over_z_bar : 1.0;
    s.reserve_left_pct = m_recoverable_nm3 > 0.0
                             ? 100.0 * std::max(0.0, m_recoverable_nm3 - produced) / m_recoverable_nm3 : 0.0;
}

void GasField::step(Time t0, Time dt, double reformerCh4_kg_h, double co2Captured_kg_h, EventSink& ev) {
    GasFieldState& s = m_state;
    const double dt_h = toHours(dt);
    if (m_changed) {
        ev.emit(t0, Unit::GasField, s.injection_ok ? GasFieldEvent::InjectionRestored : GasFieldEvent::InjectionTripped,
                -1, s.injection_ok ? 0.0 : finiteNonNegative(co2Captured_kg_h) / 1000.0);
        m_changed = false;
    }
    // Delivery from the back-pressure curve at the reservoir pressure at the start of the tick.
    const double dp2 = s.pressure_bar * s.pressure_bar - m_pAbandon * m_pAbandon;
    s.rate_nm3_h = dp2 > 0.0 ? m_C * std::pow(dp2, m_n) : 0.0;
    if (dp2 <= 0.0 && !m_abandoned) ev.emit(t0, Unit::GasField, GasFieldEvent::Abandonment, -1, s.pressure_bar);
    m_abandoned = dp2 <= 0.0;
    const double produced = std::min(s.rate_nm3_h * dt_h, std::max(0.0, m_giip_nm3 - s.produced_bcm * 1e9));
    s.produced_run_nm3 += produced;
    s.produced_bcm += produced / 1e9;
    s.to_reformer_nm3_h = finiteNonNegative(reformerCh4_kg_h) / kCh4DensityNormal_kg_m3 / std::max(1e-9, 1.0 - m_co2Frac);
    solvePressure(2);

    // Injection of the captured CO2, within the reservoir's capacity.
    const double captured_t = finiteNonNegative(co2Captured_kg_h) / 1000.0 * dt_h;
    const double room_t = std::max(0.0, s.capacity_t - s.co2_stored_t);
    const double injected_t = s.injection_ok ? std::min(captured_t, room_t) : 0.0;
    const double vented_t = captured_t - injected_t;
    s.co2_stored_t += injected_t;
    s.co2_injected_t += injected_t;
    s.co2_vented_t += vented_t;
    s.co2_injected_t_h = dt_h > 0.0 ? injected_t / dt_h : 0.0;
    s.co2_vented_t_h = dt_h > 0.0 ? vented_t / dt_h : 0.0;
    const bool full = s.capacity_t <= s.co2_stored_t && captured_t > 0.0;
    if (full && !m_full) ev.emit(t0 + dt, Unit::GasField, GasFieldEvent::StorageFull, -1, s.co2_stored_t);
    m_full = full;
    s.capacity_left_pct = s.capacity_t > 0.0 ? 100.0 * std::max(0.0, s.capacity_t - s.co2_stored_t) / s.capacity_t : 0.0;
}

bool GasField::setFault(const std::string& target, bool on, std::string*) {
    if (target != "gas.injection") return false;
    if (m_state.injection_ok == on) m_changed = !m_changed;  // a repeat of the same state is no change
    m_state.injection_ok = !on;
    return true;
}

void GasField::hashInto(Hasher& h) const {
    const GasFieldState& s = m_state;
    for (double v : {s.rate_nm3_h, s.pressure_bar, s.produced_bcm, s.produced_run_nm3, s.co2_stored_t,
                     s.co2_injected_t, s.co2_vented_t, m_C})
        h.add(v);
    h.add(s.injection_ok);
    h.add(m_full);
    h.add(m_abandoned);
}

}  // namespace sim
