// sim/training: training scenarios, levers, objectives and scoring (docs/training.md). Every shipped scenario is
// played by a scripted good and a scripted poor operator through the functions `almalyk train` uses; each objective
// kind passes and fails against numbers worked out here from time and counts, not from the scorer's own formulas.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "sim/metrics.h"
#include "sim/training.h"

using namespace sim;

namespace {

const std::string kDir = std::string(ALMALYK_SOURCE_DIR) + "/assets/scenarios/training/";
const std::string kScripts = std::string(ALMALYK_SOURCE_DIR) + "/tests/data/training/";

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TrainingScenario load(const std::string& id) {
    TrainingScenario sc;
    std::string why;
    REQUIRE_MESSAGE(loadTrainingScenario(kDir + id + ".json", sc, &why), why);
    return sc;
}

// As `almalyk train --scenario ID --actions tests/data/training/ID.WHO.json`.
TrainingRun play(const TrainingScenario& sc, const std::string& who) {
    std::vector<TrainingAction> acts;
    std::string why;
    REQUIRE_MESSAGE(loadTrainingActions(kScripts + sc.id + "." + who + ".json", sc, trainingStart(sc), acts, &why), why);
    TrainingRun run = startTraining(sc, acts);
    run.runToEnd();
    return run;
}

const ObjectiveScore& objective(const Score& s, const std::string& name) {
    for (const ObjectiveScore& o : s.objectives)
        if (o.name == name) return o;
    FAIL("no objective " << name);
    return s.objectives.front();
}

TrainingScenario parse(const std::string& text) {
    TrainingScenario sc;
    std::string why;
    REQUIRE_MESSAGE(parseTrainingScenario(text, "t.json", sc, &why), why);
    return sc;
}

std::vector<TrainingAction> actions(const TrainingScenario& sc, const std::string& text) {
    std::vector<TrainingAction> acts;
    std::string why;
    REQUIRE_MESSAGE(parseTrainingActions(text, "a.json", sc, trainingStart(sc), acts, &why), why);
    return acts;
}

Score scoreOf(const TrainingScenario& sc, const std::vector<TrainingAction>& acts) {
    TrainingRun run = startTraining(sc, acts);
    run.runToEnd();
    return run.score();
}

int countKind(const TrainingRun& r, TimelineEntry::Kind k) {
    int n = 0;
    for (const TimelineEntry& e : r.timeline()) n += e.kind == k;
    return n;
}

}  // namespace

TEST_CASE("a copied World is a snapshot: it steps on bit for bit as the original and reads its own units") {
    Params p = makeParams();
    p.set("mine.breakdowns", 1);
    const Time start = defaultStartTime();
    World a(p, 9, start);
    a.push({CommandType::InjectFault, "mine.shovel:2", "", start + kHour});
    a.push({CommandType::SetParam, "smelter.feed_t_h", "60", start + 3 * kHour});
    a.advance(start + 2 * kHour, 100000);
    World b(a);
    CHECK(b.stateHash() == a.stateHash());
    CHECK(&b.state().mine == &b.mine().state());
    CHECK(&b.state().smelter == &b.smelter().state());
    World c(p, 9, start);  // the same run without a copy, as the reference
    c.push({CommandType::InjectFault, "mine.shovel:2", "", start + kHour});
    c.push({CommandType::SetParam, "smelter.feed_t_h", "60", start + 3 * kHour});
    c.advance(start + 6 * kHour, 100000);
    a.advance(start + 6 * kHour, 100000);
    b.advance(start + 6 * kHour, 100000);
    CHECK(b.stateHash() == c.stateHash());
    CHECK(a.stateHash() == c.stateHash());
    CHECK(b.commandLog().size() == 2);
    CHECK(b.state().mine.truck_cycles == c.state().mine.truck_cycles);
}

TEST_CASE("every training scenario: the scripted good operator scores clearly above the poor one") {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(kDir)) {
        if (e.path().extension() != ".json") continue;
        const std::string id = e.path().stem().string();
        CAPTURE(id);
        ++n;
        const TrainingScenario sc = load(id);
        const TrainingRun good = play(sc, "good"), poor = play(sc, "poor");
        const Score g = good.score(), p = poor.score();
        MESSAGE(id << ": good " << g.total << ", poor " << p.total);
        CHECK(good.finished());
        CHECK(g.total >= p.total + 25.0);
        CHECK(g.total >= 80.0);
        CHECK(countKind(good, TimelineEntry::Kind::Refused) == 0);
        // The good operator passes every objective; the poor one fails at least one.
        for (const ObjectiveScore& o : g.objectives) CHECK_MESSAGE(o.passed, o.name << ": " << o.detail);
        bool poorFailed = false;
        for (const ObjectiveScore& o : p.objectives) poorFailed = poorFailed || !o.passed;
        CHECK(poorFailed);
        // The debrief has the trainee's actions on it.
        CHECK(countKind(good, TimelineEntry::Kind::Action) >= 1);
        CHECK(countKind(good, TimelineEntry::Kind::End) == 1);
    }
    CHECK(n >= 7);
}

TEST_CASE("shovel breakdown: a dispatcher who moves the broken shovels' trucks by hand does as well as least-wait") {
    const TrainingScenario sc = load("shovel_breakdown_peak");
    const TrainingRun hand = play(sc, "dispatcher"), poor = play(sc, "poor");
    MESSAGE("by hand " << hand.score().total << ", poor " << poor.score().total);
    CHECK(countKind(hand, TimelineEntry::Kind::Refused) == 0);
    for (const ObjectiveScore& o : hand.score().objectives) CHECK_MESSAGE(o.passed, o.name << ": " << o.detail);
    CHECK(hand.score().total >= poor.score().total + 25.0);
    // The assignments are on the debrief as the trainee wrote them, and in the command log as commands.
    int assigns = 0;
    for (const TimelineEntry& e : hand.timeline()) assigns += e.kind == TimelineEntry::Kind::Action && e.key == "assign_truck";
    CHECK(assigns == 4);
    int logged = 0;
    for (const LoggedCommand& c : hand.world().commandLog()) logged += c.command.type == CommandType::AssignTruck && c.accepted;
    CHECK(logged == 4);
    // A value that is not TRUCKS>SHOVEL is refused when the action is added, naming the format.
    std::vector<TrainingAction> acts;
    std::string why;
    CHECK_FALSE(parseTrainingActions(R"({"actions": [{"after_min": 1, "lever": "assign_truck", "value": "4 to 2"}]})",
                                     "a.json", sc, trainingStart(sc), acts, &why));
    CHECK(why.find("TRUCKS>SHOVEL") != std::string::npos);
    // Actions listed out of time order come back in time order (the fuzzer's find: the file's order was kept).
    REQUIRE(parseTrainingActions(R"({"actions": [{"after_min": 30, "ack": "*"}, {"after_min": 5, "ack": "*"},
                                                 {"at": "2026-06-21T10:10:00+05:00", "ack": "*"}]})",
                                 "a.json", sc, trainingStart(sc), acts, &why));
    REQUIRE(acts.size() == 3);
    CHECK(acts[0].at == trainingStart(sc) + 5 * kMinute);
    CHECK(acts[1].at == trainingStart(sc) + 10 * kMinute);
    CHECK(acts[2].at == trainingStart(sc) + 30 * kMinute);
}

TEST_CASE("keep_within: the share of the window's time inside the limits") {
    // 120 minutes; the fleet is 44 trucks until the lever parks 14 of them at minute 60 (in_fleet drops at once).
    const TrainingScenario sc = parse(R"({"training": true, "briefing": "b", "duration_hours": 2,
        "levers": ["fleet_trucks"],
        "objectives": [{"name": "fleet", "kind": "keep_within", "metric": "mine.trucks_in_fleet", "min": 40,
                        "pass_fraction": 0.9}]})");
    const ObjectiveScore kept = objective(scoreOf(sc, {}), "fleet");
    CHECK(kept.passed);
    CHECK(kept.score == doctest::Approx(1.0));
    const ObjectiveScore half =
        objective(scoreOf(sc, actions(sc, R"({"actions": [{"after_min": 60, "lever": "fleet_trucks", "value": 30}]})")), "fleet");
    CHECK_FALSE(half.passed);
    // Inside for the ticks ending at minutes 1..60 (the lever applies at the boundary of minute 60): 60 of 120.
    CHECK(half.score == doctest::Approx(0.5).epsilon(0.02));
}

TEST_CASE("reach_total: the metric's increase over the window against its target") {
    // sim.ticks counts ticks: a 2-hour run of 60 s ticks adds exactly 120.
    const TrainingScenario at = parse(R"({"training": true, "briefing": "b", "duration_hours": 2, "objectives": [
        {"name": "a", "kind": "reach_total", "metric": "sim.ticks", "at_least": 100},
        {"name": "b", "kind": "reach_total", "metric": "sim.ticks", "at_least": 240},
        {"name": "c", "kind": "reach_total", "metric": "sim.ticks", "at_least": 60, "from_min": 90},
        {"name": "d", "kind": "reach_total", "metric": "sim.ticks", "at_most": 60}]})");
    const Score s = scoreOf(at, {});
    CHECK(objective(s, "a").passed);
    CHECK(objective(s, "a").score == doctest::Approx(1.0));
    CHECK_FALSE(objective(s, "b").passed);
    CHECK(objective(s, "b").score == doctest::Approx(0.5));        // 120 of 240
    CHECK_FALSE(objective(s, "c").passed);                          // minutes 90..120: 30 ticks of 60
    CHECK(objective(s, "c").score == doctest::Approx(0.5));
    CHECK_FALSE(objective(s, "d").passed);
    CHECK(objective(s, "d").score == doctest::Approx(0.5));        // at most 60, got 120
    // The total weighs the four equally: (1 + 0.5 + 0.5 + 0.5) / 4.
    CHECK(s.total == doctest::Approx(62.5));
}

TEST_CASE("ack_within: each raise acknowledged in time, late ones scored by the allowed over the taken time") {
    // The crusher fault alarm is a flag with no on-delay: it raises at the first boundary after the fault (minute 31).
    const std::string text = R"({"training": true, "briefing": "b", "duration_hours": 2,
        "commands": [{"after_hours": 0.5, "fault": "transport.crusher"}],
        "objectives": [{"name": "ack", "kind": "ack_within", "alarm": "transport.crusher_fault", "minutes": 10}]})";
    const TrainingScenario sc = parse(text);
    const ObjectiveScore onTime = objective(scoreOf(sc, actions(sc, R"({"actions": [{"after_min": 35, "ack": "*"}]})")), "ack");
    CHECK(onTime.passed);
    CHECK(onTime.score == doctest::Approx(1.0));
    TrainingRun late = startTraining(sc, actions(sc, R"({"actions": [{"after_min": 60, "ack": "transport.crusher_fault"}]})"));
    late.runToEnd();
    Time raised = -1, acked = -1;
    for (const TimelineEntry& e : late.timeline()) {
        if (e.key != "transport.crusher_fault") continue;
        if (e.kind == TimelineEntry::Kind::AlarmRaised) raised = e.time;
        if (e.kind == TimelineEntry::Kind::AlarmAcked) acked = e.time;
    }
    REQUIRE(raised > 0);
    REQUIRE(acked > raised);
    const ObjectiveScore l = objective(late.score(), "ack");
    CHECK_FALSE(l.passed);
    CHECK(l.score == doctest::Approx(10.0 / (toSeconds(acked - raised) / 60.0)));
    const ObjectiveScore never = objective(scoreOf(sc, {}), "ack");
    CHECK_FALSE(never.passed);
    CHECK(never.score == 0.0);
}

TEST_CASE("restore_within: stack SO2 back under its limit within the allowed time of the alarm") {
    const TrainingScenario sc = load("acid_plant_trip");
    const TrainingRun good = play(sc, "good"), poor = play(sc, "poor");
    const ObjectiveScore g = objective(good.score(), "so2_limit"), p = objective(poor.score(), "so2_limit");
    CHECK(g.passed);
    CHECK(g.score == 1.0);
    CHECK_FALSE(p.passed);
    // The poor operator's stack stays over 30 t/h until the acid plant is back (minute 195 of the scenario): the
    // score is the 30 minutes allowed over the minutes the stack took, read off the state every tick here.
    TrainingRun probe = startTraining(sc, poor.actions());
    Time raised = -1, back = -1;
    while (!probe.finished() && back < 0) {
        probe.step();
        const State& s = probe.world().state();
        if (raised < 0) {
            for (const AlarmStatus& a : s.alarms.list)
                if (a.key == "smelter.stack_so2_high" && a.active) raised = a.raisedAt;
        } else if (readMetric(s, "smelter.stack_so2_t_h") <= 30.0) {
            back = s.time;
        }
    }
    REQUIRE(raised > 0);
    REQUIRE(back > probe.start() + 190 * kMinute);
    CHECK(p.score == doctest::Approx(30.0 / (toSeconds(back - raised) / 60.0)));
}

TEST_CASE("a condition-triggered fault: the poor operator's furnace passes 1,350 C and the lance trips") {
    const TrainingScenario sc = load("furnace_overheating");
    const TrainingRun good = play(sc, "good"), poor = play(sc, "poor");
    const auto tripped = [](const TrainingRun& r) {
        for (const TimelineEntry& e : r.timeline())
            if (e.kind == TimelineEntry::Kind::Trigger && e.key == "smelter.furnace") return true;
        return false;
    };
    CHECK(tripped(poor));
    CHECK_FALSE(tripped(good));
    CHECK_FALSE(objective(poor.score(), "no_trip").passed);
    CHECK(objective(good.score(), "no_trip").passed);
    CHECK_FALSE(poor.world().state().smelter.furnace.running);
}

TEST_CASE("triggers fire once, after their delay; hints show after theirs; end_when ends the run") {
    const TrainingScenario sc = parse(R"({"training": true, "briefing": "b", "duration_hours": 3,
        "end_when": {"metric": "sim.ticks", "above": 150},
        "triggers": [{"when": {"metric": "sim.ticks", "above": 29.5}, "after_min": 10, "fault": "transport.crusher"}],
        "hints": [{"after_min": 20, "text": "first"},
                  {"after_min": 5, "when": {"alarm": "transport.crusher_fault"}, "text": "second"}],
        "objectives": [{"name": "t", "kind": "reach_total", "metric": "sim.ticks", "at_least": 1}]})");
    TrainingRun run = startTraining(sc, {});
    run.runToEnd();
    const Time s = run.start();
    Time trig = -1, hint1 = -1, hint2 = -1, raised = -1;
    int trigs = 0;
    for (const TimelineEntry& e : run.timeline()) {
        if (e.kind == TimelineEntry::Kind::Trigger) { trig = e.time; ++trigs; }
        if (e.kind == TimelineEntry::Kind::Hint && e.detail == "first") hint1 = e.time;
        if (e.kind == TimelineEntry::Kind::Hint && e.detail == "second") hint2 = e.time;
        if (e.kind == TimelineEntry::Kind::AlarmRaised && e.key == "transport.crusher_fault") raised = e.time;
    }
    CHECK(trigs == 1);
    CHECK(trig == s + 40 * kMinute);     // the condition holds from minute 30, plus 10 minutes
    CHECK(hint1 == s + 20 * kMinute);
    REQUIRE(raised > 0);
    CHECK(hint2 == raised + 5 * kMinute);
    CHECK(run.now() == s + 151 * kMinute);  // the first boundary where more than 150 ticks have run
}

TEST_CASE("live actions: the instructor injects and clears a fault and pushes a hint; a lever not offered is refused") {
    const TrainingScenario sc = load("crusher_blockage");
    TrainingRun run = startTraining(sc, {});
    run.runUntil(run.start() + 20 * kMinute);
    std::string why;
    CHECK_FALSE(run.addAction({.kind = TrainingAction::Kind::Lever, .at = 0, .name = "fleet_trucks", .value = "40",
                               .by = "trainee"}, &why));
    CHECK(has(why, "not one this scenario offers"));
    REQUIRE(run.addAction({.kind = TrainingAction::Kind::Fault, .at = 0, .name = "concentrator.mill", .value = {},
                           .by = "instructor"}, &why));
    REQUIRE(run.addAction({.kind = TrainingAction::Kind::Hint, .at = run.now() + 5 * kMinute, .name = "look at the mill",
                           .value = {}, .by = "instructor"}, &why));
    REQUIRE(run.addAction({.kind = TrainingAction::Kind::Clear, .at = run.now() + 10 * kMinute, .name = "concentrator.mill",
                           .value = {}, .by = "instructor"}, &why));
    run.runUntil(run.start() + 40 * kMinute);
    Time fault = -1, hint = -1, cleared = -1, alarm = -1;
    for (const TimelineEntry& e : run.timeline()) {
        if (e.kind == TimelineEntry::Kind::Fault && e.key == "concentrator.mill" && e.by == "instructor") fault = e.time;
        if (e.kind == TimelineEntry::Kind::Hint && e.detail == "look at the mill") hint = e.time;
        if (e.kind == TimelineEntry::Kind::FaultCleared && e.key == "concentrator.mill") cleared = e.time;
        if (e.kind == TimelineEntry::Kind::AlarmRaised && e.key == "concentrator.mill_fault") alarm = e.time;
    }
    const Time t0 = run.start();
    CHECK(fault == t0 + 20 * kMinute);
    CHECK(hint == t0 + 25 * kMinute);
    CHECK(cleared == t0 + 30 * kMinute);
    CHECK(alarm > fault);   // the plant's alarm follows the injected fault
    CHECK(alarm < cleared);
}

TEST_CASE("every lever changes what its objectives measure") {
    struct Case {
        const char* lever;
        const char* set;          // the situation, as a scenario "set" and "commands"
        const char* commands;
        const char* from;         // the lever's value before and after (applied at the start)
        const char* to;
        const char* metric;
        double hours;
        int direction;            // +1: the metric ends higher with `to`, -1 lower
        double change;            // by at least this share of its value with `from`
    };
    const char* none = "[]";
    const char* twoShovelsDown = R"([{"after_hours": 0.25, "fault": ["mine.shovel:1", "mine.shovel:2"]}])";
    const Case cases[] = {
        {"dispatch_rule", R"("mine.breakdowns": 0)", twoShovelsDown, "fixed", "least_wait", "mine.ore_t", 4, +1, 0.1},
        {"fleet_trucks", R"("mine.breakdowns": 0)", none, "28", "40", "mine.ore_t", 4, +1, 0.1},
        // Fixed assignment, shovels 2 and 3 down: the dispatcher moves eight of their trucks to shovel 4.
        {"assign_truck", R"("mine.breakdowns": 0, "mine.dispatch": "fixed")", twoShovelsDown, "1>1",
         "2,8,14,20,26,32,3,9>4", "mine.ore_t", 4, +1, 0.1},
        {"active_shovels", R"("mine.breakdowns": 0)", none, "6", "2", "mine.mean_queue_min", 4, +1, 0.5},
        {"crusher_feed_t_h", R"("mine.breakdowns": 0)", none, "5000", "2000", "transport.crushed_t", 4, -1, 0.3},
        {"ore_route", R"("mine.breakdowns": 0)", none, "rail", "conveyor", "transport.conveyed_t", 4, +1, 0.5},
        {"mill_feed_t_h", R"("mine.breakdowns": 0)", none, "4600", "2000", "concentrator.ore_t", 4, -1, 0.3},
        {"smelter_feed_t_h", R"("mine.breakdowns": 0)", none, "82", "40", "smelter.so2_emitted_t", 4, -1, 0.2},
        // The furnace's burner holds the setpoint at normal enrichment; on a hot bath (furnace_overheating's start)
        // the N2 ballast of a leaner blast cools it (about 55 C in 4 h there).
        {"oxygen_enrichment", R"("smelter.o2_enrichment": 0.9, "smelter.feed_t_h": 100)", none, "0.9", "0.6",
         "smelter.bath_temp_c", 4, -1, 0.03},
        // The acid plant down from the start: holding the converters rolled out keeps their SO2 off the stack.
        {"converter_timing", R"("mine.breakdowns": 0)", R"([{"after_hours": 0, "fault": "smelter.acid_plant"}])", "3",
         "0", "smelter.so2_emitted_t", 4, -1, 0.3},
        {"reformer_mode", R"("mine.breakdowns": 0)", none, "follow", "base", "smr.h2_kg", 24, +1, 0.2},
        {"reformer_load", R"("weather.cloud_cover": 0.85, "h2.panel_area_m2": 20000)", none, "0.4", "1", "smr.h2_kg", 48,
         +1, 0.2},
        {"reformer_start_cover_h", R"("weather.cloud_cover": 0.85, "smr.load": 0.6)", none, "0", "12", "smr.h2_kg", 48,
         +1, 0.1},
        // A half-cloudy day, the reformer called early and its gas cut from 16:00: banked panel gas carries the night.
        {"h2_to_storage", R"("weather.cloud_cover": 0.5, "smr.start_cover_h": 12)",
         R"([{"after_hours": 10, "fault": "smr.reformer"}])", "0", "1", "h2.unserved_kg", 24, -1, 0.5},
    };
    REQUIRE(std::size(cases) == leverDefs().size());
    for (const Case& c : cases) {
        const std::string lever = c.lever;
        CAPTURE(lever);
        const std::string text = std::string(R"({"training": true, "briefing": "b", "start": "2026-06-21T06:00:00+05:00", "duration_hours": )") +
                                 std::to_string(c.hours) + R"(, "set": {)" + c.set + R"(}, "commands": )" + c.commands +
                                 R"(, "levers": [")" + c.lever +
                                 R"("], "objectives": [{"name": "m", "kind": "reach_total", "metric": ")" + c.metric +
                                 R"(", "at_least": 1}]})";
        const TrainingScenario sc = parse(text);
        const auto endValue = [&](const char* value) {
            std::string a = std::string(R"({"actions": [{"after_min": 0, "lever": ")") + c.lever + R"(", "value": ")" +
                            value + R"("}]})";
            TrainingRun run = startTraining(sc, actions(sc, a));
            run.runToEnd();
            return readMetric(run.world().state(), c.metric);
        };
        const double before = endValue(c.from), after = endValue(c.to);
        MESSAGE(lever << ": " << std::string(c.metric) << " " << before << " -> " << after);
        if (c.direction > 0) CHECK(after > before * (1 + c.change));
        else CHECK(after < before * (1 - c.change));
    }
}

TEST_CASE("training scenario errors name the file, the field and the closest names") {
    TrainingScenario sc;
    std::string why;
    const auto bad = [&](const std::string& text) {
        why.clear();
        CHECK_FALSE(parseTrainingScenario(text, "t.json", sc, &why));
        return why;
    };
    const std::string obj = R"("objectives": [{"name": "a", "kind": "reach_total", "metric": "sim.ticks", "at_least": 1}])";
    CHECK(has(bad(R"({"briefing": "b", )" + obj + "}"), "t.json: training: expected \"training\": true"));
    CHECK(has(bad(R"({"training": true, "briefing": "b", "objectives": [{"name": "a", "kind": "keep_within", "metric": "mine.ore_th", "max": 1}]})"),
              "objectives[0].metric: unknown metric 'mine.ore_th'; did you mean mine.ore_t_h"));
    CHECK(has(bad(R"({"training": true, "briefing": "b", "levers": ["dispach_rule"], )" + obj + "}"),
              "levers[0]: unknown lever 'dispach_rule'; did you mean dispatch_rule"));
    CHECK(has(bad(R"({"training": true, "briefing": "b", "objectives": [{"name": "a", "kind": "keep_between", "metric": "sim.ticks"}]})"),
              "objectives[0].kind: unknown kind 'keep_between'"));
    CHECK(has(bad(R"({"training": true, "briefing": "b", "objectives": [{"name": "a", "kind": "ack_within", "alarm": "smelter.bath_temp_hi", "minutes": 5}]})"),
              "unknown alarm 'smelter.bath_temp_hi'; did you mean smelter.bath_temp_high"));
    CHECK(has(bad(R"({"training": true, "briefing": "b", "triggers": [{"when": {"metric": "sim.ticks"}, "fault": "transport.crusher"}], )" + obj + "}"),
              "triggers[0].when: expected exactly one of \"below\" or \"above\""));
    CHECK(has(bad(R"({"training": true, "briefing": "b", "set": {"mine.truks": 3}, )" + obj + "}"), "set.mine.truks"));
    CHECK(has(bad("{\"training\": true,\n  \"briefing\": }"), "t.json:2:15"));

    const TrainingScenario ok = parse(R"({"training": true, "briefing": "b", "levers": ["smelter_feed_t_h"], )" + obj + "}");
    std::vector<TrainingAction> acts;
    const auto badActs = [&](const std::string& text) {
        why.clear();
        CHECK_FALSE(parseTrainingActions(text, "a.json", ok, trainingStart(ok), acts, &why));
        return why;
    };
    CHECK(has(badActs(R"({"actions": [{"after_min": 1, "lever": "fleet_trucks", "value": 30}]})"),
              "a.json: actions[0].lever: lever 'fleet_trucks' is not one this scenario offers; it offers smelter_feed_t_h"));
    CHECK(has(badActs(R"({"actions": [{"after_min": 1, "lever": "smelter_feed_t_h", "value": 300}]})"),
              "is outside its limits 0..120 t/h"));
    CHECK(has(badActs(R"({"actions": [{"after_min": 1, "ack": "smelter.bath_temp_hi"}]})"), "did you mean smelter.bath_temp_high"));
    CHECK(has(badActs(R"({"actions": [{"lever": "smelter_feed_t_h", "value": 30}]})"), "actions[0]: expected exactly one of \"after_min\""));
}
