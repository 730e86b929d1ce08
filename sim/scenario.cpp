#include "sim/scenario.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace sim {
namespace {

// ordered_json keeps the file's key order, so "set" entries apply in the order written.
using json = OrderedJson;

const char* typeName(const json& j) { return jsonTypeName(j); }

struct Ctx {
    const std::string& file;
    const Params& params;
    std::string* why;
    bool fail(const std::string& path, const std::string& msg) const {
        if (why) *why = (file.empty() ? std::string("scenario") : file) + ": " + path + ": " + msg;
        return false;
    }
};

bool checkKeys(const Ctx& c, const json& obj, const std::string& path, const std::vector<std::string>& known) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        return c.fail(path.empty() ? it.key() : path + "." + it.key(), "unknown field; expected one of " + list);
    }
    return true;
}

// Validates a "set" object and appends (name, value text) pairs.
bool parseSets(const Ctx& c, const json& j, const std::string& path, std::vector<std::pair<std::string, std::string>>& out) {
    if (!j.is_object())
        return c.fail(path, std::string("expected an object of parameter: value, found ") + typeName(j));
    if (j.empty()) return c.fail(path, "expected at least one parameter");
    Params scratch = c.params;  // range checks only; the caller's registry is untouched
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string field = path + "." + it.key();
        std::string text, why;
        if (!scalarValueText(it.value(), text))
            return c.fail(field, std::string("expected a number, true/false or a choice name, found ") + typeName(it.value()));
        if (!scratch.setFromText(it.key(), text, &why)) return c.fail(field, why);
        out.emplace_back(it.key(), text);
    }
    return true;
}

bool parseCommand(const Ctx& c, const json& j, const std::string& path, std::vector<ScenarioCommand>& out) {
    if (!j.is_object()) return c.fail(path, std::string("expected an object, found ") + typeName(j));
    if (!checkKeys(c, j, path, {"at", "after_hours", "set", "fault", "clear", "note"})) return false;
    ScenarioCommand base;
    base.path = path;
    const bool hasAt = j.contains("at"), hasAfter = j.contains("after_hours");
    if (hasAt == hasAfter) return c.fail(path, "expected exactly one of \"at\" (ISO 8601 time) or \"after_hours\" (number)");
    if (hasAt) {
        const json& a = j["at"];
        Time t = 0;
        std::string why;
        if (!a.is_string()) return c.fail(path + ".at", std::string("expected an ISO 8601 string, found ") + typeName(a));
        if (!parseIso8601(a.get<std::string>(), t, &why)) return c.fail(path + ".at", why);
        base.at = t;
    } else {
        const json& a = j["after_hours"];
        // Up to 100 years: far beyond any run, and far inside sim time's int64 microseconds (1e15 h overflowed it
        // and printed a date in the year -290251).
        constexpr double kMaxAfterHours = 100.0 * 8766.0;
        if (!a.is_number() || !std::isfinite(a.get<double>()) || a.get<double>() < 0.0 || a.get<double>() > kMaxAfterHours)
            return c.fail(path + ".after_hours", std::string("expected a number of hours from 0 to 876600 (100 years), found ") +
                                                     (a.is_number() ? a.dump() : typeName(a)));
        base.afterHours = a.get<double>();
    }
    const int actions = j.contains("set") + j.contains("fault") + j.contains("clear");
    if (actions != 1) return c.fail(path, "expected exactly one of \"set\" (object), \"fault\" or \"clear\" (target)");
    if (j.contains("set")) {
        std::vector<std::pair<std::string, std::string>> sets;
        if (!parseSets(c, j["set"], path + ".set", sets)) return false;
        for (auto& [name, value] : sets) {
            ScenarioCommand cmd = base;
            cmd.type = CommandType::SetParam;
            cmd.name = name;
            cmd.value = value;
            out.push_back(std::move(cmd));
        }
        return true;
    }
    const bool inject = j.contains("fault");
    const std::string key = inject ? "fault" : "clear";
    const json& tj = j[key];
    // One target or a list of them.
    std::vector<json> targets = tj.is_array() ? std::vector<json>(tj.begin(), tj.end()) : std::vector<json>{tj};
    if (targets.empty()) return c.fail(path + "." + key, "expected a fault target or a list of them");
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const std::string field = path + "." + key + (tj.is_array() ? "[" + std::to_string(i) + "]" : "");
        if (!targets[i].is_string())
            return c.fail(field, std::string("expected a fault target string, found ") + typeName(targets[i]));
        const std::string target = targets[i].get<std::string>();
        if (!isFaultTargetSyntax(target)) {
            std::string list;
            for (const std::string& k : knownFaultTargets()) list += (list.empty() ? "" : ", ") + k;
            return c.fail(field, "unknown fault target '" + target + "'; expected one of " + list);
        }
        ScenarioCommand cmd = base;
        cmd.type = inject ? CommandType::InjectFault : CommandType::ClearFault;
        cmd.name = target;
        out.push_back(std::move(cmd));
    }
    return true;
}

}  // namespace

bool scalarValueText(const OrderedJson& j, std::string& out) {
    if (j.is_boolean()) { out = j.get<bool>() ? "1" : "0"; return true; }
    if (j.is_number_unsigned()) { out = std::to_string(j.get<std::uint64_t>()); return true; }
    if (j.is_number_integer()) { out = std::to_string(j.get<std::int64_t>()); return true; }
    if (j.is_number_float()) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", j.get<double>());
        out = buf;
        return true;
    }
    if (j.is_string()) { out = j.get<std::string>(); return true; }
    return false;
}

const std::vector<std::string>& knownFaultTargets() {
    static const std::vector<std::string> kTargets = {
        "mine.truck:N", "mine.shovel:N", "transport.crusher", "transport.conveyor", "transport.rail",
        "concentrator.mill", "smelter.furnace", "smelter.converter:N", "smelter.acid_plant", "h2.separator",
        "smr.reformer", "gas.injection"};
    return kTargets;
}

bool isFaultTargetSyntax(const std::string& target) {
    for (const std::string& k : knownFaultTargets()) {
        if (k.size() > 2 && k.compare(k.size() - 2, 2, ":N") == 0) {
            const std::string prefix = k.substr(0, k.size() - 1);  // "mine.truck:"
            if (target.size() > prefix.size() && target.compare(0, prefix.size(), prefix) == 0 &&
                target.size() - prefix.size() <= 6 &&
                std::all_of(target.begin() + static_cast<std::ptrdiff_t>(prefix.size()), target.end(),
                            [](char ch) { return ch >= '0' && ch <= '9'; }))
                return true;
        } else if (target == k) {
            return true;
        }
    }
    return false;
}

bool parseScenario(const std::string& text, const std::string& file, const Params& params, Scenario& out,
                   std::string* why) {
    const std::string name = file.empty() ? "scenario" : file;
    json root;
    if (!parseJsonText(text, name, kScenarioMaxDepth, "a scenario needs four", &root, why)) return false;
    return parseScenarioObject(root, file, params, {}, out, why);
}

bool parseScenarioObject(const OrderedJson& root, const std::string& file, const Params& params,
                         const std::vector<std::string>& extraKeys, Scenario& out, std::string* why) {
    const std::string name = file.empty() ? "scenario" : file;
    const Ctx c{name, params, why};
    if (!root.is_object()) return c.fail("(top level)", std::string("expected an object {...}, found ") + typeName(root));
    std::vector<std::string> keys = {"name", "description", "seed", "start", "set", "commands"};
    keys.insert(keys.end(), extraKeys.begin(), extraKeys.end());
    if (!checkKeys(c, root, "", keys)) return false;
    Scenario s;
    s.file = file;
    for (const char* key : {"name", "description"}) {
        if (!root.contains(key)) continue;
        if (!root[key].is_string()) return c.fail(key, std::string("expected a string, found ") + typeName(root[key]));
        (std::string(key) == "name" ? s.name : s.description) = root[key].get<std::string>();
    }
    if (root.contains("seed")) {
        const json& j = root["seed"];
        if (!j.is_number_unsigned() && !(j.is_number_integer() && j.get<std::int64_t>() >= 0))
            return c.fail("seed", "expected a whole number >= 0, found " + j.dump());
        s.seed = j.get<std::uint64_t>();
    }
    if (root.contains("start")) {
        const json& j = root["start"];
        Time t = 0;
        std::string w;
        if (!j.is_string()) return c.fail("start", std::string("expected an ISO 8601 string, found ") + typeName(j));
        if (!parseIso8601(j.get<std::string>(), t, &w)) return c.fail("start", w);
        s.start = t;
    }
    if (root.contains("set") && !parseSets(c, root["set"], "set", s.sets)) return false;
    if (root.contains("commands")) {
        const json& cmds = root["commands"];
        if (!cmds.is_array()) return c.fail("commands", std::string("expected an array, found ") + typeName(cmds));
        for (std::size_t i = 0; i < cmds.size(); ++i)
            if (!parseCommand(c, cmds[i], "commands[" + std::to_string(i) + "]", s.commands)) return false;
    }
    out = std::move(s);
    return true;
}

bool loadScenario(const std::string& path, const Params& params, Scenario& out, std::string* why) {
    std::string text;
    if (!readTextFile(path, kScenarioMaxBytes, "scenario", &text, why)) return false;
    return parseScenario(text, path, params, out, why);
}

bool scenarioCommands(const Scenario& s, Time runStart, std::vector<Command>& out, std::string* why) {
    for (const ScenarioCommand& sc : s.commands) {
        Command c;
        c.type = sc.type;
        c.name = sc.name;
        c.value = sc.value;
        c.at = sc.at ? *sc.at : runStart + fromSeconds(sc.afterHours * 3600.0);
        if (c.at < runStart) {
            if (why)
                *why = (s.file.empty() ? std::string("scenario") : s.file) + ": " + sc.path + ".at: " +
                       formatIso8601(c.at) + " is before the run start " + formatIso8601(runStart);
            return false;
        }
        out.push_back(std::move(c));
    }
    return true;
}

}  // namespace sim
