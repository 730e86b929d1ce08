// app/report.h — the printable report of one training run (`almalyk report RUN --out report.html`; docs/training.md):
// one self-contained HTML file (no script, no external file: inline CSS and SVG) with the score, the breakdown per
// objective, a plot of each objective's metric over the run with its limits, the alarms and the trainee's actions
// marked, the briefing, and the debrief timeline. Laid out for A4 print as well as a screen.
// Use:
//   sim::ReplayRecord rec; sim::loadReplay(path, rec, &why);                 // or parseReplay of a record's text
//   app::ReportData d = app::reportData(rec, replayJson);                     // re-simulates: the plots' samples
//   std::string html = app::reportHtml(d);                                    // write it atomically
// Model: the replay document holds the score, the objectives and the timeline; the metric curves are not stored,
//   so reportData re-simulates the run from the replay (the same state hash proves it is the same run, and the
//   report says whether it matched).
// Errors: none (a replay that does not match its hash is reported as such, in the report).
// Does NOT: translate (the report is English, the language of the scenario files' texts), read the records
//   database, or write files.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/replay.h"

namespace app {

struct ReportSeries {
    std::string objective, metric, unit, description;
    std::optional<double> min, max;          // the objective's limits (keep_within, restore_within)
    std::optional<double> target;            // reach_total: the target increase
    std::vector<double> minutes, values;     // samples from the start
};

struct ReportData {
    nlohmann::json replay;                   // the replay document (sim::replayJson)
    std::vector<ReportSeries> series;
    bool hashMatches = false;                // the re-simulation reached the recorded state hash
    std::string replayedHash;
    std::string wallStart, wallEnd;          // from the records, when known
};

// Samples each objective's metric (at most `maxPoints` per plot, at least every sim minute) by re-simulating `rec`.
ReportData reportData(const sim::ReplayRecord& rec, const nlohmann::json& replay, int maxPoints = 360);
std::string reportHtml(const ReportData& d);
// Text made safe inside HTML (& < > " ').
std::string htmlEscape(const std::string& s);

}  // namespace app
