// sim/mine_motion.cpp — where Mine's trucks are: routes and their travel times, the motion history truckPoseAt()
// evaluates, phase changes and the fuel they burn (sim/mine_impl.h lists the other parts).
#include <algorithm>
#include <cmath>

#include "sim/mine_impl.h"

namespace sim {

// [SECTION] routes

void Mine::Impl::buildNetwork() {
    geometry = std::make_unique<PitGeometry>(cfg.pit);
    network = std::make_unique<HaulNetwork>(*geometry, cfg.speeds);
    bays = geometry->parkBays();
    const int n = HaulNetwork::nodeCount();
    routes.assign(static_cast<std::size_t>(n * n), Route{});
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b) routes[static_cast<std::size_t>(routeIndex(a, b))] = network->route(a, b);
    shovelPos.clear();
    shovelFacing.clear();
    for (int j = 0; j < PitGeometry::kFaceSlots; ++j) {
        shovelPos.push_back(geometry->shovelPosition(j));
        shovelFacing.push_back(geometry->shovelFacing(j));
    }
    buildRouteTimes();
}

void Mine::Impl::buildRouteTimes() {
    for (int l = 0; l < 2; ++l) {
        routeTime[l].clear();
        routeSpeeds[l].clear();
        routeKnots[l].clear();
        for (const Route& r : routes) {
            routeTime[l].push_back(network->timeAt(r, r.length, l == 1));
            routeSpeeds[l].push_back(network->speedSteps(r, l == 1));
            std::array<TimeKnot, kKnots> knots;
            const double at[kKnots] = {0.0, std::max(0.0, r.length - kShovelStage_m),
                                       std::max(0.0, r.length - kDumpStage_m), r.length};
            for (int i = 0; i < kKnots; ++i) knots[static_cast<std::size_t>(i)] = {at[i], network->timeAt(r, at[i], l == 1)};
            routeKnots[l].push_back(knots);
        }
    }
}

double Mine::Impl::routeTimeAt(int r, double s, bool loaded) const {
    for (const TimeKnot& k : routeKnots[loaded ? 1 : 0][static_cast<std::size_t>(r)])
        if (k.s == s) return k.t;
    return network->timeAt(route(r), s, loaded);
}

double Mine::Impl::driveSpeed(const Motion& m, Time t) const {
    const double tau = m.tOff + toSeconds(t - m.begin);
    for (const SpeedStep& s : routeSpeeds[m.loaded ? 1 : 0][static_cast<std::size_t>(m.route)])
        if (tau < s.until_s) return s.speed_m_s;
    return 0.0;
}

// The park-up's bays (PitGeometry::parkBays): truck i has bay i.
const PitGeometry::ParkBay& Mine::Impl::parkBay(int id) const {
    return bays[static_cast<std::size_t>(std::clamp(id, 0, static_cast<int>(bays.size()) - 1))];
}

Time Mine::Impl::parkPath(Truck& k, bool in) {
    const PitGeometry::ParkBay& b = parkBay(k.st.id);
    const SitePos p = geometry->parkPosition();
    const SitePos pts[4] = {p, b.lane, b.aisle, b.bay};
    Time t = now;
    for (int i = 0; i < 3; ++i) {
        const SitePos from = in ? pts[i] : pts[3 - i], to = in ? pts[i + 1] : pts[2 - i];
        const double len = std::hypot(to.x - from.x, to.y - from.y);
        Motion m;
        m.begin = t;
        m.end = t + std::max(kSecond, fromSeconds(len / kParkSpeed_m_s));
        m.kind = MotionKind::Free;
        m.a = from;
        m.b = to;
        // Backing out of the bay keeps the bay's heading; every other piece faces the way it goes.
        m.heading = (!in && i == 0) || len < 1e-6 ? b.heading_rad : std::atan2(to.y - from.y, to.x - from.x);
        addMotion(k, m);
        t = m.end;
    }
    if (in) {   // then stand in the bay, facing out of it
        Motion m;
        m.begin = t;
        m.kind = MotionKind::Free;
        m.a = m.b = b.bay;
        m.heading = b.heading_rad;
        addMotion(k, m);
    }
    return t;
}

// [SECTION] phases and fuel

void Mine::Impl::setPhase(Truck& k, TruckPhase ph) {
    const double delta = k.fuelRate_lps * toSeconds(now - k.fuelSince);
    k.fuelAccum += delta;
    fuelAccumSum += delta;
    fuelRateSum -= k.fuelRate_lps;
    fuelRateSinceSum -= k.fuelRate_lps * toSeconds(k.fuelSince - origin);
    k.fuelSince = now;
    k.st.phase = ph;
    k.dirty = true;
    double share = 0.0;
    switch (ph) {
        case TruckPhase::ToShovel: case TruckPhase::Hauling: case TruckPhase::Returning: case TruckPhase::ToPark:
        case TruckPhase::Dumping: share = 1.0; break;
        case TruckPhase::QueuedAtShovel: case TruckPhase::QueuedAtDump: case TruckPhase::Spotting:
        case TruckPhase::Loading: share = cfg.idleFraction; break;
        default: share = 0.0;
    }
    k.fuelRate_lps = share * fuelLph(k) / 3600.0;
    fuelRateSum += k.fuelRate_lps;
    fuelRateSinceSum += k.fuelRate_lps * toSeconds(now - origin);
}

// [SECTION] motion history

void Mine::Impl::addMotion(Truck& k, Motion m) {
    if (!k.hist.empty()) {
        Motion& last = k.hist.back();
        if (last.begin >= m.begin) k.hist.pop_back();   // superseded at the same instant
        else last.end = m.begin;
    }
    m.phase = k.st.phase;
    m.loaded = k.st.loaded;
    m.ore = k.st.ore;
    k.hist.push_back(m);
    k.lastKind = m.kind;
    // Keep what truckPoseAt needs: everything that ends inside or after the current tick.
    std::size_t drop = 0;
    while (k.hist.size() - drop > 1 && k.hist[drop + 1].begin <= tickStart) ++drop;
    if (drop > 0) k.hist.erase(k.hist.begin(), k.hist.begin() + static_cast<std::ptrdiff_t>(drop));
}

void Mine::Impl::holdOnRoute(Truck& k, int routeIdx, double s) {
    Motion m;
    m.begin = now;
    m.kind = MotionKind::Hold;
    m.route = routeIdx;
    m.s0 = m.s1 = s;
    addMotion(k, m);
}

void Mine::Impl::holdCurrent(Truck& k) {   // stand wherever the last motion left the truck
    if (k.hist.empty()) return;
    while (k.hist.size() > 1 && k.hist.back().begin > now) k.hist.pop_back();   // pieces of a park-up path to come
    const Motion last = k.hist.back();
    Motion m = last;
    m.begin = now;
    m.end = kForever;
    if (last.kind == MotionKind::Free) {
        const TruckPose p = poseOf(last, now);
        m.a = m.b = SitePos{p.x, p.y, p.z};
    } else {
        m.kind = MotionKind::Hold;
        m.s0 = m.s1 = sOf(last, now);
    }
    addMotion(k, m);
}

void Mine::Impl::standInBay(Truck& k) {
    Motion m;
    m.begin = now;
    m.kind = MotionKind::Free;
    m.a = m.b = parkBay(k.st.id).bay;
    m.heading = parkBay(k.st.id).heading_rad;
    addMotion(k, m);
}

// Off the network (between a park bay and the park-up exit): a straight move from a to b starting now.
void Mine::Impl::moveFree(Truck& k, SitePos a, SitePos b, Time duration) {
    Motion m;
    m.begin = now;
    m.end = now + duration;
    m.kind = MotionKind::Free;
    m.a = a;
    m.b = b;
    m.heading = std::atan2(m.b.y - m.a.y, m.b.x - m.a.x);
    addMotion(k, m);
}

double Mine::Impl::sOf(const Motion& m, Time t) const {
    if (m.kind == MotionKind::Drive) {
        const double s = network->sAtTime(route(m.route), m.tOff + toSeconds(t - m.begin), m.loaded);
        return std::clamp(s, std::min(m.s0, m.s1), std::max(m.s0, m.s1));
    }
    if (m.kind == MotionKind::Creep && m.end > m.begin && m.end != kForever) {
        const double f = std::clamp(static_cast<double>(t - m.begin) / static_cast<double>(m.end - m.begin), 0.0, 1.0);
        return m.s0 + (m.s1 - m.s0) * f;
    }
    return m.s0;
}

TruckPose Mine::Impl::poseOf(const Motion& m, Time t) const {
    TruckPose o;
    o.phase = m.phase;
    o.loaded = m.loaded;
    o.ore = m.ore;
    if (m.kind == MotionKind::Free) {
        double f = 0.0;
        if (m.end != kForever && m.end > m.begin)
            f = std::clamp(static_cast<double>(t - m.begin) / static_cast<double>(m.end - m.begin), 0.0, 1.0);
        o.x = m.a.x + (m.b.x - m.a.x) * f;
        o.y = m.a.y + (m.b.y - m.a.y) * f;
        o.z = m.a.z + (m.b.z - m.a.z) * f;
        o.heading_rad = m.heading;
        return o;
    }
    const Route& r = route(m.route);
    const double s = sOf(m, t);
    const SitePos p = network->pointAt(r, s);
    o.x = p.x; o.y = p.y; o.z = p.z;
    o.heading_rad = network->headingAt(r, s);
    o.grade = network->gradeAt(r, s);
    if (m.kind == MotionKind::Tip && m.end != kForever && m.end > m.begin) {
        // Raise over 40 %, hold 20 %, lower over 40 % of the tipping time; smoothstep so the body eases.
        const double f = static_cast<double>(t - m.begin) / static_cast<double>(m.end - m.begin);
        double u = f < 0.4 ? f / 0.4 : (f < 0.6 ? 1.0 : (1.0 - f) / 0.4);
        u = std::clamp(u, 0.0, 1.0);
        o.bodyTilt = u * u * (3.0 - 2.0 * u);
    }
    return o;
}

// [SECTION] drives

// Drive route r from s0 to s1 starting now; schedules the arrival.
void Mine::Impl::startDrive(Truck& k, int r, double s0, double s1, bool loaded) {
    Motion m;
    m.begin = now;
    m.kind = MotionKind::Drive;
    m.route = r;
    m.s0 = s0;
    m.s1 = s1;
    m.tOff = routeTimeAt(r, s0, loaded);
    const double dur = std::max(0.0, routeTimeAt(r, s1, loaded) - m.tOff);
    k.route = r;
    k.legS0 = s0;
    k.legS1 = s1;
    k.legStart = now;
    k.legEnd = now + fromSeconds(dur);
    k.stoppedShort = false;
    addMotion(k, m);
    push(k.legEnd, EvType::Arrive, k.st.id, ++k.token);
}

bool Mine::Impl::isDriving(const Truck& k) const {
    return k.lastKind == MotionKind::Drive && k.legEnd > now &&
           (k.st.phase == TruckPhase::ToShovel || k.st.phase == TruckPhase::Returning ||
            k.st.phase == TruckPhase::Hauling || k.st.phase == TruckPhase::ToPark);
}

void Mine::Impl::stopDrive(Truck& k) {   // freeze a moving truck where it is now
    k.legS0 = sOf(k.hist.back(), now);
    ++k.token;
    holdOnRoute(k, k.route, k.legS0);
}

// New speeds: every moving truck drives the rest of its leg at them, from where it is now.
void Mine::Impl::retimeDrives() {
    for (Truck& k : trucks) {
        if (!isDriving(k)) continue;
        stopDrive(k);
        startDrive(k, k.route, k.legS0, k.legS1, k.st.loaded);
    }
}

}  // namespace sim
