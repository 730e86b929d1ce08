// app/report.cpp — see report.h.
#include "app/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/metrics.h"

namespace app {

namespace {

std::string num(double v, int decimals) {
    if (!std::isfinite(v)) return "–";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    // Thousands separated by a thin space, as printed reports do (no language's comma or point confusion).
    std::string s = buf;
    std::size_t dot = s.find('.');
    if (dot == std::string::npos) dot = s.size();
    const std::size_t first = (s[0] == '-') ? 1 : 0;
    for (std::size_t i = dot; i > first + 3; i -= 3) s.insert(i - 3, "\u2009");
    return s;
}

// "Nice" axis steps (1, 2, 5 × 10^k) giving about `count` ticks over [lo, hi].
std::vector<double> niceTicks(double lo, double hi, int count) {
    std::vector<double> out;
    if (!(hi > lo)) return {lo};
    const double raw = (hi - lo) / std::max(1, count);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    return out;
}

int decimalsFor(double step) { return step >= 1 ? 0 : std::min(4, static_cast<int>(std::ceil(-std::log10(step)))); }

struct Mark {
    double minute;
    std::string kind, label;
};

std::string plotSvg(const ReportSeries& s, double totalMin, const std::vector<Mark>& marks) {
    constexpr double W = 720, H = 220, L = 64, R = 12, T = 14, B = 34;
    double lo = 1e300, hi = -1e300;
    for (double v : s.values)
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    for (const auto& lim : {s.min, s.max})
        if (lim) lo = std::min(lo, *lim), hi = std::max(hi, *lim);
    if (lo > hi) lo = 0, hi = 1;
    if (hi - lo < 1e-9) {
        const double pad = std::max(1.0, std::abs(hi) * 0.05);
        lo -= pad, hi += pad;
    }
    const double pad = (hi - lo) * 0.06;
    lo -= pad, hi += pad;
    const double tmax = std::max(totalMin, 1.0);
    const auto x = [&](double m) { return L + (W - L - R) * std::clamp(m / tmax, 0.0, 1.0); };
    const auto y = [&](double v) { return T + (H - T - B) * (1.0 - (v - lo) / (hi - lo)); };
    std::string o;
    char buf[256];
    std::snprintf(buf, sizeof buf, "<svg class=\"plot\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">", W, H,
                  htmlEscape(s.metric).c_str());
    o += buf;
    // Limits: the allowed band shaded, its edges dashed.
    if (s.min || s.max) {
        const double top = s.max ? y(*s.max) : T, bottom = s.min ? y(*s.min) : H - B;
        std::snprintf(buf, sizeof buf, "<rect class=\"band\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", L,
                      std::min(top, bottom), W - L - R, std::abs(bottom - top));
        o += buf;
        for (const auto& lim : {s.min, s.max})
            if (lim) {
                std::snprintf(buf, sizeof buf, "<line class=\"limit\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>", L, W - R,
                              y(*lim), y(*lim));
                o += buf;
            }
    }
    // Axes and ticks.
    const std::vector<double> yt = niceTicks(lo, hi, 4);
    const int yd = yt.size() > 1 ? decimalsFor(yt[1] - yt[0]) : 0;
    for (double t : yt) {
        std::snprintf(buf, sizeof buf,
                      "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/><text class=\"tick\" x=\"%.1f\" y=\"%.1f\" "
                      "text-anchor=\"end\">%s</text>",
                      L, W - R, y(t), y(t), L - 6, y(t) + 4, num(t, yd).c_str());
        o += buf;
    }
    const bool hours = tmax > 180;
    const std::vector<double> xt = niceTicks(0, hours ? tmax / 60 : tmax, 8);
    const int xd = xt.size() > 1 ? decimalsFor(xt[1] - xt[0]) : 0;
    for (double t : xt) {
        const double m = hours ? t * 60 : t;
        std::snprintf(buf, sizeof buf, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", x(m), H - B + 16,
                      num(t, xd).c_str());
        o += buf;
    }
    std::snprintf(buf, sizeof buf, "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s from the start</text>", W - R,
                  H - 4, hours ? "hours" : "minutes");
    o += buf;
    std::snprintf(buf, sizeof buf, "<line class=\"axisline\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>", L, W - R, H - B, H - B);
    o += buf;
    // Alarms and actions: vertical marks with a title a browser shows on hover.
    for (const Mark& k : marks) {
        std::snprintf(buf, sizeof buf, "<line class=\"mark %s\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"><title>", k.kind.c_str(),
                      x(k.minute), x(k.minute), T, H - B);
        o += buf;
        o += htmlEscape(k.label) + "</title></line>";
    }
    // The curve.
    std::string pts;
    for (std::size_t i = 0; i < s.values.size(); ++i) {
        if (!std::isfinite(s.values[i])) continue;
        std::snprintf(buf, sizeof buf, "%.1f,%.1f ", x(s.minutes[i]), y(s.values[i]));
        pts += buf;
    }
    o += "<polyline class=\"curve\" points=\"" + pts + "\"/>";
    o += "</svg>";
    return o;
}

const char* kindClass(const std::string& kind) {
    if (kind == "alarm_raised" || kind == "fault" || kind == "refused") return "bad";
    if (kind == "alarm_cleared" || kind == "fault_cleared") return "good";
    if (kind == "action" || kind == "alarm_acked") return "act";
    if (kind == "score") return "score";
    return "info";
}

std::string kindWords(const std::string& kind) {
    static const std::pair<const char*, const char*> kWords[] = {
        {"alarm_raised", "alarm raised"}, {"alarm_cleared", "alarm cleared"}, {"alarm_acked", "alarm acknowledged"},
        {"fault", "fault injected"},      {"fault_cleared", "fault cleared"}, {"action", "trainee action"},
        {"refused", "refused"},           {"trigger", "trigger"},             {"hint", "hint shown"},
        {"score", "score event"},         {"end", "end"}};
    for (const auto& [k, w] : kWords)
        if (kind == k) return w;
    return kind;
}

constexpr const char* kCss = R"css(
:root { --ink:#1d2430; --muted:#5b6573; --line:#d8dde4; --good:#1e7a46; --bad:#b3261e; --act:#1f5fae; --band:#e3f1e8; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink); margin: 0; background: #f4f6f8; }
main { max-width: 860px; margin: 0 auto; background: #fff; padding: 28px 36px 40px; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; border-bottom: 3px solid var(--ink); padding-bottom: 14px; }
h1 { font-size: 24px; margin: 0 0 6px; }
h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 14px; margin: 18px 0 4px; }
.org { font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin-bottom: 4px; }
.total { text-align: center; min-width: 150px; border: 2px solid var(--ink); border-radius: 8px; padding: 8px 14px; }
.total .n { font-size: 40px; font-weight: bold; line-height: 1.1; }
.total .of { font-size: 12px; color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 3px 14px; font-size: 13px; margin: 12px 0 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
.banner { margin: 14px 0 0; padding: 8px 12px; border-radius: 6px; font-size: 13px; }
.banner.warn { background: #fdecea; border: 1px solid var(--bad); }
.banner.ok { background: #e8f4ec; border: 1px solid var(--good); }
p.brief { font-size: 14px; line-height: 1.5; background: #f7f8fa; border-left: 4px solid var(--act); padding: 10px 14px; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f4; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.pass { color: var(--good); font-weight: bold; } .fail { color: var(--bad); font-weight: bold; }
.bar { background: #e9ecef; border-radius: 3px; height: 8px; width: 90px; display: inline-block; vertical-align: middle; margin-left: 6px; }
.bar span { display: block; height: 8px; border-radius: 3px; background: var(--good); }
.bar span.low { background: var(--bad); }
.detail { color: var(--muted); font-size: 12px; }
svg.plot { width: 100%; height: auto; display: block; }
svg .band { fill: var(--band); } svg .limit { stroke: var(--good); stroke-dasharray: 5 4; stroke-width: 1.2; }
svg .grid { stroke: #edf0f3; } svg .axisline { stroke: #9aa3ad; }
svg .tick { font-size: 11px; fill: var(--muted); } svg .axis { font-size: 11px; fill: var(--muted); }
svg .curve { fill: none; stroke: var(--ink); stroke-width: 1.8; stroke-linejoin: round; }
svg .mark { stroke-width: 1.4; } svg .mark.bad { stroke: var(--bad); stroke-dasharray: 3 3; } svg .mark.act { stroke: var(--act); }
.legend { font-size: 12px; color: var(--muted); margin: 2px 0 0; }
.legend i { display: inline-block; width: 18px; height: 0; border-top: 2px solid; vertical-align: middle; margin: 0 4px 0 10px; }
tr.bad td:nth-child(3) { color: var(--bad); } tr.good td:nth-child(3) { color: var(--good); } tr.act td:nth-child(3) { color: var(--act); }
tr.score td { color: var(--muted); }
footer { margin-top: 28px; font-size: 11px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { background: #fff; } main { max-width: none; padding: 0; }
  .plotbox, tr, .total, header { break-inside: avoid; }
  h2 { break-after: avoid; }
}
)css";

}  // namespace

std::string htmlEscape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

ReportData reportData(const sim::ReplayRecord& rec, const nlohmann::json& replay, int maxPoints) {
    ReportData d;
    d.replay = replay;
    const auto& defs = sim::metricDefs();
    for (const sim::Objective& o : rec.scenario.objectives) {
        if (o.metricIndex < 0 || o.metricIndex >= static_cast<int>(defs.size())) continue;
        ReportSeries s;
        s.objective = o.name;
        s.metric = o.metric;
        s.unit = defs[static_cast<std::size_t>(o.metricIndex)].unit;
        s.description = defs[static_cast<std::size_t>(o.metricIndex)].description;
        s.min = o.min;
        s.max = o.max;
        s.target = o.atLeast ? o.atLeast : o.atMost;
        d.series.push_back(std::move(s));
    }
    sim::TrainingRun run = sim::replayRun(rec);
    const sim::Time span = std::max<sim::Time>(rec.end - rec.start, sim::kMinute);
    const sim::Time step = std::max<sim::Time>(sim::kMinute, span / std::max(1, maxPoints));
    std::vector<int> indices;
    for (const sim::Objective& o : rec.scenario.objectives)
        if (o.metricIndex >= 0 && o.metricIndex < static_cast<int>(defs.size())) indices.push_back(o.metricIndex);
    for (sim::Time t = rec.start;; t = std::min(rec.end, t + step)) {
        run.runUntil(t);
        const sim::State& st = run.world().state();
        const double minute = sim::toSeconds(run.now() - rec.start) / 60.0;
        for (std::size_t i = 0; i < d.series.size(); ++i) {
            d.series[i].minutes.push_back(minute);
            d.series[i].values.push_back(sim::readMetric(st, indices[i]));
        }
        if (t >= rec.end || run.finished()) break;
    }
    run.runUntil(rec.end);
    d.replayedHash = sim::hashText(run.world().stateHash());
    d.hashMatches = run.world().stateHash() == rec.stateHash && run.now() == rec.end;
    return d;
}

std::string reportHtml(const ReportData& d) {
    const nlohmann::json& r = d.replay;
    const auto str = [&](const nlohmann::json& j, const char* key) {
        return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    const nlohmann::json& sc = r.at("scenario");
    const nlohmann::json& score = r.at("score");
    const double total = score.value("total", 0.0);
    const bool complete = r.value("complete", false);
    const double hours = r.value("end_us", 0.0) / 3.6e9;
    std::string briefing, title = str(sc, "name");
    try {
        const nlohmann::json text = nlohmann::json::parse(str(sc, "text"));
        briefing = text.value("briefing", std::string());
    } catch (const std::exception&) {
    }
    int passed = 0, count = 0;
    for (const auto& o : score.at("objectives")) {
        ++count;
        if (o.value("passed", false)) ++passed;
    }

    std::string h;
    h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Training report: ";
    h += htmlEscape(title) + " — " + htmlEscape(str(r, "trainee")) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n<main>\n";
    h += "<header><div><div class=\"org\">Almalyk MMC · Almalyk Explorer training</div><h1>" + htmlEscape(title) + "</h1>";
    h += "<dl class=\"facts\">";
    const auto fact = [&](const char* k, const std::string& v) { h += "<dt>" + std::string(k) + "</dt><dd>" + htmlEscape(v) + "</dd>"; };
    fact("Trainee", str(r, "trainee").empty() ? "(unnamed)" : str(r, "trainee"));
    fact("Scenario", str(sc, "id"));
    fact("Sim start", str(r, "start"));
    fact("Sim end", str(r, "end"));
    fact("Sim length", num(hours, 2) + " h");
    fact("Seed", r.contains("seed") ? r["seed"].dump() : "");
    if (!d.wallStart.empty()) fact("Session", d.wallStart + (d.wallEnd.empty() ? " – (interrupted)" : " – " + d.wallEnd));
    fact("Run", str(r, "run_id"));
    if (r.contains("parent") && r["parent"].is_object())
        fact("Branched from", str(r["parent"], "run_id") + " at minute " + num(r["parent"].value("at_us", 0.0) / 6e7, 1));
    h += "</dl></div>";
    h += "<div class=\"total\"><div class=\"n\">" + num(total, 1) + "</div><div class=\"of\">of 100 points</div><div class=\"of\">" +
         std::to_string(passed) + " of " + std::to_string(count) + " objectives passed</div></div></header>\n";
    if (!complete)
        h += "<p class=\"banner warn\"><b>Incomplete run.</b> The session ended before the scenario did (the program was closed "
             "or interrupted); the score covers the run up to " + htmlEscape(str(r, "end")) + ".</p>\n";
    h += std::string("<p class=\"banner ") + (d.hashMatches ? "ok\">Verified: re-simulating this run from its record reached the recorded "
                                                             "final state (hash " + htmlEscape(str(r, "state_hash")) + ")."
                                                           : "warn\"><b>Not verified:</b> re-simulating the record reached state " +
                                                                 htmlEscape(d.replayedHash) + ", not the recorded " +
                                                                 htmlEscape(str(r, "state_hash")) + ".") + "</p>\n";
    if (!briefing.empty()) h += "<h2>Briefing</h2>\n<p class=\"brief\">" + htmlEscape(briefing) + "</p>\n";

    h += "<h2>Objectives</h2>\n<table><thead><tr><th>Objective</th><th>Weight</th><th>Score</th><th>Result</th></tr></thead><tbody>\n";
    for (const auto& o : score.at("objectives")) {
        const double s = o.value("score", 0.0);
        const bool ok = o.value("passed", false);
        char bar[160];
        std::snprintf(bar, sizeof bar, "<span class=\"bar\"><span class=\"%s\" style=\"width:%.0f%%\"></span></span>", s < 0.5 ? "low" : "",
                      std::clamp(s, 0.0, 1.0) * 100);
        h += "<tr><td>" + htmlEscape(str(o, "text")) + "<div class=\"detail\">" + htmlEscape(str(o, "name")) + " · " +
             htmlEscape(str(o, "kind")) + " · " + htmlEscape(str(o, "detail")) + "</div></td>";
        h += "<td class=\"num\">" + num(o.value("weight", 1.0), 0) + "</td><td class=\"num\">" + num(s * 100, 0) + " %" + bar + "</td>";
        h += std::string("<td class=\"") + (ok ? "pass\">passed" : "fail\">not passed") + "</td></tr>\n";
    }
    h += "</tbody></table>\n";

    // Marks on the plots: alarm raises and the trainee's actions.
    std::vector<Mark> marks;
    for (const auto& e : r.at("timeline")) {
        const std::string kind = str(e, "kind");
        if (kind != "alarm_raised" && kind != "action" && kind != "fault") continue;
        marks.push_back({e.value("minute", 0.0), kind == "action" ? "act" : "bad",
                         kindWords(kind) + " " + str(e, "key") + (str(e, "detail").empty() ? "" : " " + str(e, "detail")) + " (minute " +
                             num(e.value("minute", 0.0), 0) + ")"});
    }
    if (!d.series.empty()) {
        h += "<h2>The run, objective by objective</h2>\n";
        for (const ReportSeries& s : d.series) {
            std::string text;
            for (const auto& o : score.at("objectives"))
                if (str(o, "name") == s.objective) text = str(o, "text");
            h += "<div class=\"plotbox\"><h3>" + htmlEscape(s.metric) + " (" + htmlEscape(s.unit) + ") — " + htmlEscape(text) + "</h3>";
            h += plotSvg(s, hours * 60, marks);
            h += "<p class=\"legend\">" + htmlEscape(s.description);
            if (s.min || s.max) h += "<i style=\"border-color:#1e7a46;border-top-style:dashed\"></i>allowed limits";
            h += "<i style=\"border-color:#b3261e;border-top-style:dashed\"></i>alarm raised / fault<i style=\"border-color:#1f5fae\"></i>trainee action</p></div>\n";
        }
    }

    h += "<h2>Debrief timeline</h2>\n<table><thead><tr><th>Minute</th><th>Time</th><th>Event</th><th>What</th><th>By</th></tr></thead><tbody>\n";
    for (const auto& e : r.at("timeline")) {
        const std::string kind = str(e, "kind"), time = str(e, "time");
        h += std::string("<tr class=\"") + kindClass(kind) + "\"><td class=\"num\">" + num(e.value("minute", 0.0), 1) + "</td><td>" +
             htmlEscape(time.size() >= 16 ? time.substr(11, 5) : time) + "</td><td>" + htmlEscape(kindWords(kind)) + "</td><td>" +
             htmlEscape(str(e, "key")) + (str(e, "detail").empty() ? "" : "<div class=\"detail\">" + htmlEscape(str(e, "detail")) + "</div>") +
             "</td><td>" + htmlEscape(str(e, "by")) + "</td></tr>\n";
    }
    h += "</tbody></table>\n";
    h += "<footer>Almalyk Explorer · training scenario file " + htmlEscape(str(sc, "file")) + " · replay format " +
         std::to_string(r.value("version", 0)) + " · times are local time at Almalyk (UTC+5)</footer>\n";
    h += "</main>\n</body>\n</html>\n";
    return h;
}

}  // namespace app
