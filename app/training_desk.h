// app/training_desk.h — a training run in the window, without the window: what the instructor station, the trainee's
// view and the debrief (app/director_training.cpp) act on, so each of their buttons is one call tested here.
// Use:
//   app::TrainingDesk desk;
//   if (!desk.start({.scenario = "furnace_overheating", .trainee = "A. Karimov"}, &why)) show why;
//   each frame: desk.advance(wallSeconds);  scenes show desk.shown()->world();  desk.events() this frame's
//   trainee:    desk.lever("smelter_feed_t_h", "140", &why);  desk.ack("smelter.bath_temp_high", &why);
//   instructor: desk.injectFault("mine.shovel:1", &why);  desk.clearFault(...);  desk.pushHint("...", &why);
//               desk.setFrozen(true);  desk.setSpeed(600);  desk.snapshot();  desk.view(t);  desk.branch(&why);
//   debrief:    desk.phase() == Phase::Debrief; desk.view(t) scrubs; desk.setPlaying(true) replays from there.
// Model: the live run is a sim::TrainingSession (snapshots every kSnapshotEvery of sim time, and the instructor's
//   own), stepped tick by tick at the chosen speed (sim seconds per wall second) unless frozen; at most kMaxTicks
//   ticks a frame, so a slow frame never runs away (behind() says so). Every action goes through
//   TrainingRun::addAction: a lever the scenario does not offer, or a value out of its limits, is refused with the
//   reason and changes nothing. view(t) shows the run as it was at t (TrainingSession::at: exact, the same state as
//   a fresh run to t) while the live run waits; backToLive() returns to it. branch() makes the viewed moment a new
//   live run (new run id, linked to its parent and the moment it left it); the parent's record is closed as it was.
// Records: the window always records (app/records.h): a run is in the database, marked incomplete, from its first
//   second; its progress is saved every wall second and when anything is done to it; finished runs are marked
//   complete. A records database that cannot be opened or written does not stop the run: notice() says so and the
//   run goes on; closing the window mid-run leaves the run incomplete with its last progress (as a crash would).
// Errors: start/lever/ack/... return false with *why; nothing throws.
// Does NOT: draw, read input, or translate (the UI words things; texts here are the scenario's English msgids).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/records.h"
#include "sim/events.h"
#include "sim/replay.h"
#include "sim/training.h"

namespace app {

struct DeskStart {
    std::string scenario;                 // a training scenario name (<assets>/scenarios/training/) or a file
    std::string trainee;                  // "" = "(unnamed)"
    std::string assetsDir;                // --assets DIR
    std::string recordsPath;              // "" = defaultRecordsPath()
    std::optional<std::uint64_t> seed;    // instead of the scenario's
    std::vector<sim::TrainingAction> actions;  // a scripted trainee's (tests, demonstrations), checked by start()
    std::string actionsFile;              // or read from this file (sim::loadTrainingActions)
};

// The training scenarios offered in the window (file stems of <assets>/scenarios/training/*.json), sorted.
std::vector<std::string> trainingScenarioNames(const std::string& assetsDir);
// The path of a training scenario name (or a file path given as it is).
std::string trainingScenarioPath(const std::string& nameOrFile, const std::string& assetsDir);
// Loads a training scenario by name or file; an unknown name gets "<flag>'NAME': no such training scenario or file;
// the training scenarios are ...", a bad file its FILE:LINE:COLUMN or field message.
bool loadNamedTrainingScenario(const std::string& nameOrFile, const std::string& assetsDir, const std::string& flag,
                               sim::TrainingScenario& sc, std::string* why);
// A new run id: "run-<unix seconds>-<8 hex random>".
std::string newTrainingRunId();

class TrainingDesk {
public:
    enum class Phase { Idle, Running, Debrief };
    static constexpr sim::Time kSnapshotEvery = 10 * sim::kMinute;
    static constexpr int kMaxTicks = 600;

    TrainingDesk() = default;
    TrainingDesk(const TrainingDesk&) = delete;
    TrainingDesk& operator=(const TrainingDesk&) = delete;
    ~TrainingDesk();   // saves the run in progress (it stays incomplete)

    // Starts a run (the one in progress, if any, is saved and closed first). False with *why for an unknown
    // scenario, a bad actions file; the desk is then as it was.
    bool start(const DeskStart& d, std::string* why);
    // Wall seconds since the last frame: runs the live run (or, while viewing with playing(), the viewed one).
    void advance(double wallS);

    Phase phase() const { return m_phase; }
    bool active() const { return m_session.has_value(); }
    const sim::TrainingRun& live() const { return m_session->run(); }
    // What the scenes show: the viewed moment, or the live run.
    const sim::TrainingRun& shown() const { return m_view ? *m_view : m_session->run(); }
    const sim::TrainingScenario& scenario() const { return live().scenario(); }
    // The events of the ticks this frame ran (of the shown run).
    const std::vector<sim::Event>& events() const { return m_events; }

    // ---- the trainee ----
    bool lever(const std::string& name, const std::string& value, std::string* why);
    bool ack(const std::string& alarm, std::string* why);   // "*": all

    // ---- the instructor ----
    bool injectFault(const std::string& target, std::string* why);
    bool clearFault(const std::string& target, std::string* why);
    bool pushHint(const std::string& text, std::string* why);
    void setFrozen(bool f) { m_frozen = f; }
    bool frozen() const { return m_frozen; }
    void setSpeed(double simSecondsPerWallSecond);
    double speed() const { return m_speed; }
    bool behind() const { return m_behind; }
    struct Snapshot { sim::Time at; std::string label; };
    void snapshot(std::string label = {});               // "" = "Snapshot N"
    const std::vector<Snapshot>& snapshots() const { return m_snapshots; }
    // Shows the run as it was at t (clamped to the run); the live run waits meanwhile.
    void view(sim::Time t);
    bool viewing() const { return m_view.has_value(); }
    sim::Time viewedAt() const { return m_view ? m_view->now() : live().now(); }
    void backToLive();
    // Plays the viewed run on from where it shows (the debrief's replay), at speed(); stops at the live run's time.
    void setPlaying(bool p) { m_playing = p; }
    bool playing() const { return m_playing; }
    // The viewed moment becomes a new live run, linked to the old one; false when not viewing.
    bool branch(std::string* why);

    // ---- the record ----
    const std::string& runId() const { return m_meta.runId; }
    const std::string& parentId() const { return m_meta.parentId; }
    const std::string& trainee() const { return m_meta.trainee; }
    const std::string& recordsPath() const { return m_recordsPath; }
    // A line for the instructor: a records problem, a damaged database kept aside; "" when all is well.
    const std::string& notice() const { return m_notice; }
    nlohmann::json replay() const { return sim::replayJson(live(), m_meta); }
    void save();   // progress now (a finished run: complete)

private:
    bool act(sim::TrainingAction a, std::string* why);
    void stepShown(sim::Time until);
    void openRecords();
    void beginRecord();
    void closeRun();
    void saveRecord(bool close);

    std::optional<sim::TrainingSession> m_session;
    std::optional<sim::TrainingRun> m_view;
    sim::ReplayMeta m_meta;
    Phase m_phase = Phase::Idle;
    double m_speed = 60.0;
    bool m_frozen = false, m_behind = false, m_playing = false;
    double m_clock = 0;            // sim seconds owed to the shown run (fractions of a tick carry over)
    double m_sinceSave = 0;
    sim::Time m_savedAt = -1;
    bool m_dirty = false;
    std::vector<sim::Event> m_events;
    std::vector<Snapshot> m_snapshots;
    std::optional<Records> m_db;
    std::string m_recordsPath, m_notice;
    bool m_recorded = false;       // the run is in the database
    bool m_finishedSaved = false;
};

}  // namespace app
