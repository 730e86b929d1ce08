#include "sim/mine.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <limits>

namespace sim {
namespace {

// [SECTION] constants and parameters

constexpr Time kForever = std::numeric_limits<Time>::max();
constexpr double kShovelStage_m = 40.0;   // queue point before the loading spot; the truck covers it while spotting
constexpr double kDumpStage_m = 30.0;     // queue point before the tipping point; the truck reverses over it
constexpr double kReverseShare = 0.3;     // share of the dump service spent reversing in; the rest is tipping
constexpr Time kParkMove = 20 * kSecond;  // drive between a park bay and the park-up exit
constexpr Time kParkStagger = 30 * kSecond;   // trucks leave the park-up one after another
constexpr double kRatedPayload220 = 220.0;    // almalyk.md defaults: BelAZ-75306/75307
constexpr double kRatedPayload130 = 130.0;    // almalyk.md defaults: BelAZ-75131
constexpr double kKmPerHourToMs = 1.0 / 3.6;

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
    registerPitParams(p);
}

const char* toString(TruckPhase p) {
    switch (p) {
        case TruckPhase::Parked: return "parked";
        case TruckPhase::ToShovel: return "to shovel";
        case TruckPhase::QueuedAtShovel: return "queued at shovel";
        case TruckPhase::Spotting: return "spotting";
        case TruckPhase::Loading: return "loading";
        case TruckPhase::Hauling: return "hauling";
        case TruckPhase::QueuedAtDump: return "queued at dump";
        case TruckPhase::Dumping: return "dumping";
        case TruckPhase::Returning: return "returning";
        case TruckPhase::ToPark: return "to park";
        case TruckPhase::BrokenDown: return "broken down";
        case TruckPhase::ShiftBreak: return "shift break";
    }
    return "?";
}

// [SECTION] internal types

namespace {

struct Config {
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

Config readConfig(const Params& p) {
    Config c;
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

enum class EvType : std::uint8_t { Depart, Arrive, ServiceEnd, TruckFail, TruckRepair, ShovelFail, ShovelRepair,
                                   BreakStart, BreakEnd };

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
    bool countReturn = false;       // this drive to a shovel is a return from a dump (design.md mean_return_min)
    Time queueJoin = 0;
    double breakAtJoin = 0;
    double cycleWait_min = 0;
    int station = -1;               // shovel index (queued / served) or 100 + dump point
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

}  // namespace

// [SECTION] Impl

struct Mine::Impl {
    Config cfg;
    std::uint64_t seed;
    Time now;
    std::unique_ptr<PitGeometry> geometry;
    std::unique_ptr<HaulNetwork> network;
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
    Station dumps[2];               // crusher, waste dump
    EventHeap heap;
    std::uint64_t seq = 0;
    Rng serviceRng;
    bool breakActive = false;
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

    Impl(const Params& p, std::uint64_t s, Time start)
        : cfg(readConfig(p)), seed(s), now(start), serviceRng(Rng::stream(s, "mine.service")), tickStart(start),
          origin(start) {
        deriveConfig();
        buildNetwork();
        shovels.resize(PitGeometry::kFaceSlots);
        enRouteIds.resize(PitGeometry::kFaceSlots);
        for (int j = 0; j < PitGeometry::kFaceSlots; ++j) {
            shovels[static_cast<std::size_t>(j)].rng = Rng::stream(seed, "mine.shovel." + std::to_string(j));
            shovels[static_cast<std::size_t>(j)].active = j < cfg.shovels;
        }
        dumps[0].rng = Rng::stream(seed, "mine.crusher");
        dumps[1].rng = Rng::stream(seed, "mine.dump");
        for (int j = 0; j < cfg.shovels; ++j) scheduleShovelFail(j);
        setFleetSize(cfg.trucks);
        scheduleNextBreak(now);
    }

    // ---- helpers
    template <class Kind>
    void emit(Time t, Kind k, int index, double value) {
        const Event e{t, Unit::Mine, static_cast<std::uint16_t>(k), index, value};
        if (sink) sink->emit(t, Unit::Mine, k, index, value);
        else pending.push_back(e);
    }
    void push(Time t, EvType type, int index, std::uint32_t token) { heap.push({t, seq++, type, index, token}); }
    Truck& truck(int i) { return trucks[static_cast<std::size_t>(i)]; }
    Station& shovel(int j) { return shovels[static_cast<std::size_t>(j)]; }
    Station& station(int code) { return code >= 100 ? dumps[code - 100] : shovel(code); }
    int routeIndex(int from, int to) const { return from * HaulNetwork::nodeCount() + to; }
    const Route& route(int idx) const { return routes[static_cast<std::size_t>(idx)]; }
    double breakAccumAt(Time t) const { return breakAccum_s + (breakActive ? toSeconds(t - breakStart) : 0.0); }

    void buildNetwork() {
        geometry = std::make_unique<PitGeometry>(cfg.pit);
        network = std::make_unique<HaulNetwork>(*geometry, cfg.speeds);
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
    void buildRouteTimes() {
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
    double routeTimeAt(int r, double s, bool loaded) const {
        for (const TimeKnot& k : routeKnots[loaded ? 1 : 0][static_cast<std::size_t>(r)])
            if (k.s == s) return k.t;
        return network->timeAt(route(r), s, loaded);
    }
    double driveSpeed(const Motion& m, Time t) const {
        const double tau = m.tOff + toSeconds(t - m.begin);
        for (const SpeedStep& s : routeSpeeds[m.loaded ? 1 : 0][static_cast<std::size_t>(m.route)])
            if (tau < s.until_s) return s.speed_m_s;
        return 0.0;
    }

    double payloadOf(TruckClass c) const {
        if (cfg.payloadOverride > 0.0) return cfg.payloadOverride;
        return c == TruckClass::T130 ? kRatedPayload130 : kRatedPayload220;
    }
    int passesFor(double payload) const { return std::max(1, static_cast<int>(std::lround(payload / cfg.pass_t))); }
    double meanLoad_s(TruckClass c) const { return derived.meanLoad_s[static_cast<int>(c)]; }
    // Per truck class, from cfg: recomputed whenever cfg changes (deriveConfig), read on every load and dispatch.
    struct Derived {
        double meanLoad_s[2] = {0, 0};
        double shovelService_s[2] = {0, 0};   // spotting + mean loading
        int passes[2] = {1, 1};
    } derived;
    void deriveConfig() {
        const int ref = passesFor(kRatedPayload220);
        for (int c = 0; c < 2; ++c) {
            const int passes = passesFor(payloadOf(static_cast<TruckClass>(c)));
            derived.passes[c] = passes;
            derived.meanLoad_s[c] = cfg.load_min * 60.0 * passes / ref;
            derived.shovelService_s[c] = cfg.spot_min * 60.0 + derived.meanLoad_s[c];
        }
    }
    double draw(Rng& r, double mean_s) {
        switch (cfg.dist) {
            case 0: return r.exponential(mean_s);
            case 1: return r.lognormal(mean_s, cfg.cv);
            default: return mean_s;
        }
    }
    double fuelLph(const Truck& k) const { return k.st.truckClass == TruckClass::T130 ? cfg.fuel130 : cfg.fuel220; }
    // Bays in rows of ten, away from the pit: rows step outward from the rim, bays along it.
    SitePos parkBay(int id) const {
        const SitePos p = geometry->parkPosition(), j = geometry->junctionPosition(), e = geometry->rampExit();
        const double len = std::max(1e-9, std::hypot(j.x - e.x, j.y - e.y));
        const double nx = (j.x - e.x) / len, ny = (j.y - e.y) / len;
        const double along = 14.0 * (id % 10) - 63.0, out = 25.0 + 22.0 * (id / 10);
        return {p.x + out * nx - along * ny, p.y + out * ny + along * nx, p.z};
    }

    // ---- motion and phase bookkeeping
    void setPhase(Truck& k, TruckPhase ph) {
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
    // Fleet fuel at t in O(1): every truck burns at a constant rate between phase changes.
    double fleetFuelAt(Time t) const { return fuelAccumSum + fuelRateSum * toSeconds(t - origin) - fuelRateSinceSum; }
    void addMotion(Truck& k, Motion m) {
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
    void holdOnRoute(Truck& k, int routeIdx, double s) {
        Motion m;
        m.begin = now;
        m.kind = MotionKind::Hold;
        m.route = routeIdx;
        m.s0 = m.s1 = s;
        addMotion(k, m);
    }
    void holdCurrent(Truck& k) {   // stand wherever the last motion left the truck
        if (k.hist.empty()) return;
        const Motion last = k.hist.back();
        Motion m = last;
        m.begin = now;
        m.end = kForever;
        if (last.kind == MotionKind::Free) { m.a = m.b = poseOf(last, now).pos(); }
        else { m.kind = MotionKind::Hold; m.s0 = m.s1 = sOf(last, now); }
        addMotion(k, m);
    }

    double sOf(const Motion& m, Time t) const {
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

    struct PoseOut {
        TruckPose p;
        SitePos pos() const { return {p.x, p.y, p.z}; }
    };
    PoseOut poseOf(const Motion& m, Time t) const {
        PoseOut o;
        o.p.phase = m.phase;
        o.p.loaded = m.loaded;
        o.p.ore = m.ore;
        if (m.kind == MotionKind::Free) {
            double f = 0.0;
            if (m.end != kForever && m.end > m.begin)
                f = std::clamp(static_cast<double>(t - m.begin) / static_cast<double>(m.end - m.begin), 0.0, 1.0);
            o.p.x = m.a.x + (m.b.x - m.a.x) * f;
            o.p.y = m.a.y + (m.b.y - m.a.y) * f;
            o.p.z = m.a.z + (m.b.z - m.a.z) * f;
            o.p.heading_rad = m.heading;
            return o;
        }
        const Route& r = route(m.route);
        const double s = sOf(m, t);
        const SitePos p = network->pointAt(r, s);
        o.p.x = p.x; o.p.y = p.y; o.p.z = p.z;
        o.p.heading_rad = network->headingAt(r, s);
        o.p.grade = network->gradeAt(r, s);
        if (m.kind == MotionKind::Tip && m.end != kForever && m.end > m.begin) {
            // Raise over 40 %, hold 20 %, lower over 40 % of the tipping time; smoothstep so the body eases.
            const double f = static_cast<double>(t - m.begin) / static_cast<double>(m.end - m.begin);
            double u = f < 0.4 ? f / 0.4 : (f < 0.6 ? 1.0 : (1.0 - f) / 0.4);
            u = std::clamp(u, 0.0, 1.0);
            o.p.bodyTilt = u * u * (3.0 - 2.0 * u);
        }
        return o;
    }

    // Drive route r from s0 to s1 starting now; schedules the arrival.
    void startDrive(Truck& k, int r, double s0, double s1, bool loaded) {
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
        addMotion(k, m);
        push(k.legEnd, EvType::Arrive, k.st.id, ++k.token);
    }
    bool isDriving(const Truck& k) const {
        return k.lastKind == MotionKind::Drive && k.legEnd > now &&
               (k.st.phase == TruckPhase::ToShovel || k.st.phase == TruckPhase::Returning ||
                k.st.phase == TruckPhase::Hauling || k.st.phase == TruckPhase::ToPark);
    }
    void stopDrive(Truck& k) {   // freeze a moving truck where it is now
        k.legS0 = sOf(k.hist.back(), now);
        ++k.token;
        holdOnRoute(k, k.route, k.legS0);
    }

    // ---- gates: breakdowns and shift breaks hold a truck before it moves off
    void proceed(Truck& k, Next n) {
        if (k.pendingFail || k.pendingFault) {
            const bool byFault = k.pendingFault;
            k.pendingFail = k.pendingFault = false;
            breakDown(k, n, byFault);
            return;
        }
        if (breakActive && n != Next::ResumeDrive) {
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
    void breakDown(Truck& k, Next n, bool byFault) {
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
    void repair(Truck& k) {
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
    void scheduleTruckFail(Truck& k) {
        ++k.failToken;
        if (!cfg.breakdowns) return;
        push(now + fromSeconds(k.rng.exponential(cfg.truckMtbf_h * 3600.0)), EvType::TruckFail, k.st.id, k.failToken);
    }
    void scheduleShovelFail(int j) {
        Station& s = shovel(j);
        ++s.failToken;
        if (!cfg.breakdowns) return;
        push(now + fromSeconds(s.rng.exponential(cfg.shovelMtbf_h * 3600.0)), EvType::ShovelFail, j, s.failToken);
    }
    void failTruck(Truck& k, bool byFault) {
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
    void breakShovel(int j, bool byFault) {
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
    void repairShovel(int j) {
        Station& s = shovel(j);
        s.broken = s.faultHeld = s.repairScheduled = false;
        emit(now, MineEvent::ShovelRepaired, j, 0.0);
        scheduleShovelFail(j);
        tryStartShovel(j);
    }

    // ---- dispatch and the truck cycle
    int activeShovelCount() const { return cfg.shovels; }
    double meanShovelService_s(TruckClass c) const { return derived.shovelService_s[static_cast<int>(c)]; }

    void setHeading(Truck& k, int j) {
        if (k.headingTo >= 0) {
            std::vector<int>& v = enRouteIds[static_cast<std::size_t>(k.headingTo)];
            v.erase(std::find(v.begin(), v.end(), k.st.id));
        }
        k.headingTo = j;
        if (j >= 0) enRouteIds[static_cast<std::size_t>(j)].push_back(k.st.id);
    }

    int chooseShovel(const Truck& k, int fromNode) {
        const int n = activeShovelCount();
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

    void dispatchFrom(Truck& k, int fromNode, TruckPhase phase) {
        const int j = chooseShovel(k, fromNode);
        k.st.shovel = j;
        setHeading(k, j);
        setPhase(k, phase);
        const int r = routeIndex(fromNode, HaulNetwork::faceNode(j));
        const double L = route(r).length;
        startDrive(k, r, 0.0, std::max(0.0, L - (cfg.spot_min > 0.0 ? kShovelStage_m : 0.0)), false);
    }

    void departLoaded(Truck& k) {
        const int dest = k.st.ore ? HaulNetwork::kCrusher : HaulNetwork::kDump;
        k.st.destination = k.st.ore ? DumpPoint::Crusher : DumpPoint::WasteDump;
        k.departTime = now;
        setPhase(k, TruckPhase::Hauling);
        const int r = routeIndex(HaulNetwork::faceNode(k.st.shovel), dest);
        startDrive(k, r, 0.0, std::max(0.0, route(r).length - kDumpStage_m), true);
    }

    void departEmpty(Truck& k) {
        if (!k.st.inFleet) {
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
    void scheduleDeparture(Truck& k, Time earliest) {
        const Time t = std::max(earliest, lastParkDeparture + kParkStagger);
        lastParkDeparture = t;
        push(t, EvType::Depart, k.st.id, ++k.token);
    }
    void leavePark(Truck& k) {
        setPhase(k, TruckPhase::ToShovel);
        Motion m;
        m.begin = now;
        m.end = now + kParkMove;
        m.kind = MotionKind::Free;
        m.a = parkBay(k.st.id);
        m.b = geometry->parkPosition();
        m.heading = std::atan2(m.b.y - m.a.y, m.b.x - m.a.x);
        addMotion(k, m);
        k.node = HaulNetwork::kPark;
        k.legEnd = m.end;
        setHeading(k, -1);
        push(m.end, EvType::Arrive, k.st.id, ++k.token);   // reaches the exit: then proceed as DepartEmpty
    }

    void joinQueue(Truck& k, int stationCode, TruckPhase phase) {
        setPhase(k, phase);
        k.station = stationCode;
        k.queueJoin = now;
        k.breakAtJoin = breakAccumAt(now);
        k.st.waitingSince = now;
        holdOnRoute(k, k.route, k.legS1);
        station(stationCode).queue.push_back(k.st.id);
    }
    double leaveQueue(Truck& k) {
        const double wait_min = std::max(0.0, (toSeconds(now - k.queueJoin) - (breakAccumAt(now) - k.breakAtJoin)) / 60.0);
        k.st.totalWait_min += wait_min;
        k.cycleWait_min += wait_min;
        k.st.waitingSince = -1;
        return wait_min;
    }

    void onArrive(Truck& k) {
        const TruckPhase ph = k.st.phase;
        if (ph == TruckPhase::ToShovel && k.hist.back().kind == MotionKind::Free) {   // out of the park bay
            proceed(k, Next::DepartEmpty);
            return;
        }
        if (ph == TruckPhase::ToShovel || ph == TruckPhase::Returning) {
            const int j = k.st.shovel;
            k.node = HaulNetwork::faceNode(j);
            if (j >= activeShovelCount()) {   // its face was closed while it drove: pick another, from here
                dispatchFrom(k, HaulNetwork::faceNode(j), ph);
                return;
            }
            setHeading(k, -1);
            if (k.countReturn) {
                st.returnSum_min += toSeconds(now - k.departTime) / 60.0;
                ++st.returnCount;
            }
            joinQueue(k, j, TruckPhase::QueuedAtShovel);
            tryStartShovel(j);
        } else if (ph == TruckPhase::Hauling) {
            st.haulSum_min += toSeconds(now - k.departTime) / 60.0;
            ++st.haulCount;
            const int d = k.st.destination == DumpPoint::Crusher ? 0 : 1;
            k.node = d == 0 ? HaulNetwork::kCrusher : HaulNetwork::kDump;
            joinQueue(k, 100 + d, TruckPhase::QueuedAtDump);
            tryStartDump(d);
        } else if (ph == TruckPhase::ToPark) {
            k.node = HaulNetwork::kPark;
            if (k.st.inFleet) scheduleDeparture(k, now + kParkMove);
            setPhase(k, TruckPhase::Parked);
            Motion m;
            m.begin = now;
            m.end = now + kParkMove;
            m.kind = MotionKind::Free;
            m.a = geometry->parkPosition();
            m.b = parkBay(k.st.id);
            m.heading = std::atan2(m.b.y - m.a.y, m.b.x - m.a.x);
            addMotion(k, m);
            setHeading(k, -1);
            if (!k.st.inFleet) emit(now, MineEvent::TruckParked, k.st.id, 0.0);
        }
    }

    void tryStartShovel(int j) {
        Station& s = shovel(j);
        if (s.busy >= 0 || s.broken || breakActive || s.queue.empty()) return;
        if (s.pendingFail || s.pendingFault) {
            const bool f = s.pendingFault;
            s.pendingFail = s.pendingFault = false;
            breakShovel(j, f);
            return;
        }
        const int id = s.queue.front();
        s.queue.pop_front();
        Truck& k = truck(id);
        leaveQueue(k);
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
            m.s0 = k.legS1;
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

    void tryStartDump(int d) {
        Station& s = dumps[d];
        if (s.busy >= 0 || breakActive || s.queue.empty()) return;
        const int id = s.queue.front();
        s.queue.pop_front();
        Truck& k = truck(id);
        leaveQueue(k);
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
        m.s0 = k.legS1;
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
    static Time passTime(const Station& s, int n) {
        return n == s.passes ? s.serviceEnd : s.spotEnd + fromSeconds(s.swing_s * n);
    }
    void emitPasses(Station& s, int j, Time upTo, bool inclusive) {
        while (s.passesEmitted < s.passes) {
            const Time t = s.nextPass;
            if (t > upTo || (!inclusive && t == upTo)) break;
            ++s.passesEmitted;
            emit(t, MineEvent::ShovelPass, j, s.passesEmitted);
            if (s.passesEmitted < s.passes) s.nextPass = passTime(s, s.passesEmitted + 1);
        }
    }

    void onServiceEnd(Truck& k) {
        if (k.station < 100) {
            const int j = k.station;
            Station& s = shovel(j);
            emitPasses(s, j, s.serviceEnd, true);
            s.busy = -1;
            k.st.loaded = true;
            k.st.payload_t = payloadOf(k.st.truckClass);
            s.loaded_t += k.st.payload_t;
            k.station = -1;
            setPhase(k, TruckPhase::Loading);
            emit(now, MineEvent::TruckLoaded, k.st.id, k.st.payload_t);
            if (s.pendingFail || s.pendingFault) {
                const bool f = s.pendingFault;
                s.pendingFail = s.pendingFault = false;
                breakShovel(j, f);
            }
            tryStartShovel(j);
            proceed(k, Next::DepartLoaded);
            return;
        }
        const int d = k.station - 100;
        dumps[d].busy = -1;
        const double t = k.st.payload_t;
        if (d == 0) {
            st.ore_t += t;
            st.oreDeliveredTick_t += t;
            oreWindow.push_back({now, t});
            oreWindowSum += t;
        } else {
            st.waste_t += t;
            st.wasteDumpedTick_t += t;
        }
        emit(now, MineEvent::TruckDumped, k.st.id, d == 0 ? t : -t);
        k.st.loaded = false;
        k.st.payload_t = 0.0;
        ++k.st.cycles;
        ++st.truck_cycles;
        st.queueSum_min += k.cycleWait_min;
        k.cycleWait_min = 0.0;
        k.station = -1;
        if (k.st.truckClass != k.pendingClass) k.st.truckClass = k.pendingClass;   // class swaps as trucks come back
        setPhase(k, TruckPhase::Dumping);
        tryStartDump(d);
        proceed(k, Next::DepartEmpty);
    }

    // ---- shift breaks
    void scheduleNextBreak(Time from) {
        ++breakToken;
        if (!cfg.shiftBreaks) return;
        const double P = cfg.shift_h * 3600.0;
        const double local = toSeconds(from) + kSiteUtcOffsetHours * 3600.0;
        const double origin = cfg.shiftStart_h * 3600.0;
        const double base = origin + std::floor((local - origin) / P) * P;
        for (int i = 0; i < 6; ++i) {
            const double startLocal = base + i * 0.5 * P;
            const double dur = (i % 2 == 0 ? cfg.change_min : cfg.meal_min) * 60.0;
            if (startLocal < local || dur <= 0.0) continue;
            push(fromSeconds(startLocal - kSiteUtcOffsetHours * 3600.0), EvType::BreakStart, i % 2, breakToken);
            return;
        }
    }
    void onBreakStart(int kind) {
        const double dur = (kind == 0 ? cfg.change_min : cfg.meal_min) * 60.0;
        breakActive = true;
        breakStart = now;
        emit(now, MineEvent::ShiftBreakStart, kind, dur / 60.0);
        push(now + fromSeconds(dur), EvType::BreakEnd, kind, breakToken);
    }
    void endBreak() {
        if (!breakActive) return;
        breakAccum_s += toSeconds(now - breakStart);
        breakActive = false;
        emit(now, MineEvent::ShiftBreakEnd, -1, 0.0);
        for (Truck& k : trucks)
            if (k.st.phase == TruckPhase::ShiftBreak) proceed(k, k.next);
        for (int j = 0; j < activeShovelCount(); ++j) tryStartShovel(j);
        tryStartDump(0);
        tryStartDump(1);
    }

    // ---- fleet and parameter changes
    void setFleetSize(int n) {
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
                Motion m;
                m.begin = now;
                m.kind = MotionKind::Free;
                m.a = m.b = parkBay(i);
                m.heading = 0.5 * 3.14159265358979323846;
                addMotion(t, m);
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

    void retimeDrives() {
        for (Truck& k : trucks) {
            if (!isDriving(k)) continue;
            stopDrive(k);
            startDrive(k, k.route, k.legS0, k.legS1, k.st.loaded);
        }
    }

    void setShovelCount(int n) {
        const int old = cfg.shovels;
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
                    k.station = -1;
                    dispatchFrom(k, HaulNetwork::faceNode(j), TruckPhase::ToShovel);
                }
            }
        }
        (void)old;
    }

    void rebuildGeometry() {
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
        lastParkDeparture = now - kParkStagger;
        for (Truck& k : trucks) {
            k.st.loaded = false;
            k.st.payload_t = 0.0;
            k.st.waitingSince = -1;
            k.cycleWait_min = 0.0;
            k.broken = k.faultHeld = k.repairScheduled = k.pendingFail = k.pendingFault = false;
            k.next = Next::None;
            k.station = -1;
            setHeading(k, -1);
            k.node = HaulNetwork::kPark;
            setPhase(k, TruckPhase::Parked);
            Motion m;
            m.begin = now;
            m.kind = MotionKind::Free;
            m.a = m.b = parkBay(k.st.id);
            m.heading = 0.5 * 3.14159265358979323846;
            addMotion(k, m);
            ++k.token;
            scheduleTruckFail(k);
            if (k.st.inFleet) scheduleDeparture(k, now);
        }
        scheduleNextBreak(now);
        emit(now, MineEvent::NetworkRebuilt, -1, 0.0);
    }

    void apply(const Params& p) {
        const Config c = readConfig(p);
        const Config old = cfg;
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

    void handle(const QEvent& e) {
        switch (e.type) {
            case EvType::Depart: {
                Truck& k = truck(e.index);
                if (e.token != k.token || k.st.phase != TruckPhase::Parked || !k.st.inFleet) return;
                if (k.broken) return;
                leavePark(k);
                emit(now, MineEvent::TruckAdded, k.st.id, 0.0);
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
        }
    }

    void step(Time t0, Time dt, EventSink& ev) {
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
        for (int j = 0; j < activeShovelCount(); ++j) {
            Station& s = shovel(j);
            if (s.busy >= 0 && s.nextPass < t1) emitPasses(s, j, t1, false);
        }
        sink = nullptr;
        while (!oreWindow.empty() && oreWindow.front().first <= t1 - kHour) {
            oreWindowSum -= oreWindow.front().second;
            oreWindow.pop_front();
        }
        if (oreWindow.empty()) oreWindowSum = 0.0;
        refreshTotals();
        st.fuelTick_l = st.fuel_l - fuelBefore;
        stateFresh = false;
    }

    // Per tick, O(1): the totals and rates World, the CSV and the summary read.
    void refreshTotals() {
        st.fuel_l = fleetFuelAt(now);
        st.co2_t = st.fuel_l * cfg.co2PerL / 1000.0;
        st.ore_t_h = std::max(0.0, oreWindowSum);
        st.crusherQueue = static_cast<int>(dumps[0].queue.size());
        st.dumpQueue = static_cast<int>(dumps[1].queue.size());
        st.shiftBreak = breakActive;
        st.mean_queue_min = st.truck_cycles > 0 ? st.queueSum_min / static_cast<double>(st.truck_cycles) : 0.0;
        st.mean_haul_min = st.haulCount > 0 ? st.haulSum_min / static_cast<double>(st.haulCount) : 0.0;
        st.mean_return_min = st.returnCount > 0 ? st.returnSum_min / static_cast<double>(st.returnCount) : 0.0;
    }
    const MineState& freshState() {
        if (!stateFresh) { refreshState(); stateFresh = true; }
        return st;
    }

    // When read: O(1) per truck (fuel, speed, phase inside a service) plus copying only trucks whose state changed.
    void refreshState() {
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
            const Motion& cur = last.begin <= now || k.hist.size() < 2 ? last : k.hist[k.hist.size() - 2];
            if (cur.kind == MotionKind::Drive && k.legEnd > now) ts.speed_m_s = driveSpeed(cur, now);
            else if (cur.kind == MotionKind::Creep && cur.end > cur.begin && cur.end != kForever)
                ts.speed_m_s = std::fabs(cur.s1 - cur.s0) / toSeconds(cur.end - cur.begin);
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
};

// [SECTION] Mine

Mine::Mine(const Params& p, std::uint64_t seed, Time start) : m_impl(std::make_unique<Impl>(p, seed, start)) {}
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
        Truck& k = m.truck(idx);
        if (on) {
            m.failTruck(k, true);
        } else {
            k.pendingFault = false;
            if (k.broken && k.faultHeld) {
                k.faultHeld = false;
                if (!k.repairScheduled) m.repair(k);
            }
        }
    } else if (parseIndex("mine.shovel:", m.cfg.shovels, idx)) {
        if (idx < 0) return false;
        Station& s = m.shovel(idx);
        if (on) {
            if (s.broken) s.faultHeld = true;
            else if (s.busy >= 0) s.pendingFault = true;
            else m.breakShovel(idx, true);
        } else {
            s.pendingFault = false;
            if (s.broken && s.faultHeld) {
                s.faultHeld = false;
                if (!s.repairScheduled) m.repairShovel(idx);
            }
        }
    } else {
        if (why) *why = "unknown mine fault target '" + target + "'; expected mine.truck:N or mine.shovel:N";
        return false;
    }
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
    return m.poseOf(*cur, t).p;
}

void Mine::hashInto(Hasher& h) const {
    const Impl& m = *m_impl;
    h.add(m.now);
    h.add(m.seq);
    h.add(static_cast<std::uint64_t>(m.heap.size()));
    h.add(m.breakActive);
    h.add(m.breakAccum_s);
    h.add(m.assignedOre);
    h.add(m.assignedWaste);
    for (const Truck& k : m.trucks) {
        h.add(k.st.phase);
        h.add(k.st.truckClass);
        h.add(k.st.payload_t);
        h.add(k.st.ore);
        h.add(k.st.shovel);
        h.add(k.st.cycles);
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
