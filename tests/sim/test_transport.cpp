// Ore transport: exact train timetable, headway, crusher blocking, conveyor delay, faults and mass conservation.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "sim/transport.h"

using namespace sim;

namespace {

const Time kStart = 1'782'000'000LL * kSecond;  // any whole minute works

// Cold start (every train empty at the bay, stockpile empty): the timetable tests count from that known state.
Params transportParams() {
    Params p;
    registerTransportParams(p);
    REQUIRE(p.set("transport.warm_start", 0.0));
    return p;
}

struct Run {
    Params p = transportParams();
    std::vector<Event> events;
    double delivered = 0.0;
    Time now = kStart;

    Transport make() { return Transport(p, 1, kStart); }
    // Steps `minutes` one-minute ticks feeding `t_h` of ore; collects events.
    void run(Transport& tr, int minutes, double t_h) {
        for (int i = 0; i < minutes; ++i) {
            EventSink ev;
            delivered += tr.step(now, kMinute, t_h / 60.0, ev);
            events.insert(events.end(), ev.events().begin(), ev.events().end());
            now += kMinute;
        }
    }
    std::vector<Event> of(TransportEvent k) const {
        std::vector<Event> out;
        for (const Event& e : events)
            if (e.unit == Unit::Transport && e.kind == static_cast<std::uint16_t>(k)) out.push_back(e);
        return out;
    }
};

double inventory(const TransportState& s) {
    return s.romPad_t + s.stockpile_t + s.onTrains_t + s.conveyorLoad_t + s.delivered_t;
}

}  // namespace

TEST_CASE("one train follows the timetable to the microsecond") {
    Run r;
    r.p.set("transport.trains", 1);
    r.p.set("transport.crusher_t_h", 20000.0);  // 333.3 t/min: 1,050 t are in the stockpile after 4 ticks
    Transport tr = r.make();
    r.run(tr, 1, 1050.0 * 60.0);  // exactly one train load dumped in the first minute
    r.run(tr, 120, 0.0);
    const auto loading = r.of(TransportEvent::TrainLoading), dep = r.of(TransportEvent::TrainDeparted),
               arr = r.of(TransportEvent::TrainArrived), unl = r.of(TransportEvent::TrainUnloaded),
               ret = r.of(TransportEvent::TrainReturned);
    REQUIRE(loading.size() == 1);
    REQUIRE(dep.size() == 1);
    REQUIRE(arr.size() == 1);
    REQUIRE(unl.size() == 1);
    REQUIRE(ret.size() == 1);
    CHECK(loading[0].time == kStart + 3 * kMinute);                    // the tick whose start sees 1,050 t
    CHECK(dep[0].time == loading[0].time + 12 * kMinute);              // load_min
    CHECK(arr[0].time == dep[0].time + 1152 * kSecond);                // 8 km at 25 km/h = 19.2 min
    CHECK(unl[0].time == arr[0].time + 10 * kMinute);                  // unload_min
    CHECK(ret[0].time == unl[0].time + fromSeconds(8.0 / 35.0 * 3600));  // empty at 35 km/h
    CHECK(unl[0].value == doctest::Approx(1050.0));
    CHECK(r.delivered == doctest::Approx(1050.0));
    CHECK(tr.state().trainTrips == 1);
    CHECK(tr.state().trains[0].phase == TrainPhase::Waiting);
}

TEST_CASE("departures keep the headway and a train's position runs 0 -> 1 -> 0") {
    Run r;
    r.p.set("transport.trains", 3);
    r.p.set("transport.crusher_t_h", 20000.0);
    Transport tr = r.make();
    r.run(tr, 1, 5000.0 * 60.0);
    double maxPos = 0.0;
    bool sawReturn = false;
    for (int i = 0; i < 90; ++i) {
        r.run(tr, 1, 0.0);
        for (const Train& t : tr.state().trains) {
            CHECK(t.position >= 0.0);
            CHECK(t.position <= 1.0);
            CHECK(t.position_m == doctest::Approx(t.position * 8000.0));
            maxPos = std::max(maxPos, t.position);
            sawReturn = sawReturn || (t.phase == TrainPhase::Returning && t.position < 1.0 && t.position > 0.0);
        }
    }
    const auto dep = r.of(TransportEvent::TrainDeparted);
    REQUIRE(dep.size() >= 3);
    CHECK(dep[1].time - dep[0].time == 15 * kMinute);
    CHECK(dep[2].time - dep[1].time == 15 * kMinute);
    CHECK(dep[0].index == 0);
    CHECK(dep[1].index == 1);
    CHECK(dep[2].index == 2);
    CHECK(maxPos == 1.0);
    CHECK(sawReturn);
}

TEST_CASE("a full stockpile blocks the crusher and trucks keep dumping on the ROM pad") {
    Run r;
    r.p.set("transport.trains", 0);
    r.p.set("transport.stockpile_t", 1000.0);
    Transport tr = r.make();
    r.run(tr, 60, 3000.0);
    CHECK(tr.state().stockpile_t == doctest::Approx(1000.0));
    CHECK(tr.state().romPad_t == doctest::Approx(2000.0));
    CHECK(tr.state().crusherBlocked);
    CHECK(r.of(TransportEvent::CrusherBlocked).size() == 1);
    CHECK(tr.state().crusherRate_t_h == doctest::Approx(0.0));
}

TEST_CASE("crusher rate limits and a crusher fault stops it") {
    Run r;
    r.p.set("transport.trains", 0);
    r.p.set("transport.crusher_t_h", 2000.0);
    Transport tr = r.make();
    r.run(tr, 60, 3000.0);
    CHECK(tr.state().crushed_t == doctest::Approx(2000.0));
    CHECK(tr.state().crusherRate_t_h == doctest::Approx(2000.0));
    CHECK(tr.setFault("transport.crusher", true, nullptr));
    r.run(tr, 60, 3000.0);
    CHECK(tr.state().crushed_t == doctest::Approx(2000.0));
    CHECK(tr.state().romPad_t == doctest::Approx(4000.0));
    const auto f = r.of(TransportEvent::FaultChanged);
    REQUIRE(f.size() == 1);
    CHECK(f[0].index == 0);
    CHECK_FALSE(tr.setFault("smelter.furnace", true, nullptr));
}

TEST_CASE("the conveyor delivers after length / speed and a belt fault holds the load") {
    Run r;
    r.p.set("transport.mode", 1);  // conveyor
    Transport tr = r.make();
    // 4.2 km at 4.5 m/s = 933.3 s: a lot put on during minute 0 (ending at 60 s) arrives at 993.3 s, in minute 16.
    r.run(tr, 1, 600.0);
    r.run(tr, 15, 0.0);
    CHECK(r.delivered == 0.0);
    CHECK(tr.state().conveyorLoad_t == doctest::Approx(10.0));
    r.run(tr, 1, 0.0);
    CHECK(r.delivered == doctest::Approx(10.0));
    CHECK(tr.state().conveyorLoad_t == 0.0);
    CHECK(tr.state().trains.size() == 6);
    CHECK(r.of(TransportEvent::TrainLoading).empty());  // trains stand idle in conveyor mode

    CHECK(tr.setFault("transport.conveyor", true, nullptr));
    r.run(tr, 30, 600.0);
    CHECK(tr.state().conveyorFlow_t_h == 0.0);
    CHECK(r.delivered == doctest::Approx(10.0));
}

TEST_CASE("a rail fault freezes trains in motion; clearing resumes them") {
    Run r;
    r.p.set("transport.trains", 1);
    r.p.set("transport.crusher_t_h", 20000.0);
    Transport tr = r.make();
    r.run(tr, 1, 1050.0 * 60.0);
    r.run(tr, 20, 0.0);  // loading from 3 min, departed at 15 min, now hauling
    REQUIRE(tr.state().trains[0].phase == TrainPhase::Hauling);
    const double pos = tr.state().trains[0].position;
    CHECK(tr.setFault("transport.rail", true, nullptr));
    r.run(tr, 30, 0.0);
    CHECK(tr.state().trains[0].position == doctest::Approx(pos));
    CHECK(r.delivered == 0.0);
    CHECK(tr.setFault("transport.rail", false, nullptr));
    r.run(tr, 60, 0.0);
    CHECK(r.delivered == doctest::Approx(1050.0));
}

TEST_CASE("no ore is created or lost, in every mode, with trains added and retired mid-run") {
    for (int mode = 0; mode < 3; ++mode) {
        CAPTURE(mode);
        Run r;
        r.p.set("transport.mode", mode);
        r.p.set("transport.conveyor_t_h", 1500.0);
        Transport tr = r.make();
        for (int h = 0; h < 48; ++h) {
            r.run(tr, 60, 2000.0 + 1500.0 * std::sin(h * 0.7));
            const TransportState& s = tr.state();
            CHECK(inventory(s) == doctest::Approx(s.received_t).epsilon(1e-12));
            CHECK(s.romPad_t >= 0.0);
            CHECK(s.stockpile_t >= 0.0);
            if (h == 10) { r.p.set("transport.trains", 2); tr.applyParams(r.p); }
            if (h == 20) { r.p.set("transport.trains", 9); tr.applyParams(r.p); }
        }
        CHECK(tr.state().trains.size() == 9);
        CHECK(tr.state().delivered_t > 0.5 * tr.state().received_t);
    }
}

TEST_CASE("rail capacity: six trains at a 15-minute headway carry 4,200 t/h at most") {
    Run r;
    Transport tr = r.make();
    r.run(tr, 24 * 60, 8000.0);
    // 1,050 t per train every 15 min; the first hours fill the line, so the day's mean is just under 4,200 t/h.
    const double perHour = tr.state().delivered_t / 24.0;
    CHECK(perHour <= 4200.0 + 1e-9);
    CHECK(perHour > 3900.0);
    CHECK(tr.state().deliveryRate_t_h == doctest::Approx(4200.0));  // the last hour: four 1,050 t trains
}
