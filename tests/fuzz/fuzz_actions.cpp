// A scripted trainee's actions file (almalyk train --actions, sim/training.h) against a real scenario (shovel breakdown
// at peak: levers with a choice, a count and the dispatcher's assignment): every action the parser accepts passes the
// check a live action gets, in time order from the start, and an assignment's value gives a command.
#include <fstream>
#include <sstream>

#include "sim/training.h"
#include "tests/fuzz/fuzz_common.h"

namespace {

sim::TrainingScenario load() {
    std::ifstream f(std::string(ALMALYK_SOURCE_DIR) + "/assets/scenarios/training/shovel_breakdown_peak.json");
    std::stringstream ss;
    ss << f.rdbuf();
    sim::TrainingScenario sc;
    std::string why;
    if (!sim::parseTrainingScenario(ss.str(), "shovel_breakdown_peak.json", sc, &why)) fuzz::fail("fixture: " + why);
    return sc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const sim::TrainingScenario sc = load();
    static const sim::Time start = sim::trainingStart(sc);
    std::vector<sim::TrainingAction> acts;
    std::string why;
    if (!sim::parseTrainingActions(fuzz::text(data, size), "fuzz.json", sc, start, acts, &why)) {
        if (why.empty()) fuzz::fail("parseTrainingActions refused without saying why");
        return 0;
    }
    sim::Time last = start;
    for (const sim::TrainingAction& a : acts) {
        std::string w;
        if (!sim::checkTrainingAction(sc, a, &w)) fuzz::fail("an accepted action fails the live check: " + w);
        if (a.at < last) fuzz::fail("actions out of time order");
        last = a.at;
        if (a.kind == sim::TrainingAction::Kind::Lever && a.name == "assign_truck") {
            std::string trucks, shovel;
            if (!sim::parseAssignValue(a.value, trucks, shovel, &w)) fuzz::fail("an accepted assignment does not parse");
            if (trucks.rfind("mine.truck:", 0) != 0) fuzz::fail("assignment trucks: " + trucks);
        }
    }
    return 0;
}
