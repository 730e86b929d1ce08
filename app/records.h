// app/records.h — trainee records in SQLite (issue 14; docs/training.md "Trainee records"): trainees, runs,
// per-objective results and the debrief events, in $XDG_DATA_HOME/almalyk/records.db (default
// ~/.local/share/almalyk/records.db), or any file given with --records.
// Use:
//   std::string notice, why;
//   auto db = app::Records::open(app::defaultRecordsPath(), &notice, &why);  // notice: a damaged file kept aside
//   if (!db) { print why; return 1; }
//   db->beginRun(row, &why);                    // the run exists from its first second, marked incomplete
//   db->saveProgress(run_id, replayDoc, &why);  // score, objectives, events and the replay so far; still incomplete
//   db->finishRun(run_id, replayDoc, &why);     // complete
// Model: one SQLite file in WAL mode with synchronous=FULL; every write is one transaction, so a crash (even
//   SIGKILL, or the power) leaves the database as of the last committed write: every finished run intact, the one in
//   progress there and marked incomplete (`complete = 0`) with its last saved progress. Each run keeps its whole
//   replay document (sim/replay.h), from which the run, its timeline and every moment of it can be rebuilt, and
//   from which `almalyk replay RUN` reproduces the final state hash.
// Errors: open() checks the file (`PRAGMA quick_check`); a file that is not a database or is damaged is renamed
//   aside ("records.db.damaged-20261203T101500Z", with its -wal and -shm), a new one is started, and `notice` says
//   so (what, where it was kept); a database written by a newer program (schema version) is refused, untouched.
//   Every failing call returns false with SQLite's reason ("database or disk is full"). Writes wait up to 5 s for
//   another process's transaction (a second window or `almalyk records` reading).
// Does NOT: run simulations, format for a language, or delete anything (a damaged file is only moved aside).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace app {

constexpr int kRecordsSchemaVersion = 1;

struct RunRecord {
    std::string runId, parentId, trainee;
    std::optional<std::int64_t> branchAtUs;  // where a branch left its parent (µs from the start)
    std::string scenarioId, scenarioTitle, scenarioHash;  // the hash of the scenario's text (16 hex digits)
    std::uint64_t seed = 0;
    std::string simStart, simEnd;            // ISO 8601, local time at Almalyk
    double simHours = 0;
    std::string wallStart, wallEnd;          // ISO 8601 UTC, the session on the clock ("" while in progress)
    bool complete = false;
    std::string stateHash;                   // the last saved state's hash
    double total = 0;                        // 0..100, as of the last save
};

struct ObjectiveRecord {
    std::string name, kind, text, detail;
    double weight = 1, score = 0;
    bool passed = false;
};

struct EventRecord {
    std::string time, kind, key, detail, by;  // time: ISO 8601
    double minute = 0;
};

class Records {
public:
    ~Records();
    Records(Records&&) noexcept;
    Records& operator=(Records&&) noexcept;
    Records(const Records&) = delete;
    Records& operator=(const Records&) = delete;

    static std::optional<Records> open(const std::string& path, std::string* notice, std::string* why);
    const std::string& path() const { return m_path; }

    // Inserts the trainee (if new) and the run, complete = 0. The wall-clock start is now.
    bool beginRun(const RunRecord& run, std::string* why);
    // Replaces the run's score, objectives, events and replay document with `replay`'s (sim::replayJson).
    bool saveProgress(const std::string& runId, const nlohmann::json& replay, std::string* why);
    // The same, and marks the run complete with the wall-clock end.
    bool finishRun(const std::string& runId, const nlohmann::json& replay, std::string* why);

    // Runs, newest first; only `trainee`'s when given.
    std::vector<RunRecord> runs(const std::string& trainee = {}) const;
    std::optional<RunRecord> run(const std::string& runId) const;
    std::vector<ObjectiveRecord> objectives(const std::string& runId) const;
    std::vector<EventRecord> events(const std::string& runId) const;
    std::optional<std::string> replayText(const std::string& runId) const;
    std::vector<std::string> trainees() const;

private:
    explicit Records(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
    bool save(const std::string& runId, const nlohmann::json& replay, bool finish, std::string* why);
    sqlite3* m_db = nullptr;
    std::string m_path;
};

// $XDG_DATA_HOME/almalyk/records.db (default ~/.local/share/almalyk/records.db).
std::string defaultRecordsPath();
// The hash a run keeps of its scenario's text (FNV-1a, 16 hex digits): which version of the file it ran.
std::string scenarioTextHash(const std::string& text);
// The current UTC time as ISO 8601 ("2026-12-03T10:15:00Z").
std::string utcNowIso();
// CSV (RFC 4180: fields with a comma, quote or line break quoted, quotes doubled) of the runs, one line each, and
// of the objective results, one line per objective of each run.
std::string runsCsv(const std::vector<RunRecord>& runs);
std::string objectivesCsv(const Records* db, const std::vector<RunRecord>& runs);  // db null: the header only

}  // namespace app
