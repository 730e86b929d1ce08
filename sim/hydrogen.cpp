#include "sim/hydrogen.h"

#include <algorithm>
#include <cmath>

namespace sim {
namespace {

constexpr double kMolarVolumeNm3 = 0.022414;  // m³/mol at 0 °C, 1 atm (hydrogen.md §8.4)
constexpr double kStandardSun_W_m2 = 1000.0;  // "1 sun" for sun-equivalent hours (AM1.5G, STH definition)

}  // namespace

void registerHydrogenParams(Params& p) {
    // Default 40 000 m2: a 4 ha demonstration field of 20 000 trays of 1 x 2 m (product decision, docs/hydrogen_scene.md):
    // Domen's 100 m2 array (Nature 2021) is 50 trays and shows a delegation nothing; set 100 to reproduce that demo.
    p.add({.name = "h2.panel_area_m2", .unit = "m2", .def = 40000.0, .min = 0.0, .max = 1e7,
           .description = "Photocatalyst panel area at start (4 ha demonstration field; Domen's array was 100 m2, Nature 2021); the catalyst line adds more"});
    p.add({.name = "h2.sth_percent", .unit = "%", .def = 0.76, .min = 0.0, .max = 30.0,
           .description = "Solar-to-hydrogen efficiency of fresh panels (0.76 % record array; 5-10 % needed to pay, hydrogen.md §1)"});
    p.add({.name = "h2.tilt_deg", .unit = "deg", .def = 30.0, .min = 0.0, .max = 90.0,
           .description = "Panel tilt from horizontal (hydrogen.md §9)"});
    p.add({.name = "h2.azimuth_deg", .unit = "deg", .def = 180.0, .min = 0.0, .max = 360.0,
           .description = "Direction the panels face, from north clockwise (180 = south)"});
    p.add({.name = "h2.albedo", .unit = "-", .def = 0.20, .min = 0.0, .max = 1.0,
           .description = "Ground reflectance in front of the panels (grass 0.20, sand 0.40, snow 0.65; pvlib)"});
    p.add({.name = "h2.linke_turbidity", .unit = "-", .def = -1.0, .min = -1.0, .max = 8.0,
           .description = "Linke turbidity for the clear sky; below 1 = monthly table 3.0 (winter) to 4.0 (dusty summer)"});
    p.add({.name = "h2.clear_sky", .unit = "-", .def = 0.0, .min = 0.0, .max = 1.0,
           .description = "Clear-sky model: Ineichen-Perez (with turbidity) or Haurwitz (zenith only)",
           .kind = ParamKind::Choice, .choices = {"ineichen", "haurwitz"}});
    p.add({.name = "h2.ageing_per_h", .unit = "1/h", .def = 1.7e-4, .min = 0.0, .max = 0.01,
           .description = "Catalyst activity loss per sun-equivalent hour (80 % left after 1300 h, Lyu 2019)"});
    p.add({.name = "h2.separator_efficiency", .unit = "-", .def = 0.90, .min = 0.0, .max = 1.0,
           .description = "Share of the H2 the polyimide membrane recovers from the moist H2/O2 product (estimate)"});
    p.add({.name = "h2.storage_capacity_kg", .unit = "kg", .def = 100.0, .min = 0.0, .max = 1e6,
           .description = "H2 buffer storage (about one tube trailer's worth, estimate)"});
    // almalyk.md §5: plan 66 t W + 520 t Mo a year at 32.9 and 63 g H2/kg stoichiometric = 34.9 t/yr = 3.99 kg/h
    // consumed; the 4x excess flow through the push furnaces is recirculated, so it is not counted here (estimate).
    p.add({.name = "h2.demand_kg_h", .unit = "kg/h", .def = 4.0, .min = 0.0, .max = 1e4,
           .description = "Mean H2 consumed by PRMiTS W/Mo oxide reduction (estimate from almalyk.md S5 plan tonnages)"});
    // The push furnaces stay hot and under H2 around the clock; boats are loaded by shift, most on the day shift
    // (E, docs/hydrogen_supply.md §2). The profile is normalised so the daily mean stays h2.demand_kg_h.
    p.add({.name = "h2.demand_day_factor", .unit = "-", .def = 1.15, .min = 0.0, .max = 5.0,
           .description = "PRMiTS demand on the day shift (08-16) relative to the others (E: full loading crews)"});
    p.add({.name = "h2.demand_evening_factor", .unit = "-", .def = 1.0, .min = 0.0, .max = 5.0,
           .description = "PRMiTS demand on the evening shift (16-24), relative (E)"});
    p.add({.name = "h2.demand_night_factor", .unit = "-", .def = 0.85, .min = 0.0, .max = 5.0,
           .description = "PRMiTS demand on the night shift (00-08), relative (E: furnaces held, fewer boats pushed)"});
    p.add({.name = "h2.demand_handover_factor", .unit = "-", .def = 0.8, .min = 0.0, .max = 2.0,
           .description = "Demand in the first hour of each shift relative to the shift (E: handover, no new boats)"});
    p.add({.name = "h2.storage_start_fill", .unit = "-", .def = 0.5, .min = 0.0, .max = 1.0,
           .description = "Storage fill at the start: its operating level between the reformer's start and stop marks (E)"});
    p.add({.name = "h2.field_max_area_m2", .unit = "m2", .def = 0.0, .min = 0.0, .max = 1e8,
           .description = "Panel area the field's land holds; 0 = full at h2.panel_area_m2 (the shop then only recoats)"});
    p.add({.name = "h2.recoat_activity", .unit = "-", .def = 0.70, .min = 0.0, .max = 0.99,
           .description = "Panels are recoated (oldest first) once their activity falls to this; 0 = never (E, docs/hydrogen_supply.md)"});
    // The operator's routing valve (docs/hydrogen_supply.md §2): the share of the panels' recovered H2 sent to the
    // store instead of the PRMiTS header. The header is then fed by the reformer before the store is drawn.
    p.add({.name = "h2.to_storage_share", .unit = "-", .def = 0.0, .min = 0.0, .max = 1.0,
           .description = "Share of the panels' recovered H2 routed to the store, not the PRMiTS header (0 = demand first; 1 = bank it all, the reformer feeds the header)"});
}

double prmitsDemandFactor(const Params& p, int localHour) {
    const int h = ((localHour % 24) + 24) % 24;
    const auto raw = [&p](int hour) {
        const double shift = hour < 8 ? p.get("h2.demand_night_factor")
                             : hour < 16 ? p.get("h2.demand_day_factor") : p.get("h2.demand_evening_factor");
        return hour % 8 == 0 ? shift * p.get("h2.demand_handover_factor") : shift;
    };
    double sum = 0.0;
    for (int i = 0; i < 24; ++i) sum += raw(i);
    return sum > 0.0 ? raw(h) * 24.0 / sum : 0.0;  // all factors 0: no demand at all
}

Hydrogen::Hydrogen(const Params& p, std::uint64_t, Time start) {
    // The plant is deterministic: no random stream is needed (the weather carries the randomness).
    m_recoatActivity = p.get("h2.recoat_activity");
    m_ageingPerH = p.get("h2.ageing_per_h");
    startBalancedField(p.get("h2.panel_area_m2"));
    m_paramArea = p.get("h2.panel_area_m2");
    applyParams(p);
    m_state.storage_kg = m_state.storage_photo_kg = m_capacity_kg * p.get("h2.storage_start_fill");
    m_state.storage_start_kg = m_state.storage_kg;
    m_state.storage_fill = m_capacity_kg > 0.0 ? m_state.storage_kg / m_capacity_kg : 0.0;
    m_state.sun = sunAt(start, 0.0);
    m_state.demand_kg_h = m_demand_kg_h * m_demandFactor[std::clamp(toLocalCivil(start).hour, 0, 23)];
    m_wasUp = m_state.sun.elevation_deg > 0.0;
}

void Hydrogen::startBalancedField(double area_m2) {
    // Steady state of "recoat at activity a": every cohort lives the same ageing span −ln a, recoated at the end, so
    // ages are uniform over it. kCohorts equal slices at their mid ages; without recoating (a = 0) or ageing the
    // field starts fresh.
    constexpr int kCohorts = 256;
    m_cohorts.clear();
    if (area_m2 <= 0.0) return;
    const double span = m_recoatActivity > 0.0 && m_ageingPerH > 0.0 ? -std::log(m_recoatActivity) : 0.0;
    if (span <= 0.0) {
        m_cohorts.push_back({area_m2, 0.0});
    } else {
        for (int i = kCohorts - 1; i >= 0; --i)  // oldest first
            m_cohorts.push_back({area_m2 / kCohorts, -span * (i + 0.5) / kCohorts});
    }
    recomputeActivity();
}

void Hydrogen::applyParams(const Params& p) {
    m_lat = p.get("site.lat_deg");
    m_lon = p.get("site.lon_deg");
    m_alt = p.get("site.altitude_m");
    m_sthPercent = p.get("h2.sth_percent");
    m_tilt = p.get("h2.tilt_deg");
    m_azimuth = p.get("h2.azimuth_deg");
    m_albedo = p.get("h2.albedo");
    m_linke = p.get("h2.linke_turbidity");
    m_haurwitz = p.getInt("h2.clear_sky") == 1;
    m_ageingPerH = p.get("h2.ageing_per_h");
    m_capacity_kg = p.get("h2.storage_capacity_kg");
    m_demand_kg_h = p.get("h2.demand_kg_h");
    for (int h = 0; h < 24; ++h) m_demandFactor[h] = prmitsDemandFactor(p, h);
    m_recoatActivity = p.get("h2.recoat_activity");
    m_fieldMaxParam = p.get("h2.field_max_area_m2");
    m_toStorage = std::clamp(p.get("h2.to_storage_share"), 0.0, 1.0);
    m_state.separator_efficiency = p.get("h2.separator_efficiency");
    const double area = p.get("h2.panel_area_m2");
    if (area > m_paramArea) addFreshArea(area - m_paramArea);
    if (area < m_paramArea) removeOldest(m_paramArea - area);  // panels taken out: the most-aged go first
    if (area < m_paramArea) recomputeActivity();
    m_paramArea = area;
    m_state.panel_area_m2 = m_paramArea + m_state.built_area_m2;
    m_state.field_max_area_m2 = std::max(m_fieldMaxParam > 0.0 ? m_fieldMaxParam : m_paramArea, m_paramArea);
    m_state.storage_capacity_kg = m_capacity_kg;
    if (m_state.storage_kg > m_capacity_kg) {  // a smaller store: the excess is vented, photocatalytic gas last
        const double excess = m_state.storage_kg - m_capacity_kg;
        const double fromReformer = std::min(excess, m_state.storage_kg - m_state.storage_photo_kg);
        m_state.storage_photo_kg -= excess - fromReformer;
        m_state.vented_kg += excess;
        m_state.storage_kg = m_capacity_kg;
    }
    m_state.storage_fill = m_capacity_kg > 0.0 ? m_state.storage_kg / m_capacity_kg : 0.0;
    m_haveCivil = false;  // site or turbidity may have changed: rebuild the day's clear-sky constants
}

void Hydrogen::addFreshArea(double area_m2) {
    if (!(area_m2 > 0.0)) return;
    // Fresh panels of the same day share a cohort (bounded bookkeeping: about one cohort per working day); merging
    // keeps Σ area · activity exact by giving the cohort the area-weighted activity.
    constexpr double kMergeSpan = 1e-3;  // on the ageing clock: ~6 sun-hours at the default k
    if (!m_cohorts.empty() && m_age - m_cohorts.back().birth < kMergeSpan) {
        Cohort& c = m_cohorts.back();
        const double a = c.area_m2 * std::exp(c.birth - m_age) + area_m2;
        c.area_m2 += area_m2;
        c.birth = m_age + std::log(a / c.area_m2);
    } else {
        m_cohorts.push_back({area_m2, m_age});
    }
    m_weighted += area_m2;
    const double total = m_state.panel_area_m2 + area_m2;
    if (total > 0.0) m_state.activity = std::clamp(m_weighted / total, 0.0, 1.0);
    m_state.cohorts = static_cast<int>(m_cohorts.size());
}

void Hydrogen::removeOldest(double area_m2) {
    double left = area_m2;
    while (left > 0.0 && !m_cohorts.empty()) {
        Cohort& c = m_cohorts.front();
        const double take = std::min(left, c.area_m2);
        m_weighted -= take * std::exp(c.birth - m_age);
        c.area_m2 -= take;
        left -= take;
        if (c.area_m2 <= 1e-9) m_cohorts.pop_front();
    }
    m_weighted = std::max(0.0, m_weighted);
    m_state.cohorts = static_cast<int>(m_cohorts.size());
}

void Hydrogen::recomputeActivity() {
    double area = 0.0, weighted = 0.0;
    for (const Cohort& c : m_cohorts) {
        area += c.area_m2;
        weighted += c.area_m2 * std::exp(c.birth - m_age);
    }
    m_weighted = weighted;
    m_state.activity = area > 0.0 ? std::clamp(weighted / area, 0.0, 1.0) : 1.0;
    m_state.cohorts = static_cast<int>(m_cohorts.size());
}

double Hydrogen::dueArea_m2() const {
    if (m_recoatActivity <= 0.0) return 0.0;
    const double dueAge = -std::log(m_recoatActivity);
    double due = 0.0;
    for (const Cohort& c : m_cohorts) {  // oldest first: stop at the first cohort still above the mark
        if (m_age - c.birth < dueAge) break;
        due += c.area_m2;
    }
    return due;
}

double Hydrogen::landFree_m2() const { return std::max(0.0, m_state.field_max_area_m2 - m_state.panel_area_m2); }


IneichenDay Hydrogen::clearDayFor(const CivilTime& local) const {
    return ineichenDay(m_alt, m_linke >= 1.0 ? m_linke : defaultLinkeTurbidity(local.month), local.dayOfYear);
}

SunState Hydrogen::computeSun(Time t, double cloudCover, const SolarEphemeris& e, const CivilTime& local,
                              const IneichenDay& clearDay) const {
    SunState s;
    const SolarPosition pos = solarPositionFrom(e, t, m_lat, m_lon);
    s.time = t;
    s.elevation_deg = pos.elevation_deg;
    s.azimuth_deg = pos.azimuth_deg;
    s.zenith_deg = pos.zenith_deg;
    s.cloud_cover = std::clamp(cloudCover, 0.0, 1.0);
    if (pos.zenith_deg >= 90.0) return s;  // night: everything else stays 0
    const Irradiance clear = m_haurwitz ? clearSkyHaurwitz(pos.zenith_deg, local.dayOfYear)
                                        : clearSkyIneichen(clearDay, pos.zenith_deg);
    const Irradiance sky = applyClouds(clear, s.cloud_cover);
    s.clear_ghi_w_m2 = clear.ghi;
    s.clear_dni_w_m2 = clear.dni;
    s.ghi_w_m2 = sky.ghi;
    s.dni_w_m2 = sky.dni;
    s.dhi_w_m2 = sky.dhi;
    s.poa_w_m2 = planeOfArray(sky, pos, m_tilt, m_azimuth, m_albedo);
    return s;
}

SunState Hydrogen::sunAt(Time t, double cloudCover) const {
    const CivilTime local = toLocalCivil(t);
    return computeSun(t, cloudCover, solarEphemeris(t), local, clearDayFor(local));
}

void Hydrogen::step(Time t0, Time dt, const HydrogenInputs& in, EventSink& ev) {
    const Time mid = t0 + dt / 2;
    if (!m_haveCivil || mid < m_civilFrom || mid >= m_civilFrom + kDay) {
        // Calendar fields change once a local day: cache them with the day's start; the field's exact mean
        // activity is refreshed with them (the per-tick update is incremental).
        m_civil = toLocalCivil(mid);
        m_civilFrom = mid - (m_civil.hour * kHour + m_civil.minute * kMinute + fromSeconds(m_civil.second));
        m_clearDay = clearDayFor(m_civil);
        m_haveCivil = true;
        recomputeActivity();
    }
    HydrogenState& s = m_state;
    s.sun = computeSun(mid, in.cloudCover, m_ephemeris.at(mid), m_civil, m_clearDay);

    const bool up = s.sun.elevation_deg > 0.0;
    if (up != m_wasUp) ev.emit(mid, Unit::Hydrogen, up ? HydrogenEvent::Sunrise : HydrogenEvent::Sunset, -1, s.sun.azimuth_deg);
    m_wasUp = up;
    if (m_separatorChanged) {
        ev.emit(t0, Unit::Hydrogen, s.separator_ok ? HydrogenEvent::SeparatorRestored : HydrogenEvent::SeparatorFault);
        m_separatorChanged = false;
    }

    const double dt_h = toHours(dt);
    const double perHour = dt_h > 0.0 ? 1.0 / dt_h : 0.0;
    // hydrogen.md §8.4: ṅ = STH · G_POA · A / ΔG°, with STH reduced by the catalyst's ageing.
    s.sth_effective_percent = m_sthPercent * s.activity;
    s.h2_mol_s = s.sth_effective_percent / 100.0 * s.sun.poa_w_m2 * s.panel_area_m2 / kGibbsWaterSplitting_J_mol;
    s.h2_kg_h = s.h2_mol_s * kMolarMassH2_kg_mol * 3600.0;
    s.h2_nm3_h = s.h2_mol_s * kMolarVolumeNm3 * 3600.0;
    s.o2_kg_h = 0.5 * s.h2_mol_s * kMolarMassO2_kg_mol * 3600.0;
    s.water_kg_h = s.h2_mol_s * kMolarMassH2O_kg_mol * 3600.0;
    s.h2_recovered_kg_h = s.separator_ok ? s.separator_efficiency * s.h2_kg_h : 0.0;

    s.h2Tick_kg = s.h2_kg_h * dt_h;
    s.recoveredTick_kg = s.h2_recovered_kg_h * dt_h;
    s.photocatalytic_kg += s.h2Tick_kg;
    s.recovered_kg += s.recoveredTick_kg;
    double vented = s.h2Tick_kg - s.recoveredTick_kg;
    s.o2_kg += s.o2_kg_h * dt_h;
    s.water_kg += s.water_kg_h * dt_h;

    // Dispatch: photocatalytic (direct, then stored), then reformer (direct, then stored); leftovers to storage.
    const double reformer = std::isfinite(in.reformer_kg) ? std::max(0.0, in.reformer_kg) : 0.0;
    s.reformer_in_kg += reformer;
    const int hour = static_cast<int>((mid - m_civilFrom) / kHour);  // local hour of the tick mid-point
    s.demand_kg_h = m_demand_kg_h * m_demandFactor[std::clamp(hour, 0, 23)];
    const double demand = s.demand_kg_h * dt_h;
    double photoStore = s.storage_photo_kg, reformerStore = s.storage_kg - s.storage_photo_kg;
    double need = demand;
    double photoDirect = 0, photoFromStore = 0, reformerDirect = 0;
    if (m_toStorage <= 0.0) {  // demand first: panels, their stored gas, then the reformer
        photoDirect = std::min(need, s.recoveredTick_kg);
        need -= photoDirect;
        photoFromStore = std::min(need, photoStore);
        need -= photoFromStore;
        reformerDirect = std::min(need, reformer);
        need -= reformerDirect;
    } else {  // routed: the unbanked share, then the reformer; the store (with this tick's banked gas) covers the rest
        photoDirect = std::min(need, (1.0 - m_toStorage) * s.recoveredTick_kg);
        need -= photoDirect;
        reformerDirect = std::min(need, reformer);
        need -= reformerDirect;
        photoFromStore = std::min(need, photoStore + s.recoveredTick_kg - photoDirect);
        need -= photoFromStore;
    }
    photoStore += s.recoveredTick_kg - photoDirect - photoFromStore;
    const double reformerFromStore = std::min(need, reformerStore);
    need -= reformerFromStore;
    reformerStore += reformer - reformerDirect - reformerFromStore;
    const double servedPhoto = photoDirect + photoFromStore, servedReformer = reformerDirect + reformerFromStore;
    const double unserved = std::max(0.0, need);
    const double over = photoStore + reformerStore - m_capacity_kg;
    if (over > 0.0) {  // the reformer's surplus goes first: it is the one that should have turned down
        const double fromReformer = std::min(over, reformerStore);
        reformerStore -= fromReformer;
        photoStore = std::max(0.0, photoStore - (over - fromReformer));
        vented += over;
        if (!m_storageFullFlag && m_capacity_kg > 0.0)
            ev.emit(t0 + dt, Unit::Hydrogen, HydrogenEvent::StorageFull, -1, m_capacity_kg);
        m_storageFullFlag = m_capacity_kg > 0.0;
    } else {
        m_storageFullFlag = false;
    }
    s.storage_photo_kg = photoStore;
    s.storage_kg = photoStore + reformerStore;
    s.vented_kg += vented;
    s.demand_kg += demand;
    s.served_photo_kg += servedPhoto;
    s.served_reformer_kg += servedReformer;
    s.served_kg += servedPhoto + servedReformer;
    s.unserved_kg += unserved;
    s.served_photo_kg_h = servedPhoto * perHour;
    s.served_reformer_kg_h = servedReformer * perHour;
    s.served_kg_h = s.served_photo_kg_h + s.served_reformer_kg_h;
    s.unserved_kg_h = unserved * perHour;
    s.vented_kg_h = vented * perHour;
    s.reformer_share_pct = servedPhoto + servedReformer > 0.0
                               ? 100.0 * servedReformer / (servedPhoto + servedReformer) : 0.0;
    if (unserved > 0.0) {
        if (!m_storageEmptyFlag) ev.emit(t0 + dt, Unit::Hydrogen, HydrogenEvent::StorageEmpty, -1, s.unserved_kg_h);
        m_storageEmptyFlag = true;
    } else {
        m_storageEmptyFlag = false;
    }
    s.storage_fill = m_capacity_kg > 0.0 ? s.storage_kg / m_capacity_kg : 0.0;

    // Irradiation totals; sunshine is the expected WMO duration (the sun is out a share 1 − cc of the time).
    const double sunHours = s.sun.poa_w_m2 / kStandardSun_W_m2 * dt_h;
    s.sun_hours_equiv += sunHours;
    s.poa_kwh_m2 += s.sun.poa_w_m2 * dt_h / 1000.0;
    s.ghi_kwh_m2 += s.sun.ghi_w_m2 * dt_h / 1000.0;
    if (s.sun.clear_dni_w_m2 >= kSunshineDniThreshold) s.sunshine_h += (1.0 - s.sun.cloud_cover) * dt_h;

    // Ageing (first order in sun-equivalent hours), then this tick's shop work, which produces from the next tick.
    if (sunHours > 0.0 && m_ageingPerH > 0.0) {
        const double dAge = m_ageingPerH * sunHours;
        m_age += dAge;
        const double f = std::exp(-dAge);
        m_weighted *= f;
        s.activity *= f;
    }
    const double recoat = std::isfinite(in.recoatArea_m2) ? std::clamp(in.recoatArea_m2, 0.0, s.panel_area_m2) : 0.0;
    if (recoat > 0.0) {
        removeOldest(recoat);
        s.panel_area_m2 -= recoat;  // addFreshArea weighs against the area before the fresh part
        addFreshArea(recoat);
        s.panel_area_m2 += recoat;
        s.recoated_m2 += recoat;
    }
    s.recoat_m2_day = recoat * perHour * 24.0;
    const double fresh = std::isfinite(in.newPanelArea_m2) ? std::max(0.0, in.newPanelArea_m2) : 0.0;
    if (fresh > 0.0) {
        addFreshArea(fresh);
        s.built_area_m2 += fresh;
        s.panel_area_m2 = m_paramArea + s.built_area_m2;
    }
}

bool Hydrogen::setFault(const std::string& target, bool on, std::string*) {
    if (target != "h2.separator") return false;
    if (m_state.separator_ok == on) m_separatorChanged = !m_separatorChanged;  // a repeat of the same state is no change
    m_state.separator_ok = !on;
    return true;
}

void Hydrogen::hashInto(Hasher& h) const {
    const HydrogenState& s = m_state;
    for (double v : {s.sun.elevation_deg, s.sun.azimuth_deg, s.sun.poa_w_m2, s.sun.cloud_cover, s.panel_area_m2,
                     s.built_area_m2, s.activity, s.h2_kg_h, s.storage_kg, s.photocatalytic_kg, s.recovered_kg,
                     s.vented_kg, s.o2_kg, s.water_kg, s.served_kg, s.unserved_kg, s.sun_hours_equiv, s.poa_kwh_m2,
                     s.ghi_kwh_m2, s.sunshine_h, s.storage_photo_kg, s.served_photo_kg, s.served_reformer_kg,
                     s.reformer_in_kg, s.demand_kg, s.recoated_m2, m_age, m_weighted})
        h.add(v);
    h.add(static_cast<std::uint64_t>(m_cohorts.size()));
    h.add(s.separator_ok);
    h.add(m_wasUp);
    h.add(m_storageFullFlag);
    h.add(m_storageEmptyFlag);
}

}  // namespace sim
