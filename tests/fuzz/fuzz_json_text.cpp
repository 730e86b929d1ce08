// The strict JSON reader every data file goes through (sim/json_text.h): parse with the nesting limit, the duplicate-key
// check and positions; a document it accepts must print and read back to itself; the UTF-8 helpers on raw bytes.
#include "sim/json_text.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string in = fuzz::text(data, size);
    sim::OrderedJson root;
    std::string why;
    if (sim::parseJsonText(in, "fuzz.json", sim::kDataFileMaxDepth, "fuzz", &root, &why)) {
        const std::string printed = root.dump();
        sim::OrderedJson again;
        if (!sim::parseJsonText(printed, "printed.json", sim::kDataFileMaxDepth, "fuzz", &again, &why))
            fuzz::fail("an accepted document printed as text the reader refuses: " + why);
        if (again != root) fuzz::fail("an accepted document does not read back to itself: " + printed);
        (void)sim::jsonTypeName(root);
    } else if (why.empty()) {
        fuzz::fail("parseJsonText refused without saying why");
    } else if (!sim::isValidUtf8(why)) {
        fuzz::fail("an error message is not valid UTF-8: " + why);
    }
    (void)sim::textPosition("fuzz.json", in, size / 2 + 1);
    const std::string escaped = sim::escapeInvalidUtf8(in);
    if (!sim::isValidUtf8(escaped)) fuzz::fail("escapeInvalidUtf8 left invalid UTF-8");
    if (sim::isValidUtf8(in) && escaped != in) fuzz::fail("escapeInvalidUtf8 changed valid UTF-8");
    return 0;
}
