// The mine unit: the truck–shovel cycle against exact mean value analysis of the closed queueing network, pose
// continuity for the scene, strip ratio, dispatch, faults, live fleet changes and determinism.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "sim/mine.h"

using namespace sim;

namespace {

Params mineParams(std::initializer_list<std::pair<const char*, const char*>> sets) {
    Params p;
    registerMineParams(p);
    for (const auto& [name, value] : sets) {
        std::string why;
        REQUIRE_MESSAGE(p.setFromText(name, value, &why), why);
    }
    return p;
}

struct Runner {
    Mine& m;
    Time t;
    Time dt;
    EventSink ev;
    std::vector<Event> all;
    void run(Time span) {
        for (const Time end = t + span; t < end; t += dt) {
            ev.clear();
            m.step(t, dt, ev);
            all.insert(all.end(), ev.events().begin(), ev.events().end());
        }
    }
    int count(MineEvent k, int index = -2) const {
        int n = 0;
        for (const Event& e : all)
            if (e.kind == static_cast<std::uint16_t>(k) && (index == -2 || e.index == index)) ++n;
        return n;
    }
};

// Exact MVA for a closed network of N customers: FCFS single servers with means s[i], plus an infinite-server delay
// D (total per cycle). Returns throughput (cycles per unit time) and the mean queueing time per cycle.
void mva(int N, const std::vector<double>& s, double D, double& X, double& queue) {
    std::vector<double> Q(s.size(), 0.0), R(s.size(), 0.0);
    X = 0.0;
    for (int n = 1; n <= N; ++n) {
        double total = D;
        for (std::size_t i = 0; i < s.size(); ++i) { R[i] = s[i] * (1.0 + Q[i]); total += R[i]; }
        X = n / total;
        for (std::size_t i = 0; i < s.size(); ++i) Q[i] = X * R[i];
    }
    queue = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) queue += R[i] - s[i];
}

}  // namespace

TEST_CASE("mine: parameters exist under the design.md names with sensible defaults") {
    Params p;
    registerMineParams(p);
    for (const char* n : {"mine.trucks", "mine.shovels", "mine.payload_t", "mine.load_min", "mine.dump_min",
                          "mine.service_dist", "mine.breakdowns", "mine.shift_breaks", "mine.strip_ratio",
                          "mine.truck_class", "mine.dispatch", "mine.pit.length_m", "mine.pit.width_m",
                          "mine.pit.depth_m", "mine.pit.rim_m", "mine.pit.bench_height_m", "mine.pit.berm_m",
                          "mine.pit.face_angle_deg", "mine.pit.ramp_grade_pct", "mine.pit.ramp_width_m",
                          "mine.pit.azimuth_deg"})
        CHECK_MESSAGE(p.has(n), n);
    std::string why;
    CHECK(p.setFromText("mine.service_dist", "deterministic", &why));
    CHECK_FALSE(p.setFromText("mine.trucks", "0", &why));
    CHECK(why.find("mine.trucks") != std::string::npos);
}

TEST_CASE("mine: one shovel, one dump, exponential service matches exact MVA of the closed network within 2 %") {
    const int N = 6;
    const double load = 6.0, dump = 4.0;
    Params p = mineParams({{"mine.trucks", "6"}, {"mine.shovels", "1"}, {"mine.load_min", "6"}, {"mine.dump_min", "4"},
                           {"mine.spot_min", "0"}, {"mine.service_dist", "exponential"}, {"mine.breakdowns", "0"},
                           {"mine.shift_breaks", "0"}, {"mine.strip_ratio", "0"}, {"mine.pit.depth_m", "150"}});
    Mine m(p, 7, 0);
    Runner r{m, 0, 600 * kSecond, {}, {}};
    r.run(200 * kHour);   // warm-up: the fleet leaves the park-up
    const MineState a = m.state();
    const double hours = 30000.0;
    r.run(static_cast<Time>(hours) * kHour);
    const MineState& b = m.state();
    // Travel legs are infinite-server delays: MVA needs only their means, which are fixed route times here.
    const double haul = b.mean_haul_min, back = b.mean_return_min;
    CHECK(haul > 5.0);
    CHECK(back > 3.0);
    CHECK(b.waste_t == 0.0);
    double X = 0, queue = 0;
    mva(N, {load, dump}, haul + back, X, queue);
    const double cycles = static_cast<double>(b.truck_cycles - a.truck_cycles);
    const double simX = cycles / (hours * 60.0);
    const double simQueue = (b.queueSum_min - a.queueSum_min) / cycles;
    INFO("cycles/h sim " << simX * 60 << " mva " << X * 60 << "; queue min sim " << simQueue << " mva " << queue);
    CHECK(queue > 3.0);   // the case must actually queue
    CHECK(simX == doctest::Approx(X).epsilon(0.02));
    CHECK(simQueue == doctest::Approx(queue).epsilon(0.02));
}

TEST_CASE("mine: truckPoseAt is continuous in time and stays on the ground, within and across ticks") {
    Params p = mineParams({});
    Mine m(p, 3, 0);
    const PitGeometry& g = m.geometry();
    EventSink ev;
    const Time dt = 60 * kSecond, sample = 10 * kSecond;
    const double maxStep = 64.0 / 3.6 * 10.0 + 0.5;   // top truck speed (almalyk.md) over one sample
    std::vector<TruckPose> last;
    double worst = 0.0, worstGround = 0.0, worstAcross = 0.0;
    int moving = 0;
    for (Time t = 0; t < 20 * kHour; t += dt) {
        ev.clear();
        m.step(t, dt, ev);
        const int n = static_cast<int>(m.state().trucks.size());
        for (int i = 0; i < n; ++i) {
            TruckPose prev = m.truckPoseAt(i, t);
            if (i < static_cast<int>(last.size()))
                worstAcross = std::max(worstAcross, std::hypot(prev.x - last[static_cast<std::size_t>(i)].x,
                                                               prev.y - last[static_cast<std::size_t>(i)].y));
            for (Time s = t + sample; s <= t + dt; s += sample) {
                const TruckPose q = m.truckPoseAt(i, s);
                const double d = std::hypot(q.x - prev.x, q.y - prev.y);
                worst = std::max(worst, d);
                if (d > 1.0) ++moving;
                worstGround = std::max(worstGround, std::fabs(g.elevation(q.x, q.y) - q.z));
                prev = q;
            }
        }
        last.clear();
        for (int i = 0; i < n; ++i) last.push_back(m.truckPoseAt(i, t + dt));
    }
    CHECK(moving > 10000);
    CHECK(worst <= maxStep);
    CHECK(worstAcross < 1e-6);
    CHECK(worstGround < 0.5);
}

TEST_CASE("mine: ore and waste split by the strip ratio") {
    for (const char* sr : {"0", "1.3", "2.5"}) {
        Params p = mineParams({{"mine.strip_ratio", sr}, {"mine.trucks", "30"}});
        Mine m(p, 11, 0);
        Runner r{m, 0, 300 * kSecond, {}, {}};
        r.run(400 * kHour);
        const MineState& s = m.state();
        REQUIRE(s.ore_t > 0.0);
        CHECK(s.waste_t / s.ore_t == doctest::Approx(std::stod(sr)).epsilon(0.01));
        // Every dump event's tonnes are ore at the crusher (+) or waste at the dump (-).
        double ore = 0, waste = 0;
        for (const Event& e : r.all)
            if (e.kind == static_cast<std::uint16_t>(MineEvent::TruckDumped)) (e.value > 0 ? ore : waste) += std::fabs(e.value);
        CHECK(ore == doctest::Approx(s.ore_t));
        CHECK(waste == doctest::Approx(s.waste_t));
    }
}

TEST_CASE("mine: least-wait dispatch beats fixed assignment when the fixed fleet is unbalanced") {
    // 4 trucks on 3 shovels: fixed puts two trucks on shovel 0 and one on each of the others.
    auto run = [](const char* policy, double& cyclesPerH, double& queue) {
        Params p = mineParams({{"mine.dispatch", policy}, {"mine.trucks", "4"}, {"mine.shovels", "3"},
                               {"mine.load_min", "20"}, {"mine.service_dist", "exponential"}, {"mine.breakdowns", "0"},
                               {"mine.shift_breaks", "0"}, {"mine.strip_ratio", "0"}, {"mine.pit.depth_m", "150"}});
        Mine m(p, 5, 0);
        Runner r{m, 0, 600 * kSecond, {}, {}};
        r.run(3000 * kHour);
        cyclesPerH = static_cast<double>(m.state().truck_cycles) / 3000.0;
        queue = m.state().mean_queue_min;
    };
    double xf, qf, xl, ql;
    run("fixed", xf, qf);
    run("least_wait", xl, ql);
    INFO("fixed " << xf << " cycles/h, queue " << qf << " min; least_wait " << xl << ", " << ql);
    CHECK(xl > 1.04 * xf);
    CHECK(ql < 0.6 * qf);
}

TEST_CASE("mine: an injected truck breakdown stops the truck where it is until the fault is cleared") {
    Params p = mineParams({{"mine.breakdowns", "0"}, {"mine.shift_breaks", "0"}});
    Mine m(p, 9, 0);
    Runner r{m, 0, 60 * kSecond, {}, {}};
    for (int i = 0; i < 600 && m.state().trucks[0].phase != TruckPhase::Hauling; ++i) r.run(r.dt);
    REQUIRE((m.state().trucks[0].phase == TruckPhase::Hauling));
    r.run(5 * kMinute);   // well up the ramp
    std::string why;
    CHECK(m.setFault("mine.truck:0", true, &why));
    const TruckPose stopped = m.truckPoseAt(0, m.now());
    const auto cycles = m.state().trucks[0].cycles;
    r.run(3 * kHour);
    const TruckPose still = m.truckPoseAt(0, m.now());
    CHECK((m.state().trucks[0].phase == TruckPhase::BrokenDown));
    CHECK(m.state().trucks[0].speed_m_s == 0.0);
    CHECK(still.x == stopped.x);
    CHECK(still.y == stopped.y);
    CHECK(m.state().trucks[0].cycles == cycles);
    CHECK(r.count(MineEvent::Breakdown, 0) == 1);
    CHECK(m.state().trucks[1].cycles > 0);   // the rest of the fleet carries on
    CHECK(m.setFault("mine.truck:0", false, &why));
    r.run(10 * kMinute);
    CHECK(r.count(MineEvent::Repaired, 0) == 1);
    CHECK((m.state().trucks[0].phase == TruckPhase::Hauling));
    const TruckPose moved = m.truckPoseAt(0, m.now());
    CHECK(std::hypot(moved.x - still.x, moved.y - still.y) > 100.0);
    r.run(3 * kHour);
    CHECK(m.state().trucks[0].cycles > cycles);

    // A shovel fault stops loading there; other units' targets are not the mine's.
    CHECK(m.setFault("mine.shovel:1", true, &why));
    r.run(30 * kMinute);
    CHECK((m.state().shovels[1].phase == ShovelPhase::BrokenDown));
    const double loaded = m.state().shovels[1].loaded_t;
    r.run(2 * kHour);
    CHECK(m.state().shovels[1].loaded_t == loaded);
    CHECK(m.setFault("mine.shovel:1", false, &why));
    r.run(10 * kMinute);
    CHECK(r.count(MineEvent::ShovelRepaired, 1) == 1);
    CHECK((m.state().shovels[1].phase != ShovelPhase::BrokenDown));
    why.clear();
    CHECK_FALSE(m.setFault("smelter.furnace", true, &why));
    CHECK(why.empty());
    CHECK_FALSE(m.setFault("mine.truck:999", true, &why));
    CHECK(why.find("mine.truck:") != std::string::npos);
    CHECK_FALSE(m.setFault("mine.conveyor", true, &why));
}

TEST_CASE("mine: the dispatcher's assignment sends a truck to its shovel under either rule; auto hands it back") {
    for (const char* rule : {"fixed", "least_wait"}) {
        CAPTURE(rule);
        Params p = mineParams({{"mine.dispatch", rule}, {"mine.trucks", "9"}, {"mine.shovels", "3"},
                               {"mine.breakdowns", "0"}, {"mine.shift_breaks", "0"}});
        Mine m(p, 3, 0);
        Runner r{m, 0, 60 * kSecond, {}, {}};
        r.run(2 * kHour);
        std::string why;
        REQUIRE_MESSAGE(m.assignTrucks("mine.truck:0,4", "mine.shovel:2", &why), why);
        CHECK(m.state().trucks[0].lockedShovel == 2);
        // From its next dispatch on, every load of trucks 0 and 4 is at shovel 2 (the shovel's own record of whom it
        // loads, not the truck's).
        r.run(50 * kMinute);   // each finishes the cycle it was in
        std::vector<int> loadedAt[2];
        for (int i = 0; i < 600; ++i) {
            r.run(r.dt);
            const MineState& st = m.state();
            for (int j = 0; j < 3; ++j) {
                const int k = st.shovels[static_cast<std::size_t>(j)].truck;
                if (k == 0 || k == 4) loadedAt[k == 4].push_back(j);
            }
        }
        for (const auto& at : loadedAt) {
            REQUIRE_FALSE(at.empty());
            for (int j : at) CHECK(j == 2);
        }
        // auto: under fixed, truck 0 goes back to shovel 0 (0 mod 3).
        REQUIRE(m.assignTrucks("mine.truck:0,4", "auto", &why));
        CHECK(m.state().trucks[0].lockedShovel == -1);
        if (std::string(rule) == "fixed") {
            r.run(60 * kMinute);
            bool atZero = false;
            for (int i = 0; i < 600 && !atZero; ++i) {
                r.run(r.dt);
                atZero = m.state().shovels[0].truck == 0;
            }
            CHECK(atZero);
        }
    }
}

TEST_CASE("mine: a truck queuing at a broken shovel leaves for the one it is assigned at once") {
    Params p = mineParams({{"mine.dispatch", "fixed"}, {"mine.trucks", "12"}, {"mine.shovels", "3"},
                           {"mine.breakdowns", "0"}, {"mine.shift_breaks", "0"}});
    Mine m(p, 4, 0);
    Runner r{m, 0, 60 * kSecond, {}, {}};
    r.run(kHour);
    std::string why;
    REQUIRE(m.setFault("mine.shovel:1", true, &why));
    // Fixed: trucks 1, 4, 7, 10 belong to shovel 1; wait until one of them queues there.
    int queued = -1;
    for (int i = 0; i < 240 && queued < 0; ++i) {
        r.run(r.dt);
        for (int k : {1, 4, 7, 10})
            if (m.state().trucks[static_cast<std::size_t>(k)].phase == TruckPhase::QueuedAtShovel) queued = k;
    }
    REQUIRE(queued >= 0);
    const double oreBefore = m.state().shovels[0].loaded_t;
    REQUIRE(m.assignTrucks("mine.truck:" + std::to_string(queued), "mine.shovel:0", &why));
    r.run(r.dt);
    const TruckState& t = m.state().trucks[static_cast<std::size_t>(queued)];
    CHECK((t.phase == TruckPhase::ToShovel));
    CHECK(t.shovel == 0);
    CHECK(m.state().shovels[1].queueLength >= 0);
    r.run(2 * kHour);
    CHECK(m.state().trucks[static_cast<std::size_t>(queued)].cycles > 0);
    CHECK(m.state().shovels[0].loaded_t > oreBefore);

    // Bad targets and values are refused with the reason.
    CHECK_FALSE(m.assignTrucks("mine.truck:12", "mine.shovel:0", &why));
    CHECK(why.find("0..11") != std::string::npos);
    CHECK_FALSE(m.assignTrucks("mine.truck:1,x", "mine.shovel:0", &why));
    CHECK_FALSE(m.assignTrucks("mine.truck:1", "shovel 2", &why));
    CHECK(why.find("mine.shovel:J") != std::string::npos);
    CHECK_FALSE(m.assignTrucks("smelter.furnace", "auto", &why));
}

TEST_CASE("mine: trucks added live drive out of the park-up; removed ones finish their cycle and park") {
    // A cold start (no pre-roll): the first ten TruckAdded events are the start's, counted below.
    Params p = mineParams({{"mine.trucks", "10"}, {"mine.breakdowns", "0"}, {"mine.warm_start_h", "0"}});
    Mine m(p, 13, 0);
    Runner r{m, 0, 60 * kSecond, {}, {}};
    r.run(5 * kHour);
    CHECK(m.state().trucks.size() == 10);
    std::string why;
    REQUIRE(p.setFromText("mine.trucks", "15", &why));
    m.applyParams(p);
    r.run(2 * kHour);
    REQUIRE(m.state().trucks.size() == 15);
    CHECK(r.count(MineEvent::TruckAdded) == 15);
    for (int i = 10; i < 15; ++i) CHECK((m.state().trucks[static_cast<std::size_t>(i)].phase != TruckPhase::Parked));
    REQUIRE(p.setFromText("mine.trucks", "5", &why));
    m.applyParams(p);
    r.run(4 * kHour);
    CHECK(r.count(MineEvent::TruckParked) == 10);
    std::vector<std::int64_t> cycles;
    for (const TruckState& t : m.state().trucks) cycles.push_back(t.cycles);
    r.run(5 * kHour);
    for (int i = 0; i < 15; ++i) {
        const TruckState& t = m.state().trucks[static_cast<std::size_t>(i)];
        if (i < 5) {
            CHECK(t.inFleet);
            CHECK(t.cycles > cycles[static_cast<std::size_t>(i)]);
        } else {
            CHECK_FALSE(t.inFleet);
            CHECK((t.phase == TruckPhase::Parked));
            CHECK(t.cycles == cycles[static_cast<std::size_t>(i)]);
            CHECK(t.cycles >= 1);   // each finished the cycle it was on
        }
    }
}

TEST_CASE("mine: truck class changes as trucks come back; geometry change rebuilds the network") {
    Params p = mineParams({{"mine.trucks", "12"}, {"mine.breakdowns", "0"}});
    Mine m(p, 17, 0);
    Runner r{m, 0, 60 * kSecond, {}, {}};
    r.run(3 * kHour);
    std::string why;
    REQUIRE(p.setFromText("mine.truck_class", "130t", &why));
    m.applyParams(p);
    const std::size_t mark = r.all.size();
    r.run(4 * kHour);
    int small = 0;
    for (const TruckState& t : m.state().trucks) small += t.truckClass == TruckClass::T130;
    CHECK(small == 12);
    bool sawSmallLoad = false;
    for (std::size_t i = mark; i < r.all.size(); ++i)
        if (r.all[i].kind == static_cast<std::uint16_t>(MineEvent::TruckLoaded) && r.all[i].value == 130.0) sawSmallLoad = true;
    CHECK(sawSmallLoad);
    REQUIRE(p.setFromText("mine.pit.depth_m", "300", &why));
    m.applyParams(p);
    CHECK(m.geometry().depth() == doctest::Approx(300.0));
    const auto before = m.state().truck_cycles;
    r.run(3 * kHour);
    CHECK(r.count(MineEvent::NetworkRebuilt) == 1);
    CHECK(m.state().truck_cycles > before);
}

TEST_CASE("mine: same seed gives the same state hash; another seed does not") {
    auto hashOf = [](std::uint64_t seed) {
        Params p = mineParams({});
        Mine m(p, seed, 0);
        Runner r{m, 0, 60 * kSecond, {}, {}};
        r.run(48 * kHour);
        Hasher h;
        m.hashInto(h);
        return h.value();
    };
    CHECK(hashOf(1) == hashOf(1));
    CHECK(hashOf(1) != hashOf(2));
}

TEST_CASE("mine: extreme legal fleets produce finite, non-negative state") {
    for (const char* n : {"1", "500"}) {
        Params p = mineParams({{"mine.trucks", n}, {"mine.shovels", "1"}});
        Mine m(p, 21, 0);
        Runner r{m, 0, 60 * kSecond, {}, {}};
        r.run(24 * kHour);
        const MineState& s = m.state();
        for (double v : {s.ore_t, s.waste_t, s.fuel_l, s.co2_t, s.mean_queue_min, s.mean_haul_min, s.mean_return_min,
                         s.ore_t_h, s.fleetUtilisation})
            CHECK((std::isfinite(v) && v >= 0.0));
        CHECK(s.truck_cycles > 0);
    }
}
