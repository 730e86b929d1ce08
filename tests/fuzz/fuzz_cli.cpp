// The command line (app/cli.h): the input split at '\n' and '\0' is argv after the program name. Any argv must end
// as options or as a CliExit with code 0 (help, version) or 2 (bad input, with a message); nothing runs, nothing is
// written (parseCommandLine only parses and checks).
#include <variant>

#include "app/cli.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const app::CliContext ctx = app::defaultCliContext();
    std::vector<std::string> args = fuzz::split(fuzz::text(data, size));
    if (args.size() == 1 && args[0].empty()) args.clear();
    std::vector<const char*> argv{"almalyk"};
    for (const std::string& a : args) argv.push_back(a.c_str());
    const app::ParsedCommand cmd = app::parseCommandLine(static_cast<int>(argv.size()), argv.data(), ctx);
    if (const auto* e = std::get_if<app::CliExit>(&cmd)) {
        if (e->code != 0 && e->code != 2) fuzz::fail("a CliExit with code " + std::to_string(e->code));
        if (e->code == 2 && e->err.empty()) fuzz::fail("bad input (exit 2) without a message");
        if (e->code == 0 && e->out.empty()) fuzz::fail("exit 0 without help or version text");
    }
    return 0;
}
