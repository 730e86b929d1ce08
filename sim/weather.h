// sim/weather.h — cloud cover over Almalyk: a fixed fraction, or a seeded daily weather process whose monthly
// sunshine fits Tashkent's WMO sunshine record (hydrogen.md §7), so the annual GHI lands near 1660 kWh/m².
// Use: registerWeatherParams(p); Weather w(p, seed, start); each tick w.step(t0, dt, ev); w.state().cloud_cover feeds
// Hydrogen::step. monthlySunshineTarget_h() exposes the table the process is calibrated to.
// Model: each local day draws a sky (clear / partly / overcast) from a Markov chain whose stationary distribution
// matches that month's mean clear-sun fraction f = S_month / N_month (S: WMO sunshine hours, N: hours this site's
// clear sky would count as sunshine, DNI ≥ 120 W/m², computed from sim/solar.h at construction) and whose day-to-day
// persistence is weather.persistence. Inside the day cloud cover wanders around the sky's level (hourly knots,
// linear in between) with a bounded amplitude, so no clamping biases the month's mean.
// Cloud cover here means the share of time the sun is covered (see applyClouds in sim/solar.h).
// Errors: none at run time; parameters are range-checked by Params.
// Does NOT: model temperature, wind, precipitation or dust storms; it is a sunshine statistic, not a forecast.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "sim/events.h"
#include "sim/hash.h"
#include "sim/params.h"
#include "sim/rng.h"
#include "sim/time.h"

namespace sim {

// Registers weather.* and the site.* parameters (site.lat_deg, site.lon_deg, site.altitude_m) that every sun-aware
// unit reads. Call once.
void registerWeatherParams(Params& p);

enum class Sky : std::uint8_t { Clear, Partly, Overcast };

enum class WeatherEvent : std::uint16_t {
    SkyChanged,  // at local midnight when the day's sky differs from yesterday's; index = Sky, value = day's mean cc
};

struct WeatherState {
    double cloud_cover = 0.0;     // 0..1 at the last tick's mid-point
    Sky sky = Sky::Clear;         // today's sky (stochastic mode); derived from cloud_cover in fixed mode
    bool stochastic = true;       // weather.cloud_cover < 0
    std::int64_t localDay = 0;    // local days since 1970-01-01 of the stochastic chain's current draw
};

// Tashkent WMO monthly sunshine hours, Jan..Dec (hydrogen.md §7).
const std::array<double, 12>& monthlySunshineTarget_h();

class Weather {
public:
    Weather(const Params& p, std::uint64_t seed, Time start);
    void applyParams(const Params& p);
    void step(Time t0, Time dt, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);  // weather has no faults: always false
    const WeatherState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

    // Cloud cover at any instant of the current or a later day (advances the daily chain as needed).
    double cloudCoverAt(Time t);
    // Calibrated mean clear-sun fraction (1 − mean cloud cover) of a month 1..12.
    double monthlyClearFraction(int month) const { return m_clearFraction[month - 1]; }

private:
    void calibrate();
    void drawDay(std::int64_t localDay);

    Rng m_rng;
    double m_fixedCloud = -1.0;
    double m_persistence = 0.6;
    double m_sunshineScale = 1.0;
    double m_lat = 0, m_lon = 0, m_alt = 0;
    std::array<double, 12> m_clearFraction{};
    std::array<std::array<double, 3>, 12> m_skyProb{};  // stationary sky distribution per month
    std::array<double, 25> m_knots{};                    // cloud cover at local hours 0..24 of the current day
    Sky m_chainSky = Sky::Clear;                         // the daily chain's sky (state.sky follows the mode)
    double m_wander = 0.0;                               // intraday AR(1) state in [-1, 1], carried across days
    bool m_haveDay = false;
    bool m_calibrated = false;
    WeatherState m_state;
};

}  // namespace sim
