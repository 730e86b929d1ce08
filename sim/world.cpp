#include "sim/world.h"

#include <algorithm>

#include "sim/event_names.h"
#include "sim/names.h"

namespace sim {
namespace {

constexpr double kDefaultPoaKwhM2Y = PhotoInputs{}.poa_kwh_m2_y;  // hydrogen.md §7, until a full year is simulated

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

void registerAllParams(Params& p) {
    p.add({.name = "sim.tick_s", .unit = "s", .def = 60, .min = 1, .max = 3600, .description =
           "Length of one simulation tick; speed-up runs more ticks, never longer ones (design.md)",
           .kind = ParamKind::Integer});
    registerWeatherParams(p);  // also site.*
    registerMineParams(p);
    registerTransportParams(p);
    registerConcentratorParams(p);
    registerSmelterParams(p);
    registerCatalystParams(p);
    registerHydrogenParams(p);
    registerSmrParams(p);
    registerGasFieldParams(p);
    registerEconomicsParams(p);
    registerAlarmParams(p);
}

Params makeParams() {
    Params p;
    registerAllParams(p);
    return p;
}

World::World(const Params& params, std::uint64_t seed, Time start)
    : m_params(params), m_seed(seed), m_start(start), m_now(start),
      m_tickLength(static_cast<Time>(params.getInt("sim.tick_s")) * kSecond), m_nextEconomics(start),
      m_weather(m_params, seed, start), m_mine(m_params, seed, start), m_transport(m_params, seed, start),
      m_concentrator(m_params, seed, start), m_smelter(m_params, seed, start), m_catalyst(m_params, seed, start),
      m_hydrogen(m_params, seed, start), m_smr(m_params, seed, start), m_gasField(m_params, seed, start),
      m_alarms(m_params),
      m_view(makeView()) {
    m_params.takeChanged();  // the units were built from these values
    m_view.time = m_now;
    m_view.start = m_start;
    m_view.tickLength = m_tickLength;
    refreshEconomics();
}

World::World(const World& o)
    : m_params(o.m_params), m_seed(o.m_seed), m_start(o.m_start), m_now(o.m_now), m_tick(o.m_tick),
      m_tickLength(o.m_tickLength), m_nextEconomics(o.m_nextEconomics), m_weather(o.m_weather), m_mine(o.m_mine),
      m_transport(o.m_transport), m_concentrator(o.m_concentrator), m_smelter(o.m_smelter), m_catalyst(o.m_catalyst),
      m_hydrogen(o.m_hydrogen), m_smr(o.m_smr), m_gasField(o.m_gasField), m_economics(o.m_economics),
      m_alarms(o.m_alarms), m_pending(o.m_pending), m_log(o.m_log), m_logThisTick(o.m_logThisTick), m_sink(o.m_sink),
      m_advanceEvents(o.m_advanceEvents), m_view(makeView()) {
    m_view.time = o.m_view.time;
    m_view.start = o.m_view.start;
    m_view.tick = o.m_view.tick;
    m_view.tickLength = o.m_view.tickLength;
}

State World::makeView() const {
    return State{.params = m_params, .weather = m_weather.state(), .h2 = m_hydrogen.state(),
                 .sun = m_hydrogen.state().sun, .sky = SkyView(m_hydrogen), .mine = m_mine.state(),
                 .pit = PitView(m_mine), .transport = m_transport.state(), .concentrator = m_concentrator.state(),
                 .smelter = m_smelter.state(), .catalyst = m_catalyst.state(), .smr = m_smr.state(),
                 .gas = m_gasField.state(), .economics = m_economics, .alarms = m_alarms.state()};
}

void World::push(Command c) {
    if (c.at < 0) c.at = m_now;
    // O(log n): a multimap keeps same-time commands in push order (an insert goes to the end of its equal range).
    // Before, an insert into a sorted vector made 100,000 scheduled commands take 15-60 s (issue 16).
    const Time at = c.at;
    m_pending.emplace(at, std::move(c));
}

void World::applyDueCommands() {
    const auto due = m_pending.upper_bound(m_now);
    if (due == m_pending.begin()) return;
    for (auto it = m_pending.begin(); it != due; ++it) apply(it->second);
    m_pending.erase(m_pending.begin(), due);
    notifyChanged();
}

void World::apply(const Command& c) {
    LoggedCommand entry{.tick = m_tick, .command = c, .accepted = true, .message = {}};
    entry.command.at = m_now;  // the log records when it took effect
    std::string why;
    switch (c.type) {
        case CommandType::SetParam:
            entry.accepted = m_params.setFromText(c.name, c.value, &why);
            break;
        case CommandType::InjectFault:
        case CommandType::ClearFault: {
            const bool on = c.type == CommandType::InjectFault;
            // Each unit answers false without a message for targets that are not its own, and false with one for a
            // bad target of its own (e.g. "mine.truck:999"); the first unit that answers decides.
            bool ok = false;
            const auto tryUnit = [&](auto& unit) {
                ok = unit.setFault(c.name, on, &why);
                return ok || !why.empty();
            };
            const bool answered = tryUnit(m_mine) || tryUnit(m_transport) || tryUnit(m_concentrator) ||
                                  tryUnit(m_smelter) || tryUnit(m_catalyst) || tryUnit(m_hydrogen) || tryUnit(m_smr) ||
                                  tryUnit(m_gasField) || tryUnit(m_weather);
            entry.accepted = ok;
            if (!answered)
                why = "unknown fault target '" + c.name + "'; did you mean " +
                      joinNames(closestNames(c.name, faultTargets(m_params))) + "? (almalyk faults lists them all)";
            break;
        }
        case CommandType::AckAlarm:
            entry.accepted = m_alarms.ack(c.name, m_now, m_sink, &why);
            break;
        case CommandType::AssignTruck:
            entry.accepted = m_mine.assignTrucks(c.name, c.value, &why);
            break;
    }
    entry.message = why;
    m_logThisTick.push_back(m_log.size());
    m_log.push_back(std::move(entry));
}

void World::notifyChanged() {
    const std::vector<std::string> changed = m_params.takeChanged();
    bool weather = false, mine = false, h2 = false, smr = false, transport = false, conc = false, smelter = false,
         catalyst = false, sim = false, gas = false, alarm = false;
    for (const std::string& name : changed) {
        if (startsWith(name, "site.")) weather = h2 = true;  // every sun-aware unit reads the site
        else if (startsWith(name, "weather.")) weather = true;
        else if (startsWith(name, "h2.")) h2 = true;
        else if (startsWith(name, "smr.")) smr = true;
        else if (startsWith(name, "mine.")) mine = true;
        else if (startsWith(name, "transport.")) transport = true;
        else if (startsWith(name, "smelter.")) smelter = true;
        else if (startsWith(name, "catalyst.")) catalyst = true;
        else if (startsWith(name, "concentrator.")) conc = true;
        else if (startsWith(name, "sim.")) sim = true;
        else if (startsWith(name, "gas.") || startsWith(name, "ccs.")) gas = smr = true;
        else if (startsWith(name, "alarm.")) alarm = true;
    }
    if (!changed.empty()) m_nextEconomics = m_now;  // LCOH depends on econ.*, h2.*, smr.* and more: refresh after the tick
    if (weather) m_weather.applyParams(m_params);
    if (mine) m_mine.applyParams(m_params);
    if (transport) m_transport.applyParams(m_params);
    if (conc) m_concentrator.applyParams(m_params);
    if (smelter) m_smelter.applyParams(m_params);
    if (catalyst) m_catalyst.applyParams(m_params);
    if (h2) m_hydrogen.applyParams(m_params);
    if (smr) m_smr.applyParams(m_params);
    if (gas) m_gasField.applyParams(m_params);
    if (alarm) m_alarms.applyParams(m_params);
    if (sim) m_tickLength = static_cast<Time>(m_params.getInt("sim.tick_s")) * kSecond;
}

void World::refreshEconomics() {
    const HydrogenState& h = m_hydrogen.state();
    const double hours = toHours(m_now - m_start);
    const double poaYear = hours >= 8760.0 ? h.poa_kwh_m2 * 8760.0 / hours : kDefaultPoaKwhM2Y;
    m_economics = compareRoutes(m_params, photoInputsFrom(m_params, poaYear));
    m_nextEconomics = m_now + kDay;  // annual figures: a daily refresh is plenty (and cheap)
}

void World::step() {
    m_sink.clear();
    m_logThisTick.clear();
    applyDueCommands();
    for (std::size_t i : m_logThisTick)
        m_sink.emit(m_now, Unit::World, m_log[i].accepted ? WorldEvent::CommandApplied : WorldEvent::CommandRefused,
                    static_cast<std::int32_t>(i), m_log[i].accepted ? 1.0 : 0.0);

    const Time t0 = m_now, dt = m_tickLength;
    m_weather.step(t0, dt, m_sink);
    m_mine.step(t0, dt, m_sink);
    const double oreAtConcentrator_t = m_transport.step(t0, dt, m_mine.totals().oreDeliveredTick_t, m_sink);
    const MaterialBatch concentrate = m_concentrator.step(t0, dt, oreAtConcentrator_t, m_sink);
    m_smelter.step(t0, dt, concentrate, m_sink);
    m_catalyst.step(t0, dt, m_smelter.state().slagToYardTick_t,
                    {.dueArea_m2 = m_hydrogen.dueArea_m2(), .landFree_m2 = m_hydrogen.landFree_m2()}, m_sink);
    // The reformer is called on the last tick's shortfall and store (one tick of lag, as a real controller); panel gas
    // the operator routes to the store (h2.to_storage_share) does not reach the header, so it leaves the shortfall.
    const HydrogenState& h2 = m_hydrogen.state();
    m_smr.step(t0, dt,
               {.shortfall_kg_h = h2.demand_kg_h - (1.0 - m_hydrogen.toStorageShare()) * h2.h2_recovered_kg_h,
                .storage_kg = h2.storage_kg, .storage_capacity_kg = h2.storage_capacity_kg,
                .feed_co2_molfrac = m_gasField.state().co2_pct / 100.0},
               m_sink);
    m_hydrogen.step(t0, dt,
                    {.newPanelArea_m2 = m_catalyst.state().newPanelAreaTick_m2,
                     .recoatArea_m2 = m_catalyst.state().recoatAreaTick_m2,
                     .cloudCover = m_weather.state().cloud_cover, .reformer_kg = m_smr.state().h2Tick_kg},
                    m_sink);
    m_gasField.step(t0, dt, m_smr.state().ch4_kg_h, m_smr.state().co2_captured_kg_h, m_sink);

    m_now = t0 + dt;
    ++m_tick;
    m_view.time = m_now;
    m_view.tick = m_tick;
    m_view.tickLength = dt;
    m_alarms.step(m_view, m_sink);  // last: on the state every unit left, at the boundary's time
    const auto& evs = m_sink.events();
    // Units emit mostly in time order already; a stable sort would allocate every tick.
    if (!std::is_sorted(evs.begin(), evs.end(), [](const Event& a, const Event& b) { return a.time < b.time; }))
        m_sink.sortByTime();
    if (m_now >= m_nextEconomics) refreshEconomics();
}

int World::advance(Time until, int maxTicks) {
    m_advanceEvents.clear();
    int n = 0;
    while (n < maxTicks && m_now + m_tickLength <= until) {
        step();
        m_advanceEvents.insert(m_advanceEvents.end(), m_sink.events().begin(), m_sink.events().end());
        ++n;
    }
    return n;
}

std::uint64_t World::stateHash() const {
    Hasher h;
    h.add(m_seed);
    h.add(m_now);
    h.add(m_tick);
    h.add(m_tickLength);
    for (const ParamDef& d : m_params.defs()) h.add(m_params.get(d.name));
    h.add(m_pending.size());
    h.add(m_log.size());
    m_weather.hashInto(h);
    m_mine.hashInto(h);
    m_transport.hashInto(h);
    m_concentrator.hashInto(h);
    m_smelter.hashInto(h);
    m_catalyst.hashInto(h);
    m_hydrogen.hashInto(h);
    m_smr.hashInto(h);
    m_gasField.hashInto(h);
    m_alarms.hashInto(h);
    return h.value();
}

}  // namespace sim
