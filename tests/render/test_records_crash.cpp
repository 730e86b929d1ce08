// Trainee records survive a crash: the program is killed (SIGKILL: no handler, no flush, no destructor) in the
// middle of a training run; every finished run is intact and replays to its hash, and the interrupted run is there,
// marked incomplete, with the progress it had. And the HTML report, opened in a real browser (headless Chromium),
// lays out its plots and tables.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

extern char** environ;

namespace {

namespace fs = std::filesystem;
const std::string kScripts = std::string(ALMALYK_SOURCE_DIR) + "/tests/data/training/";

fs::path freshDir(const std::string& tag) {
    const fs::path d = fs::temp_directory_path() / ("almalyk-" + tag + "-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::string slurpFile(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

int runCommand(const std::string& cmd) {
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

pid_t spawn(const std::vector<std::string>& args, const fs::path& out) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, (out.string() + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    return rc == 0 ? pid : -1;
}

struct Row {
    std::string id, complete, hash;
    double hours = 0, total = 0;
    bool replay = false;
};

std::vector<Row> rows(const fs::path& db) {
    std::vector<Row> out;
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(h);
        return out;
    }
    sqlite3_busy_timeout(h, 2000);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT run_id, complete, sim_hours, total, state_hash, replay IS NOT NULL FROM runs ORDER BY rowid", -1, &s,
                           nullptr) == SQLITE_OK)
        while (sqlite3_step(s) == SQLITE_ROW) {
            const auto text = [&](int i) {
                const unsigned char* t = sqlite3_column_text(s, i);
                return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
            };
            out.push_back({text(0), text(1), text(4), sqlite3_column_double(s, 2), sqlite3_column_double(s, 3), sqlite3_column_int(s, 5) != 0});
        }
    sqlite3_finalize(s);
    sqlite3_close(h);
    return out;
}

}  // namespace

TEST_CASE("records: SIGKILL in the middle of a training run keeps every finished run and marks the interrupted one") {
    const fs::path dir = freshDir("records-kill");
    const fs::path db = dir / "records.db";
    const std::string exe = ALMALYK_EXE;
    // Two finished runs.
    for (const char* who : {"good", "poor"}) {
        const std::string cmd = exe + " train --scenario furnace_overheating --actions " + kScripts + "furnace_overheating." + who +
                                ".json --records " + db.string() + " --trainee " + who + " > " + (dir / who).string() + ".json";
        REQUIRE(runCommand(cmd) == 0);
    }
    // The third, a week of sim time paced at 10 sim hours per wall second (about 17 s), killed after its progress
    // has been saved a few times.
    const pid_t pid = spawn({exe, "train", "--scenario", "cloudy_week", "--actions", kScripts + "cloudy_week.good.json", "--records",
                             db.string(), "--trainee", "interrupted", "--speed", "36000"},
                            dir / "third.json");
    REQUIRE(pid > 0);
    bool progressed = false;
    for (int i = 0; i < 300 && !progressed; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const auto r = rows(db);
        progressed = r.size() == 3 && r[2].hours >= 20;  // two saves or more
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(progressed);
    CHECK(WIFSIGNALED(status));

    const auto r = rows(db);
    REQUIRE(r.size() == 3);
    for (int i = 0; i < 2; ++i) {
        CHECK(r[i].complete == "1");
        CHECK(r[i].hours == doctest::Approx(4.0));
        CHECK(r[i].replay);
    }
    CHECK(r[2].complete == "0");
    CHECK(r[2].hours > 0);
    CHECK(r[2].hours < 168);
    CHECK(r[2].replay);
    // The finished runs' scores are the ones their runs printed.
    const auto good = nlohmann::json::parse(slurpFile(dir / "good.json"));
    CHECK(r[0].total == doctest::Approx(good["total"].get<double>()).epsilon(1e-3));
    CHECK(r[0].hash == good["state_hash"].get<std::string>());

    // Every run in the records replays to the state it recorded, the interrupted one to where it was saved.
    for (const Row& row : r) {
        const fs::path out = dir / ("replay-" + row.id + ".json");
        CHECK(runCommand(exe + " replay " + row.id + " --records " + db.string() + " > " + out.string()) == 0);
        const auto j = nlohmann::json::parse(slurpFile(out));
        CHECK(j["match"] == true);
        CHECK(j["complete"] == (row.complete == "1"));
    }
    // `almalyk records` lists the interrupted run as such, and the program goes on writing to the same database.
    REQUIRE(runCommand(exe + " records --records " + db.string() + " > " + (dir / "list.txt").string()) == 0);
    const std::string list = slurpFile(dir / "list.txt");
    CHECK(list.find("interrupted\tcloudy_week") != std::string::npos);
    CHECK(list.find("\tincomplete\t") != std::string::npos);
    REQUIRE(runCommand(exe + " train --scenario acid_plant_trip --records " + db.string() + " > /dev/null") == 0);
    CHECK(rows(db).size() == 4);
}

TEST_CASE("records: the HTML report opens in headless Chromium with its plots laid out") {
    const fs::path dir = freshDir("records-report");
    const std::string exe = ALMALYK_EXE;
    const fs::path replay = dir / "run.json", html = dir / "report.html", dom = dir / "dom.html", png = dir / "report.png";
    REQUIRE(runCommand(exe + " train --scenario shovel_breakdown_peak --actions " + kScripts +
                       "shovel_breakdown_peak.poor.json --trainee 'Poor operator' --out " + replay.string() + " > /dev/null") == 0);
    REQUIRE(runCommand(exe + " report " + replay.string() + " --out " + html.string() + " 2> /dev/null") == 0);
    // Chromium (scripts/deps installs it) parses the page; its DOM after layout has every plot and objective row.
    const std::string chromium = "chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=" +
                                 (dir / "profile").string() + " ";
    REQUIRE(runCommand("timeout 120 " + chromium + "--dump-dom file://" + html.string() + " > " + dom.string() + " 2> /dev/null") == 0);
    const std::string d = slurpFile(dom);
    const auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (std::size_t p = d.find(what); p != std::string::npos; p = d.find(what, p + 1)) ++n;
        return n;
    };
    const auto j = nlohmann::json::parse(slurpFile(replay));
    std::size_t metricObjectives = 0;
    for (const auto& o : j["score"]["objectives"])
        if (o["kind"] != "ack_within") ++metricObjectives;
    CHECK(count("<svg class=\"plot\"") == metricObjectives);
    CHECK(count("<polyline class=\"curve\"") == metricObjectives);
    CHECK(d.find("Poor operator") != std::string::npos);
    // And it draws: a screenshot that is not blank (dark text and plots on the white page).
    REQUIRE(runCommand("timeout 120 " + chromium + "--window-size=1000,1600 --screenshot=" + png.string() + " file://" + html.string() +
                       " > /dev/null 2>&1") == 0);
    CHECK(fs::file_size(png) > 20000);
}

// Training in the window, as an instructor starts it: a scripted trainee plays the furnace scenario in the real
// window (xvfb, llvmpipe), the run ends on its own, and the records database holds it complete with the score and
// final state of the headless `almalyk train` run of the same actions (an independent path through the same sim).
TEST_CASE("training window: a run in the window is recorded complete, with the headless run's score and state") {
    const fs::path dir = freshDir("train-window");
    const std::string exe = ALMALYK_EXE;
    const fs::path db = dir / "records.db", ref = dir / "ref.json", png = dir / "debrief.png", mid = dir / "mid.png";
    const std::string actions = kScripts + "furnace_overheating.good.json";
    REQUIRE(runCommand("\"" + exe + "\" train --scenario furnace_overheating --actions " + actions + " > " + ref.string()) == 0);
    const nlohmann::json headless = nlohmann::json::parse(slurpFile(ref));
    const std::string cmd = "LIBGL_ALWAYS_SOFTWARE=1 timeout 300 \"" + exe + "\" --train furnace_overheating --trainee \"A. Karimov\" --actions " +
                            actions + " --records " + db.string() + " --speed 7200 --instructor --size 1280x720 --quality low" +
                            " --screenshot-at 20=" + mid.string() + " --screenshot-at end=" + png.string() +
                            " --exit-when-done --exit-after-s 240 2> " + (dir / "window.err").string();
    REQUIRE_MESSAGE(runCommand(cmd) == 0, slurpFile(dir / "window.err"));
    const std::vector<Row> r = rows(db);
    REQUIRE(r.size() == 1);
    CHECK(r[0].complete == "1");
    CHECK(r[0].replay);
    CHECK(r[0].total == doctest::Approx(headless["total"].get<double>()).epsilon(1e-9));
    CHECK(r[0].hash == headless["state_hash"].get<std::string>());
    CHECK(r[0].hours == doctest::Approx(4.0));
    // `almalyk replay RUN` reproduces the window's run from the record.
    CHECK(runCommand("\"" + exe + "\" replay " + r[0].id + " --records " + db.string() + " > " + (dir / "replay.out").string()) == 0);
    // Both pictures are real frames of the window (not blank): the debrief's dark panels over the lit scene.
    for (const fs::path& p : {mid, png}) {
        CHECK(runCommand("python3 " + std::string(ALMALYK_SOURCE_DIR) + "/scripts/check_png " + p.string() + " 1280 720") == 0);
    }
    fs::remove_all(dir);
}
