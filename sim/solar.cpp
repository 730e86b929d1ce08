#include "sim/solar.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sim {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;

double sind(double d) { return std::sin(d * kDeg); }
double cosd(double d) { return std::cos(d * kDeg); }
double tand(double d) { return std::tan(d * kDeg); }

// sind and cosd of an angle that almost never changes between calls (the site latitude, the panel tilt): the pair is
// recomputed only when the angle does, so every tick saves a sincos. Same values, bit for bit.
struct SinCosDeg {
    double deg = std::numeric_limits<double>::quiet_NaN(), s = 0.0, c = 1.0;
    const SinCosDeg& of(double d) {
        if (!(d == deg)) { deg = d; s = sind(d); c = cosd(d); }
        return *this;
    }
};

// NOAA spreadsheet refraction (degrees) for a geometric elevation e (degrees); Saemundsson/Bennett pieces near the
// horizon, and a fit below it, exactly as the NOAA calculator.
double noaaRefraction(double e) {
    if (e > 85.0) return 0.0;
    double arcsec;
    if (e > 5.0) {
        const double t = tand(e);
        const double t3 = t * t * t;
        arcsec = 58.1 / t - 0.07 / t3 + 0.000086 / (t3 * t * t);
    } else if (e > -0.575) {
        arcsec = 1735.0 + e * (-518.2 + e * (103.4 + e * (-12.79 + e * 0.711)));
    } else {
        arcsec = -20.774 / tand(e);
    }
    return arcsec / 3600.0;
}

Time localDayStart(Time t) {
    const Time offset = static_cast<Time>(kSiteUtcOffsetHours) * kHour;
    Time local = t + offset;
    Time day = local / kDay;
    if (local % kDay < 0) --day;
    return day * kDay - offset;
}

// Erbs et al. (1982) diffuse fraction from the clearness index, as pvlib irradiance.erbs.
double erbsDiffuseFraction(double kt) {
    if (kt <= 0.22) return 1.0 - 0.09 * kt;
    if (kt <= 0.80) return 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * kt * kt * kt + 12.336 * kt * kt * kt * kt;
    return 0.165;
}

}  // namespace

SolarEphemeris solarEphemeris(Time t) {
    // NOAA Solar Calculations spreadsheet (gml.noaa.gov/grad/solcalc), column by column.
    const double julianDay = static_cast<double>(t) / (86400.0 * 1e6) + 2440587.5;
    const double jc = (julianDay - 2451545.0) / 36525.0;
    const double l0 = std::fmod(280.46646 + jc * (36000.76983 + jc * 0.0003032), 360.0);
    const double m = 357.52911 + jc * (35999.05029 - 0.0001537 * jc);
    const double ecc = 0.016708634 - jc * (0.000042037 + 0.0000001267 * jc);
    const double centre = sind(m) * (1.914602 - jc * (0.004817 + 0.000014 * jc)) + sind(2 * m) * (0.019993 - 0.000101 * jc) +
                          sind(3 * m) * 0.000289;
    const double trueLong = l0 + centre;
    const double omega = 125.04 - 1934.136 * jc;
    const double appLong = trueLong - 0.00569 - 0.00478 * sind(omega);
    const double meanObliq = 23.0 + (26.0 + (21.448 - jc * (46.815 + jc * (0.00059 - jc * 0.001813))) / 60.0) / 60.0;
    const double obliq = meanObliq + 0.00256 * cosd(omega);
    SolarEphemeris e;
    e.declination_deg = std::asin(sind(obliq) * sind(appLong)) / kDeg;
    const double y = tand(obliq / 2) * tand(obliq / 2);
    e.eot_min = 4.0 / kDeg *
                (y * sind(2 * l0) - 2 * ecc * sind(m) + 4 * ecc * y * sind(m) * cosd(2 * l0) - 0.5 * y * y * sind(4 * l0) -
                 1.25 * ecc * ecc * sind(2 * m));
    return e;
}

SolarPosition solarPositionFrom(const SolarEphemeris& e, Time t, double lat_deg, double lon_deg) {
    SolarPosition p;
    p.declination_deg = e.declination_deg;
    p.eot_min = e.eot_min;
    // True solar time from UTC: the time-zone terms of NOAA's formula cancel.
    Time utcOfDay = t % kDay;
    if (utcOfDay < 0) utcOfDay += kDay;
    const double utcMin = static_cast<double>(utcOfDay) / 60e6;
    double ha = (utcMin + e.eot_min + 4.0 * lon_deg) / 4.0 - 180.0;
    ha = std::fmod(ha, 360.0);
    if (ha < -180.0) ha += 360.0;
    if (ha >= 180.0) ha -= 360.0;
    p.hourAngle_deg = ha;

    thread_local SinCosDeg latMemo;
    const SinCosDeg& lat = latMemo.of(lat_deg);
    const double sinLat = lat.s, cosLat = lat.c;
    const double sinDec = sind(e.declination_deg), cosDec = cosd(e.declination_deg);
    const double cosHa = cosd(ha), sinHa = sind(ha);
    const double cosZen = std::clamp(sinLat * sinDec + cosLat * cosDec * cosHa, -1.0, 1.0);
    const double geometricElevation = 90.0 - std::acos(cosZen) / kDeg;
    p.elevation_deg = geometricElevation + noaaRefraction(geometricElevation);
    p.zenith_deg = 90.0 - p.elevation_deg;
    // Azimuth from north, clockwise; atan2 avoids NOAA's acos branch and its domain clamps (hydrogen.md §8.1).
    double az = std::atan2(sinHa, cosHa * sinLat - (sinDec / cosDec) * cosLat) / kDeg + 180.0;
    if (az >= 360.0) az -= 360.0;
    p.azimuth_deg = az;
    return p;
}

SolarPosition solarPosition(Time t, double lat_deg, double lon_deg) {
    return solarPositionFrom(solarEphemeris(t), t, lat_deg, lon_deg);
}

SolarEphemeris SolarEphemerisCache::at(Time t) {
    if (!m_valid || t < m_dayStart || t >= m_dayStart + kDay) {
        const Time start = localDayStart(t);
        if (m_valid && start == m_dayStart + kDay) {
            m_a = m_b;  // the usual case: the next day begins where the last one ended
        } else {
            m_a = solarEphemeris(start);
        }
        m_m = solarEphemeris(start + kDay / 2);
        m_b = solarEphemeris(start + kDay);
        m_dayStart = start;
        m_valid = true;
    }
    // Lagrange weights for nodes at f = 0, ½, 1.
    const double f = static_cast<double>(t - m_dayStart) / static_cast<double>(kDay);
    const double wa = 2.0 * (f - 0.5) * (f - 1.0), wm = -4.0 * f * (f - 1.0), wb = 2.0 * f * (f - 0.5);
    return SolarEphemeris{wa * m_a.declination_deg + wm * m_m.declination_deg + wb * m_b.declination_deg,
                          wa * m_a.eot_min + wm * m_m.eot_min + wb * m_b.eot_min};
}

double extraterrestrialIrradiance(int dayOfYear) {
    // pvlib irradiance.get_extra_radiation(method="spencer"), solar constant 1366.1 W/m².
    const double b = 2.0 * kPi * (dayOfYear - 1) / 365.0;
    const double r = 1.00011 + 0.034221 * std::cos(b) + 0.00128 * std::sin(b) + 0.000719 * std::cos(2 * b) +
                     0.000077 * std::sin(2 * b);
    return 1366.1 * r;
}

IneichenDay ineichenDay(double altitude_m, double linkeTurbidity, int dayOfYear) {
    IneichenDay d;
    d.linke = std::max(1.0, linkeTurbidity);
    // Absolute air mass scales with the pressure of the site's altitude (pvlib atmosphere.alt2pres).
    d.pressureRatio = 100.0 * std::pow((44331.514 - altitude_m) / 11880.516, 1.0 / 0.1902632) / 101325.0;
    d.fh1 = std::exp(-altitude_m / 8000.0);
    d.fh2 = std::exp(-altitude_m / 1250.0);
    d.cg1 = 5.09e-5 * altitude_m + 0.868;
    d.cg2 = 3.92e-5 * altitude_m + 0.0387;
    d.i0 = extraterrestrialIrradiance(dayOfYear);
    d.beamB = 0.664 + 0.163 / d.fh1;
    d.dniLimitFactor = std::max(0.0, 1.0 - (0.1 - 0.2 * std::exp(-d.linke)) / (0.1 + 0.882 / d.fh1));
    return d;
}

Irradiance clearSkyIneichen(const IneichenDay& d, double zenith_deg) {
    Irradiance out;
    if (!(zenith_deg < 90.0)) return out;
    const double cosZen = cosd(zenith_deg);
    // Kasten & Young (1989) relative air mass.
    const double am = d.pressureRatio / (cosZen + 0.50572 * std::pow(96.07995 - zenith_deg, -1.6364));
    // hydrogen.md §8.2 includes Perez's enhancement factor exp(0.01·AM^1.8) (pvlib's perez_enhancement=True);
    // one exp serves both factors.
    const double ghi = d.cg1 * d.i0 * cosZen *
                       std::exp(-d.cg2 * am * (d.fh1 + d.fh2 * (d.linke - 1.0)) + 0.01 * std::pow(am, 1.8));
    const double dniBeam = d.beamB * d.i0 * std::exp(-0.09 * am * (d.linke - 1.0));
    const double dniLimit = ghi * d.dniLimitFactor / cosZen;
    out.ghi = std::max(0.0, ghi);
    out.dni = std::max(0.0, std::min(dniBeam, dniLimit));
    out.dhi = std::max(0.0, out.ghi - out.dni * cosZen);
    return out;
}

Irradiance clearSkyIneichen(double zenith_deg, double altitude_m, double linkeTurbidity, int dayOfYear) {
    return clearSkyIneichen(ineichenDay(altitude_m, linkeTurbidity, dayOfYear), zenith_deg);
}

Irradiance clearSkyHaurwitz(double zenith_deg, int dayOfYear) {
    Irradiance out;
    if (!(zenith_deg < 90.0)) return out;
    const double cosZen = cosd(zenith_deg);
    out.ghi = 1098.0 * cosZen * std::exp(-0.059 / cosZen);
    const double kt = std::clamp(out.ghi / (extraterrestrialIrradiance(dayOfYear) * cosZen), 0.0, 1.0);
    out.dhi = erbsDiffuseFraction(kt) * out.ghi;
    // pvlib's erbs drops the beam for zenith > 87° where dividing by cosθz amplifies errors.
    out.dni = zenith_deg > 87.0 ? 0.0 : (out.ghi - out.dhi) / cosZen;
    if (zenith_deg > 87.0) out.dhi = out.ghi;
    return out;
}

double defaultLinkeTurbidity(int month) {
    // Winter 3.0, summer (dust) 4.0, spring/autumn between: hydrogen.md §9 (estimate; no measured Almalyk T_L).
    static const double kLinke[12] = {3.0, 3.1, 3.4, 3.7, 3.9, 4.0, 4.0, 4.0, 3.8, 3.5, 3.2, 3.0};
    return kLinke[std::clamp(month, 1, 12) - 1];
}

Irradiance applyClouds(const Irradiance& clear, double cloudCover) {
    const double cc = std::clamp(cloudCover, 0.0, 1.0);
    Irradiance out;
    out.ghi = (0.35 + 0.65 * (1.0 - cc)) * clear.ghi;
    out.dni = (1.0 - cc) * clear.dni;
    out.dhi = (1.0 - cc) * clear.dhi + 0.35 * cc * clear.ghi;
    return out;
}

double planeOfArray(const Irradiance& sky, const SolarPosition& sun, double tilt_deg, double panelAzimuth_deg,
                    double albedo) {
    thread_local SinCosDeg tiltMemo;
    const SinCosDeg& tilt = tiltMemo.of(tilt_deg);
    const double cosTilt = tilt.c;
    const double cosAoi = cosTilt * cosd(sun.zenith_deg) +
                          tilt.s * sind(sun.zenith_deg) * cosd(sun.azimuth_deg - panelAzimuth_deg);
    const double beam = sun.zenith_deg < 90.0 ? sky.dni * std::max(cosAoi, 0.0) : 0.0;
    const double diffuse = sky.dhi * (1.0 + cosTilt) / 2.0;
    const double ground = sky.ghi * albedo * (1.0 - cosTilt) / 2.0;
    return std::max(0.0, beam + diffuse + ground);
}

}  // namespace sim
