// app/options.h — what the command line (app/cli) hands to each mode. One parser fills these for every mode
// (design.md's command-line contract); each mode is a function `int runX(const XOptions&)` returning the exit code
// (0 success, 2 bad input, 1 anything else).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace app {

enum class Quality { Auto, Low, High };

struct CommonOptions {
    std::string assetsDir;  // --assets DIR; empty = the built-in assets/ folder
};

struct RenderOptions : CommonOptions {
    std::string scene;      // --scene NAME; empty = the default scene
    int width = 1280, height = 720;  // --size WxH
    Quality quality = Quality::Auto;  // --quality low|high|auto
    std::string start;      // --start ISO8601; empty = sim default start
    std::uint64_t seed = 1; // --seed N
    bool seedGiven = false; // --seed was on the command line: it wins over a scenario's own seed
    std::string camera;     // --camera N|NAME: start at that preset (1-based, or a name); empty = the first
    std::vector<std::pair<std::string, std::string>> sets;  // --set NAME=VALUE (applied before the first tick)
    std::string scenario;   // --scenario FILE
};

struct InteractiveOptions : RenderOptions {
    bool fullscreen = false;
};

struct ShotOptions : RenderOptions {
    std::string out;          // --out FILE.png (required)
    double warmupHours = 0.0; // --warmup-hours H: sim time run before the picture
    bool ui = false;          // --ui: draw the menu bar, status line and the scene's panel into the picture
    ShotOptions() { quality = Quality::High; }
};

struct BenchOptions : RenderOptions {
    int frames = 600;         // --frames N
};

struct SimOptions : CommonOptions {
    std::optional<double> days, hours;  // --days D | --hours H (default: 1 day)
    std::uint64_t seed = 1;
    bool seedGiven = false;   // --seed was given: it wins over the scenario's seed
    std::string start;
    std::vector<std::pair<std::string, std::string>> sets;
    std::string scenario;
    std::string csv;          // --csv FILE
    double everyMinutes = 60; // --every MINUTES
    std::string summary;      // --summary FILE
};

// `almalyk faults`: the fault targets for the parameters after --set and a scenario's "set" (before its timed commands).
struct FaultsOptions : CommonOptions {
    std::vector<std::pair<std::string, std::string>> sets;  // --set NAME=VALUE
    std::string scenario;   // --scenario FILE
};

int runInteractive(const InteractiveOptions& o);  // app/render_modes.cpp
int runShot(const ShotOptions& o);                 // app/render_modes.cpp
int runBench(const BenchOptions& o);               // app/render_modes.cpp
int runSim(const SimOptions& o);                   // app/sim_mode.cpp
int runParams(const CommonOptions& o);             // app/sim_mode.cpp
int runMetrics(const CommonOptions& o);            // app/sim_mode.cpp
int runScenes();                                   // app/scenes_mode.cpp
int runFaults(const FaultsOptions& o);             // app/sim_mode.cpp

// A --scenario value as a file path: the path as given when it exists (or contains '/'), else the named built-in
// (or --assets) scenario ("fleet_breakdown" or "fleet_breakdown.json"), else as given so the loader reports it.
std::string resolveScenario(const std::string& given, const std::string& assetsDir);  // app/sim_mode.cpp

}  // namespace app
