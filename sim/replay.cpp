#include "sim/replay.h"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace sim {
namespace {

using json = nlohmann::json;

struct Ctx {
    std::string file;
    std::string* why;
    bool fail(const std::string& path, const std::string& msg) const {
        if (why) *why = file + ": " + path + ": " + msg;
        return false;
    }
};

bool getString(const Ctx& c, const OrderedJson& j, const char* key, const std::string& path, std::string& out,
               bool required = true) {
    if (!j.contains(key)) return !required || c.fail(path + key, "missing");
    if (!j[key].is_string()) return c.fail(path + key, std::string("expected a string, found ") + jsonTypeName(j[key]));
    out = j[key].get<std::string>();
    return true;
}

bool getInt(const Ctx& c, const OrderedJson& j, const char* key, const std::string& path, std::int64_t& out) {
    if (!j.contains(key)) return c.fail(path + key, "missing");
    if (!j[key].is_number_integer()) return c.fail(path + key, "expected a whole number, found " + j[key].dump());
    out = j[key].get<std::int64_t>();
    return true;
}

bool getTime(const Ctx& c, const OrderedJson& j, const char* key, const std::string& path, Time& out) {
    std::string t, w;
    if (!getString(c, j, key, path, t)) return false;
    if (!parseIso8601(t, out, &w)) return c.fail(path + key, w);
    return true;
}

}  // namespace

std::string hashText(std::uint64_t h) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

json replayJson(const TrainingRun& run, const ReplayMeta& meta) {
    const World& w = run.world();
    const Params& p0 = run.initialParams();
    const Params defaults = makeParams();
    json params = json::object();
    for (const ParamDef& d : p0.defs())
        if (p0.get(d.name) != defaults.get(d.name)) params[d.name] = p0.valueText(d.name);
    json actions = json::array();
    for (const TrainingAction& a : run.actions()) {
        json j = {{"t_us", a.at - run.start()}, {"at", formatIso8601(a.at)}, {"kind", actionKindName(a.kind)},
                  {"name", a.name}, {"by", a.by}};
        if (a.kind == TrainingAction::Kind::Lever) j["value"] = a.value;
        actions.push_back(std::move(j));
    }
    json log = json::array();
    for (const LoggedCommand& e : w.commandLog()) {
        json j = {{"tick", e.tick}, {"at", formatIso8601(e.command.at)}, {"type", commandTypeName(e.command.type)},
                  {"name", e.command.name}, {"accepted", e.accepted}};
        if (e.command.type == CommandType::SetParam || e.command.type == CommandType::AssignTruck)
            j["value"] = e.command.value;
        if (!e.accepted) j["message"] = e.message;
        log.push_back(std::move(j));
    }
    json parent = nullptr;
    if (!meta.parentId.empty())
        parent = {{"run_id", meta.parentId}, {"at_us", meta.branchAt ? *meta.branchAt - run.start() : 0}};
    const TrainingScenario& sc = run.scenario();
    return {{"format", "almalyk-replay"},
            {"version", kReplayVersion},
            {"run_id", meta.runId},
            {"parent", parent},
            {"trainee", meta.trainee},
            {"scenario", {{"id", sc.id}, {"name", sc.base.name}, {"file", sc.base.file}, {"text", sc.text}}},
            {"seed", w.seed()},
            {"start", formatIso8601(run.start())},
            {"end", formatIso8601(w.now())},
            {"end_us", w.now() - run.start()},
            {"complete", run.finished()},
            {"params", params},
            {"actions", actions},
            {"command_log", log},
            {"state_hash", hashText(w.stateHash())},
            {"score", scoreJson(run.score())},
            {"timeline", timelineJson(run.timeline(), run.start())}};
}

bool parseReplay(const std::string& text, const std::string& file, ReplayRecord& out, std::string* why) {
    OrderedJson root;
    if (!parseJsonText(text, file, kDataFileMaxDepth, "a replay needs four", &root, why)) return false;
    const Ctx c{file, why};
    if (!root.is_object()) return c.fail("(top level)", "expected an object {...}");
    std::string format;
    if (!getString(c, root, "format", "", format)) return false;
    if (format != "almalyk-replay") return c.fail("format", "expected \"almalyk-replay\", found \"" + format + "\"");
    ReplayRecord r;
    std::int64_t version = 0;
    if (!getInt(c, root, "version", "", version)) return false;
    if (version < 1 || version > kReplayVersion)
        return c.fail("version", "this program reads replay versions 1.." + std::to_string(kReplayVersion) +
                                     ", the file is version " + std::to_string(version) + " (a newer almalyk wrote it?)");
    r.version = static_cast<int>(version);
    if (!getString(c, root, "run_id", "", r.meta.runId) || !getString(c, root, "trainee", "", r.meta.trainee, false))
        return false;
    if (root.contains("parent") && root["parent"].is_object()) {
        std::int64_t at = 0;
        if (!getString(c, root["parent"], "run_id", "parent.", r.meta.parentId) ||
            !getInt(c, root["parent"], "at_us", "parent.", at))
            return false;
        r.meta.branchAt = at;  // an offset until the start is known
    }
    if (!root.contains("scenario") || !root["scenario"].is_object()) return c.fail("scenario", "expected an object");
    std::string scText, scFile;
    if (!getString(c, root["scenario"], "text", "scenario.", scText) ||
        !getString(c, root["scenario"], "file", "scenario.", scFile, false))
        return false;
    std::string w;
    if (!parseTrainingScenario(scText, scFile.empty() ? "scenario" : scFile, r.scenario, &w))
        return c.fail("scenario.text", w);
    r.scenarioFile = scFile;
    if (!root.contains("seed") || !root["seed"].is_number_unsigned()) return c.fail("seed", "expected a whole number >= 0");
    r.seed = root["seed"].get<std::uint64_t>();
    if (!getTime(c, root, "start", "", r.start)) return false;
    std::int64_t endUs = 0;
    if (!getInt(c, root, "end_us", "", endUs)) return false;
    if (endUs < 0) return c.fail("end_us", "expected a time at or after the start");
    r.end = r.start + endUs;
    if (r.meta.branchAt) r.meta.branchAt = r.start + *r.meta.branchAt;
    if (!root.contains("complete") || !root["complete"].is_boolean()) return c.fail("complete", "expected true or false");
    r.complete = root["complete"].get<bool>();
    if (!root.contains("params") || !root["params"].is_object()) return c.fail("params", "expected an object");
    Params scratch = makeParams();
    for (auto it = root["params"].begin(); it != root["params"].end(); ++it) {
        if (!it.value().is_string()) return c.fail("params." + it.key(), "expected the value as text");
        if (!scratch.setFromText(it.key(), it.value().get<std::string>(), &w)) return c.fail("params." + it.key(), w);
        r.params.emplace_back(it.key(), it.value().get<std::string>());
    }
    if (!root.contains("actions") || !root["actions"].is_array()) return c.fail("actions", "expected an array");
    const OrderedJson& acts = root["actions"];
    for (std::size_t i = 0; i < acts.size(); ++i) {
        const std::string path = "actions[" + std::to_string(i) + "].";
        const OrderedJson& j = acts[i];
        if (!j.is_object()) return c.fail(path, "expected an object");
        TrainingAction a;
        std::int64_t t = 0;
        std::string kind;
        if (!getInt(c, j, "t_us", path, t) || !getString(c, j, "kind", path, kind) ||
            !getString(c, j, "name", path, a.name) || !getString(c, j, "by", path, a.by, false))
            return false;
        a.at = r.start + t;
        bool known = false;
        for (auto k : {TrainingAction::Kind::Lever, TrainingAction::Kind::Ack, TrainingAction::Kind::Fault,
                       TrainingAction::Kind::Clear, TrainingAction::Kind::Hint})
            if (kind == actionKindName(k)) { a.kind = k; known = true; }
        if (!known) return c.fail(path + "kind", "expected lever, ack, fault, clear or hint, found \"" + kind + "\"");
        if (a.kind == TrainingAction::Kind::Lever && !getString(c, j, "value", path, a.value)) return false;
        if (!checkTrainingAction(r.scenario, a, &w)) return c.fail(path + "name", w);
        r.actions.push_back(std::move(a));
    }
    if (root.contains("command_log") && root["command_log"].is_array()) r.commandCount = root["command_log"].size();
    std::string hash;
    if (!getString(c, root, "state_hash", "", hash)) return false;
    if (hash.size() != 16 || hash.find_first_not_of("0123456789abcdef") != std::string::npos)
        return c.fail("state_hash", "expected 16 hex digits, found \"" + hash + "\"");
    r.stateHash = std::stoull(hash, nullptr, 16);
    if (root.contains("score") && root["score"].is_object() && root["score"].contains("total") &&
        root["score"]["total"].is_number())
        r.scoreTotal = root["score"]["total"].get<double>();
    out = std::move(r);
    return true;
}

bool loadReplay(const std::string& path, ReplayRecord& out, std::string* why) {
    std::string text;
    if (!readTextFile(path, kDataFileMaxBytes, "replay", &text, why)) return false;
    return parseReplay(text, path, out, why);
}

TrainingRun replayRun(const ReplayRecord& rec) {
    Params p = makeParams();
    for (const auto& [name, value] : rec.params) p.setFromText(name, value);  // checked by parseReplay
    return TrainingRun(std::make_shared<const TrainingScenario>(rec.scenario), p, rec.seed, rec.start, rec.actions);
}

// [SECTION] snapshots, rewind, branch

TrainingSession::TrainingSession(TrainingRun run, Time every)
    : m_run(std::move(run)), m_every(std::max<Time>(every, kSecond)), m_nextSnapshot(m_run->now() + m_every) {
    m_snapshots.push_back(*m_run);
}

void TrainingSession::step() {
    m_run->step();
    if (m_run->now() >= m_nextSnapshot && !m_run->finished()) {
        m_snapshots.push_back(*m_run);
        m_nextSnapshot = m_run->now() + m_every;
    }
}

void TrainingSession::runToEnd() {
    while (!m_run->finished()) step();
}

void TrainingSession::runUntil(Time t) {
    while (!m_run->finished() && m_run->now() < t) step();
}

void TrainingSession::snapshotNow() {
    if (m_snapshots.back().now() >= m_run->now()) return;
    m_snapshots.push_back(*m_run);
    m_nextSnapshot = m_run->now() + m_every;
}

TrainingRun TrainingSession::at(Time t) const {
    t = std::clamp(t, m_run->start(), m_run->now());
    auto it = std::upper_bound(m_snapshots.begin(), m_snapshots.end(), t,
                               [](Time x, const TrainingRun& s) { return x < s.now(); });
    TrainingRun r = *std::prev(it);  // the first snapshot is at the start, so one is always at or before t
    r.adoptActions(*m_run, t);
    r.runUntil(t);
    return r;
}

void TrainingSession::rewind(Time t) {
    TrainingRun past = at(t);
    m_run.reset();
    m_run.emplace(std::move(past));
    while (m_snapshots.size() > 1 && m_snapshots.back().now() > m_run->now()) m_snapshots.pop_back();
    m_nextSnapshot = m_snapshots.back().now() + m_every;
}

TrainingRun TrainingSession::branch(Time t, const std::vector<TrainingAction>& actions) const {
    TrainingRun r = at(t);
    std::string why;
    for (const TrainingAction& a : actions) r.addAction(a, &why);  // refused ones are dropped: checked by the caller
    return r;
}

}  // namespace sim
