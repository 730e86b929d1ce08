#include "sim/weather.h"

#include <algorithm>
#include <cmath>

#include "sim/solar.h"

namespace sim {
namespace {

// Sky levels (mean cloud cover) and their intraday amplitude; amplitude ≤ min(level, 1 − level) keeps every value in
// [0, 1] without clamping, so a month's mean cloud cover is exactly the mean of its sky levels.
constexpr double kSkyLevel[3] = {0.02, 0.50, 0.92};
constexpr double kSkyAmplitude[3] = {0.02, 0.30, 0.06};
// Hourly AR(1) weight of the intraday wander: u ← kWander·u + (1 − kWander)·U(−1, 1) stays in [−1, 1], mean 0.
constexpr double kWander = 0.7;
constexpr int kCalibrationStepMin = 5;
constexpr int kCalibrationYear = 2026;  // any non-leap year: the sunshine geometry repeats to well under 1 %

Time localMidnight(std::int64_t localDay) {
    return localDay * kDay - static_cast<Time>(kSiteUtcOffsetHours) * kHour;
}

std::int64_t localDayOf(Time t) {
    const Time local = t + static_cast<Time>(kSiteUtcOffsetHours) * kHour;
    return local >= 0 ? local / kDay : -((-local + kDay - 1) / kDay);
}

// Stationary sky distribution with mean clear-sun fraction f: π_j ∝ exp(β·(1 − level_j)), β found by bisection.
// One parameter keeps the family smooth from a grey December to a cloudless August.
std::array<double, 3> skyDistribution(double f) {
    auto meanClear = [](double beta, std::array<double, 3>& pi) {
        double z = 0.0, m = 0.0;
        for (int j = 0; j < 3; ++j) {
            pi[j] = std::exp(beta * (1.0 - kSkyLevel[j]));
            z += pi[j];
        }
        for (int j = 0; j < 3; ++j) {
            pi[j] /= z;
            m += pi[j] * (1.0 - kSkyLevel[j]);
        }
        return m;
    };
    std::array<double, 3> pi{};
    double lo = -60.0, hi = 60.0;
    for (int i = 0; i < 80; ++i) {
        const double mid = 0.5 * (lo + hi);
        (meanClear(mid, pi) < f ? lo : hi) = mid;
    }
    meanClear(0.5 * (lo + hi), pi);
    return pi;
}

}  // namespace

void registerWeatherParams(Params& p) {
    p.add({.name = "site.lat_deg", .unit = "deg", .def = kAlmalykLatDeg, .min = -89.0, .max = 89.0,
           .description = "Site latitude, + north (Almalyk 40.845, hydrogen.md §7)"});
    p.add({.name = "site.lon_deg", .unit = "deg", .def = kAlmalykLonDeg, .min = -180.0, .max = 180.0,
           .description = "Site longitude, + east (Almalyk 69.598, hydrogen.md §7)"});
    p.add({.name = "site.altitude_m", .unit = "m", .def = kAlmalykAltitudeM, .min = -400.0, .max = 5000.0,
           .description = "Site altitude above sea level for air mass and clear sky (530 m, hydrogen.md §7)"});
    p.add({.name = "weather.cloud_cover", .unit = "-", .def = -1.0, .min = -1.0, .max = 1.0,
           .description = "Cloud cover 0..1 held fixed, or -1 for the seeded weather fitted to Tashkent sunshine"});
    p.add({.name = "weather.persistence", .unit = "-", .def = 0.5, .min = 0.0, .max = 0.95,
           .description = "Chance that tomorrow keeps today's sky (clear/partly/overcast) before a fresh draw"});
    p.add({.name = "weather.sunshine_scale", .unit = "-", .def = 1.0, .min = 0.5, .max = 1.3,
           .description = "Scales the WMO Tashkent sunshine record the weather is fitted to (drier > 1 > wetter year)"});
}

const std::array<double, 12>& monthlySunshineTarget_h() {
    // WMO Tashkent sunshine hours per month (hydrogen.md §7; annual 2823.9 h).
    static const std::array<double, 12> kHours = {118, 127, 164, 216, 304, 363, 384, 366, 300, 226, 150, 105};
    return kHours;
}

Weather::Weather(const Params& p, std::uint64_t seed, Time start) : m_rng(Rng::stream(seed, "weather")) {
    applyParams(p);
    m_state.cloud_cover = cloudCoverAt(start);
    m_state.sky = m_state.stochastic ? m_chainSky : m_state.sky;
}

void Weather::applyParams(const Params& p) {
    const double lat = p.get("site.lat_deg"), lon = p.get("site.lon_deg"), alt = p.get("site.altitude_m");
    const double scale = p.get("weather.sunshine_scale");
    const bool recalibrate = !m_calibrated || lat != m_lat || lon != m_lon || alt != m_alt || scale != m_sunshineScale;
    m_lat = lat;
    m_lon = lon;
    m_alt = alt;
    m_sunshineScale = scale;
    m_fixedCloud = p.get("weather.cloud_cover");
    m_persistence = p.get("weather.persistence");
    m_state.stochastic = m_fixedCloud < 0.0;
    if (recalibrate) calibrate();
}

void Weather::calibrate() {
    // N_month: hours this site's clear sky counts as sunshine (DNI ≥ 120 W/m², WMO), from the month's middle day.
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const auto& target = monthlySunshineTarget_h();
    for (int m = 1; m <= 12; ++m) {
        Time mid = 0;
        std::string ignored;
        const std::string iso = std::to_string(kCalibrationYear) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + "-15T00:00";
        parseIso8601(iso, mid, &ignored);
        const int doy = toLocalCivil(mid).dayOfYear;
        const double linke = defaultLinkeTurbidity(m);
        int sunnySteps = 0;
        for (Time t = mid; t < mid + kDay; t += kCalibrationStepMin * kMinute) {
            const SolarPosition s = solarPosition(t, m_lat, m_lon);
            if (clearSkyIneichen(s.zenith_deg, m_alt, linke, doy).dni >= kSunshineDniThreshold) ++sunnySteps;
        }
        const double possible_h = sunnySteps * kCalibrationStepMin / 60.0 * kDays[m - 1];
        // Where the sky could never shine (polar night at an exotic latitude) fall back to the record's annual mean.
        const double f = possible_h > 1.0 ? m_sunshineScale * target[m - 1] / possible_h : 0.6;
        m_clearFraction[m - 1] = std::clamp(f, 1.0 - kSkyLevel[2], 1.0 - kSkyLevel[0]);
        m_skyProb[m - 1] = skyDistribution(m_clearFraction[m - 1]);
    }
    m_calibrated = true;
}

void Weather::drawDay(std::int64_t localDay) {
    const int month = toLocalCivil(localMidnight(localDay)).month;
    const auto& pi = m_skyProb[month - 1];
    const bool keep = m_haveDay && m_rng.uniform() < m_persistence;
    if (!keep) {
        const double u = m_rng.uniform();
        m_chainSky = u < pi[0] ? Sky::Clear : (u < pi[0] + pi[1] ? Sky::Partly : Sky::Overcast);
    }
    const int s = static_cast<int>(m_chainSky);
    for (double& knot : m_knots) {
        m_wander = kWander * m_wander + (1.0 - kWander) * m_rng.uniform(-1.0, 1.0);
        knot = kSkyLevel[s] + kSkyAmplitude[s] * m_wander;
    }
    m_state.localDay = localDay;
    m_haveDay = true;
}

double Weather::cloudCoverAt(Time t) {
    if (m_fixedCloud >= 0.0) return m_fixedCloud;
    const std::int64_t day = localDayOf(t);
    if (!m_haveDay) {
        drawDay(day);
    } else if (day > m_state.localDay) {
        // A long jump redraws only the last year of days: the chain forgets its start well within that.
        std::int64_t d = std::max(m_state.localDay + 1, day - 366);
        for (; d <= day; ++d) drawDay(d);
    }
    const double hours = std::clamp(toHours(t - localMidnight(m_state.localDay)), 0.0, 24.0);
    const int i = std::min(23, static_cast<int>(hours));
    const double f = hours - i;
    return m_knots[i] + f * (m_knots[i + 1] - m_knots[i]);
}

void Weather::step(Time t0, Time dt, EventSink& ev) {
    const Sky before = m_chainSky;
    const std::int64_t dayBefore = m_state.localDay;
    m_state.cloud_cover = cloudCoverAt(t0 + dt / 2);
    if (m_state.stochastic) {
        m_state.sky = m_chainSky;
        if (m_state.localDay != dayBefore && m_state.sky != before) {
            const Time midnight = std::max(t0, localMidnight(m_state.localDay));
            ev.emit(midnight, Unit::Weather, WeatherEvent::SkyChanged, static_cast<std::int32_t>(m_state.sky),
                    kSkyLevel[static_cast<int>(m_state.sky)]);
        }
    } else {
        m_state.sky = m_state.cloud_cover < 0.3 ? Sky::Clear : (m_state.cloud_cover < 0.7 ? Sky::Partly : Sky::Overcast);
    }
}

bool Weather::setFault(const std::string&, bool, std::string*) { return false; }

void Weather::hashInto(Hasher& h) const {
    h.add(m_rng.state());
    h.add(m_wander);
    for (double k : m_knots) h.add(k);
    h.add(m_state.cloud_cover);
    h.add(m_chainSky);
    h.add(m_state.sky);
    h.add(m_state.localDay);
}

}  // namespace sim
