#include "sim/smr.h"

#include <algorithm>
#include <cmath>

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
    p.add({.name = "smr.mode", .unit = "-", .def = 0.0, .min = 0.0, .max = 1.0,
           .description = "follow: load-follow the PRMiTS shortfall, hot standby otherwise; base: fixed smr.load",
           .kind = ParamKind::Choice, .choices = {"follow", "base"}});
    p.add({.name = "smr.turndown", .unit = "-", .def = 0.30, .min = 0.0, .max = 1.0,
           .description = "Minimum stable load as a share of capacity (E: tubular reformers 25-40 %, burner and tube-skin limits)"});
    p.add({.name = "smr.standby_fuel_pct", .unit = "%", .def = 10.0, .min = 0.0, .max = 100.0,
           .description = "Gas burned in hot standby, share of the full-load gas (E: low fire holding the tubes hot)"});
    p.add({.name = "smr.start_cover_h", .unit = "h", .def = 2.0, .min = 0.0, .max = 48.0,
           .description = "Call the reformer online when the H2 store covers less than this many hours of shortfall"});
    p.add({.name = "smr.stop_fill", .unit = "-", .def = 0.9, .min = 0.0, .max = 1.0,
           .description = "Back to hot standby once the H2 store has refilled to this fill (0..1)"});
    p.add({.name = "smr.hot_start_h", .unit = "h", .def = 1.0, .min = 0.0, .max = 24.0,
           .description = "Hours from hot standby to the set point (E: a hot reformer re-lights and ramps within about an hour)"});
}

Smr::Smr(const Params& p, std::uint64_t, Time) {
    // Deterministic steady-state unit: no random stream. Load-following starts in hot standby (the store starts at
    // its operating level; the first tick's call decides), base load starts online.
    applyParams(p);
    m_state.online = !m_follow;
}

void Smr::applyParams(const Params& p) {
    m_capacity_kg_h = p.get("smr.capacity_kg_h");
    m_loadSetting = p.get("smr.load");
    m_capture = p.get("smr.capture_fraction");
    m_ch4PerKg = std::max(p.get("smr.ch4_per_kg_h2"), kStoichCH4PerKgH2);
    m_steamToCarbon = p.get("smr.steam_to_carbon");
    m_restart_h = p.get("smr.restart_h");
    m_follow = p.getInt("smr.mode") == 0;
    m_turndown = p.get("smr.turndown");
    m_standbyFuel = p.get("smr.standby_fuel_pct") / 100.0;
    m_startCover_h = p.get("smr.start_cover_h");
    m_stopFill = p.get("smr.stop_fill");
    m_hotStart_h = p.get("smr.hot_start_h");
    if (!m_follow && !m_state.online) startUp();  // base load never idles
}

void Smr::startUp() {
    m_state.online = true;
    ++m_state.starts;
    m_ramp = 0.0;
    m_rampRate_h = m_hotStart_h > 0.0 ? 1.0 / m_hotStart_h : 1e30;
}

void Smr::step(Time t0, Time dt, const SmrCall& call, EventSink& ev) {
    SmrState& s = m_state;
    if (m_pendingTrip) ev.emit(t0, Unit::Smr, SmrEvent::Tripped, -1, m_capacity_kg_h * m_loadSetting);
    if (m_pendingRestart) ev.emit(t0, Unit::Smr, SmrEvent::Restarting, -1, m_restart_h);
    m_pendingTrip = m_pendingRestart = false;

    const double dt_h = toHours(dt);
    const double maxOut = m_capacity_kg_h * m_loadSetting;
    const double shortfall = std::isfinite(call.shortfall_kg_h) ? call.shortfall_kg_h : 0.0;
    if (m_follow && !s.tripped) {
        const double fill = call.storage_capacity_kg > 0.0 ? call.storage_kg / call.storage_capacity_kg : 1.0;
        if (!s.online && shortfall > 0.0 && call.storage_kg <= shortfall * m_startCover_h) {
            startUp();
            ev.emit(t0, Unit::Smr, SmrEvent::Online, -1, shortfall);
        } else if (s.online && fill >= m_stopFill && m_ramp >= 1.0) {
            s.online = false;
            ev.emit(t0, Unit::Smr, SmrEvent::Standby, -1, fill);
        }
    }
    // Set point: base load, or the shortfall held between turndown and the load limit.
    s.setpoint_kg_h = !m_follow ? maxOut
                      : s.online ? std::clamp(shortfall, std::min(m_turndown * m_capacity_kg_h, maxOut), maxOut) : 0.0;
    // Mean availability over the tick while ramping linearly (after a trip or a hot start).
    double meanRamp = 0.0;
    if (!s.tripped && s.online) {
        const double r0 = m_ramp;
        const double rate = m_rampRate_h;
        const double toFull_h = (1.0 - r0) / rate;
        if (r0 >= 1.0) {
            meanRamp = 1.0;
        } else if (toFull_h >= dt_h) {
            m_ramp = r0 + rate * dt_h;
            meanRamp = 0.5 * (r0 + m_ramp);
        } else {
            meanRamp = dt_h > 0.0 ? (0.5 * (r0 + 1.0) * toFull_h + (dt_h - toFull_h)) / dt_h : 1.0;
            m_ramp = 1.0;
            ev.emit(t0 + fromSeconds(toFull_h * 3600.0), Unit::Smr, SmrEvent::AtCapacity, -1, s.setpoint_kg_h);
        }
    }
    s.h2_kg_h = std::min(s.setpoint_kg_h, maxOut * meanRamp);
    s.load = m_capacity_kg_h > 0.0 ? s.h2_kg_h / m_capacity_kg_h : 0.0;
    // hydrogen.md §8.5: all carbon of the gas leaves as CO2; feed is ~2/3 of the gas, but never below stoichiometry.
    // Hot standby burns a share of the full-load gas in the furnace only (flue CO2, not captured).
    s.ch4_kg_h = s.h2_kg_h * m_ch4PerKg;
    const double standby_kg_h = s.online || s.tripped ? 0.0 : m_standbyFuel * m_capacity_kg_h * m_ch4PerKg;
    const double feed_kg_h = std::min(s.ch4_kg_h, std::max(s.h2_kg_h * kStoichCH4PerKgH2, kSmrFeedShare * s.ch4_kg_h));
    s.steam_kg_h = feed_kg_h / kMolarMassCH4_kg_mol * m_steamToCarbon * 18.01528e-3;
    // Feed CO2: y/(1 − y) mol CO2 per mol hydrocarbon (counted as CH4) passes through the reformer.
    const double y = std::clamp(std::isfinite(call.feed_co2_molfrac) ? call.feed_co2_molfrac : 0.0, 0.0, 0.5);
    const double co2PerCh4 = kMolarMassCO2_kg_mol / kMolarMassCH4_kg_mol * (1.0 + y / (1.0 - y));
    const double co2_kg_h = s.ch4_kg_h * co2PerCh4;
    s.co2_captured_kg_h = co2_kg_h * m_capture;
    s.co2_kg_h = co2_kg_h - s.co2_captured_kg_h + standby_kg_h * co2PerCh4;
    s.ch4_kg_h += standby_kg_h;
    if (!s.online) s.standby_h += dt_h;

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
        m_rampRate_h = m_restart_h > 0.0 ? 1.0 / m_restart_h : 1e30;
        m_pendingTrip = true;
        m_pendingRestart = false;
        m_state.online = true;  // after the trip clears it restarts (cold) rather than waiting in standby
    } else {
        m_pendingRestart = true;
    }
    return true;
}

void Smr::hashInto(Hasher& h) const {
    const SmrState& s = m_state;
    h.add(s.online);
    for (double v : {m_ramp, m_rampRate_h, s.setpoint_kg_h, s.standby_h, s.h2_kg_h, s.ch4_kg_h, s.co2_kg_h, s.smr_kg, s.smr_ch4_kg, s.steam_kg, s.co2_kg,
                     s.co2_captured_kg})
        h.add(v);
    h.add(s.tripped);
}

}  // namespace sim
