// World: command queue and log at tick boundaries, fault routing, live parameter changes, advance(), and that the
// units are wired so material flows from the pit to the panels without loss.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "sim/scenario.h"
#include "sim/world.h"

using namespace sim;

namespace {

Time defaultStart() { return defaultStartTime(); }

int countEvents(const std::vector<Event>& evs, Unit u, std::uint16_t kind) {
    return static_cast<int>(std::count_if(evs.begin(), evs.end(), [&](const Event& e) { return e.unit == u && e.kind == kind; }));
}

}  // namespace

TEST_CASE("every parameter design.md names is registered, and sim.tick_s sets the tick") {
    const Params p = makeParams();
    for (const char* n : {"mine.trucks", "mine.shovels", "mine.payload_t", "mine.load_min", "mine.dump_min",
                          "mine.service_dist", "mine.breakdowns", "mine.shift_breaks", "mine.strip_ratio",
                          "h2.panel_area_m2", "h2.sth_percent", "h2.tilt_deg", "h2.azimuth_deg", "weather.cloud_cover",
                          "smr.capacity_kg_h", "smr.capture_fraction", "site.lat_deg", "site.lon_deg", "site.altitude_m",
                          "sim.tick_s", "transport.trains", "concentrator.recovery_pct"}) {
        CAPTURE(n);
        CHECK(p.has(n));
    }
    World w(p, 1, defaultStart());
    CHECK(w.tickLength() == 60 * kSecond);
    w.step();
    CHECK(w.now() == defaultStart() + kMinute);
    CHECK(w.tick() == 1);
    CHECK(w.state().time == w.now());
}

TEST_CASE("commands apply at the first tick boundary at or after their time and are logged with their tick") {
    const Time start = defaultStart();
    World w(makeParams(), 1, start);
    w.push({CommandType::SetParam, "transport.trains", "9", start + 90 * kSecond});  // between boundaries 1 and 2
    w.push({CommandType::SetParam, "mine.truks", "40", -1});                          // next boundary
    w.step();
    REQUIRE(w.commandLog().size() == 1);
    const LoggedCommand& bad = w.commandLog()[0];
    CHECK_FALSE(bad.accepted);
    CHECK(bad.tick == 0);
    CHECK(bad.message.find("mine.trucks") != std::string::npos);  // closest name offered
    CHECK(countEvents(w.events(), Unit::World, static_cast<std::uint16_t>(WorldEvent::CommandRefused)) == 1);
    CHECK(w.params().getInt("transport.trains") == 6);
    w.step();
    CHECK(w.commandLog().size() == 1);
    w.step();  // boundary at 120 s >= 90 s
    REQUIRE(w.commandLog().size() == 2);
    CHECK(w.commandLog()[1].accepted);
    CHECK(w.commandLog()[1].tick == 2);
    CHECK(w.commandLog()[1].command.at == start + 2 * kMinute);
    CHECK(w.params().getInt("transport.trains") == 9);
    CHECK(w.state().transport.trains.size() == 9);  // the unit was told
    CHECK(w.pendingCommands() == 0);
}

TEST_CASE("out-of-range values are refused with the range; same-time commands keep push order") {
    World w(makeParams(), 1, defaultStart());
    w.push({CommandType::SetParam, "mine.trucks", "501", -1});
    w.push({CommandType::SetParam, "transport.headway_min", "20", -1});
    w.push({CommandType::SetParam, "transport.headway_min", "25", -1});
    w.step();
    REQUIRE(w.commandLog().size() == 3);
    CHECK_FALSE(w.commandLog()[0].accepted);
    CHECK(w.commandLog()[0].message.find("500") != std::string::npos);
    CHECK(w.params().get("transport.headway_min") == 25.0);
}

TEST_CASE("faults are routed to the unit that owns the target; unknown targets are refused") {
    World w(makeParams(), 1, defaultStart());
    w.push({CommandType::InjectFault, "transport.crusher", "", -1});
    w.push({CommandType::InjectFault, "concentrator.mill", "", -1});
    w.push({CommandType::InjectFault, "smelter.acid_plant", "", -1});
    w.push({CommandType::InjectFault, "reactor.core", "", -1});
    w.step();
    const auto& log = w.commandLog();
    REQUIRE(log.size() == 4);
    CHECK(log[0].accepted);
    CHECK(log[1].accepted);
    CHECK(log[2].accepted);
    CHECK_FALSE(log[3].accepted);
    CHECK(log[3].message.find("unknown fault target 'reactor.core'; did you mean ") == 0);  // the closest targets
    CHECK(log[3].message.find("(almalyk faults lists them all)") != std::string::npos);
    CHECK(w.state().transport.crusherFault);
    CHECK(w.state().concentrator.millFault);
    CHECK_FALSE(w.state().smelter.acid_plant.running);
    w.push({CommandType::ClearFault, "transport.crusher", "", -1});
    w.step();
    CHECK_FALSE(w.state().transport.crusherFault);
}

TEST_CASE("a bad index of a unit's own target is refused with that unit's message") {
    World w(makeParams(), 1, defaultStart());
    w.push({CommandType::InjectFault, "mine.truck:9999", "", -1});
    w.step();
    REQUIRE(w.commandLog().size() == 1);
    CHECK_FALSE(w.commandLog()[0].accepted);
    CHECK_FALSE(w.commandLog()[0].message.empty());
}

TEST_CASE("advance() runs whole ticks up to a time, capped, and keeps their events") {
    const Time start = defaultStart();
    World w(makeParams(), 1, start);
    CHECK(w.advance(start + 10 * kMinute + 30 * kSecond, 100) == 10);  // never a partial or longer tick
    CHECK(w.now() == start + 10 * kMinute);
    CHECK(w.advance(start + 10 * kHour, 5) == 5);
    CHECK(w.now() == start + 15 * kMinute);
    w.push({CommandType::SetParam, "sim.tick_s", "300", -1});
    w.step();  // applied at the boundary, so the tick that starts there is already 300 s
    CHECK(w.now() == start + 20 * kMinute);
    CHECK(w.state().tickLength == 300 * kSecond);
    w.step();
    CHECK(w.now() == start + 25 * kMinute);
    // advanceEvents() holds every tick's events, in time order.
    w.advance(w.now() + 3 * kHour, 1000);
    const auto& evs = w.advanceEvents();
    CHECK(evs.size() >= w.events().size());
    CHECK(std::is_sorted(evs.begin(), evs.end(), [](const Event& a, const Event& b) { return a.time < b.time; }));
}

TEST_CASE("the chain is wired: ore, concentrate and slag pass between units without loss") {
    const Time start = defaultStart();
    World w(makeParams(), 3, start);
    w.advance(start + 2 * kDay, 1'000'000);
    const State& s = w.state();
    CHECK(s.mine.ore_t > 10000.0);
    CHECK(s.transport.received_t == doctest::Approx(s.mine.ore_t).epsilon(1e-12));
    CHECK(s.concentrator.oreIn_t == doctest::Approx(s.transport.delivered_t).epsilon(1e-12));
    CHECK(s.concentrator.concentrate_t > 0.0);
    CHECK(s.smelter.concentrate_t == doctest::Approx(s.concentrator.concentrate_t).epsilon(1e-12));
    CHECK(s.smelter.cathode_t > 0.0);
    CHECK(s.catalyst.slag_used_t <= s.smelter.slag_t + 1e-9);
    CHECK(s.h2.panel_area_m2 >= w.params().get("h2.panel_area_m2"));
    CHECK(s.h2.photocatalytic_kg > 0.0);
    CHECK(s.smr.smr_kg > 0.0);
    CHECK(s.economics.size() == 4);
    // Every event of the last tick lies inside it.
    for (const Event& e : w.events()) {
        CHECK(e.time >= w.now() - w.tickLength());
        CHECK(e.time <= w.now());
    }
}

TEST_CASE("trains are seen moving and announce departures and arrivals through World events") {
    const Time start = defaultStart();
    World w(makeParams(), 1, start);
    int departed = 0, arrived = 0;
    bool midway = false;
    for (int i = 0; i < 6 * 60; ++i) {
        w.step();
        departed += countEvents(w.events(), Unit::Transport, static_cast<std::uint16_t>(TransportEvent::TrainDeparted));
        arrived += countEvents(w.events(), Unit::Transport, static_cast<std::uint16_t>(TransportEvent::TrainArrived));
        for (const Train& t : w.state().transport.trains) midway = midway || (t.position > 0.2 && t.position < 0.8);
    }
    CHECK(departed > 5);
    CHECK(arrived > 5);
    CHECK(midway);
}

TEST_CASE("every documented fault target is claimed by its unit, set and cleared") {
    World w(makeParams(), 1, defaultStart());
    std::size_t n = 0;
    for (std::string target : knownFaultTargets()) {
        if (target.size() > 2 && target.compare(target.size() - 2, 2, ":N") == 0) target.replace(target.size() - 1, 1, "0");
        w.push({CommandType::InjectFault, target, "", -1});
        w.push({CommandType::ClearFault, target, "", -1});
        n += 2;
    }
    w.step();
    REQUIRE(w.commandLog().size() == n);
    for (const LoggedCommand& lc : w.commandLog()) CHECK_MESSAGE(lc.accepted, lc.command.name << ": " << lc.message);
}

TEST_CASE("sunAt gives the sun between ticks, matching the panels' sun at a tick mid-point") {
    const Time start = defaultStart();
    World w(makeParams(), 1, start);
    w.step();
    const SunState mid = w.sunAt(start + 30 * kSecond);
    CHECK(mid.elevation_deg == doctest::Approx(w.state().sun.elevation_deg));
    CHECK(mid.azimuth_deg == doctest::Approx(w.state().sun.azimuth_deg));
    CHECK(w.sunAt(start + 4 * kHour).elevation_deg > mid.elevation_deg);  // 08:00 -> 12:00 in June: higher
}

TEST_CASE("the mine's per-truck view is current whenever state() is read, however many ticks ran unread") {
    // World::step reads only the mine's totals; state() refreshes the per-truck view lazily. Per-truck cycles and
    // fuel must add up to the fleet totals at any read, or a scene or CSV row would show a stale fleet.
    World w(makeParams(), 11, defaultStart());
    for (int block : {1, 7, 240, 53}) {
        for (int i = 0; i < block; ++i) w.step();
        const MineState& m = w.state().mine;
        std::int64_t cycles = 0;
        double fuel = 0.0;
        int working = 0;
        for (const TruckState& t : m.trucks) {
            cycles += t.cycles;
            fuel += t.fuel_l;
            working += t.inFleet && t.phase != TruckPhase::Parked && t.phase != TruckPhase::BrokenDown &&
                       t.phase != TruckPhase::ShiftBreak;
        }
        CHECK(cycles == m.truck_cycles);
        CHECK(fuel == doctest::Approx(m.fuel_l).epsilon(1e-9));
        CHECK(working == m.trucksWorking);
    }
    CHECK(w.state().mine.truck_cycles > 0);
}

TEST_CASE("a tick's events come out in time order, equal times in emission order") {
    EventSink sink;
    // Out of order by unit, with ties: the stable order keeps A before B at t=5 and C before D at t=9.
    sink.emit(9, Unit::Mine, MineEvent::TruckLoaded, 1);        // C
    sink.emit(5, Unit::Mine, MineEvent::TruckDumped, 2);        // A
    sink.emit(9, Unit::Transport, MineEvent::TruckLoaded, 3);   // D
    sink.emit(5, Unit::Smelter, MineEvent::TruckDumped, 4);     // B
    sink.emit(1, Unit::Hydrogen, MineEvent::TruckDumped, 5);
    sink.sortByTime();
    std::vector<int> order;
    for (const Event& e : sink.events()) order.push_back(e.index);
    CHECK(order == std::vector<int>{5, 2, 4, 1, 3});
}

TEST_CASE("State's views: params, the pit and the sky are the World's own, read-only") {
    World w(makeParams(), 8, defaultStart());
    for (int i = 0; i < 90; ++i) w.step();
    const State& s = w.state();
    CHECK(&s.params == &w.params());
    CHECK(&s.pit.geometry() == &w.mine().geometry());
    CHECK(&s.pit.network() == &w.mine().network());
    REQUIRE_FALSE(s.mine.trucks.empty());
    for (int i = 0; i < static_cast<int>(s.mine.trucks.size()); ++i)
        for (Time t : {s.time - s.tickLength, s.time - s.tickLength / 3, s.time}) {
            const TruckPose a = s.pit.truckPoseAt(i, t), b = w.mine().truckPoseAt(i, t);
            CHECK(a.x == b.x);
            CHECK(a.y == b.y);
            CHECK(a.z == b.z);
            CHECK(a.heading_rad == b.heading_rad);
            CHECK(a.phase == b.phase);
        }
    for (Time t : {s.time, s.time + 17 * kMinute, s.time + 5 * kHour})
        for (double cc : {0.0, 0.4, 1.0}) {
            const SunState a = s.sky.sunAt(t, cc), b = w.hydrogen().sunAt(t, cc);
            CHECK(a.elevation_deg == b.elevation_deg);
            CHECK(a.azimuth_deg == b.azimuth_deg);
            CHECK(a.poa_w_m2 == b.poa_w_m2);
        }
    // A parameter change pushed as a command shows in the state's params at the next boundary.
    w.push({CommandType::SetParam, "h2.tilt_deg", "45", -1});
    w.step();
    CHECK(w.state().params.get("h2.tilt_deg") == 45.0);
}

TEST_CASE("ISO 8601 times are strict: digits in their places, real offsets (issue 16)") {
    Time t = 0, ref = 0;
    std::string why;
    REQUIRE(parseIso8601("2026-06-21T08:00:00+05:00", ref));
    // The same instant written four legal ways (Almalyk local time is the default offset; 03:00Z is 08:00+05:00).
    for (const char* ok : {"2026-06-21T08:00:00+05:00", "2026-06-21T08:00", "2026-06-21T03:00:00Z", "2026-06-21T04:00+01:00"}) {
        CAPTURE(ok);
        REQUIRE(parseIso8601(ok, t, &why));
        CHECK(t == ref);
    }
    // Before, sscanf's %d took these (the first as 22:54:51 the day before).
    for (const char* bad : {"2026-06-21T-1:-5:-9", "2026-06-21T+8:00", "2026-06-21T 8:00", "2026-06-21T08:00+99:99",
                            "2026-06-21T08:00+15:00", "2026-06-21T08:00-13:00", "2026-06-21T08:00+05:60",
                            "+2026-06-21T08:00", "2026-6-21T08:00", "2026-06-21T08:00:0", "2026-06-21T08:00:+1",
                            "2026-06-21 08:00", "2026-06-21T08:00+05:00x"}) {
        CAPTURE(bad);
        why.clear();
        CHECK_FALSE(parseIso8601(bad, t, &why));
        CHECK(why.find(bad) != std::string::npos);   // the message quotes what was given
    }
}
