// sim/mine_dispatch.cpp — Mine's truck cycle: out of the park-up, dispatch to a shovel (fixed or least expected
// wait), the FCFS queues, spotting and loading pass by pass, the haul, reversing in and dumping, the return, and the
// fleet and face counts changing under it (sim/mine_impl.h lists the other parts).
#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/mine_impl.h"

namespace sim {

// [SECTION] dispatch

void Mine::Impl::setHeading(Truck& k, int j) {
    if (k.headingTo >= 0) {
        std::vector<int>& v = enRouteIds[static_cast<std::size_t>(k.headingTo)];
        v.erase(std::find(v.begin(), v.end(), k.st.id));
    }
    k.headingTo = j;
    if (j >= 0) enRouteIds[static_cast<std::size_t>(j)].push_back(k.st.id);
}

int Mine::Impl::chooseShovel(const Truck& k, int fromNode) {
    const int n = activeShovelCount();
    if (k.st.lockedShovel >= 0 && k.st.lockedShovel < n) return k.st.lockedShovel;
    if (cfg.dispatch == Dispatch::Fixed) return k.st.id % n;
    const Time mttr = fromSeconds(cfg.truckMttr_h * 3600.0);
    const double service = meanShovelService_s(k.st.truckClass);
    const double nowS = toSeconds(now);
    // Face nodes are consecutive, so the travel times from fromNode to each face are too.
    const double* travelTo = &routeTime[0][static_cast<std::size_t>(routeIndex(fromNode, HaulNetwork::faceNode(0)))];
    int best = 0;
    double bestScore = std::numeric_limits<double>::infinity();
    for (int j = 0; j < n; ++j) {
        const Station& s = shovel(j);
        const double travel = travelTo[j];
        double free = nowS;
        if (s.busy >= 0) free = std::max(free, toSeconds(s.serviceEnd));
        if (s.broken) free = std::max(free, s.faultHeld ? nowS + 1e7 : toSeconds(s.repairEnd));
        if (s.pendingFail || s.pendingFault) free += cfg.shovelMttr_h * 3600.0;
        free += service * static_cast<double>(s.queue.size());
        const double arrival = nowS + travel;
        // Arrival times of the other trucks bound there, ascending (insertion sort: a handful per face).
        ahead.clear();
        for (int id : enRouteIds[static_cast<std::size_t>(j)]) {
            const Truck& o = trucks[static_cast<std::size_t>(id)];
            if (id == k.st.id) continue;
            Time a = o.legEnd;
            if (o.broken) a = now + mttr + (o.legEnd - o.legStart);
            else if (!isDriving(o)) a = now;
            ahead.push_back(a);
            for (std::size_t q = ahead.size() - 1; q > 0 && ahead[q - 1] > a; --q) std::swap(ahead[q - 1], ahead[q]);
        }
        for (Time a : ahead) {
            if (toSeconds(a) >= arrival) break;
            free = std::max(free, toSeconds(a)) + service;
        }
        const double score = travel + std::max(0.0, free - arrival);
        if (score < bestScore - 1e-9) { bestScore = score; best = j; }
    }
    return best;
}

void Mine::Impl::dispatchFrom(Truck& k, int fromNode, TruckPhase phase) {
    const int j = chooseShovel(k, fromNode);
    k.st.shovel = j;
    setHeading(k, j);
    setPhase(k, phase);
    const int r = routeIndex(fromNode, HaulNetwork::faceNode(j));
    const double L = route(r).length;
    startDrive(k, r, 0.0, std::max(0.0, L - (cfg.spot_min > 0.0 ? kShovelStage_m : 0.0)), false);
}

// [SECTION] departures

void Mine::Impl::departLoaded(Truck& k) {
    const int dest = k.st.ore ? HaulNetwork::kCrusher : HaulNetwork::kDump;
    k.st.destination = k.st.ore ? DumpPoint::Crusher : DumpPoint::WasteDump;
    k.departTime = now;
    setPhase(k, TruckPhase::Hauling);
    const int r = routeIndex(HaulNetwork::faceNode(k.st.shovel), dest);
    startDrive(k, r, 0.0, std::max(0.0, route(r).length - kDumpStage_m), true);
}

void Mine::Impl::departEmpty(Truck& k) {
    const bool change = parkingForChange();
    if (change && k.st.inFleet) parkForChange(k, breakStart);
    if (k.node == HaulNetwork::kPark && (!k.st.inFleet || change || lastCycleDone(k))) {
        // Out of its bay as the change began (or told to park): back in.
        setPhase(k, TruckPhase::Parked);
        parkPath(k, true);
        if (k.st.inFleet) k.crewParked = true;
        else emit(now, MineEvent::TruckParked, k.st.id, 0.0);
        return;
    }
    if (!k.st.inFleet || change || lastCycleDone(k)) {   // the crews change at the park-up
        setPhase(k, TruckPhase::ToPark);
        const int r = routeIndex(k.node, HaulNetwork::kPark);
        startDrive(k, r, 0.0, route(r).length, false);
        return;
    }
    k.departTime = now;
    k.countReturn = k.node == HaulNetwork::kCrusher || k.node == HaulNetwork::kDump;
    dispatchFrom(k, k.node, k.countReturn ? TruckPhase::Returning : TruckPhase::ToShovel);
}

// A parked truck leaves its bay for the park-up exit, then drives to a shovel (staggered departures).
void Mine::Impl::scheduleDeparture(Truck& k, Time earliest, Time stagger) {
    const Time t = std::max(earliest, lastParkDeparture + stagger);
    lastParkDeparture = t;
    push(t, EvType::Depart, k.st.id, ++k.token);
}

void Mine::Impl::leavePark(Truck& k) {
    setPhase(k, TruckPhase::ToShovel);
    k.crewParked = false;
    k.legEnd = parkPath(k, false);
    k.node = HaulNetwork::kPark;
    setHeading(k, -1);
    push(k.legEnd, EvType::Arrive, k.st.id, ++k.token);   // reaches the exit: then proceed as DepartEmpty
}

// A truck short of face j on its way in turns round where it stands and drives to the park-up: the road out of the
// face is the road in, so it starts that far along the face's route to the park (no jump).
void Mine::Impl::turnBackToPark(Truck& k, int j) {
    const int r = routeIndex(HaulNetwork::faceNode(j), HaulNetwork::kPark);
    double s0 = 0.0;
    if (!k.hist.empty() && k.route >= 0 && k.hist.back().kind != MotionKind::Free) {
        const Motion& m = k.hist.back();
        const double along = std::max(0.0, route(k.route).length - sOf(m, now));
        const SitePos here = network->pointAt(route(k.route), sOf(m, now)), there = network->pointAt(route(r), along);
        if (std::hypot(here.x - there.x, here.y - there.y) < 1.0) s0 = along;
    }
    k.node = HaulNetwork::faceNode(j);
    parkForChange(k, breakStart);
    setPhase(k, TruckPhase::ToPark);
    startDrive(k, r, std::min(s0, route(r).length), route(r).length, false);
}

// [SECTION] queues and arrivals

void Mine::Impl::joinQueue(Truck& k, StationRef at, TruckPhase phase) {
    // One behind the other along the road from the queue point (never one inside another, issue 15): where it
    // stops only shows where the truck waits; queue order and times are unchanged.
    setPhase(k, phase);
    if (k.stoppedShort) k.stoppedShort = false;   // already standing at the tail
    else if (!stopAtTail(k, at, true)) holdOnRoute(k, k.route, k.legS1);
    k.station = at;
    k.queueJoin = now;
    k.breakAtJoin = breakAccumAt(now);
    k.st.waitingSince = now;
    station(at).queue.push_back(k.st.id);
}

bool Mine::Impl::queueBound(const Truck& k, StationRef& at) const {
    if (k.st.phase == TruckPhase::Hauling) { at = StationRef::dump(k.st.destination); return true; }
    if ((k.st.phase == TruckPhase::ToShovel || k.st.phase == TruckPhase::Returning) && k.st.shovel >= 0 &&
        k.st.shovel < activeShovelCount()) { at = StationRef::shovel(k.st.shovel); return true; }
    return false;
}

bool Mine::Impl::stopAtTail(Truck& k, StationRef at, bool arriving) {
    if (k.hist.empty() || k.hist.back().kind != MotionKind::Drive) return false;
    // The tail: one gap behind the rearmost truck waiting at this station or already stopped short of it. Routes
    // from different places share their last stretch into a station, so places count back from the queue point.
    double back = -1.0;
    for (int id : station(at).queue) {
        const Truck& q = truck(id);
        if (!q.hist.empty()) back = std::max(back, q.legS1 - sOf(q.hist.back(), now));
    }
    for (const Truck& q : trucks) {
        StationRef qa;
        if (&q != &k && q.stoppedShort && queueBound(q, qa) && qa.kind == at.kind && qa.index == at.index && !q.hist.empty())
            back = std::max(back, q.legS1 - sOf(q.hist.back(), now));
    }
    if (back < 0.0) return false;
    const double tail = std::max(k.legS0, k.legS1 - back - kQueueGap_m);
    const Motion& d = k.hist.back();
    if (!arriving && sOf(d, now) < tail) return false;
    // Where and when it reached the tail: within this tick, or (the queue grew back past it) where it is now.
    Motion h;
    h.kind = MotionKind::Hold;
    h.route = k.route;
    const Time reach = d.begin + fromSeconds(routeTimeAt(k.route, tail, k.st.loaded) - d.tOff);
    if (reach >= tickStart && reach <= now) { h.begin = reach; h.s0 = h.s1 = tail; }
    else { h.begin = now; h.s0 = h.s1 = sOf(d, now); }
    addMotion(k, h);
    return true;
}

void Mine::Impl::stopShortOfQueues() {
    for (Truck& k : trucks) {
        StationRef at;
        if (k.stoppedShort || !isDriving(k) || !queueBound(k, at)) continue;
        if (stopAtTail(k, at, false)) k.stoppedShort = true;
    }
}

void Mine::Impl::closeUpQueue(const Station& s) {
    for (std::size_t i = 0; i < s.queue.size(); ++i) {
        Truck& q = truck(s.queue[i]);
        if (q.hist.empty() || q.hist.back().kind == MotionKind::Free) continue;
        const double from = sOf(q.hist.back(), now), to = std::max(0.0, q.legS1 - kQueueGap_m * static_cast<double>(i));
        if (std::fabs(to - from) < 1e-6) continue;
        Motion m;
        m.begin = now;
        m.end = now + kQueueCloseUp;
        m.kind = MotionKind::Creep;
        m.route = q.route;
        m.s0 = from;
        m.s1 = to;
        addMotion(q, m);
        Motion h;
        h.begin = m.end;
        h.kind = MotionKind::Hold;
        h.route = q.route;
        h.s0 = h.s1 = to;
        addMotion(q, h);
    }
}

double Mine::Impl::leaveQueue(Truck& k) {
    const double wait_min = std::max(0.0, (toSeconds(now - k.queueJoin) - (breakAccumAt(now) - k.breakAtJoin)) / 60.0);
    k.st.totalWait_min += wait_min;
    k.cycleWait_min += wait_min;
    k.st.waitingSince = -1;
    return wait_min;
}

void Mine::Impl::onArrive(Truck& k) {
    const TruckPhase ph = k.st.phase;
    if (ph == TruckPhase::ToShovel && k.hist.back().kind == MotionKind::Free) {   // out of the park bay
        proceed(k, Next::DepartEmpty);
        return;
    }
    if (ph == TruckPhase::ToShovel || ph == TruckPhase::Returning) {
        const int j = k.st.shovel;
        k.node = HaulNetwork::faceNode(j);
        const int lock = k.st.lockedShovel;
        // Its face was closed while it drove, or the dispatcher assigned it elsewhere: go on from here.
        if (j >= activeShovelCount() || (lock >= 0 && lock != j && lock < activeShovelCount())) {
            dispatchFrom(k, HaulNetwork::faceNode(j), ph);
            return;
        }
        if (parkingForChange()) {   // a shift change began while it drove: to the park-up from here
            setHeading(k, -1);
            k.stoppedShort = false;
            turnBackToPark(k, j);
            return;
        }
        setHeading(k, -1);
        if (k.countReturn) {
            st.returnSum_min += toSeconds(now - k.departTime) / 60.0;
            ++st.returnCount;
        }
        joinQueue(k, StationRef::shovel(j), TruckPhase::QueuedAtShovel);
        tryStartShovel(j);
    } else if (ph == TruckPhase::Hauling) {
        st.haulSum_min += toSeconds(now - k.departTime) / 60.0;
        ++st.haulCount;
        const DumpPoint d = k.st.destination;
        k.node = d == DumpPoint::Crusher ? HaulNetwork::kCrusher : HaulNetwork::kDump;
        joinQueue(k, StationRef::dump(d), TruckPhase::QueuedAtDump);
        tryStartDump(d);
    } else if (ph == TruckPhase::ToPark) {
        k.node = HaulNetwork::kPark;
        setPhase(k, TruckPhase::Parked);
        const Time inBay = parkPath(k, true);
        // Sent here by a shift change (crewParked): it leaves when the change ends, or now if it is over.
        if (k.st.inFleet && !parkingForChange()) {
            if (!k.crewParked || now >= k.crewFor + kCrewChange) scheduleDeparture(k, inBay, kCrewStagger);
        }
        setHeading(k, -1);
        if (!k.st.inFleet) emit(now, MineEvent::TruckParked, k.st.id, 0.0);
    }
}

// [SECTION] service: loading and dumping

void Mine::Impl::tryStartShovel(int j) {
    Station& s = shovel(j);
    if (s.busy >= 0 || s.broken || breakActive || s.queue.empty()) return;
    if (breakPendingShovel(j)) return;
    const int id = s.queue.front();
    s.queue.pop_front();
    Truck& k = truck(id);
    leaveQueue(k);
    closeUpQueue(s);
    // Strip ratio: load waste while the waste loaded lags strip_ratio x the ore loaded.
    k.st.ore = !(assignedWaste < cfg.stripRatio * assignedOre);
    const double payload = payloadOf(k.st.truckClass);
    (k.st.ore ? assignedOre : assignedWaste) += payload;
    const double spot = cfg.spot_min * 60.0;
    const double load = draw(s.rng, meanLoad_s(k.st.truckClass));
    s.busy = id;
    s.passes = derived.passes[static_cast<int>(k.st.truckClass)];
    s.passesEmitted = 0;
    s.spotEnd = now + fromSeconds(spot);
    s.serviceEnd = s.spotEnd + fromSeconds(load);
    s.swing_s = load / s.passes;
    s.nextPass = passTime(s, 1);
    const int r = k.route;
    if (spot > 0.0) {
        setPhase(k, TruckPhase::Spotting);
        Motion m;
        m.begin = now;
        m.end = s.spotEnd;
        m.kind = MotionKind::Creep;
        m.route = r;
        m.s0 = sOf(k.hist.back(), now);   // from its place in the queue
        m.s1 = route(r).length;
        addMotion(k, m);
        // Loading starts when spotting ends: the motion history carries the phase change.
        k.st.phase = TruckPhase::Loading;
        Motion h;
        h.begin = s.spotEnd;
        h.kind = MotionKind::Hold;
        h.route = r;
        h.s0 = h.s1 = route(r).length;
        addMotion(k, h);
        k.st.phase = TruckPhase::Spotting;
    } else {
        setPhase(k, TruckPhase::Loading);
        holdOnRoute(k, r, route(r).length);
    }
    k.legS1 = route(r).length;
    push(s.serviceEnd, EvType::ServiceEnd, id, ++k.token);
}

void Mine::Impl::tryStartDump(DumpPoint d) {
    Station& s = dump(d);
    if (s.busy >= 0 || (breakActive && !crewChange) || s.queue.empty()) return;   // at a change loads are tipped
    const int id = s.queue.front();
    s.queue.pop_front();
    Truck& k = truck(id);
    leaveQueue(k);
    closeUpQueue(s);
    const double service = draw(s.rng, cfg.dump_min * 60.0);
    s.busy = id;
    s.serviceEnd = now + fromSeconds(service);
    setPhase(k, TruckPhase::Dumping);
    const int r = k.route;
    const Time reverseEnd = now + fromSeconds(service * kReverseShare);
    Motion m;
    m.begin = now;
    m.end = reverseEnd;
    m.kind = MotionKind::Creep;
    m.route = r;
    m.s0 = sOf(k.hist.back(), now);   // from its place in the queue
    m.s1 = route(r).length;
    addMotion(k, m);
    Motion tip;
    tip.begin = reverseEnd;
    tip.end = s.serviceEnd;
    tip.kind = MotionKind::Tip;
    tip.route = r;
    tip.s0 = tip.s1 = route(r).length;
    addMotion(k, tip);
    k.legS1 = route(r).length;
    push(s.serviceEnd, EvType::ServiceEnd, id, ++k.token);
}

// Pass n (1-based) ends a swing after spotting; the last one ends the service.
Time Mine::Impl::passTime(const Station& s, int n) {
    return n == s.passes ? s.serviceEnd : s.spotEnd + fromSeconds(s.swing_s * n);
}

void Mine::Impl::emitPasses(Station& s, int j, Time upTo, bool inclusive) {
    while (s.passesEmitted < s.passes) {
        const Time t = s.nextPass;
        if (t > upTo || (!inclusive && t == upTo)) break;
        ++s.passesEmitted;
        emit(t, MineEvent::ShovelPass, j, s.passesEmitted);
        if (s.passesEmitted < s.passes) s.nextPass = passTime(s, s.passesEmitted + 1);
    }
}

void Mine::Impl::onServiceEnd(Truck& k) {
    if (k.station.isShovel()) {
        const int j = k.station.index;
        Station& s = shovel(j);
        emitPasses(s, j, s.serviceEnd, true);
        s.busy = -1;
        k.st.loaded = true;
        k.st.payload_t = payloadOf(k.st.truckClass);
        s.loaded_t += k.st.payload_t;
        k.station = {};
        setPhase(k, TruckPhase::Loading);
        emit(now, MineEvent::TruckLoaded, k.st.id, k.st.payload_t);
        breakPendingShovel(j);
        tryStartShovel(j);
        proceed(k, Next::DepartLoaded);
        return;
    }
    const DumpPoint d = k.station.dumpPoint();
    dump(d).busy = -1;
    const double t = k.st.payload_t;
    if (d == DumpPoint::Crusher) {
        st.ore_t += t;
        st.oreDeliveredTick_t += t;
        oreWindow.push_back({now, t});
        oreWindowSum += t;
    } else {
        st.waste_t += t;
        st.wasteDumpedTick_t += t;
    }
    emit(now, MineEvent::TruckDumped, k.st.id, d == DumpPoint::Crusher ? t : -t);
    k.st.loaded = false;
    k.st.payload_t = 0.0;
    ++k.st.cycles;
    ++st.truck_cycles;
    st.queueSum_min += k.cycleWait_min;
    k.cycleWait_min = 0.0;
    k.station = {};
    if (k.st.truckClass != k.pendingClass) k.st.truckClass = k.pendingClass;   // class swaps as trucks come back
    setPhase(k, TruckPhase::Dumping);
    tryStartDump(d);
    proceed(k, Next::DepartEmpty);
}

// [SECTION] fleet and face counts

void Mine::Impl::setFleetSize(int n) {
    for (int i = 0; i < n; ++i) {
        if (i >= static_cast<int>(trucks.size())) {
            Truck k;
            k.st.id = i;
            k.st.truckClass = k.pendingClass = cfg.truckClass;
            k.rng = Rng::stream(seed, "mine.truck." + std::to_string(i));
            k.fuelSince = now;
            k.node = HaulNetwork::kPark;
            trucks.push_back(std::move(k));
            Truck& t = trucks.back();
            standInBay(t);
            scheduleTruckFail(t);
            scheduleDeparture(t, now);
        } else {
            Truck& k = truck(i);
            if (k.st.inFleet) continue;
            k.st.inFleet = true;
            k.dirty = true;
            if (k.st.phase == TruckPhase::Parked && !k.broken) scheduleDeparture(k, now);
        }
    }
    for (int i = n; i < static_cast<int>(trucks.size()); ++i) {
        Truck& k = truck(i);
        if (!k.st.inFleet) continue;
        k.st.inFleet = false;
        k.dirty = true;
        if (k.st.phase == TruckPhase::Parked) ++k.token;   // cancels a departure not yet made
    }
}

void Mine::Impl::assignTruck(Truck& k, int shovelIndex) {
    if (k.st.lockedShovel == shovelIndex) return;
    k.st.lockedShovel = shovelIndex;
    k.dirty = true;
    if (shovelIndex < 0 || shovelIndex >= activeShovelCount()) return;
    // Queuing at another face (not yet under the shovel): leave the queue and drive to the assigned one.
    if (k.st.phase == TruckPhase::QueuedAtShovel && k.station.isShovel() &&
        k.station.index != shovelIndex) {
        const int j = k.station.index;
        std::deque<int>& q = shovel(j).queue;
        q.erase(std::find(q.begin(), q.end(), k.st.id));
        leaveQueue(k);
        k.station = {};
        for (int id : q) truck(id).dirty = true;   // their places in the queue moved up
        dispatchFrom(k, HaulNetwork::faceNode(j), TruckPhase::ToShovel);
    }
}

void Mine::Impl::setShovelCount(int n) {
    cfg.shovels = n;
    for (int j = 0; j < PitGeometry::kFaceSlots; ++j) {
        Station& s = shovel(j);
        const bool active = j < n;
        if (active && !s.active) { s.active = true; scheduleShovelFail(j); }
        if (!active && s.active) {
            s.active = false;
            ++s.failToken;
            // Trucks waiting at a closed face leave for another shovel.
            while (!s.queue.empty()) {
                Truck& k = truck(s.queue.front());
                s.queue.pop_front();
                leaveQueue(k);
                k.station = {};
                dispatchFrom(k, HaulNetwork::faceNode(j), TruckPhase::ToShovel);
            }
        }
    }
}

}  // namespace sim
