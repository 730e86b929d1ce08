// sim/world.h — the coupled simulation: every unit of the chain rock -> ore transport -> concentrator -> smelter ->
// slag catalyst -> hydrogen (beside SMR), stepped together in fixed ticks, changed only through Commands.
// Use:
//   sim::Params p = sim::makeParams();                 // every unit's parameters at their defaults
//   p.setFromText("mine.trucks", "40", &why);           // before the run (or push a SetParam command during it)
//   sim::World w(p, seed, start);
//   w.push({sim::CommandType::InjectFault, "transport.crusher"});   // applied at the next tick boundary, logged
//   w.step();                                            // one tick of sim.tick_s seconds
//   const sim::State& s = w.state();  s.transport.trains[0].position ...; w.events() (the last tick's)
//   Interactive: w.advance(untilTime, maxTicks) runs whole ticks up to a time (never enlarging a tick) and
//   collects their events in w.advanceEvents(). params() is read-only: every change goes through push(), so it is
//   logged and replayable. A sim.tick_s change applies from the boundary where it is applied.
// Wiring per tick (unit_contract.md): commands due -> Weather -> Mine -> Transport -> Concentrator -> Smelter ->
//   Catalyst (the field's due and free area) -> Smr (called on the last tick's PRMiTS shortfall and store) -> Hydrogen
//   (the shop's new and recoated area, cloud cover, the reformer's delivery; dispatches photocatalysis -> storage ->
//   reformer) -> GasField (the reformer's gas and captured CO2) -> Alarms (on the state after every unit, sim/alarms.h; an
//   AckAlarm command acknowledges at its boundary); events sorted by time (stable); economics refreshed from the
//   totals once per sim day and after any parameter change.
// Determinism: same Params + seed + start + pushed commands => same stateHash() and state, bit for bit; a copy
//   (World(const World&)) is a snapshot that continues exactly as the original. Units draw
//   from their own seeded streams; the world itself draws nothing.
// Errors: push() never fails; a refused command (unknown parameter, bad value, unknown fault target) is logged with
//   accepted = false and its message, and emits WorldEvent::CommandRefused. Nothing throws out of step().
// Does NOT: read files, the wall clock or the environment; render; write CSV (sim/batch.h does the batch run).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/alarms.h"
#include "sim/catalyst.h"
#include "sim/command.h"
#include "sim/concentrator.h"
#include "sim/economics.h"
#include "sim/events.h"
#include "sim/gas_field.h"
#include "sim/hash.h"
#include "sim/hydrogen.h"
#include "sim/mine.h"
#include "sim/params.h"
#include "sim/smelter.h"
#include "sim/smr.h"
#include "sim/time.h"
#include "sim/transport.h"
#include "sim/weather.h"

namespace sim {

// Registers sim.* (the world's own) and every unit's parameters, in wiring order.
void registerAllParams(Params& p);
// A registry with every parameter at its default.
Params makeParams();

enum class WorldEvent : std::uint16_t {
    CommandApplied,  // index = position in commandLog(), value = 1
    CommandRefused,  // index = position in commandLog(), value = 0
};

// The pit as scenes may see it: its geometry, haul network and the exact truck poses within the last tick. Nothing
// else of the Mine (no stepping, no faults, no internals).
class PitView {
public:
    explicit PitView(const Mine& mine) : m_mine(&mine) {}
    const PitGeometry& geometry() const { return m_mine->geometry(); }
    const HaulNetwork& network() const { return m_mine->network(); }
    TruckPose truckPoseAt(int truck, Time t) const { return m_mine->truckPoseAt(truck, t); }

private:
    const Mine* m_mine;
};

// The sky as scenes may see it: the sun for the plant's site and panel orientation at any instant (e.g. a frame time
// between two ticks). Pure; the same functions the panels use.
class SkyView {
public:
    explicit SkyView(const Hydrogen& h2) : m_h2(&h2) {}
    SunState sunAt(Time t, double cloudCover) const { return m_h2->sunAt(t, cloudCover); }

private:
    const Hydrogen* m_h2;
};

// What scenes, the CSV writer, the summary and the metrics (sim/metrics.h) read: read-only views of each unit's state,
// valid for the World's lifetime (scenes copy what they interpolate; they never keep these references across a World
// rebuild).
struct State {
    Time time = 0;               // now (the boundary after the last tick)
    std::int64_t tick = 0;       // ticks run so far
    Time start = 0;              // the World's start: cumulative metrics count from 0 here (a panel's "last 24 h")
    Time tickLength = 0;         // the last tick's length
    const Params& params;        // the parameters in force (change them only by pushing Commands)
    const WeatherState& weather;
    const HydrogenState& h2;
    const SunState& sun;         // h2.sun: the sun the panels saw at the last tick's mid-point
    SkyView sky;                 // the sun at any instant: sky.sunAt(t, weather.cloud_cover)
    const MineState& mine;
    PitView pit;                 // geometry(), network(), truckPoseAt(i, t)
    const TransportState& transport;
    const ConcentratorState& concentrator;
    const SmelterState& smelter;
    const CatalystState& catalyst;
    const SmrState& smr;
    const GasFieldState& gas;    // the depleted field feeding the reformer, and the CO2 store
    const std::vector<RouteEconomics>& economics;  // photocatalytic, smr_grey, smr_capture, smr_depleted_field
    const AlarmsState& alarms;   // plant-wide alarms and their journal (sim/alarms.h)
};

class World {
public:
    World(const Params& params, std::uint64_t seed, Time start);
    // A snapshot: the copy has the same state, pending commands and log, and steps on bit for bit as the original
    // would (same stateHash() after the same steps). Its State view refers to the copy's own units. Assignment is
    // not offered (State holds references); make a new World instead.
    World(const World& o);
    World& operator=(const World&) = delete;

    const Params& params() const { return m_params; }
    std::uint64_t seed() const { return m_seed; }
    Time start() const { return m_start; }

    // Queues a command for the first tick boundary at or after c.at (c.at < 0: the next one). Same-time commands
    // apply in push order.
    void push(Command c);
    // Applies the due commands, then advances one tick of sim.tick_s.
    void step();
    // Runs whole ticks while the next one ends at or before `until`, at most maxTicks; returns the number run.
    int advance(Time until, int maxTicks);

    Time now() const { return m_now; }
    std::int64_t tick() const { return m_tick; }
    Time tickLength() const { return m_tickLength; }
    // Refreshes the mine's per-truck and per-shovel views first when a step made them stale (O(trucks), once per
    // step at most): stepping never builds them, so batch runs pay only for the rows they write.
    const State& state() const { m_mine.state(); return m_view; }
    // [chain] The same view without that refresh: for readers that never look at per-truck or per-shovel fields
    // (the batch's buffer sampling), so they do not pay O(trucks) per read.
    const State& stateWithoutMineViews() const { return m_view; }
    const std::vector<Event>& events() const { return m_sink.events(); }   // the last step()'s, in time order
    const std::vector<Event>& advanceEvents() const { return m_advanceEvents; }  // all of the last advance()'s
    const std::vector<LoggedCommand>& commandLog() const { return m_log; }
    std::size_t pendingCommands() const { return m_pending.size(); }
    std::uint64_t stateHash() const;
    // The sun and sky at any instant (e.g. a frame time between two ticks), with the current cloud cover; pure.
    SunState sunAt(Time t) const { return m_view.sky.sunAt(t, m_weather.state().cloud_cover); }

    // Direct access for tests and tools that need more than the State (e.g. recovery curves); scenes use state(),
    // whose PitView and SkyView carry what scenes need of the Mine and the Hydrogen plant.
    const Mine& mine() const { return m_mine; }
    const Transport& transport() const { return m_transport; }
    const Concentrator& concentrator() const { return m_concentrator; }
    const Smelter& smelter() const { return m_smelter; }
    const Hydrogen& hydrogen() const { return m_hydrogen; }

private:
    void applyDueCommands();
    void apply(const Command& c);
    void notifyChanged();
    void refreshEconomics();
    State makeView() const;  // the State of this World's own units (time, tick and tick length set by the caller)

    Params m_params;
    std::uint64_t m_seed;
    Time m_start;
    Time m_now;
    std::int64_t m_tick = 0;
    Time m_tickLength = 0;
    Time m_nextEconomics = 0;

    Weather m_weather;
    Mine m_mine;
    Transport m_transport;
    Concentrator m_concentrator;
    Smelter m_smelter;
    Catalyst m_catalyst;
    Hydrogen m_hydrogen;
    Smr m_smr;
    GasField m_gasField;
    std::vector<RouteEconomics> m_economics;
    Alarms m_alarms;

    std::multimap<Time, Command> m_pending;  // by at; equal times in push order (multimap inserts at the end)
    std::vector<LoggedCommand> m_log;
    std::vector<std::size_t> m_logThisTick;
    EventSink m_sink;
    std::vector<Event> m_advanceEvents;
    State m_view;
};

}  // namespace sim
