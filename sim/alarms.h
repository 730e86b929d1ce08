// sim/alarms.h — plant-wide alarms and their journal: one list of alarms over every unit of the chain, each with a
// priority, an on-delay and a deadband (ISA-18.2 / EEMUA 191 practice, docs/alarms.md), raised/cleared/acknowledged
// times, and a bounded journal of every raise, clear and acknowledgement. Stepped by World after every other unit.
// Use:
//   const sim::AlarmsState& a = w.state().alarms;      // a.list[i].key, .active, .acked, .raisedAt ...; a.journal
//   w.push({sim::CommandType::AckAlarm, "transport.crusher_blocked"});   // or "*" for every unacknowledged alarm
//   sim::alarmDefs()                                   // the table: key, unit, priority, condition, parameters
// Model: each alarm watches one metric (sim/metrics.h, resolved once at construction: no name lookup per tick)
//   against a limit: above, below, or a 0/1 flag. The condition must hold for the on-delay (sim time) before the alarm
//   raises; it clears when the value is back inside the limit by the deadband (flags: when the flag drops). Limits,
//   on-delays and the journal cap are parameters alarm.* (`almalyk params`). The smelter's own four alarms
//   (smelter.alarm_*) are mirrored: raised and cleared with the smelter's flags, never evaluated twice.
//   Acknowledgement is a Command (CommandType::AckAlarm), logged and replayable. An alarm that never raised counts
//   as acknowledged (nothing to acknowledge); a cleared alarm stays unacknowledged until acknowledged (ISA-18.2
//   "return to normal, unacknowledged").
// Journal: at most alarm.journal_max entries, the newest kept (AlarmsState::journalDropped counts the oldest dropped):
//   a year's run stays in bounded memory whatever the faults.
// Errors: ack() of an unknown key is false with the closest keys in *why; of an alarm with nothing to acknowledge
//   it is true and changes nothing. Never throws.
// Does NOT: give words (app/alarm_ui.cpp words each key), change any unit, shelve or suppress alarms.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/events.h"
#include "sim/hash.h"
#include "sim/params.h"
#include "sim/time.h"

namespace sim {

struct State;

enum class AlarmPriority : std::uint8_t { High = 1, Medium = 2, Low = 3 };

struct AlarmStatus {
    std::string key;        // "transport.crusher_blocked", "smelter.bath_temp_high", ... (stable; words live in app/)
    std::string unit;       // the site it belongs to: "pit", "transport", "concentrator", "smelter", "catalyst",
                            // "hydrogen", "reformer", "gas_field" (the overview highlights that site)
    AlarmPriority priority = AlarmPriority::Low;
    bool active = false, acked = false;
    Time raisedAt = -1, clearedAt = -1, ackedAt = -1;   // of the latest occurrence
    double value = 0, limit = 0;                        // measured and limit at raise (units of its metric)
    // Additions to the agreed API:
    std::int64_t raises = 0;                            // occurrences so far
    double current = 0;                                 // the watched value at the last step
};

struct AlarmJournalEntry {
    Time time;
    std::string key;
    enum Kind : std::uint8_t { Raised, Cleared, Acked } kind;
    double value;           // the watched value then (units of its metric)
};

struct AlarmsState {
    std::vector<AlarmStatus> list;            // alarmDefs() order
    std::vector<AlarmJournalEntry> journal;   // oldest first, at most alarm.journal_max
    int active = 0, unacked = 0;
    // Additions to the agreed API:
    int highestPriority = 0;                  // of the active alarms: 0 none, 1 high, 2 medium, 3 low
    std::int64_t journalDropped = 0;          // oldest entries dropped to keep the cap
};

enum class AlarmEvent : std::uint16_t {
    Raised,   // index = position in AlarmsState::list, value = the watched value
    Cleared,  // index = position in AlarmsState::list, value = the watched value
    Acked,    // index = position in AlarmsState::list, value = the watched value
};

enum class AlarmCondition : std::uint8_t {
    Above,   // value > limit raises; value < limit - deadband clears
    Below,   // value < limit raises; value > limit + deadband clears
    Flag,    // value >= 0.5 raises; value < 0.5 clears (trips, faults, interlocks; no limit)
    FlagOff, // value < 0.5 raises (a "running" or "ok" flag dropped); value >= 0.5 clears
};

struct AlarmDef {
    const char* key;
    const char* unit;               // site, as AlarmStatus::unit
    AlarmPriority priority;
    AlarmCondition condition;
    const char* metric;             // the watched metric (sim/metrics.h)
    const char* limitParam;         // the limit's parameter (nullptr for Flag)
    double limitScalePct = 0;       // 0: limit = param; else the param is a % of the metric scaleMetric
    const char* scaleMetric = nullptr;
    double deadband = 0;            // in the watched metric's units (or % of scaleMetric when scaled)
    const char* delayParam = nullptr;  // on-delay parameter, s (nullptr: none, e.g. mirrored alarms)
};

// The plant-wide alarm table, in chain order (pit -> ... -> reformer).
const std::vector<AlarmDef>& alarmDefs();
// alarm.*: every limit and on-delay of the table, and alarm.journal_max.
void registerAlarmParams(Params& p);

class Alarms {
public:
    explicit Alarms(const Params& p);
    void applyParams(const Params& p);
    // Evaluates every alarm on the state at its time s.time (after every unit stepped); emits AlarmEvents at s.time.
    void step(const State& s, EventSink& ev);
    // Acknowledges `key` (or every unacknowledged alarm for "*") at time t; journals and emits each one acknowledged.
    bool ack(const std::string& key, Time t, EventSink& ev, std::string* why);
    const AlarmsState& state() const { return m_state; }
    void hashInto(Hasher& h) const;

private:
    struct Watch {
        // The metrics' read functions, resolved once (nullptr: none; a missing name is a programming error that
        // tests/sim/test_alarms.cpp catches).
        double (*metric)(const State&) = nullptr;
        double (*shown)(const State&) = nullptr;
        double (*scale)(const State&) = nullptr;
        AlarmCondition condition = AlarmCondition::Flag;
        double limitParam = 0, deadband = 0;
        Time delay = 0, offDelay = 0;
        Time pendingSince = -1, clearSince = -1;    // raise / clear condition true since (-1: not)
        bool active = false;                        // AlarmStatus::active, kept beside the hot fields
    };
    static double read(const State& s, double (*metric)(const State&));   // NaN (or none) reads as 0
    double limit(const State& s, std::size_t i) const;
    double deadband(const State& s, std::size_t i) const;
    bool holds(const State& s, std::size_t i, double v, bool clearing) const;
    void journal(Time t, std::size_t i, AlarmJournalEntry::Kind kind, double v);
    void trimJournal();
    void recount();

    std::vector<Watch> m_watch;
    std::size_t m_journalMax = 0;
    AlarmsState m_state;
};

}  // namespace sim
