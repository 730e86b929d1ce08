// sim/replay: replay files, rewind through snapshots and branches (docs/training.md). The reference for every state
// is a fresh run from the start with the same actions, never the snapshot machinery itself.
#include <doctest/doctest.h>

#include <string>

#include "sim/replay.h"

using namespace sim;

namespace {

const std::string kDir = std::string(ALMALYK_SOURCE_DIR) + "/assets/scenarios/training/";
const std::string kScripts = std::string(ALMALYK_SOURCE_DIR) + "/tests/data/training/";

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

struct Loaded {
    TrainingScenario sc;
    std::vector<TrainingAction> acts;
};

Loaded load(const std::string& id, const std::string& who) {
    Loaded l;
    std::string why;
    REQUIRE_MESSAGE(loadTrainingScenario(kDir + id + ".json", l.sc, &why), why);
    REQUIRE_MESSAGE(loadTrainingActions(kScripts + id + "." + who + ".json", l.sc, trainingStart(l.sc), l.acts, &why), why);
    return l;
}

// The state hash at t of a fresh run with these actions (the reference).
std::uint64_t freshHashAt(const TrainingScenario& sc, const std::vector<TrainingAction>& acts, Time t) {
    TrainingRun r = startTraining(sc, acts);
    r.runUntil(t);
    return r.world().stateHash();
}

ReplayRecord roundTrip(const TrainingRun& run, const ReplayMeta& meta) {
    ReplayRecord rec;
    std::string why;
    REQUIRE_MESSAGE(parseReplay(replayJson(run, meta).dump(1), "r.json", rec, &why), why);
    return rec;
}

}  // namespace

TEST_CASE("a saved run replays to the same final state hash and score") {
    const Loaded l = load("acid_plant_trip", "good");
    TrainingRun run = startTraining(l.sc, l.acts);
    run.runToEnd();
    const ReplayRecord rec = roundTrip(run, {.runId = "r1", .trainee = "A. Karimov", .parentId = {}, .branchAt = {}});
    CHECK(rec.complete);
    CHECK(rec.meta.trainee == "A. Karimov");
    CHECK(rec.stateHash == run.world().stateHash());
    CHECK(rec.actions.size() == l.acts.size());
    CHECK(rec.commandCount == run.world().commandLog().size());
    TrainingRun again = replayRun(rec);
    again.runUntil(rec.end);
    CHECK(again.finished());
    CHECK(again.world().stateHash() == rec.stateHash);
    CHECK(again.score().total == doctest::Approx(run.score().total));
    // The debrief replays exactly: the same timeline, entry for entry.
    CHECK(timelineJson(again.timeline(), again.start()) == timelineJson(run.timeline(), run.start()));
    // Another action makes another run: the hash notices.
    ReplayRecord changed = rec;
    changed.actions.back().value = "60";
    TrainingRun other = replayRun(changed);
    other.runUntil(changed.end);
    CHECK(other.world().stateHash() != rec.stateHash);
}

TEST_CASE("a run saved before its end is incomplete and replays to the moment it was saved") {
    const Loaded l = load("crusher_blockage", "good");
    TrainingRun run = startTraining(l.sc, l.acts);
    run.runUntil(run.start() + 100 * kMinute);
    const ReplayRecord rec = roundTrip(run, {.runId = "r2", .trainee = {}, .parentId = {}, .branchAt = {}});
    CHECK_FALSE(rec.complete);
    CHECK(rec.end == run.start() + 100 * kMinute);
    TrainingRun again = replayRun(rec);
    again.runUntil(rec.end);
    CHECK(again.world().stateHash() == run.world().stateHash());
}

TEST_CASE("rewind: the state at any moment equals a fresh run's at that moment") {
    const Loaded l = load("shovel_breakdown_peak", "good");
    TrainingSession s(startTraining(l.sc, l.acts), 30 * kMinute);
    s.runToEnd();
    CHECK(s.snapshotCount() == 8);  // the start and every 30 minutes of 4 hours, not the end
    const Time t0 = s.run().start();
    for (Time t : {t0, t0 + 17 * kMinute, t0 + 18 * kMinute, t0 + 30 * kMinute, t0 + 131 * kMinute, s.run().now()}) {
        CAPTURE(toSeconds(t - t0) / 60);
        const TrainingRun past = s.at(t);
        CHECK(past.now() == t);
        CHECK(past.world().stateHash() == freshHashAt(l.sc, l.acts, t));
    }
    // Rewinding the live run keeps the actions before t and drops the rest (the dispatch change at minute 18).
    s.rewind(t0 + 10 * kMinute);
    CHECK(s.run().now() == t0 + 10 * kMinute);
    s.runToEnd();
    CHECK(s.run().world().stateHash() == freshHashAt(l.sc, {}, s.run().end()));
}

TEST_CASE("branch: a new run from a rewound moment, saved with its parent, replays exactly") {
    const Loaded poor = load("shovel_breakdown_peak", "poor");
    TrainingSession s(startTraining(poor.sc, poor.acts), 30 * kMinute);
    s.runToEnd();
    const Time t = s.run().start() + 20 * kMinute;
    TrainingAction fix{.kind = TrainingAction::Kind::Lever, .at = t, .name = "dispatch_rule", .value = "least_wait",
                       .by = "trainee"};
    TrainingRun b = s.branch(t, {fix});
    b.runToEnd();
    // Five minutes after the faults. (At 40 min the fix came too late to gain 5 points once the crews' restart after
    // the 08:00 change at the park-up sends the fleet out in one wave: most of it already queues at the broken
    // faces by then, and trucks queued at a broken face stay.)
    CHECK(b.score().total > s.run().score().total + 5);
    const ReplayRecord rec = roundTrip(b, {.runId = "b1", .trainee = {}, .parentId = "p1", .branchAt = t});
    CHECK(rec.meta.parentId == "p1");
    REQUIRE(rec.meta.branchAt);
    CHECK(*rec.meta.branchAt == t);
    REQUIRE(rec.actions.size() == 1);  // the parent's action at minute 200 is after the branch point
    TrainingRun again = replayRun(rec);
    again.runUntil(rec.end);
    CHECK(again.world().stateHash() == b.world().stateHash());
    // The branch is the parent up to t.
    CHECK(freshHashAt(poor.sc, poor.acts, t) == freshHashAt(poor.sc, {fix}, t));
}

TEST_CASE("bad replay files are refused with the field") {
    const Loaded l = load("truck_shortage", "good");
    TrainingRun run = startTraining(l.sc, l.acts);
    run.runUntil(run.start() + 30 * kMinute);
    const nlohmann::json good = replayJson(run, {.runId = "r", .trainee = {}, .parentId = {}, .branchAt = {}});
    const auto why = [](const nlohmann::json& j) {
        ReplayRecord r;
        std::string w;
        CHECK_FALSE(parseReplay(j.dump(), "r.json", r, &w));
        return w;
    };
    nlohmann::json j = good;
    j["version"] = 99;
    CHECK(has(why(j), "r.json: version: this program reads replay versions 1..1, the file is version 99"));
    j = good;
    j["state_hash"] = "xyz";
    CHECK(has(why(j), "state_hash: expected 16 hex digits"));
    j = good;
    j["params"]["mine.truks"] = "3";
    CHECK(has(why(j), "params.mine.truks: unknown parameter"));
    j = good;
    j["actions"][0]["name"] = "fleet_truck";
    CHECK(has(why(j), "actions[0].name: unknown lever 'fleet_truck'"));
    j = good;
    j.erase("seed");
    CHECK(has(why(j), "seed: expected a whole number"));
    ReplayRecord r;
    std::string w;
    CHECK_FALSE(parseReplay("{\"format\": ", "r.json", r, &w));
    CHECK(has(w, "r.json:1:"));
}
