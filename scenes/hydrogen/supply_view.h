// scenes/hydrogen/supply_view.h — what the hydrogen panel shows of supply and demand, the depleted gas field and CO2
// storage, and the route comparison's labels, without ImGui or GL (tests/engine/test_hydrogen_scene.cpp).
// Use:
//     const h2::SupplyNow now = h2::readSupply(state);          // every frame
//     for (const h2::Row& r : h2::supplyRows(now)) ...          // label, value text, unit: the panel's table rows
//     m_totals.sample(state, t);  m_totals.lastHours(state, 24) // kg over the last day, from the cumulative metrics
//     h2::routeLabel(route.name)                                // "SMR + CO2 stored in a depleted field (blue)"
// Model: every number is read through the metrics registry by name (sim/metrics.h), resolved once; rates are the
//   last tick's (as the CSV), totals are differences of the cumulative metrics (exact at the sample times).
// Errors: an unknown metric reads NaN and shows "-"; supplyMetricNames() lists every name read (the tests check
//   each exists). An unknown route key is shown as the key itself.
// Does NOT: draw (hydrogen_panel.cpp does), keep a sim::State, or format the economics ranges.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "scenes/scene_kit.h"

namespace sim { struct State; }

namespace scenes::h2 {

// Supply to PRMiTS now (kg/h unless named otherwise).
struct SupplyNow {
    double demand_kg_h = 0, servedPanels_kg_h = 0, servedReformer_kg_h = 0, unserved_kg_h = 0, vented_kg_h = 0;
    double reformerShare_pct = 0;
    double panels_kg_h = 0, reformer_kg_h = 0;  // what each source makes now (panels: after the separator)
    double storage_kg = 0, storageFill_pct = 0, storageCover_h = 0;
    bool reformerOnline = false, reformerTripped = false;
};

// The depleted field feeding the reformer and the reservoir its captured CO2 goes into.
struct FieldNow {
    double pressure_bar = 0, reserveLeft_pct = 0, rate_nm3_h = 0, toReformer_nm3_h = 0, co2Content_pct = 0;
    double co2Captured_t_h = 0, co2Injected_t_h = 0, co2Vented_t_h = 0, co2Stored_t = 0, capacityLeft_pct = 0;
    bool injectionOk = true;
    double captureFraction = 0;   // smr.capture_fraction: capture is fitted, the reformer may still be on standby
};

SupplyNow readSupply(const sim::State& s);
FieldNow readField(const sim::State& s);

// The panel field's areas: active panel area (what collects sunlight: the h2.panel_area_m2 parameter plus the
// rows the catalyst line built) and the land it covers at the row spacing (econ.ground_cover_ratio), m².
struct FieldArea {
    double active_m2 = 0, set_m2 = 0, built_m2 = 0, land_m2 = 0, groundCover = 0;
};
FieldArea readFieldArea(const sim::State& s);
// "Active panel area 42,024 m² (40,000 set + 2,024 built from slag catalyst) on 84,048 m² of land"
std::string fieldAreaLine(const FieldArea& a);
// The panels' H2 after the separator, as every place on screen writes it ("8.13"): the panel's header, the store
// rows and the field's label all show this one text of SupplyNow::panels_kg_h.
std::string panelsRateText(const SupplyNow& n);
// The panel's second header line: "STH 0.639 % after ageing   H₂ from panels 5.84 kg/h (after the separator)" (the
// effective STH: the STH slider sets the fresh catalyst's).
std::string panelsLine(double sthEffectivePercent, const SupplyNow& n);

// One line of a panel table: the words, the number as shown, its unit; key is stable for tests and code.
struct Row {
    const char* key;
    const char* label;
    std::string value;
    const char* unit;
    const char* tip;
};
// "Supply to PRMiTS now": demand, served from panels + storage, by the reformer, unserved, vented (kg/h, 2 decimals).
std::vector<Row> supplyRows(const SupplyNow& n);
// The store and the reformer: what the panels make (panelsRateText), share of served H2, storage level, hours of
// cover, reformer state.
std::vector<Row> storeRows(const SupplyNow& n, double storageCapacity_kg);
// The depleted field (pressure, reserve left, gas rate, CO2 content) and the CO2 store (captured, injected, vented,
// stored, capacity left).
std::vector<Row> fieldRows(const FieldNow& f);
std::vector<Row> co2Rows(const FieldNow& f);
// The CO2 injection's state in words: injecting, faulted (vented), reservoir full, or nothing captured.
std::string injectionStatus(const FieldNow& f);

// kg of each supply quantity over the last hours, from the cumulative metrics sampled every 10 sim minutes.
class SupplyTotals {
public:
    enum Item : std::size_t { kDemand, kServedPanels, kServedReformer, kUnserved, kVented, kItems };
    SupplyTotals();
    bool sample(const sim::State& s, sim::Time at) { return m_history.sample(s, at); }
    // kg of `item` over the last `hours` of sim time: while the world is younger than that, everything since its
    // start (s.start, the cumulative metric itself); later, since the oldest sample no older than `hours`. *spanHours
    // gets the span the figure covers (0 and NaN when there is nothing to difference against).
    double lastHours(const sim::State& s, Item item, double hours, double* spanHours) const;
    const kit::MetricHistory& history() const { return m_history; }

private:
    kit::MetricHistory m_history;
    std::vector<int> m_index;  // the same metrics, read now
};

// The supply plot's series, in MetricHistory order (rates, kg/h; storage in kg; irradiance in W/m²).
enum PlotSeries : std::size_t { kPlotDemand, kPlotPanels, kPlotReformer, kPlotVented, kPlotUnserved, kPlotStorage, kPlotPoa };
std::vector<std::string> plotMetricNames();

// Every metric name the panel reads (supply, field, totals, plots), each once.
std::vector<std::string> supplyMetricNames();

// The words for a route of sim::State::economics ("smr_depleted_field" -> "SMR + CO2 stored in a depleted field
// (blue)"); its tooltip.
std::string routeLabel(std::string_view key);
const char* routeTip(std::string_view key);

}  // namespace scenes::h2
