// sim/mine_reliability.cpp — what stops Mine's trucks and shovels: stochastic breakdowns and repairs, injected faults,
// and shift breaks. A truck is held at the gate (proceed) before it next moves off; a shovel finishes its current
// truck first (sim/mine_impl.h lists the other parts).
#include <cmath>

#include "sim/mine_impl.h"

namespace sim {

// [SECTION] the gate: breakdowns and shift breaks hold a truck before it moves off

void Mine::Impl::proceed(Truck& k, Next n) {
    if (k.pendingFail || k.pendingFault) {
        const bool byFault = k.pendingFault;
        k.pendingFail = k.pendingFault = false;
        breakDown(k, n, byFault);
        return;
    }
    if (breakActive && !crewChange && n != Next::ResumeDrive) {   // a meal break: wait where it stands
        k.next = n;
        setPhase(k, TruckPhase::ShiftBreak);
        holdCurrent(k);
        return;
    }
    k.next = Next::None;
    switch (n) {
        case Next::DepartLoaded: departLoaded(k); break;
        case Next::DepartEmpty: departEmpty(k); break;
        case Next::ResumeDrive: {
            setPhase(k, k.resumePhase);
            startDrive(k, k.route, k.legS0, k.legS1, k.st.loaded);
            break;
        }
        case Next::None: break;
    }
}

// [SECTION] trucks

void Mine::Impl::breakDown(Truck& k, Next n, bool byFault) {
    k.broken = true;
    k.faultHeld = byFault;
    k.next = n;
    setPhase(k, TruckPhase::BrokenDown);
    holdCurrent(k);
    emit(now, MineEvent::Breakdown, k.st.id, byFault ? 1.0 : 0.0);
    if (!byFault) {
        k.repairScheduled = true;
        push(now + fromSeconds(k.rng.exponential(cfg.truckMttr_h * 3600.0)), EvType::TruckRepair, k.st.id, 0);
    }
}

void Mine::Impl::repair(Truck& k) {
    k.broken = false;
    k.faultHeld = false;
    k.repairScheduled = false;
    emit(now, MineEvent::Repaired, k.st.id, 0.0);
    scheduleTruckFail(k);
    const Next n = k.next;
    k.next = Next::None;
    if (n == Next::None) {   // it failed while parked
        setPhase(k, TruckPhase::Parked);
        if (k.st.inFleet) scheduleDeparture(k, now);
        return;
    }
    proceed(k, n);
}

void Mine::Impl::scheduleTruckFail(Truck& k) {
    ++k.failToken;
    if (!cfg.breakdowns) return;
    push(now + fromSeconds(k.rng.exponential(cfg.truckMtbf_h * 3600.0)), EvType::TruckFail, k.st.id, k.failToken);
}

void Mine::Impl::failTruck(Truck& k, bool byFault) {
    if (k.broken) { k.faultHeld = k.faultHeld || byFault; return; }
    if (k.st.phase == TruckPhase::Parked) { if (byFault) { breakDown(k, Next::None, true); } return; }
    if (isDriving(k)) {
        k.resumePhase = k.st.phase;
        stopDrive(k);
        breakDown(k, Next::ResumeDrive, byFault);
        return;
    }
    if (k.st.phase == TruckPhase::ShiftBreak) { breakDown(k, k.next, byFault); return; }
    // Queued, spotting, loading or dumping: it fails as it next moves off.
    if (byFault) k.pendingFault = true; else k.pendingFail = true;
}

// "mine.truck:N" on: a breakdown held until cleared; off: repaired now (unless a stochastic repair is still due).
void Mine::Impl::setTruckFault(int i, bool on) {
    Truck& k = truck(i);
    if (on) {
        failTruck(k, true);
        return;
    }
    k.pendingFault = false;
    if (k.broken && k.faultHeld) {
        k.faultHeld = false;
        if (!k.repairScheduled) repair(k);
    }
}

// [SECTION] the start: breakdowns in their steady state

// The fleet starts as it runs (issue 11, docs/operations.md): each truck and shovel is down at t = 0 with its
// steady-state probability MTTR / (MTBF + MTTR), its repair then taking an exponential MTTR (the residual of an
// exponential repair has the same law). The time to failure of a unit that is up is already stationary: it is
// exponential, so memoryless. Breakdown events of the start go out with the first tick.
void Mine::Impl::startReliabilityInSteadyState() {
    if (!cfg.breakdowns) return;
    const double pTruck = cfg.truckMttr_h / (cfg.truckMtbf_h + cfg.truckMttr_h);
    const double pShovel = cfg.shovelMttr_h / (cfg.shovelMtbf_h + cfg.shovelMttr_h);
    for (Truck& k : trucks)
        if (k.st.inFleet && k.rng.uniform() < pTruck) breakDown(k, Next::None, false);
    for (int j = 0; j < cfg.shovels; ++j)
        if (shovel(j).rng.uniform() < pShovel) breakShovel(j, false);
}

// [SECTION] shovels

void Mine::Impl::scheduleShovelFail(int j) {
    Station& s = shovel(j);
    ++s.failToken;
    if (!cfg.breakdowns) return;
    push(now + fromSeconds(s.rng.exponential(cfg.shovelMtbf_h * 3600.0)), EvType::ShovelFail, j, s.failToken);
}

void Mine::Impl::breakShovel(int j, bool byFault) {
    Station& s = shovel(j);
    s.broken = true;
    s.faultHeld = byFault;
    emit(now, MineEvent::ShovelBreakdown, j, byFault ? 1.0 : 0.0);
    if (!byFault) {
        s.repairScheduled = true;
        s.repairEnd = now + fromSeconds(s.rng.exponential(cfg.shovelMttr_h * 3600.0));
        push(s.repairEnd, EvType::ShovelRepair, j, 0);
    }
}

void Mine::Impl::repairShovel(int j) {
    Station& s = shovel(j);
    s.broken = s.faultHeld = s.repairScheduled = false;
    emit(now, MineEvent::ShovelRepaired, j, 0.0);
    scheduleShovelFail(j);
    tryStartShovel(j);
}

// A failure that came while the shovel was serving takes effect now; false when none was pending.
bool Mine::Impl::breakPendingShovel(int j) {
    Station& s = shovel(j);
    if (!s.pendingFail && !s.pendingFault) return false;
    const bool byFault = s.pendingFault;
    s.pendingFail = s.pendingFault = false;
    breakShovel(j, byFault);
    return true;
}

// "mine.shovel:N" on: breaks now, or after the truck being served; off: repaired now (unless a stochastic repair is
// still due).
void Mine::Impl::setShovelFault(int j, bool on) {
    Station& s = shovel(j);
    if (on) {
        if (s.broken) s.faultHeld = true;
        else if (s.busy >= 0) s.pendingFault = true;
        else breakShovel(j, true);
        return;
    }
    s.pendingFault = false;
    if (s.broken && s.faultHeld) {
        s.faultHeld = false;
        if (!s.repairScheduled) repairShovel(j);
    }
}

// [SECTION] shift breaks

void Mine::Impl::scheduleNextBreak(Time from) {
    ++breakToken;
    if (!cfg.shiftBreaks) return;
    const double P = cfg.shift_h * 3600.0;
    const double local = toSeconds(from) + kSiteUtcOffsetHours * 3600.0;
    const double shiftOrigin = cfg.shiftStart_h * 3600.0;
    const double base = shiftOrigin + std::floor((local - shiftOrigin) / P) * P;
    for (int i = 0; i < 6; ++i) {
        const double startLocal = base + i * 0.5 * P;
        const double dur = (i % 2 == 0 ? cfg.change_min : cfg.meal_min) * 60.0;
        if (startLocal < local || dur <= 0.0) continue;
        push(fromSeconds(startLocal - kSiteUtcOffsetHours * 3600.0), EvType::BreakStart, i % 2, breakToken);
        return;
    }
}

Time Mine::Impl::nextChangeStart(Time t) const {
    if (!cfg.shiftBreaks || cfg.change_min <= 0.0) return kForever;
    const double P = cfg.shift_h * 3600.0, offset = kSiteUtcOffsetHours * 3600.0;
    const double local = toSeconds(t) + offset, origin = cfg.shiftStart_h * 3600.0;
    double change = origin + std::floor((local - origin) / P) * P;
    if (change < local) change += P;
    return fromSeconds(change - offset);
}

bool Mine::Impl::lastCycleDone(Truck& k) {
    const Time change = nextChangeStart(now);
    if (change == kForever) return false;
    const int j = chooseShovel(k, k.node);
    const int dumpNode = k.node == HaulNetwork::kDump ? HaulNetwork::kDump : HaulNetwork::kCrusher;
    const double cycle = routeTime[0][static_cast<std::size_t>(routeIndex(k.node, HaulNetwork::faceNode(j)))] +
                         meanShovelService_s(k.st.truckClass) +
                         routeTime[1][static_cast<std::size_t>(routeIndex(HaulNetwork::faceNode(j), dumpNode))] +
                         cfg.dump_min * 60.0 + routeTime[0][static_cast<std::size_t>(routeIndex(dumpNode, HaulNetwork::kPark))];
    // It goes on if a shovel can load it before the change and it is back at the park-up when the crews change.
    const double toLoaded = routeTime[0][static_cast<std::size_t>(routeIndex(k.node, HaulNetwork::faceNode(j)))] +
                            meanShovelService_s(k.st.truckClass);
    if (toSeconds(change - now) >= toLoaded && toSeconds(change + kCrewChange - now) >= cycle) return false;
    parkForChange(k, change);
    return true;
}

// The new crews drive off in bay order, nearest the lane first, one every kCrewStagger; those still on their way to
// the park-up leave as they arrive, and from now on trucks queue at the faces for the shovels' restart.
void Mine::Impl::onCrewsChanged() {
    crewsChanged = true;
    for (Truck& k : trucks)
        if (k.crewParked && k.st.phase == TruckPhase::Parked && k.st.inFleet && !k.broken) scheduleDeparture(k, now, kCrewStagger);
}

void Mine::Impl::onBreakStart(int kind) {
    const double dur = (kind == 0 ? cfg.change_min : cfg.meal_min) * 60.0;
    breakActive = true;
    crewChange = kind == 0;
    breakStart = now;
    emit(now, MineEvent::ShiftBreakStart, kind, dur / 60.0);
    crewsChanged = false;
    if (crewChange) {
        push(now + std::min(kCrewChange, fromSeconds(dur)), EvType::CrewsChanged, kind, breakToken);
        // The crews change at the park-up: trucks waiting at a shovel drive there now; loaded ones tip first, empty
        // ones on the road go on from where they arrive (proceed and onArrive).
        for (int j = 0; j < activeShovelCount(); ++j) {
            Station& s = shovel(j);
            while (!s.queue.empty()) {
                Truck& k = truck(s.queue.back());
                s.queue.pop_back();
                leaveQueue(k);
                k.station = {};
                turnBackToPark(k, j);
            }
        }
    }
    push(now + fromSeconds(dur), EvType::BreakEnd, kind, breakToken);
}

void Mine::Impl::endBreak() {
    if (!breakActive) return;
    breakAccum_s += toSeconds(now - breakStart);
    breakActive = false;
    emit(now, MineEvent::ShiftBreakEnd, -1, 0.0);
    if (crewChange) {
        if (!crewsChanged) onCrewsChanged();
        crewChange = crewsChanged = false;
    } else if (!cfg.shiftBreaks || cfg.change_min <= 0.0) {   // shift changes switched off: nobody waits for one
        for (Truck& k : trucks)
            if (k.crewParked && k.st.phase == TruckPhase::Parked && k.st.inFleet && !k.broken) scheduleDeparture(k, now);
    }
    for (Truck& k : trucks)
        if (k.st.phase == TruckPhase::ShiftBreak) proceed(k, k.next);
    for (int j = 0; j < activeShovelCount(); ++j) tryStartShovel(j);
    tryStartDump(DumpPoint::Crusher);
    tryStartDump(DumpPoint::WasteDump);
}

}  // namespace sim
