// sim/smr.h — the steam methane reformer beside the panels: the grey/blue benchmark (hydrogen.md §4, §8.5).
// Use: registerSmrParams(p); Smr s(p, seed, start); each tick s.step(t0, dt, ev); s.state() for rates and totals.
// Model (steady state per kg H2): CH4 in = smr.ch4_per_kg_h2 (feed + fuel; 3.7 kg, IEA/CATF), process steam =
// S/C · (feed CH4 mol) · 18.015 g/mol, CO2 = CH4 · 44.01/16.04 (all carbon leaves as CO2), of which
// smr.capture_fraction is captured. Output = smr.capacity_kg_h · smr.load. A "smr.reformer" fault trips the
// reformer; after it clears, output ramps linearly back over smr.restart_h (the furnace reheats slowly).
// The parameter floor of 2.0 kg CH4/kg H2 sits just above the stoichiometric minimum of CH4 + 2H2O → CO2 + 4H2
// (1.99 kg CH4, 5.46 kg CO2 per kg H2), so every legal setting burns at least that.
// Errors: setFault returns false for targets other than "smr.reformer".
// Does NOT: solve the reforming equilibrium (§8.5 optional), model start-up gas burned while hot-standby, or the
// CO2 compression energy of capture (that sits in the economics as a cost).
#pragma once
#include <cstdint>
#include <string>

#include "sim/events.h"
#include "sim/hash.h"
#include "sim/params.h"
#include "sim/time.h"

namespace sim {

void registerSmrParams(Params& p);  // smr.*

constexpr double kMolarMassCH4_kg_mol = 16.0425e-3;
constexpr double kMolarMassCO2_kg_mol = 44.0095e-3;
// Stoichiometry of CH4 + 2H2O → CO2 + 4H2 per kg H2 (hydrogen.md §4: 1.99 and 5.46 kg/kg).
constexpr double kStoichCH4PerKgH2 = kMolarMassCH4_kg_mol / (4.0 * 2.01588e-3);
constexpr double kStoichCO2PerKgH2 = kMolarMassCO2_kg_mol / (4.0 * 2.01588e-3);
// Fraction of the natural gas that is process feed (the rest is burned in the furnace, hydrogen.md §4: ~1/3 fuel).
constexpr double kSmrFeedShare = 2.0 / 3.0;

enum class SmrEvent : std::uint16_t {
    Tripped,      // "smr.reformer" fault set; value = output kg/h lost
    Restarting,   // fault cleared, ramp begins; value = smr.restart_h
    AtCapacity,   // ramp finished; value = kg/h
};

struct SmrState {
    double h2_kg_h = 0.0;
    double ch4_kg_h = 0.0;
    double steam_kg_h = 0.0;           // process steam
    double co2_kg_h = 0.0;             // emitted (after capture)
    double co2_captured_kg_h = 0.0;
    double load = 0.0;                 // current output / capacity
    bool tripped = false;
    // Cumulative totals.
    double smr_kg = 0.0;
    double smr_ch4_kg = 0.0;
    double steam_kg = 0.0;
    double co2_kg = 0.0;               // emitted
    double co2_captured_kg = 0.0;
    // Last tick.
    double h2Tick_kg = 0.0;
    double co2Tick_kg = 0.0;
};

class Smr {
public:
    Smr(const Params& p, std::uint64_t seed, Time start);
    void applyParams(const Params& p);
    void step(Time t0, Time dt, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);
    const SmrState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

private:
    double m_capacity_kg_h = 0, m_loadSetting = 1, m_capture = 0, m_ch4PerKg = 3.7, m_steamToCarbon = 3, m_restart_h = 4;
    double m_ramp = 1.0;  // 0..1 availability after a trip
    bool m_pendingTrip = false, m_pendingRestart = false;
    SmrState m_state;
};

}  // namespace sim
