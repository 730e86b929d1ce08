// The window's training run (app/training_desk.h) against independent runs of the same scenario: a lever or a fault
// sent through the desk ends in the state a headless TrainingRun given the same action reaches; a rewound moment is
// the state a fresh run reaches at that moment; a branch is a second, linked record; the records read back with
// app::Records. Each case drives the desk as the window does: advance(wall seconds) frame after frame.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

#include "app/records.h"
#include "app/training_desk.h"
#include "sim/replay.h"
#include "sim/training.h"

namespace {

namespace fs = std::filesystem;
const std::string kTraining = std::string(ALMALYK_SOURCE_DIR) + "/assets/scenarios/training/";

fs::path freshDb(const std::string& tag) {
    const fs::path d = fs::temp_directory_path() / ("almalyk-desk-" + tag + "-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d / "records.db";
}

app::DeskStart furnace(const fs::path& db) {
    return {.scenario = kTraining + "furnace_overheating.json", .trainee = "T. Test", .assetsDir = {},
            .recordsPath = db.string(), .seed = std::nullopt, .actions = {}, .actionsFile = {}};
}

// Frames of 1/30 s at the desk's speed until the live run reaches `minute` (or ends).
void runToMinute(app::TrainingDesk& d, double minute) {
    const sim::Time until = d.live().start() + sim::fromSeconds(minute * 60.0);
    for (int i = 0; i < 2000000 && d.live().now() < until && !d.live().finished(); ++i) d.advance(1.0 / 30.0);
}

sim::TrainingScenario loadFurnace() {
    sim::TrainingScenario sc;
    std::string why;
    REQUIRE_MESSAGE(sim::loadTrainingScenario(kTraining + "furnace_overheating.json", sc, &why), why);
    return sc;
}

}  // namespace

TEST_CASE("training desk: a lever and an instructor's fault end where a headless run with the same actions ends") {
    const fs::path db = freshDb("lever");
    std::string runId;
    sim::TrainingAction lever, fault;
    std::uint64_t hash = 0;
    double total = 0;
    {
        app::TrainingDesk d;
        std::string why;
        d.setSpeed(3600);
        REQUIRE_MESSAGE(d.start(furnace(db), &why), why);
        runId = d.runId();
        runToMinute(d, 6);
        CHECK_FALSE(d.lever("fleet_trucks", "40", &why));            // not a lever of this scenario
        CHECK(why.find("fleet_trucks") != std::string::npos);
        CHECK_FALSE(d.lever("oxygen_enrichment", "3", &why));        // out of the lever's limits
        CHECK(d.live().actions().empty());
        REQUIRE_MESSAGE(d.lever("oxygen_enrichment", "0.6", &why), why);
        runToMinute(d, 40);
        REQUIRE_MESSAGE(d.injectFault("smelter.acid_plant", &why), why);
        d.advance(1.0 / 30.0);
        REQUIRE(d.live().actions().size() == 2);
        lever = d.live().actions()[0];
        fault = d.live().actions()[1];
        CHECK(fault.by == "instructor");
        // Freeze: frames pass, the clock does not.
        d.setFrozen(true);
        const sim::Time frozenAt = d.live().now();
        for (int i = 0; i < 30; ++i) d.advance(1.0 / 30.0);
        CHECK(d.live().now() == frozenAt);
        d.setFrozen(false);
        d.setSpeed(36000);
        runToMinute(d, 24 * 60);
        REQUIRE(d.live().finished());
        CHECK(d.phase() == app::TrainingDesk::Phase::Debrief);
        hash = d.live().world().stateHash();
        total = d.live().score().total;
        bool faultOnTimeline = false;
        for (const sim::TimelineEntry& e : d.live().timeline())
            faultOnTimeline |= e.kind == sim::TimelineEntry::Kind::Fault && e.key == "smelter.acid_plant" && e.by == "instructor";
        CHECK(faultOnTimeline);
    }
    // The reference: a headless run given the two actions at the boundaries they applied at.
    const sim::TrainingScenario sc = loadFurnace();
    sim::TrainingRun ref = sim::startTraining(sc, {lever, fault});
    ref.runToEnd();
    CHECK(ref.world().stateHash() == hash);
    CHECK(ref.score().total == doctest::Approx(total));
    // The record: complete, with that score and state.
    std::string notice, why;
    auto rec = app::Records::open(db.string(), &notice, &why);
    REQUIRE_MESSAGE(rec, why);
    const auto row = rec->run(runId);
    REQUIRE(row);
    CHECK(row->complete);
    CHECK(row->trainee == "T. Test");
    CHECK(row->stateHash == sim::hashText(hash));
    CHECK(row->total == doctest::Approx(total).epsilon(1e-6));
    fs::remove_all(db.parent_path());
}

TEST_CASE("training desk: rewind shows the state a fresh run has at that moment; a branch is a linked second record") {
    const fs::path db = freshDb("branch");
    const sim::TrainingScenario sc = loadFurnace();
    app::TrainingDesk d;
    std::string why;
    d.setSpeed(3600);
    REQUIRE_MESSAGE(d.start(furnace(db), &why), why);
    runToMinute(d, 25);
    d.snapshot();
    REQUIRE(d.snapshots().size() == 1);
    runToMinute(d, 70);
    const std::string parent = d.runId();
    const sim::Time liveNow = d.live().now();

    // Rewind to minute 37 (between the periodic snapshots): a fresh run of the scenario to that moment.
    const sim::Time t = d.live().start() + 37 * sim::kMinute;
    d.view(t);
    REQUIRE(d.viewing());
    sim::TrainingRun fresh = sim::startTraining(sc, {});
    fresh.runUntil(t);
    CHECK(d.shown().now() == fresh.now());
    CHECK(d.shown().world().stateHash() == fresh.world().stateHash());
    // Scrubbing forward a few minutes steps the shown copy on: still the fresh run's state.
    d.view(t + 3 * sim::kMinute);
    fresh.runUntil(t + 3 * sim::kMinute);
    CHECK(d.shown().world().stateHash() == fresh.world().stateHash());
    // While viewing, the live run waits and the trainee's levers are refused with the reason.
    for (int i = 0; i < 10; ++i) d.advance(1.0 / 30.0);
    CHECK(d.live().now() == liveNow);
    CHECK_FALSE(d.lever("oxygen_enrichment", "0.6", &why));
    d.backToLive();
    CHECK_FALSE(d.viewing());

    // Branch from minute 37: a new live run at that moment, linked to its parent.
    d.view(t);
    REQUIRE_MESSAGE(d.branch(&why), why);
    CHECK(d.parentId() == parent);
    CHECK(d.runId() != parent);
    CHECK(d.live().now() == t);
    CHECK(d.snapshots().size() == 1);   // the snapshot at minute 25, before t, is kept
    REQUIRE_MESSAGE(d.lever("smelter_feed_t_h", "80", &why), why);
    runToMinute(d, 50);
    d.save();
    std::string notice;
    auto rec = app::Records::open(db.string(), &notice, &why);
    REQUIRE_MESSAGE(rec, why);
    const auto runs = rec->runs();
    REQUIRE(runs.size() == 2);
    const auto child = rec->run(d.runId());
    REQUIRE(child);
    CHECK(child->parentId == parent);
    REQUIRE(child->branchAtUs);
    CHECK(*child->branchAtUs == 37 * sim::kMinute);
    CHECK_FALSE(child->complete);                     // still running
    const auto par = rec->run(parent);
    REQUIRE(par);
    CHECK(par->complete);                             // closed when the branch took over
    fs::remove_all(db.parent_path());
}

TEST_CASE("training desk: a run left in the middle (the window closed) stays in the records, incomplete") {
    const fs::path db = freshDb("close");
    std::string id, why;
    {
        app::TrainingDesk d;
        d.setSpeed(3600);
        REQUIRE_MESSAGE(d.start(furnace(db), &why), why);
        id = d.runId();
        runToMinute(d, 30);
    }
    std::string notice;
    auto rec = app::Records::open(db.string(), &notice, &why);
    REQUIRE_MESSAGE(rec, why);
    const auto row = rec->run(id);
    REQUIRE(row);
    CHECK_FALSE(row->complete);
    CHECK(row->simHours >= 0.5);       // frames of 2 sim minutes: at most one past minute 30
    CHECK(row->simHours <= 0.55);
    // An unknown scenario is refused with the list of the real ones, and the desk stays idle.
    app::TrainingDesk d;
    app::DeskStart bad = furnace(db);
    bad.scenario = "furnace_overheat";
    CHECK_FALSE(d.start(bad, &why));
    CHECK(why.find("furnace_overheating") != std::string::npos);
    CHECK_FALSE(d.active());
    fs::remove_all(db.parent_path());
}
