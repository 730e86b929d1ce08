// app/records_mode.cpp — `almalyk records` and `almalyk report RUN --out FILE.html` (docs/training.md).
// records [--records FILE] [--trainee NAME] [--csv FILE|-] [--objectives-csv FILE]: every run, newest first, as a
//   tab-separated table (run_id, trainee, scenario, sim_start, wall_start, status, total, parent), or as CSV files.
// report RUN|FILE --out FILE.html [--records FILE]: the printable report of one run (app/report.h), from the records
//   (a run id) or from a replay file; the run is re-simulated for the plots and its state hash checked.
// Exit 2 for a run id that is not in the records (with the closest ids) or a replay that cannot be read; 1 when a
// file cannot be written (with the reason).
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/options.h"
#include "app/records.h"
#include "app/report.h"
#include "engine/atomic_file.h"
#include "sim/replay.h"

namespace app {

namespace {

namespace fs = std::filesystem;

// The records for reading: a missing database is no error for a listing (there are no runs yet), and is not created.
std::optional<Records> openForReading(const std::string& given, const char* mode, bool* missing) {
    const std::string path = given.empty() ? defaultRecordsPath() : given;
    std::error_code ec;
    *missing = !fs::exists(path, ec);
    if (*missing) return std::nullopt;
    std::string notice, why;
    std::optional<Records> db = Records::open(path, &notice, &why);
    if (!notice.empty()) std::fprintf(stderr, "almalyk %s: %s\n", mode, notice.c_str());
    if (!db) std::fprintf(stderr, "almalyk %s: records: %s\n", mode, why.c_str());
    return db;
}

bool writeOut(const char* mode, const std::string& path, const std::string& text) {
    if (path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0;
    }
    std::string why;
    if (eng::writeFileAtomic(path, text, &why)) return true;
    std::fprintf(stderr, "almalyk %s: %s\n", mode, why.c_str());
    return false;
}

}  // namespace

// A RUN argument: a replay file when one exists at that path, else a run id in the records. The replay's text and,
// from the records, the wall-clock session. Exit code in *rc when it fails.
bool loadRunText(const std::string& run, const std::string& records, const char* mode, std::string* text, std::string* label,
                 std::string* wallStart, std::string* wallEnd, int* rc) {
    std::error_code ec;
    if (fs::is_regular_file(run, ec)) {
        std::string why;
        if (!sim::readTextFile(run, sim::kDataFileMaxBytes, "replay", text, &why)) {
            std::fprintf(stderr, "almalyk %s: %s\n", mode, why.c_str());
            *rc = 2;
            return false;
        }
        *label = run;
        return true;
    }
    bool missing = false;
    std::optional<Records> db = openForReading(records, mode, &missing);
    const std::string path = records.empty() ? defaultRecordsPath() : records;
    if (missing) {
        std::fprintf(stderr, "almalyk %s: '%s' is neither a replay file nor a recorded run: there are no records at %s yet\n", mode,
                     run.c_str(), path.c_str());
        *rc = 2;
        return false;
    }
    if (!db) {
        *rc = 1;
        return false;
    }
    const std::optional<RunRecord> row = db->run(run);
    std::optional<std::string> replay = row ? db->replayText(run) : std::nullopt;
    if (!row || !replay) {
        std::string ids;
        int n = 0;
        for (const RunRecord& r : db->runs())
            if (n++ < 3) ids += (ids.empty() ? "" : ", ") + r.runId;
        std::fprintf(stderr, "almalyk %s: '%s' is neither a replay file nor a run in %s%s%s\n", mode, run.c_str(), path.c_str(),
                     row ? " with a saved replay" : "", ids.empty() ? " (it holds no runs)" : ("; the latest runs: " + ids).c_str());
        *rc = 2;
        return false;
    }
    *text = std::move(*replay);
    *label = path + ":" + run;
    *wallStart = row->wallStart;
    *wallEnd = row->wallEnd;
    return true;
}

int runRecords(const RecordsOptions& o) {
    bool missing = false;
    std::optional<Records> db = openForReading(o.records, "records", &missing);
    std::vector<RunRecord> runs;
    if (!missing && !db) return 1;
    if (db) runs = db->runs(o.trainee);
    if (!o.csv.empty() || !o.objectivesCsv.empty()) {
        if (!o.csv.empty() && !writeOut("records", o.csv, runsCsv(runs))) return 1;
        if (!o.objectivesCsv.empty() && !writeOut("records", o.objectivesCsv, objectivesCsv(db ? &*db : nullptr, runs))) return 1;
        return 0;
    }
    std::string out = "run_id\ttrainee\tscenario\tsim_start\twall_start\tstatus\ttotal\tparent\n";
    for (const RunRecord& r : runs) {
        char total[32];
        std::snprintf(total, sizeof total, "%.1f", r.total);
        out.append(r.runId).append("\t").append(r.trainee).append("\t").append(r.scenarioId).append("\t").append(r.simStart);
        out.append("\t").append(r.wallStart).append("\t").append(r.complete ? "complete" : "incomplete").append("\t").append(total);
        out.append("\t").append(r.parentId).append("\n");
    }
    if (missing)
        std::fprintf(stderr, "almalyk records: no records yet at %s\n", (o.records.empty() ? defaultRecordsPath() : o.records).c_str());
    return writeOut("records", "-", out) ? 0 : 1;
}

int runReport(const ReportOptions& o) {
    std::string text, label, wallStart, wallEnd, why;
    int rc = 0;
    if (!loadRunText(o.run, o.records, "report", &text, &label, &wallStart, &wallEnd, &rc)) return rc;
    sim::ReplayRecord rec;
    nlohmann::json doc;
    if (!sim::parseReplay(text, label, rec, &why)) {
        std::fprintf(stderr, "almalyk report: %s\n", why.c_str());
        return 2;
    }
    try {
        doc = nlohmann::json::parse(text);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "almalyk report: %s: %s\n", label.c_str(), e.what());
        return 2;
    }
    ReportData d = reportData(rec, doc);
    d.wallStart = wallStart;
    d.wallEnd = wallEnd;
    if (!writeOut("report", o.out, reportHtml(d))) return 1;
    std::fprintf(stderr, "almalyk report: wrote %s (%s, %s, total %.1f, state %s)\n", o.out.c_str(), rec.scenario.id.c_str(),
                 rec.meta.trainee.c_str(), rec.scoreTotal, d.hashMatches ? "verified" : "NOT verified");
    return 0;
}

}  // namespace app
