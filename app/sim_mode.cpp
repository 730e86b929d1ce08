// app/sim_mode.cpp — `almalyk sim`, `params`, `metrics` and `faults` (design.md's command-line contract).
// sim: validates everything first (sim::prepareBatch: parameters, --start, scenario file:line:column) and exits 2 with
//   one message on bad input; runs the World headless; writes --csv and --summary; prints one human line to stderr
//   and nothing to stdout. wall_s is measured here because sim/ has no wall clock.
// params: one line per parameter on stdout, tab-separated with a header line (name, unit, default, min, max,
//   description), so `almalyk params | column -t -s $'\t'` aligns it.
// metrics: the same for every metric (name, unit, description; sim/metrics.h).
// faults: every fault target (target, unit, description; sim/event_names.h) for the parameters after --set and a
//   --scenario's "set", validated as `sim` validates them (bad input: exit 2 with the same messages).
// A --scenario that is not a file is looked up as a name in <assets>/scenarios/ ("fleet_breakdown" or
// "fleet_breakdown.json"), honouring --assets.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/options.h"
#include "engine/paths.h"
#include "sim/batch.h"
#include "sim/event_names.h"
#include "sim/metrics.h"
#include "sim/world.h"

namespace app {
namespace {

int badInput(const std::string& why, const char* mode = "sim") {
    std::fprintf(stderr, "almalyk %s: %s\n", mode, why.c_str());
    return 2;
}

// Writes a listing to stdout; 1 when stdout cannot take it (a closed pipe, a full disk).
int printTable(const std::string& table) {
    std::fwrite(table.data(), 1, table.size(), stdout);
    return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 1;
}

}  // namespace

std::string resolveScenario(const std::string& given, const std::string& assetsDir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (given.empty() || fs::exists(given, ec) || given.find('/') != std::string::npos) return given;
    eng::Paths paths;
    paths.setAssetsOverride(assetsDir);
    const std::string file = given.size() > 5 && given.compare(given.size() - 5, 5, ".json") == 0 ? given : given + ".json";
    const fs::path found = paths.resolve("assets/scenarios/" + file);
    return found.empty() ? given : found.string();
}

int runSim(const SimOptions& o) {
    sim::BatchSpec spec;
    spec.seed = o.seed;
    spec.seedGiven = o.seedGiven;
    spec.start = o.start;
    spec.hours = o.hours ? *o.hours : o.days ? *o.days * 24.0 : 24.0;
    spec.everyMinutes = o.everyMinutes;
    spec.sets = o.sets;
    spec.scenarioPath = resolveScenario(o.scenario, o.assetsDir);

    sim::PreparedBatch run;
    std::string why;
    if (!sim::prepareBatch(spec, run, &why)) return badInput(why);

    std::ofstream csv;
    if (!o.csv.empty()) {
        csv.open(o.csv, std::ios::binary | std::ios::trunc);
        if (!csv) return badInput("--csv " + o.csv + ": cannot open for writing");
    }

    const auto t0 = std::chrono::steady_clock::now();
    nlohmann::json summary = sim::runBatch(run, o.csv.empty() ? nullptr : &csv);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    summary["wall_s"] = wall;
    const double cycles = summary["mine"].value("truck_cycles", 0.0);
    summary["truck_cycles_per_s"] = wall > 0 ? cycles / wall : 0.0;

    if (!o.csv.empty()) {
        csv.close();
        if (!csv) {
            std::fprintf(stderr, "almalyk sim: --csv %s: write failed\n", o.csv.c_str());
            return 1;
        }
    }
    if (!o.summary.empty()) {
        std::ofstream out(o.summary, std::ios::binary | std::ios::trunc);
        out << summary.dump(2) << '\n';
        out.close();
        if (!out) {
            std::fprintf(stderr, "almalyk sim: --summary %s: write failed\n", o.summary.c_str());
            return 1;
        }
    }
    for (const auto& c : summary["commands"])
        if (!c.value("accepted", true))
            std::fprintf(stderr, "almalyk sim: warning: at %s, %s %s refused: %s\n",
                         c.value("time", std::string()).c_str(), c.value("type", std::string()).c_str(),
                         c.value("name", std::string()).c_str(), c.value("message", std::string()).c_str());
    std::fprintf(stderr, "%s\n", sim::oneLineSummary(summary).c_str());
    return 0;
}

int runParams(const CommonOptions& /*o: parameters do not depend on assets*/) {
    return printTable(sim::paramsTable(sim::makeParams()));
}

int runMetrics(const CommonOptions& /*o: metrics do not depend on assets*/) { return printTable(sim::metricsTable()); }

int runFaults(const FaultsOptions& o) {
    sim::BatchSpec spec;
    spec.sets = o.sets;
    spec.scenarioPath = resolveScenario(o.scenario, o.assetsDir);
    sim::PreparedBatch run;
    std::string why;
    if (!sim::prepareBatch(spec, run, &why)) return badInput(why, "faults");
    return printTable(sim::faultTargetsTable(run.params));
}

}  // namespace app
