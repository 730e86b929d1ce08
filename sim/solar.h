// sim/solar.h — the sun at Almalyk: position, clear-sky irradiance, clouds and plane-of-array irradiance.
// Pure functions (no state, no I/O) that the Hydrogen unit, the weather calibration and scenes share, so the 3D sun
// and the panels' hydrogen always see the same sky.
// Use:
//   SolarPosition s = solarPosition(t, 40.845, 69.598);                  // NOAA spreadsheet (Meeus), ~0.01°
//   Irradiance clear = clearSkyIneichen(s.zenith_deg, 530.0, 3.5, doy);  // hydrogen.md §8.2
//   Irradiance sky = applyClouds(clear, cloudCover);                      // Larson et al. 2016, §8.2
//   double poa = planeOfArray(sky, s, 30.0, 180.0, 0.2);                  // isotropic (Liu–Jordan), §8.3
// Conventions: angles in degrees; azimuth from north, clockwise (east = 90°); elevation includes atmospheric
// refraction (NOAA's formula), zenith_deg = 90° − elevation_deg (the apparent zenith that pvlib's Ineichen uses).
// Errors: none; inputs outside physical ranges are clamped (linke ≥ 1, cloud cover to [0, 1]), night gives zeros.
// Does NOT: model horizon shading by mountains, spectral effects, or the equation of time beyond the years ~1900–2100
// (NOAA's stated validity of the Meeus series it uses).
#pragma once
#include "sim/time.h"

namespace sim {

// Slowly varying part of the solar position: depends on the instant only, not on the observer.
struct SolarEphemeris {
    double declination_deg = 0.0;
    double eot_min = 0.0;  // equation of time, minutes (apparent − mean solar time)
};

struct SolarPosition {
    double elevation_deg = 0.0;     // apparent (refracted) elevation above the horizon
    double azimuth_deg = 0.0;       // from north, clockwise, 0..360
    double zenith_deg = 90.0;       // 90 − elevation_deg (apparent)
    double declination_deg = 0.0;
    double eot_min = 0.0;
    double hourAngle_deg = 0.0;     // 0 at true solar noon, + in the afternoon
};

struct Irradiance {
    double ghi = 0.0;  // global horizontal, W/m²
    double dni = 0.0;  // direct normal, W/m²
    double dhi = 0.0;  // diffuse horizontal, W/m²
};

constexpr double kAlmalykLatDeg = 40.845;   // hydrogen.md §7 (Olmaliq, 40°50′41″N)
constexpr double kAlmalykLonDeg = 69.598;   // hydrogen.md §7 (69°35′54″E)
constexpr double kAlmalykAltitudeM = 530.0; // hydrogen.md §7 (infobox)

// NOAA solar calculator (spreadsheet) ephemeris: Julian century, geometric mean longitude/anomaly, equation of centre,
// apparent longitude, corrected obliquity, declination and equation of time (Meeus, Astronomical Algorithms).
SolarEphemeris solarEphemeris(Time t);
// Observer geometry for a given ephemeris: hour angle, zenith, refraction (NOAA), azimuth.
SolarPosition solarPositionFrom(const SolarEphemeris& e, Time t, double lat_deg, double lon_deg);
// Full calculation at one instant.
SolarPosition solarPosition(Time t, double lat_deg, double lon_deg);

// Caches the ephemeris at the start, middle and end of each local day and interpolates quadratically inside it
// (error < 0.0001°, tested), so a per-tick caller pays only for the observer geometry. One per user.
class SolarEphemerisCache {
public:
    SolarEphemeris at(Time t);
private:
    Time m_dayStart = 0;
    bool m_valid = false;
    SolarEphemeris m_a, m_m, m_b;  // at m_dayStart, + 12 h and + 1 day
};

// Sun-to-earth distance correction: extraterrestrial normal irradiance, W/m² (Spencer's series, as pvlib).
double extraterrestrialIrradiance(int dayOfYear);
// Ineichen–Perez clear sky (pvlib clearsky.ineichen; hydrogen.md §8.2). zenith: apparent, degrees.
Irradiance clearSkyIneichen(double zenith_deg, double altitude_m, double linkeTurbidity, int dayOfYear);
// The same split in two: what depends on the site and the day only, then the per-instant part (for per-tick callers).
struct IneichenDay {
    double pressureRatio = 1, fh1 = 1, fh2 = 1, cg1 = 0, cg2 = 0, linke = 1, i0 = 0, beamB = 0, dniLimitFactor = 0;
};
IneichenDay ineichenDay(double altitude_m, double linkeTurbidity, int dayOfYear);
Irradiance clearSkyIneichen(const IneichenDay& d, double zenith_deg);
// Haurwitz (zenith only; GHI only, split into DNI/DHI with Erbs): the fallback when no turbidity is known.
Irradiance clearSkyHaurwitz(double zenith_deg, int dayOfYear);
// Monthly Linke turbidity used by default: 3.0 in winter to 4.0 in the dusty summer (hydrogen.md §9, estimate).
double defaultLinkeTurbidity(int month);

// Clouds as a time fraction: cloud cover cc is the share of the time the sun's disc is covered; covered sky gives
// 35 % of the clear GHI as pure diffuse light. The time average is Larson et al.'s GHI = (0.35 + 0.65(1−cc))·GHI_clear
// (hydrogen.md §8.2), with DNI = (1−cc)·DNI_clear and DHI = (1−cc)·DHI_clear + 0.35·cc·GHI_clear, so
// GHI = DNI·cosθz + DHI still holds whenever it holds for the clear sky.
Irradiance applyClouds(const Irradiance& clear, double cloudCover);
// WMO sunshine: the sun counts as shining while DNI ≥ 120 W/m².
constexpr double kSunshineDniThreshold = 120.0;

// Plane-of-array irradiance, isotropic sky (hydrogen.md §8.3): beam·max(cos AOI, 0) + sky diffuse + ground reflected.
double planeOfArray(const Irradiance& sky, const SolarPosition& sun, double tilt_deg, double panelAzimuth_deg,
                    double albedo);

}  // namespace sim
