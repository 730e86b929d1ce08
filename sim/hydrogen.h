// sim/hydrogen.h — the photocatalytic hydrogen plant: slag-derived panels under the Almalyk sun, gas separation,
// H2 storage and the demand of PRMiTS' tungsten/molybdenum oxide reduction (almalyk.md §5).
// Use: registerHydrogenParams(p); Hydrogen h(p, seed, start);
//      each tick h.step(t0, dt, {.newPanelArea_m2, .recoatArea_m2, .cloudCover, .reformer_kg}, ev)
//      (World: the catalyst shop's work, the weather's cloud cover, the reformer's delivery this tick);
//      h.dueArea_m2() and h.landFree_m2() tell the panel shop what needs recoating and what land is left.
//      h.state().sun lights the 3D scene (same numbers the panels used).
// Model (hydrogen.md §8): the sun is evaluated once per tick at its mid-point t0 + dt/2; then
//   ṅ_H2 [mol/s] = STH_eff · G_POA · A / 237.13 kJ/mol,  STH_eff = h2.sth_percent/100 · catalyst activity,
// O2 = ½ ṅ_H2, water = ṅ_H2 · 18.015 g/mol. Activity decays as exp(−k · sun-equivalent hours) (Lyu 2019: 80 % after
// 1300 h at 1 sun). The field is a list of cohorts (area, birth on the ageing clock), oldest first: new area from the
// catalyst line and recoated area enter at activity 1 at the end of the tick; recoating takes the oldest (most-aged)
// area first (docs/hydrogen_supply.md §1). Balanced start: the field starts at the steady state of recoating at
// h2.recoat_activity — ages uniform in sun-hours up to the recoat age, mean activity (1 − a)/(−ln a) — and the store
// at h2.storage_start_fill, so daily H2 does not depend on run length.
// Dispatch (docs/hydrogen_supply.md §2): PRMiTS demand (h2.demand_kg_h times a shift/hour profile) is met first by
// this tick's recovered photocatalytic H2, then from the photocatalytic gas in storage, then by the reformer's
// delivery, then by reformer gas in storage; what is left is unserved. With h2.to_storage_share > 0 (the operator
// routes panel gas to the store) only the unbanked share feeds demand directly, then the reformer's delivery, then the
// store (photocatalytic gas, this tick's banked gas included, then reformer gas). Leftover gas goes to storage; over capacity the
// reformer's surplus is vented first, then photocatalytic gas. The separator (polyimide membrane, Nature 2021)
// recovers h2.separator_efficiency of the H2; the rest, and everything while the separator is faulted, is vented.
// Conservation: photocatalytic + reformer delivered = served + vented + (storage − storage at start), every tick.
// Errors: setFault returns false for targets other than "h2.separator". Never NaN, never negative stocks.
// Does NOT: model panel temperature, pressure-dependent storage or line-pack, spectral (air-mass) losses, the H2/O2 flammability transient or compression work.
#pragma once
#include <cstdint>
#include <deque>
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

// What the rest of the complex hands the plant each tick (World fills it).
struct HydrogenInputs {
    double newPanelArea_m2 = 0.0;  // trays finished by the panel shop this tick (produce from the next tick on)
    double recoatArea_m2 = 0.0;    // area the shop recoated this tick (taken from the oldest cohorts)
    double cloudCover = 0.0;       // 0..1 from Weather (values outside are clamped)
    double reformer_kg = 0.0;      // reformer H2 delivered into the header this tick
};

// PRMiTS demand profile factor at a local hour (0..23): shift factor, times the handover factor in the first hour of
// each 8 h shift (00, 08, 16), normalised so the 24 h mean is 1 (docs/hydrogen_supply.md §2).
double prmitsDemandFactor(const Params& p, int localHour);

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
    double demand_kg_h = 0.0;          // PRMiTS demand this tick (profile)
    double served_kg_h = 0.0;          // demand met this tick, photocatalytic + reformer (mean rate)
    double served_photo_kg_h = 0.0;    // of which from the panels (direct or through storage)
    double served_reformer_kg_h = 0.0; // of which from the reformer (direct or through storage)
    double unserved_kg_h = 0.0;        // demand nobody met
    double vented_kg_h = 0.0;          // all H2 vented this tick: separator loss, faults, full storage
    double reformer_share_pct = 0.0;   // reformer share of the served H2 this tick (0 when nothing served)
    // Stocks and cumulative totals.
    double storage_kg = 0.0;
    double storage_photo_kg = 0.0;     // of which made by the panels
    double storage_start_kg = 0.0;     // at the start (conservation reference)
    double storage_capacity_kg = 0.0;
    double storage_fill = 0.0;         // 0..1
    double photocatalytic_kg = 0.0;    // gross H2 produced
    double recovered_kg = 0.0;
    double vented_kg = 0.0;            // separator losses, faults and full storage
    double o2_kg = 0.0;
    double water_kg = 0.0;
    double served_kg = 0.0;            // photocatalytic + reformer
    double served_photo_kg = 0.0;
    double served_reformer_kg = 0.0;
    double reformer_in_kg = 0.0;       // reformer H2 delivered into the header
    double demand_kg = 0.0;
    double unserved_kg = 0.0;
    double sun_hours_equiv = 0.0;      // ∫ POA dt / 1000 W/m², hours
    double poa_kwh_m2 = 0.0;           // ∫ POA dt
    double ghi_kwh_m2 = 0.0;           // ∫ GHI dt
    double sunshine_h = 0.0;           // WMO sunshine duration (DNI ≥ 120 W/m²), expected value under cloud cover
    // The field (panels, land, recoating).
    double field_max_area_m2 = 0.0;    // what the land holds (h2.field_max_area_m2, at least h2.panel_area_m2)
    double recoated_m2 = 0.0;          // cumulative area recoated with fresh catalyst
    double recoat_m2_day = 0.0;        // recoating rate over the last tick
    int cohorts = 0;                   // field cohorts tracked (bookkeeping size)
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
    void step(Time t0, Time dt, const HydrogenInputs& in, EventSink& ev);
    // Panel area whose activity has fallen to h2.recoat_activity or below (0 when recoating is off).
    double dueArea_m2() const;
    // Land left for new trays: field_max_area_m2 − panel_area_m2, never negative.
    double landFree_m2() const;
    // h2.to_storage_share: the share of the recovered panel gas the operator routes to the store (World tells the
    // reformer the header's shortfall after only the unbanked share).
    double toStorageShare() const { return m_toStorage; }
    bool setFault(const std::string& target, bool on, std::string* why);
    const HydrogenState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

    // The sun and sky at any instant for this plant's site and panel orientation (pure; for scenes and tests).
    SunState sunAt(Time t, double cloudCover) const;

private:
    SunState computeSun(Time t, double cloudCover, const SolarEphemeris& e, const CivilTime& local,
                        const IneichenDay& clearDay) const;
    IneichenDay clearDayFor(const CivilTime& local) const;
    struct Cohort {
        double area_m2;
        double birth;  // the ageing clock m_age (k · sun-hours) when it was fresh; activity = exp(birth − m_age)
    };
    void addFreshArea(double area_m2);
    void removeOldest(double area_m2);  // takes area from the oldest cohorts (activity leaves with it)
    void recomputeActivity();           // exact area-weighted mean from the cohorts (once a day; drift-free)
    void startBalancedField(double area_m2);

    double m_lat = 0, m_lon = 0, m_alt = 0;
    double m_sthPercent = 0, m_tilt = 0, m_azimuth = 0, m_albedo = 0, m_linke = -1;
    bool m_haurwitz = false;
    double m_ageingPerH = 0, m_capacity_kg = 0, m_demand_kg_h = 0;
    double m_paramArea = 0, m_fieldMaxParam = 0, m_recoatActivity = 0;
    double m_toStorage = 0;      // h2.to_storage_share
    double m_demandFactor[24] = {};
    std::deque<Cohort> m_cohorts;
    double m_age = 0.0;          // ageing clock: Σ k · sun-hours
    double m_weighted = 0.0;     // Σ area · activity (kept incrementally, recomputed daily)
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
