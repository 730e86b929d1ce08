// Replay files (almalyk replay FILE, sim/replay.h): parse, then what a replay does before it steps: the embedded
// scenario and the run built from the record (parameters, seed, start, actions). Running it to the end would take a
// whole training run per input; tests/sim/test_replay.cpp does that for real files.
#include "sim/replay.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sim::ReplayRecord rec;
    std::string why;
    if (!sim::parseReplay(fuzz::text(data, size), "fuzz.replay.json", rec, &why)) {
        if (why.empty()) fuzz::fail("parseReplay refused without saying why");
        return 0;
    }
    if (rec.end < rec.start) fuzz::fail("a replay that ends before it starts");
    for (const sim::TrainingAction& a : rec.actions) {
        std::string w;
        if (!sim::checkTrainingAction(rec.scenario, a, &w)) fuzz::fail("an accepted replay action fails its check: " + w);
    }
    return 0;
}
