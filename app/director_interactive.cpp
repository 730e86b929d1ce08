// app/director_interactive.cpp — the interactive window as a director: the sim clock follows the wall clock times
// the chosen speed (whole ticks, clamped per frame, with a visible "simulation behind" note); the camera takes the
// mouse only when ImGui does not want it (left drag orbits, right or middle drag pans, wheel zooms, keys 1-9 fly to
// the presets); a click (press and release without moving) asks the scene what is under the cursor; the menus
// (app/ui.h) change speed, scene, quality, fullscreen and parameters; F12 saves a screenshot; shaders hot-reload.
#include <algorithm>
#include <cstdio>
#include <ctime>

#include <imgui.h>

#include <utility>

#include "app/directors.h"
#include "app/screenshot.h"
#include "engine/i18n.h"
#include "engine/image.h"
#include "engine/input.h"

namespace app {

namespace {
using Clock = std::chrono::steady_clock;
constexpr float kClickSlopPx = 3.0f;  // a press and release closer than this is a click, not a drag
}

void fillScenePicker(UiModel& ui, const std::string& current) {
    ui.homeScene = scenes::kDefaultScene;
    ui.scenes.clear();
    ui.sceneTitles.clear();
    for (const scenes::SceneInfo& info : scenes::sceneInfos()) {
        if (current == info.name) ui.currentScene = static_cast<int>(ui.scenes.size());
        ui.scenes.emplace_back(info.name);
        ui.sceneTitles.emplace_back(info.title);
    }
}

void CameraControls::update(Session& s, float dt) {
    eng::Window& w = *s.window;
    if (!s.gui->wantsMouse()) {
        const glm::vec2 d = w.mouseDelta();
        if (w.buttonDown(eng::MouseButton::Left)) s.camera.orbit(d.x, d.y);
        if (w.buttonDown(eng::MouseButton::Right) || w.buttonDown(eng::MouseButton::Middle))
            s.camera.pan(d.x, d.y, static_cast<float>(w.windowSize().y));
        if (w.scrollDelta() != 0.0f) s.camera.zoom(w.scrollDelta());
    }
    if (!s.gui->wantsKeyboard()) {
        const auto presets = s.scene().cameraPresets();
        for (int k = 0; k < 9 && k < static_cast<int>(presets.size()); ++k)
            if (w.keyPressed(eng::digitKey(k + 1))) s.camera.flyTo(presets[static_cast<std::size_t>(k)].pose, 2.5f);
    }
    // Click: press and release without moving; the scene is asked in drawUi(), with this frame's state.
    const bool down = w.buttonDown(eng::MouseButton::Left);
    if (down && !m_wasDown) m_pressAt = w.mousePos();
    if (!down && m_wasDown && !s.gui->wantsMouse() && glm::length(w.mousePos() - m_pressAt) < kClickSlopPx)
        m_click = true;
    m_wasDown = down;
    s.camera.update(dt);  // the ground clamp and the follow target apply after the scene's update
}

InteractiveDirector::InteractiveDirector(const InteractiveOptions& o, Session& s) {
    fillScenePicker(m_ui, s.sceneName());
    m_ui.renderer = s.renderer->glRenderer();
    m_ui.quality = o.quality;
    m_ui.fullscreen = s.window->fullscreen();
    m_ui.uiScale = s.gui->userScale();
    m_ui.extraControls = {{eng::N_("Left drag"), eng::N_("orbit")}, {eng::N_("Right or middle drag"), eng::N_("pan")},
                          {eng::N_("Wheel"), eng::N_("zoom")}, {"1-9", eng::N_("camera presets")},
                          {eng::N_("Click"), eng::N_("what is this? (on the overview: fly into that site)")}};
    m_last = Clock::now();
}

void InteractiveDirector::takeOver(Session& s) {
    fillScenePicker(m_ui, s.sceneName());
    m_clockSec = sim::toSeconds(s.world->now() - s.run.start);
    m_last = Clock::now();
    m_request.reset();
    m_camera.reset();
}

bool InteractiveDirector::running(const Session& s) const { return !s.window->shouldClose() && !m_ui.quitRequested; }

FramePlan InteractiveDirector::plan(Session& s) {
    const auto now = Clock::now();
    const float dt = std::min(std::chrono::duration<float>(now - m_last).count(), 0.25f);
    m_last = now;
    m_smoothMs += (dt * 1000.0 - m_smoothMs) * 0.05;

    m_camera.update(s, dt);

    FramePlan p;
    p.dt = dt;
    p.constrainCamera = true;
    p.labels = m_ui.showUi;
    p.sceneUi = m_ui.showUi;
    p.speed = m_ui.paused ? 0.0 : m_ui.speed;
    if (m_ui.stepOnce) {
        p.stepOnce = true;
        m_ui.stepOnce = false;
    } else if (!m_ui.paused) {
        m_clockSec += dt * m_ui.speed;
        p.advanceTo = s.run.start + sim::fromSeconds(m_clockSec);
        p.maxTicks = 200;
    }
    p.shown = s.run.start + sim::fromSeconds(m_clockSec);
    return p;
}

void InteractiveDirector::afterAdvance(Session& s, FramePlan& p) {
    m_behind = false;
    if (p.stepOnce) {
        m_clockSec = sim::toSeconds(s.world->now() - s.run.start);
    } else if (p.advanceTo >= 0) {
        const sim::Time lag = p.advanceTo - s.world->now();
        if (lag > 2 * std::max<sim::Time>(s.world->tickLength(), sim::kSecond)) {
            m_behind = true;
            m_clockSec = sim::toSeconds(s.world->now() - s.run.start);
        }
    }
    p.shown = s.run.start + sim::fromSeconds(m_clockSec);
}

void InteractiveDirector::handleMouse(Session& s, const scenes::FrameInput& in) {
    if (!m_camera.takeClick()) return;
    const glm::vec2 ws(s.window->windowSize());
    const eng::Ray ray = s.camera.pickRay(s.window->mousePos(), ws);
    m_picked.clear();
    if (s.scene().pick(ray, in, &m_picked)) m_pickedFor = 5.0;
}

void InteractiveDirector::takeRequests(Session& s) {
    if (auto r = s.scene().takeSceneRequest()) m_request = std::move(*r);
    if (m_ui.homeRequested) {
        m_ui.homeRequested = false;
        m_request = scenes::SceneRequest{scenes::kDefaultScene, ""};
    }
}

void InteractiveDirector::drawUi(Session& s, const FramePlan& p, const scenes::FrameInput& in,
                                 std::vector<sim::Command>& out) {
    handleMouse(s, in);
    takeRequests(s);
    m_ui.simTime = p.shown;
    m_ui.frameMs = m_smoothMs;
    m_ui.simBehind = m_behind;
    drawMainUi(m_ui, s.world->params(), out);
    if (!m_ui.languageRequest.empty()) s.requestLanguage(std::exchange(m_ui.languageRequest, std::string()));
    if (m_ui.showUi) drawAlarmUi(m_alarmUi, s.world->state().alarms, 0.0f, out);
    if (m_pickedFor > 0.0 && !m_picked.empty()) {
        m_pickedFor -= p.dt;
        const glm::vec2 mp = s.window->mousePos();
        ImGui::SetNextWindowPos(ImVec2(mp.x + 16, mp.y + 16), ImGuiCond_Appearing);
        ImGui::Begin("##picked", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::TextUnformatted(eng::display(m_picked).c_str());  // pick() returns logical text (eng::trp)
        ImGui::End();
    }
    const auto errors = s.renderer->shaderErrors();
    if (!errors.empty()) {
        ImGui::Begin(eng::tr("Shader errors (previous program kept)"));
        for (const auto& e : errors) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", e.c_str());
        ImGui::End();
    }
}

void InteractiveDirector::afterRender(Session& s, const FramePlan&) {
    if (!m_ui.screenshotRequested) return;
    m_ui.screenshotRequested = false;
    const ScreenshotResult r = saveScreenshot(s.renderer->readPixels(), ".", s.sceneName(), std::time(nullptr));
    std::fprintf(stderr, "%s\n", r.notice.c_str());
    s.setNotice(r.notice, r.ok ? 4.0 : 12.0);  // a failure stays longer: it has a reason to read
}

void InteractiveDirector::endFrame(Session& s, const FramePlan& p) {
    if (m_ui.fullscreen != s.window->fullscreen()) s.window->toggleFullscreen();
    if (m_ui.uiScale != s.gui->userScale()) s.requestUiScale(m_ui.uiScale);
    std::string why;
    if (m_ui.quality != s.quality) {
        if (!s.rebuildRenderer(m_ui.quality, &why)) std::fprintf(stderr, "quality: %s\n", why.c_str());
        m_ui.renderer = s.renderer->glRenderer();
    }
    takeRequests(s);  // the top bar's "< Overview" was drawn after drawUi's poll
    if (m_request) {
        // A scene's request (a click on an overview site) or the way home: switch, then fly the camera in.
        if (!s.applySceneRequest(*m_request, &why)) std::fprintf(stderr, "scene %s: %s\n", m_request->scene.c_str(), why.c_str());
        m_request.reset();
        fillScenePicker(m_ui, s.sceneName());
    }
    const std::string wanted = m_ui.scenes.empty() ? s.sceneName() : m_ui.scenes[static_cast<std::size_t>(m_ui.currentScene)];
    if (wanted != s.sceneName() && !s.switchScene(wanted, &why)) {
        std::fprintf(stderr, "scene %s: %s\n", wanted.c_str(), why.c_str());
        fillScenePicker(m_ui, s.sceneName());  // the picker goes back to the scene that is still showing
    }
    if ((m_reloadTimer += p.dt) > 0.5) {
        m_reloadTimer = 0.0;
        s.renderer->pollShaderReload();
    }
}

}  // namespace app
