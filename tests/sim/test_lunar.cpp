// The Moon's position and phase against published values independent of sim/lunar.cpp:
// - Meeus, Astronomical Algorithms (2nd ed.), example 47.a (1992 April 12, 0h TD: the full ELP-2000/82 series) and
//   example 48.a (illuminated fraction 0.6786 from the exact Sun and Moon positions, not the approximate eq. 48.4);
// - the total solar eclipse of 8 April 2024: at Dallas (32.78 N, 96.80 W) totality ran 18:40:43-18:44:35 UTC (NASA
//   eclipse site), so the Moon covered the Sun there: the Moon's topocentric position must sit on sim/solar.cpp's
//   NOAA Sun (a separate algorithm) within a Moon radius plus the series' error; the Moon is new then;
// - the full moon of 25 January 2024, 17:54 UTC (USNO phases of the Moon).
#include <doctest/doctest.h>

#include <cmath>

#include "sim/lunar.h"
#include "sim/solar.h"

using namespace sim;

namespace {
double angleBetween(double az1, double el1, double az2, double el2) {
    const double d = M_PI / 180.0;
    const double c = std::sin(el1 * d) * std::sin(el2 * d) + std::cos(el1 * d) * std::cos(el2 * d) * std::cos((az1 - az2) * d);
    return std::acos(std::fmin(1.0, std::fmax(-1.0, c))) / d;
}
Time at(const char* iso) {
    Time t = 0;
    REQUIRE(parseIso8601(iso, t));
    return t;
}
}  // namespace

TEST_CASE("Moon's ecliptic position reproduces Meeus example 47.a within 0.02 degree and 30 km") {
    const LunarEcliptic e = lunarEclipticAtJde(2448724.5);
    CHECK(std::abs(e.longitude_deg - 133.162655) < 0.02);
    CHECK(std::abs(e.latitude_deg - (-3.229126)) < 0.02);
    CHECK(std::abs(e.distance_km - 368409.7) < 30.0);
}

TEST_CASE("Moon's illuminated fraction reproduces Meeus example 48.a within 0.005") {
    CHECK(std::abs(lunarIlluminatedAtJde(2448724.5) - 0.6786) < 0.005);
}

TEST_CASE("the Moon covers the Sun at Dallas during the total eclipse of 8 April 2024") {
    const Time t = at("2024-04-08T18:42:40Z");
    const LunarPosition m = lunarPosition(t, 32.78, -96.80);
    const SolarPosition s = solarPosition(t, 32.78, -96.80);
    // The Sun's elevation from NOAA includes refraction (~0.02 degree at 67 degrees); the Moon's does not.
    const double sep = angleBetween(m.azimuth_deg, m.elevation_deg, s.azimuth_deg, s.elevation_deg - 0.02);
    INFO("Moon az " << m.azimuth_deg << " el " << m.elevation_deg << ", Sun az " << s.azimuth_deg << " el " << s.elevation_deg);
    CHECK(sep < 0.25);  // the Moon's apparent radius is ~0.27 degree: totality means the centres within a few arcmin
    CHECK(m.illuminated < 0.01);
    // Without the parallax the Moon would sit ~0.9 degree too high: the topocentric correction is really applied.
    CHECK(m.elevation_deg < s.elevation_deg + 0.25);
}

TEST_CASE("the full moon of 25 January 2024 is fully lit and opposite the Sun") {
    const Time t = at("2024-01-25T17:54:00Z");
    const LunarPosition m = lunarPosition(t, kAlmalykLatDeg, kAlmalykLonDeg);
    const SolarPosition s = solarPosition(t, kAlmalykLatDeg, kAlmalykLonDeg);
    CHECK(m.illuminated > 0.995);
    // Opposite the Sun within the Moon's ecliptic latitude (~5 degrees at most) and the parallax.
    CHECK(angleBetween(m.azimuth_deg, m.elevation_deg, s.azimuth_deg, s.elevation_deg) > 173.0);
    // A week later it wanes: past full, the lit fraction shrinks.
    const LunarPosition later = lunarPosition(t + 7 * kDay, kAlmalykLatDeg, kAlmalykLonDeg);
    CHECK_FALSE(later.waxing);
    CHECK(later.illuminated < 0.75);
}

// Meeus, Astronomical Algorithms (2nd ed.), examples 12.a and 12.b: Greenwich mean sidereal time on 1987 April 10 at
// 0h UT is 13h10m46.3668s, at 19h21m00s UT 8h34m57.0896s; east longitudes add (Almalyk, 69.6 E, is 4h38m ahead).
TEST_CASE("sidereal time reproduces Meeus examples 12.a and 12.b; longitude adds") {
    const auto hms = [](double h, double m, double s) { return (h + m / 60.0 + s / 3600.0) * 15.0; };
    CHECK(localSiderealTimeDeg(at("1987-04-10T00:00:00Z"), 0.0) == doctest::Approx(hms(13, 10, 46.3668)).epsilon(1e-7));
    CHECK(localSiderealTimeDeg(at("1987-04-10T19:21:00Z"), 0.0) == doctest::Approx(hms(8, 34, 57.0896)).epsilon(1e-7));
    CHECK(localSiderealTimeDeg(at("1987-04-10T19:21:00Z"), 69.6) == doctest::Approx(hms(8, 34, 57.0896) + 69.6).epsilon(1e-7));
    // One sidereal day (23h56m04.0905s) later the sky is back where it was.
    const double a = localSiderealTimeDeg(at("2026-06-21T18:00:00Z"), 69.6);
    const double b = localSiderealTimeDeg(at("2026-06-22T17:56:04Z"), 69.6);
    CHECK(std::fabs(std::remainder(a - b, 360.0)) < 0.002);
}
