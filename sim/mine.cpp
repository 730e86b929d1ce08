// sim/mine.cpp — Mine's public API, its parameters, construction, live parameter changes, the event loop and the
// state it hands out. The truck cycle, motion and reliability live beside it (sim/mine_impl.h lists them).
#include "sim/mine.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "sim/mine_impl.h"

namespace sim {
namespace {

// [SECTION] parameters

void addParam(Params& p, const char* name, const char* unit, double def, double lo, double hi, const char* desc,
              ParamKind kind = ParamKind::Real, std::vector<std::string> choices = {}) {
    p.add(ParamDef{.name = name, .unit = unit, .def = def, .min = lo, .max = hi, .description = desc, .kind = kind,
                   .choices = std::move(choices)});
}

}  // namespace

void registerMineParams(Params& p) {
    // Fleet: Kalmakyr must move 31.5 Mt/y ore plus 1.3 t/t waste = ~72 Mt/y (almalyk.md defaults), ~8,300 t/h on
    // average. With the default pit the cycle to the rim is ~55 min (6.3 km ramp at 12 km/h loaded, 25 km/h empty,
    // almalyk.md defaults), i.e. ~240 t/h per 220 t truck; after ~9 % breakdown and ~8 % shift-break losses that needs
    // ~44 trucks. Six EKG-20KM shovels (~4,000 t/h each when fed) keep trucks, not shovels, the bottleneck, as usual.
    addParam(p, "mine.trucks", "count", 44, 1, 500, "haul trucks in the fleet (BelAZ; default sized for 31.5 Mt/y ore)",
             ParamKind::Integer);
    addParam(p, "mine.shovels", "count", 6, 1, PitGeometry::kFaceSlots, "rope shovels at working faces (EKG-20KM)",
             ParamKind::Integer);
    addParam(p, "mine.truck_class", "-", 0, 0, 1, "truck class; applies to each truck as it next dumps",
             ParamKind::Choice, {"220t", "130t"});
    addParam(p, "mine.payload_t", "t", 0, 0, 400, "payload per truck; 0 = the class's rated payload (220 t or 130 t)");
    addParam(p, "mine.pass_t", "t", 42, 10, 120, "rock per shovel pass (EKG-20KM: 25 m3 x 0.9 fill x 1.85 t/m3)");
    addParam(p, "mine.load_min", "min", 2.5, 0.1, 60,
             "mean loading time of a 220 t truck (5 passes x 30 s swing); scales with the passes a payload needs");
    addParam(p, "mine.spot_min", "min", 0.7, 0, 10, "spotting under the shovel before loading (almalyk.md defaults)");
    addParam(p, "mine.dump_min", "min", 1.2, 0.1, 60, "mean time to reverse in and dump (almalyk.md defaults)");
    addParam(p, "mine.service_dist", "-", 1, 0, 2, "distribution of loading and dumping times", ParamKind::Choice,
             {"exponential", "lognormal", "deterministic"});
    addParam(p, "mine.service_cv", "-", 0.3, 0.05, 2, "coefficient of variation of lognormal service times (E)");
    addParam(p, "mine.dispatch", "-", 1, 0, 1, "truck dispatch: fixed shovel per truck, or least expected wait",
             ParamKind::Choice, {"fixed", "least_wait"});
    addParam(p, "mine.strip_ratio", "t/t", 1.3, 0, 10, "waste tonnes per ore tonne (almalyk.md §1, AMMC 2019 ~1.3)");
    // Speeds: almalyk.md "Recommended simulation defaults" (S68, S51).
    addParam(p, "mine.speed_loaded_ramp_kmh", "km/h", 12, 1, 60, "loaded truck speed up the ramp");
    addParam(p, "mine.speed_loaded_flat_kmh", "km/h", 30, 1, 64, "loaded truck speed on the flat");
    addParam(p, "mine.speed_empty_ramp_kmh", "km/h", 25, 1, 60, "empty truck speed on the ramp");
    addParam(p, "mine.speed_empty_flat_kmh", "km/h", 40, 1, 64, "empty truck speed on the flat");
    // Fuel: almalyk.md defaults 170 L/h (220 t), 110 L/h (130 t); 2.68 kg CO2/L (§6).
    addParam(p, "mine.fuel_lph_220t", "L/h", 170, 10, 400, "fuel burn of a running 220 t truck");
    addParam(p, "mine.fuel_lph_130t", "L/h", 110, 10, 400, "fuel burn of a running 130 t truck");
    addParam(p, "mine.idle_fuel_fraction", "-", 0.3, 0, 1, "fuel burn while queued or being loaded, share of running (E)");
    addParam(p, "mine.co2_kg_per_l", "kg/L", 2.68, 0, 5, "CO2 per litre of diesel");
    // Reliability: no Almalyk figures (almalyk.md §2); E: ~90 % mechanical availability for trucks, ~96 % for shovels.
    addParam(p, "mine.breakdowns", "-", 1, 0, 1, "stochastic truck and shovel breakdowns", ParamKind::Boolean);
    addParam(p, "mine.truck_mtbf_h", "h", 40, 1, 5000, "truck mean time between failures (E)");
    addParam(p, "mine.truck_mttr_h", "h", 4, 0.1, 500, "truck mean time to repair (E)");
    addParam(p, "mine.shovel_mtbf_h", "h", 80, 1, 5000, "shovel mean time between failures (E)");
    addParam(p, "mine.shovel_mttr_h", "h", 3, 0.1, 500, "shovel mean time to repair (E)");
    // Shifts: two 12 h shifts changing at 08:00 and 20:00 local, with a meal break mid-shift (E).
    addParam(p, "mine.shift_breaks", "-", 1, 0, 1, "shift-change and meal breaks stop loading and dumping",
             ParamKind::Boolean);
    addParam(p, "mine.shift_start_h", "h", 8, 0, 23.99, "local time of the first shift change");
    addParam(p, "mine.shift_h", "h", 12, 4, 24, "shift length");
    addParam(p, "mine.shift_change_min", "min", 30, 0, 180, "break at each shift change");
    addParam(p, "mine.meal_break_min", "min", 30, 0, 180, "meal break in the middle of each shift");
    // Balanced start (docs/operations.md): the pit runs this long before the start with its events and totals
    // discarded, so at the start the trucks are spread over their cycle and ore reaches the crusher at its usual rate.
    addParam(p, "mine.warm_start_h", "h", 3, 0, 48,
             "start in stride: the pit runs this long before the start, events and totals discarded (two truck "
             "cycles and more); 0: every truck leaves the park-up at the start (start-up studies, unit tests)");
    registerPitParams(p);
}

namespace {

MineConfig readConfig(const Params& p) {
    MineConfig c;
    c.trucks = p.getInt("mine.trucks");
    c.shovels = p.getInt("mine.shovels");
    c.truckClass = p.getInt("mine.truck_class") == 1 ? TruckClass::T130 : TruckClass::T220;
    c.payloadOverride = p.get("mine.payload_t");
    c.pass_t = p.get("mine.pass_t");
    c.load_min = p.get("mine.load_min");
    c.spot_min = p.get("mine.spot_min");
    c.dump_min = p.get("mine.dump_min");
    c.dist = p.getInt("mine.service_dist");
    c.cv = p.get("mine.service_cv");
    c.dispatch = p.getInt("mine.dispatch") == 0 ? Dispatch::Fixed : Dispatch::LeastWait;
    c.stripRatio = p.get("mine.strip_ratio");
    c.speeds = {p.get("mine.speed_loaded_ramp_kmh"), p.get("mine.speed_loaded_flat_kmh"),
                p.get("mine.speed_empty_ramp_kmh"), p.get("mine.speed_empty_flat_kmh")};
    c.fuel220 = p.get("mine.fuel_lph_220t");
    c.fuel130 = p.get("mine.fuel_lph_130t");
    c.idleFraction = p.get("mine.idle_fuel_fraction");
    c.co2PerL = p.get("mine.co2_kg_per_l");
    c.breakdowns = p.getBool("mine.breakdowns");
    c.truckMtbf_h = p.get("mine.truck_mtbf_h");
    c.truckMttr_h = p.get("mine.truck_mttr_h");
    c.shovelMtbf_h = p.get("mine.shovel_mtbf_h");
    c.shovelMttr_h = p.get("mine.shovel_mttr_h");
    c.shiftBreaks = p.getBool("mine.shift_breaks");
    c.shiftStart_h = p.get("mine.shift_start_h");
    c.shift_h = p.get("mine.shift_h");
    c.change_min = p.get("mine.shift_change_min");
    c.meal_min = p.get("mine.meal_break_min");
    c.pit = pitParamsFrom(p);
    return c;
}

bool samePit(const PitParams& a, const PitParams& b) {
    return a.length_m == b.length_m && a.width_m == b.width_m && a.depth_m == b.depth_m && a.rim_m == b.rim_m &&
           a.bench_height_m == b.bench_height_m && a.berm_m == b.berm_m && a.face_angle_deg == b.face_angle_deg &&
           a.ramp_grade_pct == b.ramp_grade_pct && a.ramp_width_m == b.ramp_width_m && a.azimuth_deg == b.azimuth_deg;
}

}  // namespace

// [SECTION] construction and configuration

Mine::Impl::Impl(const Params& p, std::uint64_t s, Time start)
    : cfg(readConfig(p)), seed(s), now(start), tickStart(start), origin(start) {
    deriveConfig();
    buildNetwork();
    shovels.resize(PitGeometry::kFaceSlots);
    enRouteIds.resize(PitGeometry::kFaceSlots);
    for (int j = 0; j < PitGeometry::kFaceSlots; ++j) {
        shovels[static_cast<std::size_t>(j)].rng = Rng::stream(seed, "mine.shovel." + std::to_string(j));
        shovels[static_cast<std::size_t>(j)].active = j < cfg.shovels;
    }
    dump(DumpPoint::Crusher).rng = Rng::stream(seed, "mine.crusher");
    dump(DumpPoint::WasteDump).rng = Rng::stream(seed, "mine.dump");
    for (int j = 0; j < cfg.shovels; ++j) scheduleShovelFail(j);
    setFleetSize(cfg.trucks);
    startReliabilityInSteadyState();
    scheduleNextBreak(now);
}

void Mine::Impl::deriveConfig() {
    const int ref = passesFor(kRatedPayload220);
    for (int c = 0; c < 2; ++c) {
        const int passes = passesFor(payloadOf(static_cast<TruckClass>(c)));
        derived.passes[c] = passes;
        derived.meanLoad_s[c] = cfg.load_min * 60.0 * passes / ref;
        derived.shovelService_s[c] = cfg.spot_min * 60.0 + derived.meanLoad_s[c];
    }
}

// A service time (loading or dumping) with mean mean_s from the configured distribution.
double Mine::Impl::draw(Rng& r, double mean_s) {
    switch (cfg.dist) {
        case 0: return r.exponential(mean_s);
        case 1: return r.lognormal(mean_s, cfg.cv);
        default: return mean_s;
    }
}

// [SECTION] live parameter changes

void Mine::Impl::rebuildGeometry() {
    buildNetwork();
    heap.clear();
    for (int j = 0; j < PitGeometry::kFaceSlots; ++j) {
        Station& s = shovel(j);
        s.queue.clear();
        s.busy = -1;
        s.broken = s.faultHeld = s.repairScheduled = s.pendingFail = s.pendingFault = false;
        if (s.active) scheduleShovelFail(j);
    }
    for (Station& d : dumps) { d.queue.clear(); d.busy = -1; }
    breakActive = false;
    crewChange = crewsChanged = false;
    lastParkDeparture = now - kParkStagger;
    for (Truck& k : trucks) {
        k.st.loaded = false;
        k.st.payload_t = 0.0;
        k.st.waitingSince = -1;
        k.cycleWait_min = 0.0;
        k.broken = k.faultHeld = k.repairScheduled = k.pendingFail = k.pendingFault = false;
        k.next = Next::None;
        k.station = {};
        k.crewParked = false;
        setHeading(k, -1);
        k.node = HaulNetwork::kPark;
        setPhase(k, TruckPhase::Parked);
        standInBay(k);
        ++k.token;
        scheduleTruckFail(k);
        if (k.st.inFleet) scheduleDeparture(k, now);
    }
    scheduleNextBreak(now);
    emit(now, MineEvent::NetworkRebuilt, -1, 0.0);
}

void Mine::Impl::apply(const Params& p) {
    const MineConfig c = readConfig(p);
    const MineConfig old = cfg;
    cfg = c;
    cfg.shovels = old.shovels;   // setShovelCount() moves it
    deriveConfig();
    if (!samePit(c.pit, old.pit)) {
        rebuildGeometry();
    } else if (c.speeds.loadedRamp_kmh != old.speeds.loadedRamp_kmh ||
               c.speeds.loadedFlat_kmh != old.speeds.loadedFlat_kmh ||
               c.speeds.emptyRamp_kmh != old.speeds.emptyRamp_kmh ||
               c.speeds.emptyFlat_kmh != old.speeds.emptyFlat_kmh) {
        network->setSpeeds(c.speeds);
        buildRouteTimes();
        retimeDrives();
    }
    if (c.shovels != old.shovels) setShovelCount(c.shovels);
    if (c.truckClass != old.truckClass)
        for (Truck& k : trucks) {
            k.pendingClass = c.truckClass;
            if (k.st.phase == TruckPhase::Parked) k.st.truckClass = c.truckClass;
            k.dirty = true;
        }
    if (c.breakdowns != old.breakdowns || c.truckMtbf_h != old.truckMtbf_h || c.shovelMtbf_h != old.shovelMtbf_h) {
        for (Truck& k : trucks) if (!k.broken) scheduleTruckFail(k);
        for (int j = 0; j < cfg.shovels; ++j) if (!shovel(j).broken) scheduleShovelFail(j);
    }
    if (c.shiftBreaks != old.shiftBreaks || c.shiftStart_h != old.shiftStart_h || c.shift_h != old.shift_h ||
        c.change_min != old.change_min || c.meal_min != old.meal_min) {
        endBreak();
        scheduleNextBreak(now);
    }
    if (c.trucks != old.trucks) setFleetSize(c.trucks);
    for (Truck& k : trucks) setPhase(k, k.st.phase);   // fuel rates follow new burn figures
}

// [SECTION] the event loop

void Mine::Impl::handle(const QEvent& e) {
    switch (e.type) {
        case EvType::Depart: {
            Truck& k = truck(e.index);
            if (e.token != k.token || k.st.phase != TruckPhase::Parked || !k.st.inFleet) return;
            if (k.broken) return;
            if (parkingForChange()) { parkForChange(k, breakStart); return; }   // it leaves after the change
            const bool crew = k.crewParked;   // back to work after a shift change, not added to the cycle
            leavePark(k);
            if (!crew) emit(now, MineEvent::TruckAdded, k.st.id, 0.0);
            return;
        }
        case EvType::Arrive: {
            Truck& k = truck(e.index);
            if (e.token == k.token) onArrive(k);
            return;
        }
        case EvType::ServiceEnd: {
            Truck& k = truck(e.index);
            if (e.token == k.token) onServiceEnd(k);
            return;
        }
        case EvType::TruckFail: {
            Truck& k = truck(e.index);
            if (e.token != k.failToken) return;
            if (k.st.phase == TruckPhase::Parked || k.broken) { scheduleTruckFail(k); return; }
            failTruck(k, false);
            return;
        }
        case EvType::TruckRepair: {
            Truck& k = truck(e.index);
            if (!k.broken || !k.repairScheduled) return;
            k.repairScheduled = false;
            if (!k.faultHeld) repair(k);
            return;
        }
        case EvType::ShovelFail: {
            Station& s = shovel(e.index);
            if (e.token != s.failToken || !s.active || s.broken) return;
            if (s.busy >= 0) s.pendingFail = true;
            else breakShovel(e.index, false);
            return;
        }
        case EvType::ShovelRepair: {
            Station& s = shovel(e.index);
            if (!s.broken || !s.repairScheduled) return;
            s.repairScheduled = false;
            if (!s.faultHeld) repairShovel(e.index);
            return;
        }
        case EvType::BreakStart:
            if (e.token == breakToken) onBreakStart(e.index);
            return;
        case EvType::BreakEnd:
            if (e.token == breakToken) { endBreak(); scheduleNextBreak(now); }
            return;
        case EvType::CrewsChanged:
            if (e.token == breakToken && breakActive && crewChange) onCrewsChanged();
            return;
    }
}

void Mine::Impl::step(Time t0, Time dt, EventSink& ev) {
    if (t0 > now) now = t0;
    tickStart = t0;
    const Time t1 = t0 + dt;
    for (const Event& e : pending) ev.emit(e.time, e.unit, static_cast<MineEvent>(e.kind), e.index, e.value);
    pending.clear();
    sink = &ev;
    st.oreDeliveredTick_t = st.wasteDumpedTick_t = 0.0;
    const double fuelBefore = st.fuel_l;
    while (!heap.empty() && heap.top().t < t1) {
        const QEvent e = heap.top();
        heap.pop();
        now = std::max(now, e.t);
        handle(e);
    }
    now = t1;
    stopShortOfQueues();
    for (int j = 0; j < activeShovelCount(); ++j) {
        Station& s = shovel(j);
        if (s.busy >= 0 && s.nextPass < t1) emitPasses(s, j, t1, false);
    }
    sink = nullptr;
    while (!oreWindow.empty() && oreWindow.front().first <= t1 - MineState::kOreRateWindow_min * kMinute) {
        oreWindowSum -= oreWindow.front().second;
        oreWindow.pop_front();
    }
    if (oreWindow.empty()) oreWindowSum = 0.0;
    refreshTotals();
    st.fuelTick_l = st.fuel_l - fuelBefore;
    stateFresh = false;
}

// The balanced start: run the pit from its construction time up to `start` in one-minute steps, then forget what
// happened (events, totals, the cycle statistics), keeping where every truck and shovel is, what it carries, its
// reliability clocks and the last hour's ore rate. The ore dumped before the start reaches no one: the downstream
// units start at their own operating levels.
void Mine::Impl::preRoll(Time start) {
    EventSink scratch;
    const Time dt = 60 * kSecond;
    while (now < start) {
        scratch.clear();
        step(now, std::min(dt, start - now), scratch);
    }
    pending.clear();
    st.truck_cycles = 0;
    st.ore_t = st.waste_t = 0.0;
    st.queueSum_min = st.haulSum_min = st.returnSum_min = 0.0;
    st.haulCount = st.returnCount = 0;
    // Every truck's fuel and cycle count start from zero as well, so the per-truck figures still add up to the
    // fleet's (each truck's fuel runs on from fuelSince at its current rate; only what it burnt so far is dropped).
    for (Truck& k : trucks) {
        const double burnt = k.fuelAccum + k.fuelRate_lps * toSeconds(now - k.fuelSince);
        k.fuelAccum -= burnt;
        fuelAccumSum -= burnt;
        k.st.cycles = 0;
        k.st.totalWait_min = 0.0;
    }
    for (Station& s : shovels) s.loaded_t = 0.0;
    refreshTotals();
    st.oreDeliveredTick_t = st.wasteDumpedTick_t = st.fuelTick_l = 0.0;
    stateFresh = false;
}

// [SECTION] the state

// Per tick, O(1): the totals and rates World, the CSV and the summary read.
void Mine::Impl::refreshTotals() {
    st.fuel_l = fleetFuelAt(now);
    st.co2_t = st.fuel_l * cfg.co2PerL / 1000.0;
    st.ore_t_h = std::max(0.0, oreWindowSum) * 60.0 / MineState::kOreRateWindow_min;
    st.crusherQueue = static_cast<int>(dump(DumpPoint::Crusher).queue.size());
    st.dumpQueue = static_cast<int>(dump(DumpPoint::WasteDump).queue.size());
    st.shiftBreak = breakActive;
    int fleet = 0, broken = 0;   // O(trucks) of two flags: cheap enough per tick (the alarms' fleet availability)
    for (const Truck& k : trucks) {
        fleet += k.st.inFleet;
        broken += k.st.inFleet && k.broken;
    }
    st.fleetTrucks = fleet;
    st.trucksBroken = broken;
    st.mean_queue_min = st.truck_cycles > 0 ? st.queueSum_min / static_cast<double>(st.truck_cycles) : 0.0;
    st.mean_haul_min = st.haulCount > 0 ? st.haulSum_min / static_cast<double>(st.haulCount) : 0.0;
    st.mean_return_min = st.returnCount > 0 ? st.returnSum_min / static_cast<double>(st.returnCount) : 0.0;
}
const MineState& Mine::Impl::freshState() {
    if (!stateFresh) { refreshState(); stateFresh = true; }
    return st;
}

// When read: O(1) per truck (fuel, speed, phase inside a service) plus copying only trucks whose state changed.
void Mine::Impl::refreshState() {
    st.trucks.resize(trucks.size());
    int working = 0, productive = 0, fleet = 0;
    for (std::size_t i = 0; i < trucks.size(); ++i) {
        Truck& k = trucks[i];
        TruckState& ts = st.trucks[i];
        // Spotting turns into loading at a time fixed when the service started; the history carries it.
        const Motion& last = k.hist.back();
        if (k.dirty) {
            ts = k.st;
            k.dirty = false;
        }
        ts.phase = k.st.phase == TruckPhase::Spotting && last.phase == TruckPhase::Loading && last.begin <= now
                       ? TruckPhase::Loading : k.st.phase;
        ts.fuel_l = k.fuelAccum + k.fuelRate_lps * toSeconds(now - k.fuelSince);
        std::size_t c = k.hist.size() - 1;   // the piece under way now (a park-up path queues a few to come)
        while (c > 0 && k.hist[c].begin > now) --c;
        const Motion& cur = k.hist[c];
        if (cur.kind == MotionKind::Drive && k.legEnd > now) ts.speed_m_s = driveSpeed(cur, now);
        else if (cur.kind == MotionKind::Creep && cur.end > cur.begin && cur.end != kForever)
            ts.speed_m_s = std::fabs(cur.s1 - cur.s0) / toSeconds(cur.end - cur.begin);
        else if (cur.kind == MotionKind::Free && cur.end != kForever && cur.end > now)
            ts.speed_m_s = std::hypot(cur.b.x - cur.a.x, cur.b.y - cur.a.y) / toSeconds(cur.end - cur.begin);
        else ts.speed_m_s = 0.0;
        ts.queuePosition = -1;
        if (k.st.inFleet) {
            ++fleet;
            const TruckPhase ph = ts.phase;
            if (ph != TruckPhase::Parked && ph != TruckPhase::BrokenDown && ph != TruckPhase::ShiftBreak) ++working;
            if (ph == TruckPhase::ToShovel || ph == TruckPhase::Spotting || ph == TruckPhase::Loading ||
                ph == TruckPhase::Hauling || ph == TruckPhase::Dumping || ph == TruckPhase::Returning)
                ++productive;
        }
    }
    st.shovels.resize(static_cast<std::size_t>(PitGeometry::kFaceSlots));
    int queued = 0;
    for (int j = 0; j < PitGeometry::kFaceSlots; ++j) {
        Station& s = shovel(j);
        ShovelState& ss = st.shovels[static_cast<std::size_t>(j)];
        ss.position = shovelPos[static_cast<std::size_t>(j)];
        ss.facing_rad = shovelFacing[static_cast<std::size_t>(j)];
        ss.active = s.active;
        ss.truck = s.busy;
        ss.phase = s.broken ? ShovelPhase::BrokenDown : (s.busy >= 0 ? ShovelPhase::Loading : ShovelPhase::Idle);
        ss.passesNeeded = s.busy >= 0 ? s.passes : 0;
        ss.passesDone = 0;
        ss.swingStart = -1;
        ss.swing_s = s.swing_s;
        if (s.busy >= 0) {
            const double into = toSeconds(now - s.spotEnd);
            ss.passesDone = into <= 0.0 ? 0 : std::min(s.passes, static_cast<int>(into / s.swing_s));
            ss.swingStart = s.spotEnd + fromSeconds(s.swing_s * std::min(ss.passesDone, s.passes - 1));
        }
        ss.queueLength = static_cast<int>(s.queue.size());
        ss.loaded_t = s.loaded_t;
        queued += ss.queueLength;
        for (std::size_t q = 0; q < s.queue.size(); ++q) st.trucks[static_cast<std::size_t>(s.queue[q])].queuePosition = static_cast<int>(q);
    }
    for (int d = 0; d < 2; ++d)
        for (std::size_t q = 0; q < dumps[d].queue.size(); ++q)
            st.trucks[static_cast<std::size_t>(dumps[d].queue[q])].queuePosition = static_cast<int>(q);
    refreshTotals();
    st.trucksQueued = queued + st.crusherQueue + st.dumpQueue;
    st.trucksWorking = working;
    st.fleetUtilisation = fleet > 0 ? static_cast<double>(productive) / fleet : 0.0;
}

// [SECTION] Mine

Mine::Mine(const Params& p, std::uint64_t seed, Time start) {
    const Time warm = static_cast<Time>(std::llround(p.get("mine.warm_start_h") * 3600.0)) * kSecond;
    m_impl = std::make_unique<Impl>(p, seed, start - warm);
    if (warm > 0) m_impl->preRoll(start);
}
Mine::Mine(const Mine& o) : m_impl(std::make_unique<Impl>(*o.m_impl)) {}
Mine::~Mine() = default;

void Mine::applyParams(const Params& p) {
    m_impl->apply(p);
    m_impl->refreshTotals();
    m_impl->stateFresh = false;
}

void Mine::step(Time t0, Time dt, EventSink& ev) { m_impl->step(t0, dt, ev); }

const MineState& Mine::state() const { return m_impl->freshState(); }
const MineState& Mine::totals() const { return m_impl->st; }
Time Mine::now() const { return m_impl->now; }
const PitGeometry& Mine::geometry() const { return *m_impl->geometry; }
const HaulNetwork& Mine::network() const { return *m_impl->network; }

bool Mine::setFault(const std::string& target, bool on, std::string* why) {
    if (target.rfind("mine.", 0) != 0) return false;
    Impl& m = *m_impl;
    auto parseIndex = [&](const std::string& prefix, int count, int& out) {
        if (target.rfind(prefix, 0) != 0) return false;
        const std::string num = target.substr(prefix.size());
        char* end = nullptr;
        const long v = std::strtol(num.c_str(), &end, 10);
        if (num.empty() || *end != '\0' || v < 0 || v >= count) {
            if (why)
                *why = "fault target '" + target + "': expected " + prefix + "N with N in 0.." + std::to_string(count - 1);
            out = -1;
            return true;
        }
        out = static_cast<int>(v);
        return true;
    };
    int idx = -1;
    if (parseIndex("mine.truck:", static_cast<int>(m.trucks.size()), idx)) {
        if (idx < 0) return false;
        m.setTruckFault(idx, on);
    } else if (parseIndex("mine.shovel:", m.cfg.shovels, idx)) {
        if (idx < 0) return false;
        m.setShovelFault(idx, on);
    } else {
        if (why) *why = "unknown mine fault target '" + target + "'; expected mine.truck:N or mine.shovel:N";
        return false;
    }
    m.stateFresh = false;
    return true;
}

bool Mine::assignTrucks(const std::string& trucks, const std::string& to, std::string* why) {
    Impl& m = *m_impl;
    const auto fail = [why](std::string msg) {
        if (why) *why = std::move(msg);
        return false;
    };
    const int nTrucks = static_cast<int>(m.trucks.size());
    const std::string prefix = "mine.truck:";
    if (trucks.rfind(prefix, 0) != 0)
        return fail("assign: expected trucks as mine.truck:N or mine.truck:N,M,..., found '" + trucks + "'");
    std::vector<int> ids;
    std::size_t pos = prefix.size();
    while (true) {
        const std::size_t comma = trucks.find(',', pos);
        const std::string num = trucks.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        char* end = nullptr;
        const long v = num.empty() || num.size() > 6 ? -1 : std::strtol(num.c_str(), &end, 10);
        if (v < 0 || v >= nTrucks || (end && *end != '\0'))
            return fail("assign: truck '" + num + "' in '" + trucks + "': expected N in 0.." + std::to_string(nTrucks - 1));
        ids.push_back(static_cast<int>(v));
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    int j = -1;
    if (to != "auto") {
        const std::string sp = "mine.shovel:";
        const std::string num = to.rfind(sp, 0) == 0 ? to.substr(sp.size()) : std::string();
        char* end = nullptr;
        const long v = num.empty() || num.size() > 3 ? -1 : std::strtol(num.c_str(), &end, 10);
        if (v < 0 || v >= PitGeometry::kFaceSlots || (end && *end != '\0'))
            return fail("assign: expected mine.shovel:J with J in 0.." + std::to_string(PitGeometry::kFaceSlots - 1) +
                        " or auto, found '" + to + "'");
        j = static_cast<int>(v);
    }
    for (int id : ids) m.assignTruck(m.truck(id), j);
    m.stateFresh = false;
    return true;
}

TruckPose Mine::truckPoseAt(int truck, Time t) const {
    const Impl& m = *m_impl;
    if (truck < 0 || truck >= static_cast<int>(m.trucks.size())) return {};
    const std::vector<Motion>& h = m.trucks[static_cast<std::size_t>(truck)].hist;
    t = std::clamp(t, h.front().begin, m.now);
    const Motion* cur = &h.front();
    for (auto it = h.rbegin(); it != h.rend(); ++it)
        if (it->begin <= t) { cur = &*it; break; }
    return m.poseOf(*cur, t);
}

void Mine::hashInto(Hasher& h) const {
    const Impl& m = *m_impl;
    h.add(m.now);
    h.add(m.seq);
    h.add(static_cast<std::uint64_t>(m.heap.size()));
    h.add(m.breakActive);
    h.add(m.crewChange);
    h.add(m.crewsChanged);
    h.add(m.breakAccum_s);
    h.add(m.assignedOre);
    h.add(m.assignedWaste);
    for (const Truck& k : m.trucks) {
        h.add(k.st.phase);
        h.add(k.st.truckClass);
        h.add(k.st.payload_t);
        h.add(k.st.ore);
        h.add(k.st.shovel);
        h.add(k.st.lockedShovel);
        h.add(k.st.cycles);
        h.add(k.crewParked);
        h.add(k.crewFor);
        h.add(k.st.totalWait_min);
        h.add(k.fuelAccum);
        h.add(k.token);
        h.add(k.failToken);
        h.add(k.broken);
        h.add(k.rng.state());
        h.add(k.legEnd);
        h.add(k.legS0);
        if (!k.hist.empty()) { h.add(k.hist.back().begin); h.add(k.hist.back().s0); }
    }
    for (const Station& s : m.shovels) {
        h.add(s.busy);
        h.add(s.broken);
        h.add(static_cast<std::uint64_t>(s.queue.size()));
        for (int id : s.queue) h.add(id);
        h.add(s.rng.state());
        h.add(s.loaded_t);
    }
    for (const Station& s : m.dumps) {
        h.add(s.busy);
        h.add(static_cast<std::uint64_t>(s.queue.size()));
        h.add(s.rng.state());
    }
    const MineState& st = m.st;
    h.add(st.truck_cycles);
    h.add(st.ore_t);
    h.add(st.waste_t);
    h.add(st.fuel_l);
    h.add(st.queueSum_min);
    h.add(st.haulSum_min);
    h.add(st.returnSum_min);
}

}  // namespace sim
