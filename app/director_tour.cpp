// app/director_tour.cpp — the presenter's tour player in the window (app/directors.h, TourDirector).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/directors.h"
#include "engine/i18n.h"
#include "engine/input.h"

namespace app {

namespace {
using Clock = std::chrono::steady_clock;

}  // namespace

TourDirector::TourDirector(const InteractiveOptions& o, Session& s, TourPlayback& play)
    : m_play(play), m_free(o, s) {
    m_last = Clock::now();
    m_free.ui().extraControls.insert(m_free.ui().extraControls.begin(), {"R", eng::N_("resume the tour")});
}

bool TourDirector::running(const Session& s) const {
    return !m_quit && !s.window->shouldClose() && !(m_left && !m_free.running(s));
}

void TourDirector::leaveTour(Session& s) {
    if (m_left) return;
    m_left = true;
    m_play.playing = false;
    m_play.black = false;
    m_free.takeOver(s);
    char notice[256];
    std::snprintf(notice, sizeof notice, eng::tr("Left the tour: the window is yours. Resume tour (R) returns to step %d."),
                  m_play.cursor().step + 1);
    s.setNotice(notice, 6.0);
}

void TourDirector::resumeTour(Session& s) {
    if (!m_left) return;
    m_left = false;
    // The tour's own simulation at the moment it was left: what the presenter changed is undone.
    m_play.rebuildWorld(s);
    m_play.seek(s, m_play.time());
    m_play.playing = true;
    m_last = Clock::now();
}

FramePlan TourDirector::plan(Session& s) {
    if (m_left) return m_free.plan(s);
    const auto now = Clock::now();
    const double dt = std::min(std::chrono::duration<double>(now - m_last).count(), 0.25);
    m_last = now;
    eng::Window& w = *s.window;
    m_sinceMouse = glm::length(w.mouseDelta()) > 0.5f ? 0.0 : m_sinceMouse + dt;

    // Grabbing the scene (not the controls) leaves the tour: the presenter wants to show something.
    if (!s.gui->wantsMouse() && (w.scrollDelta() != 0.0f ||
                                 (w.buttonDown(eng::MouseButton::Left) && glm::length(w.mouseDelta()) > 3.0f) ||
                                 w.buttonDown(eng::MouseButton::Right))) {
        leaveTour(s);
        return m_free.plan(s);
    }
    if (!s.gui->wantsKeyboard()) {
        if (w.keyPressed(eng::Key::PageDown) || w.keyPressed(eng::Key::Right) || w.keyPressed(eng::Key::N)) {
            m_play.black = false;
            m_play.nextStep(s);
        }
        if (w.keyPressed(eng::Key::PageUp) || w.keyPressed(eng::Key::Left) || w.keyPressed(eng::Key::P)) {
            m_play.black = false;
            m_play.previousStep(s);
        }
        if (w.keyPressed(eng::Key::Space)) m_play.playing = !m_play.playing;
        if (w.keyPressed(eng::Key::B) || w.keyPressed(eng::Key::Period)) m_play.black = !m_play.black;
        if (w.keyPressed(eng::Key::Home)) m_play.restart(s);
        if (w.keyPressed(eng::Key::E)) m_editor.open = !m_editor.open;
        if (w.keyPressed(eng::Key::F11)) w.toggleFullscreen();
        if (w.keyPressed(eng::Key::F12)) m_screenshot = true;
        if (w.keyPressed(eng::Key::Escape)) {
            leaveTour(s);
            return m_free.plan(s);
        }
    }
    FramePlan p;
    m_play.frame(s, dt, p);
    p.labels = !m_play.black;
    return p;
}

void TourDirector::afterAdvance(Session& s, FramePlan& p) {
    if (m_left) m_free.afterAdvance(s, p);
}

float TourDirector::controlsHeight() const { return ImGui::GetFontSize() * 4.2f; }

void TourDirector::drawControls(Session& s, float alpha) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float h = controlsHeight();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - h));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, h));
    ImGui::SetNextWindowBgAlpha(0.55f * alpha);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, alpha);
    ImGui::Begin("##tourbar", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    const TourTimeline& tl = m_play.timeline();
    const Tour& tour = m_play.tour();
    // The progress bar: one segment per step, the played part in copper; hover names the step, a click goes there.
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float barW = ImGui::GetContentRegionAvail().x, barH = em * 0.9f;
    ImGui::InvisibleButton("##progress", ImVec2(barW, barH));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float total = static_cast<float>(std::max(tl.total, 1e-6));
    const float played = static_cast<float>(m_play.time()) / total;
    dl->AddRectFilled(a, ImVec2(a.x + barW, a.y + barH), IM_COL32(70, 74, 82, 220), 3.0f);
    dl->AddRectFilled(a, ImVec2(a.x + barW * played, a.y + barH), IM_COL32(214, 126, 62, 255), 3.0f);
    for (std::size_t k = 1; k < tl.stepStart.size(); ++k) {
        const float x = a.x + barW * static_cast<float>(tl.stepStart[k]) / total;
        dl->AddLine(ImVec2(x, a.y), ImVec2(x, a.y + barH), IM_COL32(20, 20, 24, 255), 2.0f);
    }
    if (ImGui::IsItemHovered()) {
        const double t = (ImGui::GetIO().MousePos.x - a.x) / barW * tl.total;
        const TourCursor c = cursorAt(tour, tl, std::clamp(t, 0.0, tl.total));
        const TourStep& st = tour.steps[static_cast<std::size_t>(c.step)];
        ImGui::SetTooltip("%d. %s (%s)", c.step + 1, st.title.empty() ? st.scene.c_str() : st.title.c_str(),
                          formatMinSec(tl.stepStart[static_cast<std::size_t>(c.step)]).c_str());
        if (ImGui::IsItemClicked()) m_play.jump(s, tl.stepStart[static_cast<std::size_t>(c.step)]);
    }
    // The buttons, then where we are.
    if (ImGui::Button(eng::tr("|<  Restart"))) m_play.restart(s);
    ImGui::SameLine();
    if (ImGui::Button(eng::tr("<  Previous"))) m_play.previousStep(s);
    ImGui::SameLine();
    if (ImGui::Button(m_play.playing ? eng::tr("||  Pause") : eng::tr(">  Play"), ImVec2(em * 6.0f, 0))) m_play.playing = !m_play.playing;
    ImGui::SameLine();
    if (ImGui::Button(eng::tr("Next  >"))) m_play.nextStep(s);
    ImGui::SameLine();
    if (ImGui::Button(eng::tr("Leave tour (Esc)"))) leaveTour(s);
    ImGui::SameLine();
    if (ImGui::Button(m_editor.open ? eng::tr("Close editor (E)") : eng::tr("Editor (E)"))) m_editor.open = !m_editor.open;
    ImGui::SameLine();
    const TourCursor& c = m_play.cursor();
    const TourStep& st = tour.steps[static_cast<std::size_t>(c.step)];
    ImGui::Text(eng::tr("   %s   -   step %d of %zu: %s   -   %s / %s"), tour.title.c_str(), c.step + 1, tour.steps.size(),
                st.title.empty() ? st.scene.c_str() : st.title.c_str(), formatMinSec(m_play.time()).c_str(),
                formatMinSec(tl.total).c_str());
    ImGui::End();
    ImGui::PopStyleVar();
}

void TourDirector::drawUi(Session& s, const FramePlan& p, const scenes::FrameInput& in, std::vector<sim::Command>& out) {
    if (m_left) {
        m_free.drawUi(s, p, in, out);
        // The way back, always in view.
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + ImGui::GetFontSize() * 2.6f),
                                ImGuiCond_Always, ImVec2(0.5f, 0.0f));
        ImGui::Begin("##resume", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                              ImGuiWindowFlags_NoSavedSettings);
        char label[128];
        std::snprintf(label, sizeof label, eng::tr("Resume tour at step %d (R)"), m_play.cursor().step + 1);
        if (ImGui::Button(label)) resumeTour(s);
        ImGui::End();
        if (!s.gui->wantsKeyboard() && s.window->keyPressed(eng::Key::R)) resumeTour(s);
        return;
    }
    // The controls show while the mouse moves, the tour is paused or the editor is open; else they fade out.
    float alpha = static_cast<float>(std::clamp(kControlsHideS + 0.5 - m_sinceMouse, 0.0, 1.0));
    if (!m_play.playing || m_editor.open) alpha = 1.0f;
    if (m_play.black) alpha = 0.0f;
    m_play.drawOverlay(s, alpha > 0.0f ? controlsHeight() : 0.0f);
    if (alpha > 0.0f) drawControls(s, alpha);
    if (m_editor.open) drawTourEditor(m_editor, m_play, s);
}

void TourDirector::afterRender(Session& s, const FramePlan& p) {
    if (m_screenshot) {
        m_screenshot = false;
        m_free.ui().screenshotRequested = true;
        m_free.afterRender(s, p);
    } else if (m_left) {
        m_free.afterRender(s, p);
    }
    if (!m_left) m_play.afterRender(s);
}

void TourDirector::endFrame(Session& s, const FramePlan& p) {
    if (m_left) {
        m_free.endFrame(s, p);
        return;
    }
    m_play.endFrame(s);
}

}  // namespace app
