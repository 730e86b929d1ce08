// The park-up at a shift change (issue 15): the crews change there, so at 08:00 and 20:00 the trucks drive to it and
// stand side by side in bays, never inside one another, on a road, in the pit or on the rail line, for every fleet
// size mine.trucks allows; when the change ends they drive off one by one. The references are independent of the
// layout code: footprints by the separating axis theorem, the rail line from the crusher and the concentrator as the
// pit scene lays it (120 m to the side, 60 m on), the roads from the haul network.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "sim/mine.h"
#include "sim/time.h"

using namespace sim;

namespace {

using Quad = std::array<std::array<double, 2>, 4>;

// A 220 t truck's footprint (13.4 x 7.7 m) at a position and heading.
Quad footprint(double x, double y, double heading) {
    const double c = std::cos(heading), s = std::sin(heading), hl = 6.7, hw = 3.85;
    Quad q;
    const double corners[4][2] = {{hl, hw}, {-hl, hw}, {-hl, -hw}, {hl, -hw}};
    for (int i = 0; i < 4; ++i)
        q[static_cast<std::size_t>(i)] = {x + corners[i][0] * c - corners[i][1] * s, y + corners[i][0] * s + corners[i][1] * c};
    return q;
}

bool overlap(const Quad& a, const Quad& b) {
    for (const Quad* poly : {&a, &b})
        for (std::size_t i = 0; i < 4; ++i) {
            const auto& p0 = (*poly)[i];
            const auto& p1 = (*poly)[(i + 1) % 4];
            const double nx = p0[1] - p1[1], ny = p1[0] - p0[0];
            double a0 = 1e300, a1 = -1e300, b0 = 1e300, b1 = -1e300;
            for (const auto& p : a) { a0 = std::min(a0, p[0] * nx + p[1] * ny); a1 = std::max(a1, p[0] * nx + p[1] * ny); }
            for (const auto& p : b) { b0 = std::min(b0, p[0] * nx + p[1] * ny); b1 = std::max(b1, p[0] * nx + p[1] * ny); }
            if (a1 <= b0 || b1 <= a0) return false;
        }
    return true;
}

// The rail line as the pit scene draws it (scenes/pit/pit_ground.cpp railAxis): from the crusher toward the
// concentrator at (-2300, 5250), 120 m to the left and 60 m on. True if a point is within `half` m of the track
// from 5 m behind its end at the loading bay on.
bool onRail(const PitGeometry& g, double x, double y, double half) {
    const SitePos c = g.crusherPosition();
    const double dx0 = -2300.0 - c.x, dy0 = 5250.0 - c.y, l = std::hypot(dx0, dy0), dx = dx0 / l, dy = dy0 / l;
    const double x0 = c.x - dy * 120.0 + dx * 60.0, y0 = c.y + dx * 120.0 + dy * 60.0;
    const double along = (x - x0) * dx + (y - y0) * dy, across = (y - y0) * dx - (x - x0) * dy;
    return along > -5.0 && std::fabs(across) < half;
}

double roadDistance(const HaulNetwork& net, double x, double y) {
    double best = 1e300;
    for (int r = 0; r < net.roadCount(); ++r) {
        const Road& road = net.road(r);
        if (road.name != "apron" && road.name != "to crusher" && road.name != "to dump" && road.name != "to park") continue;
        for (std::size_t i = 0; i + 1 < road.pts.size(); ++i) {
            const SitePos a = road.pts[i], b = road.pts[i + 1];
            const double ex = b.x - a.x, ey = b.y - a.y, l2 = ex * ex + ey * ey;
            const double h = l2 > 0 ? std::clamp(((x - a.x) * ex + (y - a.y) * ey) / l2, 0.0, 1.0) : 0.0;
            best = std::min(best, std::hypot(x - a.x - h * ex, y - a.y - h * ey));
        }
    }
    return best;
}

Params fleet(int trucks) {
    Params p;
    registerMineParams(p);
    std::string why;
    REQUIRE(p.setFromText("mine.trucks", std::to_string(trucks), &why));
    REQUIRE(p.setFromText("mine.breakdowns", "0", &why));
    return p;
}

}  // namespace

TEST_CASE("park-up: a bay for every truck mine.trucks allows, none overlapping another, a road, the pit or the rail line") {
    Params p;
    registerMineParams(p);
    const int most = static_cast<int>(p.find("mine.trucks")->max);
    const PitGeometry g;
    const HaulNetwork net(g, TruckSpeeds{});
    const std::vector<PitGeometry::ParkBay> bays = g.parkBays();
    REQUIRE(static_cast<int>(bays.size()) >= most);
    // Truck i stands in bay i whatever the fleet, so the first `most` bays cover every fleet size.
    std::vector<Quad> feet;
    for (int i = 0; i < most; ++i) {
        const PitGeometry::ParkBay& b = bays[static_cast<std::size_t>(i)];
        feet.push_back(footprint(b.bay.x, b.bay.y, b.heading_rad));
        for (const auto& c : feet.back()) {
            INFO("bay " << i << " corner " << c[0] << ", " << c[1]);
            CHECK_FALSE(onRail(g, c[0], c[1], 3.0 + 10.0));   // the ballast (3 m) and 10 m clear of it
            CHECK_FALSE(g.insidePit(c[0], c[1]));
            CHECK(roadDistance(net, c[0], c[1]) > 0.5 * g.params().ramp_width_m);
        }
        // The path in: the lane and the aisle never run through the pit, nor along the track.
        for (const SitePos& q : {b.lane, b.aisle}) CHECK_FALSE(g.insidePit(q.x, q.y));
    }
    int pairs = 0;
    for (std::size_t i = 0; i < feet.size(); ++i)
        for (std::size_t j = i + 1; j < feet.size(); ++j, ++pairs) {
            INFO("bays " << i << " and " << j);
            CHECK_FALSE(overlap(feet[i], feet[j]));
        }
    CHECK(pairs == most * (most - 1) / 2);
    // A compact park-up: the default fleet's 44 bays within 250 m of the park point, each beside another one
    // (11 m between centres, facing the same way).
    for (int i = 0; i < 44; ++i) {
        const PitGeometry::ParkBay& a = bays[static_cast<std::size_t>(i)];
        CHECK(std::hypot(a.bay.x - g.parkPosition().x, a.bay.y - g.parkPosition().y) < 250.0);
        int beside = 0;
        for (int j = 0; j < 44; ++j) {
            const PitGeometry::ParkBay& b = bays[static_cast<std::size_t>(j)];
            beside += j != i && std::fabs(std::hypot(a.bay.x - b.bay.x, a.bay.y - b.bay.y) - 11.0) < 1e-6 &&
                      std::fabs(a.heading_rad - b.heading_rad) < 1e-9;
        }
        CHECK(beside >= 1);
    }
    // Nearest first along the way in (park point -> lane -> aisle -> bay).
    auto path = [&](const PitGeometry::ParkBay& q) {
        const SitePos P = g.parkPosition();
        return std::hypot(q.lane.x - P.x, q.lane.y - P.y) + std::hypot(q.aisle.x - q.lane.x, q.aisle.y - q.lane.y) +
               std::hypot(q.bay.x - q.aisle.x, q.bay.y - q.aisle.y);
    };
    CHECK(path(bays[0]) <= path(bays[static_cast<std::size_t>(most / 2)]) + 1e-9);
}

TEST_CASE("park-up: at the 08:00 shift change the fleet parks in its bays; the new crews drive off one by one") {
    for (int trucks : {1, 12, 44, 80}) {   // the Pit panel's range (five shovels keep no more than ~80 busy)
        CAPTURE(trucks);
        Time start = 0;
        REQUIRE(parseIso8601("2026-06-21T07:30:00+05:00", start));
        const Params p = fleet(trucks);
        Mine m(p, 5, start);
        const PitGeometry& g = m.geometry();
        const std::vector<PitGeometry::ParkBay> bays = g.parkBays();
        EventSink ev;
        std::vector<Event> all;
        Time t = start;
        auto runTo = [&](Time end) {
            for (; t < end; t += 10 * kSecond) {
                ev.clear();
                m.step(t, 10 * kSecond, ev);
                all.insert(all.end(), ev.events().begin(), ev.events().end());
            }
        };
        // The crews take over 15 min into the 30-min change (then the trucks drive off); sampled up to then.
        const Time change = start + 30 * kMinute, end = change + 15 * kMinute;
        int mostParked = 0;
        for (Time at = change + kMinute; at < end; at += 2 * kMinute) {
            runTo(at);
            const MineState& s = m.state();
            CHECK(s.shiftBreak);
            std::vector<Quad> feet;
            int parked = 0;
            for (std::size_t i = 0; i < s.trucks.size(); ++i) {
                const TruckPose q = m.truckPoseAt(static_cast<int>(i), t);
                const TruckState& ts = s.trucks[i];
                // Nobody is loaded or left waiting at a face during a change.
                CHECK((ts.phase != TruckPhase::QueuedAtShovel && ts.phase != TruckPhase::Loading));
                if (ts.phase == TruckPhase::Parked && ts.speed_m_s < 0.1) {
                    ++parked;
                    const PitGeometry::ParkBay& b = bays[i];
                    CHECK(std::hypot(q.x - b.bay.x, q.y - b.bay.y) < 1e-6);   // in its own bay
                }
                if (ts.speed_m_s < 0.1) {
                    feet.push_back(footprint(q.x, q.y, q.heading_rad));
                    for (const auto& c : feet.back()) CHECK_FALSE(onRail(g, c[0], c[1], 3.0));
                }
            }
            for (std::size_t i = 0; i < feet.size(); ++i)
                for (std::size_t j = i + 1; j < feet.size(); ++j) CHECK_FALSE(overlap(feet[i], feet[j]));
            mostParked = std::max(mostParked, parked);
        }
        // The last cycles end at the park-up: nearly the whole fleet stands there as the crews change (a truck
        // loaded just before 08:00 may still be on its way).
        CHECK(mostParked >= trucks - std::max(2, trucks / 8));
        // Back to work: one truck every 15 s out of the park-up, nearest bay (lowest id) first; none counts as
        // added to the fleet. Sampled every 5 s: the first sample each truck parked at the end is seen out of it.
        std::vector<int> wasParked;
        runTo(end);
        for (std::size_t i = 0; i < m.state().trucks.size(); ++i)
            if (m.state().trucks[i].phase == TruckPhase::Parked) wasParked.push_back(static_cast<int>(i));
        REQUIRE(!wasParked.empty());
        const std::size_t before = all.size();
        std::vector<Time> left(m.state().trucks.size(), -1);
        const Time until = end + static_cast<Time>(wasParked.size()) * 15 * kSecond + 10 * kMinute;
        for (; t < until;) {
            ev.clear();
            m.step(t, 5 * kSecond, ev);
            t += 5 * kSecond;
            all.insert(all.end(), ev.events().begin(), ev.events().end());
            for (int i : wasParked)
                if (left[static_cast<std::size_t>(i)] < 0 && m.state().trucks[static_cast<std::size_t>(i)].phase != TruckPhase::Parked)
                    left[static_cast<std::size_t>(i)] = t;
        }
        for (std::size_t i = before; i < all.size(); ++i)
            CHECK(all[i].kind != static_cast<std::uint16_t>(MineEvent::TruckAdded));
        for (std::size_t k = 0; k < wasParked.size(); ++k) {
            INFO("truck " << wasParked[k]);
            REQUIRE(left[static_cast<std::size_t>(wasParked[k])] >= 0);   // every crew drove off
            if (k > 0) CHECK(left[static_cast<std::size_t>(wasParked[k])] - left[static_cast<std::size_t>(wasParked[k - 1])] >= 10 * kSecond);
        }
        runTo(t + kHour);
        CHECK(m.state().ore_t > 0.0);
    }
}

TEST_CASE("mine: the ore rate is the ore tipped at the crusher over the stated window, from the event log") {
    // Reference: the TruckDumped events (value > 0: ore at the crusher) with times in (now - window, now], in t/h.
    Params p = fleet(44);
    std::string why;
    REQUIRE(p.setFromText("mine.warm_start_h", "0", &why));   // every dump since the start is in the log
    Time start = 0;
    REQUIRE(parseIso8601("2026-06-21T06:00:00+05:00", start));
    Mine m(p, 3, start);
    EventSink ev;
    std::vector<std::pair<Time, double>> ore;
    const Time window = MineState::kOreRateWindow_min * kMinute;
    int checked = 0, nonzero = 0;
    double lo = 1e300, hi = 0.0;
    for (Time t = start; t < start + 6 * kHour; t += 30 * kSecond) {
        ev.clear();
        m.step(t, 30 * kSecond, ev);
        for (const Event& e : ev.events())
            if (e.unit == Unit::Mine && e.kind == static_cast<std::uint16_t>(MineEvent::TruckDumped) && e.value > 0.0)
                ore.push_back({e.time, e.value});
        const Time now = t + 30 * kSecond;
        double sum = 0.0;
        for (const auto& [at, tonnes] : ore)
            if (at > now - window && at <= now) sum += tonnes;
        const double expect = sum * 60.0 / MineState::kOreRateWindow_min;
        CHECK(m.totals().ore_t_h == doctest::Approx(expect).epsilon(1e-9));
        ++checked;
        nonzero += expect > 0.0;
        if (now >= start + 2 * kHour) { lo = std::min(lo, m.totals().ore_t_h); hi = std::max(hi, m.totals().ore_t_h); }
    }
    CHECK(checked == 720);
    CHECK(nonzero > 500);
    // Over an hour the rate moves by whole loads (220 t) at a time: through the 08:00 change it dips, but it never
    // jumps about as a per-tick figure would (0 or one load / tick).
    MESSAGE("ore rate after the first two hours: " << lo << " .. " << hi << " t/h");
    CHECK(hi < 7000.0);
}
