// sim/batch.h — the batch run behind `almalyk sim`: validate the inputs (parameters, start, scenario), run the World
// to the end, write CSV rows every N minutes and build the summary JSON (design.md's fields plus extras).
// Use:
//   BatchSpec spec{.seed = 7, .hours = 24, .sets = {{"mine.trucks", "40"}}, .scenarioPath = "x.json"};
//   PreparedBatch run; std::string why;
//   if (!prepareBatch(spec, run, &why)) { stderr << why; return 2; }       // all bad input is found here
//   nlohmann::json summary = runBatch(run, &csvStream);                     // csv may be null
//   summary["wall_s"] = ...;  (the caller owns the wall clock: sim/ has none)
// Precedence: defaults < scenario "set" < --set. Seed: the scenario's unless spec.seedGiven; start: spec.start if
//   given, else the scenario's, else design.md's default.
// CSV: header line, then one row at the start and every `everyMinutes` (at the first tick boundary at or after each
//   multiple; `time` is the state's time). Columns: csvTable() (design.md's first, extras after), each column one
//   metric (sim/metrics.h) printed with that metric's fixed decimals, so the same run gives byte-identical files.
// Summary: the values that have a metric are read through the registry.
// Errors: prepareBatch returns false with one message naming the flag, parameter, file:line:column or field. Ranges:
//   the run at least one tick of the run's sim.tick_s; everyMinutes from one tick to the run's length (the upper
//   bound only when everyGiven).
// Does NOT: open output files, print, or read a clock (app/sim_mode.cpp does those).
#pragma once
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/command.h"
#include "sim/params.h"
#include "sim/scenario.h"
#include "sim/time.h"

namespace sim {

class World;

struct BatchSpec {
    std::uint64_t seed = 1;
    bool seedGiven = false;         // true: spec.seed overrides a scenario's seed
    std::string start;              // ISO 8601; empty = scenario's or the default
    double hours = 24.0;            // at least one tick (sim.tick_s)
    std::string lengthFlag = "--hours";  // how the length was given, for messages: "--hours" or "--days"
    double everyMinutes = 60.0;     // one tick .. the run's length
    bool everyGiven = false;        // false: the default, not refused when the run is shorter
    std::vector<std::pair<std::string, std::string>> sets;
    std::string scenarioPath;       // empty = none
};

struct PreparedBatch {
    Params params;
    std::uint64_t seed = 1;
    Time start = 0, end = 0, every = 0;
    std::vector<Command> commands;  // from the scenario, timed
    std::string scenarioName;
};

bool prepareBatch(const BatchSpec& spec, PreparedBatch& out, std::string* why);

// Runs to run.end (whole ticks; the last may pass it). Writes the CSV to csv when not null.
nlohmann::json runBatch(const PreparedBatch& run, std::ostream* csv);

struct State;

// One CSV column: its header name (design.md's names are a contract) and the metric it prints; metric is empty only
// for "time" (the state's time in ISO 8601 with the +05:00 offset).
struct CsvColumn {
    std::string name;
    std::string metric;
};
// The CSV columns, in order, each with its metric.
const std::vector<CsvColumn>& csvTable();
// Their header names, in order.
const std::vector<std::string>& csvColumns();
// One CSV row for a state (no newline).
std::string csvRow(const State& s);
// The summary of a world's run so far (everything but wall_s).
nlohmann::json summarize(const World& w, const std::string& scenarioName);
// "24.0 h simulated: 1,234 truck cycles, ..." for stderr.
std::string oneLineSummary(const nlohmann::json& summary);
// design.md's `almalyk params` listing: a header line, then name, unit, default, min, max, description per
// parameter, tab-separated.
std::string paramsTable(const Params& p);

}  // namespace sim
