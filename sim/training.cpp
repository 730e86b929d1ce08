#include "sim/training.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "sim/alarms.h"
#include "sim/metrics.h"
#include "sim/names.h"

namespace sim {
namespace {

using json = OrderedJson;

// [SECTION] levers

// Limits are what a control-room operator may set; each lever's consequence is pinned by tests/sim/test_training.cpp.
const std::vector<LeverDef> kLevers = {
    {"dispatch_rule", "mine.dispatch", "-", 0, 1,
     "fixed: each truck keeps its shovel; least_wait: empty trucks go where loading starts soonest (re-dispatch "
     "around a broken shovel: mine.ore_t_h, mine.trucks_queued_at_shovel)"},
    {"fleet_trucks", "mine.trucks", "count", 10, 60,
     "trucks in the haul cycle; spares drive out of the park-up, extras park after their cycle (mine.ore_t_h, "
     "mine.trucks_in_fleet)"},
    {"assign_truck", "", "-", 0, 0,
     "the dispatcher assigns trucks to a shovel, \"TRUCKS>SHOVEL\" as labelled (\"4,9>2\"; \">auto\" hands them back "
     "to the dispatch rule): a queuing truck leaves for its new face at once (mine.trucks_queued_at_shovel, "
     "mine.ore_t_h)"},
    {"active_shovels", "mine.shovels", "count", 1, 8,
     "shovels at working faces; fewer faces concentrate a short fleet (mine.mean_queue_min, mine.ore_t_h)"},
    {"crusher_feed_t_h", "transport.crusher_t_h", "t/h", 0, 6000,
     "crusher feed rate from the run-of-mine pad into the surge stockpile (transport.crusher_t_h, "
     "transport.stockpile_t)"},
    {"ore_route", "transport.mode", "-", 0, 2,
     "rail, conveyor or both from the surge stockpile to the concentrator (transport.delivered_t_h)"},
    {"mill_feed_t_h", "concentrator.capacity_t_h", "t/h", 0, 5000,
     "concentrator feed rate: a lower feed stretches the coarse-ore store (concentrator.mill_t_h, "
     "concentrator.starved)"},
    {"smelter_feed_t_h", "smelter.feed_t_h", "t/h", 0, 120,
     "nominal concentrate feed to the furnace: heat, SO2 and matte follow it (smelter.feed_t_h, "
     "smelter.offgas_so2_t_h, smelter.bath_temp_c)"},
    {"oxygen_enrichment", "smelter.o2_enrichment", "-", 0.21, 0.95,
     "O2 fraction of the furnace blast: less enrichment, more N2 ballast carrying heat away (smelter.bath_temp_c)"},
    {"converter_timing", "smelter.blowing_max", "count", 0, 3,
     "converters allowed to blow at once: the others hold rolled out, their blow paused; 0 stops converter SO2 while "
     "the acid plant is down, and matte builds up in the furnace (smelter.converters_blowing, "
     "smelter.stack_so2_t_h, smelter.bath_level_m)"},
    {"reformer_mode", "smr.mode", "-", 0, 1,
     "follow: the reformer load-follows PRMiTS' shortfall from hot standby; base: it runs at its load around the "
     "clock (smr.h2_kg_h, h2.unserved_kg_h)"},
    {"reformer_load", "smr.load", "-", 0, 1,
     "the reformer's maximum load as a share of capacity (smr.h2_kg_h, gas.to_reformer_nm3_h)"},
    {"reformer_start_cover_h", "smr.start_cover_h", "h", 0, 24,
     "the hydrogen store's cover below which the reformer starts (earlier start: fewer unserved kg, h2.unserved_kg)"},
    {"h2_to_storage", "h2.to_storage_share", "-", 0, 1,
     "share of the panels' H2 routed to the store instead of PRMiTS: the reformer feeds the header, the store fills "
     "for the evening (h2.storage_kg, h2.unserved_kg, smr.h2_kg)"},
};

const char* typeName(const json& j) { return jsonTypeName(j); }

std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::vector<std::string> alarmKeys() {
    std::vector<std::string> k;
    for (const AlarmDef& d : alarmDefs()) k.emplace_back(d.key);
    return k;
}

int alarmIndex(const std::string& key) {
    const auto& d = alarmDefs();
    for (std::size_t i = 0; i < d.size(); ++i)
        if (key == d[i].key) return static_cast<int>(i);
    return -1;
}

struct Ctx {
    std::string file;
    std::string* why;
    bool fail(const std::string& path, const std::string& msg) const {
        if (why) *why = file + ": " + path + ": " + msg;
        return false;
    }
    bool checkKeys(const json& obj, const std::string& path, const std::vector<std::string>& known) const {
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (std::find(known.begin(), known.end(), it.key()) == known.end())
                return fail(path.empty() ? it.key() : path + "." + it.key(),
                            "unknown field; expected one of " + joinNames(known));
        return true;
    }
    bool object(const json& j, const std::string& path) const {
        return j.is_object() || fail(path, std::string("expected an object {...}, found ") + typeName(j));
    }
    bool string(const json& j, const std::string& path, std::string& out) const {
        if (!j.is_string()) return fail(path, std::string("expected a string, found ") + typeName(j));
        out = j.get<std::string>();
        return true;
    }
    bool number(const json& j, const std::string& path, double lo, double hi, double& out) const {
        if (!j.is_number() || !std::isfinite(j.get<double>()) || j.get<double>() < lo || j.get<double>() > hi)
            return fail(path, "expected a number from " + num(lo) + " to " + num(hi) + ", found " +
                                  (j.is_number() ? j.dump() : typeName(j)));
        out = j.get<double>();
        return true;
    }
    bool minutes(const json& j, const std::string& path, Time& out) const {
        double m = 0;
        if (!number(j, path, 0, 100.0 * 8766 * 60, m)) return false;  // up to 100 years, as scenario commands
        out = fromSeconds(m * 60.0);
        return true;
    }
    bool metric(const json& j, const std::string& path, std::string& name, int& index) const {
        if (!string(j, path, name)) return false;
        index = findMetric(name);
        if (index < 0)
            return fail(path, "unknown metric '" + name + "'; did you mean " + joinNames(closestMetrics(name)) +
                                  "? (almalyk metrics lists them all)");
        return true;
    }
    bool alarm(const json& j, const std::string& path, std::string& key, int& index, bool allowAll = false) const {
        if (!string(j, path, key)) return false;
        if (allowAll && key == "*") return true;
        index = alarmIndex(key);
        if (index < 0)
            return fail(path, "unknown alarm '" + key + "'; did you mean " + joinNames(closestNames(key, alarmKeys())) +
                                  "? (docs/alarms.md lists them all)");
        return true;
    }
};

bool parseCondition(const Ctx& c, const json& j, const std::string& path, Condition& out) {
    if (!c.object(j, path) || !c.checkKeys(j, path, {"metric", "below", "above", "alarm"})) return false;
    Condition k;
    if (j.contains("alarm")) {
        if (j.contains("metric") || j.contains("below") || j.contains("above"))
            return c.fail(path, "expected either \"alarm\" or \"metric\" with \"below\" or \"above\", not both");
        k.op = Condition::Op::AlarmActive;
        if (!c.alarm(j["alarm"], path + ".alarm", k.alarm, k.index)) return false;
        out = k;
        return true;
    }
    if (!j.contains("metric")) return c.fail(path, "expected \"metric\" with \"below\" or \"above\", or \"alarm\"");
    if (!c.metric(j["metric"], path + ".metric", k.metric, k.index)) return false;
    if (j.contains("below") == j.contains("above")) return c.fail(path, "expected exactly one of \"below\" or \"above\"");
    k.op = j.contains("below") ? Condition::Op::Below : Condition::Op::Above;
    const char* key = j.contains("below") ? "below" : "above";
    if (!c.number(j[key], path + "." + key, -1e300, 1e300, k.limit)) return false;
    out = k;
    return true;
}

bool parseObjective(const Ctx& c, const json& j, const std::string& path, Objective& o) {
    if (!c.object(j, path)) return false;
    if (!c.checkKeys(j, path, {"name", "text", "kind", "weight", "metric", "min", "max", "at_least", "at_most", "alarm",
                               "minutes", "from_min", "to_min", "pass_fraction"}))
        return false;
    if (!j.contains("name") || !c.string(j["name"], path + ".name", o.name)) return c.fail(path + ".name", "expected a name");
    if (j.contains("text") && !c.string(j["text"], path + ".text", o.text)) return false;
    std::string kind;
    if (!j.contains("kind") || !c.string(j["kind"], path + ".kind", kind))
        return c.fail(path + ".kind", "expected one of keep_within, restore_within, reach_total, ack_within");
    const std::vector<std::string> kinds = {"keep_within", "restore_within", "reach_total", "ack_within"};
    const auto k = std::find(kinds.begin(), kinds.end(), kind);
    if (k == kinds.end())
        return c.fail(path + ".kind", "unknown kind '" + kind + "'; expected one of " + joinNames(kinds));
    o.kind = static_cast<ObjectiveKind>(k - kinds.begin());
    if (j.contains("weight") && !c.number(j["weight"], path + ".weight", 0, 1000, o.weight)) return false;
    const auto need = [&](const char* key) {
        return j.contains(key) || c.fail(path, std::string("a ") + kind + " objective needs \"" + key + "\"");
    };
    const auto refuse = [&](std::initializer_list<const char*> keys) {
        for (const char* key : keys)
            if (j.contains(key)) return c.fail(path + "." + key, std::string("does not apply to a ") + kind + " objective");
        return true;
    };
    const auto optNum = [&](const char* key, std::optional<double>& out) {
        if (!j.contains(key)) return true;
        double v = 0;
        if (!c.number(j[key], path + "." + key, -1e300, 1e300, v)) return false;
        out = v;
        return true;
    };
    if (o.kind != ObjectiveKind::AckWithin) {
        if (!need("metric") || !c.metric(j["metric"], path + ".metric", o.metric, o.metricIndex)) return false;
    }
    if (o.kind == ObjectiveKind::RestoreWithin || o.kind == ObjectiveKind::AckWithin) {
        if (!need("alarm") || !c.alarm(j["alarm"], path + ".alarm", o.alarm, o.alarmIndex)) return false;
        if (!need("minutes") || !c.minutes(j["minutes"], path + ".minutes", o.window)) return false;
        if (!refuse({"from_min", "to_min", "at_least", "at_most", "pass_fraction"})) return false;
    } else {
        if (!refuse({"alarm", "minutes"})) return false;
        if (j.contains("from_min") && !c.minutes(j["from_min"], path + ".from_min", o.from)) return false;
        if (j.contains("to_min")) {
            Time t = 0;
            if (!c.minutes(j["to_min"], path + ".to_min", t)) return false;
            if (t <= o.from) return c.fail(path + ".to_min", "expected a time after from_min");
            o.to = t;
        }
    }
    if (o.kind == ObjectiveKind::AckWithin && !refuse({"metric", "min", "max"})) return false;
    if (o.kind == ObjectiveKind::KeepWithin || o.kind == ObjectiveKind::RestoreWithin) {
        if (!refuse({"at_least", "at_most"}) || !optNum("min", o.min) || !optNum("max", o.max)) return false;
        if (!o.min && !o.max) return c.fail(path, std::string("a ") + kind + " objective needs \"min\", \"max\" or both");
        if (o.min && o.max && *o.min > *o.max) return c.fail(path + ".min", "is above max");
        if (j.contains("pass_fraction") && o.kind == ObjectiveKind::RestoreWithin) return refuse({"pass_fraction"});
        if (j.contains("pass_fraction") && !c.number(j["pass_fraction"], path + ".pass_fraction", 0, 1, o.passFraction))
            return false;
    }
    if (o.kind == ObjectiveKind::ReachTotal) {
        if (!refuse({"min", "max", "pass_fraction"}) || !optNum("at_least", o.atLeast) || !optNum("at_most", o.atMost))
            return false;
        if (o.atLeast.has_value() == o.atMost.has_value())
            return c.fail(path, "a reach_total objective needs exactly one of \"at_least\" or \"at_most\"");
        if ((o.atLeast && *o.atLeast <= 0) || (o.atMost && *o.atMost < 0))
            return c.fail(path + (o.atLeast ? ".at_least" : ".at_most"), "expected a positive total");
    }
    return true;
}

std::string stemOf(const std::string& file) { return std::filesystem::path(file).stem().string(); }

bool inLimits(double v, const std::optional<double>& lo, const std::optional<double>& hi) {
    return std::isfinite(v) && (!lo || v >= *lo) && (!hi || v <= *hi);
}

std::string limitsText(const std::optional<double>& lo, const std::optional<double>& hi) {
    if (lo && hi) return num(*lo) + ".." + num(*hi);
    return lo ? ">= " + num(*lo) : "<= " + num(*hi);
}

double minutesOf(Time t) { return toSeconds(t) / 60.0; }

}  // namespace

// [SECTION] levers

const std::vector<LeverDef>& leverDefs() { return kLevers; }

const LeverDef* findLever(const std::string& name) {
    for (const LeverDef& l : kLevers)
        if (l.name == name) return &l;
    return nullptr;
}

bool parseAssignValue(const std::string& value, std::string& trucks, std::string& shovel, std::string* why) {
    const auto fail = [&]() {
        if (why)
            *why = "assign_truck value '" + value +
                   "': expected TRUCKS>SHOVEL with numbers from 1 as labelled, e.g. 4>2, 4,9,15>2 or 4>auto";
        return false;
    };
    std::string v;
    for (char ch : value)
        if (ch != ' ') v += ch;
    const std::size_t gt = v.find('>');
    if (gt == std::string::npos || gt == 0 || gt + 1 >= v.size()) return fail();
    const auto number = [](const std::string& t, long maxV) {
        if (t.empty() || t.size() > 4 || !std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            return -1L;
        const long n = std::stol(t);
        return n >= 1 && n <= maxV ? n : -1L;
    };
    std::string list;
    std::size_t pos = 0;
    const std::string left = v.substr(0, gt);
    while (pos <= left.size()) {
        const std::size_t comma = std::min(left.find(',', pos), left.size());
        const long n = number(left.substr(pos, comma - pos), 500);   // mine.trucks' maximum
        if (n < 0) return fail();
        list += (list.empty() ? "" : ",") + std::to_string(n - 1);
        pos = comma + 1;
    }
    const std::string right = v.substr(gt + 1);
    if (right == "auto") {
        shovel = "auto";
    } else {
        const long j = number(right, 20);   // PitGeometry::kFaceSlots
        if (j < 0) return fail();
        shovel = "mine.shovel:" + std::to_string(j - 1);
    }
    trucks = "mine.truck:" + list;
    return true;
}

std::string leversTable() {
    std::string out = "name\tparam\tunit\tmin\tmax\tconsequence\n";
    const Params p = makeParams();
    for (const LeverDef& l : kLevers) {
        if (l.param.empty()) {
            out += l.name + "\t(assign)\t-\tTRUCKS>SHOVEL\t-\t" + l.consequence + "\n";
            continue;
        }
        const ParamDef* d = p.find(l.param);
        const bool choice = d && d->kind == ParamKind::Choice;
        const auto bound = [&](double v) { return choice ? d->choices[static_cast<std::size_t>(v)] : num(v); };
        out += l.name + "\t" + l.param + "\t" + l.unit + "\t" + bound(l.min) + "\t" + bound(l.max) + "\t" +
               l.consequence + "\n";
    }
    return out;
}

// [SECTION] conditions and names

bool Condition::holds(const State& s) const {
    switch (op) {
        case Op::Below: return readMetric(s, index) < limit;
        case Op::Above: return readMetric(s, index) > limit;
        case Op::AlarmActive:
            return index >= 0 && static_cast<std::size_t>(index) < s.alarms.list.size() &&
                   s.alarms.list[static_cast<std::size_t>(index)].active;
    }
    return false;
}

std::string Condition::text() const {
    if (op == Op::AlarmActive) return "alarm " + alarm;
    return metric + (op == Op::Below ? " < " : " > ") + num(limit);
}

const char* objectiveKindName(ObjectiveKind k) {
    switch (k) {
        case ObjectiveKind::KeepWithin: return "keep_within";
        case ObjectiveKind::RestoreWithin: return "restore_within";
        case ObjectiveKind::ReachTotal: return "reach_total";
        case ObjectiveKind::AckWithin: return "ack_within";
    }
    return "?";
}

const char* actionKindName(TrainingAction::Kind k) {
    switch (k) {
        case TrainingAction::Kind::Lever: return "lever";
        case TrainingAction::Kind::Ack: return "ack";
        case TrainingAction::Kind::Fault: return "fault";
        case TrainingAction::Kind::Clear: return "clear";
        case TrainingAction::Kind::Hint: return "hint";
    }
    return "?";
}

const char* timelineKindName(TimelineEntry::Kind k) {
    using K = TimelineEntry::Kind;
    switch (k) {
        case K::AlarmRaised: return "alarm_raised";
        case K::AlarmCleared: return "alarm_cleared";
        case K::AlarmAcked: return "alarm_acked";
        case K::Fault: return "fault";
        case K::FaultCleared: return "fault_cleared";
        case K::Action: return "action";
        case K::Refused: return "refused";
        case K::Trigger: return "trigger";
        case K::Hint: return "hint";
        case K::ScoreEvent: return "score";
        case K::End: return "end";
    }
    return "?";
}

// [SECTION] scenario files

bool parseTrainingScenario(const std::string& text, const std::string& file, TrainingScenario& out, std::string* why) {
    const std::string name = file.empty() ? "training scenario" : file;
    json root;
    if (!parseJsonText(text, name, kDataFileMaxDepth, "a training scenario needs five", &root, why)) return false;
    TrainingScenario sc;
    const Params params = makeParams();
    if (!parseScenarioObject(root, file, params,
                             {"training", "briefing", "duration_hours", "end_when", "levers", "triggers", "hints",
                              "objectives"},
                             sc.base, why))
        return false;
    const Ctx c{name, why};
    if (!root.contains("training") || root["training"] != true)
        return c.fail("training", "expected \"training\": true (this marks a training scenario; plain scenarios run "
                                  "with almalyk sim --scenario)");
    sc.id = stemOf(file);
    sc.text = text;
    if (!root.contains("briefing") || !c.string(root["briefing"], "briefing", sc.briefing))
        return c.fail("briefing", "expected the briefing text the trainee reads first");
    double hours = 8;
    if (root.contains("duration_hours") && !c.number(root["duration_hours"], "duration_hours", 1.0 / 60, 24 * 31, hours))
        return false;
    sc.duration = fromSeconds(hours * 3600.0);
    if (root.contains("end_when")) {
        Condition k;
        if (!parseCondition(c, root["end_when"], "end_when", k)) return false;
        sc.endWhen = k;
    }
    if (root.contains("levers")) {
        const json& l = root["levers"];
        if (!l.is_array()) return c.fail("levers", std::string("expected an array of lever names, found ") + typeName(l));
        std::vector<std::string> known;
        for (const LeverDef& d : kLevers) known.push_back(d.name);
        for (std::size_t i = 0; i < l.size(); ++i) {
            const std::string path = "levers[" + std::to_string(i) + "]";
            std::string n;
            if (!c.string(l[i], path, n)) return false;
            if (!findLever(n))
                return c.fail(path, "unknown lever '" + n + "'; did you mean " + joinNames(closestNames(n, known)) +
                                        "? (almalyk train --levers lists them all)");
            sc.levers.push_back(n);
        }
    }
    if (root.contains("triggers")) {
        const json& t = root["triggers"];
        if (!t.is_array()) return c.fail("triggers", std::string("expected an array, found ") + typeName(t));
        for (std::size_t i = 0; i < t.size(); ++i) {
            const std::string path = "triggers[" + std::to_string(i) + "]";
            Trigger tr;
            tr.path = path;
            if (!c.object(t[i], path) || !c.checkKeys(t[i], path, {"when", "after_min", "fault", "clear", "note"}))
                return false;
            if (!t[i].contains("when")) return c.fail(path, "expected \"when\": a condition");
            if (!parseCondition(c, t[i]["when"], path + ".when", tr.when)) return false;
            if (t[i].contains("after_min") && !c.minutes(t[i]["after_min"], path + ".after_min", tr.delay)) return false;
            if (t[i].contains("fault") == t[i].contains("clear"))
                return c.fail(path, "expected exactly one of \"fault\" or \"clear\" (a fault target)");
            const char* key = t[i].contains("fault") ? "fault" : "clear";
            tr.type = t[i].contains("fault") ? CommandType::InjectFault : CommandType::ClearFault;
            if (!c.string(t[i][key], path + "." + key, tr.name)) return false;
            if (!isFaultTargetSyntax(tr.name))
                return c.fail(path + "." + key,
                              "unknown fault target '" + tr.name + "'; expected one of " + joinNames(knownFaultTargets()));
            sc.triggers.push_back(tr);
        }
    }
    if (root.contains("hints")) {
        const json& h = root["hints"];
        if (!h.is_array()) return c.fail("hints", std::string("expected an array, found ") + typeName(h));
        for (std::size_t i = 0; i < h.size(); ++i) {
            const std::string path = "hints[" + std::to_string(i) + "]";
            Hint hint;
            if (!c.object(h[i], path) || !c.checkKeys(h[i], path, {"text", "after_min", "when"})) return false;
            if (!h[i].contains("text") || !c.string(h[i]["text"], path + ".text", hint.text))
                return c.fail(path + ".text", "expected the hint's text");
            if (h[i].contains("after_min") && !c.minutes(h[i]["after_min"], path + ".after_min", hint.delay)) return false;
            if (h[i].contains("when")) {
                Condition k;
                if (!parseCondition(c, h[i]["when"], path + ".when", k)) return false;
                hint.when = k;
            }
            sc.hints.push_back(hint);
        }
    }
    if (!root.contains("objectives") || !root["objectives"].is_array() || root["objectives"].empty())
        return c.fail("objectives", "expected an array of at least one objective");
    const json& objs = root["objectives"];
    for (std::size_t i = 0; i < objs.size(); ++i) {
        Objective o;
        if (!parseObjective(c, objs[i], "objectives[" + std::to_string(i) + "]", o)) return false;
        for (const Objective& prev : sc.objectives)
            if (prev.name == o.name)
                return c.fail("objectives[" + std::to_string(i) + "].name", "'" + o.name + "' is used twice");
        sc.objectives.push_back(o);
    }
    double weights = 0;
    for (const Objective& o : sc.objectives) weights += o.weight;
    if (weights <= 0) return c.fail("objectives", "expected at least one objective with a weight above 0");
    out = std::move(sc);
    return true;
}

bool loadTrainingScenario(const std::string& path, TrainingScenario& out, std::string* why) {
    std::string text;
    if (!readTextFile(path, kDataFileMaxBytes, "training scenario", &text, why)) return false;
    return parseTrainingScenario(text, path, out, why);
}

Time trainingStart(const TrainingScenario& sc) { return sc.base.start ? *sc.base.start : defaultStartTime(); }

// [SECTION] actions

bool checkTrainingAction(const TrainingScenario& sc, const TrainingAction& a, std::string* why) {
    const auto fail = [&](const std::string& m) {
        if (why) *why = m;
        return false;
    };
    switch (a.kind) {
        case TrainingAction::Kind::Lever: {
            const LeverDef* l = findLever(a.name);
            if (!l) {
                std::vector<std::string> known;
                for (const LeverDef& d : kLevers) known.push_back(d.name);
                return fail("unknown lever '" + a.name + "'; did you mean " + joinNames(closestNames(a.name, known)) + "?");
            }
            if (std::find(sc.levers.begin(), sc.levers.end(), a.name) == sc.levers.end())
                return fail("lever '" + a.name + "' is not one this scenario offers; it offers " + joinNames(sc.levers));
            if (l->param.empty()) {
                std::string trucks, shovel;
                return parseAssignValue(a.value, trucks, shovel, why);
            }
            Params p = makeParams();
            std::string w;
            if (!p.setFromText(l->param, a.value, &w)) return fail(w);
            const double v = p.get(l->param);
            if (v < l->min || v > l->max) {
                const ParamDef* d = p.find(l->param);
                const bool choice = d->kind == ParamKind::Choice;
                const auto bound = [&](double x) { return choice ? d->choices[static_cast<std::size_t>(x)] : num(x); };
                return fail("lever '" + a.name + "' value " + a.value + " is outside its limits " + bound(l->min) +
                            ".." + bound(l->max) + " " + l->unit);
            }
            return true;
        }
        case TrainingAction::Kind::Ack:
            if (a.name == "*" || alarmIndex(a.name) >= 0) return true;
            return fail("unknown alarm '" + a.name + "'; did you mean " + joinNames(closestNames(a.name, alarmKeys())) + "?");
        case TrainingAction::Kind::Fault:
        case TrainingAction::Kind::Clear:
            if (isFaultTargetSyntax(a.name)) return true;
            return fail("unknown fault target '" + a.name + "'; expected one of " + joinNames(knownFaultTargets()));
        case TrainingAction::Kind::Hint:
            return !a.name.empty() || fail("a hint needs its text");
    }
    return false;
}

bool parseTrainingActions(const std::string& text, const std::string& file, const TrainingScenario& sc, Time start,
                          std::vector<TrainingAction>& out, std::string* why) {
    const std::string name = file.empty() ? "actions" : file;
    json root;
    if (!parseJsonText(text, name, kDataFileMaxDepth, "an actions file needs three", &root, why)) return false;
    const Ctx c{name, why};
    if (!c.object(root, "(top level)") || !c.checkKeys(root, "", {"trainee", "note", "actions"})) return false;
    if (!root.contains("actions") || !root["actions"].is_array()) return c.fail("actions", "expected an array of actions");
    std::vector<TrainingAction> acts;
    const json& arr = root["actions"];
    for (std::size_t i = 0; i < arr.size(); ++i) {
        const std::string path = "actions[" + std::to_string(i) + "]";
        const json& j = arr[i];
        if (!c.object(j, path) ||
            !c.checkKeys(j, path, {"after_min", "at", "lever", "value", "ack", "fault", "clear", "hint", "by", "note"}))
            return false;
        TrainingAction a;
        if (j.contains("after_min") == j.contains("at"))
            return c.fail(path, "expected exactly one of \"after_min\" (minutes from the start) or \"at\" (ISO 8601)");
        if (j.contains("at")) {
            std::string t, w;
            if (!c.string(j["at"], path + ".at", t)) return false;
            if (!parseIso8601(t, a.at, &w)) return c.fail(path + ".at", w);
            if (a.at < start) return c.fail(path + ".at", t + " is before the run start " + formatIso8601(start));
        } else {
            Time m = 0;
            if (!c.minutes(j["after_min"], path + ".after_min", m)) return false;
            a.at = start + m;
        }
        const int kinds = j.contains("lever") + j.contains("ack") + j.contains("fault") + j.contains("clear") +
                          j.contains("hint");
        if (kinds != 1) return c.fail(path, "expected exactly one of \"lever\", \"ack\", \"fault\", \"clear\" or \"hint\"");
        const char* key = j.contains("lever") ? "lever" : j.contains("ack") ? "ack" : j.contains("fault") ? "fault"
                        : j.contains("clear") ? "clear" : "hint";
        a.kind = j.contains("lever") ? TrainingAction::Kind::Lever : j.contains("ack") ? TrainingAction::Kind::Ack
               : j.contains("fault") ? TrainingAction::Kind::Fault : j.contains("clear") ? TrainingAction::Kind::Clear
                                     : TrainingAction::Kind::Hint;
        if (!c.string(j[key], path + "." + key, a.name)) return false;
        if (a.kind == TrainingAction::Kind::Lever) {
            if (!j.contains("value")) return c.fail(path, "a lever action needs \"value\"");
            if (!scalarValueText(j["value"], a.value))
                return c.fail(path + ".value", std::string("expected a number or a choice name, found ") + typeName(j["value"]));
        } else if (j.contains("value")) {
            return c.fail(path + ".value", "only a lever action takes a value");
        }
        a.by = a.kind == TrainingAction::Kind::Lever || a.kind == TrainingAction::Kind::Ack ? "trainee" : "instructor";
        if (j.contains("by")) {
            if (!c.string(j["by"], path + ".by", a.by)) return false;
            if (a.by != "trainee" && a.by != "instructor") return c.fail(path + ".by", "expected trainee or instructor");
        }
        std::string w;
        if (!checkTrainingAction(sc, a, &w)) return c.fail(path + "." + key, w);
        acts.push_back(std::move(a));
    }
    // In time order (a file may list them as it likes; same-time actions keep the file's order), as a run takes them.
    std::stable_sort(acts.begin(), acts.end(), [](const TrainingAction& x, const TrainingAction& y) { return x.at < y.at; });
    out = std::move(acts);
    return true;
}

bool loadTrainingActions(const std::string& path, const TrainingScenario& sc, Time start,
                         std::vector<TrainingAction>& out, std::string* why) {
    std::string text;
    if (!readTextFile(path, kDataFileMaxBytes, "actions", &text, why)) return false;
    return parseTrainingActions(text, path, sc, start, out, why);
}

// [SECTION] the run

TrainingRun::TrainingRun(std::shared_ptr<const TrainingScenario> sc, const Params& params, std::uint64_t seed,
                         Time start, std::vector<TrainingAction> actions)
    : m_sc(std::move(sc)), m_initialParams(params), m_world(params, seed, start), m_end(start + m_sc->duration) {
    std::string why;
    scenarioCommands(m_sc->base, start, m_scenarioCommands, &why);  // a command before the start: refused at load
    std::stable_sort(m_scenarioCommands.begin(), m_scenarioCommands.end(),
                     [](const Command& a, const Command& b) { return a.at < b.at; });
    for (TrainingAction& a : actions) a.at = boundary(a.at);
    std::stable_sort(actions.begin(), actions.end(),
                     [](const TrainingAction& a, const TrainingAction& b) { return a.at < b.at; });
    m_actions = std::move(actions);
    m_triggerDue.assign(m_sc->triggers.size(), std::nullopt);
    m_triggerDone.assign(m_sc->triggers.size(), false);
    m_hintSince.assign(m_sc->hints.size(), std::nullopt);
    m_hintShown.assign(m_sc->hints.size(), false);
    m_obj.assign(m_sc->objectives.size(), ObjectiveState{});
    const State& s = m_world.state();
    for (std::size_t i = 0; i < m_obj.size(); ++i) {
        const Objective& o = m_sc->objectives[i];
        if (o.kind == ObjectiveKind::ReachTotal && o.from == 0) m_obj[i].startValue = readMetric(s, o.metricIndex);
        if (o.metricIndex >= 0) m_obj[i].lastValue = readMetric(s, o.metricIndex);
    }
}

Time TrainingRun::boundary(Time t) const {
    const Time now = m_world.now(), dt = m_world.tickLength();
    if (t <= now) return now;
    return now + (t - now + dt - 1) / dt * dt;
}

bool TrainingRun::addAction(TrainingAction a, std::string* why) {
    if (!checkTrainingAction(*m_sc, a, why)) return false;
    a.at = boundary(std::max(a.at, m_world.now()));
    const auto pos = std::upper_bound(m_actions.begin() + static_cast<std::ptrdiff_t>(m_nextAction), m_actions.end(),
                                      a.at, [](Time t, const TrainingAction& x) { return t < x.at; });
    m_actions.insert(pos, std::move(a));
    return true;
}

void TrainingRun::dropActionsFrom(Time t) {
    auto first = std::find_if(m_actions.begin() + static_cast<std::ptrdiff_t>(m_nextAction), m_actions.end(),
                              [t](const TrainingAction& a) { return a.at >= t; });
    m_actions.erase(first, m_actions.end());
}

void TrainingRun::adoptActions(const TrainingRun& later, Time t) {
    m_actions = later.m_actions;
    dropActionsFrom(t);
}

void TrainingRun::note(TimelineEntry::Kind k, Time t, std::string key, std::string detail, std::string by) {
    m_timeline.push_back(TimelineEntry{t, k, std::move(key), std::move(detail), std::move(by)});
}

void TrainingRun::pushDue() {
    const Time now = m_world.now();
    m_pushed.clear();
    while (m_nextScenario < m_scenarioCommands.size() && m_scenarioCommands[m_nextScenario].at <= now) {
        Command c = m_scenarioCommands[m_nextScenario];
        c.at = -1;
        m_world.push(std::move(c));
        m_pushed.push_back({Source::Scenario, m_nextScenario++});
    }
    while (m_nextAction < m_actions.size() && m_actions[m_nextAction].at <= now) {
        TrainingAction& a = m_actions[m_nextAction];
        a.at = now;
        Command c;
        switch (a.kind) {
            case TrainingAction::Kind::Lever: {
                const LeverDef* l = findLever(a.name);
                if (l->param.empty()) {
                    std::string trucks, shovel;
                    parseAssignValue(a.value, trucks, shovel, nullptr);   // checked when the action was added
                    c = {CommandType::AssignTruck, trucks, shovel, -1};
                } else {
                    c = {CommandType::SetParam, l->param, a.value, -1};
                }
                break;
            }
            case TrainingAction::Kind::Ack: c = {CommandType::AckAlarm, a.name, {}, -1}; break;
            case TrainingAction::Kind::Fault: c = {CommandType::InjectFault, a.name, {}, -1}; break;
            case TrainingAction::Kind::Clear: c = {CommandType::ClearFault, a.name, {}, -1}; break;
            case TrainingAction::Kind::Hint:
                note(TimelineEntry::Kind::Hint, now, "pushed", a.name, a.by);
                ++m_nextAction;
                continue;
        }
        m_world.push(std::move(c));
        m_pushed.push_back({Source::Action, m_nextAction++});
    }
    for (std::size_t i = 0; i < m_triggerDue.size(); ++i) {
        if (m_triggerDone[i] || !m_triggerDue[i] || *m_triggerDue[i] > now) continue;
        const Trigger& t = m_sc->triggers[i];
        m_world.push({t.type, t.name, {}, -1});
        m_pushed.push_back({Source::Trigger, i});
        m_triggerDone[i] = true;
    }
}

void TrainingRun::step() {
    if (m_finished) return;
    const std::size_t logBefore = m_world.commandLog().size();
    pushDue();
    m_world.step();
    // The World applied exactly the commands pushed, in push order: tag each log entry with its source.
    const auto& log = m_world.commandLog();
    for (std::size_t k = 0; k < m_pushed.size() && logBefore + k < log.size(); ++k) {
        const LoggedCommand& e = log[logBefore + k];
        const Source src = m_pushed[k];
        const Time t = e.command.at;
        std::string by = src.kind == Source::Scenario ? "scenario" : src.kind == Source::Trigger ? "trigger"
                                                                                                  : m_actions[src.index].by;
        std::string key = src.kind == Source::Action ? m_actions[src.index].name : e.command.name;
        if (!e.accepted) {
            note(TimelineEntry::Kind::Refused, t, key, e.message, by);
            continue;
        }
        if (src.kind == Source::Trigger)
            note(TimelineEntry::Kind::Trigger, t, e.command.name, m_sc->triggers[src.index].when.text(), by);
        switch (e.command.type) {
            case CommandType::InjectFault: note(TimelineEntry::Kind::Fault, t, e.command.name, {}, by); break;
            case CommandType::ClearFault: note(TimelineEntry::Kind::FaultCleared, t, e.command.name, {}, by); break;
            case CommandType::SetParam: {
                // The value as a person writes it: the command carries the exact binary value ("0.59999999999999998"
                // for 0.6), the debrief shows 15 significant digits ("0.6"); a choice ("least_wait") as it is.
                std::string shown = e.command.value;
                char* endp = nullptr;
                const double v = std::strtod(shown.c_str(), &endp);
                if (!shown.empty() && endp && *endp == '\0' && std::isfinite(v)) {
                    char buf[40];
                    std::snprintf(buf, sizeof buf, "%.15g", v);
                    shown = buf;
                }
                note(TimelineEntry::Kind::Action, t, key, shown, by);
                break;
            }
            case CommandType::AckAlarm: note(TimelineEntry::Kind::Action, t, "ack", e.command.name, by); break;
            case CommandType::AssignTruck:   // as the trainee wrote it: "4,9>2"
                note(TimelineEntry::Kind::Action, t, key, src.kind == Source::Action ? m_actions[src.index].value
                                                                                     : e.command.value, by);
                break;
        }
    }
    afterTick();
}

void TrainingRun::closeOccurrence(std::size_t i, Time taken, Time t) {
    const Objective& o = m_sc->objectives[i];
    ObjectiveState& st = m_obj[i];
    const double score = taken <= o.window ? 1.0 : toSeconds(o.window) / toSeconds(taken);
    st.occurrences.push_back(score);
    if (taken > o.window) st.allOnTime = false;
    st.lastTakenMin = minutesOf(taken);
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s %.0f min after the raise (allowed %.0f)",
                  o.kind == ObjectiveKind::AckWithin ? "acknowledged" : "restored", minutesOf(taken), minutesOf(o.window));
    st.last = buf;
    note(TimelineEntry::Kind::ScoreEvent, t, o.name, buf);
    st.openRaise.reset();
}

void TrainingRun::observe(std::size_t i, const State& s, Time t, Time dt) {
    const Objective& o = m_sc->objectives[i];
    ObjectiveState& st = m_obj[i];
    const Time rel = t - m_world.start();
    const double v = o.metricIndex >= 0 ? readMetric(s, o.metricIndex) : 0.0;
    switch (o.kind) {
        case ObjectiveKind::KeepWithin: {
            const Time to = o.to ? *o.to : m_sc->duration;
            if (rel <= o.from || rel - dt >= to) break;
            const double sec = toSeconds(dt);
            const bool in = inLimits(v, o.min, o.max);
            st.windowS += sec;
            if (in) st.insideS += sec;
            if (in != st.inside)
                note(TimelineEntry::Kind::ScoreEvent, t, o.name,
                     std::string(in ? "back within " : "outside ") + limitsText(o.min, o.max) + ": " + num(v));
            st.inside = in;
            break;
        }
        case ObjectiveKind::ReachTotal: {
            if (!st.startValue && rel >= o.from) st.startValue = v;
            const Time to = o.to ? *o.to : m_sc->duration;
            if (rel <= to) st.lastValue = v;
            break;
        }
        case ObjectiveKind::RestoreWithin:
            if (st.openRaise && inLimits(v, o.min, o.max)) closeOccurrence(i, t - *st.openRaise, t);
            break;
        case ObjectiveKind::AckWithin: break;  // closed by the alarm's Acked event
    }
}

void TrainingRun::afterTick() {
    const State& s = m_world.state();
    const Time t = m_world.now(), dt = m_world.tickLength();
    for (const Event& e : m_world.events()) {
        if (e.unit != Unit::Alarms || e.index < 0 || static_cast<std::size_t>(e.index) >= s.alarms.list.size()) continue;
        const std::string& key = s.alarms.list[static_cast<std::size_t>(e.index)].key;
        const auto kind = static_cast<AlarmEvent>(e.kind);
        note(kind == AlarmEvent::Raised    ? TimelineEntry::Kind::AlarmRaised
             : kind == AlarmEvent::Cleared ? TimelineEntry::Kind::AlarmCleared
                                           : TimelineEntry::Kind::AlarmAcked,
             e.time, key, num(e.value));
        for (std::size_t i = 0; i < m_obj.size(); ++i) {
            const Objective& o = m_sc->objectives[i];
            if (o.alarmIndex != e.index) continue;
            if (kind == AlarmEvent::Raised && !m_obj[i].openRaise) m_obj[i].openRaise = e.time;
            if (kind == AlarmEvent::Acked && o.kind == ObjectiveKind::AckWithin && m_obj[i].openRaise)
                closeOccurrence(i, e.time - *m_obj[i].openRaise, e.time);
        }
    }
    for (std::size_t i = 0; i < m_obj.size(); ++i) observe(i, s, t, dt);
    for (std::size_t i = 0; i < m_triggerDue.size(); ++i)
        if (!m_triggerDue[i] && m_sc->triggers[i].when.holds(s)) m_triggerDue[i] = boundary(t + m_sc->triggers[i].delay);
    for (std::size_t i = 0; i < m_hintSince.size(); ++i) {
        if (m_hintShown[i]) continue;
        const Hint& h = m_sc->hints[i];
        // A hint with a condition waits until the condition has held for its whole delay: a problem the trainee
        // fixed in time gets no hint, and the clock starts again if it comes back.
        if (h.when && m_hintSince[i] && !h.when->holds(s)) m_hintSince[i].reset();
        if (!m_hintSince[i] && (!h.when || h.when->holds(s))) m_hintSince[i] = h.when ? t : m_world.start();
        if (m_hintSince[i] && t >= *m_hintSince[i] + h.delay) {
            m_hintShown[i] = true;
            note(TimelineEntry::Kind::Hint, t, "hint:" + std::to_string(i), h.text, "scenario");
        }
    }
    if (t >= m_end || (m_sc->endWhen && m_sc->endWhen->holds(s))) finish();
}

void TrainingRun::finish() {
    m_finished = true;
    const Time t = m_world.now();
    for (std::size_t i = 0; i < m_obj.size(); ++i) {
        const Objective& o = m_sc->objectives[i];
        ObjectiveState& st = m_obj[i];
        // A raise still open at the end counts as missed only once its allowed time has passed.
        if (st.openRaise && (o.kind == ObjectiveKind::RestoreWithin || o.kind == ObjectiveKind::AckWithin) &&
            t - *st.openRaise > o.window) {
            st.occurrences.push_back(0.0);
            st.allOnTime = false;
            st.last = std::string(o.kind == ObjectiveKind::AckWithin ? "not acknowledged" : "not restored") +
                      " by the end";
            note(TimelineEntry::Kind::ScoreEvent, t, o.name, st.last);
            st.openRaise.reset();
        }
    }
    const Score sc = score();
    for (const ObjectiveScore& o : sc.objectives)
        note(TimelineEntry::Kind::ScoreEvent, t, o.name, (o.passed ? "passed: " : "failed: ") + o.detail);
    char buf[64];
    std::snprintf(buf, sizeof buf, "score %.1f", sc.total);
    note(TimelineEntry::Kind::End, t, "end", buf);
}

void TrainingRun::runToEnd() {
    while (!m_finished) step();
}

void TrainingRun::runUntil(Time t) {
    while (!m_finished && m_world.now() < t) step();
}

Score TrainingRun::score() const {
    Score out;
    double wsum = 0, sum = 0;
    char buf[200];
    for (std::size_t i = 0; i < m_obj.size(); ++i) {
        const Objective& o = m_sc->objectives[i];
        const ObjectiveState& st = m_obj[i];
        ObjectiveScore r;
        r.name = o.name;
        r.text = o.text;
        r.kind = objectiveKindName(o.kind);
        r.weight = o.weight;
        switch (o.kind) {
            case ObjectiveKind::KeepWithin: {
                const double share = st.windowS > 0 ? st.insideS / st.windowS : 1.0;
                r.score = share;
                r.passed = share >= o.passFraction;
                r.value = share;
                r.target = o.passFraction;
                r.windowMin = st.windowS / 60;
                std::snprintf(buf, sizeof buf, "%s within %s for %.1f %% of %.0f min (needed %.0f %%)", o.metric.c_str(),
                              limitsText(o.min, o.max).c_str(), 100 * share, st.windowS / 60, 100 * o.passFraction);
                break;
            }
            case ObjectiveKind::ReachTotal: {
                const double got = st.startValue ? st.lastValue - *st.startValue : 0.0;
                r.value = got;
                r.target = o.atLeast ? *o.atLeast : *o.atMost;
                r.atMost = !o.atLeast;
                if (o.metricIndex >= 0) r.unit = metricDefs()[static_cast<std::size_t>(o.metricIndex)].unit;
                if (o.atLeast) {
                    r.score = std::clamp(got / *o.atLeast, 0.0, 1.0);
                    r.passed = got >= *o.atLeast;
                    std::snprintf(buf, sizeof buf, "%s rose by %s (at least %s)", o.metric.c_str(), num(got).c_str(),
                                  num(*o.atLeast).c_str());
                } else {
                    r.score = got <= *o.atMost ? 1.0 : *o.atMost / got;
                    r.passed = got <= *o.atMost;
                    std::snprintf(buf, sizeof buf, "%s rose by %s (at most %s)", o.metric.c_str(), num(got).c_str(),
                                  num(*o.atMost).c_str());
                }
                break;
            }
            case ObjectiveKind::RestoreWithin:
            case ObjectiveKind::AckWithin: {
                r.raises = static_cast<int>(st.occurrences.size());
                r.open = st.openRaise.has_value();
                r.lastMin = st.lastTakenMin;
                r.target = minutesOf(o.window);
                if (st.occurrences.empty()) {
                    r.score = 1.0;
                    r.passed = true;
                    std::snprintf(buf, sizeof buf, "%s", st.openRaise ? "raised; its time is still running" : "no raise");
                } else {
                    double s = 0;
                    for (double x : st.occurrences) s += x;
                    r.score = s / static_cast<double>(st.occurrences.size());
                    r.passed = st.allOnTime;
                    std::snprintf(buf, sizeof buf, "%zu raise(s) of %s; last: %s", st.occurrences.size(), o.alarm.c_str(),
                                  st.last.c_str());
                }
                break;
            }
        }
        r.detail = buf;
        wsum += o.weight;
        sum += o.weight * r.score;
        out.objectives.push_back(std::move(r));
    }
    out.total = wsum > 0 ? 100.0 * sum / wsum : 0.0;
    return out;
}

TrainingRun startTraining(const TrainingScenario& sc, const std::vector<TrainingAction>& actions,
                          std::optional<std::uint64_t> seed) {
    Params p = makeParams();
    for (const auto& [name, value] : sc.base.sets) p.setFromText(name, value);  // validated when the file was read
    return TrainingRun(std::make_shared<const TrainingScenario>(sc), p, seed ? *seed : sc.base.seed.value_or(1),
                       trainingStart(sc), actions);
}

nlohmann::json scoreJson(const Score& s) {
    nlohmann::json objs = nlohmann::json::array();
    for (const ObjectiveScore& o : s.objectives)
        objs.push_back({{"name", o.name}, {"kind", o.kind}, {"text", o.text}, {"weight", o.weight},
                        {"score", std::round(o.score * 1e4) / 1e4}, {"passed", o.passed}, {"detail", o.detail}});
    return {{"total", std::round(s.total * 100) / 100}, {"objectives", objs}};
}

nlohmann::json timelineJson(const std::vector<TimelineEntry>& t, Time start) {
    nlohmann::json out = nlohmann::json::array();
    for (const TimelineEntry& e : t) {
        nlohmann::json j = {{"time", formatIso8601(e.time)}, {"minute", std::round(minutesOf(e.time - start) * 100) / 100},
                            {"kind", timelineKindName(e.kind)}, {"key", e.key}};
        if (!e.detail.empty()) j["detail"] = e.detail;
        if (!e.by.empty()) j["by"] = e.by;
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace sim
