// Command-line contract (design.md, docs/cli.md): parsing and validation; the listing modes (metrics, faults) also
// run end to end through app::parseAndRun with stdout and stderr captured.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/titles.h"
#include "run_almalyk.h"
#include "sim/event_names.h"
#include "sim/metrics.h"
#include "sim/world.h"

namespace {

const app::CliContext kCtx{{"landscape", "pit", "smelter", "hydrogen"}, "landscape"};

app::ParsedCommand parse(std::initializer_list<const char*> args) {
    std::vector<const char*> argv{"almalyk"};
    argv.insert(argv.end(), args.begin(), args.end());
    return app::parseCommandLine(static_cast<int>(argv.size()), argv.data(), kCtx);
}

// The CliExit of a parse that must fail with exit code 2, or a failing check.
app::CliExit badInput(std::initializer_list<const char*> args) {
    const app::ParsedCommand r = parse(args);
    const auto* e = std::get_if<app::CliExit>(&r);
    REQUIRE_MESSAGE(e != nullptr, "expected bad input to be refused");
    CHECK(e->code == 2);
    CHECK(e->out.empty());
    return *e;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream is(text);
    for (std::string line; std::getline(is, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("cli: no arguments opens the interactive window with the defaults") {
    const auto r = parse({});
    const auto* o = std::get_if<app::InteractiveOptions>(&r);
    REQUIRE(o != nullptr);
    CHECK(o->scene == "landscape");
    CHECK(o->width == 1280);
    CHECK(o->height == 720);
    CHECK(o->quality == app::Quality::Auto);
    CHECK_FALSE(o->fullscreen);
    CHECK(o->seed == 1);
}

TEST_CASE("cli: interactive flags") {
    const auto r = parse({"--scene", "pit", "--size", "1920x1080", "--fullscreen", "--quality", "low", "--seed", "7",
                          "--start", "2026-12-21T12:00:00+05:00", "--set", "mine.trucks=30", "--set",
                          "mine.service_dist=lognormal"});
    const auto* o = std::get_if<app::InteractiveOptions>(&r);
    REQUIRE(o != nullptr);
    CHECK(o->scene == "pit");
    CHECK(o->width == 1920);
    CHECK(o->height == 1080);
    CHECK(o->fullscreen);
    CHECK(o->quality == app::Quality::Low);
    CHECK(o->seed == 7);
    CHECK(o->start == "2026-12-21T12:00:00+05:00");
    REQUIRE(o->sets.size() == 2);
    CHECK(o->sets[0] == std::pair<std::string, std::string>{"mine.trucks", "30"});
    CHECK(o->sets[1] == std::pair<std::string, std::string>{"mine.service_dist", "lognormal"});
}

TEST_CASE("cli: unknown flags, modes and stray words are refused by name") {
    CHECK(contains(badInput({"--bogus"}).err, "unknown option '--bogus'"));
    CHECK(contains(badInput({"bench", "--fullscreen"}).err, "almalyk bench: unknown option '--fullscreen'"));
    CHECK(contains(badInput({"simulate"}).err, "unknown mode or argument 'simulate'"));
    CHECK(contains(badInput({"sim", "extra"}).err, "unexpected argument 'extra'"));
    CHECK(contains(badInput({"--scene", "pit", "bench"}).err, "--scene was given before the mode"));
}

TEST_CASE("cli: an unknown scene lists the known ones") {
    const auto e = badInput({"shot", "--scene", "moon", "--out", "x.png"});
    CHECK(contains(e.err, "almalyk shot: --scene 'moon': unknown scene"));
    CHECK(contains(e.err, "landscape, pit, smelter, hydrogen"));
}

TEST_CASE("cli: malformed sizes say what is expected") {
    for (const char* size : {"1280x", "x720", "1280", "1280x720x", "1280X720", "8x8", "20000x100", "-1280x720",
                             "1280x720 ", "0x0", "", "16384x16384", "8193x100"}) {
        CAPTURE(size);
        CHECK(contains(badInput({"bench", "--size", size}).err, "expected WxH like 1280x720, each side 16..8192"));
    }
    const auto r = parse({"bench", "--size", "16x8192"});
    const auto* o = std::get_if<app::BenchOptions>(&r);
    REQUIRE(o != nullptr);
    CHECK(o->width == 16);
    CHECK(o->height == 8192);
}

TEST_CASE("cli: sim durations") {
    CHECK(contains(badInput({"sim", "--days", "2", "--hours", "3"}).err, "--days and --hours cannot be used together"));
    CHECK(contains(badInput({"sim", "--days", "0"}).err, "--days '0'"));
    CHECK(contains(badInput({"sim", "--hours", "abc"}).err, "--hours 'abc'"));
    CHECK(contains(badInput({"sim", "--every", "0"}).err, "--every '0'"));

    const auto r = parse({"sim", "--days", "2.5", "--every", "15", "--seed", "18446744073709551615"});
    const auto* o = std::get_if<app::SimOptions>(&r);
    REQUIRE(o != nullptr);
    REQUIRE(o->days.has_value());
    CHECK(*o->days == 2.5);
    CHECK_FALSE(o->hours.has_value());
    CHECK(o->everyMinutes == 15);
    CHECK(o->seed == 18446744073709551615ull);

    const auto h = parse({"sim", "--hours", "36"});
    const auto* oh = std::get_if<app::SimOptions>(&h);
    REQUIRE(oh != nullptr);
    CHECK_FALSE(oh->days.has_value());
    CHECK(*oh->hours == 36);
}

TEST_CASE("cli: numbers, seeds and frames") {
    CHECK(contains(badInput({"bench", "--frames", "-5"}).err, "-5"));
    CHECK(contains(badInput({"bench", "--frames", "0"}).err, "--frames '0': expected a whole number of frames"));
    CHECK(contains(badInput({"bench", "--frames", "2.5"}).err, "--frames '2.5'"));
    CHECK(contains(badInput({"sim", "--seed", "abc"}).err, "--seed 'abc'"));
    CHECK(contains(badInput({"sim", "--seed", "18446744073709551616"}).err, "--seed"));
    CHECK(contains(badInput({"--quality", "ultra"}).err, "--quality 'ultra': expected low, high or auto"));

    const auto r = parse({"bench", "--frames", "300", "--scene", "smelter"});
    const auto* o = std::get_if<app::BenchOptions>(&r);
    REQUIRE(o != nullptr);
    CHECK(o->frames == 300);
    CHECK(o->scene == "smelter");
    CHECK(o->quality == app::Quality::Auto);
}

TEST_CASE("cli: --start is ISO 8601 and --set is NAME=VALUE") {
    CHECK(contains(badInput({"sim", "--start", "21.06.2026"}).err, "almalyk sim: --start '21.06.2026'"));
    CHECK(contains(badInput({"sim", "--start", "2026-13-01T00:00"}).err, "--start '2026-13-01T00:00'"));
    CHECK(contains(badInput({"sim", "--set", "mine.trucks"}).err, "--set 'mine.trucks': expected NAME=VALUE"));
    CHECK(contains(badInput({"sim", "--set", "=3"}).err, "expected NAME=VALUE"));
    CHECK(contains(badInput({"sim", "--set", "mine.trucks="}).err, "expected NAME=VALUE"));
    // Unknown parameter names pass the parser: the modes check them against the registry (closest names).
    const auto r = parse({"sim", "--set", "mine.truckz=3", "--set", "h2.sth_percent=1.5"});
    const auto* o = std::get_if<app::SimOptions>(&r);
    REQUIRE(o != nullptr);
    REQUIRE(o->sets.size() == 2);
    CHECK(o->sets[0].first == "mine.truckz");
    CHECK(o->sets[1].second == "1.5");
}

TEST_CASE("cli: shot needs a writable .png --out") {
    const auto dir = tempDir();
    CHECK(contains(badInput({"shot"}).err, "--out FILE.png is required"));
    CHECK(contains(badInput({"shot", "--out", (dir / "no_such_folder" / "a.png").c_str()}).err, "does not exist"));
    CHECK(contains(badInput({"shot", "--out", (dir / "a.jpg").c_str()}).err, "expected a file name ending in .png"));
    if (::geteuid() != 0) {  // root may write anywhere
        const auto ro = dir / "read_only";
        std::filesystem::create_directories(ro);
        std::filesystem::permissions(ro, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
        CHECK(contains(badInput({"shot", "--out", (ro / "a.png").c_str()}).err, "permission denied"));
        std::filesystem::permissions(ro, std::filesystem::perms::owner_all);
    }

    const std::string out = (dir / "pit.png").string();
    const auto r = parse({"shot", "--scene", "pit", "--out", out.c_str(), "--warmup-hours", "2", "--start",
                          "2026-06-21T12:00:00+05:00"});
    const auto* o = std::get_if<app::ShotOptions>(&r);
    REQUIRE(o != nullptr);
    CHECK(o->out == out);
    CHECK(o->warmupHours == 2);
    CHECK(o->quality == app::Quality::High);  // offline: time does not matter (design.md)
    CHECK(o->scene == "pit");
    CHECK_FALSE(std::filesystem::exists(out));  // parsing writes nothing

    const auto d = parse({"shot", "--out", out.c_str(), "--quality", "auto"});
    REQUIRE(std::holds_alternative<app::ShotOptions>(d));
    CHECK(std::get<app::ShotOptions>(d).quality == app::Quality::Auto);
    CHECK(std::get<app::ShotOptions>(d).scene == "landscape");  // the scene the interactive mode opens with
    std::filesystem::remove_all(dir);
}

TEST_CASE("cli: sim output files and --assets are checked before running") {
    const auto dir = tempDir();
    CHECK(contains(badInput({"sim", "--csv", (dir / "nope" / "a.csv").c_str()}).err, "--csv"));
    CHECK(contains(badInput({"sim", "--summary", dir.c_str()}).err, "is a folder"));
    CHECK(contains(badInput({"params", "--assets", (dir / "missing").c_str()}).err, "almalyk params: --assets"));

    const auto r = parse({"params", "--assets", dir.c_str()});
    REQUIRE(std::holds_alternative<app::ParamsOptions>(r));
    CHECK(std::get<app::ParamsOptions>(r).assetsDir == dir.string());

    const std::string csv = (dir / "run.csv").string(), summary = (dir / "s.json").string();
    const auto s = parse({"sim", "--csv", csv.c_str(), "--summary", summary.c_str(), "--assets", dir.c_str()});
    const auto* o = std::get_if<app::SimOptions>(&s);
    REQUIRE(o != nullptr);
    CHECK(o->csv == csv);
    CHECK(o->summary == summary);
    CHECK(o->assetsDir == dir.string());
    std::filesystem::remove_all(dir);
}

TEST_CASE("cli: --help and --version exit 0 with text on stdout") {
    for (auto args : {std::vector<const char*>{"--help"}, {"-h"}}) {
        std::vector<const char*> argv{"almalyk"};
        argv.insert(argv.end(), args.begin(), args.end());
        const auto r = app::parseCommandLine(static_cast<int>(argv.size()), argv.data(), kCtx);
        const auto* e = std::get_if<app::CliExit>(&r);
        REQUIRE(e != nullptr);
        CHECK(e->code == 0);
        CHECK(e->err.empty());
        for (const char* word : {"sim", "params", "shot", "bench", "--scene", "--fullscreen", "Exit codes"})
            CHECK(contains(e->out, word));
    }
    const auto sim = parse({"sim", "--help"});
    REQUIRE(std::holds_alternative<app::CliExit>(sim));
    CHECK(contains(std::get<app::CliExit>(sim).out, "--days"));
    CHECK(contains(std::get<app::CliExit>(sim).out, "--summary"));

    const auto v = parse({"--version"});
    REQUIRE(std::holds_alternative<app::CliExit>(v));
    CHECK(std::get<app::CliExit>(v).code == 0);
    CHECK(std::get<app::CliExit>(v).out == app::versionText() + "\n");
    CHECK(contains(app::versionText(), "almalyk "));
}

TEST_CASE("cli: --seed given is told apart from the default seed") {
    // A scenario's own seed applies unless --seed is on the command line, even when it says 1 (the default).
    const auto plain = parse({"sim"});
    REQUIRE(std::holds_alternative<app::SimOptions>(plain));
    CHECK_FALSE(std::get<app::SimOptions>(plain).seedGiven);
    const auto one = parse({"sim", "--seed", "1"});
    REQUIRE(std::holds_alternative<app::SimOptions>(one));
    CHECK(std::get<app::SimOptions>(one).seedGiven);
    CHECK(std::get<app::SimOptions>(one).seed == 1);
    const auto bench = parse({"bench", "--seed", "7"});
    REQUIRE(std::holds_alternative<app::BenchOptions>(bench));
    CHECK(std::get<app::BenchOptions>(bench).seedGiven);
    CHECK(std::get<app::BenchOptions>(bench).seed == 7);
    const auto window = parse({"--scene", "pit"});
    REQUIRE(std::holds_alternative<app::InteractiveOptions>(window));
    CHECK_FALSE(std::get<app::InteractiveOptions>(window).seedGiven);
}

TEST_CASE("cli: --camera and shot --ui") {
    const auto dir = tempDir();
    const std::string out = (dir / "ramp.png").string();
    const auto r = parse({"shot", "--scene", "pit", "--camera", "haul ramp", "--ui", "--out", out.c_str()});
    const auto* o = std::get_if<app::ShotOptions>(&r);
    REQUIRE(o != nullptr);
    CHECK(o->camera == "haul ramp");  // resolved by the mode once the scene's presets exist
    CHECK(o->ui);
    const auto plain = parse({"shot", "--out", out.c_str()});
    REQUIRE(std::holds_alternative<app::ShotOptions>(plain));
    CHECK(std::get<app::ShotOptions>(plain).camera.empty());
    CHECK_FALSE(std::get<app::ShotOptions>(plain).ui);

    const auto b = parse({"bench", "--camera", "3", "--frames", "10"});
    REQUIRE(std::holds_alternative<app::BenchOptions>(b));
    CHECK(std::get<app::BenchOptions>(b).camera == "3");
    CHECK(std::get<app::InteractiveOptions>(parse({"--camera", "2"})).camera == "2");

    CHECK(contains(badInput({"bench", "--camera", "0"}).err, "--camera '0': expected a preset number from 1"));
    CHECK(contains(badInput({"bench", "--camera", ""}).err, "--camera '': expected a preset number from 1"));
    CHECK(contains(badInput({"bench", "--ui"}).err, "unknown option '--ui'"));  // only shot draws the UI
    std::filesystem::remove_all(dir);
}

TEST_CASE("cli: metrics and faults parse like params; faults takes --set and --scenario") {
    const auto dir = tempDir();
    REQUIRE(std::holds_alternative<app::MetricsOptions>(parse({"metrics"})));
    const auto m = parse({"metrics", "--assets", dir.c_str()});
    REQUIRE(std::holds_alternative<app::MetricsOptions>(m));
    CHECK(std::get<app::MetricsOptions>(m).assetsDir == dir.string());
    CHECK(contains(badInput({"metrics", "extra"}).err, "almalyk metrics: unexpected argument 'extra'"));
    CHECK(contains(badInput({"metrics", "--set", "mine.trucks=3"}).err, "almalyk metrics: unknown option '--set'"));

    const auto f = parse({"faults", "--set", "mine.trucks=5", "--set", "smelter.converters=2", "--scenario", "x.json"});
    const auto* o = std::get_if<app::FaultsOptions>(&f);
    REQUIRE(o != nullptr);
    REQUIRE(o->sets.size() == 2);
    CHECK(o->sets[0] == std::pair<std::string, std::string>{"mine.trucks", "5"});
    CHECK(o->scenario == "x.json");
    CHECK(contains(badInput({"faults", "--set", "mine.trucks"}).err, "almalyk faults: --set 'mine.trucks': expected NAME=VALUE"));
    CHECK(contains(badInput({"faults", "--scenario", ""}).err, "almalyk faults: --scenario ''"));
    CHECK(contains(badInput({"faults", "--days", "2"}).err, "almalyk faults: unknown option '--days'"));
    CHECK(contains(badInput({"faults", "--assets", (dir / "missing").c_str()}).err, "almalyk faults: --assets"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("cli: almalyk metrics prints every metric, tab-separated with a header, and exits 0") {
    const RunResult r = runAlmalyk({"metrics"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    const auto rows = lines(r.out);
    REQUIRE(rows.size() == sim::metricDefs().size() + 1);
    CHECK(rows[0] == "name\tunit\tdescription\ttitle");  // title: app/titles.h, appended after the sim's columns
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const std::string& row = rows[i];
        CAPTURE(row);
        CHECK(std::count(row.begin(), row.end(), '\t') == 3);
        CHECK(row.substr(row.rfind('\t') + 1) == app::metricTitle(sim::metricDefs()[i - 1].name));
        CHECK(row.substr(0, row.find('\t')) == sim::metricDefs()[i - 1].name);
    }
    CHECK(contains(r.out, "\nmine.ore_t_h\tt/h\t"));
    CHECK(contains(r.out, "\nsmelter.bath_temp_c\tC\t"));
    CHECK(contains(r.out, "\nco2.total_t_h\tt/h\t"));
}

TEST_CASE("cli: almalyk faults lists the targets for the parameters given, and refuses bad input with exit 2") {
    const RunResult plain = runAlmalyk({"faults"});
    CHECK(plain.code == 0);
    CHECK(plain.err.empty());
    const auto rows = lines(plain.out);
    REQUIRE(rows.size() >= 2);
    CHECK(rows[0] == "target\tunit\tdescription");
    const sim::Params defaults = sim::makeParams();
    CHECK(rows.size() == sim::faultTargets(defaults).size() + 1);
    const int trucks = defaults.getInt("mine.trucks");
    CHECK(contains(plain.out, "\nmine.truck:" + std::to_string(trucks - 1) + "\tmine\t"));
    CHECK_FALSE(contains(plain.out, "\nmine.truck:" + std::to_string(trucks) + "\t"));
    for (const char* t : {"transport.crusher", "transport.conveyor", "transport.rail", "concentrator.mill",
                          "smelter.furnace", "smelter.converter:0", "smelter.acid_plant", "h2.separator", "smr.reformer", "gas.injection"})
        CHECK(contains(plain.out, std::string("\n") + t + "\t"));

    const RunResult few = runAlmalyk({"faults", "--set", "mine.trucks=3", "--set", "mine.shovels=1", "--set",
                                      "smelter.converters=2"});
    CHECK(few.code == 0);
    std::vector<std::string> targets;
    for (const std::string& row : lines(few.out)) targets.push_back(row.substr(0, row.find('\t')));
    CHECK(targets == std::vector<std::string>{"target", "mine.truck:0", "mine.truck:1", "mine.truck:2", "mine.shovel:0",
                                              "transport.crusher", "transport.conveyor", "transport.rail",
                                              "concentrator.mill", "smelter.furnace", "smelter.converter:0",
                                              "smelter.converter:1", "smelter.acid_plant", "h2.separator",
                                              "smr.reformer", "gas.injection"});

    // A scenario's "set" applies first, as in `almalyk sim`.
    const auto dir = tempDir();
    const auto scenario = dir / "five.json";
    std::ofstream(scenario) << R"({"name": "five trucks", "set": {"mine.trucks": 5}})";
    const RunResult sc = runAlmalyk({"faults", "--scenario", scenario.c_str()});
    CHECK(sc.code == 0);
    CHECK(contains(sc.out, "\nmine.truck:4\t"));
    CHECK_FALSE(contains(sc.out, "\nmine.truck:5\t"));

    const RunResult bad = runAlmalyk({"faults", "--set", "mine.truckz=3"});
    CHECK(bad.code == 2);
    CHECK(bad.out.empty());
    CHECK(contains(bad.err, "almalyk faults: --set mine.truckz=3: unknown parameter 'mine.truckz'; did you mean mine.trucks"));
    const RunResult range = runAlmalyk({"faults", "--set", "mine.trucks=0"});
    CHECK(range.code == 2);
    CHECK(contains(range.err, "mine.trucks"));
    const RunResult missing = runAlmalyk({"faults", "--scenario", (dir / "nope.json").c_str()});
    CHECK(missing.code == 2);
    CHECK(contains(missing.err, "nope.json"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("cli: almalyk scenes lists every scene's keys (objects and camera presets), tab-separated") {
    REQUIRE(std::holds_alternative<app::ScenesOptions>(parse({"scenes"})));
    CHECK(contains(badInput({"scenes", "extra"}).err, "almalyk scenes: unexpected argument 'extra'"));
    const RunResult r = runAlmalyk({"scenes"});
    CHECK(r.code == 0);
    const auto rows = lines(r.out);
    REQUIRE(rows.size() > 60);
    CHECK(rows[0] == "scene\tkey\tkind");
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(std::count(rows[i].begin(), rows[i].end(), '\t') == 2);
    // The default fleet's 44 trucks by their sim ids, the smelter's units, every scene's presets.
    CHECK(contains(r.out, "\npit\ttruck:0\tobject"));
    CHECK(contains(r.out, "\npit\ttruck:43\tobject"));
    CHECK_FALSE(contains(r.out, "\npit\ttruck:44\t"));
    CHECK(contains(r.out, "\nsmelter\tconverter:0\tobject"));
    CHECK(contains(r.out, "\npit\tcamera:Haul ramp\tcamera preset"));
    CHECK(contains(r.out, "\nlandscape\tcamera:Valley overview\tcamera preset"));
}

TEST_CASE("cli: --tour, --lang, --kiosk and --idle-s on the window; --tour on bench; tours mode") {
    const auto w = std::get<app::InteractiveOptions>(parse({"--tour", "delegation", "--lang", "ru", "--kiosk", "--idle-s", "45"}));
    CHECK(w.tour == "delegation");
    CHECK(w.lang == "ru");
    CHECK(w.kiosk);
    CHECK(w.idleS == 45.0);
    const auto plain = std::get<app::InteractiveOptions>(parse({}));
    CHECK(plain.tour.empty());
    CHECK(plain.lang.empty());
    CHECK_FALSE(plain.kiosk);
    CHECK(plain.idleS == 90.0);
    CHECK(std::get<app::InteractiveOptions>(parse({"--kiosk"})).kiosk);
    CHECK(std::get<app::InteractiveOptions>(parse({"--lang", "de_DE"})).lang == "de_DE");
    CHECK(std::get<app::BenchOptions>(parse({"bench", "--tour", "./my.json", "--frames", "300"})).tour == "./my.json");
    CHECK(std::get<app::ShotOptions>(parse({"shot", "--lang", "uz", "--out", "x.png"})).lang == "uz");

    CHECK(contains(badInput({"--tour", ""}).err, "almalyk: --tour '': expected a tour name or file ('almalyk tours' lists"));
    CHECK(contains(badInput({"--tour", "a", "--scene", "pit"}).err, "--scene and --tour cannot be used together"));
    CHECK(contains(badInput({"bench", "--scene", "pit", "--tour", "a"}).err, "almalyk bench: --scene and --tour cannot be used together"));
    CHECK(contains(badInput({"--tour", "a", "--camera", "2"}).err, "--camera and --tour cannot be used together"));
    CHECK(contains(badInput({"--idle-s", "30"}).err, "--idle-s applies to the kiosk only; add --kiosk"));
    CHECK(contains(badInput({"--kiosk", "--idle-s", "0"}).err, "--idle-s '0': expected a number of seconds"));
    CHECK(contains(badInput({"--kiosk", "--idle-s", "abc"}).err, "--idle-s 'abc'"));
    for (const char* lang : {"r", "russian", "RU", "ru_", "ru_R", "e1", ""})
        CHECK_MESSAGE(contains(badInput({"--lang", lang}).err, "--lang '" + std::string(lang) + "': expected a language code"), lang);
    // Well formed but without a catalog: the shipped languages are listed.
    CHECK(contains(badInput({"--lang", "fr"}).err, "--lang 'fr': unknown language; known: en, ru, uz, de, ja, ko, ar"));
    CHECK(contains(badInput({"shot", "--lang", "pt_BR", "--out", "x.png"}).err, "unknown language"));
    CHECK(contains(badInput({"shot", "--tour", "a", "--out", "x.png"}).err, "unknown option '--tour'"));  // not a shot flag

    const std::filesystem::path dir = tempDir("tours_parse");
    CHECK(std::get<app::ToursOptions>(parse({"tours", "--assets", dir.c_str()})).assetsDir == dir.string());
    CHECK(contains(badInput({"tours", "--assets", (dir / "none").c_str()}).err, "almalyk tours: --assets"));
    CHECK(contains(badInput({"tours", "extra"}).err, "almalyk tours: unexpected argument 'extra'"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("cli: almalyk tours lists the good tours of --assets DIR and names a broken one on stderr with exit 2") {
    const std::filesystem::path dir = tempDir("tours_run");
    std::filesystem::create_directories(dir / "tours");
    std::ofstream(dir / "tours" / "zz_good.json") << R"j({"title": "Good one", "steps": [
        {"scene": "pit", "camera": "Haul ramp", "fly_s": 0, "dwell_s": 20, "actions": ["follow(truck:3)"]},
        {"scene": "smelter", "dwell_s": 12.5, "caption": "Bath {smelter.bath_temp_c:0u}"}]})j";
    const RunResult good = runAlmalyk({"tours", "--assets", dir.c_str()});
    CHECK_MESSAGE(good.code == 0, good.err);
    const auto rows = lines(good.out);
    REQUIRE(rows.size() >= 2);
    CHECK(rows[0] == "name\ttitle\tsteps\tduration_s\tfile");
    // 20 s, then a 3 s fly (the default) and 12.5 s.
    CHECK(contains(good.out, "\nzz_good\tGood one\t2\t35.5\t" + (dir / "tours" / "zz_good.json").string() + "\n"));
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(std::count(rows[i].begin(), rows[i].end(), '\t') == 4);

    // A preset the pit does not have is found as the player finds it (phase 2), the other tour still listed.
    std::ofstream(dir / "tours" / "aa_broken.json") << R"({"steps": [{"scene": "pit", "camera": "Haul rmap"}]})";
    const RunResult broken = runAlmalyk({"tours", "--assets", dir.c_str()});
    CHECK(broken.code == 2);
    CHECK(contains(broken.err, "almalyk tours: " + (dir / "tours" / "aa_broken.json").string() +
                                   ": steps[0].camera: unknown camera preset 'Haul rmap' of scene pit; did you mean 'Haul ramp'?"));
    CHECK(contains(broken.out, "\nzz_good\tGood one\t2\t35.5\t"));
    CHECK_FALSE(contains(broken.out, "aa_broken"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("cli: --ui-scale takes a percent for every rendering mode and refuses what the UI is not laid out for") {
    CHECK(std::get<app::InteractiveOptions>(parse({})).uiScale == doctest::Approx(1.0f));
    CHECK(std::get<app::InteractiveOptions>(parse({"--ui-scale", "150"})).uiScale == doctest::Approx(1.5f));
    CHECK(std::get<app::InteractiveOptions>(parse({"--ui-scale", "125%"})).uiScale == doctest::Approx(1.25f));
    CHECK(std::get<app::ShotOptions>(parse({"shot", "--ui", "--ui-scale", "200", "--out", "x.png"})).uiScale ==
          doctest::Approx(2.0f));
    CHECK(std::get<app::BenchOptions>(parse({"bench", "--ui-scale", "50"})).uiScale == doctest::Approx(0.5f));
    for (const char* bad : {"0", "49", "301", "1.5x", "", "big"})
        CHECK_MESSAGE(contains(badInput({"--ui-scale", bad}).err,
                               "--ui-scale '" + std::string(bad) + "': expected a size in percent 50..300"), bad);
}
