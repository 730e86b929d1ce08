// sim/metrics.h — the metrics registry: every named, read-only quantity of the simulation that data files, the CSV,
// the summary, plots, labels, captions, objectives and alarms may name (`almalyk metrics` lists them; docs/metrics.md).
// A metric is a view: a name, a unit, a one-line description, the decimals the CSV prints it with, and a function
// that reads it from a sim::State. It holds no state of its own and never changes the simulation.
// Use:
//   const int i = sim::findMetric("mine.ore_t_h");           // once (-1: unknown); then per frame or row:
//   double v = sim::readMetric(w.state(), i);
//   double v; std::string why;                               // or by name, with a message for a wrong one
//   if (!sim::metricValue(w.state(), "mine.ore_th", &v, &why)) ... why = "unknown metric 'mine.ore_th'; did you
//                                                                      mean mine.ore_t_h, ...? (almalyk metrics ...)"
// Names: "unit.quantity_unit" in lower snake case, the first part being the sim unit that owns the quantity (mine,
//   transport, concentrator, smelter, catalyst, h2, smr, weather, sun, co2, econ, sim, alarms); an optional middle part picks
//   one of several like things (econ.smr_grey.lcoh_usd_kg). Counts and 0/1 flags carry no unit suffix. Names are a
//   contract like parameter names: add, never rename.
// Instants: rates are the last tick's (instantaneous at the state's time, as the CSV rows); sun.* is the sun exactly
//   at the state's time (SkyView::sunAt), h2.poa_w_m2 the sun the panels saw at the last tick's mid-point.
// Errors: an unknown name is -1 from findMetric, false plus the closest names from metricValue; readMetric with an
//   index out of range is a quiet NaN. Never throws.
// Does NOT: sample, store history or format for display (scenes and app/ do that); indexed quantities (one truck,
//   one converter) are not metrics yet.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

struct State;

enum class MetricKind : std::uint8_t {
    Real,   // any real number
    Count,  // a whole number (trucks, cycles, ticks); summaries write it as an integer
    Flag,   // 0 or 1
};

struct MetricDef {
    std::string name;                          // dotted, e.g. "mine.ore_t_h"
    std::string unit;                          // "t/h", "C", "count", "0/1", "-" ...
    std::string description;                   // one line, for engineers
    int decimals = 2;                          // fixed decimals in the CSV
    double (*read)(const State&) = nullptr;    // the value in the given state
    MetricKind kind = MetricKind::Real;
};

// Every metric, in registry order (grouped by unit, in the chain's order).
const std::vector<MetricDef>& metricDefs();
// Index into metricDefs(), -1 when unknown.
int findMetric(std::string_view name);
// Up to n metric names closest to `name` (sim/names.h).
std::vector<std::string> closestMetrics(std::string_view name, std::size_t n = 3);
// The value of metricDefs()[index] in s; a quiet NaN for an index out of range.
double readMetric(const State& s, int index);
// By name: the value, or a quiet NaN when the registry has no such name (for views that draw a gap, not an error).
double readMetric(const State& s, std::string_view name);
// By name: true and *out, or false and *why naming the name and the closest names.
bool metricValue(const State& s, std::string_view name, double* out, std::string* why);
// `almalyk metrics`: a header line "name\tunit\tdescription", then one tab-separated line per metric.
std::string metricsTable();

}  // namespace sim
