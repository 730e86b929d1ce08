// sim/economics.h — levelised cost of hydrogen (LCOH), CO2 intensity and land use of the three routes shown side by
// side: photocatalytic panels, SMR without capture (grey), SMR with capture (blue), and blue with its CO2 stored in a
// depleted gas field, fed by that field's gas (CO2 content gas.co2_pct; transport, injection power and storage
// costed separately, docs/hydrogen_supply.md §5).
// Every number is a Range {low, base, high}: low combines the favourable end of every econ.* range (cheap capex, low
// discount rate, long life, cheap gas...), high the unfavourable end. The UI shows the range, never one "truth"
// (hydrogen.md §5, §10: costs depend on year and gas price).
// Use: registerEconomicsParams(p); auto routes = compareRoutes(p, photoInputsFrom(p, poa_kwh_m2_y));
// Parameters: each ranged quantity X is three parameters econ.X (base), econ.X_low and econ.X_high.
// Method: LCOH = (capex·CRF(r, n) + fixed opex) / annual kg + variable costs per kg;
//   CRF = r / (1 − (1+r)^−n). Photocatalytic kg/m²/yr = STH · H_POA · 3.6 MJ/kWh / 237.13 kJ/mol · 2.016 g/mol ·
//   separator recovery · mean activity (hydrogen.md §8.4). SMR gas cost = CH4 kg/kg · 55.5 MJ/kg (HHV) · $/MMBtu.
// Errors: none; a route that makes no hydrogen (STH 0, no sun) reports viable = false with its LCOH and land
// ranges 0 ("n/a" in the UI): every number stays finite so JSON summaries and CSVs can carry it.
// Does NOT: include hydrogen transport, taxes, subsidies, learning curves or the panels' embodied CO2.
#pragma once
#include <string>
#include <vector>

#include "sim/params.h"

namespace sim {

void registerEconomicsParams(Params& p);  // econ.*

struct Range {
    double low = 0.0, base = 0.0, high = 0.0;
};

// What the photocatalytic LCOH needs from the plant.
struct PhotoInputs {
    double sth_percent = 0.76;          // h2.sth_percent
    double poa_kwh_m2_y = 1850.0;       // annual plane-of-array irradiation (hydrogen.md §7: ≈1850 at 30° south)
    double separator_efficiency = 0.9;  // h2.separator_efficiency
    double mean_activity = 1.0;         // lifetime-mean catalyst activity factor
};
// Reads h2.sth_percent, h2.separator_efficiency and h2.ageing_per_h (when registered) and
// econ.catalyst_refresh_y (the sheet is re-sprayed at that interval, its cost inside opex) for the mean activity.
// poa_kwh_m2_y: annual plane-of-array irradiation, from the simulation or hydrogen.md §7's 1850.
PhotoInputs photoInputsFrom(const Params& p, double poa_kwh_m2_y);

struct RouteEconomics {
    std::string name;          // "photocatalytic", "smr_grey", "smr_capture", "smr_depleted_field"
    Range lcoh_usd_kg;         // 0 where no hydrogen is made (viable = false): show n/a
    Range co2_kg_per_kg;       // direct CO2 emitted per kg H2
    Range land_m2_per_kg_d;    // land per kg/day of capacity (panels / ground cover ratio; a reformer's plot)
    bool viable = true;
};

double capitalRecoveryFactor(double rate, double years);
// kg H2 per m² of panel per year.
double photocatalyticYield_kg_m2_y(const PhotoInputs& in);
// Mean catalyst activity over a lifetime of `years` with first-order ageing k per sun-equivalent hour and
// `sunHoursPerYear` sun-equivalent hours (≈ H_POA in kWh/m²).
double meanActivity(double ageingPerSunHour, double sunHoursPerYear, double years);

RouteEconomics photocatalyticRoute(const Params& p, const PhotoInputs& in);
RouteEconomics smrRoute(const Params& p, bool withCapture);
// Blue with storage in a depleted field: the capture route's plant, the field's gas (its CO2 content added to the CO2
// formed and captured with it), CO2 transport + injection + storage costs and the injection compressors' grid CO2.
RouteEconomics depletedFieldRoute(const Params& p);
std::vector<RouteEconomics> compareRoutes(const Params& p, const PhotoInputs& in);

// CO2 (kg) that the photocatalytic hydrogen avoided versus the same mass from grey SMR.
double co2AvoidedKg(const Params& p, double photocatalytic_kg);

}  // namespace sim
