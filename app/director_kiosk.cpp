// app/director_kiosk.cpp — the kiosk: attract loop and visitor panel (app/directors.h, KioskDirector).
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "app/directors.h"
#include "engine/bidi.h"
#include "engine/gui.h"
#include "engine/i18n.h"
#include "engine/input.h"
#include "engine/locale_format.h"
#include "scenes/scene.h"

namespace app {

namespace {
using Clock = std::chrono::steady_clock;
constexpr double kStatusEveryS = 600.0;  // a status line in the log every 10 minutes
constexpr double kVisitorSpeed = 60.0;   // the sim's pace while a visitor looks around (the window's default)

// The visitor's three "what if" levers: what changes on screen at once, in words a visitor reads.
struct WhatIf {
    const char* param;
    const char* label;
    const char* format;
    float shownPerUnit;  // the slider shows value x this (cloud cover 0..1 as 0..100 %)
    float lo, hi;        // the visitor's range, in the parameter's unit (inside its own range)
};
// Cloud cover from 0: the parameter's -1 (stochastic weather) is an engineer's setting, not a visitor's.
constexpr WhatIf kWhatIfs[] = {
    {"mine.trucks", eng::N_("Haul trucks in the pit"), eng::N_("%.0f trucks"), 1.0f, -1e9f, 1e9f},
    {"h2.panel_area_m2", eng::N_("Photocatalyst panel area"), "%.0f m²", 1.0f, -1e9f, 200000.0f},
    {"weather.cloud_cover", eng::N_("Clouds over Almalyk"), "%.0f %%", 100.0f, 0.0f, 1.0f},
};

// One button per language, each in its own name and script, the current one lit: a visitor finds theirs at a glance
// (emoji flags would not render, and a flag is a country, not a language).
void languageButtons(Session& s, float height) {
    float x = 0.0f;
    const float right = ImGui::GetContentRegionAvail().x;
    for (const eng::Language& l : eng::languages()) {
        const std::string name = l.rightToLeft ? eng::bidiLine(l.nativeName, true) : std::string(l.nativeName);
        const float w = ImGui::CalcTextSize(name.c_str()).x + ImGui::GetStyle().FramePadding.x * 3.0f;
        if (x > 0.0f && x + w <= right) ImGui::SameLine();
        else x = 0.0f;
        x += w + ImGui::GetStyle().ItemSpacing.x;
        const bool current = eng::language() == l.code;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        ImGui::PushID(l.code);
        if (ImGui::Button(name.c_str(), ImVec2(w, height)) && !current) s.requestLanguage(l.code);
        ImGui::PopID();
        if (current) ImGui::PopStyleColor();
    }
}

std::string timestamp() {
    const std::time_t t = std::time(nullptr);
    std::tm lt{};
    localtime_r(&t, &lt);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &lt);
    return buf;
}
}  // namespace

std::string kioskLogPath() {
    return (std::filesystem::path(xdgFolder("XDG_STATE_HOME", ".local/state")) / "almalyk" / "kiosk.log").string();
}

double residentMiB() {
    std::ifstream f("/proc/self/statm");
    long pages = 0, resident = 0;
    if (!(f >> pages >> resident)) return 0.0;
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

KioskDirector::KioskDirector(const InteractiveOptions& o, Session& s, TourPlayback& play)
    : m_play(play), m_machine(o.idleS), m_timeScale(o.timeScale), m_exitAfterS(o.exitAfterS) {
    m_play.loop = true;
    m_play.playing = true;
    m_last = Clock::now();
    for (const scenes::SceneInfo& info : scenes::sceneInfos()) {
        m_sceneNames.emplace_back(info.name);
        m_sceneTitles.emplace_back(info.shortTitle ? info.shortTitle : info.title);  // a big button holds a word or two
    }
    if (!s.window->fullscreen() && !o.windowedKiosk) s.window->toggleFullscreen();
    log("kiosk started: tour " + m_play.tour().name + ", idle " + std::to_string(static_cast<int>(m_machine.idleS())) +
        " s, resident " + std::to_string(static_cast<int>(residentMiB())) + " MiB");
}

void KioskDirector::log(const std::string& line) const {
    // stderr is the log (app/render_modes.cpp points it at kioskLogPath() before the window opens).
    std::fprintf(stderr, "%s kiosk: %s\n", timestamp().c_str(), line.c_str());
    std::fflush(stderr);
}

void KioskDirector::logStatus() {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "status: %.0f s up, %.0f s of tour, %d loops, %d visitors, resident %.1f MiB, frame %.1f ms, "
                  "worst %.0f ms",
                  m_wall, m_tourS, m_play.loops(), m_machine.visits(), residentMiB(), m_frameMs, m_worstFrameMs);
    log(buf);
    m_worstFrameMs = 0.0;
}

bool KioskDirector::running(const Session&) const { return !m_quit; }

FramePlan KioskDirector::plan(Session& s) {
    const auto now = Clock::now();
    const double dt = std::min(std::chrono::duration<double>(now - m_last).count(), 0.25);
    m_last = now;
    m_wall += dt;
    m_frameMs += (dt * 1000.0 - m_frameMs) * 0.05;
    eng::Window& w = *s.window;
    if (w.shouldClose()) w.cancelClose();  // only Ctrl+Alt+Q ends a kiosk
    const bool ctrl = w.keyDown(eng::Key::LeftControl) || w.keyDown(eng::Key::RightControl);
    const bool alt = w.keyDown(eng::Key::LeftAlt) || w.keyDown(eng::Key::RightAlt);
    if (ctrl && alt && w.keyPressed(eng::Key::Q)) {
        log("exit by Ctrl+Alt+Q");
        m_quit = true;
    }
    m_worstFrameMs = std::max(m_worstFrameMs, dt * 1000.0);
    if (m_exitAfterS > 0.0 && m_wall >= m_exitAfterS) {
        logStatus();  // the soak benchmark (scripts/kiosk_soak) compares the first and the last status line
        log("exit after " + std::to_string(static_cast<int>(m_exitAfterS)) + " s (--exit-after-s)");
        m_quit = true;
    }

    const bool input = w.anyKeyPressed() || w.anyButtonPressed() || w.scrollDelta() != 0.0f;
    const bool moved = glm::length(w.mouseDelta()) > 0.5f;
    if (input || (moved && m_machine.state() == KioskState::Visitor)) {
        if (m_machine.input(m_wall) == KioskAction::EnterVisitor) {
            m_play.playing = false;
            m_visitorClock = 0.0;
            log("visitor " + std::to_string(m_machine.visits()) + " at tour step " +
                std::to_string(m_play.cursor().step + 1));
        }
    }
    if (m_machine.tick(m_wall) == KioskAction::ReturnToAttract) {
        log("idle " + std::to_string(static_cast<int>(m_machine.idleS())) + " s: back to the tour, simulation reset");
        m_play.playing = true;
        m_play.rebuildWorld(s);
        m_play.jump(s, 0.0);
    }
    if (m_wall >= m_nextStatus) {
        // Every 10 minutes of tour time: at --time-scale 20 a soak's two hours give twelve lines, not one.
        m_nextStatus = m_wall + kStatusEveryS / std::max(1.0, m_timeScale);
        logStatus();
    }

    FramePlan p;
    if (m_machine.state() == KioskState::Attract) {
        m_play.frame(s, dt * m_timeScale, p);
        m_tourS += dt * m_timeScale;
        p.dt = static_cast<float>(dt);
    } else {
        // The visitor's own look around: a drag orbits, the wheel zooms; the sim runs on at the window's pace.
        if (!s.gui->wantsMouse()) {
            if (w.buttonDown(eng::MouseButton::Left)) s.camera.orbit(w.mouseDelta().x, w.mouseDelta().y);
            if (w.scrollDelta() != 0.0f) s.camera.zoom(w.scrollDelta());
        }
        s.camera.update(static_cast<float>(dt));
        m_visitorClock += dt * kVisitorSpeed;
        p.dt = static_cast<float>(dt);
        p.speed = kVisitorSpeed;
        p.advanceTo = s.world->now() + sim::fromSeconds(dt * kVisitorSpeed);
        p.shown = p.advanceTo;
        p.constrainCamera = true;
    }
    p.notices = false;
    p.sceneUi = false;
    return p;
}

void KioskDirector::drawVisitorPanel(Session& s, std::vector<sim::Command>& out) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // A visitor stands at arm's length from a big screen: the panel speaks in the title face (24 px at 100 %, the
    // menus' 17 px would be small there) under a heading in the captions' face.
    ImFont* body = titleFont();
    const float em = body ? body->FontSize : ImGui::GetFontSize();
    eng::setNextWindowPos("##visitor", vp->Pos.x + em, vp->Pos.y + em);
    ImGui::SetNextWindowSize(ImVec2(em * 22.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.82f);
    ImGui::Begin("##visitor", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(captionFont());
    ImGui::TextUnformatted(eng::tr("Explore Almalyk"));
    ImGui::PopFont();
    // The language buttons in the regular face: the title face is bold, and CJK and Arabic have no bold of their
    // own, so their names would look lighter and smaller beside "English" in bold.
    languageButtons(s, em * 1.8f);  // touch targets ~44 px at 100 %
    ImGui::PushFont(body);
    ImGui::Spacing();
    const ImVec2 big(-1.0f, em * 2.6f);
    for (std::size_t i = 0; i < m_sceneNames.size(); ++i) {
        const bool current = m_sceneNames[i] == s.sceneName();
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(eng::tr(m_sceneTitles[i].c_str()), big) && !current) {
            std::string why;
            if (!s.applySceneRequest(scenes::SceneRequest{m_sceneNames[i], ""}, &why)) log("scene: " + why);
        }
        if (current) ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(eng::tr("What if ..."));
    const sim::Params& params = s.world->params();
    for (std::size_t k = 0; k < std::size(kWhatIfs); ++k) {
        const WhatIf& wi = kWhatIfs[k];
        const sim::ParamDef* found = params.find(wi.param);
        if (!found) continue;
        const sim::ParamDef& def = *found;
        const float lo = std::max(static_cast<float>(def.min), wi.lo) * wi.shownPerUnit;
        const float hi = std::min(static_cast<float>(def.max), wi.hi) * wi.shownPerUnit;
        // The knob follows the finger until release; else the parameter as the simulation has it.
        float v = m_whatIfActive[k] ? m_whatIfValue[k]
                                    : std::clamp(static_cast<float>(params.get(wi.param)) * wi.shownPerUnit, lo, hi);
        ImGui::TextUnformatted(eng::tr(wi.label));
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::PushID(wi.param);
        // Sent on release only, so a drag is one command, not sixty.
        eng::localSliderFloat("##v", &v, lo, hi, eng::tr(wi.format), ImGuiSliderFlags_AlwaysClamp);
        m_whatIfActive[k] = ImGui::IsItemActive();
        m_whatIfValue[k] = v;
        if (ImGui::IsItemDeactivatedAfterEdit()) out.push_back(makeSetParamCommand(def, v / wi.shownPerUnit));
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Button(eng::tr("Watch the tour"), big)) {
        // As if the idle time ran out: back to the loop's start with the tour's own simulation.
        m_machine = KioskMachine(m_machine.idleS());
        m_play.playing = true;
        m_play.rebuildWorld(s);
        m_play.jump(s, 0.0);
    }
    if (m_machine.countingDown(m_wall)) {
        ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.45f, 1.0f), "%s", eng::formatf(eng::tr("The tour resumes in %.0f s - touch to stay"),
                           std::ceil(m_machine.secondsLeft(m_wall))).c_str());
    }
    ImGui::PopFont();
    ImGui::End();
}

void KioskDirector::drawUi(Session& s, const FramePlan&, const scenes::FrameInput&, std::vector<sim::Command>& out) {
    if (s.notice() != m_lastNotice) {
        m_lastNotice = s.notice();
        if (!m_lastNotice.empty()) log("notice: " + m_lastNotice);
    }
    if (m_machine.state() == KioskState::Attract) {
        m_play.drawOverlay(s);
        // A quiet invitation in the corner.
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        const char* hint = eng::tr("Touch the screen to explore");
        ImFont* f = titleFont();
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, 0.0f, hint);
        const ImVec2 at(vp->Pos.x + vp->Size.x - ts.x - f->FontSize, vp->Pos.y + f->FontSize * 0.8f);
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        fg->AddRectFilled(ImVec2(at.x - 12, at.y - 8), ImVec2(at.x + ts.x + 12, at.y + ts.y + 8), IM_COL32(12, 14, 18, 150),
                          6.0f);
        fg->AddText(f, f->FontSize, at, IM_COL32(240, 200, 160, 230), hint);
    } else {
        drawVisitorPanel(s, out);
    }
}

void KioskDirector::afterRender(Session& s, const FramePlan&) {
    if (m_machine.state() == KioskState::Attract) m_play.afterRender(s);
}

void KioskDirector::endFrame(Session& s, const FramePlan&) { m_play.endFrame(s); }

}  // namespace app
