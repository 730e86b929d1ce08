// app/records.cpp — see records.h.
#include "app/records.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <utility>

#include <sqlite3.h>

#include "app/tour_editor.h"  // xdgFolder

namespace app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS trainees (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    trainee_id INTEGER NOT NULL REFERENCES trainees(id),
    parent_run_id TEXT,
    branch_at_us INTEGER,
    scenario_id TEXT NOT NULL,
    scenario_title TEXT NOT NULL,
    scenario_hash TEXT NOT NULL,
    seed TEXT NOT NULL,
    sim_start TEXT NOT NULL,
    sim_end TEXT NOT NULL,
    sim_hours REAL NOT NULL DEFAULT 0,
    wall_start TEXT NOT NULL,
    wall_end TEXT,
    complete INTEGER NOT NULL DEFAULT 0,
    state_hash TEXT,
    total REAL NOT NULL DEFAULT 0,
    replay TEXT);
CREATE TABLE IF NOT EXISTS objective_results (
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    idx INTEGER NOT NULL,
    name TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
    weight REAL NOT NULL, score REAL NOT NULL, passed INTEGER NOT NULL, detail TEXT NOT NULL,
    PRIMARY KEY (run_id, idx));
CREATE TABLE IF NOT EXISTS events (
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    seq INTEGER NOT NULL,
    time TEXT NOT NULL, minute REAL NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, detail TEXT NOT NULL, by TEXT NOT NULL,
    PRIMARY KEY (run_id, seq));
CREATE INDEX IF NOT EXISTS runs_by_trainee ON runs(trainee_id, wall_start);
)sql";

std::string errorText(sqlite3* db) { return db ? sqlite3_errmsg(db) : "out of memory"; }

// A prepared statement that finalizes itself.
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) : m_db(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &m_s, nullptr) != SQLITE_OK) m_s = nullptr;
    }
    ~Stmt() { sqlite3_finalize(m_s); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    bool ok() const { return m_s != nullptr; }
    Stmt& text(int i, const std::string& v) {
        sqlite3_bind_text(m_s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& textOrNull(int i, const std::string& v) {
        if (v.empty()) sqlite3_bind_null(m_s, i);
        else text(i, v);
        return *this;
    }
    Stmt& integer(int i, std::int64_t v) {
        sqlite3_bind_int64(m_s, i, v);
        return *this;
    }
    Stmt& real(int i, double v) {
        sqlite3_bind_double(m_s, i, v);
        return *this;
    }
    Stmt& null(int i) {
        sqlite3_bind_null(m_s, i);
        return *this;
    }
    int step() { return m_s ? sqlite3_step(m_s) : SQLITE_ERROR; }
    void reset() {
        sqlite3_reset(m_s);
        sqlite3_clear_bindings(m_s);
    }
    bool run(std::string* why) {
        const int rc = step();
        if (rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
        if (why) *why = errorText(m_db);
        return false;
    }
    std::string col(int i) const {
        const unsigned char* t = sqlite3_column_text(m_s, i);
        return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(m_s, i))) : std::string();
    }
    bool isNull(int i) const { return sqlite3_column_type(m_s, i) == SQLITE_NULL; }
    std::int64_t colInt(int i) const { return sqlite3_column_int64(m_s, i); }
    double colReal(int i) const { return sqlite3_column_double(m_s, i); }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_s = nullptr;
};

bool exec(sqlite3* db, const char* sql, std::string* why) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) == SQLITE_OK) return true;
    if (why) *why = err ? err : errorText(db);
    sqlite3_free(err);
    return false;
}

// BEGIN IMMEDIATE ... COMMIT, rolled back when the body fails (or throws: a json type error in a hand-made replay).
template <class F>
bool transaction(sqlite3* db, std::string* why, F&& body) {
    if (!exec(db, "BEGIN IMMEDIATE", why)) return false;
    bool ok = false;
    try {
        ok = body();
    } catch (const std::exception& e) {
        if (why) *why = e.what();
        ok = false;
    }
    if (ok && exec(db, "COMMIT", why)) return true;
    exec(db, "ROLLBACK", nullptr);
    return false;
}

std::string fnv1aHex(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::string stampForName() {
    std::string s = utcNowIso();  // 2026-12-03T10:15:00Z -> 20261203T101500Z
    std::string out;
    for (char c : s)
        if (c != '-' && c != ':') out += c;
    return out;
}

// Opens (creating) `path` and checks it; "" on success, else the reason it is not a usable records database.
// `newer` is set when the file is a sound database of a later schema.
std::string tryOpen(const std::string& path, sqlite3** out, bool* newer) {
    *out = nullptr;
    *newer = false;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
        std::string why = errorText(db);
        sqlite3_close(db);
        return why.empty() ? "cannot open" : why;
    }
    sqlite3_busy_timeout(db, 5000);
    std::string why;
    {
        Stmt check(db, "PRAGMA quick_check");
        if (!check.ok()) why = errorText(db);
        else if (check.step() != SQLITE_ROW) why = errorText(db);
        else if (check.col(0) != "ok") why = "damaged: " + check.col(0);
    }
    std::int64_t version = 0;
    if (why.empty()) {  // before anything writes (WAL mode changes the header)
        Stmt v(db, "PRAGMA user_version");
        version = v.ok() && v.step() == SQLITE_ROW ? v.colInt(0) : 0;
        if (version > kRecordsSchemaVersion) {
            *newer = true;
            why = "written by a newer Almalyk Explorer (records schema " + std::to_string(version) + ", this program reads up to " +
                  std::to_string(kRecordsSchemaVersion) + "); left untouched";
        }
    }
    if (why.empty() && !exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", &why)) {
    }
    if (why.empty()) {
        if (!exec(db, kSchema, &why)) {
        } else if (version < kRecordsSchemaVersion &&
                   !exec(db, ("PRAGMA user_version=" + std::to_string(kRecordsSchemaVersion)).c_str(), &why)) {
        }
    }
    if (!why.empty()) {
        sqlite3_close(db);
        return why;
    }
    *out = db;
    return {};
}

RunRecord readRun(const Stmt& s) {
    RunRecord r;
    r.runId = s.col(0);
    r.trainee = s.col(1);
    r.parentId = s.col(2);
    if (!s.isNull(3)) r.branchAtUs = s.colInt(3);
    r.scenarioId = s.col(4);
    r.scenarioTitle = s.col(5);
    r.scenarioHash = s.col(6);
    r.seed = std::strtoull(s.col(7).c_str(), nullptr, 10);
    r.simStart = s.col(8);
    r.simEnd = s.col(9);
    r.simHours = s.colReal(10);
    r.wallStart = s.col(11);
    r.wallEnd = s.col(12);
    r.complete = s.colInt(13) != 0;
    r.stateHash = s.col(14);
    r.total = s.colReal(15);
    return r;
}

constexpr const char* kRunColumns =
    "SELECT r.run_id, t.name, r.parent_run_id, r.branch_at_us, r.scenario_id, r.scenario_title, r.scenario_hash, r.seed, "
    "r.sim_start, r.sim_end, r.sim_hours, r.wall_start, r.wall_end, r.complete, r.state_hash, r.total "
    "FROM runs r JOIN trainees t ON t.id = r.trainee_id ";

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string number(double v, const char* fmt = "%.2f") {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

}  // namespace

Records::~Records() { sqlite3_close(m_db); }
Records::Records(Records&& o) noexcept : m_db(std::exchange(o.m_db, nullptr)), m_path(std::move(o.m_path)) {}
Records& Records::operator=(Records&& o) noexcept {
    if (this != &o) {
        sqlite3_close(m_db);
        m_db = std::exchange(o.m_db, nullptr);
        m_path = std::move(o.m_path);
    }
    return *this;
}

std::optional<Records> Records::open(const std::string& path, std::string* notice, std::string* why) {
    if (notice) notice->clear();
    std::error_code ec;
    const fs::path p(path);
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    if (fs::is_directory(p, ec)) {
        if (why) *why = path + ": is a folder, not a records database";
        return std::nullopt;
    }
    sqlite3* db = nullptr;
    bool newer = false;
    std::string reason = tryOpen(path, &db, &newer);
    if (db) return Records(db, path);
    if (newer || !fs::exists(p, ec)) {
        if (why) *why = path + ": " + reason;
        return std::nullopt;
    }
    // Not a database, or damaged: keep it (and its journal) aside for whoever can rescue it, start a new one.
    const std::string aside = path + ".damaged-" + stampForName();
    fs::rename(p, aside, ec);
    if (ec) {
        if (why) *why = path + ": " + reason + "; it could not be moved aside (" + ec.message() + ")";
        return std::nullopt;
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        std::error_code e2;
        if (fs::exists(path + suffix, e2)) fs::rename(path + suffix, aside + suffix, e2);
    }
    reason.append("; kept aside as ").append(aside).append(", a new records database was started");
    std::string second = tryOpen(path, &db, &newer);
    if (!db) {
        if (why) *why = path + ": " + reason + ", but it could not be created: " + second;
        return std::nullopt;
    }
    if (notice) *notice = path + ": " + reason;
    return Records(db, path);
}

bool Records::beginRun(const RunRecord& run, std::string* why) {
    return transaction(m_db, why, [&] {
        Stmt t(m_db, "INSERT INTO trainees (name, created) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING");
        if (!t.text(1, run.trainee).text(2, utcNowIso()).run(why)) return false;
        Stmt r(m_db,
               "INSERT INTO runs (run_id, trainee_id, parent_run_id, branch_at_us, scenario_id, scenario_title, scenario_hash, "
               "seed, sim_start, sim_end, sim_hours, wall_start, complete, state_hash, total) "
               "VALUES (?1, (SELECT id FROM trainees WHERE name = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11, 0, ?12, 0)");
        r.text(1, run.runId).text(2, run.trainee).textOrNull(3, run.parentId);
        if (run.branchAtUs) r.integer(4, *run.branchAtUs);
        else r.null(4);
        r.text(5, run.scenarioId).text(6, run.scenarioTitle).text(7, run.scenarioHash).text(8, std::to_string(run.seed));
        r.text(9, run.simStart).text(10, run.simStart).text(11, run.wallStart.empty() ? utcNowIso() : run.wallStart);
        r.textOrNull(12, run.stateHash);
        return r.run(why);
    });
}

bool Records::save(const std::string& runId, const nlohmann::json& replay, bool finish, std::string* why) {
    return transaction(m_db, why, [&] {
        {
            Stmt exists(m_db, "SELECT complete FROM runs WHERE run_id = ?1");
            exists.text(1, runId);
            if (exists.step() != SQLITE_ROW) {
                if (why) *why = "run " + runId + " is not in the records (beginRun first)";
                return false;
            }
        }
        const nlohmann::json& score = replay.at("score");
        const double hours = replay.at("end_us").get<double>() / 3.6e9;
        const std::string text = replay.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        Stmt u(m_db,
               finish ? "UPDATE runs SET sim_end = ?2, sim_hours = ?3, state_hash = ?4, total = ?5, replay = ?6, "
                        "complete = 1, wall_end = ?7 WHERE run_id = ?1"
                      : "UPDATE runs SET sim_end = ?2, sim_hours = ?3, state_hash = ?4, total = ?5, replay = ?6 WHERE run_id = ?1");
        u.text(1, runId).text(2, replay.at("end").get<std::string>()).real(3, hours);
        u.text(4, replay.at("state_hash").get<std::string>()).real(5, score.at("total").get<double>()).text(6, text);
        if (finish) u.text(7, utcNowIso());
        if (!u.run(why)) return false;
        Stmt delO(m_db, "DELETE FROM objective_results WHERE run_id = ?1");
        if (!delO.text(1, runId).run(why)) return false;
        int idx = 0;
        Stmt insO(m_db, "INSERT INTO objective_results VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        for (const nlohmann::json& o : score.at("objectives")) {
            insO.reset();
            Stmt& ins = insO;
            ins.text(1, runId).integer(2, idx++).text(3, o.at("name").get<std::string>()).text(4, o.at("kind").get<std::string>());
            ins.text(5, o.value("text", std::string())).real(6, o.at("weight").get<double>()).real(7, o.at("score").get<double>());
            ins.integer(8, o.at("passed").get<bool>() ? 1 : 0).text(9, o.value("detail", std::string()));
            if (!ins.run(why)) return false;
        }
        Stmt delE(m_db, "DELETE FROM events WHERE run_id = ?1");
        if (!delE.text(1, runId).run(why)) return false;
        int seq = 0;
        Stmt ins(m_db, "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        for (const nlohmann::json& e : replay.at("timeline")) {
            ins.reset();
            ins.text(1, runId).integer(2, seq++).text(3, e.at("time").get<std::string>()).real(4, e.at("minute").get<double>());
            ins.text(5, e.at("kind").get<std::string>()).text(6, e.at("key").get<std::string>());
            ins.text(7, e.value("detail", std::string())).text(8, e.value("by", std::string()));
            if (!ins.run(why)) return false;
        }
        return true;
    });
}

bool Records::saveProgress(const std::string& runId, const nlohmann::json& replay, std::string* why) {
    return save(runId, replay, false, why);
}
bool Records::finishRun(const std::string& runId, const nlohmann::json& replay, std::string* why) {
    return save(runId, replay, true, why);
}

std::vector<RunRecord> Records::runs(const std::string& trainee) const {
    std::vector<RunRecord> out;
    const std::string sql = std::string(kRunColumns) + (trainee.empty() ? "" : "WHERE t.name = ?1 ") + "ORDER BY r.wall_start DESC, r.rowid DESC";
    Stmt s(m_db, sql.c_str());
    if (!trainee.empty()) s.text(1, trainee);
    while (s.step() == SQLITE_ROW) out.push_back(readRun(s));
    return out;
}

std::optional<RunRecord> Records::run(const std::string& runId) const {
    const std::string sql = std::string(kRunColumns) + "WHERE r.run_id = ?1";
    Stmt s(m_db, sql.c_str());
    s.text(1, runId);
    if (s.step() != SQLITE_ROW) return std::nullopt;
    return readRun(s);
}

std::vector<ObjectiveRecord> Records::objectives(const std::string& runId) const {
    std::vector<ObjectiveRecord> out;
    Stmt s(m_db, "SELECT name, kind, text, detail, weight, score, passed FROM objective_results WHERE run_id = ?1 ORDER BY idx");
    s.text(1, runId);
    while (s.step() == SQLITE_ROW)
        out.push_back({.name = s.col(0), .kind = s.col(1), .text = s.col(2), .detail = s.col(3), .weight = s.colReal(4),
                       .score = s.colReal(5), .passed = s.colInt(6) != 0});
    return out;
}

std::vector<EventRecord> Records::events(const std::string& runId) const {
    std::vector<EventRecord> out;
    Stmt s(m_db, "SELECT time, kind, key, detail, by, minute FROM events WHERE run_id = ?1 ORDER BY seq");
    s.text(1, runId);
    while (s.step() == SQLITE_ROW)
        out.push_back({.time = s.col(0), .kind = s.col(1), .key = s.col(2), .detail = s.col(3), .by = s.col(4), .minute = s.colReal(5)});
    return out;
}

std::optional<std::string> Records::replayText(const std::string& runId) const {
    Stmt s(m_db, "SELECT replay FROM runs WHERE run_id = ?1");
    s.text(1, runId);
    if (s.step() != SQLITE_ROW || s.isNull(0)) return std::nullopt;
    return s.col(0);
}

std::vector<std::string> Records::trainees() const {
    std::vector<std::string> out;
    Stmt s(m_db, "SELECT name FROM trainees ORDER BY name");
    while (s.step() == SQLITE_ROW) out.push_back(s.col(0));
    return out;
}

std::string defaultRecordsPath() {
    return (fs::path(xdgFolder("XDG_DATA_HOME", ".local/share")) / "almalyk" / "records.db").string();
}

std::string utcNowIso() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string scenarioTextHash(const std::string& text) { return fnv1aHex(text); }

std::string runsCsv(const std::vector<RunRecord>& runs) {
    std::string out =
        "run_id,trainee,scenario,title,seed,sim_start,sim_end,sim_hours,wall_start,wall_end,complete,total,state_hash,parent_run_id,branch_at_min\r\n";
    for (const RunRecord& r : runs) {
        const std::string fields[] = {r.runId, r.trainee, r.scenarioId, r.scenarioTitle, std::to_string(r.seed), r.simStart,
                                      r.simEnd, number(r.simHours, "%.3f"), r.wallStart, r.wallEnd, r.complete ? "1" : "0",
                                      number(r.total), r.stateHash, r.parentId,
                                      r.branchAtUs ? number(static_cast<double>(*r.branchAtUs) / 6e7, "%.2f") : std::string()};
        std::string line;
        for (const std::string& f : fields) line.append(line.empty() ? "" : ",").append(csvField(f));
        out.append(line).append("\r\n");
    }
    return out;
}

std::string objectivesCsv(const Records* db, const std::vector<RunRecord>& runs) {
    std::string out = "run_id,trainee,scenario,objective,kind,weight,score,passed,detail\r\n";
    if (!db) return out;
    for (const RunRecord& r : runs)
        for (const ObjectiveRecord& o : db->objectives(r.runId)) {
            const std::string fields[] = {r.runId, r.trainee, r.scenarioId, o.name, o.kind, number(o.weight, "%g"),
                                          number(o.score, "%.4f"), o.passed ? "1" : "0", o.detail};
            std::string line;
            for (const std::string& f : fields) line.append(line.empty() ? "" : ",").append(csvField(f));
            out.append(line).append("\r\n");
        }
    return out;
}

}  // namespace app
