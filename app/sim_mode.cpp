// app/sim_mode.cpp — `almalyk sim`, `params`, `metrics` and `faults` (design.md's command-line contract).
// sim: validates everything first (sim::prepareBatch: parameters, --start, scenario file:line:column) and exits 2 with
//   one message on bad input (an output naming the scenario or the other output is bad input too); runs the World
//   headless; writes --csv and --summary atomically (engine/atomic_file.h: the previous files survive a killed or
//   failed run; a failure exits 1 with its reason); prints one human line to stderr and nothing to stdout. wall_s is measured here because sim/ has no wall clock.
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
#include <string>
#include <utility>
#include <vector>

#include "app/options.h"
#include "app/titles.h"
#include "engine/atomic_file.h"
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

// An output may never overwrite an input of the same run, nor another output (`--scenario s.json --csv s.json`
// destroyed the scenario; `--csv x --summary x` lost the CSV). Empty when the files are all distinct.
std::string overlappingFiles(const std::vector<std::pair<const char*, std::string>>& inputs,
                             const std::vector<std::pair<const char*, std::string>>& outputs) {
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const auto& [flag, path] = outputs[i];
        if (path.empty()) continue;
        for (const auto& [inFlag, in] : inputs)
            if (!in.empty() && eng::sameFile(path, in))
                return std::string(flag) + " " + path + ": is the " + inFlag +
                       " file of this run; an output may not overwrite an input (choose another file name)";
        for (std::size_t k = 0; k < i; ++k)
            if (!outputs[k].second.empty() && eng::sameFile(path, outputs[k].second))
                return std::string(flag) + " " + path + ": is also the " + outputs[k].first +
                       " file; each output needs its own file";
    }
    return {};
}

// Writes a listing to stdout; 1 when stdout cannot take it (a closed pipe, a full disk).
int printTable(const std::string& table) {
    std::fwrite(table.data(), 1, table.size(), stdout);
    return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 1;
}

}  // namespace

std::string resolveScenario(const std::string& given, const std::string& assetsDir, const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (given.empty() || fs::exists(given, ec) || given.find('/') != std::string::npos) return given;
    eng::Paths paths;
    paths.setAssetsOverride(assetsDir);
    const std::string file = given.size() > 5 && given.compare(given.size() - 5, 5, ".json") == 0 ? given : given + ".json";
    const fs::path found = paths.resolve(folder + file);
    return found.empty() ? given : found.string();
}

int runSim(const SimOptions& o) {
    sim::BatchSpec spec;
    spec.seed = o.seed;
    spec.seedGiven = o.seedGiven;
    spec.start = o.start;
    spec.hours = o.hours ? *o.hours : o.days ? *o.days * 24.0 : 24.0;
    spec.lengthFlag = o.days ? "--days" : "--hours";
    spec.everyMinutes = o.everyMinutes;
    spec.everyGiven = o.everyGiven;
    spec.sets = o.sets;
    spec.scenarioPath = resolveScenario(o.scenario, o.assetsDir);

    sim::PreparedBatch run;
    std::string why;
    if (!sim::prepareBatch(spec, run, &why)) return badInput(why);

    if (const std::string clash = overlappingFiles({{"--scenario", spec.scenarioPath}},
                                                   {{"--csv", o.csv}, {"--summary", o.summary}});
        !clash.empty())
        return badInput(clash);

    // Both outputs go to temporary files renamed over the targets at the end: a killed or failed run leaves the
    // previous files as they were.
    eng::AtomicFile csv;
    if (!o.csv.empty() && !csv.open(o.csv, &why)) return badInput("--csv " + why);

    const auto t0 = std::chrono::steady_clock::now();
    nlohmann::json summary = sim::runBatch(run, o.csv.empty() ? nullptr : &csv.stream());
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    summary["wall_s"] = wall;
    const double cycles = summary["mine"].value("truck_cycles", 0.0);
    summary["truck_cycles_per_s"] = wall > 0 ? cycles / wall : 0.0;

    if (!o.csv.empty() && !csv.commit(&why)) {
        std::fprintf(stderr, "almalyk sim: --csv %s\n", why.c_str());
        return 1;
    }
    // Every text in the summary came from validated UTF-8 input; replace keeps a stray byte from ever throwing.
    if (!o.summary.empty() &&
        !eng::writeFileAtomic(o.summary, summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                              &why)) {
        std::fprintf(stderr, "almalyk sim: --summary %s\n", why.c_str());
        return 1;
    }
    for (const auto& c : summary["commands"])
        if (!c.value("accepted", true))
            std::fprintf(stderr, "almalyk sim: warning: at %s, %s %s refused: %s\n",
                         c.value("time", std::string()).c_str(), c.value("type", std::string()).c_str(),
                         c.value("name", std::string()).c_str(), c.value("message", std::string()).c_str());
    std::fprintf(stderr, "%s\n", sim::oneLineSummary(summary).c_str());
    return 0;
}

namespace {

// The sim's table with the human title (app/titles.h, English) as one more column at the end: the columns before it
// stay as they were, so readers that split on tabs keep working.
std::string withTitles(const std::string& table, const char* (*title)(std::string_view)) {
    std::string out;
    bool header = true;
    std::size_t at = 0;
    while (at < table.size()) {
        std::size_t end = table.find('\n', at);
        if (end == std::string::npos) end = table.size();
        const std::string_view line(table.data() + at, end - at);
        out.append(line);
        out += '\t';
        out += header ? "title" : title(line.substr(0, line.find('\t')));
        out += '\n';
        header = false;
        at = end + 1;
    }
    return out;
}

}  // namespace

int runParams(const CommonOptions& /*o: parameters do not depend on assets*/) {
    return printTable(withTitles(sim::paramsTable(sim::makeParams()), &app::paramTitle));
}

int runMetrics(const CommonOptions& /*o: metrics do not depend on assets*/) {
    return printTable(withTitles(sim::metricsTable(), &app::metricTitle));
}

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
