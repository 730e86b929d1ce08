// app/train_mode.cpp — `almalyk train` (docs/training.md): a headless training run for CI and instructors.
// train --scenario NAME|FILE [--actions FILE] [--out FILE] [--trainee NAME] [--seed N]: reads the training scenario
//   (a name is looked up in <assets>/scenarios/training/, honouring --assets) and the scripted trainee's actions,
//   runs to the scenario's end, prints one JSON object on stdout (scenario, trainee, total, objectives with their
//   breakdown, the debrief timeline, state_hash, wall_s) and writes the replay file atomically when --out is given.
// train ... --record | --records FILE: the run is kept in the trainee records (app/records.h) from its start,
//   marked incomplete until it ends; --speed N paces it as the window would (N sim seconds per wall second), with
//   its progress saved every wall second.
// train --levers / --list: tab-separated listings with a header line.
// train --bench-rewind [--scenario NAME] [--hours H] [--snapshot-min N]: runs an H-hour session with snapshots every N
//   sim minutes, then rewinds to every sim minute of it and prints one JSON line: the worst and mean rewind in ms,
//   the snapshots and their memory, and for comparison a re-simulation from the start without snapshots.
// Bad input (unknown scenario, a bad actions file, a lever the scenario does not offer): exit 2 with the file and
// field; a replay file that cannot be written: exit 1.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <vector>

#include "app/options.h"
#include "app/records.h"
#include "app/training_desk.h"
#include "engine/atomic_file.h"
#include "engine/paths.h"
#include "sim/replay.h"
#include "sim/training.h"

namespace app {
namespace {

namespace fs = std::filesystem;

int badInput(const std::string& why) {
    std::fprintf(stderr, "almalyk train: %s\n", why.c_str());
    return 2;
}

int print(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 1;
}

double rssMiB() {
    std::ifstream f("/proc/self/statm");
    long pages = 0, resident = 0;
    f >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

bool loadScenario(const TrainOptions& o, sim::TrainingScenario& sc, std::string* why) {
    return loadNamedTrainingScenario(o.scenario, o.assetsDir, "--scenario ", sc, why);
}

int benchRewind(const TrainOptions& o) {
    sim::TrainingScenario sc;
    std::string why;
    TrainOptions so = o;
    if (so.scenario.empty()) so.scenario = "shovel_breakdown_peak";
    if (!loadScenario(so, sc, &why)) return badInput(why);
    sc.duration = sim::fromSeconds(o.benchHours * 3600.0);
    sc.endWhen.reset();
    using Clock = std::chrono::steady_clock;
    const auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };

    const double rss0 = rssMiB();
    auto t0 = Clock::now();
    sim::TrainingRun plain = sim::startTraining(sc, {}, o.seed);
    const double buildMs = ms(Clock::now() - t0);
    t0 = Clock::now();
    plain.runToEnd();
    const double plainRunMs = ms(Clock::now() - t0);
    const double rss1 = rssMiB();

    sim::TrainingSession session(sim::startTraining(sc, {}, o.seed), sim::fromSeconds(o.snapshotMin * 60.0));
    t0 = Clock::now();
    session.runToEnd();
    const double sessionRunMs = ms(Clock::now() - t0);
    const double rss2 = rssMiB();

    // Wall time is what a trainee waits; CPU time of this thread is the cost without the other programs on the
    // machine (a shared build machine's wall times have spikes that are not ours).
    const auto cpuMs = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
    };
    std::vector<double> walls;
    double worstCpu = 0, sum = 0;
    sim::Time worstAt = 0;
    bool exact = true;
    const sim::Time start = session.run().start(), end = session.run().now();
    for (sim::Time t = start; t <= end; t += sim::kMinute) {
        const double c0 = cpuMs();
        t0 = Clock::now();
        const sim::TrainingRun r = session.at(t);
        const double d = ms(Clock::now() - t0);
        worstCpu = std::max(worstCpu, cpuMs() - c0);
        if (r.now() != t) exact = false;
        sum += d;
        if (walls.empty() || d > *std::max_element(walls.begin(), walls.end())) worstAt = t;
        walls.push_back(d);
    }
    const int n = static_cast<int>(walls.size());
    std::vector<double> sorted = walls;
    std::sort(sorted.begin(), sorted.end());
    const auto pct = [&](double q) { return sorted.empty() ? 0.0 : sorted[static_cast<std::size_t>(q * (sorted.size() - 1))]; };
    const double worst = sorted.empty() ? 0.0 : sorted.back();
    // The end state through a rewind must be the run's own.
    exact = exact && session.at(end).world().stateHash() == plain.world().stateHash();
    nlohmann::json j = {{"bench", "rewind"},
                        {"scenario", sc.id},
                        {"session_h", o.benchHours},
                        {"snapshot_every_min", o.snapshotMin},
                        {"snapshots", session.snapshotCount()},
                        {"snapshot_mib_each", session.snapshotCount() ? (rss2 - rss1) / static_cast<double>(session.snapshotCount()) : 0.0},
                        {"rewinds", n},
                        {"worst_ms", worst},
                        {"worst_at_min", sim::toSeconds(worstAt - start) / 60.0},
                        {"mean_ms", n ? sum / n : 0.0},
                        {"median_ms", pct(0.5)},
                        {"p99_ms", pct(0.99)},
                        {"worst_cpu_ms", worstCpu},
                        {"exact", exact},
                        {"run_ms", sessionRunMs},
                        {"without_snapshots_ms", buildMs + plainRunMs},
                        {"world_build_ms", buildMs},
                        {"sim_ms_per_h", plainRunMs / o.benchHours},
                        {"rss_mib", rss2},
                        {"rss_run_mib", rss1 - rss0}};
    const int rc = print(j.dump() + "\n");
    return rc != 0 ? rc : exact ? 0 : 1;
}

}  // namespace

int runTrain(const TrainOptions& o) {
    if (o.levers) return print(sim::leversTable());
    if (o.list) {
        std::string out = "name\ttitle\thours\tobjectives\tlevers\n";
        for (const std::string& n : trainingScenarioNames(o.assetsDir)) {
            sim::TrainingScenario sc;
            std::string why;
            TrainOptions one = o;
            one.scenario = n;
            if (!loadScenario(one, sc, &why)) return badInput(why);
            char hours[32];
            std::snprintf(hours, sizeof hours, "%g", sim::toHours(sc.duration));
            std::string levers;
            for (const std::string& l : sc.levers) levers += (levers.empty() ? "" : ",") + l;
            out += n + "\t" + sc.base.name + "\t" + hours + "\t" + std::to_string(sc.objectives.size()) + "\t" + levers + "\n";
        }
        return print(out);
    }
    if (o.benchRewind) return benchRewind(o);

    sim::TrainingScenario sc;
    std::string why;
    if (!loadScenario(o, sc, &why)) return badInput(why);
    std::vector<sim::TrainingAction> actions;
    std::string trainee = o.trainee;
    if (!o.actions.empty()) {
        if (!sim::loadTrainingActions(o.actions, sc, sim::trainingStart(sc), actions, &why)) return badInput(why);
        if (trainee.empty()) {
            std::string text;
            sim::OrderedJson j;
            if (sim::readTextFile(o.actions, sim::kDataFileMaxBytes, "actions", &text, &why) &&
                sim::parseJsonText(text, o.actions, sim::kDataFileMaxDepth, "", &j, &why) && j.contains("trainee") &&
                j["trainee"].is_string())
                trainee = j["trainee"].get<std::string>();
        }
    }
    if (!o.out.empty() && (eng::sameFile(o.out, trainingScenarioPath(o.scenario, o.assetsDir)) ||
                           (!o.actions.empty() && eng::sameFile(o.out, o.actions))))
        return badInput("--out " + o.out + ": is an input of this run; an output may not overwrite an input");

    const auto t0 = std::chrono::steady_clock::now();
    sim::TrainingRun run = sim::startTraining(sc, actions, o.seed);
    const sim::ReplayMeta meta{.runId = newTrainingRunId(), .trainee = trainee, .parentId = {}, .branchAt = std::nullopt};

    // The trainee records: the run is there, marked incomplete, from its first second; progress is saved every
    // wall second, so a crash loses at most that (docs/training.md "Trainee records").
    std::optional<Records> db;
    bool recordsOk = true;
    if (o.record) {
        std::string notice;
        db = Records::open(o.records.empty() ? defaultRecordsPath() : o.records, &notice, &why);
        if (!notice.empty()) std::fprintf(stderr, "almalyk train: %s\n", notice.c_str());
        if (!db) {
            std::fprintf(stderr, "almalyk train: records: %s\n", why.c_str());
            return 1;
        }
        RunRecord row;
        row.runId = meta.runId;
        row.trainee = trainee.empty() ? std::string("(unnamed)") : trainee;
        row.scenarioId = sc.id;
        row.scenarioTitle = sc.base.name;
        row.scenarioHash = scenarioTextHash(sc.text);
        row.seed = run.world().seed();
        row.simStart = sim::formatIso8601(run.start());
        if (!db->beginRun(row, &why)) {
            std::fprintf(stderr, "almalyk train: records %s: %s\n", db->path().c_str(), why.c_str());
            return 1;
        }
    }
    const auto saveProgress = [&] {
        if (db && recordsOk && !db->saveProgress(meta.runId, sim::replayJson(run, meta), &why)) {
            std::fprintf(stderr, "almalyk train: records %s: %s (the run goes on; the replay file keeps it)\n",
                         db->path().c_str(), why.c_str());
            recordsOk = false;
        }
    };
    if (o.speed > 0) {
        // Paced as the window would run it: sim time follows the wall clock at `speed`.
        auto lastSave = t0;
        while (!run.finished()) {
            const auto now = std::chrono::steady_clock::now();
            const double wallS = std::chrono::duration<double>(now - t0).count();
            run.runUntil(std::min(run.end(), run.start() + sim::fromSeconds(wallS * o.speed)));
            if (run.now() >= run.end()) run.runToEnd();  // the last tick's bookkeeping ends it
            if (now - lastSave >= std::chrono::seconds(1)) {
                saveProgress();
                lastSave = now;
            }
            if (!run.finished()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    } else {
        run.runToEnd();
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (db && !db->finishRun(meta.runId, sim::replayJson(run, meta), &why)) {
        std::fprintf(stderr, "almalyk train: records %s: %s\n", db->path().c_str(), why.c_str());
        recordsOk = false;
    }

    if (!o.out.empty() && !eng::writeFileAtomic(o.out, sim::replayJson(run, meta).dump(1) + "\n", &why)) {
        std::fprintf(stderr, "almalyk train: --out %s\n", why.c_str());
        return 1;
    }
    const sim::Score score = run.score();
    nlohmann::json out = sim::scoreJson(score);
    nlohmann::json j = {{"scenario", sc.id},
                        {"title", sc.base.name},
                        {"trainee", trainee},
                        {"run_id", meta.runId},
                        {"seed", run.world().seed()},
                        {"start", sim::formatIso8601(run.start())},
                        {"end", sim::formatIso8601(run.now())},
                        {"sim_hours", sim::toHours(run.now() - run.start())},
                        {"total", out["total"]},
                        {"objectives", out["objectives"]},
                        {"timeline", sim::timelineJson(run.timeline(), run.start())},
                        {"state_hash", sim::hashText(run.world().stateHash())},
                        {"wall_s", wall}};
    if (!o.out.empty()) j["replay"] = o.out;
    if (db) j["records"] = db->path();
    const int rc = print(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return rc != 0 ? rc : recordsOk ? 0 : 1;
}

}  // namespace app
