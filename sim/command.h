// sim/command.h — the one path by which anything outside sim/ changes the simulation (design.md): the UI,
// scenarios, tours and the command line all push Commands; World applies them at tick boundaries and logs them
// with their tick.
// Fault targets are named "unit.thing[:index]", e.g. "mine.truck:3", "mine.shovel:0", "transport.crusher",
// "smelter.acid_plant", "h2.separator"; each unit documents its own in its header.
#pragma once
#include <cstdint>
#include <string>

#include "sim/time.h"

namespace sim {

// AckAlarm: name = an alarm key (sim/alarms.h) or "*" for every unacknowledged alarm.
// AssignTruck: name = "mine.truck:N" or "mine.truck:N,M,...", value = "mine.shovel:J" or "auto" (Mine::assignTrucks).
enum class CommandType : std::uint8_t { SetParam, InjectFault, ClearFault, AckAlarm, AssignTruck };

// The name the CSV log and replay files give a command type.
inline const char* commandTypeName(CommandType t) {
    switch (t) {
        case CommandType::SetParam: return "set";
        case CommandType::InjectFault: return "fault";
        case CommandType::ClearFault: return "clear";
        case CommandType::AckAlarm: return "ack";
        case CommandType::AssignTruck: return "assign";
    }
    return "?";
}

struct Command {
    CommandType type = CommandType::SetParam;
    std::string name;     // parameter name, fault target, or alarm key
    std::string value;    // SetParam: the value as text ("12", "lognormal"); AssignTruck: the shovel; faults: unused
    Time at = -1;         // when to apply (sim time); -1 = at the next tick boundary
};

struct LoggedCommand {
    std::int64_t tick = 0;   // the tick boundary it was applied at
    Command command;
    bool accepted = true;
    std::string message;     // why it was refused, when it was
};

}  // namespace sim
