// app/directors.h — today's modes as directors of the one frame loop (app/frame_loop.h):
//   ShotDirector         `almalyk shot`: a fixed virtual clock, fixed 1/60 s frames and warm-up frames, so one machine
//                        gives the same PNG on every run; --ui adds the menu bar, status line and the scene's panel.
//   BenchDirector        `almalyk bench`: N frames along the scene's scripted camera path (or held at --camera) at
//                        x60, timing each frame to the GPU's finish; one JSON line on stdout.
//   InteractiveDirector  the window: wall clock x speed, mouse (orbit, pan, zoom, click to pick), keys 1-9 for the
//                        presets, the menus (app/ui.h), F12 screenshots, scene and quality switches, shader reload.
// Each takes its options; the Session is prepared and opened by the caller (app/render_modes.cpp).
// Does NOT: open windows or parse options.
#pragma once
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/alarm_ui.h"
#include "app/frame_loop.h"
#include "app/kiosk.h"
#include "app/options.h"
#include "app/tour_editor.h"
#include "app/tour_player.h"
#include "app/training_desk.h"
#include "app/ui.h"
#include "engine/frame_stats.h"

namespace app {

// The UI's scene picker (app/ui.h): every scene's name and title from the registry, `current` selected.
void fillScenePicker(UiModel& ui, const std::string& current);

// The window's camera by mouse and keys, when ImGui does not want them: left drag orbits, right or middle drag pans,
// the wheel zooms, keys 1-9 fly to the scene's presets; a click (press and release without moving) is kept for the
// frame's UI (takeClick). update() also moves the camera on (its flights).
class CameraControls {
public:
    void update(Session& s, float dt);
    bool takeClick() { return std::exchange(m_click, false); }
    void reset() { m_wasDown = m_click = false; }

private:
    glm::vec2 m_pressAt{0.0f};
    bool m_wasDown = false;
    bool m_click = false;
};

class ShotDirector : public Director {
public:
    ShotDirector(const ShotOptions& o, Session& s);
    bool running(const Session& s) const override;
    FramePlan plan(Session& s) override;
    void drawUi(Session& s, const FramePlan& p, const scenes::FrameInput& in, std::vector<sim::Command>& out) override;
    void afterRender(Session& s, const FramePlan& p) override;
    int exitCode() const override { return m_exit; }

private:
    static constexpr int kWarmupFrames = 3;  // particles, fly-ins, shadow caches and ImGui's auto-size settle
    ShotOptions m_o;
    sim::Time m_time = 0;
    int m_frame = 0;
    int m_exit = 0;
    UiModel m_ui;
    AlarmUi m_alarmUi;   // the banner shows in every shot with an alarm; the quiet strip only with --ui
};

class BenchDirector : public Director {
public:
    // With `tour` (bench --tour): the tour at its own pace (1/60 s of tour time a frame, transitions included) for
    // its whole length or --frames, whichever is shorter; the report adds the worst frame around scene changes.
    BenchDirector(const BenchOptions& o, Session& s, TourPlayback* tour = nullptr);
    bool running(const Session& s) const override;
    FramePlan plan(Session& s) override;
    void drawUi(Session& s, const FramePlan& p, const scenes::FrameInput& in, std::vector<sim::Command>& out) override;
    void afterRender(Session& s, const FramePlan& p) override;
    void endFrame(Session& s, const FramePlan& p) override;
    // The JSON line (scene, camera, frames, size, renderer, quality, median/p95/p99/max ms, triangles, draw calls;
    // with a tour: tour, tour_s, scene_changes, scene_change_max_ms).
    std::string report(const Session& s) const;

private:
    static constexpr double kSpeed = 60.0;  // the interactive default: the sun and the sim move as a demo sees them
    BenchOptions m_o;
    TourPlayback* m_tour = nullptr;
    std::vector<eng::CameraPose> m_path;
    sim::Time m_clock = 0;
    int m_frame = 0;
    int m_frames = 0;                 // how many frames this run times
    std::chrono::steady_clock::time_point m_t0;
    eng::FrameStats m_stats;
    std::string m_lastScene;
    int m_sceneChanges = 0;
    double m_firstFrameMs = 0.0;
    int m_changeFrame = -100;         // the last frame at which the scene changed
    double m_changeMaxMs = 0.0;       // the slowest frame within 3 frames of a scene change
};

class InteractiveDirector : public Director {
public:
    InteractiveDirector(const InteractiveOptions& o, Session& s);
    bool running(const Session& s) const override;
    FramePlan plan(Session& s) override;
    void afterAdvance(Session& s, FramePlan& p) override;
    void drawUi(Session& s, const FramePlan& p, const scenes::FrameInput& in, std::vector<sim::Command>& out) override;
    void afterRender(Session& s, const FramePlan& p) override;
    void endFrame(Session& s, const FramePlan& p) override;
    // Takes over a session another director ran (the tour player's "leave the tour"): the clock continues from the
    // World's time, the picker shows the current scene, the wall clock restarts (no jump for the time away).
    void takeOver(Session& s);
    UiModel& ui() { return m_ui; }

private:
    void handleMouse(Session& s, const scenes::FrameInput& in);
    void takeRequests(Session& s);  // the scene's request (takeSceneRequest) and the UI's way home, kept until endFrame

    UiModel m_ui;
    AlarmUi m_alarmUi;
    CameraControls m_camera;
    std::chrono::steady_clock::time_point m_last;
    double m_clockSec = 0.0;  // sim seconds since start, continuous (the sun moves smoothly between ticks)
    double m_smoothMs = 16.7, m_reloadTimer = 0.0;
    bool m_behind = false;
    std::string m_picked;
    double m_pickedFor = 0.0;
    std::optional<scenes::SceneRequest> m_request;
};

// `almalyk --train NAME [--trainee NAME]` or `almalyk --training`: training in the window (app/director_training.cpp
// has the layout): the trainee's view (briefing, live objectives, the scenario's levers, alarms to acknowledge,
// hints), the instructor station behind Ctrl+Shift+I (start a scenario for a named trainee, freeze, speed, faults,
// hints, snapshots, rewind, branch) and the debrief (score, breakdown, the timeline, a scrubber that shows the plant
// at any moment of the run, play). The run is an app::TrainingDesk; the scenes show its World (FramePlan::world).
// Every run is kept in the trainee records. Test and demonstration hooks: --actions (a scripted trainee),
// --screenshot-at MIN=FILE, --exit-when-done, --exit-after-s.
class TrainingDirector : public Director {
public:
    TrainingDirector(const InteractiveOptions& o, Session& s);
    bool running(const Session& s) const override;
    FramePlan plan(Session& s) override;
    void drawUi(Session& s, const FramePlan& p, const scenes::FrameInput& in, std::vector<sim::Command>& out) override;
    void afterRender(Session& s, const FramePlan& p) override;
    void endFrame(Session& s, const FramePlan& p) override;
    int exitCode() const override { return m_exit; }
    TrainingDesk& desk() { return m_desk; }

private:
    bool startRun(Session& s, const std::string& scenario, std::string* why);
    void say(std::string text, bool bad);
    void drawTopBar(Session& s, std::vector<sim::Command>& acks);
    void drawTraineePanel(Session& s);
    void drawObjectives(const sim::TrainingRun& r);
    void drawLevers();
    void drawAssignLever(const std::string& name);
    void drawInstructor(Session& s);
    void drawScrubber(const sim::TrainingRun& live, float width);
    void drawDebrief(Session& s);

    struct PendingShot { std::string at, file; bool done = false; };
    InteractiveOptions m_o;
    TrainingDesk m_desk;
    CameraControls m_camera;
    AlarmUi m_alarmUi;
    std::chrono::steady_clock::time_point m_last;
    double m_wall = 0.0, m_smoothMs = 16.7;
    bool m_started = false, m_instructor = false, m_quit = false, m_screenshot = false, m_briefingOpen = true;
    bool m_scrubbing = false;
    int m_exit = 0;
    std::vector<std::string> m_scenarios, m_faults;
    int m_scenarioIndex = 0, m_faultIndex = 0;
    char m_traineeBuf[128] = {};
    char m_hintBuf[256] = {};
    std::map<std::string, double> m_leverEdits;   // a lever's value being set, until applied
    int m_assignFrom = -1;   // assign_truck: a truck (>= 0) or every truck bound for shovel -(k + 2) (<= -2); -1 none
    int m_assignTo = 0;      // the shovel (>= 0) or -1: back to the dispatch rule
    std::string m_message;
    bool m_messageBad = false;
    double m_messageFor = 0.0;
    std::string m_picked;
    double m_pickedFor = 0.0;
    std::string m_requestScene, m_languageRequest;
    std::vector<PendingShot> m_shots;
    int m_framesEnded = 0;
};

// `almalyk --tour NAME`: the presenter's player. The tour plays by itself (app/tour_player.h); the presenter has a
// clicker's keys — PageDown/Right next step, PageUp/Left previous, Space play/pause, B (or '.') black screen, Home
// restart — and a control bar at the bottom (shown while the mouse moves, hidden after 3 s so the picture is
// clean): restart, previous, play/pause, next, the progress bar with every step's title (click to go there),
// "Leave tour", "Editor". Esc, or grabbing the scene with the mouse, leaves the tour for the interactive window
// (menus, orbit, parameters: to answer a question); "Resume tour" (or R) returns to where it was left, with the
// tour's own simulation. E opens the tour editor (app/tour_editor.h). F11 fullscreen, F12 screenshot.
class TourDirector : public Director {
public:
    TourDirector(const InteractiveOptions& o, Session& s, TourPlayback& play);
    bool running(const Session& s) const override;
    FramePlan plan(Session& s) override;
    void afterAdvance(Session& s, FramePlan& p) override;
    void drawUi(Session& s, const FramePlan& p, const scenes::FrameInput& in, std::vector<sim::Command>& out) override;
    void afterRender(Session& s, const FramePlan& p) override;
    void endFrame(Session& s, const FramePlan& p) override;

    static constexpr double kControlsHideS = 3.0;

private:
    void leaveTour(Session& s);
    void resumeTour(Session& s);
    void drawControls(Session& s, float alpha);
    float controlsHeight() const;

    TourPlayback& m_play;
    InteractiveDirector m_free;   // the window's own controls while the presenter has left the tour
    bool m_left = false;
    TourEditorState m_editor;
    std::chrono::steady_clock::time_point m_last;
    double m_sinceMouse = 0.0;    // wall seconds since the mouse last moved
    bool m_quit = false;
    bool m_screenshot = false;
};

// `almalyk --kiosk [--tour NAME] [--idle-s N]`: an unattended screen in a lobby. Fullscreen, no menus; the tour on
// repeat as an attract loop (app/kiosk.h's state machine). Any touch, click or key pauses it and opens the visitor
// panel: large buttons for the scenes, three "what if" sliders (haul trucks, panel area, cloud cover), "Watch the
// tour"; a drag orbits, the wheel zooms. After idle-s seconds without input the loop returns and the simulation is
// reset to the tour's start. Exit only with Ctrl+Alt+Q (the window manager's close is refused). No dialog ever
// shows: notices and errors go to the log (kioskLogPath()), with the resident memory and frame time every 10 min.
class KioskDirector : public Director {
public:
    KioskDirector(const InteractiveOptions& o, Session& s, TourPlayback& play);
    bool running(const Session& s) const override;
    FramePlan plan(Session& s) override;
    void drawUi(Session& s, const FramePlan& p, const scenes::FrameInput& in, std::vector<sim::Command>& out) override;
    void afterRender(Session& s, const FramePlan& p) override;
    void endFrame(Session& s, const FramePlan& p) override;
    int exitCode() const override { return 0; }

private:
    void log(const std::string& line) const;
    void drawVisitorPanel(Session& s, std::vector<sim::Command>& out);

    TourPlayback& m_play;
    KioskMachine m_machine;
    double m_timeScale = 1.0;     // --time-scale: tour seconds per wall second (the soak benchmark runs 20x)
    double m_exitAfterS = 0.0;    // --exit-after-s: wall seconds, 0 = never (the soak benchmark)
    double m_wall = 0.0;          // wall seconds since start
    double m_visitorClock = 0.0;  // sim seconds run in the visitor's time
    std::chrono::steady_clock::time_point m_last;
    double m_nextStatus = 0.0;
    double m_tourS = 0.0;         // tour seconds played in the attract loop (wall x --time-scale)
    double m_worstFrameMs = 0.0;  // the longest frame since the last status line
    void logStatus();
    double m_frameMs = 16.7;
    std::string m_lastNotice;
    bool m_quit = false;
    std::vector<std::string> m_sceneNames, m_sceneTitles;
    bool m_whatIfActive[3] = {};  // a slider being dragged keeps its own value until released
    float m_whatIfValue[3] = {};
};

// Where the kiosk writes its log: $XDG_STATE_HOME/almalyk/kiosk.log (default ~/.local/state/almalyk/kiosk.log).
std::string kioskLogPath();
// The process's resident memory in MiB (Linux /proc/self/statm), 0 when unknown.
double residentMiB();

}  // namespace app
