// `almalyk sim` end to end (issue 16): its outputs are written atomically (a full disk or a killed run leaves the
// previous files, with the reason in the message), may not overwrite an input or each other, and bad scenario files
// (a number overflow, a duplicate key, a name that is not UTF-8) are exit 2 with FILE:LINE:COLUMN.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "run_almalyk.h"
#include "sim/json_text.h"

namespace fs = std::filesystem;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

void put(const fs::path& p, const std::string& bytes) {
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f << bytes;
}

}  // namespace

TEST_CASE("sim --csv onto a full disk: the previous CSV survives whole, exit 1 with the reason (issue 16)") {
    // Before: the CSV was truncated at the start; a full disk left a 64 KiB fragment cut mid-row, "write failed".
    SmallDisk disk("sim_full");
    const fs::path csv = disk.dir / "run.csv", summary = disk.dir / "summary.json";
    const std::string previous = "time,the good run\n";
    put(csv, previous);
    put(summary, "{\"good\": true}\n");
    // One day every 5 minutes is 289 rows, about 110 KiB: more than the disk holds.
    const RunResult r = runAlmalyk({"sim", "--hours", "24", "--every", "5", "--csv", csv.c_str(), "--summary",
                                    summary.c_str()});
    CHECK(r.code == 1);
    CHECK(r.err == "almalyk sim: --csv " + csv.string() + ": write failed: " + disk.reason + "\n");
    CHECK(slurp(csv) == previous);
    CHECK(slurp(summary) == "{\"good\": true}\n");  // not written after the CSV failed
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(disk.dir)) ++files;
    CHECK(files == 2);  // no temporary file left behind
}

TEST_CASE("sim killed mid-run: the previous CSV is still there, untouched (issue 16)") {
    const fs::path dir = tempDir("sim_kill");
    const fs::path csv = dir / "run.csv";
    put(csv, "time,the good run\n");
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // A year with a row every minute: far longer than the parent waits.
        const RunResult r = runAlmalyk({"sim", "--days", "365", "--every", "1", "--csv", csv.c_str()});
        ::_exit(r.code == 0 ? 10 : 11);
    }
    // Wait until the run is writing (its temporary file exists and grows), then kill it as `kill -9` would.
    bool writing = false;
    for (int i = 0; i < 400 && !writing; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().filename() != "run.csv" && e.is_regular_file() && e.file_size() > 100'000) writing = true;
    }
    ::kill(child, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(writing);
    CHECK(WIFSIGNALED(status));
    CHECK(slurp(csv) == "time,the good run\n");
    fs::remove_all(dir);
}

TEST_CASE("sim: an output may not overwrite the scenario or the other output (issue 16)") {
    // Before: `--scenario s.json --csv s.json` destroyed the scenario (exit 0); `--csv x --summary x` lost the CSV.
    const fs::path dir = tempDir("sim_overlap");
    const fs::path scenario = dir / "s.json";
    const std::string text = R"({"name": "five trucks", "set": {"mine.trucks": 5}})";
    put(scenario, text);
    fs::create_directories(dir / "sub");
    const std::string sameScenario = (dir / "sub" / ".." / "s.json").string();

    RunResult r = runAlmalyk({"sim", "--hours", "1", "--scenario", scenario.c_str(), "--csv", scenario.c_str()});
    CHECK(r.code == 2);
    CHECK(r.err == "almalyk sim: --csv " + scenario.string() +
                       ": is the --scenario file of this run; an output may not overwrite an input (choose another "
                       "file name)\n");
    r = runAlmalyk({"sim", "--hours", "1", "--scenario", scenario.c_str(), "--summary", sameScenario.c_str()});
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--summary " + sameScenario + ": is the --scenario file of this run"));
    CHECK(slurp(scenario) == text);

    const std::string x = (dir / "x").string(), alsoX = (dir / "sub" / ".." / "x").string();
    r = runAlmalyk({"sim", "--hours", "1", "--csv", x.c_str(), "--summary", alsoX.c_str()});
    CHECK(r.code == 2);
    CHECK(r.err == "almalyk sim: --summary " + alsoX + ": is also the --csv file; each output needs its own file\n");
    CHECK_FALSE(fs::exists(x));

    // Distinct files: the run writes both.
    r = runAlmalyk({"sim", "--hours", "1", "--scenario", scenario.c_str(), "--csv", (dir / "a.csv").c_str(),
                    "--summary", (dir / "a.json").c_str()});
    CHECK(r.code == 0);
    CHECK(slurp(dir / "a.csv").rfind("time,", 0) == 0);
    CHECK(contains(slurp(dir / "a.json"), "\"scenario\": \"five trucks\""));
    fs::remove_all(dir);
}

TEST_CASE("sim: a scenario's number overflow, duplicate key or non-UTF-8 name is exit 2 with where (issue 16)") {
    const fs::path dir = tempDir("sim_bad_json");
    // Before: exit 1, "internal error ... number overflow", no position.
    put(dir / "seed.json", "{\"seed\":1e400}");
    RunResult r = runAlmalyk({"sim", "--hours", "1", "--scenario", (dir / "seed.json").c_str()});
    CHECK(r.code == 2);
    CHECK(r.err == "almalyk sim: " + (dir / "seed.json").string() +
                       ":1:9: number 1e400 is too large (JSON numbers here must lie within +-1.7e308)\n");
    // Before: the last "set" won silently.
    put(dir / "dup.json", "{\"set\": {\"mine.trucks\": 5},\n \"set\": {\"mine.trucks\": 6}}");
    r = runAlmalyk({"sim", "--hours", "1", "--scenario", (dir / "dup.json").c_str()});
    CHECK(r.code == 2);
    CHECK(r.err == "almalyk sim: " + (dir / "dup.json").string() + ":2:2: duplicate key 'set' (first at 1:2)\n");
    // Before: exit 1, "type_error.316" when the summary named the scenario by its path.
    const std::string latin1 = (dir / "caf\xE9.json").string();
    put(latin1, "{}");
    r = runAlmalyk({"sim", "--hours", "1", "--scenario", latin1.c_str(), "--summary", (dir / "s.json").c_str()});
    CHECK(r.code == 2);
    CHECK(r.err == "almalyk sim: " + dir.string() +
                       "/caf\\xE9.json: the scenario file's name is not valid UTF-8 (bytes shown as \\xHH); rename "
                       "the file\n");
    CHECK(sim::isValidUtf8(r.err));
    fs::remove_all(dir);
}

TEST_CASE("sim: --days, --hours and --every outside their ranges are exit 2 stating the range (issue 16)") {
    // Before: --days 1e-300 ran nothing and exited 0; --every 1e-12 made a one-day run take 27 s.
    struct Case {
        std::initializer_list<const char*> args;
        std::string err;
    };
    const Case cases[] = {
        {{"sim", "--days", "1e-300"},
         "almalyk sim: --days 1e-300: expected at least one tick (sim.tick_s = 60 s: 0.0006944444444 days)\n"},
        {{"sim", "--hours", "0.001"},
         "almalyk sim: --hours 0.001: expected at least one tick (sim.tick_s = 60 s: 0.01666666667 hours)\n"},
        {{"sim", "--hours", "2", "--every", "1e-12"},
         "almalyk sim: --every 1e-12: expected 1 to 120 minutes (one tick, sim.tick_s = 60 s, to the run's length)\n"},
        {{"sim", "--days", "1", "--every", "2000"},
         "almalyk sim: --every 2000: expected 1 to 1440 minutes (one tick, sim.tick_s = 60 s, to the run's length)\n"},
    };
    for (const Case& c : cases) {
        const RunResult r = runAlmalyk(c.args);
        CHECK(r.code == 2);
        CHECK(r.err == c.err);
    }
    // Zero, negative, NaN and infinite lengths never reach the run: the parser refuses them with the flag's range.
    for (const char* v : {"0", "-1", "nan", "inf", "-0"}) {
        CAPTURE(v);
        const RunResult d = runAlmalyk({"sim", "--days", v});
        CHECK(d.code == 2);
        CHECK(contains(d.err, std::string("almalyk sim: --days '") + v + "': expected a number of days, greater than 0"));
        const RunResult e = runAlmalyk({"sim", "--every", v});
        CHECK(e.code == 2);
        CHECK(contains(e.err, std::string("almalyk sim: --every '") + v + "': expected a number of minutes"));
    }
}
