// app/replay_mode.cpp — `almalyk replay FILE|RUN` (docs/training.md; RUN: a run id in the trainee records): re-simulates a training run from its replay file
// (the embedded scenario, parameters, seed, start and actions) to the time it was saved at, and prints one JSON line:
// file, run_id, parent, recorded and replayed state hashes, match, the replayed score and wall_s.
// Exit 0 when the hashes match, 1 when they differ, 2 for a file that cannot be read or is not a valid replay
// (the message names the file and the field).
#include <chrono>
#include <cstdio>
#include <string>

#include "app/options.h"
#include "sim/replay.h"

namespace app {

int runReplay(const ReplayOptions& o) {
    sim::ReplayRecord rec;
    std::string why, text, label, wallStart, wallEnd;
    int rc = 0;
    if (!loadRunText(o.file, o.records, "replay", &text, &label, &wallStart, &wallEnd, &rc)) return rc;
    if (!sim::parseReplay(text, label, rec, &why)) {
        std::fprintf(stderr, "almalyk replay: %s\n", why.c_str());
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    sim::TrainingRun run = sim::replayRun(rec);
    run.runUntil(rec.end);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::uint64_t hash = run.world().stateHash();
    const bool match = hash == rec.stateHash && run.now() == rec.end;
    nlohmann::json j = {{"file", o.file},
                        {"run_id", rec.meta.runId},
                        {"parent", rec.meta.parentId.empty() ? nlohmann::json(nullptr) : nlohmann::json(rec.meta.parentId)},
                        {"scenario", rec.scenario.id},
                        {"complete", rec.complete},
                        {"end", sim::formatIso8601(run.now())},
                        {"recorded_hash", sim::hashText(rec.stateHash)},
                        {"replayed_hash", sim::hashText(hash)},
                        {"match", match},
                        {"recorded_total", rec.scoreTotal},
                        {"total", sim::scoreJson(run.score())["total"]},
                        {"wall_s", wall}};
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    if (!match)
        std::fprintf(stderr, "almalyk replay: %s: the replayed state hash %s differs from the recorded %s\n",
                     o.file.c_str(), sim::hashText(hash).c_str(), sim::hashText(rec.stateHash).c_str());
    return std::fflush(stdout) == 0 && match ? 0 : 1;
}

}  // namespace app
