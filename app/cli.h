// app/cli.h — the one command-line parser for every mode (design.md's command-line contract; docs/cli.md).
// Use: main() returns app::parseAndRun(argc, argv). Tests call app::parseCommandLine(), which only parses and
// validates (no mode runs, no file is written), with an explicit list of scene names.
//   almalyk [--scene NAME] [--size WxH] [--fullscreen]                 interactive window
//   almalyk [--tour NAME] [--kiosk [--idle-s N]] [--lang CODE]         a tour in the window; the attract loop
//   almalyk sim | params | metrics | faults | scenes | tours | shot | bench ...   see docs/cli.md
// Errors: bad input becomes CliExit{2, "", message}; the message names the mode, the flag and the value, and says
// what was expected (e.g. "almalyk shot: --size '1280x': expected WxH like 1280x720, each side 16..8192 pixels").
// --help and --version become CliExit{0, text, ""}.
// Does NOT: check parameter names given to --set (the modes do that against the registry, with the closest names),
// read scenario files, or create output folders.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "app/options.h"

namespace app {

// What the parser must know about the rest of the program.
struct CliContext {
    std::vector<std::string> sceneNames;  // valid --scene values, in menu order
    std::string defaultScene;             // filled in when --scene is not given
};

// Parsing ended without a mode to run: help, version, or bad input.
struct CliExit {
    int code = 0;          // 0 help/version, 2 bad input
    std::string out;       // text for stdout (help, version)
    std::string err;       // text for stderr (what was wrong, where, and what was expected)
};

struct ParamsOptions : CommonOptions {};
struct MetricsOptions : CommonOptions {};
struct ScenesOptions : CommonOptions {};
struct ToursOptions : CommonOptions {};

using ParsedCommand = std::variant<InteractiveOptions, SimOptions, ParamsOptions, MetricsOptions, ScenesOptions, ToursOptions,
                                   FaultsOptions, ShotOptions, BenchOptions, VideoOptions, TrainOptions, ReplayOptions,
                                   RecordsOptions, ReportOptions,
                                   CliExit>;

// Parses argv (argv[0] is the program name) into the options of one mode, validated, or a CliExit.
ParsedCommand parseCommandLine(int argc, const char* const* argv, const CliContext& ctx);

// The context of this build: scenes::sceneNames() and scenes::kDefaultScene.
CliContext defaultCliContext();

// Parses, prints help/version/errors, runs the chosen mode and returns the process exit code
// (0 success, 2 bad input, 1 anything else; an exception escaping a mode is reported and gives 1).
int parseAndRun(int argc, char** argv);

// "almalyk 0.1.0 (Almalyk Explorer)"
std::string versionText();

}  // namespace app
