// app/cli.cpp — see cli.h. Values are read by CLI11 as text and validated here, so every message has the same form:
// "almalyk <mode>: <flag> '<value>': expected <what>". parseAndRun lives in cli_run.cpp so that tests can link the
// parser without the modes.
#include "app/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <optional>

#include "engine/i18n.h"
#include "sim/time.h"

#ifndef ALMALYK_VERSION
#define ALMALYK_VERSION "dev"
#endif

namespace app {
namespace {

namespace fs = std::filesystem;

constexpr int kBadInput = 2;
// 16 keeps a picture visible; 8192 is a 64-megapixel print (a 16384x16384 shot took minutes and 6.6 GB; 8192x8192
// takes about 50 s and 1.7 GB in software). A GPU with a smaller limit is checked at run time (app/screenshot.h).
constexpr int kMinSide = 16, kMaxSide = 8192;
constexpr int kMaxFrames = 1'000'000;
constexpr double kMaxIdleS = 86'400;  // a day: beyond it a kiosk would never return to its loop
constexpr double kMaxSimDays = 36'600;  // a century: far beyond any study, well inside int64 microseconds

// ---- the raw text of each mode's flags, as CLI11 fills it; unset = flag not given ("" is given, and checked) ----

using Text = std::optional<std::string>;

struct RawCommon {
    Text assets;
};
struct RawRender : RawCommon {
    Text scene, size, quality, seed, start, scenario, camera, lang, uiScale;
    std::vector<std::string> sets;
    Text tour;  // window, bench and video only
};
struct RawInteractive : RawRender {
    bool fullscreen = false, kiosk = false, windowed = false;
    Text idleS, timeScale, exitAfterS;
    Text train, trainee, records, actions, speed;
    bool training = false, instructor = false, exitWhenDone = false;
    std::vector<std::string> screenshotsAt;
};
struct RawShot : RawRender {
    Text out, warmupHours;
    bool ui = false;
};
struct RawBench : RawRender {
    Text frames;
};
struct RawVideo : RawRender {
    Text out, fps;
};
struct RawFaults : RawCommon {
    Text scenario;
    std::vector<std::string> sets;
};
// [training] train and replay (issue 14)
struct RawTrain : RawCommon {
    Text scenario, actions, out, trainee, seed, hours, snapshotMin, records, speed;
    bool levers = false, list = false, benchRewind = false, record = false;
};
struct RawReplay : RawCommon {
    std::vector<std::string> files;
    Text records;
};
struct RawRecords : RawCommon {
    Text records, trainee, csv, objectivesCsv;
};
struct RawReport : RawCommon {
    std::vector<std::string> runs;
    Text records, out;
};
struct RawSim : RawCommon {
    Text days, hours, seed, start, scenario, csv, every, summary;
    std::vector<std::string> sets;
};

CLI::Option* addText(CLI::App& app, const std::string& flag, Text& target, const std::string& help,
                     const std::string& typeName) {
    return app.add_option_function<std::string>(flag, [&target](const std::string& v) { target = v; }, help)
        ->type_name(typeName);
}

void addCommon(CLI::App& app, RawCommon& r) {
    addText(app, "--assets", r.assets, "Folder laid out like assets/ (your own models, tours, scenarios)", "DIR");
}

void addSimInputs(CLI::App& app, Text& seed, Text& start, std::vector<std::string>& sets, Text& scenario) {
    addText(app, "--seed", seed, "Random seed (whole number >= 0); same seed, same run. Default 1", "N");
    addText(app, "--start", start, std::string("Simulation start, ISO 8601 (default ") + sim::kDefaultStart + ")",
            "ISO8601");
    app.add_option("--set", sets, "Set a parameter before the first tick (repeatable; see 'almalyk params')")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    addText(app, "--scenario", scenario, "Scenario file (JSON) of timed commands", "FILE");
}

void addRender(CLI::App& app, RawRender& r, const CliContext& ctx) {
    std::string scenes;
    for (const std::string& s : ctx.sceneNames) scenes += (scenes.empty() ? "" : ", ") + s;
    addText(app, "--scene", r.scene, "Scene: " + scenes + " (default " + ctx.defaultScene + ")", "NAME");
    addText(app, "--size", r.size, "Window or picture size in pixels, e.g. 1920x1080 (default 1280x720)", "WxH");
    addText(app, "--quality", r.quality, "Rendering quality: low | high | auto (default auto; shot: high)", "PRESET");
    addText(app, "--camera", r.camera,
            "Camera preset: its number (1 = the first, as keys 1-9) or name, e.g. 2 or \"haul ramp\"; a wrong one "
            "lists the scene's presets (default 1)",
            "N|NAME");
    addText(app, "--lang", r.lang, "Language of the interface, captions and numbers: en, ru, uz, de, ja, ko, ar (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)", "CODE");
    addText(app, "--ui-scale", r.uiScale,
            "Text and panel size in percent, for a presenter: 100, 125, 150, 200 (50..300; default 100; the View "
            "menu's Text size)",
            "PERCENT");
    addSimInputs(app, r.seed, r.start, r.sets, r.scenario);
    addCommon(app, r);
}

void addTour(CLI::App& app, RawRender& r, const std::string& help) {
    addText(app, "--tour", r.tour, help + " ('almalyk tours' lists them; docs/tours.md)", "NAME|FILE");
}

// ---- validation: the first error wins; every message names the mode, the flag and the value ----

class Checker {
public:
    explicit Checker(std::string mode) : m_mode(std::move(mode)) {}
    bool ok() const { return m_err.empty(); }
    void fail(const std::string& what) {
        if (m_err.empty()) m_err = "almalyk" + (m_mode.empty() ? "" : " " + m_mode) + ": " + what;
    }
    void fail(const std::string& flag, const std::string& value, const std::string& expected) {
        fail(flag + " '" + value + "': " + expected);
    }
    CliExit exit() const {
        const std::string help = m_mode.empty() ? "almalyk --help" : "almalyk " + m_mode + " --help";
        return CliExit{kBadInput, "", m_err + "\n(run '" + help + "' for the options)\n"};
    }

private:
    std::string m_mode, m_err;
};

std::optional<std::uint64_t> parseUnsigned(const std::string& s) {
    std::uint64_t v = 0;
    if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return {};
    return v;
}

std::optional<double> parseNumber(const std::string& s) {
    double v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) return {};
    return v;
}

void checkSeed(Checker& c, const Text& text, std::uint64_t& out, bool& given) {
    if (!text) return;
    if (auto v = parseUnsigned(*text)) {
        out = *v;
        given = true;
    } else
        c.fail("--seed", *text, "expected a whole number 0..18446744073709551615");
}

void checkStart(Checker& c, const Text& text, std::string& out) {
    if (!text) return;
    sim::Time t = 0;
    std::string why;
    if (sim::parseIso8601(*text, t, &why))
        out = *text;
    else if (why.empty())
        c.fail("--start", *text, "expected ISO 8601 like 2026-06-21T08:00:00+05:00");
    else
        c.fail("--start " + why);  // sim::parseIso8601 quotes the text itself
}

void checkSets(Checker& c, const std::vector<std::string>& sets, std::vector<std::pair<std::string, std::string>>& out) {
    for (const std::string& s : sets) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == s.size()) {
            c.fail("--set", s, "expected NAME=VALUE, e.g. --set mine.trucks=30 ('almalyk params' lists the names)");
            return;
        }
        out.emplace_back(s.substr(0, eq), s.substr(eq + 1));
    }
}

void checkAssets(Checker& c, const Text& dir, CommonOptions& out) {
    if (!dir) return;
    std::error_code ec;
    if (!dir->empty() && fs::is_directory(*dir, ec))
        out.assetsDir = *dir;
    else
        c.fail("--assets", *dir, fs::exists(*dir, ec) ? "is not a folder; expected a folder laid out like assets/"
                                                    : "folder not found; expected a folder laid out like assets/");
}

// --lang CODE: the form first (a typo gets the expected form), then whether a catalog ships for it (engine/i18n.h).
void checkLang(Checker& c, const Text& lang, std::string& out) {
    if (!lang) return;
    const std::string& l = *lang;
    const std::size_t sep = l.find_first_of("_-");
    const std::string base = l.substr(0, sep), region = sep == std::string::npos ? "" : l.substr(sep + 1);
    const auto letters = [](const std::string& s, bool lower) {
        return std::all_of(s.begin(), s.end(), [lower](char ch) {
            return (ch >= 'a' && ch <= 'z') || (!lower && ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')));
        });
    };
    if (base.size() < 2 || base.size() > 3 || !letters(base, true) ||
        (sep != std::string::npos && (region.size() < 2 || region.size() > 8 || !letters(region, false))))
        c.fail("--lang", l, "expected a language code like en, ru, uz, de (optionally with a region: pt_BR)");
    else if (!eng::findLanguage(l))
        c.fail("--lang", l, "unknown language; known: " + eng::languageCodes());
    else
        out = l;
}

// An output file must be creatable: its folder exists and is writable, and the path is not itself a folder.
void checkWritable(Checker& c, const std::string& flag, const Text& given, const char* example, std::string& out) {
    if (!given) return;
    const std::string& path = *given;
    out = path;
    std::error_code ec;
    if (path.empty()) {
        c.fail(flag, path, std::string("expected a file name like ") + example);
        return;
    }
    if (fs::is_directory(path, ec)) {
        c.fail(flag, path, std::string("is a folder; expected a file name like ") + example);
        return;
    }
    fs::path dir = fs::path(path).parent_path();
    if (dir.empty()) dir = ".";
    if (!fs::is_directory(dir, ec))
        c.fail(flag, path, "folder '" + dir.string() + "' does not exist");
    else if (::access(dir.c_str(), W_OK) != 0 || (fs::exists(path, ec) && ::access(path.c_str(), W_OK) != 0))
        c.fail(flag, path, "cannot write there (permission denied)");
}

// The scenario file itself is read by the mode (it reports file, line and field); here only an empty name is refused.
void checkScenario(Checker& c, const Text& text, std::string& out) {
    if (!text) return;
    if (text->empty()) c.fail("--scenario", *text, "expected a scenario file name, e.g. assets/scenarios/NAME.json");
    out = *text;
}

void checkRender(Checker& c, const RawRender& r, const CliContext& ctx, RenderOptions& o) {
    o.scene = r.scene ? *r.scene : ctx.defaultScene;
    if (std::find(ctx.sceneNames.begin(), ctx.sceneNames.end(), o.scene) == ctx.sceneNames.end()) {
        std::string known;
        for (const std::string& s : ctx.sceneNames) known += (known.empty() ? "" : ", ") + s;
        c.fail("--scene", o.scene, "unknown scene; known scenes: " + known);
    }
    if (r.size) {
        const std::string& size = *r.size;
        const auto x = size.find('x');
        const auto w = x == std::string::npos ? std::nullopt : parseUnsigned(size.substr(0, x));
        const auto h = x == std::string::npos ? std::nullopt : parseUnsigned(size.substr(x + 1));
        if (!w || !h || *w < kMinSide || *w > kMaxSide || *h < kMinSide || *h > kMaxSide)
            c.fail("--size", size, "expected WxH like 1280x720, each side 16.." + std::to_string(kMaxSide) + " pixels");
        else {
            o.width = static_cast<int>(*w);
            o.height = static_cast<int>(*h);
        }
    }
    if (!r.quality)
        ;  // the mode's default: high for shot, auto otherwise (design.md)
    else if (*r.quality == "low")
        o.quality = Quality::Low;
    else if (*r.quality == "high")
        o.quality = Quality::High;
    else if (*r.quality == "auto")
        o.quality = Quality::Auto;
    else
        c.fail("--quality", *r.quality, "expected low, high or auto");
    checkSeed(c, r.seed, o.seed, o.seedGiven);
    checkStart(c, r.start, o.start);
    checkSets(c, r.sets, o.sets);
    checkScenario(c, r.scenario, o.scenario);
    checkAssets(c, r.assets, o);
    // The presets exist only once the scene is loaded: the mode resolves the name and lists them when it is wrong.
    if (r.camera) {
        if (r.camera->find_first_not_of('0') == std::string::npos)  // "", "0", "00"
            c.fail("--camera", *r.camera, "expected a preset number from 1 or a preset name, e.g. --camera 2");
        else
            o.camera = *r.camera;
    }
    checkLang(c, r.lang, o.lang);
    if (r.uiScale) {
        std::string t = *r.uiScale;
        if (!t.empty() && t.back() == '%') t.pop_back();
        const auto v = parseNumber(t);
        if (!v || *v < kMinUiScalePercent || *v > kMaxUiScalePercent)
            c.fail("--ui-scale", *r.uiScale, "expected a size in percent 50..300, e.g. 150");
        else
            o.uiScale = static_cast<float>(*v / 100.0);
    }
    // A tour names its scenes and cameras; the file itself is read by the mode (it reports file, line and field).
    if (r.tour) {
        if (r.tour->empty())
            c.fail("--tour", *r.tour, "expected a tour name or file ('almalyk tours' lists the tours)");
        else if (r.scene)
            c.fail("--scene and --tour cannot be used together: the tour names its scenes");
        else if (r.camera)
            c.fail("--camera and --tour cannot be used together: the tour moves the camera");
        else
            o.tour = *r.tour;
    }
}

// A positive (or, with allowZero, non-negative) finite number no larger than max.
void checkAmount(Checker& c, const std::string& flag, const Text& text, double max, bool allowZero, const char* unit,
                 double& out) {
    if (!text) return;
    const auto v = parseNumber(*text);
    if (!v || *v < 0 || (!allowZero && *v == 0) || *v > max) {
        char range[96];
        std::snprintf(range, sizeof range, "expected a number of %s, %s %g", unit,
                      allowZero ? "0 .." : "greater than 0 and at most", max);
        c.fail(flag, *text, range);
        return;
    }
    out = *v;
}

void checkSim(Checker& c, const RawSim& r, SimOptions& o) {
    if (r.days && r.hours) c.fail("--days and --hours cannot be used together; give one of them");
    double amount = 0;
    if (r.days) {
        checkAmount(c, "--days", r.days, kMaxSimDays, false, "days", amount);
        o.days = amount;
    }
    if (r.hours) {
        checkAmount(c, "--hours", r.hours, kMaxSimDays * 24, false, "hours", amount);
        o.hours = amount;
    }
    checkSeed(c, r.seed, o.seed, o.seedGiven);
    checkStart(c, r.start, o.start);
    checkSets(c, r.sets, o.sets);
    checkScenario(c, r.scenario, o.scenario);
    checkAmount(c, "--every", r.every, kMaxSimDays * 24 * 60, false, "minutes", o.everyMinutes);
    o.everyGiven = r.every.has_value();  // its range in ticks and run length: sim::prepareBatch
    checkWritable(c, "--csv", r.csv, "run.csv", o.csv);
    checkWritable(c, "--summary", r.summary, "summary.json", o.summary);
    checkAssets(c, r.assets, o);
}

// Arguments CLI11 could not place (allow_extras keeps them), reported as unknown options or stray words.
void checkExtras(Checker& c, const CLI::App& app) {
    const std::vector<std::string> extra = app.remaining();
    if (extra.empty()) return;
    const std::string& first = extra.front();
    if (!first.empty() && first[0] == '-')
        c.fail("unknown option '" + first + "'");
    else if (app.get_parent() == nullptr)
        c.fail("unknown mode or argument '" + first +
               "'; modes: sim, params, metrics, faults, scenes, tours, shot, bench, video, train, replay, records, report (none = interactive "
               "window)");
    else
        c.fail("unexpected argument '" + first + "' (options take their value after the flag, e.g. --frames 300)");
}

std::string lowerExt(const std::string& path) {
    std::string e = fs::path(path).extension().string();
    for (char& ch : e) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return e;
}

}  // namespace

std::string versionText() { return std::string("almalyk ") + ALMALYK_VERSION + " (Almalyk Explorer)"; }

ParsedCommand parseCommandLine(int argc, const char* const* argv, const CliContext& ctx) {
    CLI::App app{"Almalyk Explorer: real-time 3D view and live process simulation of the Almalyk Mining and "
                 "Metallurgical Complex, from the Kalmakyr pit to hydrogen from smelter slag.\n"
                 "Without a mode it opens the interactive window.",
                 "almalyk"};
    app.set_version_flag("--version", versionText(), "Print the version and exit");
    app.allow_extras();
    app.require_subcommand(0, 1);
    app.get_formatter()->label("SUBCOMMAND", "MODE");
    app.footer("Exit codes: 0 success, 2 bad input (the message says what and where), 1 anything else.\n"
               "Run 'almalyk MODE --help' for a mode's options; docs/cli.md has examples.");

    RawInteractive ri;
    addRender(app, ri, ctx);
    app.add_flag("--fullscreen", ri.fullscreen, "Open fullscreen on the primary monitor (F11 toggles)");
    addTour(app, ri, "Play a tour: a tour name or a tour file");
    app.add_flag("--kiosk", ri.kiosk, "Attract loop for an unattended screen: plays the tours (or --tour's) over and over");
    addText(app, "--idle-s", ri.idleS, "Kiosk: seconds without input before the loop resumes (default 90)", "N");
    // For the soak benchmark (scripts/kiosk_soak) and tests: a kiosk in a window, on accelerated time, that ends.
    app.add_flag("--windowed", ri.windowed, "Kiosk: stay in a window instead of fullscreen (for testing)");
    addText(app, "--time-scale", ri.timeScale, "Kiosk: tour seconds per wall second (default 1; the soak uses 20)", "X");
    addText(app, "--exit-after-s", ri.exitAfterS, "Kiosk or training: exit after N wall seconds (default never)", "N");
    addText(app, "--train", ri.train, "Training in the window: start this training scenario ('almalyk train --list')", "NAME|FILE");
    app.add_flag("--training", ri.training, "Training in the window: open the instructor station to choose a scenario");
    addText(app, "--trainee", ri.trainee, "Training: the trainee's name, kept in the records", "NAME");
    addText(app, "--records", ri.records, "Training: the records database (default $XDG_DATA_HOME/almalyk/records.db)", "FILE");
    addText(app, "--actions", ri.actions, "Training: a scripted trainee's actions (JSON; docs/training.md)", "FILE");
    addText(app, "--speed", ri.speed, "Training: sim seconds per wall second at the start (default 60)", "N");
    app.add_flag("--instructor", ri.instructor, "Training: show the instructor station from the start (Ctrl+Shift+I toggles it)");
    app.add_option("--screenshot-at", ri.screenshotsAt, "Training: save the frame at run minute MIN ('end': the debrief) to FILE.png (repeatable)")
        ->type_name("MIN=FILE")
        ->allow_extra_args(false);
    app.add_flag("--exit-when-done", ri.exitWhenDone, "Training: exit once the run has ended and its screenshots are saved");

    CLI::App* simCmd = app.add_subcommand("sim", "Run the simulation without a window; write CSV and a JSON summary");
    RawSim rs;
    addText(*simCmd, "--days", rs.days, "Simulated days (default 1)", "D");
    addText(*simCmd, "--hours", rs.hours, "Simulated hours (instead of --days)", "H");
    addSimInputs(*simCmd, rs.seed, rs.start, rs.sets, rs.scenario);
    addText(*simCmd, "--csv", rs.csv, "Write one CSV row per --every minutes to FILE", "FILE");
    addText(*simCmd, "--every", rs.every, "CSV row interval in sim minutes (default 60)", "MINUTES");
    addText(*simCmd, "--summary", rs.summary, "Write the end-of-run JSON summary to FILE", "FILE");
    addCommon(*simCmd, rs);

    CLI::App* paramsCmd = app.add_subcommand("params", "List every parameter: name, unit, default, min, max, description, title");
    RawCommon rp;
    addCommon(*paramsCmd, rp);

    CLI::App* metricsCmd =
        app.add_subcommand("metrics", "List every metric data files may name: name, unit, description, title");
    RawCommon rm;
    addCommon(*metricsCmd, rm);

    CLI::App* scenesCmd = app.add_subcommand(
        "scenes", "List every scene's keys data files may name (select/follow objects, camera presets): scene, key, kind");
    RawCommon rsc;
    addCommon(*scenesCmd, rsc);

    CLI::App* faultsCmd = app.add_subcommand(
        "faults", "List every fault target for the parameters given (--set, --scenario): target, unit, description");
    RawFaults rf;
    faultsCmd->add_option("--set", rf.sets, "Set a parameter first, e.g. mine.trucks=30 (repeatable; see 'almalyk params')")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    addText(*faultsCmd, "--scenario", rf.scenario, "Scenario file (JSON) whose \"set\" applies first", "FILE");
    addCommon(*faultsCmd, rf);

    CLI::App* toursCmd = app.add_subcommand(
        "tours", "List every tour (built-in and --assets DIR/tours/), each checked: name, title, steps, duration_s, file");
    RawCommon rt;
    addCommon(*toursCmd, rt);

    CLI::App* shotCmd = app.add_subcommand("shot", "Render one picture of a scene to a PNG file and exit");
    RawShot rsh;
    addRender(*shotCmd, rsh, ctx);
    addText(*shotCmd, "--warmup-hours", rsh.warmupHours, "Sim hours to run before the picture (default 0)", "H");
    addText(*shotCmd, "--out", rsh.out, "The PNG file to write (required)", "FILE.png");
    shotCmd->add_flag("--ui", rsh.ui, "Draw the menu bar, status line and the scene's panel into the picture");

    CLI::App* benchCmd = app.add_subcommand("bench", "Fly the scene's camera path and print one JSON line of frame times");
    RawBench rb;
    addRender(*benchCmd, rb, ctx);
    addText(*benchCmd, "--frames", rb.frames, "Frames to render (default 600)", "N");
    addTour(*benchCmd, rb, "Play a tour instead of the scene's camera path (frames spread over the whole tour)");

    CLI::App* videoCmd = app.add_subcommand("video", "Render a tour offline, frame by frame, to an MP4 (ffmpeg) or numbered PNGs");
    RawVideo rv;
    addRender(*videoCmd, rv, ctx);
    addTour(*videoCmd, rv, "The tour to render (required): a tour name or a tour file");
    addText(*videoCmd, "--fps", rv.fps, "Frames per second of tour time (default 30)", "N");
    addText(*videoCmd, "--out", rv.out, "FILE.mp4 (H.264 through ffmpeg), or DIR/ for numbered PNG frames (required)",
            "FILE.mp4|DIR/");

    // [training] train and replay (issue 14)
    CLI::App* trainCmd = app.add_subcommand("train", "A headless training run: a scripted trainee's actions, the score as JSON");
    RawTrain rtr;
    addText(*trainCmd, "--scenario", rtr.scenario, "Training scenario: a name ('almalyk train --list') or a file", "NAME|FILE");
    addText(*trainCmd, "--actions", rtr.actions, "The scripted trainee's actions (JSON; docs/training.md); none = no action", "FILE");
    addText(*trainCmd, "--out", rtr.out, "Write the run's replay file to FILE", "FILE");
    addText(*trainCmd, "--trainee", rtr.trainee, "The trainee's name, recorded in the replay", "NAME");
    addText(*trainCmd, "--seed", rtr.seed, "Random seed instead of the scenario's", "N");
    trainCmd->add_flag("--levers", rtr.levers, "List every operator lever (name, parameter, unit, limits) and exit");
    trainCmd->add_flag("--list", rtr.list, "List the training scenarios and exit");
    trainCmd->add_flag("--bench-rewind", rtr.benchRewind, "Benchmark rewind over a session; one JSON line");
    addText(*trainCmd, "--hours", rtr.hours, "--bench-rewind: the session's sim hours (default 8)", "H");
    addText(*trainCmd, "--snapshot-min", rtr.snapshotMin, "--bench-rewind: sim minutes between snapshots (default 30)", "N");
    trainCmd->add_flag("--record", rtr.record, "Keep the run in the trainee records ($XDG_DATA_HOME/almalyk/records.db)");
    addText(*trainCmd, "--records", rtr.records, "Keep the run in this records database (implies --record)", "FILE");
    addText(*trainCmd, "--speed", rtr.speed, "Sim seconds per wall second, as the window runs (default: as fast as it can)", "N");
    addCommon(*trainCmd, rtr);

    CLI::App* replayCmd = app.add_subcommand("replay", "Re-simulate a training run (replay file or recorded run) and check its final state hash");
    RawReplay rre;
    replayCmd->add_option("file", rre.files, "The replay file (almalyk train --out), or a run id from the records")->type_name("FILE|RUN");
    addText(*replayCmd, "--records", rre.records, "The records database a RUN id is looked up in", "FILE");
    addCommon(*replayCmd, rre);

    CLI::App* recordsCmd = app.add_subcommand("records", "The trainee records: every run, its trainee, scenario and score; CSV export");
    RawRecords rrc;
    addText(*recordsCmd, "--records", rrc.records, "The records database (default $XDG_DATA_HOME/almalyk/records.db)", "FILE");
    addText(*recordsCmd, "--trainee", rrc.trainee, "Only this trainee's runs", "NAME");
    addText(*recordsCmd, "--csv", rrc.csv, "Write the runs as CSV to FILE ('-': standard output)", "FILE");
    addText(*recordsCmd, "--objectives-csv", rrc.objectivesCsv, "Write one CSV line per objective result to FILE", "FILE");
    addCommon(*recordsCmd, rrc);

    CLI::App* reportCmd = app.add_subcommand("report", "A printable HTML report of one training run: score, objectives, timeline, plots");
    RawReport rrp;
    reportCmd->add_option("run", rrp.runs, "A run id from the records ('almalyk records'), or a replay file")->type_name("RUN|FILE");
    addText(*reportCmd, "--out", rrp.out, "The report to write (HTML)", "FILE.html");
    addText(*reportCmd, "--records", rrp.records, "The records database a RUN id is looked up in", "FILE");
    addCommon(*reportCmd, rrp);

    for (CLI::App* sub : {simCmd, paramsCmd, metricsCmd, scenesCmd, toursCmd, faultsCmd, shotCmd, benchCmd, videoCmd,
                          trainCmd, replayCmd, recordsCmd, reportCmd})
        sub->allow_extras()->group("Modes");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        return CliExit{0, app.help(), ""};
    } catch (const CLI::CallForAllHelp&) {
        return CliExit{0, app.help("", CLI::AppFormatMode::All), ""};
    } catch (const CLI::CallForVersion&) {
        return CliExit{0, versionText() + "\n", ""};
    } catch (const CLI::ParseError& e) {
        const auto subs = app.get_subcommands();
        Checker c(subs.empty() ? "" : subs.front()->get_name());
        c.fail(e.what());
        return c.exit();
    }

    const auto subs = app.get_subcommands();
    CLI::App* sub = subs.empty() ? nullptr : subs.front();
    Checker c(sub ? sub->get_name() : "");
    checkExtras(c, sub ? *sub : app);
    if (sub) {
        // Interactive flags before a mode name would be silently ignored; say where they belong instead.
        for (const CLI::Option* opt : app.get_options())
            if (opt->count() > 0 && opt->get_name() != "--help" && opt->get_name() != "--version")
                c.fail(opt->get_name() + " was given before the mode; put it after the mode name: almalyk " +
                       sub->get_name() + " " + opt->get_name() + " ...");
    }
    if (!c.ok()) return c.exit();

    if (sub == nullptr) {
        InteractiveOptions o;
        checkRender(c, ri, ctx, o);
        o.fullscreen = ri.fullscreen;
        o.kiosk = ri.kiosk;
        const bool training = ri.train.has_value() || ri.training;
        for (const auto& [flag, given] : {std::pair<const char*, bool>{"--idle-s", ri.idleS.has_value()},
                                          {"--time-scale", ri.timeScale.has_value()},
                                          {"--exit-after-s", ri.exitAfterS.has_value() && !training}, {"--windowed", ri.windowed}})
            if (given && !ri.kiosk) c.fail(std::string(flag) + " applies to the kiosk only; add --kiosk");
        for (const auto& [flag, given] : {std::pair<const char*, bool>{"--trainee", ri.trainee.has_value()},
                                          {"--records", ri.records.has_value()}, {"--actions", ri.actions.has_value()},
                                          {"--speed", ri.speed.has_value()}, {"--instructor", ri.instructor},
                                          {"--screenshot-at", !ri.screenshotsAt.empty()}, {"--exit-when-done", ri.exitWhenDone}})
            if (given && !training) c.fail(std::string(flag) + " applies to training in the window; add --train NAME or --training");
        if (training && (ri.kiosk || ri.tour)) c.fail("--train/--training cannot be combined with --kiosk or --tour");
        if (ri.train) {
            if (ri.train->empty()) c.fail("--train", *ri.train, "expected a training scenario name or file ('almalyk train --list')");
            o.train = *ri.train;
        }
        o.training = training;
        if (ri.trainee) o.trainee = *ri.trainee;
        checkWritable(c, "--records", ri.records, "records.db", o.records);
        if (ri.actions) {
            if (ri.actions->empty()) c.fail("--actions", *ri.actions, "expected an actions file (JSON)");
            if (!ri.train) c.fail("--actions needs --train NAME: the actions are checked against that scenario");
            o.trainActions = *ri.actions;
        }
        checkAmount(c, "--speed", ri.speed, 36000, false, "sim seconds per wall second", o.trainSpeed);
        o.instructor = ri.instructor;
        for (const std::string& v : ri.screenshotsAt) {
            const auto eq = v.find('=');
            const std::string at = eq == std::string::npos ? "" : v.substr(0, eq);
            const auto minute = parseNumber(at);
            if (eq == std::string::npos || eq + 1 == v.size() || (at != "end" && (!minute || *minute < 0)))
                c.fail("--screenshot-at", v, "expected MIN=FILE.png (a run minute, or 'end' for the debrief)");
            else
                o.screenshotsAt.emplace_back(at, v.substr(eq + 1));
        }
        o.exitWhenDone = ri.exitWhenDone;
        checkAmount(c, "--idle-s", ri.idleS, kMaxIdleS, false, "seconds", o.idleS);
        checkAmount(c, "--time-scale", ri.timeScale, 100.0, false, "tour seconds per wall second", o.timeScale);
        checkAmount(c, "--exit-after-s", ri.exitAfterS, kMaxIdleS * 7, false, "seconds", o.exitAfterS);
        o.windowedKiosk = ri.windowed;
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == simCmd) {
        SimOptions o;
        checkSim(c, rs, o);
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == toursCmd) {
        ToursOptions o;
        checkAssets(c, rt.assets, o);
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == paramsCmd) {
        ParamsOptions o;
        checkAssets(c, rp.assets, o);
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == metricsCmd) {
        MetricsOptions o;
        checkAssets(c, rm.assets, o);
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == scenesCmd) {
        ScenesOptions o;
        checkAssets(c, rsc.assets, o);
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == faultsCmd) {
        FaultsOptions o;
        checkSets(c, rf.sets, o.sets);
        checkScenario(c, rf.scenario, o.scenario);
        checkAssets(c, rf.assets, o);
        if (!c.ok()) return c.exit();
        return o;
    }
    // [training] train and replay (issue 14)
    if (sub == trainCmd) {
        TrainOptions o;
        o.levers = rtr.levers;
        o.list = rtr.list;
        o.benchRewind = rtr.benchRewind;
        if (rtr.scenario) {
            if (rtr.scenario->empty()) c.fail("--scenario", *rtr.scenario, "expected a training scenario name or file");
            o.scenario = *rtr.scenario;
        } else if (!o.levers && !o.list && !o.benchRewind) {
            c.fail("--scenario NAME is required ('almalyk train --list' lists the training scenarios)");
        }
        if (rtr.actions) {
            if (rtr.actions->empty()) c.fail("--actions", *rtr.actions, "expected an actions file (JSON)");
            o.actions = *rtr.actions;
        }
        checkWritable(c, "--out", rtr.out, "run.replay.json", o.out);
        if (rtr.trainee) o.trainee = *rtr.trainee;
        if (rtr.seed) {
            std::uint64_t seed = 0;
            bool given = false;
            checkSeed(c, rtr.seed, seed, given);
            if (given) o.seed = seed;
        }
        if ((rtr.hours || rtr.snapshotMin) && !o.benchRewind) c.fail("--hours and --snapshot-min apply to --bench-rewind only");
        checkAmount(c, "--hours", rtr.hours, 24 * 31, false, "hours", o.benchHours);
        checkAmount(c, "--snapshot-min", rtr.snapshotMin, 24 * 60, false, "minutes", o.snapshotMin);
        o.record = rtr.record || rtr.records.has_value();
        checkWritable(c, "--records", rtr.records, "records.db", o.records);
        checkAmount(c, "--speed", rtr.speed, 1e6, false, "sim seconds per wall second", o.speed);
        if ((o.record || o.speed > 0) && (o.levers || o.list || o.benchRewind))
            c.fail("--record, --records and --speed apply to a training run, not to --levers, --list or --bench-rewind");
        checkAssets(c, rtr.assets, o);
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == replayCmd) {
        ReplayOptions o;
        if (rre.files.size() != 1)
            c.fail(rre.files.empty() ? "a replay FILE is required: almalyk replay run.replay.json"
                                     : "expected one replay FILE, found " + std::to_string(rre.files.size()));
        else
            o.file = rre.files.front();
        if (rre.records) {
            if (rre.records->empty()) c.fail("--records", *rre.records, "expected a records database file");
            o.records = *rre.records;
        }
        checkAssets(c, rre.assets, o);
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == recordsCmd) {
        RecordsOptions o;
        checkWritable(c, "--records", rrc.records, "records.db", o.records);
        if (rrc.trainee) o.trainee = *rrc.trainee;
        if (rrc.csv && *rrc.csv == "-") o.csv = "-";
        else checkWritable(c, "--csv", rrc.csv, "runs.csv", o.csv);
        checkWritable(c, "--objectives-csv", rrc.objectivesCsv, "objectives.csv", o.objectivesCsv);
        if (!o.csv.empty() && o.csv != "-" && o.csv == o.objectivesCsv)
            c.fail("--csv and --objectives-csv name the same file " + o.csv + ": one would overwrite the other");
        checkAssets(c, rrc.assets, o);
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == reportCmd) {
        ReportOptions o;
        if (rrp.runs.size() != 1)
            c.fail(rrp.runs.empty() ? "a RUN is required: almalyk report RUN --out report.html ('almalyk records' lists the runs)"
                                    : "expected one RUN, found " + std::to_string(rrp.runs.size()));
        else
            o.run = rrp.runs.front();
        if (!rrp.out)
            c.fail("--out FILE.html is required: where to write the report");
        else if (lowerExt(*rrp.out) != ".html" && lowerExt(*rrp.out) != ".htm")
            c.fail("--out", *rrp.out, "expected a file name ending in .html");
        else
            checkWritable(c, "--out", rrp.out, "report.html", o.out);
        if (rrp.records) {
            if (rrp.records->empty()) c.fail("--records", *rrp.records, "expected a records database file");
            o.records = *rrp.records;
        }
        checkAssets(c, rrp.assets, o);
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == shotCmd) {
        ShotOptions o;
        checkRender(c, rsh, ctx, o);
        checkAmount(c, "--warmup-hours", rsh.warmupHours, kMaxSimDays * 24, true, "hours", o.warmupHours);
        o.ui = rsh.ui;
        if (!rsh.out)
            c.fail("--out FILE.png is required: where to write the picture");
        else if (lowerExt(*rsh.out) != ".png")
            c.fail("--out", *rsh.out, "expected a file name ending in .png");
        else
            checkWritable(c, "--out", rsh.out, "shot.png", o.out);
        if (!c.ok()) return c.exit();
        return o;
    }
    if (sub == videoCmd) {
        VideoOptions o;
        checkRender(c, rv, ctx, o);
        if (!rv.tour) c.fail("--tour NAME is required: the tour to render ('almalyk tours' lists them)");
        if (rv.fps) {
            const auto n = parseNumber(*rv.fps);
            if (!n || *n < 1 || *n > 120 || std::floor(*n) != *n)
                c.fail("--fps", *rv.fps, "expected a whole number of frames per second, 1..120");
            else
                o.fps = static_cast<int>(*n);
        }
        if (!rv.out) {
            c.fail("--out FILE.mp4 or --out DIR/ is required: where to write the video");
        } else if (!rv.out->empty() && rv.out->back() == '/') {
            o.out = *rv.out;  // a folder: created by the mode
        } else if (lowerExt(*rv.out) != ".mp4") {
            c.fail("--out", *rv.out, "expected a file name ending in .mp4, or a folder ending in / for PNG frames");
        } else {
            checkWritable(c, "--out", rv.out, "tour.mp4", o.out);
        }
        if (!c.ok()) return c.exit();
        return o;
    }
    BenchOptions o;
    checkRender(c, rb, ctx, o);
    if (rb.frames) {
        const auto n = parseNumber(*rb.frames);
        if (!n || *n < 1 || *n > kMaxFrames || std::floor(*n) != *n)
            c.fail("--frames", *rb.frames, "expected a whole number of frames, 1..1000000");
        else
            o.frames = static_cast<int>(*n);
        o.framesGiven = true;
    }
    if (!c.ok()) return c.exit();
    return o;
}

}  // namespace app
