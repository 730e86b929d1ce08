// sim/replay.h — replay files, snapshots, rewind and branch for training runs (sim/training.h; docs/training.md).
// Use:
//   nlohmann::json j = sim::replayJson(run, {.runId = "r1", .trainee = "A. Karimov"});   // app/ writes it atomically
//   sim::ReplayRecord rec; std::string why;
//   if (!sim::parseReplay(text, path, rec, &why)) { print why; exit 2; }
//   sim::TrainingRun again = sim::replayRun(rec);  again.runUntil(rec.end);  again.world().stateHash() == rec.stateHash
//   sim::TrainingSession s(std::move(run), 30 * sim::kMinute);   // snapshots every 30 sim minutes
//   s.runToEnd();  sim::TrainingRun past = s.at(t);               // the state at t, exactly (rewind)
//   sim::TrainingRun b = s.branch(t, newActions);                 // a new run from t; its replay links the parent
// Replay file (JSON, version 1): format, version, run id, parent {run_id, at_us}, trainee, the scenario's id, file
//   and full text (a replay survives edits of the scenario), seed, start, end (the time it was saved at), complete,
//   every parameter that differs from its default at the start, the actions (with exact microsecond offsets), the
//   World's full command log (for the record and the debrief), the final state hash, the score and the timeline.
//   Reading checks the format and version and every field; a newer version is refused, naming the version.
// Rewind: a snapshot is a copy of the TrainingRun (World included) taken at the start and every `every` of sim
//   time; at(t) copies the latest snapshot at or before t and re-simulates the rest (at most `every`), with the
//   actions of the live run (those before t). `almalyk train --bench-rewind` measures the worst case.
// Errors: parseReplay returns false with "FILE:LINE:COLUMN: ..." or "FILE: field: ..."; nothing else fails.
// Does NOT: write files or read the clock (app/ does: run ids, wall times, atomic writes), keep trainee records.
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/training.h"

namespace sim {

constexpr int kReplayVersion = 1;

struct ReplayMeta {
    std::string runId;                 // chosen by the caller (app/: time + random)
    std::string trainee;
    std::string parentId;              // a branch's parent run ("" for none)
    std::optional<Time> branchAt;      // where the branch left its parent
};

struct ReplayRecord {
    int version = kReplayVersion;
    ReplayMeta meta;
    TrainingScenario scenario;
    std::string scenarioFile;
    std::uint64_t seed = 1;
    Time start = 0, end = 0;
    bool complete = false;
    std::vector<std::pair<std::string, std::string>> params;   // differing from the defaults, in registry order
    std::vector<TrainingAction> actions;
    std::size_t commandCount = 0;      // entries of the recorded command log
    std::uint64_t stateHash = 0;
    double scoreTotal = 0;
};

// The replay document of a run as it stands (complete when the run has finished).
nlohmann::json replayJson(const TrainingRun& run, const ReplayMeta& meta);
bool parseReplay(const std::string& text, const std::string& file, ReplayRecord& out, std::string* why);
bool loadReplay(const std::string& path, ReplayRecord& out, std::string* why);
// A fresh run with the record's scenario, parameters, seed, start and actions (not yet stepped).
TrainingRun replayRun(const ReplayRecord& rec);
std::string hashText(std::uint64_t h);   // 16 hex digits, as the sim summary's state_hash

class TrainingSession {
public:
    TrainingSession(TrainingRun run, Time every);
    TrainingRun& run() { return *m_run; }
    const TrainingRun& run() const { return *m_run; }
    void step();                       // one tick; a snapshot when one is due
    void runToEnd();
    void runUntil(Time t);
    // A snapshot of the run as it is now (the instructor's "take snapshot"), beside the periodic ones; the next
    // periodic one is then `every` from now. Nothing when the latest snapshot is already at now.
    void snapshotNow();
    // The run as it was at t (clamped to start..now): the latest snapshot at or before t, stepped to t.
    TrainingRun at(Time t) const;
    // Makes the live run the one at t; the actions from t on and the snapshots after t are dropped.
    void rewind(Time t);
    // A new run leaving this one at t with `actions` (at or after t) instead of the rest of this run's.
    TrainingRun branch(Time t, const std::vector<TrainingAction>& actions) const;
    std::size_t snapshotCount() const { return m_snapshots.size(); }
    Time every() const { return m_every; }

private:
    std::optional<TrainingRun> m_run;      // optional: a TrainingRun is copied, never assigned (World is not)
    Time m_every;
    Time m_nextSnapshot;
    std::deque<TrainingRun> m_snapshots;   // by time; a deque never copies them on growth
};

}  // namespace sim
