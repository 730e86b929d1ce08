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
    std::vector<std::pair<std::string, std::string>> sets;  // --set NAME=VALUE (applied before the first tick)
    std::string scenario;   // --scenario FILE
};

struct InteractiveOptions : RenderOptions {
    bool fullscreen = false;
};

struct ShotOptions : RenderOptions {
    std::string out;          // --out FILE.png (required)
    double warmupHours = 0.0; // --warmup-hours H: sim time run before the picture
    ShotOptions() { quality = Quality::High; }
};

struct BenchOptions : RenderOptions {
    int frames = 600;         // --frames N
};

struct SimOptions : CommonOptions {
    std::optional<double> days, hours;  // --days D | --hours H (default: 1 day)
    std::uint64_t seed = 1;
    std::string start;
    std::vector<std::pair<std::string, std::string>> sets;
    std::string scenario;
    std::string csv;          // --csv FILE
    double everyMinutes = 60; // --every MINUTES
    std::string summary;      // --summary FILE
};

int runInteractive(const InteractiveOptions& o);  // app/render_modes.cpp
int runShot(const ShotOptions& o);                 // app/render_modes.cpp
int runBench(const BenchOptions& o);               // app/render_modes.cpp
int runSim(const SimOptions& o);                   // app/sim_mode.cpp
int runParams(const CommonOptions& o);             // app/sim_mode.cpp

}  // namespace app
