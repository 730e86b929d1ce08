#include "sim/smr.h"

#include <algorithm>

namespace sim {

void registerSmrParams(Params& p) {
    p.add({.name = "smr.capacity_kg_h", .unit = "kg/h", .def = 5.0, .min = 0.0, .max = 1e5,
           .description = "Reformer H2 capacity (sized to cover the PRMiTS reduction demand of ~4 kg/h; estimate)"});
    p.add({.name = "smr.load", .unit = "-", .def = 1.0, .min = 0.0, .max = 1.0,
           .description = "Operating load as a share of capacity"});
    p.add({.name = "smr.capture_fraction", .unit = "-", .def = 0.0, .min = 0.0, .max = 0.95,
           .description = "Share of the CO2 captured (0 = grey; SMR plants 0.71-0.92, hydrogen.md S4)"});
    p.add({.name = "smr.ch4_per_kg_h2", .unit = "kg/kg", .def = 3.7, .min = 2.0, .max = 8.0,
           .description = "Natural gas (feed + fuel) per kg H2 (3.7 IEA/CATF; floor 2.0, just above the stoichiometric 1.99)"});
    p.add({.name = "smr.steam_to_carbon", .unit = "mol/mol", .def = 3.0, .min = 2.0, .max = 5.0,
           .description = "Process steam per mol of feed carbon (industry 2.5-3.5)"});
    p.add({.name = "smr.restart_h", .unit = "h", .def = 4.0, .min = 0.0, .max = 48.0,
           .description = "Hours to ramp back to full output after a reformer trip (furnace reheat)"});
}

Smr::Smr(const Params& p, std::uint64_t, Time) {
    // Deterministic steady-state unit: no random stream.
    applyParams(p);
}

void Smr::applyParams(const Params& p) {
    m_capacity_kg_h = p.get("smr.capacity_kg_h");
    m_loadSetting = p.get("smr.load");
    m_capture = p.get("smr.capture_fraction");
    m_ch4PerKg = std::max(p.get("smr.ch4_per_kg_h2"), kStoichCH4PerKgH2);
    m_steamToCarbon = p.get("smr.steam_to_carbon");
    m_restart_h = p.get("smr.restart_h");
}

void Smr::step(Time t0, Time dt, EventSink& ev) {
    SmrState& s = m_state;
    if (m_pendingTrip) ev.emit(t0, Unit::Smr, SmrEvent::Tripped, -1, m_capacity_kg_h * m_loadSetting);
    if (m_pendingRestart) ev.emit(t0, Unit::Smr, SmrEvent::Restarting, -1, m_restart_h);
    m_pendingTrip = m_pendingRestart = false;

    const double dt_h = toHours(dt);
    // Mean availability over the tick while ramping linearly back after a trip.
    double meanRamp = 0.0;
    if (!s.tripped) {
        const double r0 = m_ramp;
        const double rate = m_restart_h > 0.0 ? 1.0 / m_restart_h : 1e30;
        const double toFull_h = (1.0 - r0) / rate;
        if (r0 >= 1.0) {
            meanRamp = 1.0;
        } else if (toFull_h >= dt_h) {
            m_ramp = r0 + rate * dt_h;
            meanRamp = 0.5 * (r0 + m_ramp);
        } else {
            meanRamp = dt_h > 0.0 ? (0.5 * (r0 + 1.0) * toFull_h + (dt_h - toFull_h)) / dt_h : 1.0;
            m_ramp = 1.0;
            ev.emit(t0 + fromSeconds(toFull_h * 3600.0), Unit::Smr, SmrEvent::AtCapacity, -1, m_capacity_kg_h * m_loadSetting);
        }
    }
    s.load = m_loadSetting * meanRamp;
    s.h2_kg_h = m_capacity_kg_h * s.load;
    // hydrogen.md §8.5: all carbon of the gas leaves as CO2; feed is ~2/3 of the gas, but never below stoichiometry.
    s.ch4_kg_h = s.h2_kg_h * m_ch4PerKg;
    const double feed_kg_h = std::min(s.ch4_kg_h, std::max(s.h2_kg_h * kStoichCH4PerKgH2, kSmrFeedShare * s.ch4_kg_h));
    s.steam_kg_h = feed_kg_h / kMolarMassCH4_kg_mol * m_steamToCarbon * 18.01528e-3;
    const double co2_kg_h = s.ch4_kg_h / kMolarMassCH4_kg_mol * kMolarMassCO2_kg_mol;
    s.co2_captured_kg_h = co2_kg_h * m_capture;
    s.co2_kg_h = co2_kg_h - s.co2_captured_kg_h;

    s.h2Tick_kg = s.h2_kg_h * dt_h;
    s.co2Tick_kg = s.co2_kg_h * dt_h;
    s.smr_kg += s.h2Tick_kg;
    s.smr_ch4_kg += s.ch4_kg_h * dt_h;
    s.steam_kg += s.steam_kg_h * dt_h;
    s.co2_kg += s.co2Tick_kg;
    s.co2_captured_kg += s.co2_captured_kg_h * dt_h;
}

bool Smr::setFault(const std::string& target, bool on, std::string*) {
    if (target != "smr.reformer") return false;
    if (on == m_state.tripped) return true;  // already in that state
    m_state.tripped = on;
    if (on) {
        m_ramp = 0.0;
        m_pendingTrip = true;
        m_pendingRestart = false;
    } else {
        m_pendingRestart = true;
    }
    return true;
}

void Smr::hashInto(Hasher& h) const {
    const SmrState& s = m_state;
    for (double v : {m_ramp, s.h2_kg_h, s.ch4_kg_h, s.co2_kg_h, s.smr_kg, s.smr_ch4_kg, s.steam_kg, s.co2_kg,
                     s.co2_captured_kg})
        h.add(v);
    h.add(s.tripped);
}

}  // namespace sim
