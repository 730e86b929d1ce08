// sim/lunar.h — the Moon seen from Almalyk: its position in the sky and how much of its disc is lit.
// Pure functions, like sim/solar.h; scenes light a night with it (moonlight, the disc, shadows by the Moon).
// Use:
//   LunarPosition m = lunarPosition(t, kAlmalykLatDeg, kAlmalykLonDeg);
//   if (m.elevation_deg > 0) ... m.azimuth_deg, m.illuminated    // 0 new .. 1 full
// Method: Meeus, Astronomical Algorithms (2nd ed.), ch. 47 with the larger terms of tables 47.A/47.B (every term
// above 0.002 degree: ~0.01 degree in longitude and latitude), mean obliquity (ch. 22), Greenwich mean sidereal time
// (eq. 12.4), topocentric parallax in altitude, and the illuminated fraction from the phase angle (ch. 48, eq. 48.4).
// Delta T is taken as 69 s (its value in the 2020s).
// Conventions as sim/solar.h: degrees, azimuth from north clockwise; elevation is topocentric, without refraction.
// Does NOT: include nutation (~0.005 degree) or refraction (~0.5 degree at the horizon, under 0.02 degree above 45).
#pragma once
#include "sim/time.h"

namespace sim {

struct LunarEcliptic {
    double longitude_deg = 0.0;  // geocentric, mean equinox of date
    double latitude_deg = 0.0;
    double distance_km = 0.0;    // centre of the Earth to centre of the Moon
};

struct LunarPosition {
    double elevation_deg = 0.0;  // topocentric altitude above the horizon
    double azimuth_deg = 0.0;    // from north, clockwise, 0..360
    double rightAscension_deg = 0.0;  // geocentric
    double declination_deg = 0.0;     // geocentric
    double distance_km = 0.0;
    double illuminated = 0.0;    // fraction of the disc lit by the Sun: 0 new moon, 1 full moon
    bool waxing = true;          // the lit fraction is growing (first quarter side)
};

// Geocentric ecliptic coordinates at a Julian Ephemeris Day (TD), Meeus ch. 47.
LunarEcliptic lunarEclipticAtJde(double jde);
// Fraction of the disc lit at a Julian Ephemeris Day, Meeus eq. 48.4 (phase angle from the mean elongation).
double lunarIlluminatedAtJde(double jde);
// Local mean sidereal time (degrees, 0..360) at longitude lon_deg (east positive): Greenwich mean sidereal time,
// Meeus eq. 12.4, plus the longitude. The right ascension on the observer's meridian: the sky turns with it.
double localSiderealTimeDeg(Time t, double lon_deg);
// Full position for an observer at one instant.
LunarPosition lunarPosition(Time t, double lat_deg, double lon_deg);

}  // namespace sim
