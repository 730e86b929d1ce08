// The Kalmakyr pit geometry and haul network against the reference figures (almalyk.md defaults) and against
// independent recomputation (bench staircase, ramp grade, travel times from segment lengths and speeds).
#include <doctest/doctest.h>

#include <cmath>

#include "sim/haul_network.h"
#include "sim/pit_geometry.h"

using namespace sim;

namespace {
constexpr double kPi = 3.14159265358979323846;
double horiz(const SitePos& a, const SitePos& b) { return std::hypot(b.x - a.x, b.y - a.y); }
}  // namespace

TEST_CASE("pit geometry: default Kalmakyr pit is ~4 x 2 km, 500 m deep, 15 m benches, long axis NW-SE") {
    const PitGeometry g;
    CHECK(g.depth() == doctest::Approx(500.0));
    CHECK(g.floorElevation() == doctest::Approx(250.0));
    CHECK(g.benchCount() == 34);   // ceil(500 / 15)
    // Rim outline extents and orientation.
    double maxR = 0, minR = 1e9, bearingOfMax = 0;
    for (const SitePos& p : g.rimOutline(720)) {
        const double r = std::hypot(p.x, p.y);
        if (r > maxR) { maxR = r; bearingOfMax = std::fmod(std::atan2(p.x, p.y) * 180.0 / kPi + 360.0, 180.0); }
        minR = std::min(minR, r);
        CHECK(p.z == doctest::Approx(750.0));
    }
    CHECK(maxR == doctest::Approx(2000.0).epsilon(0.001));
    CHECK(minR == doctest::Approx(1000.0).epsilon(0.001));
    CHECK(bearingOfMax == doctest::Approx(135.0).epsilon(0.01));   // NW-SE axis
    // Outside the rim: flat at the rim elevation; the centre is on the floor.
    CHECK(g.elevation(3000.0, 3000.0) == doctest::Approx(750.0));
    CHECK_FALSE(g.insidePit(3000.0, 3000.0));
    CHECK(g.insidePit(0.0, 0.0));
    CHECK(g.elevation(0.0, 0.0) == doctest::Approx(250.0));
}

TEST_CASE("pit geometry: the wall is a staircase of 15 m benches, 65 deg faces and 11 m berms where no ramp passes") {
    const PitGeometry g;
    const double faceRun = 15.0 / std::tan(65.0 * kPi / 180.0);
    const double period = faceRun + 11.0;
    // The ramp covers ~0.8 of a turn from the exit (angle -90 deg) counter-clockwise; -90 - 25 deg is clear of it.
    const double t = -0.5 * kPi - 25.0 * kPi / 180.0;
    for (int k = 0; k < 30; ++k) {
        const double dBerm = k * period + faceRun + 5.5;   // middle of berm k+1
        double x, y;
        g.toSite((2000.0 - dBerm) * std::cos(t), (1000.0 - dBerm) * std::sin(t), x, y);
        CHECK(g.elevation(x, y) == doctest::Approx(750.0 - 15.0 * (k + 1)).epsilon(1e-9));
        const double dFace = k * period + 0.5 * faceRun;   // middle of face k
        g.toSite((2000.0 - dFace) * std::cos(t), (1000.0 - dFace) * std::sin(t), x, y);
        CHECK(g.elevation(x, y) == doctest::Approx(750.0 - 15.0 * (k + 0.5)).epsilon(1e-6));
    }
}

TEST_CASE("pit geometry: the spiral ramp runs at 8 % from the rim to the floor, on the ground") {
    const PitGeometry g;
    const auto& ramp = g.rampCentreline();
    REQUIRE(ramp.size() > 100);
    CHECK(ramp.front().z == doctest::Approx(750.0));
    CHECK(ramp.back().z == doctest::Approx(250.0));
    double run = 0.0;
    for (std::size_t i = 1; i < ramp.size(); ++i) {
        const double h = horiz(ramp[i - 1], ramp[i]);
        run += h;
        if (h > 1.0) CHECK((ramp[i - 1].z - ramp[i].z) / h == doctest::Approx(0.08).epsilon(0.02));
    }
    CHECK(run == doctest::Approx(500.0 / 0.08).epsilon(0.01));   // ~6.3 km (almalyk.md defaults)
    for (std::size_t i = 0; i < ramp.size(); i += 7)
        CHECK(g.elevation(ramp[i].x, ramp[i].y) == doctest::Approx(ramp[i].z).epsilon(1e-4));
    // The exit is at the rim, the bottom on the floor.
    CHECK(g.elevation(g.rampExit().x, g.rampExit().y) == doctest::Approx(750.0));
}

TEST_CASE("pit geometry: elevation is continuous (no cracks), across the ramp, its apron and every bench") {
    const PitGeometry g;
    // Radial lines all around the pit, sampled every 5 cm: the steepest legal slope is a 65 deg face (2.15 m/m).
    const double step = 0.05, bound = step * std::tan(65.0 * kPi / 180.0) + 1e-6;
    double worst = 0.0;
    for (int line = 0; line < 24; ++line) {
        const double a = 2.0 * kPi * line / 24.0 + 0.01;
        double prev = g.elevation(0.0, 0.0);
        for (double r = step; r < 2100.0; r += step) {
            const double z = g.elevation(r * std::cos(a), r * std::sin(a));
            worst = std::max(worst, std::fabs(z - prev));
            prev = z;
        }
    }
    CHECK(worst <= bound);
    // Around the rim apron at the exit, along the rim direction.
    const SitePos e = g.rampExit();
    double prev = g.elevation(e.x - 300.0, e.y + 300.0);
    double worstAlong = 0.0;
    for (double s = 0.0; s < 600.0; s += step) {
        const double z = g.elevation(e.x - 300.0 + s, e.y + 300.0 - s);
        worstAlong = std::max(worstAlong, std::fabs(z - prev));
        prev = z;
    }
    CHECK(worstAlong <= bound);
}

TEST_CASE("pit geometry: faces on the floor; crusher, dump and park-up outside the rim") {
    const PitGeometry g;
    for (int k = 0; k < PitGeometry::kFaceSlots; ++k) {
        const SitePos s = g.shovelPosition(k), l = g.loadingSpot(k);
        CHECK(g.insidePit(s.x, s.y));
        CHECK(g.elevation(s.x, s.y) == doctest::Approx(g.floorElevation()));
        CHECK(g.elevation(l.x, l.y) == doctest::Approx(g.floorElevation()));
        for (int j = 0; j < k; ++j) CHECK(horiz(s, g.shovelPosition(j)) > 60.0);
    }
    for (const SitePos& p : {g.crusherPosition(), g.dumpPosition(), g.parkPosition(), g.junctionPosition()}) {
        CHECK_FALSE(g.insidePit(p.x, p.y));
        CHECK(p.z == doctest::Approx(750.0));
    }
    CHECK(horiz(g.dumpPosition(), g.rampExit()) > horiz(g.crusherPosition(), g.rampExit()));
}

TEST_CASE("pit geometry: a pit too deep for its width keeps a working floor") {
    PitParams p;
    p.width_m = 800.0;
    p.depth_m = 900.0;
    const PitGeometry g(p);
    CHECK(g.depth() < 900.0);
    CHECK(g.depth() > 100.0);
    const SitePos s = g.shovelPosition(0);
    CHECK(g.elevation(s.x, s.y) == doctest::Approx(g.floorElevation()));
    CHECK(std::isfinite(g.elevation(0.0, 0.0)));
}

TEST_CASE("haul network: roads lie on the ground; route times match segment lengths over speeds") {
    const PitGeometry g;
    const TruckSpeeds v;   // 12 / 30 loaded, 25 / 40 empty km/h
    const HaulNetwork net(g, v);
    for (int i = 0; i < net.roadCount(); ++i)
        for (const SitePos& p : net.road(i).pts) CHECK(g.elevation(p.x, p.y) == doctest::Approx(p.z).epsilon(1e-4));
    const Route up = net.route(HaulNetwork::faceNode(2), HaulNetwork::kCrusher);
    REQUIRE(up.legs.size() == 4);   // floor, ramp, apron, spur
    const SitePos a = net.pointAt(up, 0.0), b = net.pointAt(up, up.length);
    CHECK(horiz(a, g.loadingSpot(2)) < 1e-6);
    CHECK(horiz(b, g.crusherPosition()) < 1e-6);
    // Independent travel time: walk the route in 1 m steps, ramp speed where the grade is steep.
    double t = 0.0;
    for (double s = 0.5; s < up.length; s += 1.0) {
        const SitePos p0 = net.pointAt(up, s - 0.5), p1 = net.pointAt(up, std::min(up.length, s + 0.5));
        const double h = horiz(p0, p1), len = std::sqrt(h * h + (p1.z - p0.z) * (p1.z - p0.z));
        const bool ramp = h > 0 && std::fabs(p1.z - p0.z) / h > 0.03;
        t += len / ((ramp ? 12.0 : 30.0) / 3.6);
    }
    CHECK(net.timeAt(up, up.length, true) == doctest::Approx(t).epsilon(0.01));
    CHECK(net.gradeAt(up, up.legs[1].sBegin + 100.0) == doctest::Approx(0.08).epsilon(0.03));   // uphill loaded
    // sAtTime inverts timeAt.
    for (double s : {0.0, 100.0, 2500.0, up.length - 10.0})
        CHECK(net.sAtTime(up, net.timeAt(up, s, false), false) == doctest::Approx(s).epsilon(1e-6));
    // The way back is the same roads reversed, and face to face stays on the floor.
    const Route down = net.route(HaulNetwork::kCrusher, HaulNetwork::faceNode(2));
    CHECK(down.length == doctest::Approx(up.length));
    const Route across = net.route(HaulNetwork::faceNode(0), HaulNetwork::faceNode(1));
    REQUIRE(across.legs.size() == 2);
    CHECK(net.pointAt(across, across.length / 2).z == doctest::Approx(g.floorElevation()));
}
