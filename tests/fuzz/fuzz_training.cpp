// Training scenarios (sim/training.h) as a user's --assets DIR/scenarios/training/*.json would give them: parse, then
// what a run does before its first tick: every lever named is one the simulation has, every objective's metric and
// alarm resolved, each lever's own limits accepted as an action, the start time and the scenario's timed commands.
#include "sim/training.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sim::TrainingScenario sc;
    std::string why;
    if (!sim::parseTrainingScenario(fuzz::text(data, size), "fuzz.json", sc, &why)) {
        if (why.empty()) fuzz::fail("parseTrainingScenario refused without saying why");
        return 0;
    }
    for (const std::string& name : sc.levers)
        if (!sim::findLever(name)) fuzz::fail("an accepted scenario offers an unknown lever: " + name);
    for (const sim::Objective& o : sc.objectives) {
        const bool needsMetric = o.kind != sim::ObjectiveKind::AckWithin;
        if (needsMetric && o.metricIndex < 0) fuzz::fail("objective " + o.name + " has no resolved metric");
        const bool needsAlarm = o.kind == sim::ObjectiveKind::AckWithin || o.kind == sim::ObjectiveKind::RestoreWithin;
        if (needsAlarm && o.alarmIndex < 0) fuzz::fail("objective " + o.name + " has no resolved alarm");
    }
    const sim::Time start = sim::trainingStart(sc);
    std::vector<sim::Command> cmds;
    why.clear();
    if (!sim::scenarioCommands(sc.base, start, cmds, &why) && why.empty())
        fuzz::fail("scenarioCommands refused without saying why");
    return 0;
}
