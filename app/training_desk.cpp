#include "app/training_desk.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <utility>

#include "app/options.h"
#include "engine/paths.h"
#include "sim/time.h"

namespace app {

namespace fs = std::filesystem;

std::vector<std::string> trainingScenarioNames(const std::string& assetsDir) {
    eng::Paths paths;
    paths.setAssetsOverride(assetsDir);
    const fs::path dir = paths.resolve("assets/scenarios/training");
    std::vector<std::string> names;
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) return names;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string trainingScenarioPath(const std::string& nameOrFile, const std::string& assetsDir) {
    return resolveScenario(nameOrFile, assetsDir, "assets/scenarios/training/");
}

std::string newTrainingRunId() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    char buf[40];
    std::snprintf(buf, sizeof buf, "run-%lld-%08x",
                  static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(now).count()),
                  static_cast<unsigned>(std::random_device{}()));
    return buf;
}

// Closing the window mid-run: the run stays incomplete with its progress, as after a crash.
bool loadNamedTrainingScenario(const std::string& nameOrFile, const std::string& assetsDir, const std::string& flag,
                               sim::TrainingScenario& sc, std::string* why) {
    const std::string path = trainingScenarioPath(nameOrFile, assetsDir);
    if (sim::loadTrainingScenario(path, sc, why)) return true;
    std::error_code ec;
    if (!fs::exists(path, ec) && nameOrFile.find('/') == std::string::npos) {
        std::string list;
        for (const std::string& n : trainingScenarioNames(assetsDir)) list += (list.empty() ? "" : ", ") + n;
        *why = flag + "'" + nameOrFile + "': no such training scenario or file; the training scenarios are " + list;
    }
    return false;
}

TrainingDesk::~TrainingDesk() {
    if (m_session) save();
}

bool TrainingDesk::start(const DeskStart& d, std::string* why) {
    sim::TrainingScenario sc;
    if (!loadNamedTrainingScenario(d.scenario, d.assetsDir, "", sc, why)) return false;
    std::vector<sim::TrainingAction> actions = d.actions;
    if (!d.actionsFile.empty() && !sim::loadTrainingActions(d.actionsFile, sc, sim::trainingStart(sc), actions, why))
        return false;
    for (const sim::TrainingAction& a : d.actions)
        if (!sim::checkTrainingAction(sc, a, why)) return false;

    closeRun();
    m_view.reset();
    m_session.reset();
    m_session.emplace(sim::startTraining(sc, actions, d.seed), kSnapshotEvery);
    m_meta = sim::ReplayMeta{.runId = newTrainingRunId(), .trainee = d.trainee.empty() ? "(unnamed)" : d.trainee,
                             .parentId = {}, .branchAt = std::nullopt};
    m_phase = Phase::Running;
    m_frozen = m_playing = m_behind = false;
    m_clock = 0;
    m_snapshots.clear();
    m_events.clear();
    m_finishedSaved = false;
    if (!m_db || (!d.recordsPath.empty() && d.recordsPath != m_recordsPath)) {
        m_recordsPath = d.recordsPath.empty() ? defaultRecordsPath() : d.recordsPath;
        m_db.reset();
        openRecords();
    }
    beginRecord();
    return true;
}

void TrainingDesk::openRecords() {
    std::string notice, why;
    m_db = Records::open(m_recordsPath, &notice, &why);
    m_notice = !m_db ? "records " + m_recordsPath + ": " + why + " (the run goes on, unrecorded)" : notice;
    if (!m_notice.empty()) std::fprintf(stderr, "almalyk training: %s\n", m_notice.c_str());
}

void TrainingDesk::beginRecord() {
    m_recorded = false;
    if (!m_db) return;
    const sim::TrainingRun& run = live();
    RunRecord row;
    row.runId = m_meta.runId;
    row.parentId = m_meta.parentId;
    row.trainee = m_meta.trainee;
    if (m_meta.branchAt) row.branchAtUs = *m_meta.branchAt - run.start();
    row.scenarioId = run.scenario().id;
    row.scenarioTitle = run.scenario().base.name;
    row.scenarioHash = scenarioTextHash(run.scenario().text);
    row.seed = run.world().seed();
    row.simStart = sim::formatIso8601(run.start());
    std::string why;
    if (!m_db->beginRun(row, &why)) {
        m_notice = "records " + m_db->path() + ": " + why + " (the run goes on, unrecorded)";
        std::fprintf(stderr, "almalyk training: %s\n", m_notice.c_str());
        return;
    }
    m_recorded = true;
    save();
}

void TrainingDesk::save() { saveRecord(live().finished()); }

void TrainingDesk::saveRecord(bool close) {
    m_dirty = false;
    m_sinceSave = 0;
    if (!m_session || !m_recorded || m_finishedSaved) return;
    m_savedAt = live().now();
    const bool done = close;
    std::string why;
    const nlohmann::json doc = replay();
    if (!(done ? m_db->finishRun(m_meta.runId, doc, &why) : m_db->saveProgress(m_meta.runId, doc, &why))) {
        m_notice = "records " + m_db->path() + ": " + why;
        std::fprintf(stderr, "almalyk training: %s\n", m_notice.c_str());
        return;
    }
    m_finishedSaved = done;
}

// Another run replaces this one (a new start, a branch): its record is closed (complete, with the wall end) as it
// stands; its replay says how far it ran.
void TrainingDesk::closeRun() {
    if (m_session) saveRecord(true);
}

void TrainingDesk::setSpeed(double s) { m_speed = std::clamp(s, 0.0, 36000.0); }

void TrainingDesk::stepShown(sim::Time until) {
    sim::TrainingRun& run = m_view ? *m_view : m_session->run();
    int ticks = 0;
    while (!run.finished() && run.now() < until && ticks < kMaxTicks) {
        if (m_view) m_view->step();
        else m_session->step();
        const auto ev = run.world().events();
        m_events.insert(m_events.end(), ev.begin(), ev.end());
        ++ticks;
    }
    m_behind = ticks >= kMaxTicks && run.now() < until;
}

void TrainingDesk::advance(double wallS) {
    m_events.clear();
    if (!m_session) return;
    wallS = std::clamp(wallS, 0.0, 0.25);
    if (m_view) {
        if (m_playing) {
            m_clock += wallS * m_speed;
            const sim::Time until = std::min(live().now(), m_view->now() + sim::fromSeconds(m_clock));
            m_view->adoptActions(live(), live().finished() ? live().end() + 1 : live().now());
            const sim::Time before = m_view->now();
            stepShown(until);
            m_clock = std::max(0.0, m_clock - sim::toSeconds(m_view->now() - before));
            if (m_view->now() >= live().now()) m_playing = false;
        }
    } else if (m_phase == Phase::Running && !m_frozen) {
        m_clock += wallS * m_speed;
        const sim::Time before = live().now();
        stepShown(before + sim::fromSeconds(m_clock));
        m_clock = std::max(0.0, m_clock - sim::toSeconds(live().now() - before));
        if (m_behind) m_clock = 0;  // a slow machine runs slower than asked, never piles up a debt
        if (live().finished()) {
            m_phase = Phase::Debrief;
            save();
        }
    }
    m_sinceSave += wallS;
    if (m_phase == Phase::Running && m_sinceSave >= 1.0 && (m_dirty || live().now() != m_savedAt)) save();
}

bool TrainingDesk::act(sim::TrainingAction a, std::string* why) {
    if (!m_session) {
        *why = "no training run: start one first";
        return false;
    }
    if (m_phase != Phase::Running) {
        *why = "the run has ended";
        return false;
    }
    if (m_view) {
        *why = "the instructor is looking at an earlier moment; back to live (or branch) first";
        return false;
    }
    a.at = live().now();
    if (!m_session->run().addAction(std::move(a), why)) return false;
    m_dirty = true;
    save();   // an action is in the record at once
    return true;
}

bool TrainingDesk::lever(const std::string& name, const std::string& value, std::string* why) {
    return act({.kind = sim::TrainingAction::Kind::Lever, .at = 0, .name = name, .value = value, .by = "trainee"}, why);
}

bool TrainingDesk::ack(const std::string& alarm, std::string* why) {
    return act({.kind = sim::TrainingAction::Kind::Ack, .at = 0, .name = alarm, .value = {}, .by = "trainee"}, why);
}

bool TrainingDesk::injectFault(const std::string& target, std::string* why) {
    return act({.kind = sim::TrainingAction::Kind::Fault, .at = 0, .name = target, .value = {}, .by = "instructor"}, why);
}

bool TrainingDesk::clearFault(const std::string& target, std::string* why) {
    return act({.kind = sim::TrainingAction::Kind::Clear, .at = 0, .name = target, .value = {}, .by = "instructor"}, why);
}

bool TrainingDesk::pushHint(const std::string& text, std::string* why) {
    if (text.find_first_not_of(" \t") == std::string::npos) {
        *why = "the hint is empty";
        return false;
    }
    return act({.kind = sim::TrainingAction::Kind::Hint, .at = 0, .name = text, .value = {}, .by = "instructor"}, why);
}

void TrainingDesk::snapshot(std::string label) {
    if (!m_session) return;
    m_session->snapshotNow();
    if (label.empty()) label = "Snapshot " + std::to_string(m_snapshots.size() + 1);
    m_snapshots.push_back({live().now(), std::move(label)});
}

void TrainingDesk::view(sim::Time t) {
    if (!m_session) return;
    t = std::clamp(t, live().start(), live().now());
    m_events.clear();
    // Forward within a snapshot interval: step the shown copy on (cheap while scrubbing); else from a snapshot.
    if (m_view && t >= m_view->now() && t - m_view->now() <= kSnapshotEvery) {
        m_view->adoptActions(live(), t);
        while (!m_view->finished() && m_view->now() < t) m_view->step();
    } else {
        m_view.reset();
        m_view.emplace(m_session->at(t));
    }
    m_clock = 0;
}

void TrainingDesk::backToLive() {
    m_view.reset();
    m_playing = false;
    m_clock = 0;
}

bool TrainingDesk::branch(std::string* why) {
    if (!m_view) {
        *why = "rewind to a moment first (the branch starts there)";
        return false;
    }
    const sim::Time t = m_view->now();
    if (m_view->finished()) {
        *why = "the run has ended at that moment; rewind to an earlier one";
        return false;
    }
    sim::TrainingRun b = m_session->branch(t, {});
    closeRun();   // the parent stays as it was, with everything it did after t
    const std::string parent = m_meta.runId;
    m_view.reset();
    m_session.reset();
    m_session.emplace(std::move(b), kSnapshotEvery);
    m_meta.parentId = parent;
    m_meta.runId = newTrainingRunId();
    m_meta.branchAt = t;
    m_phase = Phase::Running;
    m_playing = false;
    m_clock = 0;
    m_finishedSaved = false;
    std::erase_if(m_snapshots, [t](const Snapshot& s) { return s.at > t; });
    beginRecord();
    return true;
}

}  // namespace app
