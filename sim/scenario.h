// sim/scenario.h — scenario files: JSON that names a situation, sets parameters and schedules commands (set
// parameter, inject fault, clear fault) at given times. Used by `almalyk sim --scenario`, tours and the UI. The format
// is documented in docs/scenarios.md:
//   { "name": "...", "description": "...", "seed": 7, "start": "2026-06-21T08:00:00+05:00",
//     "set": { "mine.trucks": 40, "mine.service_dist": "lognormal" },
//     "commands": [ { "after_hours": 2, "fault": "transport.crusher" },
//                   { "at": "2026-06-21T14:00:00+05:00", "clear": "transport.crusher" },
//                   { "after_hours": 6, "set": { "mine.trucks": 20 } } ] }
// Use: Scenario s; std::string why; if (!loadScenario(path, params, s, &why)) { print why; exit 2; }
//      then s.apply... via scenarioCommands(s, runStart, &why) -> timed sim::Commands for World::push.
// Errors: malformed JSON -> "FILE:LINE:COLUMN: ..." (line/column computed from the parser's byte offset); a wrong
//   field -> "FILE: commands[2].set.mine.trucks: ..." naming the field path, what was found and what was expected
//   (unknown parameters get the closest names, out-of-range values the range, fault targets the known targets).
// Does NOT: run anything, or check fault indices against the fleet size (the unit refuses those at run time and the
//   refusal is logged).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/command.h"
#include "sim/json_text.h"
#include "sim/params.h"
#include "sim/time.h"

namespace sim {

// Deepest nesting of [ and { a scenario file may have (a real one has four levels); deeper is refused with
// FILE:LINE:COLUMN before parsing, so no file can exhaust the stack.
constexpr int kScenarioMaxDepth = kDataFileMaxDepth;
// Largest scenario file read (100,000 scheduled commands take about 5 MiB); larger is refused, so /dev/zero or a
// wrong file cannot fill memory.
constexpr std::size_t kScenarioMaxBytes = kDataFileMaxBytes;

struct ScenarioCommand {
    std::optional<Time> at;             // absolute time ("at")
    double afterHours = 0.0;            // else hours after the run start ("after_hours")
    CommandType type = CommandType::SetParam;
    std::string name;                   // parameter or fault target
    std::string value;                  // SetParam: value as text
    std::string path;                   // "commands[3]" for messages
};

struct Scenario {
    std::string file;                   // where it was read from ("" for text)
    std::string name, description;
    std::optional<std::uint64_t> seed;
    std::optional<Time> start;
    std::vector<std::pair<std::string, std::string>> sets;  // applied before the first tick, in file order
    std::vector<ScenarioCommand> commands;                  // in file order
};

// Parses scenario text; `file` names it in messages. Values are validated against `params` (a registry with every
// parameter; it is not changed).
bool parseScenario(const std::string& text, const std::string& file, const Params& params, Scenario& out,
                   std::string* why);
// The same for a document already parsed (sim/json_text.h); keys in extraKeys are allowed at the top level and left
// to the caller (a training scenario's "briefing", "objectives" ... sim/training.h).
bool parseScenarioObject(const OrderedJson& root, const std::string& file, const Params& params,
                         const std::vector<std::string>& extraKeys, Scenario& out, std::string* why);
// Reads and parses a file; an unreadable file is reported with its path and the OS reason.
bool loadScenario(const std::string& path, const Params& params, Scenario& out, std::string* why);
// Timed commands for a run starting at `runStart`; false (with the command's path) if one falls before the start.
bool scenarioCommands(const Scenario& s, Time runStart, std::vector<Command>& out, std::string* why);
// A JSON scalar as the text Params::setFromText takes (true -> "1", 2.5 -> "2.5", "lognormal"); false for arrays,
// objects and null. Shared by every file that sets parameters (scenarios, training levers).
bool scalarValueText(const OrderedJson& j, std::string& out);
// Every fault target some unit accepts; indexed ones are listed as "mine.truck:N".
const std::vector<std::string>& knownFaultTargets();
// A fault target that names a known unit thing ("transport.crusher", "mine.truck:12"); index ranges unchecked.
bool isFaultTargetSyntax(const std::string& target);

}  // namespace sim
