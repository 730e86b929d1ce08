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
#include <optional>
#include <string>
#include <vector>

#include "app/alarm_ui.h"
#include "app/frame_loop.h"
#include "app/options.h"
#include "app/ui.h"
#include "engine/frame_stats.h"

namespace app {

// The UI's scene picker (app/ui.h): every scene's name and title from the registry, `current` selected.
void fillScenePicker(UiModel& ui, const std::string& current);

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
    BenchDirector(const BenchOptions& o, Session& s);
    bool running(const Session& s) const override;
    FramePlan plan(Session& s) override;
    void endFrame(Session& s, const FramePlan& p) override;
    // The JSON line (scene, camera, frames, size, renderer, quality, median/p95/p99/max ms, triangles, draw calls).
    std::string report(const Session& s) const;

private:
    static constexpr double kSpeed = 60.0;  // the interactive default: the sun and the sim move as a demo sees them
    BenchOptions m_o;
    std::vector<eng::CameraPose> m_path;
    sim::Time m_clock = 0;
    int m_frame = 0;
    std::chrono::steady_clock::time_point m_t0;
    eng::FrameStats m_stats;
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

private:
    void handleMouse(Session& s, const scenes::FrameInput& in);
    void takeRequests(Session& s);  // the scene's request (takeSceneRequest) and the UI's way home, kept until endFrame

    UiModel m_ui;
    AlarmUi m_alarmUi;
    std::chrono::steady_clock::time_point m_last;
    double m_clockSec = 0.0;  // sim seconds since start, continuous (the sun moves smoothly between ticks)
    double m_smoothMs = 16.7, m_reloadTimer = 0.0;
    bool m_behind = false;
    glm::vec2 m_pressAt{0.0f};
    bool m_wasDown = false;
    bool m_clickPending = false;
    std::string m_picked;
    double m_pickedFor = 0.0;
    std::optional<scenes::SceneRequest> m_request;
};

}  // namespace app
