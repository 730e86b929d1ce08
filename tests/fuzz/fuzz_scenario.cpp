// Scenario files (sim/scenario.h) from text: parse against the full parameter registry, then the timed commands for a
// run from the default start.
#include "sim/scenario.h"
#include "sim/world.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const sim::Params params = sim::makeParams();
    sim::Scenario s;
    std::string why;
    if (!sim::parseScenario(fuzz::text(data, size), "fuzz.json", params, s, &why)) {
        if (why.empty()) fuzz::fail("parseScenario refused without saying why");
        return 0;
    }
    std::vector<sim::Command> cmds;
    why.clear();
    const sim::Time start = s.start.value_or(sim::defaultStartTime());
    if (!sim::scenarioCommands(s, start, cmds, &why) && why.empty())
        fuzz::fail("scenarioCommands refused without saying why");
    // The parameters as a run applies them: every value the parser accepted must be accepted by the registry.
    sim::Params p = params;
    for (const auto& [name, value] : s.sets) {
        std::string w;
        if (!p.setFromText(name, value, &w)) fuzz::fail("a parsed set is refused when applied: " + name + "=" + value + ": " + w);
    }
    return 0;
}
