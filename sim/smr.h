// sim/smr.h — the steam methane reformer beside the panels: the grey/blue benchmark (hydrogen.md §4, §8.5).
// Use: registerSmrParams(p); Smr s(p, seed, start); each tick s.step(t0, dt, call, ev) with the dispatch call
//      (World: PRMiTS shortfall after the panels and the store's level, from the last tick); s.state().h2Tick_kg is
//      what it delivered into the H2 header (Hydrogen::step serves it after the panels and their stored gas).
// Model (steady state per kg H2): CH4 in = smr.ch4_per_kg_h2 (feed + fuel; 3.7 kg, IEA/CATF), process steam =
// S/C · (feed CH4 mol) · 18.015 g/mol, CO2 = CH4 · 44.01/16.04 (all carbon leaves as CO2), of which
// smr.capture_fraction is captured. Output = smr.capacity_kg_h · smr.load. A "smr.reformer" fault trips the
// reformer; after it clears, output ramps linearly back over smr.restart_h (the furnace reheats slowly).
// Dispatch (smr.mode = follow, docs/hydrogen_supply.md §3): the reformer load-follows the shortfall
// (demand − recovered photocatalytic H2) between its minimum turndown smr.turndown · capacity and smr.load · capacity.
// It comes online from hot standby when the store's cover (kg / shortfall) falls below smr.start_cover_h and ramps
// up over smr.hot_start_h; it goes back to hot standby once the store has refilled to smr.stop_fill (its turndown
// surplus and the panels' surplus refill it in the morning). Between the two marks it holds its state (hysteresis). Hot standby burns smr.standby_fuel_pct of its full-load gas to keep the tubes hot (CO2 to air).
// smr.mode = base runs it at smr.load · capacity around the clock (the old fixed load).
// CO2 in the feed gas (the depleted field's CO2 content) leaves with the process CO2 and is captured at the same rate.
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
    Online,       // called from hot standby; value = shortfall kg/h
    Standby,      // back to hot standby; value = store fill 0..1
};

// The dispatcher's call on the reformer (World fills it from the last tick's Hydrogen and GasField state).
struct SmrCall {
    double shortfall_kg_h = 0.0;       // demand − recovered photocatalytic H2 (negative: the panels make a surplus)
    double storage_kg = 0.0;
    double storage_capacity_kg = 0.0;
    double feed_co2_molfrac = 0.0;     // CO2 in the feed gas (0..0.5)
};

struct SmrState {
    double h2_kg_h = 0.0;
    double ch4_kg_h = 0.0;
    double steam_kg_h = 0.0;           // process steam
    double co2_kg_h = 0.0;             // emitted (after capture)
    double co2_captured_kg_h = 0.0;
    double load = 0.0;                 // current output / capacity
    double setpoint_kg_h = 0.0;        // what the dispatcher asked for (after turndown and capacity)
    bool tripped = false;
    bool online = false;               // false: hot standby (no H2, standby gas burned)
    double standby_h = 0.0;            // cumulative hours in hot standby
    int starts = 0;                    // standby → online calls
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
    void step(Time t0, Time dt, const SmrCall& call, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);
    const SmrState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

private:
    void startUp();  // hot standby -> online: ramps up over smr.hot_start_h
    double m_capacity_kg_h = 0, m_loadSetting = 1, m_capture = 0, m_ch4PerKg = 3.7, m_steamToCarbon = 3, m_restart_h = 4;
    double m_turndown = 0.3, m_standbyFuel = 0.1, m_startCover_h = 2, m_stopFill = 0.9, m_hotStart_h = 1;
    bool m_follow = true;
    double m_ramp = 1.0;      // 0..1 availability after a trip or a hot start
    double m_rampRate_h = 0;  // 1/h while ramping
    bool m_pendingTrip = false, m_pendingRestart = false;
    SmrState m_state;
};

}  // namespace sim
