#include "sim/economics.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/hydrogen.h"
#include "sim/smr.h"

namespace sim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kH2LhvKwhPerKg = 33.32;     // hydrogen.md §6
constexpr double kCh4HhvMjPerKg = 55.5;      // methane higher heating value (gas is priced on HHV)
constexpr double kMjPerMmbtu = 1055.06;
constexpr double kGreyCh4PerKgH2 = 3.7;      // hydrogen.md §4 (IEA/CATF), when smr.* is not registered

enum class Case { Low, Base, High };  // Low: every assumption at its cost-favourable end

// One ranged assumption: econ.<name>, econ.<name>_low, econ.<name>_high.
struct Ranged {
    double low, base, high;
    // `lowerIsCheaper`: whether the parameter's low value gives the lower cost.
    double pick(Case c, bool lowerIsCheaper) const {
        if (c == Case::Base) return base;
        const bool wantLow = (c == Case::Low) == lowerIsCheaper;
        return wantLow ? low : high;
    }
};

Ranged ranged(const Params& p, const std::string& name) {
    return {p.get("econ." + name + "_low"), p.get("econ." + name), p.get("econ." + name + "_high")};
}

double paramOr(const Params& p, const char* name, double fallback) { return p.has(name) ? p.get(name) : fallback; }

void addRanged(Params& p, const std::string& name, const std::string& unit, double low, double base, double high,
               double min, double max, const std::string& what) {
    p.add({.name = "econ." + name, .unit = unit, .def = base, .min = min, .max = max, .description = what + " (base)"});
    p.add({.name = "econ." + name + "_low", .unit = unit, .def = low, .min = min, .max = max,
           .description = what + " (low end of the range)"});
    p.add({.name = "econ." + name + "_high", .unit = unit, .def = high, .min = min, .max = max,
           .description = what + " (high end of the range)"});
}

// Orders the three cases so low ≤ base ≤ high even if a user set a range backwards.
Range ordered(double a, double base, double b) { return {std::min({a, base, b}), base, std::max({a, base, b})}; }

template <class F>
Range overCases(F f) { return ordered(f(Case::Low), f(Case::Base), f(Case::High)); }

}  // namespace

void registerEconomicsParams(Params& p) {
    // Estimates (E) unless cited; hydrogen.md §5 gives the market ranges these land in.
    addRanged(p, "discount_rate_pct", "%", 5, 8, 12, 0, 30, "Real discount rate for all routes");
    addRanged(p, "electricity_usd_kwh", "USD/kWh", 0.03, 0.05, 0.08, 0, 1, "Electricity price");
    addRanged(p, "grid_co2_kg_kwh", "kg/kWh", 0.35, 0.45, 0.60, 0, 1.5, "CO2 intensity of grid power (gas-fired grid)");
    addRanged(p, "carbon_price_usd_t", "USD/t", 0, 0, 100, 0, 500, "Price on emitted CO2");
    addRanged(p, "panel_capex_usd_m2", "USD/m2", 20, 60, 150, 0, 5000,
              "Installed photocatalyst panel field incl. separator and piping (baggie/panel studies)");
    addRanged(p, "panel_opex_pct", "%/yr", 2, 3, 5, 0, 50, "Panel field O&M incl. catalyst re-spraying, share of capex");
    addRanged(p, "panel_lifetime_y", "yr", 10, 15, 20, 1, 50, "Panel field lifetime");
    addRanged(p, "compression_kwh_kg", "kWh/kg", 2, 3, 4, 0, 20, "Drying and compressing recovered H2 into storage");
    addRanged(p, "ground_cover_ratio", "-", 0.4, 0.5, 0.7, 0.05, 1, "Panel area per land area (row spacing)");
    addRanged(p, "smr_capex_usd_kw", "USD/kW", 600, 900, 1300, 0, 10000, "SMR capex per kW H2 (LHV) capacity");
    addRanged(p, "smr_ccs_capex_usd_kw", "USD/kW", 1300, 1600, 2200, 0, 10000,
              "SMR with CO2 capture, capex per kW H2 (LHV)");
    addRanged(p, "smr_opex_pct", "%/yr", 3, 4, 5, 0, 50, "SMR fixed O&M, share of capex");
    addRanged(p, "smr_lifetime_y", "yr", 20, 25, 30, 1, 60, "SMR lifetime");
    addRanged(p, "smr_capacity_factor", "-", 0.85, 0.90, 0.95, 0.05, 1, "SMR annual capacity factor");
    addRanged(p, "gas_price_usd_mmbtu", "USD/MMBtu", 2, 4, 10, 0, 100,
              "Natural gas price, HHV (regulated domestic to import parity)");
    addRanged(p, "capture_fraction", "-", 0.71, 0.90, 0.92, 0, 0.99,
              "CO2 captured by the blue route (SMR 71-92 %, hydrogen.md S4)");
    addRanged(p, "ccs_gas_penalty_pct", "%", 5, 10, 15, 0, 50, "Extra gas burned to run CO2 capture");
    addRanged(p, "co2_transport_storage_usd_t", "USD/t", 15, 30, 50, 0, 500, "CO2 transport and storage");
    // Blue with storage in a depleted field (docs/hydrogen_supply.md §5). Transport: liquid CO2 by rail or truck over
    // the ~450-600 km to the Bukhara-Khiva / Kashkadarya fields at a few kt/yr (E: well above the IPCC SRCCS pipeline
    // 1-8 USD/t per 250 km, which needs Mt/yr scale). Storage: IPCC SRCCS ch. 5 (Table 5.9) onshore depleted fields
    // about 0.5-4 USD/t plus monitoring 0.1-0.3; MIT (Smith et al. 2021) onshore transport + storage 4-45 USD/t.
    addRanged(p, "co2_transport_depleted_usd_t", "USD/t", 15, 30, 60, 0, 500,
              "CO2 transport from Almalyk to a depleted field (liquid, rail/truck, ~500 km; E)");
    addRanged(p, "depleted_storage_usd_t", "USD/t", 2, 6, 15, 0, 500,
              "CO2 injection and monitoring in a depleted gas field, reusing wells (IPCC SRCCS ch. 5; E small scale)");
    addRanged(p, "co2_injection_kwh_t", "kWh/t", 80, 100, 130, 0, 1000,
              "Electricity to compress captured CO2 for transport and injection (E: ~100 kWh/t to 110-150 bar)");
    addRanged(p, "smr_land_m2_per_kg_d", "m2/(kg/d)", 0.1, 0.2, 0.4, 0, 100, "Reformer plot per kg/day of capacity");
    p.add({.name = "econ.catalyst_refresh_y", .unit = "yr", .def = 0.0, .min = 0.0, .max = 50.0,
           .description = "Years between catalyst re-spraying, which restores panel activity; 0: the simulated panel "
                          "shop's rule, recoating at h2.recoat_activity (about 1.1 years at Almalyk)"});
}

double capitalRecoveryFactor(double rate, double years) {
    if (years <= 0.0) return kInf;
    if (std::abs(rate) < 1e-12) return 1.0 / years;
    return rate / (1.0 - std::pow(1.0 + rate, -years));
}

double photocatalyticYield_kg_m2_y(const PhotoInputs& in) {
    // hydrogen.md §8.4: kg/m²/yr = STH · H_POA · 3.6 MJ/kWh / ΔG° · M_H2.
    const double mol = in.sth_percent / 100.0 * in.poa_kwh_m2_y * 3.6e6 / kGibbsWaterSplitting_J_mol;
    return std::max(0.0, mol * kMolarMassH2_kg_mol * in.separator_efficiency * in.mean_activity);
}

double meanActivity(double ageingPerSunHour, double sunHoursPerYear, double years) {
    const double x = ageingPerSunHour * sunHoursPerYear * years;
    return x < 1e-9 ? 1.0 : (1.0 - std::exp(-x)) / x;
}

PhotoInputs photoInputsFrom(const Params& p, double poa_kwh_m2_y) {
    PhotoInputs in;
    in.sth_percent = paramOr(p, "h2.sth_percent", in.sth_percent);
    in.separator_efficiency = paramOr(p, "h2.separator_efficiency", in.separator_efficiency);
    in.poa_kwh_m2_y = std::max(0.0, poa_kwh_m2_y);
    // Sun-equivalent hours per year equal H_POA in kWh/m² (1 sun = 1 kW/m²).
    // The refresh interval is the panel shop's (docs/hydrogen_supply.md §1): a panel is recoated once its activity
    // exp(-k·sun-hours) has fallen to h2.recoat_activity, i.e. every -ln(a) / (k · H_POA) years, so the costed field
    // has the simulated field's mean activity (1 - a) / (-ln a). econ.catalyst_refresh_y > 0 overrides it.
    const double k = paramOr(p, "h2.ageing_per_h", 0.0);
    double refresh_y = paramOr(p, "econ.catalyst_refresh_y", 0.0);
    const double recoatAt = paramOr(p, "h2.recoat_activity", 0.0);
    if (refresh_y <= 0.0)
        refresh_y = recoatAt > 0.0 && recoatAt < 1.0 && k > 0.0 && in.poa_kwh_m2_y > 0.0
                        ? -std::log(recoatAt) / (k * in.poa_kwh_m2_y)
                        : 3.0;
    in.mean_activity = meanActivity(k, in.poa_kwh_m2_y, refresh_y);
    return in;
}

RouteEconomics photocatalyticRoute(const Params& p, const PhotoInputs& in) {
    RouteEconomics r;
    r.name = "photocatalytic";
    const double yield = photocatalyticYield_kg_m2_y(in);
    r.viable = yield > 0.0;
    const Ranged capex = ranged(p, "panel_capex_usd_m2"), opex = ranged(p, "panel_opex_pct"),
                 life = ranged(p, "panel_lifetime_y"), rate = ranged(p, "discount_rate_pct"),
                 elec = ranged(p, "electricity_usd_kwh"), comp = ranged(p, "compression_kwh_kg"),
                 grid = ranged(p, "grid_co2_kg_kwh"), gcr = ranged(p, "ground_cover_ratio"),
                 carbon = ranged(p, "carbon_price_usd_t");
    r.co2_kg_per_kg = overCases([&](Case c) { return comp.pick(c, true) * grid.pick(c, true); });
    r.lcoh_usd_kg = overCases([&](Case c) {
        if (!r.viable) return 0.0;
        const double annual = capex.pick(c, true) *
                              (capitalRecoveryFactor(rate.pick(c, true) / 100.0, life.pick(c, false)) + opex.pick(c, true) / 100.0);
        const double power_kwh = comp.pick(c, true);
        return annual / yield + power_kwh * elec.pick(c, true) +
               power_kwh * grid.pick(c, true) / 1000.0 * carbon.pick(c, true);
    });
    r.land_m2_per_kg_d = overCases([&](Case c) { return r.viable ? 365.0 / (yield * gcr.pick(c, false)) : 0.0; });
    return r;
}

namespace {

enum class SmrKind { Grey, Capture, DepletedField };

RouteEconomics smrRouteOf(const Params& p, SmrKind kind) {
    RouteEconomics r;
    const bool withCapture = kind != SmrKind::Grey, depleted = kind == SmrKind::DepletedField;
    r.name = kind == SmrKind::Grey ? "smr_grey" : depleted ? "smr_depleted_field" : "smr_capture";
    const double ch4 = paramOr(p, "smr.ch4_per_kg_h2", kGreyCh4PerKgH2);
    // The depleted field's gas carries CO2 (gas.co2_pct): y/(1 − y) mol more CO2 per mol of hydrocarbon.
    const double y = depleted ? std::clamp(paramOr(p, "gas.co2_pct", 0.0) / 100.0, 0.0, 0.5) : 0.0;
    const Ranged capex = ranged(p, withCapture ? "smr_ccs_capex_usd_kw" : "smr_capex_usd_kw"),
                 opex = ranged(p, "smr_opex_pct"), life = ranged(p, "smr_lifetime_y"),
                 rate = ranged(p, "discount_rate_pct"), cf = ranged(p, "smr_capacity_factor"),
                 gas = ranged(p, "gas_price_usd_mmbtu"), capture = ranged(p, "capture_fraction"),
                 penalty = ranged(p, "ccs_gas_penalty_pct"), ts = ranged(p, "co2_transport_storage_usd_t"),
                 carbon = ranged(p, "carbon_price_usd_t"), land = ranged(p, "smr_land_m2_per_kg_d"),
                 transport = ranged(p, "co2_transport_depleted_usd_t"), store = ranged(p, "depleted_storage_usd_t"),
                 inject = ranged(p, "co2_injection_kwh_t"), elec = ranged(p, "electricity_usd_kwh"),
                 grid = ranged(p, "grid_co2_kg_kwh");
    // Gas and CO2 per kg H2 in a case; capture burns extra gas, whose CO2 is captured at the same rate.
    auto gasKg = [&](Case c) { return withCapture ? ch4 * (1.0 + penalty.pick(c, true) / 100.0) : ch4; };
    auto co2Formed = [&](Case c) {
        return gasKg(c) / kMolarMassCH4_kg_mol * kMolarMassCO2_kg_mol * (1.0 + y / (1.0 - y));
    };
    auto captured = [&](Case c) { return withCapture ? capture.pick(c, false) : 0.0; };
    // Compressing the stored CO2 for the depleted field takes grid power, whose CO2 counts against the route.
    auto injectKwh = [&](Case c) { return depleted ? co2Formed(c) * captured(c) / 1000.0 * inject.pick(c, true) : 0.0; };
    r.co2_kg_per_kg = overCases([&](Case c) {
        return co2Formed(c) * (1.0 - captured(c)) + injectKwh(c) * grid.pick(c, true);
    });
    r.lcoh_usd_kg = overCases([&](Case c) {
        const double capex_per_kg_h = capex.pick(c, true) * kH2LhvKwhPerKg;
        const double annual = capex_per_kg_h *
                              (capitalRecoveryFactor(rate.pick(c, true) / 100.0, life.pick(c, false)) + opex.pick(c, true) / 100.0);
        const double capital = annual / (8760.0 * cf.pick(c, false));
        const double fuel = gasKg(c) * kCh4HhvMjPerKg / kMjPerMmbtu * gas.pick(c, true);
        const double co2 = co2Formed(c);
        const double cap = captured(c);
        const double tsPerT = depleted ? transport.pick(c, true) + store.pick(c, true) : ts.pick(c, true);
        const double power = injectKwh(c);
        return capital + fuel + (co2 * (1.0 - cap) / 1000.0 + power * grid.pick(c, true) / 1000.0) * carbon.pick(c, true) +
               co2 * cap / 1000.0 * tsPerT + power * elec.pick(c, true);
    });
    r.land_m2_per_kg_d = overCases([&](Case c) { return land.pick(c, true); });
    return r;
}

}  // namespace

RouteEconomics smrRoute(const Params& p, bool withCapture) {
    return smrRouteOf(p, withCapture ? SmrKind::Capture : SmrKind::Grey);
}

RouteEconomics depletedFieldRoute(const Params& p) { return smrRouteOf(p, SmrKind::DepletedField); }

std::vector<RouteEconomics> compareRoutes(const Params& p, const PhotoInputs& in) {
    return {photocatalyticRoute(p, in), smrRoute(p, false), smrRoute(p, true), depletedFieldRoute(p)};
}

double co2AvoidedKg(const Params& p, double photocatalytic_kg) {
    return std::max(0.0, photocatalytic_kg) * smrRoute(p, false).co2_kg_per_kg.base;
}

}  // namespace sim
