// sim/gas_field.h — the "raw materials from depleted hydrocarbon deposits": the reformer's natural gas from a depleted
// gas field, and the reformer's captured CO2 compressed and injected back into a depleted reservoir
// (docs/hydrogen_supply.md §4; Uzbekistan's output fell from 60.5 bcm in 2019 to 44.6 bcm in 2024 as its large
// fields deplete).
// Use: registerGasFieldParams(p); GasField g(p, seed, start);
//      each tick g.step(t0, dt, smr.state().ch4_kg_h, smr.state().co2_captured_kg_h, ev); g.state() for the rest.
// Model: a volumetric dry-gas reservoir (no water drive), material balance
//   p/z = (p/z)_i · (1 − Gp / G),   G = gas.giip_bcm, Gp = produced since discovery (gas.recovered_pct of G at start),
// z from Papay's explicit correlation with Sutton's pseudo-critical properties for gas.gravity (p solved from p/z by
// fixed-point iteration, warm-started each tick). The field delivers q = C · (p² − p_ab²)^n (Rawlins–Schellhardt
// back-pressure curve) with C fixed so q = gas.rate_start_mm3_d at the start and p_ab = gas.p_abandon_bar, the
// pressure the field compressors can no longer produce against; so rate and pressure decline together. The reformer
// takes its share of that gas (its CH4 plus the gas's CO2 content, gas.co2_pct). Recoverable reserve = gas down to
// p_ab; reserve_left_pct = what is left of it as a share of the recoverable reserve at discovery.
// CCS: the reformer's captured CO2 is compressed and injected into a depleted reservoir of ccs.capacity_mt; a
// "gas.injection" fault (compressor trip) vents the captured CO2 instead, as does a full reservoir.
// Errors: setFault returns false for targets other than "gas.injection". Inputs that are negative or not finite count
// as 0; nothing is NaN or negative at any legal parameter.
// Does NOT: model wells, water influx, condensate, the gas processing plant, the pipeline to Almalyk, CO2 plume
// pressure build-up, or the field's supply of anyone but as its total rate (the reformer's take is a tiny share).
#pragma once
#include <cstdint>
#include <string>

#include "sim/events.h"
#include "sim/hash.h"
#include "sim/params.h"
#include "sim/time.h"

namespace sim {

void registerGasFieldParams(Params& p);  // gas.*, ccs.*

constexpr double kCh4DensityNormal_kg_m3 = 0.7168;  // CH4 at 0 °C, 1 atm (NIST: 16.043 g/mol / 22.38 L/mol)

// Gas deviation factor z (Papay 1968, explicit) at p (bar abs) and T (K) for a sweet gas of specific gravity
// `gravity` (air = 1), pseudo-critical properties from Sutton (1985). Clamped to a sane [0.3, 1.2].
double gasZFactor(double p_bar, double T_K, double gravity);

enum class GasFieldEvent : std::uint16_t {
    InjectionTripped,   // "gas.injection" fault set: captured CO2 vented; value = t/h now vented
    InjectionRestored,  // fault cleared
    StorageFull,        // the CO2 reservoir reached its capacity; value = t stored
    Abandonment,        // reservoir pressure reached gas.p_abandon_bar: the field stops delivering; value = bar
};

struct GasFieldState {
    // Field.
    double rate_nm3_h = 0.0;          // field delivery
    double to_reformer_nm3_h = 0.0;   // the reformer's take (raw gas, CO2 included)
    double pressure_bar = 0.0;        // average reservoir pressure
    double z = 1.0;
    double p_over_z_bar = 0.0;
    double produced_bcm = 0.0;        // since discovery (10^9 Nm3)
    double produced_run_nm3 = 0.0;    // during this run
    double reserve_left_pct = 0.0;    // recoverable gas left / recoverable reserve at discovery
    double co2_pct = 0.0;             // CO2 content of the produced gas (mol %)
    // CO2 storage.
    double co2_injected_t_h = 0.0;
    double co2_vented_t_h = 0.0;      // captured but vented (compressor trip, reservoir full)
    double co2_stored_t = 0.0;        // in the reservoir (start + injected)
    double co2_injected_t = 0.0;      // during this run
    double co2_vented_t = 0.0;        // during this run
    double capacity_t = 0.0;
    double capacity_left_pct = 0.0;
    bool injection_ok = true;
};

class GasField {
public:
    GasField(const Params& p, std::uint64_t seed, Time start);
    void applyParams(const Params& p);
    // reformerCh4_kg_h: natural gas (as CH4) the reformer burned and reformed; co2Captured_kg_h: its captured CO2.
    void step(Time t0, Time dt, double reformerCh4_kg_h, double co2Captured_kg_h, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);
    const GasFieldState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

private:
    void solvePressure(int iterations);

    double m_giip_nm3 = 0, m_pzInitial = 0, m_T_K = 0, m_gravity = 0.6, m_pAbandon = 0, m_n = 0.8, m_C = 0;
    double m_co2Frac = 0, m_recoverable_nm3 = 0;
    bool m_changed = false, m_full = false, m_abandoned = false;
    GasFieldState m_state;
};

}  // namespace sim
