// sim/training.h — training runs: a scenario extended with a briefing, operator levers, objectives, faults triggered
// by conditions, hints and an end condition (docs/training.md); a scripted or live trainee's actions; automatic
// scoring per objective; and the debrief timeline (alarms, faults, trainee actions, hints, score events).
// Use:
//   sim::TrainingScenario sc; std::string why;
//   if (!sim::loadTrainingScenario(path, sc, &why)) { print why; exit 2; }          // FILE:LINE:COL or field path
//   std::vector<sim::TrainingAction> acts;
//   if (!sim::loadTrainingActions(actionsPath, sc, acts, &why)) ...                 // levers checked against sc
//   sim::TrainingRun run = sim::startTraining(sc, acts);                            // params, seed and start from sc
//   run.runToEnd();  run.score().total;  run.timeline();  run.world().stateHash();
// Model: TrainingRun owns the World and pushes every command itself at the tick boundary it is due (scenario
//   commands, then the trainee's or instructor's actions, then triggered faults), so it knows the source of every
//   entry of the World's command log. After each tick it reads the alarm events and the state: objectives
//   accumulate, triggers and hints arm and fire, the end condition is checked. A TrainingRun is a value: a copy is a
//   snapshot that steps on exactly as the original (sim/replay.h builds rewind and branch on that).
// Objective kinds (score 0..1 each; total = 100 * sum(weight * score) / sum(weight)):
//   keep_within    metric within [min, max] over a window; score = share of the window's time inside; passed when
//                  the share >= pass_fraction (default 0.95)
//   restore_within after each raise of an alarm, the metric back within [min, max] within `minutes`; per raise 1 on
//                  time, minutes / taken when late, 0 never; score = mean; passed when every raise was on time
//   reach_total    the metric's increase over the window at least `at_least` (score = increase / at_least, capped
//                  at 1) or at most `at_most` (score 1, else at_most / increase)
//   ack_within     each raise of an alarm acknowledged within `minutes`; per raise as restore_within
//   An alarm that never raised leaves restore_within and ack_within at score 1, passed ("no raise").
// Errors: loading returns false with one message "FILE:LINE:COLUMN: ..." (malformed JSON) or "FILE: field.path:
//   what was found, what was expected" (unknown metrics, levers, alarms and fault targets get the closest names).
//   At run time nothing fails: a refused command is in the World's log and on the timeline as "refused".
// Does NOT: read the wall clock, write files (sim/replay.h and app/ do), draw anything, or word texts for a
//   language (briefings, hints and objective texts are English msgids for the catalogs).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/command.h"
#include "sim/json_text.h"
#include "sim/params.h"
#include "sim/scenario.h"
#include "sim/time.h"
#include "sim/world.h"

namespace sim {

// [SECTION] levers

// An operator lever: a named trainee action mapped to one parameter, with the limits a trainee may set.
struct LeverDef {
    std::string name;          // "dispatch_rule", "smelter_feed_t_h" ...
    std::string param;         // the parameter it sets ("mine.dispatch"); empty for a command lever (assign_truck)
    std::string unit;
    double min = 0, max = 0;   // within the parameter's range (choices: their indices)
    std::string consequence;   // one line: what it changes, and which metrics show it
};
const std::vector<LeverDef>& leverDefs();
const LeverDef* findLever(const std::string& name);
// The assign_truck lever's value, as the trainee reads the pit: "TRUCKS>SHOVEL" with trucks and shovels numbered
// from 1 as their labels are ("4>2", "4,9,15>2", "4>auto": back to the dispatch rule). Gives the AssignTruck
// command's name and value ("mine.truck:3,8,14", "mine.shovel:1").
bool parseAssignValue(const std::string& value, std::string& trucks, std::string& shovel, std::string* why);
// `almalyk train --levers`: header "name\tparam\tunit\tmin\tmax\tconsequence", one line per lever.
std::string leversTable();

// [SECTION] scenario

// A condition on the state at a tick boundary: a metric below or above a limit, or an alarm active.
struct Condition {
    enum class Op : std::uint8_t { Below, Above, AlarmActive };
    Op op = Op::Below;
    std::string metric;        // Below / Above
    double limit = 0;
    std::string alarm;         // AlarmActive
    int index = -1;            // resolved metric or alarm index
    bool holds(const State& s) const;
    std::string text() const;  // "transport.stockpile_t < 20000", "alarm smelter.bath_temp_high"
};

struct Trigger {               // a command fired once, `delay` after its condition first holds
    Condition when;
    Time delay = 0;
    CommandType type = CommandType::InjectFault;
    std::string name;          // fault target
    std::string path;          // "triggers[0]" for messages
};

struct Hint {
    std::string text;          // English msgid
    Time delay = 0;            // after the start, or after `when` first holds
    std::optional<Condition> when;
};

enum class ObjectiveKind : std::uint8_t { KeepWithin, RestoreWithin, ReachTotal, AckWithin };
const char* objectiveKindName(ObjectiveKind k);   // "keep_within" ...

struct Objective {
    std::string name;          // a key: "ore_delivered"
    std::string text;          // English msgid shown to the trainee
    ObjectiveKind kind = ObjectiveKind::KeepWithin;
    double weight = 1;
    std::string metric;
    int metricIndex = -1;
    std::optional<double> min, max;              // keep_within, restore_within
    std::optional<double> atLeast, atMost;       // reach_total
    std::string alarm;                           // restore_within, ack_within
    int alarmIndex = -1;
    Time window = 0;                             // restore_within, ack_within: the allowed time
    Time from = 0;                               // keep_within, reach_total: window from the start ...
    std::optional<Time> to;                      // ... to (none: the end of the run)
    double passFraction = 0.95;                  // keep_within
};

struct TrainingScenario {
    Scenario base;                   // name, description, seed, start, set, commands (sim/scenario.h)
    std::string id;                  // the file's stem: "shovel_breakdown_peak"
    std::string briefing;            // English msgid
    Time duration = 8 * kHour;       // "duration_hours"
    std::optional<Condition> endWhen;
    std::vector<std::string> levers; // the levers the trainee may use
    std::vector<Trigger> triggers;
    std::vector<Hint> hints;
    std::vector<Objective> objectives;
    std::string text;                // the file's text (a replay file embeds it)
};

bool parseTrainingScenario(const std::string& text, const std::string& file, TrainingScenario& out, std::string* why);
bool loadTrainingScenario(const std::string& path, TrainingScenario& out, std::string* why);

// [SECTION] actions

struct TrainingAction {
    enum class Kind : std::uint8_t { Lever, Ack, Fault, Clear, Hint };
    Kind kind = Kind::Lever;
    Time at = 0;                     // sim time; TrainingRun moves it to the boundary it applies at
    std::string name;                // lever name, alarm key ("*": all), fault target, or hint text
    std::string value;               // Lever: the value as text ("least_wait", "60")
    std::string by = "trainee";      // "trainee" or "instructor" (faults, clears and hints are the instructor's)
};
const char* actionKindName(TrainingAction::Kind k);   // "lever", "ack", "fault", "clear", "hint"

// {"trainee": "...", "actions": [{"after_min": 20, "lever": "dispatch_rule", "value": "least_wait"},
//                                {"after_min": 21, "ack": "*"}, {"after_min": 30, "fault": "mine.shovel:1"}]}
// Levers must be among the scenario's; values within the lever's limits. `out` is in time order (stable).
bool parseTrainingActions(const std::string& text, const std::string& file, const TrainingScenario& sc,
                          Time start, std::vector<TrainingAction>& out, std::string* why);
bool loadTrainingActions(const std::string& path, const TrainingScenario& sc, Time start,
                         std::vector<TrainingAction>& out, std::string* why);
// Checks one action against the scenario (the lever allowed, the value in its limits, the alarm or target known).
bool checkTrainingAction(const TrainingScenario& sc, const TrainingAction& a, std::string* why);

// [SECTION] scoring and the timeline

struct ObjectiveScore {
    std::string name, text, kind;
    double weight = 1, score = 0;
    bool passed = false;
    std::string detail;              // "inside 97.2 % of 420 min (needed 95 %)" (English, for files and reports)
    // The same in numbers, for a view that words it in the trainee's language:
    // keep_within: value = share inside (0..1), target = pass fraction, windowMin = minutes counted so far;
    // reach_total: value = the metric's increase, target = at_least or at_most (atMost says which), unit = its unit;
    // restore_within / ack_within: raises = closed raises, open = one is running, lastMin / target = the last one's
    // minutes taken and allowed.
    double value = 0, target = 0, windowMin = 0, lastMin = 0;
    bool atMost = false, open = false;
    int raises = 0;
    std::string unit;
};

struct Score {
    double total = 0;                // 0..100
    std::vector<ObjectiveScore> objectives;
};

struct TimelineEntry {
    enum class Kind : std::uint8_t { AlarmRaised, AlarmCleared, AlarmAcked, Fault, FaultCleared, Action, Refused,
                                     Trigger, Hint, ScoreEvent, End };
    Time time = 0;
    Kind kind = Kind::Action;
    std::string key;                 // alarm key, fault target, lever name, objective name
    std::string detail;              // value, message or hint text
    std::string by;                  // actions: trainee / instructor / scenario
};
const char* timelineKindName(TimelineEntry::Kind k);   // "alarm_raised", "fault", "action", "score" ...

// [SECTION] the run

class TrainingRun {
public:
    // params: the parameters in force at the start (the scenario's "set" already applied).
    TrainingRun(std::shared_ptr<const TrainingScenario> sc, const Params& params, std::uint64_t seed, Time start,
                std::vector<TrainingAction> actions);

    bool finished() const { return m_finished; }
    void step();                     // one tick and its bookkeeping; nothing once finished
    void runToEnd();
    void runUntil(Time t);           // whole ticks while now < t and not finished
    // An action during the run (instructor station, live trainee): applied at the first boundary at or after
    // max(a.at, now). Returns false (and changes nothing) when the scenario does not allow it.
    bool addAction(TrainingAction a, std::string* why);
    // Drops the actions not yet applied whose boundary is at or after t (rewind and branch, sim/replay.h).
    void dropActionsFrom(Time t);
    // Takes the actions of `later` (a run this one is a snapshot of, so the actions applied so far are the same) and
    // drops those from t: the snapshot then re-simulates to t exactly as `later` went.
    void adoptActions(const TrainingRun& later, Time t);

    const World& world() const { return m_world; }
    const TrainingScenario& scenario() const { return *m_sc; }
    std::shared_ptr<const TrainingScenario> scenarioPtr() const { return m_sc; }
    Time now() const { return m_world.now(); }
    Time start() const { return m_world.start(); }
    Time end() const { return m_end; }
    const Params& initialParams() const { return m_initialParams; }
    // Every action, in order, the applied ones with the boundary they applied at.
    const std::vector<TrainingAction>& actions() const { return m_actions; }
    // The score so far (final once finished): objectives still open count what they have seen.
    Score score() const;
    const std::vector<TimelineEntry>& timeline() const { return m_timeline; }

private:
    struct Source { enum Kind : std::uint8_t { Scenario, Action, Trigger } kind; std::size_t index; };
    struct ObjectiveState {
        double insideS = 0, windowS = 0;          // keep_within
        bool inside = true;
        std::optional<double> startValue;         // reach_total
        double lastValue = 0;
        std::optional<Time> openRaise;            // restore_within, ack_within
        std::vector<double> occurrences;          // per raise: 1 on time, window / taken late, 0 never
        bool allOnTime = true;
        std::string last;                         // the last score event's words
        double lastTakenMin = 0;                  // the last raise's minutes to answer
    };
    Time boundary(Time t) const;
    void pushDue();
    void afterTick();
    void observe(std::size_t i, const State& s, Time t, Time dt);
    void closeOccurrence(std::size_t i, Time taken, Time t);
    void finish();
    void note(TimelineEntry::Kind k, Time t, std::string key, std::string detail, std::string by = {});

    std::shared_ptr<const TrainingScenario> m_sc;
    Params m_initialParams;
    World m_world;
    Time m_end = 0;
    bool m_finished = false;
    std::vector<Command> m_scenarioCommands;      // timed, in order
    std::size_t m_nextScenario = 0;
    std::vector<TrainingAction> m_actions;        // sorted by boundary (stable)
    std::size_t m_nextAction = 0;
    std::vector<std::optional<Time>> m_triggerDue;  // when each trigger fires (none: not yet armed)
    std::vector<bool> m_triggerDone;
    std::vector<std::optional<Time>> m_hintSince;
    std::vector<bool> m_hintShown;
    std::vector<Source> m_pushed;                 // sources of the commands pushed for the coming tick
    std::vector<ObjectiveState> m_obj;
    std::vector<TimelineEntry> m_timeline;
};

// The run as `almalyk train` starts it: params from the scenario's "set", its seed (or `seed` when given) and start.
TrainingRun startTraining(const TrainingScenario& sc, const std::vector<TrainingAction>& actions,
                          std::optional<std::uint64_t> seed = std::nullopt);
// Where the scenario's run starts (its "start", else design.md's default).
Time trainingStart(const TrainingScenario& sc);

// The score and timeline as JSON (the train output's "score" ... fields; docs/training.md).
nlohmann::json scoreJson(const Score& s);
nlohmann::json timelineJson(const std::vector<TimelineEntry>& t, Time start);

}  // namespace sim
