// app/director_shot.cpp — `almalyk shot` as a director: the world was advanced to the shot's time before the loop
// (warm-up hours; with --ui at least its first tick); then kWarmupFrames + 1 frames at a fixed 1/60 s with the clock held, the last one not swapped
// and read back as the PNG. No input reaches the UI (--ui), so it asks for nothing.
#include <algorithm>
#include <cstdio>

#include "app/directors.h"
#include "app/screenshot.h"
#include "engine/gfx/context.h"
#include "engine/image.h"
#include "scenes/scene.h"

namespace app {

namespace {
constexpr float kFixedDt = 1.0f / 60.0f;
}

ShotDirector::ShotDirector(const ShotOptions& o, Session& s) : m_o(o) {
    // A picture past the GPU's limit would come back cropped or black: refused before any frame.
    if ((m_exit = checkPictureSize(s, o)) != 0) return;
    m_time = s.run.start + sim::fromSeconds(o.warmupHours * 3600.0);
    // A scene that keeps history (the overview's trailing means) watches the warm-up in steps; others see it whole.
    if (const sim::Time every = s.scene().observeEvery(); every > 0) {
        for (sim::Time t = s.world->now() + every; t < m_time; t += every) {
            advanceWorldTo(*s.world, t);
            s.scene().observe(s.world->state());
        }
    }
    advanceWorldTo(*s.world, m_time);
    // --ui with no warm-up: before its first tick the world has no rates yet (STH 0, 0 kg/h, 0 t/h), which no
    // visitor ever sees in the window. As in the window, the clock shows --start and the state is the tick that
    // runs from it (the window draws between the last two states); the 3D view stays at --start.
    if (o.ui && s.world->tick() == 0) {
        s.world->step();
        s.scene().observe(s.world->state());
    }
    // --ui: the window's UI as a visitor sees it at the default speed.
    fillScenePicker(m_ui, s.sceneName());
    m_ui.renderer = s.renderer->glRenderer();
    m_ui.quality = s.quality;
    m_ui.simTime = m_time;
}

bool ShotDirector::running(const Session&) const { return m_exit == 0 && m_frame <= kWarmupFrames; }

FramePlan ShotDirector::plan(Session&) {
    FramePlan p;
    p.dt = kFixedDt;
    p.shown = m_time;
    p.speed = 0.0;
    p.sceneUi = m_o.ui;
    p.applyCommands = false;  // the picture's time is fixed: nothing may change the state it shows
    p.swap = m_frame < kWarmupFrames;
    return p;
}

void ShotDirector::drawUi(Session& s, const FramePlan&, const scenes::FrameInput&, std::vector<sim::Command>& out) {
    if (m_o.ui) drawMainUi(m_ui, s.world->params(), out);
    // The banner sits on the top line with and without --ui; the quiet "No active alarms" never shows in a picture.
    m_alarmUi.showWhenQuiet = false;
    m_alarmUi.pulse = false;  // the same picture on every run
    drawAlarmUi(m_alarmUi, s.world->state().alarms, 0.0f, out);
}

void ShotDirector::afterRender(Session& s, const FramePlan&) {
    if (m_frame++ < kWarmupFrames) return;
    const eng::Image img = s.renderer->readPixels();
    std::string why;
    if (!eng::writePng(img, m_o.out, &why)) {
        m_exit = s.fail(1, why);
        return;
    }
    std::fprintf(stderr, "almalyk shot: wrote %s (%dx%d, %s, %s quality, %s%s%s)\n", m_o.out.c_str(), img.width,
                 img.height, s.sceneName().c_str(), eng::qualityName(s.renderer->quality().level),
                 sim::formatIso8601(m_time).c_str(), m_o.camera.empty() ? "" : ", camera ", m_o.camera.c_str());
    m_exit = eng::gfx::errorCount() ? 1 : 0;
}

}  // namespace app
