// sim/mine.h — the Kalmakyr truck–shovel system as a discrete-event simulation: rope shovels at working faces on the
// pit floor, a fleet of BelAZ trucks (220 t or 130 t class) on the haul network (sim/haul_network.h), FCFS queues at
// each shovel, at the crusher / rail reloading point and at the waste dump, a dispatch policy, ore and waste by strip
// ratio, stochastic breakdowns and repairs, shift breaks, fuel and CO2.
// Use (unit_contract.md):
//   registerMineParams(p);  Mine m(p, seed, start);
//   m.step(t0, dt, ev);  m.totals().oreDeliveredTick_t -> Transport::step (totals() skips the per-truck refresh)
//   m.truckPoseAt(i, t)  // exact pose of truck i at any t within the last tick, or now (scenes animate from it)
// Cost: step() is O(events) plus O(shovels); state() refreshes its per-truck and per-shovel parts lazily (O(trucks))
//   on the first read after a step, so batch runs that read state() only every CSV row stay fast.
// Model: each truck cycle is: drive empty to a shovel's staging point -> queue -> spot (drive the last metres) and
//   load (passes x swing, service time from mine.service_dist) -> haul loaded -> queue -> reverse in and dump -> return.
//   Events live in a binary heap ordered by (time, sequence), so runs are deterministic; nothing is done per truck per
//   tick except refreshing the state struct.
//   Strip ratio: each load is ore or waste so that the waste/ore tonnage loaded tracks mine.strip_ratio (error below
//   one payload). Ore goes to the crusher, waste to the dump.
//   Dispatch "fixed": truck i always works shovel i mod shovels. "least_wait": each empty truck goes to the shovel
//   where it expects to start loading soonest (travel + expected queue from trucks there and on the way, mean
//   service times, repair times of broken shovels).
//   Breakdowns (mine.breakdowns): exponential time to failure (MTBF) and repair (MTTR), per truck and per shovel. A
//   moving truck stops where it is; one in a queue or being served breaks down when it next moves off. A shovel
//   finishes its current truck first.
//   Shift breaks (mine.shift_breaks): at each shift change and mid-shift (meal), no loading, dumping or departures
//   start; moving trucks finish their leg. Break time is not counted as queue time.
//   Fuel: mine.fuel_lph_* while running, mine.idle_fuel_fraction of it while queued or being served, none parked,
//   broken down or on a break; CO2 at 2.68 kg/L (almalyk.md §6).
// Live parameter changes (applyParams): more trucks drive out of the park-up; fewer -> the extra trucks (highest ids)
//   finish their cycle and park; a truck class change applies to each truck as it next dumps; speeds re-time moving
//   trucks; fewer shovels -> trucks bound for a removed face are re-dispatched; a pit geometry change rebuilds the
//   network and every truck restarts at the park-up (cumulative totals are kept).
// Faults: "mine.truck:N" (N = truck id) and "mine.shovel:N" (N < mine.shovels). On = breakdown that lasts until the
//   fault is cleared; off = repaired now.
// Events: see MineEvent. Errors: setFault() returns false with a message for a bad mine.* target, false without one
//   for other units' targets. Does NOT: model road traffic, fuel stations, drilling/blasting, ore grade, or rail.
// Code: sim/mine.cpp (this API, parameters, live parameter changes, the event loop, the state), sim/mine_motion.cpp
//   (routes, motion histories and poses, phases and fuel), sim/mine_dispatch.cpp (the truck cycle: dispatch, queues,
//   loading, dumping, fleet and face counts), sim/mine_reliability.cpp (breakdowns, repairs, faults, shift breaks);
//   what they share is in sim/mine_impl.h. The words for phases and events live in scenes/ and app/, not here.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/events.h"
#include "sim/hash.h"
#include "sim/haul_network.h"
#include "sim/params.h"
#include "sim/pit_geometry.h"
#include "sim/rng.h"
#include "sim/time.h"

namespace sim {

// Registers every mine.* parameter (and mine.pit.*).
void registerMineParams(Params& p);

enum class MineEvent : std::uint16_t {
    ShovelPass,       // index = shovel, value = pass number (1..passes) just dumped into the truck
    TruckLoaded,      // index = truck, value = payload t (ore or waste)
    TruckDumped,      // index = truck, value = t dumped (+ ore at the crusher, - waste at the dump)
    Breakdown,        // index = truck, value = 0 (stochastic) or 1 (fault injected)
    Repaired,         // index = truck
    ShovelBreakdown,  // index = shovel, value as Breakdown
    ShovelRepaired,   // index = shovel
    ShiftBreakStart,  // value = break length, min
    ShiftBreakEnd,
    TruckAdded,       // index = truck: it leaves the park-up to join the cycle (at the start, or mine.trucks raised)
    TruckParked,      // index = truck (retired to the park-up)
    NetworkRebuilt,   // the pit geometry changed; all trucks restart at the park-up
};

enum class TruckClass : std::uint8_t { T220, T130 };
enum class TruckPhase : std::uint8_t {
    Parked, ToShovel, QueuedAtShovel, Spotting, Loading, Hauling, QueuedAtDump, Dumping, Returning, ToPark,
    BrokenDown, ShiftBreak
};
enum class ShovelPhase : std::uint8_t { Idle, Loading, BrokenDown };
enum class Dispatch : std::uint8_t { Fixed, LeastWait };
enum class DumpPoint : std::uint8_t { Crusher, WasteDump };

struct TruckState {
    int id = 0;
    TruckClass truckClass = TruckClass::T220;
    double payload_t = 0.0;           // on board now
    TruckPhase phase = TruckPhase::Parked;
    int shovel = -1;                  // assigned shovel
    DumpPoint destination = DumpPoint::Crusher;
    bool loaded = false;
    bool ore = true;                  // the load (or the next one) is ore, else waste
    double speed_m_s = 0.0;
    double fuel_l = 0.0;              // cumulative
    Time waitingSince = -1;           // in a queue since (-1: not queued)
    double totalWait_min = 0.0;
    int queuePosition = -1;           // 0 = next to be served; -1 not queued
    std::int64_t cycles = 0;
    bool inFleet = true;              // false once told to park (mine.trucks lowered)
    int lockedShovel = -1;            // the dispatcher's assignment (assignTrucks); -1: the dispatch rule decides
};

struct ShovelState {
    SitePos position;
    double facing_rad = 0.0;          // dig direction; a truck is loaded at facing + 90 deg
    ShovelPhase phase = ShovelPhase::Idle;
    bool active = true;               // index < mine.shovels
    int truck = -1;                   // being spotted or loaded
    int passesDone = 0, passesNeeded = 0;
    Time swingStart = -1;             // start of the current swing (dig -> dump -> back); -1 when idle
    double swing_s = 0.0;             // its duration
    int queueLength = 0;
    double loaded_t = 0.0;            // cumulative
};

struct MineState {
    std::vector<TruckState> trucks;
    std::vector<ShovelState> shovels;
    int crusherQueue = 0, dumpQueue = 0;     // waiting, not counting the truck dumping
    bool shiftBreak = false;
    // Cumulative totals.
    std::int64_t truck_cycles = 0;
    double ore_t = 0.0, waste_t = 0.0;
    double fuel_l = 0.0, co2_t = 0.0;
    double queueSum_min = 0.0;    // sum over cycles of shovel + dump queue time
    double haulSum_min = 0.0;     std::int64_t haulCount = 0;
    double returnSum_min = 0.0;   std::int64_t returnCount = 0;
    double mean_queue_min = 0.0, mean_haul_min = 0.0, mean_return_min = 0.0;   // design.md definitions
    // Rates and the last tick.
    static constexpr int kOreRateWindow_min = 60;   // the window of ore_t_h (panels state it)
    double ore_t_h = 0.0;         // ore dumped at the crusher over the last kOreRateWindow_min of sim time, per hour
    double oreDeliveredTick_t = 0.0, wasteDumpedTick_t = 0.0, fuelTick_l = 0.0;
    int trucksQueued = 0;         // at shovels and dump points
    int trucksWorking = 0;        // in the fleet and not parked, broken down or on a break
    double fleetUtilisation = 0.0;   // trucks moving or being served / trucks in the fleet
    int fleetTrucks = 0, trucksBroken = 0;   // in the fleet, and of those broken down: current after every step
};

struct TruckPose {
    double x = 0.0, y = 0.0, z = 0.0;
    double heading_rad = 0.0;     // direction of travel, counter-clockwise from east
    double grade = 0.0;           // + uphill in the direction of travel
    TruckPhase phase = TruckPhase::Parked;
    bool loaded = false;
    bool ore = true;
    double bodyTilt = 0.0;        // 0 lowered .. 1 fully raised (dumping)
};

class Mine {
public:
    Mine(const Params& p, std::uint64_t seed, Time start);
    ~Mine();
    // A deep copy: the copy steps on exactly as the original would (training snapshots and rewind).
    Mine(const Mine& o);
    Mine& operator=(const Mine&) = delete;

    void applyParams(const Params& p);
    void step(Time t0, Time dt, EventSink& ev);
    bool setFault(const std::string& target, bool on, std::string* why);
    // The dispatcher assigns trucks to a shovel (CommandType::AssignTruck): `trucks` is "mine.truck:N" or
    // "mine.truck:N,M,...", `to` is "mine.shovel:J" or "auto" (back to the dispatch rule). An assigned truck goes to
    // its shovel under either rule while that face is open; one queuing at another shovel leaves for it at once, one
    // driving to another shovel goes on to it from there. False with a message for a bad truck, shovel or value.
    bool assignTrucks(const std::string& trucks, const std::string& to, std::string* why);
    const MineState& state() const;
    // The same struct without the lazy per-truck refresh: totals, rates and the last tick's flows are current after
    // every step; trucks, shovels, trucksQueued, trucksWorking and fleetUtilisation may be a step behind.
    const MineState& totals() const;
    void hashInto(Hasher& h) const;

    // Exact pose for any t from the start of the last tick to now (clamped outside that window).
    TruckPose truckPoseAt(int truck, Time t) const;
    Time now() const;
    const PitGeometry& geometry() const;
    const HaulNetwork& network() const;

private:
    struct Impl;   // the event queue, trucks, stations and motion histories (sim/mine_impl.h)
    std::unique_ptr<Impl> m_impl;
};

}  // namespace sim
