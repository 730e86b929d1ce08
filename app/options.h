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
    std::string tour;       // --tour NAME|FILE (window, bench, video): a tour to play (app/tour.h resolveTourPath)
    std::string lang;       // --lang CODE ("en", "ru", "de" ...): captions' language and number format; "" = en
    float uiScale = 1.0f;   // --ui-scale PERCENT / 100: text and panels larger for a presenter (View > Text size)
};

inline constexpr double kMinUiScalePercent = 50, kMaxUiScalePercent = 300;  // eng::Gui::clampUserScale's range

struct InteractiveOptions : RenderOptions {
    bool fullscreen = false;
    bool kiosk = false;     // --kiosk: the attract loop (every tour, or --tour's, repeated; a touch takes over)
    double idleS = 90;      // --idle-s N: seconds without input before the kiosk goes back to its loop
    double timeScale = 1.0; // --time-scale X: kiosk tour seconds per wall second (the soak benchmark's 20)
    double exitAfterS = 0;  // --exit-after-s N: the kiosk ends after N wall seconds; 0 = only by Ctrl+Alt+Q
    bool windowedKiosk = false;  // --windowed: the kiosk in a window (tests, the soak benchmark)
    // Training in the window (app/director_training.cpp): --train NAME|FILE starts that scenario; --training opens
    // the instructor station to choose one.
    std::string train;           // --train NAME|FILE
    bool training = false;       // --training
    std::string trainee;         // --trainee NAME
    std::string records;         // --records FILE; empty = app::defaultRecordsPath()
    std::string trainActions;    // --actions FILE: a scripted trainee (demonstrations, tests)
    double trainSpeed = 60;      // --speed N: sim seconds per wall second at the start
    bool instructor = false;     // --instructor: the instructor station shown from the start
    std::vector<std::pair<std::string, std::string>> screenshotsAt;  // --screenshot-at MIN=FILE ("end": the debrief)
    bool exitWhenDone = false;   // --exit-when-done: end once the run has ended and its screenshots are written
};

struct ShotOptions : RenderOptions {
    std::string out;          // --out FILE.png (required)
    double warmupHours = 0.0; // --warmup-hours H: sim time run before the picture
    bool ui = false;          // --ui: draw the menu bar, status line and the scene's panel into the picture
    ShotOptions() { quality = Quality::High; }
};

struct BenchOptions : RenderOptions {
    int frames = 600;         // --frames N (with --tour: at most N frames of the tour at its own pace)
    bool framesGiven = false; // --frames was given (with --tour, the default is the whole tour)
};

// `almalyk video --tour NAME --out FILE.mp4|DIR/`: a tour rendered offline at a fixed frame rate.
struct VideoOptions : RenderOptions {
    std::string out;          // --out FILE.mp4, or DIR/ (a folder for numbered PNG frames) (required)
    int fps = 30;             // --fps N
    VideoOptions() { quality = Quality::High; }
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
    bool everyGiven = false;  // --every was given (its upper bound, the run's length, applies only then)
    std::string summary;      // --summary FILE
};

// `almalyk faults`: the fault targets for the parameters after --set and a scenario's "set" (before its timed commands).
struct FaultsOptions : CommonOptions {
    std::vector<std::pair<std::string, std::string>> sets;  // --set NAME=VALUE
    std::string scenario;   // --scenario FILE
};

// `almalyk train`: a headless training run (docs/training.md), or --levers / --list / --bench-rewind.
struct TrainOptions : CommonOptions {
    std::string scenario;     // --scenario NAME|FILE (a name is looked up in <assets>/scenarios/training/)
    std::string actions;      // --actions FILE: the scripted trainee; empty = a trainee who does nothing
    std::string out;          // --out FILE: write the replay file there (atomically)
    std::string trainee;      // --trainee NAME (recorded in the replay)
    std::optional<std::uint64_t> seed;  // --seed N: instead of the scenario's
    bool levers = false;      // --levers: list every lever and exit
    bool list = false;        // --list: list the training scenarios and exit
    bool benchRewind = false; // --bench-rewind: the rewind benchmark (one JSON line)
    double benchHours = 8;    // --hours H: the benchmark's session length
    double snapshotMin = 30;  // --snapshot-min N: minutes of sim time between snapshots
    bool record = false;      // --record or --records FILE: keep the run in the trainee records (SQLite)
    std::string records;      // --records FILE; empty = app::defaultRecordsPath()
    double speed = 0;         // --speed N: sim seconds per wall second, as the window runs (0: as fast as it can)
};

// `almalyk replay FILE|RUN`: re-simulates a replay file (or a recorded run) and compares the final state hash.
struct ReplayOptions : CommonOptions {
    std::string file;
    std::string records;      // --records FILE: where a RUN id is looked up; empty = the default records
};

// `almalyk records`: the trainee records, listed (tab-separated) or exported as CSV.
struct RecordsOptions : CommonOptions {
    std::string records;      // --records FILE; empty = app::defaultRecordsPath()
    std::string trainee;      // --trainee NAME: only that trainee's runs
    std::string csv;          // --csv FILE: the runs as CSV ("-": stdout)
    std::string objectivesCsv;  // --objectives-csv FILE: one line per objective result
};

// `almalyk report RUN --out FILE.html`: a printable report of one run (score, objectives, timeline, plots).
struct ReportOptions : CommonOptions {
    std::string run;          // a run id from the records, or a replay file
    std::string out;
    std::string records;
};

int runInteractive(const InteractiveOptions& o);  // app/render_modes.cpp
int runShot(const ShotOptions& o);                 // app/render_modes.cpp
int runBench(const BenchOptions& o);               // app/render_modes.cpp
int runSim(const SimOptions& o);                   // app/sim_mode.cpp
int runParams(const CommonOptions& o);             // app/sim_mode.cpp
int runMetrics(const CommonOptions& o);            // app/sim_mode.cpp
int runScenes();                                   // app/scenes_mode.cpp
int runFaults(const FaultsOptions& o);             // app/sim_mode.cpp
int runTours(const CommonOptions& o);              // app/tours_mode.cpp
int runVideo(const VideoOptions& o);               // app/video_mode.cpp
int runTrain(const TrainOptions& o);               // app/train_mode.cpp
int runReplay(const ReplayOptions& o);             // app/replay_mode.cpp
int runRecords(const RecordsOptions& o);           // app/records_mode.cpp
// A RUN argument of replay or report: a replay file when one is at that path, else a run id looked up in the records
// (`records`, or the default). The replay's text, a label for messages, and the recorded wall-clock session; false
// with a message on stderr and the exit code in *rc.
bool loadRunText(const std::string& run, const std::string& records, const char* mode, std::string* text, std::string* label,
                 std::string* wallStart, std::string* wallEnd, int* rc);  // app/records_mode.cpp
int runReport(const ReportOptions& o);             // app/records_mode.cpp

// A --scenario value as a file path: the path as given when it exists (or contains '/'), else the named built-in
// (or --assets) scenario in `folder` ("fleet_breakdown" or "fleet_breakdown.json"), else as given so the loader
// reports it. Training scenarios live in "assets/scenarios/training/".
std::string resolveScenario(const std::string& given, const std::string& assetsDir,
                            const std::string& folder = "assets/scenarios/");  // app/sim_mode.cpp

}  // namespace app
