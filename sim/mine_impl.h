// sim/mine_impl.h — Mine's internals, shared by the files that implement it; include it from nowhere else.
//   sim/mine.cpp              public API, parameters, construction, the event loop, live parameter changes, state
//   sim/mine_motion.cpp       routes and their travel times, motion histories and poses, phases and fuel
//   sim/mine_dispatch.cpp     the truck cycle: park-up, dispatch to shovels, queues, loading, hauling, dumping
//   sim/mine_reliability.cpp  breakdowns and repairs (stochastic and injected) and shift breaks
// The model itself is described in sim/mine.h. Everything here is deterministic: events are ordered by (time,
// sequence) and each truck and station draws from its own RNG stream.
// Does NOT: hold anything a scene may see; MineState (sim/mine.h) is the only view out.
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

#include "sim/mine.h"

namespace sim {

// [SECTION] constants

inline constexpr Time kForever = std::numeric_limits<Time>::max();
inline constexpr double kShovelStage_m = 40.0;   // queue point before the loading spot; the truck covers it while spotting
inline constexpr double kDumpStage_m = 30.0;     // queue point before the tipping point; the truck reverses over it
inline constexpr double kQueueGap_m = 20.0;      // queued trucks stand this far apart along the road (BelAZ 13.4 m long)
inline constexpr Time kQueueCloseUp = 20 * kSecond; // a queued truck moves up one place in this time (1 m/s)
inline constexpr double kReverseShare = 0.3;     // share of the dump service spent reversing in; the rest is tipping
inline constexpr Time kParkStagger = 30 * kSecond;   // trucks leave the park-up one after another
inline constexpr double kRatedPayload220 = 220.0;    // almalyk.md defaults: BelAZ-75306/75307
inline constexpr double kRatedPayload130 = 130.0;    // almalyk.md defaults: BelAZ-75131
inline constexpr double kParkSpeed_m_s = 4.0;    // in the park-up: the lane, the aisles and into a bay
inline constexpr Time kCrewStagger = 15 * kSecond;   // after a shift change the new crews drive off one by one
inline constexpr Time kCrewChange = 15 * kMinute;    // from the change's start: the new crews are in the cabs, so
                                                     // they reach the faces about when the shovels restart

// [SECTION] configuration

struct MineConfig {
    int trucks = 1, shovels = 1;
    TruckClass truckClass = TruckClass::T220;
    double payloadOverride = 0.0, pass_t = 42.0;
    double load_min = 2.5, spot_min = 0.7, dump_min = 1.2, cv = 0.3;
    int dist = 0;   // 0 exponential, 1 lognormal, 2 deterministic
    Dispatch dispatch = Dispatch::LeastWait;
    double stripRatio = 0.0;
    TruckSpeeds speeds;
    double fuel220 = 170, fuel130 = 110, idleFraction = 0.3, co2PerL = 2.68;
    bool breakdowns = false;
    double truckMtbf_h = 40, truckMttr_h = 4, shovelMtbf_h = 80, shovelMttr_h = 3;
    bool shiftBreaks = false;
    double shiftStart_h = 8, shift_h = 12, change_min = 30, meal_min = 30;
    PitParams pit;
};

// [SECTION] the event queue

enum class EvType : std::uint8_t { Depart, Arrive, ServiceEnd, TruckFail, TruckRepair, ShovelFail, ShovelRepair,
                                   BreakStart, BreakEnd, CrewsChanged };

struct QEvent {
    Time t;
    std::uint64_t seq;
    EvType type;
    int index;
    std::uint32_t token;
    // Before o: (time, sequence) lexicographically, without branches (the outcome is unpredictable).
    bool before(const QEvent& o) const { return (t < o.t) | ((t == o.t) & (seq < o.seq)); }
};

// A 4-ary min-heap of QEvents by (time, sequence). Pairs are unique, so the pop order is the one any correct heap
// gives. Four children per node halve the depth (about 90 events: 3-4 levels), their comparisons are independent
// and branch-free, and a pop runs the hole down to a leaf before the last event climbs back (Floyd).
class EventHeap {
public:
    bool empty() const { return m_v.empty(); }
    std::size_t size() const { return m_v.size(); }
    const QEvent& top() const { return m_v.front(); }
    void clear() { m_v.clear(); }
    void push(const QEvent& e) {
        m_v.push_back(e);
        siftUp(m_v.size() - 1, e);
    }
    void pop() {
        const QEvent last = m_v.back();
        m_v.pop_back();
        const std::size_t n = m_v.size();
        if (n == 0) return;
        std::size_t i = 0;
        for (std::size_t c = 1; c < n; c = 4 * i + 1) {
            std::size_t best = c;
            const std::size_t end = std::min(c + 4, n);
            for (std::size_t q = c + 1; q < end; ++q) best = m_v[q].before(m_v[best]) ? q : best;
            m_v[i] = m_v[best];
            i = best;
        }
        siftUp(i, last);
    }

private:
    void siftUp(std::size_t i, const QEvent& e) {
        while (i > 0) {
            const std::size_t parent = (i - 1) / 4;
            if (!e.before(m_v[parent])) break;
            m_v[i] = m_v[parent];
            i = parent;
        }
        m_v[i] = e;
    }
    std::vector<QEvent> m_v;
};

// [SECTION] trucks, motions and stations

enum class MotionKind : std::uint8_t { Drive, Creep, Hold, Tip, Free };

// One piece of a truck's recent path; truckPoseAt() evaluates these exactly.
struct Motion {
    Time begin = 0, end = kForever;
    MotionKind kind = MotionKind::Hold;
    TruckPhase phase = TruckPhase::Parked;
    bool loaded = false, ore = true;
    int route = -1;          // index into Impl::routes
    double s0 = 0, s1 = 0;   // route distance at begin / end
    double tOff = 0;         // Drive: route travel time at s0
    SitePos a, b;            // Free: straight move a -> b (a == b: standing)
    double heading = 0;      // Free: heading
};

// What a truck does once nothing holds it (a breakdown or a shift break).
enum class Next : std::uint8_t { None, DepartLoaded, DepartEmpty, ResumeDrive };

// A queue a truck waits in and is served at: one of the shovels, or a dump point (crusher or waste dump).
enum class StationKind : std::uint8_t { None, Shovel, Dump };
struct StationRef {
    StationKind kind = StationKind::None;
    int index = -1;   // shovel index, or the DumpPoint's value

    static StationRef shovel(int j) { return {StationKind::Shovel, j}; }
    static StationRef dump(DumpPoint d) { return {StationKind::Dump, static_cast<int>(d)}; }
    bool isShovel() const { return kind == StationKind::Shovel; }
    DumpPoint dumpPoint() const { return static_cast<DumpPoint>(index); }   // kind == Dump
};

struct Truck {
    TruckState st;
    TruckClass pendingClass = TruckClass::T220;
    Rng rng;
    std::uint32_t token = 0;       // Arrive / ServiceEnd / Depart events
    std::uint32_t failToken = 0;   // stochastic failure events
    bool broken = false, faultHeld = false, repairScheduled = false, pendingFail = false, pendingFault = false;
    Next next = Next::None;
    TruckPhase resumePhase = TruckPhase::Parked;
    int node = HaulNetwork::kPark;  // node where the truck stands (when not driving)
    int route = -1;                 // current / interrupted drive
    double legS0 = 0, legS1 = 0;
    Time legStart = 0, legEnd = 0;
    Time departTime = 0;            // start of the current haul or return
    bool stoppedShort = false;      // stands at the tail of its station's queue, its arrival there still to come
    bool countReturn = false;       // this drive to a shovel is a return from a dump (design.md mean_return_min)
    bool crewParked = false;        // parked for a shift change: drives off when it ends
    Time crewFor = 0;               // the start of that shift change
    Time queueJoin = 0;
    double breakAtJoin = 0;
    double cycleWait_min = 0;
    StationRef station;             // queued at or being served by
    int headingTo = -1;             // shovel it drives to (for least-wait dispatch)
    double fuelAccum = 0, fuelRate_lps = 0;
    Time fuelSince = 0;
    bool dirty = true;              // st changed since it was last copied into MineState
    // A handful of pieces (those the last tick needs); a vector with front erases never reallocates once warm,
    // where a deque would allocate and free a block every few motions.
    std::vector<Motion> hist;
    MotionKind lastKind = MotionKind::Free;   // hist.back().kind, kept beside the hot fields for dispatch
};

struct Station {
    std::deque<int> queue;
    int busy = -1;
    bool active = true, broken = false, faultHeld = false, repairScheduled = false, pendingFail = false,
         pendingFault = false;
    std::uint32_t failToken = 0;
    Rng rng;
    Time spotEnd = 0, serviceEnd = 0, repairEnd = 0;
    int passes = 0, passesEmitted = 0;
    double swing_s = 0;
    Time nextPass = 0;   // time of pass passesEmitted + 1 (while passesEmitted < passes)
    double loaded_t = 0;
};

// [SECTION] Impl

// A unique_ptr that copies what it points to, so Impl (and with it Mine and World) has value semantics: a training
// snapshot is a copy of the World (sim/training.h). The pointee stays on the heap so its address survives moves.
template <class T>
class DeepPtr {
public:
    DeepPtr() = default;
    DeepPtr(const DeepPtr& o) : m_p(o.m_p ? std::make_unique<T>(*o.m_p) : nullptr) {}
    DeepPtr& operator=(const DeepPtr& o) {
        if (this != &o) m_p = o.m_p ? std::make_unique<T>(*o.m_p) : nullptr;
        return *this;
    }
    DeepPtr& operator=(std::unique_ptr<T> p) {
        m_p = std::move(p);
        return *this;
    }
    T* operator->() const { return m_p.get(); }
    T& operator*() const { return *m_p; }

private:
    std::unique_ptr<T> m_p;
};

struct Mine::Impl {
    MineConfig cfg;
    std::uint64_t seed;
    Time now;
    DeepPtr<PitGeometry> geometry;
    DeepPtr<HaulNetwork> network;
    std::vector<Route> routes;   // nodeCount x nodeCount
    std::vector<double> routeTime[2];                // [loaded] full-route travel time, s
    // [loaded] per route: travel time at the distances legs start or end at (0, the queue points, the end), so a
    // drive costs no route walk; any other distance asks the network (same function, so the same bits).
    struct TimeKnot { double s, t; };
    static constexpr int kKnots = 4;
    std::vector<std::array<TimeKnot, kKnots>> routeKnots[2];
    std::vector<std::vector<SpeedStep>> routeSpeeds[2];
    std::vector<SitePos> shovelPos;                  // per face slot, cached for the per-tick state
    std::vector<double> shovelFacing;
    std::vector<Truck> trucks;
    std::vector<Station> shovels;   // kFaceSlots, first cfg.shovels active
    Station dumps[2];               // by DumpPoint: crusher, waste dump
    EventHeap heap;
    std::uint64_t seq = 0;
    bool breakActive = false;
    bool crewChange = false;        // the break is a shift change: the trucks go to the park-up for it
    bool crewsChanged = false;      // ... and the new crews have taken over (kCrewChange after its start)
    bool parkingForChange() const { return breakActive && crewChange && !crewsChanged; }
    Time breakStart = 0;
    double breakAccum_s = 0;
    std::uint32_t breakToken = 0;
    Time lastParkDeparture = std::numeric_limits<Time>::min() / 2;
    double assignedOre = 0, assignedWaste = 0;
    std::deque<std::pair<Time, double>> oreWindow;
    double oreWindowSum = 0;
    std::vector<Event> pending;   // emitted outside step() (faults, parameter changes); flushed at the next step
    EventSink* sink = nullptr;
    Time tickStart;
    MineState st;
    bool stateFresh = false;       // per-truck and per-shovel parts of st are refreshed lazily, when read
    Time origin;                   // fuel sums count seconds from here
    double fuelAccumSum = 0, fuelRateSum = 0, fuelRateSinceSum = 0;
    std::vector<std::vector<int>> enRouteIds;   // per face slot: trucks driving to it (for least-wait dispatch)
    std::vector<Time> ahead;                    // scratch
    std::vector<PitGeometry::ParkBay> bays;     // geometry->parkBays(), nearest first; truck i stands in bay i
    // Per truck class, from cfg: recomputed whenever cfg changes (deriveConfig), read on every load and dispatch.
    struct Derived {
        double meanLoad_s[2] = {0, 0};
        double shovelService_s[2] = {0, 0};   // spotting + mean loading
        int passes[2] = {1, 1};
    } derived;

    Impl(const Params& p, std::uint64_t s, Time start);

    // ---- helpers (mine.cpp unless noted)
    template <class Kind>
    void emit(Time t, Kind k, int index, double value) {
        const Event e{t, Unit::Mine, static_cast<std::uint16_t>(k), index, value};
        if (sink) sink->emit(t, Unit::Mine, k, index, value);
        else pending.push_back(e);
    }
    void push(Time t, EvType type, int index, std::uint32_t token) { heap.push({t, seq++, type, index, token}); }
    Truck& truck(int i) { return trucks[static_cast<std::size_t>(i)]; }
    Station& shovel(int j) { return shovels[static_cast<std::size_t>(j)]; }
    Station& dump(DumpPoint d) { return dumps[static_cast<int>(d)]; }
    Station& station(StationRef r) { return r.kind == StationKind::Dump ? dumps[r.index] : shovel(r.index); }
    int routeIndex(int from, int to) const { return from * HaulNetwork::nodeCount() + to; }
    const Route& route(int idx) const { return routes[static_cast<std::size_t>(idx)]; }
    double breakAccumAt(Time t) const { return breakAccum_s + (breakActive ? toSeconds(t - breakStart) : 0.0); }
    double payloadOf(TruckClass c) const {
        if (cfg.payloadOverride > 0.0) return cfg.payloadOverride;
        return c == TruckClass::T130 ? kRatedPayload130 : kRatedPayload220;
    }
    int passesFor(double payload) const { return std::max(1, static_cast<int>(std::lround(payload / cfg.pass_t))); }
    double meanLoad_s(TruckClass c) const { return derived.meanLoad_s[static_cast<int>(c)]; }
    double meanShovelService_s(TruckClass c) const { return derived.shovelService_s[static_cast<int>(c)]; }
    int activeShovelCount() const { return cfg.shovels; }
    void deriveConfig();
    double draw(Rng& r, double mean_s);
    double fuelLph(const Truck& k) const { return k.st.truckClass == TruckClass::T130 ? cfg.fuel130 : cfg.fuel220; }

    // ---- routes, motion, phases and fuel (mine_motion.cpp)
    void buildNetwork();
    void buildRouteTimes();
    double routeTimeAt(int r, double s, bool loaded) const;
    double driveSpeed(const Motion& m, Time t) const;
    const PitGeometry::ParkBay& parkBay(int id) const;
    // Drives the park-up between the park point and the truck's bay (in: lane, aisle, bay; out: the reverse, backing
    // out of the bay); returns when it gets there.
    Time parkPath(Truck& k, bool in);
    void setPhase(Truck& k, TruckPhase ph);
    // Fleet fuel at t in O(1): every truck burns at a constant rate between phase changes.
    double fleetFuelAt(Time t) const { return fuelAccumSum + fuelRateSum * toSeconds(t - origin) - fuelRateSinceSum; }
    void addMotion(Truck& k, Motion m);
    void holdOnRoute(Truck& k, int routeIdx, double s);
    void holdCurrent(Truck& k);
    void standInBay(Truck& k);
    void moveFree(Truck& k, SitePos a, SitePos b, Time duration);
    double sOf(const Motion& m, Time t) const;
    TruckPose poseOf(const Motion& m, Time t) const;
    void startDrive(Truck& k, int r, double s0, double s1, bool loaded);
    bool isDriving(const Truck& k) const;
    void stopDrive(Truck& k);
    void retimeDrives();

    // ---- breakdowns, repairs and shift breaks (mine_reliability.cpp)
    void proceed(Truck& k, Next n);
    void breakDown(Truck& k, Next n, bool byFault);
    void startReliabilityInSteadyState();
    void repair(Truck& k);
    void scheduleTruckFail(Truck& k);
    void scheduleShovelFail(int j);
    void failTruck(Truck& k, bool byFault);
    void breakShovel(int j, bool byFault);
    void repairShovel(int j);
    bool breakPendingShovel(int j);
    void setTruckFault(int i, bool on);
    void setShovelFault(int j, bool on);
    void scheduleNextBreak(Time from);
    void onBreakStart(int kind);
    void endBreak();

    // ---- the truck cycle (mine_dispatch.cpp)
    void setHeading(Truck& k, int j);
    int chooseShovel(const Truck& k, int fromNode);
    void dispatchFrom(Truck& k, int fromNode, TruckPhase phase);
    void assignTruck(Truck& k, int shovelIndex);
    void departLoaded(Truck& k);
    void departEmpty(Truck& k);
    void scheduleDeparture(Truck& k, Time earliest, Time stagger = kParkStagger);
    void leavePark(Truck& k);
    void turnBackToPark(Truck& k, int face);
    // The start of the first shift change at or after t (kForever without shift breaks).
    Time nextChangeStart(Time t) const;
    void onCrewsChanged();
    // An empty truck leaving a dump (or the park-up) that could not finish another cycle before the next shift
    // change goes to the park-up instead (its crew's last cycle is done).
    bool lastCycleDone(Truck& k);
    void parkForChange(Truck& k, Time change) { k.crewParked = true; k.crewFor = change; }
    void joinQueue(Truck& k, StationRef at, TruckPhase phase);
    double leaveQueue(Truck& k);
    void closeUpQueue(const Station& s);
    // Trucks driving to a queue stop at its tail (one gap behind the last truck waiting or stopped there) instead of
    // driving into it; their arrival (queue timing) is unchanged. Run at the end of every step.
    void stopShortOfQueues();
    bool queueBound(const Truck& k, StationRef& at) const;      // the station a driving truck's leg ends at
    bool stopAtTail(Truck& k, StationRef at, bool arriving);    // holds k at the tail of at's queue, if it has one   // the trucks still queued move up to their places after one leaves
    void onArrive(Truck& k);
    void tryStartShovel(int j);
    void tryStartDump(DumpPoint d);
    static Time passTime(const Station& s, int n);
    void emitPasses(Station& s, int j, Time upTo, bool inclusive);
    void onServiceEnd(Truck& k);
    void setFleetSize(int n);
    void setShovelCount(int n);

    // ---- parameter changes, the event loop and the state (mine.cpp)
    void rebuildGeometry();
    void apply(const Params& p);
    void handle(const QEvent& e);
    void step(Time t0, Time dt, EventSink& ev);
    void preRoll(Time start);
    void refreshTotals();
    const MineState& freshState();
    void refreshState();
};

}  // namespace sim
