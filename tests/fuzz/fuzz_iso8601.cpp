// The ISO 8601 time parser (sim/time.h) that --start, scenarios' "start"/"at" and tours' "sim.at" use; each line of the
// input is one time. An accepted time must print (formatIso8601) as text that reads back to the same instant, for
// every year the four-digit format can hold.
#include "sim/time.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    for (const std::string& line : fuzz::split(fuzz::text(data, size))) {
        sim::Time t = 0;
        std::string why;
        if (!sim::parseIso8601(line, t, &why)) {
            if (why.empty()) fuzz::fail("parseIso8601 refused without saying why");
            continue;
        }
        const sim::CivilTime c = sim::toLocalCivil(t);
        const std::string printed = sim::formatIso8601(t);
        sim::Time back = 0;
        if (c.year >= 0 && c.year <= 9999) {
            if (!sim::parseIso8601(printed, back, &why)) fuzz::fail("'" + line + "' printed as '" + printed + "', refused: " + why);
            if (back != t) fuzz::fail("'" + line + "' printed as '" + printed + "', a different instant");
        }
    }
    return 0;
}
