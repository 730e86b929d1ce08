#include "sim/event_names.h"

#include "sim/world.h"

namespace sim {
namespace {

// One switch per unit, without a default: a kind added to an enum without a name here is a -Wswitch warning (an error
// in CI), and tests/sim/test_event_names.cpp checks that every enumerator has a unique name.
const char* name(WorldEvent k) {
    switch (k) {
        case WorldEvent::CommandApplied: return "world.command.applied";
        case WorldEvent::CommandRefused: return "world.command.refused";
    }
    return nullptr;
}

const char* name(WeatherEvent k) {
    switch (k) {
        case WeatherEvent::SkyChanged: return "weather.sky.changed";
    }
    return nullptr;
}

const char* name(MineEvent k) {
    switch (k) {
        case MineEvent::ShovelPass: return "mine.shovel.pass";
        case MineEvent::TruckLoaded: return "mine.truck.loaded";
        case MineEvent::TruckDumped: return "mine.truck.dumped";
        case MineEvent::Breakdown: return "mine.truck.breakdown";
        case MineEvent::Repaired: return "mine.truck.repaired";
        case MineEvent::ShovelBreakdown: return "mine.shovel.breakdown";
        case MineEvent::ShovelRepaired: return "mine.shovel.repaired";
        case MineEvent::ShiftBreakStart: return "mine.shift_break.start";
        case MineEvent::ShiftBreakEnd: return "mine.shift_break.end";
        case MineEvent::TruckAdded: return "mine.truck.added";
        case MineEvent::TruckParked: return "mine.truck.parked";
        case MineEvent::NetworkRebuilt: return "mine.network.rebuilt";
    }
    return nullptr;
}

const char* name(TransportEvent k) {
    switch (k) {
        case TransportEvent::TrainLoading: return "transport.train.loading";
        case TransportEvent::TrainDeparted: return "transport.train.departed";
        case TransportEvent::TrainArrived: return "transport.train.arrived";
        case TransportEvent::TrainUnloaded: return "transport.train.unloaded";
        case TransportEvent::TrainReturned: return "transport.train.returned";
        case TransportEvent::CrusherBlocked: return "transport.crusher.blocked";
        case TransportEvent::CrusherResumed: return "transport.crusher.resumed";
        case TransportEvent::FaultChanged: return "transport.fault.changed";
    }
    return nullptr;
}

const char* name(ConcentratorEvent k) {
    switch (k) {
        case ConcentratorEvent::MillStarved: return "concentrator.mill.starved";
        case ConcentratorEvent::MillResumed: return "concentrator.mill.resumed";
        case ConcentratorEvent::FaultChanged: return "concentrator.mill.fault_changed";
        case ConcentratorEvent::GradeChanged: return "concentrator.grade.changed";
    }
    return nullptr;
}

const char* name(SmelterEvent k) {
    switch (k) {
        case SmelterEvent::ConverterCharged: return "smelter.converter.charged";
        case SmelterEvent::SlagBlowStart: return "smelter.converter.slag_blow";
        case SmelterEvent::SlagSkimmed: return "smelter.converter.skimmed";
        case SmelterEvent::CopperBlowStart: return "smelter.converter.copper_blow";
        case SmelterEvent::ConverterPour: return "smelter.converter.pour";
        case SmelterEvent::LadleTapped: return "smelter.ladle.tapped";
        case SmelterEvent::LadleMoved: return "smelter.ladle.moved";
        case SmelterEvent::SlagTapped: return "smelter.slag_pot.tapped";
        case SmelterEvent::SlagDumped: return "smelter.slag_pot.dumped";
        case SmelterEvent::AnodePhaseChange: return "smelter.anode_furnace.phase";
        case SmelterEvent::CathodeHarvest: return "smelter.tankhouse.harvest";
        case SmelterEvent::AlarmRaised: return "smelter.alarm.raised";
        case SmelterEvent::AlarmCleared: return "smelter.alarm.cleared";
        case SmelterEvent::FaultChanged: return "smelter.fault.changed";
    }
    return nullptr;
}

const char* name(CatalystEvent k) {
    switch (k) {
        case CatalystEvent::PanelRowFinished: return "catalyst.panel_row.finished";
        case CatalystEvent::StockOut: return "catalyst.stock.out";
        case CatalystEvent::ShiftPlan: return "catalyst.shift.planned";
    }
    return nullptr;
}

const char* name(HydrogenEvent k) {
    switch (k) {
        case HydrogenEvent::Sunrise: return "h2.sun.rise";
        case HydrogenEvent::Sunset: return "h2.sun.set";
        case HydrogenEvent::StorageFull: return "h2.storage.full";
        case HydrogenEvent::StorageEmpty: return "h2.storage.empty";
        case HydrogenEvent::SeparatorFault: return "h2.separator.fault";
        case HydrogenEvent::SeparatorRestored: return "h2.separator.restored";
    }
    return nullptr;
}

const char* name(SmrEvent k) {
    switch (k) {
        case SmrEvent::Tripped: return "smr.reformer.tripped";
        case SmrEvent::Restarting: return "smr.reformer.restarting";
        case SmrEvent::AtCapacity: return "smr.reformer.at_capacity";
        case SmrEvent::Online: return "smr.reformer.online";
        case SmrEvent::Standby: return "smr.reformer.standby";
    }
    return nullptr;
}

const char* name(GasFieldEvent k) {
    switch (k) {
        case GasFieldEvent::InjectionTripped: return "gas.injection.tripped";
        case GasFieldEvent::InjectionRestored: return "gas.injection.restored";
        case GasFieldEvent::StorageFull: return "gas.co2_storage.full";
        case GasFieldEvent::Abandonment: return "gas.field.abandonment";
    }
    return nullptr;
}

const char* name(AlarmEvent k) {
    switch (k) {
        case AlarmEvent::Raised: return "alarm.raised";
        case AlarmEvent::Cleared: return "alarm.cleared";
        case AlarmEvent::Acked: return "alarm.acked";
    }
    return nullptr;
}

// Kinds are small and dense: the enums have at most a few dozen values.
constexpr std::uint16_t kMaxKinds = 64;

// "mine.truck:0" .. "mine.truck:<count-1>", each described as "truck 0: <effect>".
void indexed(std::vector<FaultTarget>& out, const char* unit, const char* thing, int count, const char* effect) {
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        out.push_back({std::string(unit) + "." + thing + ":" + n, unit, std::string(thing) + " " + n + ": " + effect});
    }
}

}  // namespace

const char* eventName(Unit unit, std::uint16_t kind) {
    switch (unit) {
        case Unit::World: return name(static_cast<WorldEvent>(kind));
        case Unit::Weather: return name(static_cast<WeatherEvent>(kind));
        case Unit::Mine: return name(static_cast<MineEvent>(kind));
        case Unit::Transport: return name(static_cast<TransportEvent>(kind));
        case Unit::Concentrator: return name(static_cast<ConcentratorEvent>(kind));
        case Unit::Smelter: return name(static_cast<SmelterEvent>(kind));
        case Unit::Catalyst: return name(static_cast<CatalystEvent>(kind));
        case Unit::Hydrogen: return name(static_cast<HydrogenEvent>(kind));
        case Unit::Smr: return name(static_cast<SmrEvent>(kind));
        case Unit::GasField: return name(static_cast<GasFieldEvent>(kind));
        case Unit::Economics: return nullptr;  // economics are refreshed, not events
        case Unit::Alarms: return name(static_cast<AlarmEvent>(kind));
    }
    return nullptr;
}

const char* eventName(const Event& e) { return eventName(e.unit, e.kind); }

std::vector<std::string> eventNames() {
    std::vector<std::string> out;
    for (int u = 0; u <= static_cast<int>(Unit::Alarms); ++u)
        for (std::uint16_t k = 0; k < kMaxKinds; ++k)
            if (const char* n = eventName(static_cast<Unit>(u), k)) out.emplace_back(n);
    return out;
}

std::vector<FaultTarget> faultTargetDefs(const Params& p) {
    std::vector<FaultTarget> out;
    indexed(out, "mine", "truck", p.getInt("mine.trucks"),
            "breaks down until cleared (a moving truck stops where it is, a queued one when it next moves off)");
    indexed(out, "mine", "shovel", p.getInt("mine.shovels"),
            "breaks down until cleared (after finishing the truck it is loading)");
    out.push_back({"transport.crusher", "transport", "crusher stops; trucks keep dumping on the run-of-mine pad"});
    out.push_back({"transport.conveyor", "transport", "belt stops; the ore on it stays put"});
    out.push_back({"transport.rail", "transport",
                   "signalling failure: moving trains stop where they are, no loading starts; tipping finishes"});
    out.push_back({"concentrator.mill", "concentrator", "grinding stops; ore accumulates in the coarse-ore store"});
    out.push_back({"smelter.furnace", "smelter", "lance/burner trip: no smelting, no fuel, the bath cools"});
    indexed(out, "smelter", "converter", p.getInt("smelter.converters"),
            "stops blowing, its phase clock freezes and it takes no new charge");
    out.push_back({"smelter.acid_plant", "smelter", "capture 0: all SO2 goes up the stack"});
    out.push_back({"h2.separator", "h2", "membrane separator down: all product gas is vented"});
    out.push_back({"smr.reformer", "smr", "reformer trips; after clearing it ramps back over smr.restart_h"});
    out.push_back({"gas.injection", "gas", "CO2 injection compressor trips: the captured CO2 is vented"});
    return out;
}

std::vector<std::string> faultTargets(const Params& p) {
    std::vector<std::string> out;
    for (const FaultTarget& f : faultTargetDefs(p)) out.push_back(f.target);
    return out;
}

std::string faultTargetsTable(const Params& p) {
    std::string out = "target\tunit\tdescription\n";
    for (const FaultTarget& f : faultTargetDefs(p)) out += f.target + "\t" + f.unit + "\t" + f.description + "\n";
    return out;
}

}  // namespace sim
