// sim/event_names.h — stable dotted names for every event kind of every unit, and the fault targets that the current
// parameters offer. Data files (tours, training objectives, alarms, replays) name events and faults by these; the
// names are a contract: add, never rename. `almalyk faults` prints faultTargetsTable().
// Use:
//   for (const sim::Event& e : w.events()) if (const char* n = sim::eventName(e)) ...  // "mine.truck.breakdown"
//   sim::faultTargets(params)  -> {"mine.truck:0", ..., "smr.reformer"}: each one World accepts as InjectFault
// Names: "unit.thing.what" in lower snake case; the first part is the unit (world, weather, mine, transport,
//   concentrator, smelter, catalyst, h2, smr), as for parameters and metrics. The plant-wide alarms' events are
//   "alarm.raised", "alarm.cleared", "alarm.acked" (sim/alarms.h; the index names the alarm).
// Fault targets: for a World built with these parameters (a unit that grew at run time, e.g. more converters, may
//   accept more; one that shrank keeps accepting its parked trucks until rebuilt).
// Errors: eventName() is nullptr for a kind no unit defines. Never throws.
// Does NOT: give display words (scenes/ and app/ own those and translate them).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/events.h"
#include "sim/params.h"

namespace sim {

// "mine.truck.breakdown" for (Unit::Mine, MineEvent::Breakdown); nullptr when the unit has no such kind.
const char* eventName(Unit unit, std::uint16_t kind);
const char* eventName(const Event& e);
// Every event name, unit by unit in Unit order, kinds in enum order.
std::vector<std::string> eventNames();

struct FaultTarget {
    std::string target;       // "mine.truck:3", "transport.crusher"
    std::string unit;         // "mine", "transport", ... (the first part of the target)
    std::string description;  // what the fault does while it is on, for engineers
};
// Every fault target World accepts for these parameters, in wiring order (mine, transport, concentrator, smelter,
// h2, smr), indexed ones 0..count-1.
std::vector<FaultTarget> faultTargetDefs(const Params& p);
std::vector<std::string> faultTargets(const Params& p);
// `almalyk faults`: a header line "target\tunit\tdescription", then one tab-separated line per target.
std::string faultTargetsTable(const Params& p);

}  // namespace sim
