#include "sim/transport.h"

#include <algorithm>
#include <limits>

namespace sim {
namespace {

// Hours of travel at a speed, as exact integer time.
Time travelTime(double km, double kmh) { return fromSeconds(km / kmh * 3600.0); }

}  // namespace

void registerTransportParams(Params& p) {
    p.add({.name = "transport.mode", .unit = "-", .def = 0, .description =
           "Pit-to-concentrator haul: rail (Kalmakyr), conveyor (Yoshlik CFT style), or both (belt first, trains take the overflow)",
           .kind = ParamKind::Choice, .choices = {"rail", "conveyor", "both"}});
    p.add({.name = "transport.crusher_t_h", .unit = "t/h", .def = 5000, .min = 0, .max = 20000, .description =
           "In-pit crusher capacity at the reloading point (E; Yoshlik CFT units are 6,500 t/h, almalyk.md §2 S12)"});
    p.add({.name = "transport.stockpile_t", .unit = "t", .def = 60000, .min = 0, .max = 1e6, .description =
           "Surge stockpile capacity between crusher and rail/conveyor loading (E)"});
    p.add({.name = "transport.trains", .unit = "count", .def = 6, .min = 0, .max = 60, .description =
           "Ore trains in service (AMMC runs 42 PE2U units over all its lines, almalyk.md §2 S19)",
           .kind = ParamKind::Integer});
    p.add({.name = "transport.dumpcars", .unit = "count", .def = 10, .min = 1, .max = 20, .description =
           "2VS-105 dumpcars per train (PE2U + 2 powered cars + 10 dumpcars, almalyk.md defaults)",
           .kind = ParamKind::Integer});
    p.add({.name = "transport.dumpcar_t", .unit = "t", .def = 105, .min = 10, .max = 150, .description =
           "Ore per dumpcar (2VS-105: 105 t, almalyk.md §2 S19/S54)"});
    p.add({.name = "transport.rail_km", .unit = "km", .def = 8, .min = 0.5, .max = 50, .description =
           "Rail run from the pit loading bay to the concentrator (almalyk.md §2 S4)"});
    p.add({.name = "transport.loaded_kmh", .unit = "km/h", .def = 25, .min = 1, .max = 80, .description =
           "Loaded train speed (almalyk.md defaults)"});
    p.add({.name = "transport.empty_kmh", .unit = "km/h", .def = 35, .min = 1, .max = 80, .description =
           "Empty train speed (almalyk.md defaults)"});
    p.add({.name = "transport.headway_min", .unit = "min", .def = 15, .min = 0, .max = 240, .description =
           "Minimum interval between train departures (a train about every 15 min, almalyk.md §2 S20)"});
    p.add({.name = "transport.load_min", .unit = "min", .def = 12, .min = 1, .max = 120, .description =
           "Time to load one train at the bay (E: ~1 min per dumpcar plus coupling)"});
    p.add({.name = "transport.unload_min", .unit = "min", .def = 10, .min = 1, .max = 120, .description =
           "Time to tip one train at the concentrator (E)"});
    p.add({.name = "transport.warm_start", .unit = "-", .def = 1, .min = 0, .max = 1, .description =
           "1: on rail, start with one train load in the stockpile and the trains spread over their cycle one headway "
           "apart (docs/operations.md); 0: every train empty at the bay, stockpile empty (unit tests)",
           .kind = ParamKind::Boolean});
    p.add({.name = "transport.conveyor_t_h", .unit = "t/h", .def = 6500, .min = 0, .max = 30000, .description =
           "Belt conveyor capacity (Yoshlik CFT crushing-loading unit rate, almalyk.md §2 S12)"});
    p.add({.name = "transport.conveyor_km", .unit = "km", .def = 4.2, .min = 0.1, .max = 30, .description =
           "Belt conveyor length (Yoshlik CFT: 2 x 4.2 km, almalyk.md §2 S11)"});
    p.add({.name = "transport.belt_m_s", .unit = "m/s", .def = 4.5, .min = 0.5, .max = 10, .description =
           "Belt speed (E, almalyk.md defaults)"});
}

Transport::Transport(const Params& p, std::uint64_t /*seed: transport is deterministic given its inputs*/, Time start)
    : m_bayFreeAt(start), m_lastDeparture(start) {
    applyParams(p);
    m_state.trains.resize(m_targetTrains);
    for (Train& tr : m_state.trains) tr.phaseStart = tr.phaseEnd = start;
    if (p.getBool("transport.warm_start") && m_state.mode == TransportMode::Rail) startInStride(start);
    m_state.initialHoldup_t = m_state.stockpile_t + m_state.onTrains_t;
    updateCover();
}

// The line as it runs: one train load waiting in the stockpile for the train at the bay, and train i having left the
// bay i departure intervals ago (interval = the headway, or the loading time if longer), so it is hauling, tipping
// or returning where that puts it; trains more than one cycle back wait at the bay. Their ore counts as the
// transport's initial holdup in the ore balance.
void Transport::startInStride(Time start) {
    m_state.stockpile_t = m_payload_t;
    const Time interval = std::max(m_headway, m_load);
    if (interval <= 0) return;
    for (std::size_t i = 1; i < m_state.trains.size(); ++i) {
        Train& tr = m_state.trains[i];
        const Time departed = start - static_cast<Time>(i) * interval;
        const Time since = start - departed;
        if (since < m_haulLoaded) {
            tr = Train{.phase = TrainPhase::Hauling, .load_t = m_payload_t, .phaseStart = departed,
                       .phaseEnd = departed + m_haulLoaded};
        } else if (since < m_haulLoaded + m_unload) {
            const Time at = departed + m_haulLoaded;
            tr = Train{.phase = TrainPhase::Unloading, .load_t = m_payload_t, .phaseStart = at, .phaseEnd = at + m_unload};
        } else if (since < m_haulLoaded + m_unload + m_haulEmpty) {
            const Time at = departed + m_haulLoaded + m_unload;
            tr = Train{.phase = TrainPhase::Returning, .phaseStart = at, .phaseEnd = at + m_haulEmpty};
        } else {
            continue;  // back at the bay, waiting
        }
        if (!m_anyDeparture || departed > m_lastDeparture) m_lastDeparture = departed;
        m_anyDeparture = true;
    }
    updatePositions(start);
}

void Transport::updateCover() {
    const double draw = m_state.stockpileDraw_t_h > 1e-9 ? m_state.stockpileDraw_t_h : m_nominalDraw_t_h;
    m_state.stockpileCover_h = draw > 1e-9 ? std::min(999.0, m_state.stockpile_t / draw) : 999.0;
    m_state.stockpileFill = m_stockCap_t > 0.0 ? std::clamp(m_state.stockpile_t / m_stockCap_t, 0.0, 1.0) : 1.0;
}

void Transport::applyParams(const Params& p) {
    m_state.mode = static_cast<TransportMode>(p.getInt("transport.mode"));
    m_crusher_t_h = p.get("transport.crusher_t_h");
    m_stockCap_t = p.get("transport.stockpile_t");
    m_payload_t = p.getInt("transport.dumpcars") * p.get("transport.dumpcar_t");
    const double railKm = p.get("transport.rail_km");
    m_haulLoaded = travelTime(railKm, p.get("transport.loaded_kmh"));
    m_haulEmpty = travelTime(railKm, p.get("transport.empty_kmh"));
    m_headway = fromSeconds(p.get("transport.headway_min") * 60.0);
    m_load = fromSeconds(p.get("transport.load_min") * 60.0);
    m_unload = fromSeconds(p.get("transport.unload_min") * 60.0);
    m_conveyor_t_h = p.get("transport.conveyor_t_h");
    const double beltKm = p.get("transport.conveyor_km"), beltSpeed = p.get("transport.belt_m_s");
    m_beltTransit = fromSeconds(beltKm * 1000.0 / beltSpeed);
    m_targetTrains = static_cast<std::size_t>(p.getInt("transport.trains"));
    m_state.stockpileCapacity_t = m_stockCap_t;
    // Nominal haul-away: one train per max(headway, loading time) on rail, the belt's capacity on the conveyor.
    const double trainsPerHour = 3600.0 / std::max(toSeconds(std::max(m_headway, m_load)), 1.0);
    const double railDraw = m_targetTrains > 0 ? m_payload_t * trainsPerHour : 0.0;
    m_nominalDraw_t_h = m_state.mode == TransportMode::Rail ? railDraw
                        : m_state.mode == TransportMode::Conveyor ? m_conveyor_t_h : railDraw + m_conveyor_t_h;
    m_state.rail_m = railKm * 1000.0;
    m_state.conveyor_m = beltKm * 1000.0;
    m_state.beltSpeed_m_s = beltSpeed;
    // More trains join at once, empty at the bay; fewer retire as they come back empty (no ore is lost).
    while (m_state.trains.size() < m_targetTrains) {
        Train tr;
        tr.phaseStart = tr.phaseEnd = m_bayFreeAt;
        m_state.trains.push_back(tr);
    }
    retireIdleTrains();
}

void Transport::retireIdleTrains() {
    while (m_state.trains.size() > m_targetTrains && m_state.trains.back().phase == TrainPhase::Waiting)
        m_state.trains.pop_back();
}

bool Transport::setFault(const std::string& target, bool on, std::string* /*why*/) {
    int which = -1;
    if (target == "transport.crusher") { m_state.crusherFault = on; which = 0; }
    else if (target == "transport.conveyor") { m_state.conveyorFault = on; which = 1; }
    else if (target == "transport.rail") { m_state.railFault = on; which = 2; }
    if (which < 0) return false;
    m_pendingFaultEvents.push_back({which, on});
    return true;
}

void Transport::tryStartLoading(Time t, EventSink& ev) {
    if (m_state.railFault || m_state.mode == TransportMode::Conveyor) return;
    for (std::size_t i = 0; i < m_state.trains.size(); ++i) {
        Train& tr = m_state.trains[i];
        if (tr.phase != TrainPhase::Waiting || i >= m_targetTrains) continue;
        // A full train load is there, to rounding: sums of tick-sized crusher lots can leave the pile a few 1e-12 t
        // short of exactly one load, and a pile stuck at "1050.00 t" must not hold the train (found with a crusher
        // outage that began just as the pile reached one load: no train loaded for 12 h).
        constexpr double kLoadRounding_t = 1e-6;
        if (m_bayFreeAt > t || m_state.stockpile_t < m_payload_t - kLoadRounding_t) return;
        // The bay serves one train at a time; the departure slot is reserved now so headways stay ordered.
        const double load = std::min(m_payload_t, m_state.stockpile_t);   // what is there: no ore made or lost
        m_state.stockpile_t -= load;
        m_drawTick_t += load;
        tr.phase = TrainPhase::Loading;
        tr.load_t = load;
        tr.phaseStart = t;
        Time depart = t + m_load;
        if (m_anyDeparture) depart = std::max(depart, m_lastDeparture + m_headway);
        tr.phaseEnd = depart;
        m_lastDeparture = depart;
        m_anyDeparture = true;
        m_bayFreeAt = depart;
        ev.emit(t, Unit::Transport, TransportEvent::TrainLoading, static_cast<std::int32_t>(i), tr.load_t);
    }
}

void Transport::advanceTrain(std::size_t i, EventSink& ev, double& arrived_t) {
    Train& tr = m_state.trains[i];
    const Time t = tr.phaseEnd;
    const auto idx = static_cast<std::int32_t>(i);
    // A move that would begin while the line is down begins at the tick end instead (re-checked next tick).
    const Time moveStart = m_state.railFault ? m_tickEnd : t;
    switch (tr.phase) {
        case TrainPhase::Loading:
            tr.phase = TrainPhase::Hauling;
            tr.phaseStart = t;
            tr.phaseEnd = t + m_haulLoaded;
            ev.emit(t, Unit::Transport, TransportEvent::TrainDeparted, idx, tr.load_t);
            break;
        case TrainPhase::Hauling:
            tr.phase = TrainPhase::Unloading;
            tr.phaseStart = t;
            tr.phaseEnd = t + m_unload;
            ev.emit(t, Unit::Transport, TransportEvent::TrainArrived, idx, tr.load_t);
            break;
        case TrainPhase::Unloading:
            arrived_t += tr.load_t;
            m_state.railed_t += tr.load_t;
            ++m_state.trainTrips;
            ev.emit(t, Unit::Transport, TransportEvent::TrainUnloaded, idx, tr.load_t);
            tr.load_t = 0.0;
            tr.phase = TrainPhase::Returning;
            tr.phaseStart = moveStart;
            tr.phaseEnd = moveStart + m_haulEmpty;
            break;
        case TrainPhase::Returning:
            tr.phase = TrainPhase::Waiting;
            tr.phaseStart = tr.phaseEnd = t;
            ev.emit(t, Unit::Transport, TransportEvent::TrainReturned, idx, 0.0);
            break;
        case TrainPhase::Waiting: break;
    }
}

void Transport::updatePositions(Time t) {
    double onTrains = 0.0;
    for (Train& tr : m_state.trains) {
        const Time span = tr.phaseEnd - tr.phaseStart;
        const double f = span > 0 ? std::clamp(static_cast<double>(t - tr.phaseStart) / static_cast<double>(span), 0.0, 1.0) : 1.0;
        switch (tr.phase) {
            case TrainPhase::Waiting:
            case TrainPhase::Loading: tr.position = 0.0; break;
            case TrainPhase::Hauling: tr.position = f; break;
            case TrainPhase::Unloading: tr.position = 1.0; break;
            case TrainPhase::Returning: tr.position = 1.0 - f; break;
        }
        tr.position_m = tr.position * m_state.rail_m;
        onTrains += tr.load_t;
    }
    m_state.onTrains_t = onTrains;
}

double Transport::step(Time t0, Time dt, double oreIn_t, EventSink& ev) {
    const Time t1 = t0 + dt;
    m_tickEnd = t1;
    const double hours = toHours(dt);
    for (const auto& [which, on] : m_pendingFaultEvents)
        ev.emit(t0, Unit::Transport, TransportEvent::FaultChanged, which, on ? 1.0 : 0.0);
    m_pendingFaultEvents.clear();

    // Trucks dump onto the ROM pad; the crusher moves what it can into the stockpile.
    const double in = std::max(0.0, oreIn_t);
    m_state.romPad_t += in;
    m_state.received_t += in;
    const double room = std::max(0.0, m_stockCap_t - m_state.stockpile_t);
    const double crushable = m_state.crusherFault ? 0.0 : m_crusher_t_h * hours;
    const double wanted = std::min(m_state.romPad_t, crushable);
    const double crushed = std::min(wanted, room);
    m_state.romPad_t -= crushed;
    m_state.stockpile_t += crushed;
    m_state.crushed_t += crushed;
    m_state.crusherRate_t_h = hours > 0 ? crushed / hours : 0.0;
    const bool blocked = room < wanted;  // the stockpile, not the crusher or the pad, limited this tick
    if (blocked != m_state.crusherBlocked)
        ev.emit(t0, Unit::Transport, blocked ? TransportEvent::CrusherBlocked : TransportEvent::CrusherResumed, -1,
                m_state.stockpile_t);
    m_state.crusherBlocked = blocked;
    if (blocked) ++m_state.crusherBlockedTicks;

    double arrived = 0.0;
    m_drawTick_t = 0.0;
    // Conveyor first: in "both" mode the belt runs at capacity and the trains take the overflow.
    double onBelt = 0.0;
    if (m_state.mode != TransportMode::Rail && !m_state.conveyorFault) {
        onBelt = std::min(m_state.stockpile_t, m_conveyor_t_h * hours);
        m_state.stockpile_t -= onBelt;
        m_drawTick_t += onBelt;
        if (onBelt > 0.0) m_belt.push_back({t1 + m_beltTransit, onBelt});
    }
    m_state.conveyorFlow_t_h = hours > 0 ? onBelt / hours : 0.0;
    if (m_state.conveyorFault) {
        for (BeltLot& lot : m_belt) lot.arrival += dt;  // a stopped belt holds its load where it is
    } else {
        while (!m_belt.empty() && m_belt.front().arrival <= t1) {
            arrived += m_belt.front().mass_t;
            m_state.conveyed_t += m_belt.front().mass_t;
            m_belt.pop_front();
        }
    }
    double beltLoad = 0.0;
    for (const BeltLot& lot : m_belt) beltLoad += lot.mass_t;
    m_state.conveyorLoad_t = beltLoad;

    // Rail: a line fault freezes every train except one tipping at the concentrator.
    if (m_state.railFault) {
        for (Train& tr : m_state.trains) {
            if (tr.phase == TrainPhase::Loading || tr.phase == TrainPhase::Hauling || tr.phase == TrainPhase::Returning) {
                tr.phaseStart += dt;
                tr.phaseEnd += dt;
                if (tr.phase == TrainPhase::Loading) {
                    m_lastDeparture = std::max(m_lastDeparture, tr.phaseEnd);
                    m_bayFreeAt = std::max(m_bayFreeAt, tr.phaseEnd);
                }
            }
        }
    }
    tryStartLoading(t0, ev);
    for (;;) {
        Time next = std::numeric_limits<Time>::max();
        for (const Train& tr : m_state.trains)
            if (tr.phase != TrainPhase::Waiting) next = std::min(next, tr.phaseEnd);
        if (next >= t1) break;
        for (std::size_t i = 0; i < m_state.trains.size(); ++i)
            if (m_state.trains[i].phase != TrainPhase::Waiting && m_state.trains[i].phaseEnd == next) advanceTrain(i, ev, arrived);
        retireIdleTrains();
        tryStartLoading(next, ev);
    }
    updatePositions(t1);

    m_state.deliveredTick_t = arrived;
    m_state.delivered_t += arrived;
    if (arrived > 0.0) m_recentDeliveries.push_back({t1, arrived});
    while (!m_recentDeliveries.empty() && m_recentDeliveries.front().arrival <= t1 - kHour) m_recentDeliveries.pop_front();
    double lastHour = 0.0;
    for (const BeltLot& d : m_recentDeliveries) lastHour += d.mass_t;
    m_state.deliveryRate_t_h = lastHour;  // tonnes in the last hour = t/h
    if (m_drawTick_t > 0.0) m_recentDraws.push_back({t1, m_drawTick_t});
    while (!m_recentDraws.empty() && m_recentDraws.front().arrival <= t1 - kHour) m_recentDraws.pop_front();
    double drawn = 0.0;
    for (const BeltLot& d : m_recentDraws) drawn += d.mass_t;
    m_state.stockpileDraw_t_h = drawn;
    updateCover();
    return arrived;
}

void Transport::hashInto(Hasher& h) const {
    const TransportState& s = m_state;
    h.add(s.mode);
    h.add(s.romPad_t); h.add(s.crusherRate_t_h); h.add(s.crusherBlocked); h.add(s.stockpile_t);
    h.add(s.trains.size());
    for (const Train& tr : s.trains) {
        h.add(tr.phase); h.add(tr.position); h.add(tr.load_t); h.add(tr.phaseStart); h.add(tr.phaseEnd);
    }
    h.add(s.conveyorFlow_t_h); h.add(s.conveyorLoad_t);
    for (const BeltLot& lot : m_belt) { h.add(lot.arrival); h.add(lot.mass_t); }
    for (const BeltLot& d : m_recentDeliveries) { h.add(d.arrival); h.add(d.mass_t); }
    for (const BeltLot& d : m_recentDraws) { h.add(d.arrival); h.add(d.mass_t); }
    h.add(s.crusherFault); h.add(s.conveyorFault); h.add(s.railFault);
    h.add(s.deliveredTick_t); h.add(s.received_t); h.add(s.crushed_t); h.add(s.railed_t); h.add(s.conveyed_t);
    h.add(s.delivered_t); h.add(s.trainTrips); h.add(s.crusherBlockedTicks); h.add(s.initialHoldup_t);
    h.add(m_bayFreeAt); h.add(m_lastDeparture); h.add(m_anyDeparture);
}

}  // namespace sim
