// Trainee records (app/records.h) and `almalyk records` / `report` / `replay RUN` end to end: what is stored is
// read back with SQLite's own API (not through app::Records), a damaged file is kept aside byte for byte, a newer
// schema is left alone, the CSV reads back with an RFC 4180 reader, and the report holds the run.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "app/records.h"
#include "run_almalyk.h"
#include "sim/replay.h"
#include "sim/training.h"

namespace {

const std::string kScripts = std::string(ALMALYK_SOURCE_DIR) + "/tests/data/training/";
const std::string kTraining = std::string(ALMALYK_SOURCE_DIR) + "/assets/scenarios/training/";

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// One value from a raw query ("" for NULL or no row).
std::string query(const std::string& db, const std::string& sql) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK, sqlite3_errmsg(h));
    std::string out;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(h);
    return out;
}

// RFC 4180: fields separated by commas, records by CRLF, a quoted field may hold commas, CRLF and "" for a quote.
std::vector<std::vector<std::string>> readCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field), field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field), field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
        any = true;
    }
    if (!any || rows.back().empty()) rows.pop_back();
    return rows;
}

sim::TrainingRun finishedRun(const std::string& scenario, const std::string& actions) {
    sim::TrainingScenario sc;
    std::string why;
    REQUIRE_MESSAGE(sim::loadTrainingScenario(kTraining + scenario + ".json", sc, &why), why);
    std::vector<sim::TrainingAction> acts;
    if (!actions.empty()) REQUIRE_MESSAGE(sim::loadTrainingActions(kScripts + actions, sc, sim::trainingStart(sc), acts, &why), why);
    sim::TrainingRun run = sim::startTraining(sc, acts);
    run.runToEnd();
    return run;
}

app::RunRecord rowFor(const sim::TrainingRun& run, const std::string& id, const std::string& trainee) {
    app::RunRecord r;
    r.runId = id;
    r.trainee = trainee;
    r.scenarioId = run.scenario().id;
    r.scenarioTitle = run.scenario().base.name;
    r.scenarioHash = app::scenarioTextHash(run.scenario().text);
    r.seed = run.world().seed();
    r.simStart = sim::formatIso8601(run.start());
    return r;
}

}  // namespace

TEST_CASE("records: a run is stored from its start, incomplete, then complete with its objectives and events") {
    const auto dir = tempDir("records");
    const std::string path = (dir / "sub" / "records.db").string();  // the folder is created
    std::string notice, why;
    auto db = app::Records::open(path, &notice, &why);
    REQUIRE_MESSAGE(db, why);
    CHECK(notice.empty());
    const sim::TrainingRun run = finishedRun("furnace_overheating", "furnace_overheating.good.json");
    REQUIRE(db->beginRun(rowFor(run, "r1", "Dilnoza Yusupova"), &why));
    CHECK(query(path, "PRAGMA journal_mode") == "wal");
    CHECK(query(path, "SELECT complete FROM runs WHERE run_id = 'r1'") == "0");
    CHECK(query(path, "SELECT wall_end FROM runs WHERE run_id = 'r1'").empty());

    const sim::ReplayMeta meta{.runId = "r1", .trainee = "Dilnoza Yusupova", .parentId = {}, .branchAt = std::nullopt};
    const nlohmann::json doc = sim::replayJson(run, meta);
    REQUIRE_MESSAGE(db->finishRun("r1", doc, &why), why);
    CHECK(query(path, "SELECT complete FROM runs WHERE run_id = 'r1'") == "1");
    CHECK(std::stod(query(path, "SELECT total FROM runs WHERE run_id = 'r1'")) == doctest::Approx(run.score().total).epsilon(1e-3));
    CHECK(query(path, "SELECT COUNT(*) FROM objective_results WHERE run_id = 'r1'") == std::to_string(run.score().objectives.size()));
    CHECK(query(path, "SELECT COUNT(*) FROM events WHERE run_id = 'r1'") == std::to_string(run.timeline().size()));
    CHECK(query(path, "SELECT name FROM trainees") == "Dilnoza Yusupova");
    CHECK(query(path, "SELECT state_hash FROM runs") == sim::hashText(run.world().stateHash()));

    // The stored replay rebuilds the run to the same state.
    const auto text = db->replayText("r1");
    REQUIRE(text);
    sim::ReplayRecord rec;
    REQUIRE_MESSAGE(sim::parseReplay(*text, "db", rec, &why), why);
    sim::TrainingRun again = sim::replayRun(rec);
    again.runUntil(rec.end);
    CHECK(again.world().stateHash() == run.world().stateHash());

    // A second trainee's run, then the lists.
    const sim::TrainingRun poor = finishedRun("furnace_overheating", "furnace_overheating.poor.json");
    REQUIRE(db->beginRun(rowFor(poor, "r2", "Bekzod Rakhimov"), &why));
    CHECK(db->runs().size() == 2);
    CHECK(db->runs("Bekzod Rakhimov").size() == 1);
    CHECK(db->runs("Bekzod Rakhimov")[0].complete == false);
    CHECK(db->trainees() == std::vector<std::string>{"Bekzod Rakhimov", "Dilnoza Yusupova"});
    CHECK_FALSE(db->beginRun(rowFor(poor, "r2", "Bekzod Rakhimov"), &why));  // a run id is unique
    CHECK(has(why, "UNIQUE"));
    CHECK_FALSE(db->finishRun("nope", doc, &why));
    CHECK(has(why, "nope"));
}

TEST_CASE("records: a file that is not a database is kept aside, byte for byte, and a new one is started") {
    const auto dir = tempDir("records_bad");
    const std::string path = (dir / "records.db").string();
    const std::string garbage = "this is a trainee's spreadsheet, not SQLite\n" + std::string(5000, 'x');
    std::ofstream(path, std::ios::binary) << garbage;
    std::string notice, why;
    auto db = app::Records::open(path, &notice, &why);
    REQUIRE_MESSAGE(db, why);
    CHECK(has(notice, "kept aside as"));
    CHECK(has(notice, path));
    std::vector<std::filesystem::path> aside;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (has(e.path().filename().string(), "records.db.damaged-")) aside.push_back(e.path());
    REQUIRE(aside.size() == 1);
    CHECK(slurp(aside[0]) == garbage);
    CHECK(db->runs().empty());
    const sim::TrainingRun run = finishedRun("acid_plant_trip", "");
    CHECK(db->beginRun(rowFor(run, "r1", "T"), &why));

    // A database whose pages were overwritten is damaged too: kept aside, never written over.
    db.reset();
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096);  // the second page, a b-tree page of the schema: its page header and cells
        const std::string noise(4096, '\xAB');
        f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    std::filesystem::remove(path + "-wal");
    db = app::Records::open(path, &notice, &why);
    REQUIRE_MESSAGE(db, why);
    CHECK(has(notice, "kept aside"));
}

TEST_CASE("records: a database of a newer schema is refused and left untouched") {
    const auto dir = tempDir("records_newer");
    const std::string path = (dir / "records.db").string();
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &h) == SQLITE_OK);
    REQUIRE(sqlite3_exec(h, "CREATE TABLE future(x); PRAGMA user_version=7;", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
    const std::string before = slurp(path);
    std::string notice, why;
    CHECK_FALSE(app::Records::open(path, &notice, &why));
    CHECK(has(why, "newer"));
    CHECK(has(why, "7"));
    CHECK(slurp(path) == before);
}

TEST_CASE("records: the default database follows XDG_DATA_HOME") {
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_DATA_HOME", "/srv/almalyk-data", 1);
    CHECK(app::defaultRecordsPath() == "/srv/almalyk-data/almalyk/records.db");
    if (old) ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_DATA_HOME");
}

TEST_CASE("almalyk records, replay RUN and report RUN end to end") {
    const auto dir = tempDir("records_cli");
    const std::string db = (dir / "records.db").string(), good = kScripts + "acid_plant_trip.good.json",
                      poor = kScripts + "acid_plant_trip.poor.json";
    // A name a CSV must quote: a comma and a quote.
    const RunResult a = runAlmalyk({"train", "--scenario", "acid_plant_trip", "--actions", good.c_str(), "--records", db.c_str(),
                                    "--trainee", "Karimov, A. \"Sasha\""});
    REQUIRE_MESSAGE(a.code == 0, a.err);
    const RunResult b = runAlmalyk({"train", "--scenario", "acid_plant_trip", "--actions", poor.c_str(), "--records", db.c_str(),
                                    "--trainee", "Bekzod"});
    REQUIRE_MESSAGE(b.code == 0, b.err);
    const nlohmann::json ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
    CHECK(ja["records"] == db);

    const RunResult list = runAlmalyk({"records", "--records", db.c_str()});
    REQUIRE(list.code == 0);
    CHECK(has(list.out, "run_id\ttrainee\tscenario"));
    CHECK(has(list.out, ja["run_id"].get<std::string>()));
    CHECK(has(list.out, "\tcomplete\t"));

    const std::string csv = (dir / "runs.csv").string(), objCsv = (dir / "objectives.csv").string();
    REQUIRE(runAlmalyk({"records", "--records", db.c_str(), "--csv", csv.c_str(), "--objectives-csv", objCsv.c_str()}).code == 0);
    const auto rows = readCsv(slurp(csv));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][0] == "run_id");
    bool named = false;
    for (const auto& r : rows) {
        CHECK(r.size() == rows[0].size());
        if (r[1] == "Karimov, A. \"Sasha\"") {
            named = true;
            CHECK(std::stod(r[11]) == doctest::Approx(ja["total"].get<double>()).epsilon(1e-3));
        }
    }
    CHECK(named);
    const auto objRows = readCsv(slurp(objCsv));
    CHECK(objRows.size() == 1 + ja["objectives"].size() + jb["objectives"].size());
    const RunResult only = runAlmalyk({"records", "--records", db.c_str(), "--trainee", "Bekzod", "--csv", "-"});
    CHECK(readCsv(only.out).size() == 2);

    // replay RUN re-simulates the stored run.
    const std::string idA = ja["run_id"];
    const RunResult rp = runAlmalyk({"replay", idA.c_str(), "--records", db.c_str()});
    REQUIRE_MESSAGE(rp.code == 0, rp.err);
    CHECK(nlohmann::json::parse(rp.out)["match"] == true);

    // The report: the score, each objective's words and result, a plot per metric objective, the timeline.
    const std::string html = (dir / "report.html").string();
    const std::string idB = jb["run_id"];
    const RunResult rep = runAlmalyk({"report", idB.c_str(), "--records", db.c_str(), "--out", html.c_str()});
    REQUIRE_MESSAGE(rep.code == 0, rep.err);
    const std::string page = slurp(html);
    CHECK(has(page, "<!DOCTYPE html>"));
    CHECK(has(page, "Verified"));
    for (const auto& o : jb["objectives"]) {
        CHECK(has(page, o["text"].get<std::string>()));
    }
    CHECK(has(page, "not passed"));  // the poor operator fails some
    CHECK(has(page, "<polyline class=\"curve\""));
    CHECK(has(page, "Debrief timeline"));
    CHECK(has(page, "Bekzod"));
    // A name with markup is shown as text, never as markup.
    CHECK_FALSE(has(slurp(html), "<script"));

    // Bad input: a run that is not there (exit 2, the latest ids), no records at all, a report without --out.
    const RunResult missing = runAlmalyk({"report", "run-0-deadbeef", "--records", db.c_str(), "--out", html.c_str()});
    CHECK(missing.code == 2);
    CHECK(has(missing.err, "run-0-deadbeef"));
    CHECK(has(missing.err, idB));
    const std::string none = (dir / "none.db").string();
    const RunResult empty = runAlmalyk({"replay", "run-1", "--records", none.c_str()});
    CHECK(empty.code == 2);
    CHECK(has(empty.err, "no records"));
    CHECK_FALSE(std::filesystem::exists(none));  // reading never creates a database
    CHECK(runAlmalyk({"report", idB.c_str(), "--records", db.c_str()}).code == 2);
    CHECK(runAlmalyk({"report", idB.c_str(), "--out", (dir / "r.pdf").string().c_str()}).code == 2);
    CHECK(runAlmalyk({"train", "--list", "--record"}).code == 2);
}
