// sim/hydrogen.h — the photocatalytic hydrogen plant: slag-derived panels under the Almalyk sun, gas separation,
// H2 storage and the demand of PRMiTS' tungsten/molybdenum oxide reduction (almalyk.md §5).
// Use: registerHydrogenParams(p); Hydrogen h(p, seed, start);
//      each tick h.step(t0, dt, catalyst.state().newPanelAreaTick_m2, weather.state().cloud_cover, ev);
//      h.state().sun lights the 3D scene (same numbers the panels used).
// Model (hydrogen.md §8): the sun is evaluated once per tick at its mid-point t0 + dt/2; then
//   ṅ_H2 [mol/s] = STH_eff · G_POA · A / 237.13 kJ/mol,  STH_eff = h2.sth_percent/100 · catalyst activity,
// O2 = ½ ṅ_H2, water = ṅ_H2 · 18.015 g/mol. Activity decays as exp(−k · sun-equivalent hours) (Lyu 2019: 80 % after
// 1300 h at 1 sun); new area from the catalyst line enters at activity 1 at the end of the tick (area-weighted mean).
// The separator (polyimide membrane, Nature 2021) recovers h2.separator_efficiency of the H2 into storage; the rest,
// and everything while the separator is faulted, is vented safely. Storage feeds the demand; excess over capacity is
// vented, a shortfall is "unserved" (met by the reformer or the grid in the narrative).
// Errors: setFault returns false for targets other than "h2.separator". Never NaN, never negative stocks.
// Does NOT: model panel temperature, spectral (air-mass) losses, the H2/O2 flammability transient or compression work.
#pragma once
#include <cstdint>
#include <string>

#include "sim/events.h"
#include "sim/hash.h"
#include "sim/params.h"
#include "sim/solar.h"
#include "sim/time.h"

namespace sim {

void registerHydrogenParams(Params& p);  // h2.*

constexpr double kGibbsWaterSplitting_J_mol = 237.13e3;  // ΔG° H2O(l) → H2 + ½O2, hydrogen.md §6
constexpr double kMolarMassH2_kg_mol = 2.01588e-3;       // hydrogen.md §6
constexpr double kMolarMassO2_kg_mol = 31.9988e-3;
constexpr double kMolarMassH2O_kg_mol = 18.01528e-3;

enum class HydrogenEvent : std::uint16_t {
    Sunrise,            // sun's apparent elevation crossed 0 upwards inside the tick; value = azimuth_deg
    Sunset,             // crossed 0 downwards; value = azimuth_deg
    StorageFull,        // storage reached capacity, excess now vented; value = stored kg
    StorageEmpty,       // storage ran dry while demand > 0; value = unserved kg/h
    SeparatorFault,     // "h2.separator" fault set; all product gas vented
    SeparatorRestored,  // fault cleared
};

// The sun exactly as the panels saw it this tick (mid-point); scenes light with this.
struct SunState {
    Time time = 0;                 // the instant evaluated (t0 + dt/2)
    double elevation_deg = 0.0;    // apparent
    double azimuth_deg = 0.0;      // from north, clockwise
    double zenith_deg = 90.0;
    double ghi_w_m2 = 0.0, dni_w_m2 = 0.0, dhi_w_m2 = 0.0;
    double poa_w_m2 = 0.0;         // plane of array for h2.tilt_deg / h2.azimuth_deg
    double clear_ghi_w_m2 = 0.0;   // before clouds
    double clear_dni_w_m2 = 0.0;
    double cloud_cover = 0.0;
};

struct HydrogenState {
    SunState sun;
    double panel_area_m2 = 0.0;        // h2.panel_area_m2 plus all area built by the catalyst line
    double built_area_m2 = 0.0;        // the catalyst line's share
    double activity = 1.0;             // area-weighted catalyst activity factor (ageing), 0..1
    double sth_effective_percent = 0;  // h2.sth_percent · activity
    // Instantaneous rates at the tick mid-point.
    double h2_mol_s = 0.0;             // gross, from the panels
    double h2_kg_h = 0.0;              // gross
    double h2_recovered_kg_h = 0.0;    // into storage after the separator
    double h2_nm3_h = 0.0;             // gross, at 0 °C, 1 atm
    double o2_kg_h = 0.0;
    double water_kg_h = 0.0;
    double demand_kg_h = 0.0;
    double served_kg_h = 0.0;          // demand met from storage this tick (mean rate)
    double unserved_kg_h = 0.0;
    // Stocks and cumulative totals.
    double storage_kg = 0.0;
    double storage_fill = 0.0;         // 0..1
    double photocatalytic_kg = 0.0;    // gross H2 produced
    double recovered_kg = 0.0;
    double vented_kg = 0.0;            // separator losses, faults and full storage
    double o2_kg = 0.0;
    double water_kg = 0.0;
    double served_kg = 0.0;
    double unserved_kg = 0.0;
    double sun_hours_equiv = 0.0;      // ∫ POA dt / 1000 W/m², hours
    double poa_kwh_m2 = 0.0;           // ∫ POA dt
    double ghi_kwh_m2 = 0.0;           // ∫ GHI dt
    double sunshine_h = 0.0;           // WMO sunshine duration (DNI ≥ 120 W/m²), expected value under cloud cover
    // Last tick's amounts.
    double h2Tick_kg = 0.0;
    double recoveredTick_kg = 0.0;
    // Separator.
    bool separator_ok = true;
    double separator_efficiency = 0.0;
};

class Hydrogen {
public:
    Hydrogen(const Params& p, std::uint64_t seed, Time start);
    void applyParams(const Params& p);
    // newPanelArea_m2: area finished by the catalyst line this tick (produces from the next tick on).
    // cloudCover: 0..1 from Weather (values outside are clamped).
    void step(Time t0, Time dt, double newPanelArea_m2, double cloudCover, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);
    const HydrogenState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

    // The sun and sky at any instant for this plant's site and panel orientation (pure; for scenes and tests).
    SunState sunAt(Time t, double cloudCover) const;

private:
    SunState computeSun(Time t, double cloudCover, const SolarEphemeris& e, const CivilTime& local,
                        const IneichenDay& clearDay) const;
    IneichenDay clearDayFor(const CivilTime& local) const;
    void addFreshArea(double area_m2);

    double m_lat = 0, m_lon = 0, m_alt = 0;
    double m_sthPercent = 0, m_tilt = 0, m_azimuth = 0, m_albedo = 0, m_linke = -1;
    bool m_haurwitz = false;
    double m_ageingPerH = 0, m_capacity_kg = 0, m_demand_kg_h = 0;
    double m_paramArea = 0;
    SolarEphemerisCache m_ephemeris;
    CivilTime m_civil;           // local calendar of the current day (cached: it changes once a day)
    IneichenDay m_clearDay;      // clear-sky constants of that day (site, turbidity, sun distance)
    Time m_civilFrom = 0;        // local midnight of m_civil
    bool m_haveCivil = false;
    bool m_wasUp = false;
    bool m_separatorChanged = false;
    bool m_storageFullFlag = false, m_storageEmptyFlag = false;
    HydrogenState m_state;
};

}  // namespace sim
