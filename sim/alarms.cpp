#include "sim/alarms.h"

#include <algorithm>
#include <cmath>

#include "sim/metrics.h"
#include "sim/names.h"
#include "sim/world.h"

namespace sim {
namespace {

using P = AlarmPriority;
using C = AlarmCondition;

// The table (docs/alarms.md gives the reason and source of every limit, delay and deadband). Priorities follow
// EEMUA 191 / ISA-18.2: High = act now, a trip or a limit whose consequence is immediate (safety, permit, a main
// production unit stopped); Medium = act within the shift's next half hour or so, a buffer will run out or overflow;
// Low = be aware. Flags that can chatter (a buffer at its mark switching a unit on and off) carry an off-delay.
struct Extra {
    const char* shownMetric;   // value reported for a Flag (nullptr: the flag itself)
    double offDelay_s;         // clear only after the clear condition held this long
};

struct Row {
    AlarmDef def;
    Extra extra;
};

const std::vector<Row>& rows() {
    static const std::vector<Row> r = {
        {{"mine.fleet_availability_low", "pit", P::Medium, C::Below, "mine.fleet_availability_pct",
          "alarm.fleet_availability_low_pct", 0, nullptr, 5.0, "alarm.fleet_availability_low_delay_s"},
         {nullptr, 0}},
        {{"transport.crusher_fault", "transport", P::Medium, C::Flag, "transport.crusher_fault", nullptr},
         {"transport.crusher_queue_t", 0}},
        {{"transport.crusher_blocked", "transport", P::Medium, C::Flag, "transport.crusher_blocked", nullptr, 0,
          nullptr, 0, "alarm.crusher_blocked_delay_s"},
         {"transport.stockpile_t", 600}},
        {{"transport.stockpile_high", "transport", P::Low, C::Above, "transport.stockpile_t", "alarm.stockpile_high_pct",
          100, "transport.stockpile_capacity_t", 5.0, "alarm.stockpile_high_delay_s"},
         {nullptr, 0}},
        {{"transport.stockpile_low", "transport", P::Medium, C::Below, "transport.stockpile_t", "alarm.stockpile_low_pct",
          100, "transport.stockpile_capacity_t", 1.0, "alarm.stockpile_low_delay_s"},
         {nullptr, 0}},
        {{"transport.conveyor_fault", "transport", P::Medium, C::Flag, "transport.conveyor_fault", nullptr},
         {"transport.conveyor_load_t", 0}},
        {{"transport.rail_fault", "transport", P::Medium, C::Flag, "transport.rail_fault", nullptr},
         {"transport.on_trains_t", 0}},
        {{"concentrator.mill_fault", "concentrator", P::High, C::Flag, "concentrator.mill_fault", nullptr},
         {"concentrator.ore_store_t", 0}},
        {{"concentrator.ore_store_low", "concentrator", P::Medium, C::Below, "concentrator.ore_store_t",
          "alarm.ore_store_low_t", 0, nullptr, 500.0, "alarm.ore_store_low_delay_s"},
         {nullptr, 0}},
        {{"smelter.concentrate_store_low", "smelter", P::Medium, C::Below, "smelter.concentrate_store_t",
          "alarm.concentrate_store_low_t", 0, nullptr, 100.0, "alarm.concentrate_store_low_delay_s"},
         {nullptr, 0}},
        {{"smelter.furnace_trip", "smelter", P::High, C::FlagOff, "smelter.furnace_running", nullptr},
         {"smelter.bath_temp_c", 0}},
        {{"smelter.feed_interlock", "smelter", P::Medium, C::Flag, "smelter.feed_interlock", "smelter.bath_level_high_m"},
         {"smelter.bath_level_m", 0}},
        {{"smelter.acid_plant_trip", "smelter", P::High, C::FlagOff, "smelter.acid_plant_running", nullptr},
         {"smelter.stack_so2_t_h", 0}},
        // The smelter's own alarms (sim/smelter.cpp, with its limits and deadbands), mirrored.
        {{"smelter.bath_temp_high", "smelter", P::High, C::Flag, "smelter.alarm_temp_high", "smelter.temp_high_c"},
         {"smelter.bath_temp_c", 0}},
        {{"smelter.bath_temp_low", "smelter", P::High, C::Flag, "smelter.alarm_temp_low", "smelter.temp_low_c"},
         {"smelter.bath_temp_c", 0}},
        {{"smelter.bath_level_high", "smelter", P::High, C::Flag, "smelter.alarm_level_high",
          "smelter.bath_level_high_m"},
         {"smelter.bath_level_m", 0}},
        {{"smelter.stack_so2_high", "smelter", P::High, C::Flag, "smelter.alarm_stack_so2_high",
          "smelter.stack_so2_high_t_h"},
         {"smelter.stack_so2_t_h", 0}},
        {{"catalyst.stock_low", "catalyst", P::Low, C::Below, "catalyst.stock_kg", "alarm.catalyst_stock_low_kg", 0,
          nullptr, 5.0, "alarm.catalyst_stock_low_delay_s"},
         {nullptr, 0}},
        {{"h2.storage_full", "hydrogen", P::Low, C::Above, "h2.storage_fill_pct", "alarm.h2_storage_full_pct", 0, nullptr,
          3.0, "alarm.h2_storage_full_delay_s"},
         {nullptr, 0}},
        {{"h2.venting", "hydrogen", P::Medium, C::Above, "h2.vented_kg_h", "alarm.h2_venting_kg_h", 0, nullptr, 1.0,
          "alarm.h2_venting_delay_s"},
         {nullptr, 0}},
        {{"h2.separator_fault", "hydrogen", P::Medium, C::FlagOff, "h2.separator_ok", nullptr},
         {"h2.photo_kg_h", 0}},
        {{"h2.demand_unserved", "hydrogen", P::Medium, C::Above, "h2.unserved_kg_h", "alarm.h2_unserved_kg_h", 0,
          nullptr, 0.5, "alarm.h2_unserved_delay_s"},
         {nullptr, 0}},
        {{"smr.reformer_trip", "reformer", P::High, C::Flag, "smr.tripped", nullptr},
         {"smr.h2_kg_h", 0}},
        // The depleted field's CO2 injection (sim/gas_field.h): a compressor trip vents the captured CO2.
        {{"gas.injection_trip", "gas_field", P::Medium, C::FlagOff, "ccs.injection_ok", nullptr},
         {"ccs.co2_vented_t_h", 0}},
        {{"gas.pressure_low", "gas_field", P::Low, C::Below, "gas.pressure_bar", "alarm.gas_pressure_low_bar", 0, nullptr,
          1.0, "alarm.gas_pressure_low_delay_s"},
         {nullptr, 0}},
        {{"ccs.capacity_low", "gas_field", P::Low, C::Below, "ccs.capacity_left_pct", "alarm.ccs_capacity_low_pct", 0,
          nullptr, 1.0, "alarm.ccs_capacity_low_delay_s"},
         {nullptr, 0}},
    };
    return r;
}

const std::vector<AlarmDef>& defsTable() {
    static const std::vector<AlarmDef> d = [] {
        std::vector<AlarmDef> out;
        for (const Row& r : rows()) out.push_back(r.def);
        return out;
    }();
    return d;
}

bool isOn(double v) { return v >= 0.5; }

double (*resolve(const char* name))(const State&) {
    const int i = findMetric(name);
    return i >= 0 ? metricDefs()[static_cast<std::size_t>(i)].read : nullptr;
}

}  // namespace

const std::vector<AlarmDef>& alarmDefs() { return defsTable(); }

void registerAlarmParams(Params& p) {
    const auto limit = [&](const char* name, const char* unit, double def, double lo, double hi, const char* what) {
        p.add({.name = name, .unit = unit, .def = def, .min = lo, .max = hi, .description = what});
    };
    const auto delay = [&](const char* name, double def, const char* what) {
        p.add({.name = name, .unit = "s", .def = def, .min = 0, .max = 86400,
               .description = std::string("on-delay: ") + what + " must hold this long before the alarm raises"});
    };
    limit("alarm.fleet_availability_low_pct", "%", 75, 0, 100,
          "fleet availability floor: trucks in the fleet not broken down / trucks in the fleet (EEMUA 191 Medium)");
    delay("alarm.fleet_availability_low_delay_s", 1800, "availability below its floor");
    delay("alarm.crusher_blocked_delay_s", 300, "crusher blocked by a full stockpile");
    limit("alarm.stockpile_high_pct", "%", 95, 1, 100, "surge stockpile high: % of transport.stockpile_capacity_t");
    delay("alarm.stockpile_high_delay_s", 600, "stockpile above its high mark");
    limit("alarm.stockpile_low_pct", "%", 1, 0, 99,
          "surge stockpile low: % of transport.stockpile_capacity_t (1 % = 600 t, about half a train load)");
    delay("alarm.stockpile_low_delay_s", 3600, "stockpile below its low mark");
    limit("alarm.ore_store_low_t", "t", 1000, 0, 1e6,
          "coarse-ore store low: the mills slow with the store (10 % of concentrator.store_setpoint_t)");
    delay("alarm.ore_store_low_delay_s", 600, "coarse-ore store below its low mark");
    limit("alarm.concentrate_store_low_t", "t", 1000, 0, 1e6,
          "smelter concentrate store low (about 12 h of furnace feed at 82 t/h)");
    delay("alarm.concentrate_store_low_delay_s", 600, "concentrate store below its low mark");
    limit("alarm.catalyst_stock_low_kg", "kg", 5, 0, 1e6,
          "catalyst stock low: a quarter of catalyst.stock_low_kg, the panel shop is about to stand for want of catalyst");
    delay("alarm.catalyst_stock_low_delay_s", 3600, "catalyst stock below its low mark");
    limit("alarm.gas_pressure_low_bar", "bar", 15, 0, 1000,
          "depleted field's reservoir pressure low: 5 bar above gas.p_abandon_bar (10 bar), the field is near the end of "
          "its life and the reformer needs another gas supply planned (E)");
    delay("alarm.gas_pressure_low_delay_s", 600, "reservoir pressure below its low mark");
    limit("alarm.ccs_capacity_low_pct", "%", 10, 0, 100,
          "CO2 storage reservoir nearly full: capacity left below this share of ccs.capacity_mt (E: a few years of "
          "injection to find and permit the next store)");
    delay("alarm.ccs_capacity_low_delay_s", 600, "CO2 store capacity left below its mark");
    limit("alarm.h2_storage_full_pct", "%", 98, 1, 100, "hydrogen storage full: fill above this");
    delay("alarm.h2_storage_full_delay_s", 300, "storage above its full mark");
    limit("alarm.h2_venting_kg_h", "kg/h", 5, 0, 1e5, "hydrogen venting: vented rate (separator losses included) above this");
    delay("alarm.h2_venting_delay_s", 900, "venting above its limit");
    limit("alarm.h2_unserved_kg_h", "kg/h", 1, 0, 1e5, "PRMiTS hydrogen demand unserved above this rate");
    delay("alarm.h2_unserved_delay_s", 900, "unserved demand above its limit");
    p.add({.name = "alarm.journal_max", .unit = "count", .def = 5000, .min = 10, .max = 1e6,
           .description = "alarm journal cap: the newest entries are kept (bounded memory for long runs)",
           .kind = ParamKind::Integer});
}

Alarms::Alarms(const Params& p) {
    const std::vector<Row>& r = rows();
    m_watch.resize(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
        const AlarmDef& d = r[i].def;
        Watch& w = m_watch[i];
        w.metric = resolve(d.metric);
        w.shown = r[i].extra.shownMetric ? resolve(r[i].extra.shownMetric) : nullptr;
        w.scale = d.scaleMetric ? resolve(d.scaleMetric) : nullptr;
        w.condition = d.condition;
        w.deadband = d.deadband;
        w.offDelay = fromSeconds(r[i].extra.offDelay_s);
        m_state.list.push_back(AlarmStatus{.key = d.key, .unit = d.unit, .priority = d.priority, .active = false,
                                           .acked = true});  // never raised: nothing to acknowledge
    }
    applyParams(p);
}

void Alarms::applyParams(const Params& p) {
    const std::vector<AlarmDef>& d = alarmDefs();
    for (std::size_t i = 0; i < d.size(); ++i) {
        m_watch[i].limitParam = d[i].limitParam ? p.get(d[i].limitParam) : 0.0;
        m_watch[i].delay = d[i].delayParam ? fromSeconds(p.get(d[i].delayParam)) : 0;
    }
    m_journalMax = static_cast<std::size_t>(p.getInt("alarm.journal_max"));
    trimJournal();
}

double Alarms::read(const State& s, double (*metric)(const State&)) {
    if (!metric) return 0.0;
    const double v = metric(s);
    return std::isfinite(v) ? v : 0.0;
}

double Alarms::limit(const State& s, std::size_t i) const {
    const Watch& w = m_watch[i];
    return w.scale ? w.limitParam / 100.0 * read(s, w.scale) : w.limitParam;
}

double Alarms::deadband(const State& s, std::size_t i) const {
    const Watch& w = m_watch[i];
    return w.scale ? w.deadband / 100.0 * read(s, w.scale) : w.deadband;
}

// The raise condition (clearing = false) or the clear condition (clearing = true) of alarm i on value v.
bool Alarms::holds(const State& s, std::size_t i, double v, bool clearing) const {
    const Watch& w = m_watch[i];
    switch (w.condition) {
        case AlarmCondition::Flag: return isOn(v) != clearing;
        case AlarmCondition::FlagOff: return isOn(v) == clearing;
        case AlarmCondition::Above: return clearing ? v < limit(s, i) - deadband(s, i) : v > limit(s, i);
        case AlarmCondition::Below: return clearing ? v > limit(s, i) + deadband(s, i) : v < limit(s, i);
    }
    return false;
}

void Alarms::step(const State& s, EventSink& ev) {
    bool changed = false;
    for (std::size_t i = 0; i < m_watch.size(); ++i) {
        Watch& w = m_watch[i];
        const double v = read(s, w.metric);
        // The common case first, touching only the small Watch: inactive and not in the condition.
        if (!w.active) {
            if (!holds(s, i, v, false)) { w.pendingSince = -1; continue; }
            if (w.pendingSince < 0) w.pendingSince = s.time;
            if (s.time - w.pendingSince < w.delay) continue;
            AlarmStatus& a = m_state.list[i];
            const AlarmDef& d = alarmDefs()[i];
            const double shown = w.shown ? read(s, w.shown) : v;
            const bool flag = d.condition == AlarmCondition::Flag || d.condition == AlarmCondition::FlagOff;
            w.active = a.active = true;
            a.acked = false;
            a.raisedAt = s.time;
            a.clearedAt = a.ackedAt = -1;
            a.value = a.current = shown;
            a.limit = flag ? (d.limitParam ? s.params.get(d.limitParam) : 0.0) : limit(s, i);
            ++a.raises;
            changed = true;
            w.pendingSince = -1;
            journal(s.time, i, AlarmJournalEntry::Raised, shown);
            ev.emit(s.time, Unit::Alarms, AlarmEvent::Raised, static_cast<std::int32_t>(i), shown);
            continue;
        }
        // Active: the value shown is the current one (only active alarms are read every step for display).
        AlarmStatus& a = m_state.list[i];
        const double shown = w.shown ? read(s, w.shown) : v;
        a.current = shown;
        if (!holds(s, i, v, true)) { w.clearSince = -1; continue; }
        if (w.clearSince < 0) w.clearSince = s.time;
        if (s.time - w.clearSince < w.offDelay) continue;
        w.active = a.active = false;
        a.clearedAt = s.time;
        changed = true;
        w.clearSince = -1;
        journal(s.time, i, AlarmJournalEntry::Cleared, shown);
        ev.emit(s.time, Unit::Alarms, AlarmEvent::Cleared, static_cast<std::int32_t>(i), shown);
    }
    if (changed) recount();
}

bool Alarms::ack(const std::string& key, Time t, EventSink& ev, std::string* why) {
    const bool all = key == "*";
    bool found = all;
    for (std::size_t i = 0; i < m_state.list.size(); ++i) {
        AlarmStatus& a = m_state.list[i];
        if (!all && a.key != key) continue;
        found = true;
        if (a.acked) continue;
        a.acked = true;
        a.ackedAt = t;
        journal(t, i, AlarmJournalEntry::Acked, a.current);
        ev.emit(t, Unit::Alarms, AlarmEvent::Acked, static_cast<std::int32_t>(i), a.current);
    }
    if (!found) {
        std::vector<std::string> keys;
        for (const AlarmStatus& a : m_state.list) keys.push_back(a.key);
        if (why)
            *why = "unknown alarm '" + key + "'; did you mean " + joinNames(closestNames(key, keys)) +
                   "? (\"*\" acknowledges all; docs/alarms.md lists them)";
        return false;
    }
    recount();
    return true;
}

void Alarms::journal(Time t, std::size_t i, AlarmJournalEntry::Kind kind, double v) {
    m_state.journal.push_back(AlarmJournalEntry{.time = t, .key = m_state.list[i].key, .kind = kind, .value = v});
    trimJournal();
}

// Drops the oldest entries past the cap, a tenth of the cap at a time, so a long faulty run does not shift the whole
// journal on every entry.
void Alarms::trimJournal() {
    std::vector<AlarmJournalEntry>& j = m_state.journal;
    if (j.size() <= m_journalMax) return;
    const std::size_t drop = j.size() - m_journalMax + m_journalMax / 10;
    const std::size_t n = std::min(drop, j.size());
    j.erase(j.begin(), j.begin() + static_cast<std::ptrdiff_t>(n));
    m_state.journalDropped += static_cast<std::int64_t>(n);
}

void Alarms::recount() {
    int active = 0, unacked = 0, highest = 0;
    for (const AlarmStatus& a : m_state.list) {
        if (a.active) {
            ++active;
            const int p = static_cast<int>(a.priority);
            if (highest == 0 || p < highest) highest = p;
        }
        if (!a.acked) ++unacked;
    }
    m_state.active = active;
    m_state.unacked = unacked;
    m_state.highestPriority = highest;
}

void Alarms::hashInto(Hasher& h) const {
    for (std::size_t i = 0; i < m_state.list.size(); ++i) {
        const AlarmStatus& a = m_state.list[i];
        h.add(a.active);
        h.add(a.acked);
        h.add(a.raisedAt);
        h.add(a.clearedAt);
        h.add(a.ackedAt);
        h.add(a.raises);
        h.add(m_watch[i].pendingSince);
        h.add(m_watch[i].clearSince);
    }
    h.add(m_state.journal.size());
    h.add(m_state.journalDropped);
}

}  // namespace sim
