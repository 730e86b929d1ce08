// app/cli_run.cpp — parseAndRun and the build's CLI context (see cli.h). Kept apart from the parser so that the
// parser's tests link without the modes and the scenes.
#include <cstdio>
#include <exception>
#include <variant>

#include "app/cli.h"
#include "scenes/scene.h"

namespace app {

CliContext defaultCliContext() { return CliContext{scenes::sceneNames(), scenes::kDefaultScene}; }

int parseAndRun(int argc, char** argv) {
    try {
        const ParsedCommand cmd = parseCommandLine(argc, argv, defaultCliContext());
        if (const auto* exit = std::get_if<CliExit>(&cmd)) {
            std::fputs(exit->out.c_str(), stdout);
            std::fputs(exit->err.c_str(), stderr);
            return exit->code;
        }
        if (const auto* o = std::get_if<InteractiveOptions>(&cmd)) return runInteractive(*o);
        if (const auto* o = std::get_if<SimOptions>(&cmd)) return runSim(*o);
        if (const auto* o = std::get_if<ParamsOptions>(&cmd)) return runParams(*o);
        if (const auto* o = std::get_if<MetricsOptions>(&cmd)) return runMetrics(*o);
        if (std::get_if<ScenesOptions>(&cmd)) return runScenes();
        if (const auto* o = std::get_if<ToursOptions>(&cmd)) return runTours(*o);
        if (const auto* o = std::get_if<FaultsOptions>(&cmd)) return runFaults(*o);
        if (const auto* o = std::get_if<ShotOptions>(&cmd)) return runShot(*o);
        if (const auto* o = std::get_if<VideoOptions>(&cmd)) return runVideo(*o);
        if (const auto* o = std::get_if<TrainOptions>(&cmd)) return runTrain(*o);
        if (const auto* o = std::get_if<ReplayOptions>(&cmd)) return runReplay(*o);
        if (const auto* o = std::get_if<RecordsOptions>(&cmd)) return runRecords(*o);
        if (const auto* o = std::get_if<ReportOptions>(&cmd)) return runReport(*o);
        return runBench(std::get<BenchOptions>(cmd));
    } catch (const std::exception& e) {
        // Modes report their own errors; reaching here is a bug, and the user still deserves a message.
        std::fprintf(stderr, "almalyk: internal error: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "almalyk: internal error (unknown exception)\n");
    }
    return 1;
}

}  // namespace app
