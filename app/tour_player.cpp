#include "app/tour_player.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/scene_driver.h"
#include "app/ui.h"
#include "engine/bidi.h"
#include "engine/i18n.h"
#include "engine/text_wrap.h"
#include "scenes/scene_actions.h"
#include "sim/time.h"

namespace app {

namespace {

constexpr ImU32 rgba(int r, int g, int b, float a) {
    return IM_COL32(r, g, b, static_cast<int>(std::clamp(a, 0.0f, 1.0f) * 255.0f + 0.5f));
}

// Words of `text` wrapped into lines no wider than `width` in `font` at `px`; right-to-left text is wrapped in its
// logical order and each line shaped (engine/bidi.h).
std::vector<std::string> wrapLines(ImFont* font, float px, const std::string& text, float width) {
    if (eng::rightToLeft()) {
        const auto measure = [&](const std::string& l) { return font->CalcTextSizeA(px, 1e9f, 0.0f, l.c_str()).x; };
        return eng::bidiWrap(text, width, measure, true);
    }
    // Japanese captions have no spaces: engine/text_wrap.h breaks between characters with the kinsoku rules.
    return eng::wrapText(text, width, [&](std::string_view l) {
        return font->CalcTextSizeA(px, 1e9f, 0.0f, l.data(), l.data() + l.size()).x;
    });
}

}  // namespace

int readSessionTour(Session& s, const std::string& name, const std::string& assetsDir, Tour* out) {
    std::string why;
    const std::string path = resolveTourPath(name, assetsDir, &why);
    if (path.empty()) return s.fail(2, "--tour " + name + ": " + why);
    if (!loadTour(path, s.run.params, out, &why)) return s.fail(2, why);
    return 0;
}

sim::Params TourPlayback::tourParams() const {
    sim::Params p = m_baseParams;
    std::string why;
    for (const auto& [name, value] : m_tour.sets) p.setFromText(name, value, &why);  // checked by the parser
    for (const auto& [name, value] : m_cliSets) p.setFromText(name, value, &why);    // the command line wins
    return p;
}

bool TourPlayback::begin(Session& s, Tour tour, const RenderOptions& o, std::string* why) {
    m_tour = std::move(tour);
    m_baseParams = s.run.params;
    m_cliSets = o.sets;
    m_baseCommands = s.run.commands;
    numbers = NumberFormat::forLanguage(o.lang.empty() ? eng::language() : o.lang);
    // Every scene the tour shows is loaded now, so a scene change during the tour never stalls.
    const std::string first = s.sceneName();
    for (const TourStep& st : m_tour.steps) {
        std::string w;
        if (!s.switchScene(st.scene, &w)) {
            if (why) *why = m_tour.file + ": " + st.path + ".scene: " + w;
            return false;
        }
    }
    // Presets and object keys from the loaded scenes and the tour's own world.
    s.run.params = tourParams();
    if (m_tour.seed && !o.seedGiven) s.run.seed = *m_tour.seed;
    if (m_tour.start && o.start.empty()) s.run.start = *m_tour.start;
    s.resetWorld();
    const TourSceneLookup lookup = [&s](const std::string& name) -> std::optional<TourSceneInfo> {
        std::string w;
        if (!s.switchScene(name, &w)) return std::nullopt;
        return TourSceneInfo{s.scene().cameraPresets(), s.scene().objectKeys(s.world->state())};
    };
    if (!resolveTour(m_tour, lookup, why)) return false;
    std::string w;
    s.switchScene(first, &w);
    retime(s);
    seek(s, 0.0);
    return true;
}

void TourPlayback::retime(Session& s) {
    m_tl = makeTimeline(m_tour, s.run.start);
    s.run.start = m_tl.tourStart;
    s.run.commands = m_baseCommands;
    for (sim::Command& c : tourCommands(m_tour, m_tl, s.run.params)) s.run.commands.push_back(std::move(c));
    m_t = std::clamp(m_t, 0.0, m_tl.total);
    rebuildWorld(s);
}

void TourPlayback::rebuildWorld(Session& s) {
    s.run.params = tourParams();
    s.resetWorld();
    m_step = -1;  // the scene, its actions and the world are set anew by the next seek
}

void TourPlayback::seek(Session& s, double t) {
    if (m_tour.steps.empty()) return;
    m_t = std::clamp(t, 0.0, m_tl.total);
    m_cursor = cursorAt(m_tour, m_tl, m_t);
    m_pending = false;
    m_snapshotReady = false;
    m_fade = 0.0;
    // Backwards in sim time: a new World from the tour's start (a few ms), then forward to the moment.
    if (s.world->now() > m_cursor.simTime) rebuildWorld(s);
    enterStep(s, m_cursor.step);
    advanceWorldTo(*s.world, m_cursor.simTime);
    poseCamera(s);
}

void TourPlayback::jump(Session& s, double t) {
    if (m_tour.steps.empty()) return;
    t = std::clamp(t, 0.0, m_tl.total);
    const TourCursor c = cursorAt(m_tour, m_tl, t);
    if (m_tour.steps[static_cast<std::size_t>(c.step)].scene != s.sceneName()) {
        m_pending = true;  // afterRender snapshots this frame, endFrame seeks and fades
        m_pendingT = t;
        return;
    }
    seek(s, t);
}

void TourPlayback::nextStep(Session& s) {
    const int next = m_cursor.step + 1;
    if (next >= static_cast<int>(m_tour.steps.size())) {
        if (loop) jump(s, 0.0);
        return;
    }
    jump(s, m_tl.stepStart[static_cast<std::size_t>(next)]);
}

void TourPlayback::previousStep(Session& s) {
    const int k = m_cursor.step;
    if (m_cursor.inStep > 2.0 || k == 0)
        jump(s, m_tl.stepStart[static_cast<std::size_t>(k)]);
    else
        jump(s, m_tl.stepStart[static_cast<std::size_t>(k - 1)]);
}

void TourPlayback::enterStep(Session& s, int step) {
    if (step == m_step) return;
    const TourStep& st = m_tour.steps[static_cast<std::size_t>(step)];
    std::string why;
    if (!s.switchScene(st.scene, &why)) {
        std::fprintf(stderr, "tour %s: %s: %s\n", m_tour.name.c_str(), st.path.c_str(), why.c_str());
        return;
    }
    // A step starts clean: what the step before selected or followed is let go.
    scenes::Scene& scene = s.scene();
    const sim::State& state = s.world->state();
    (void)scene.select("", state, &why);
    (void)scene.follow("", state, &why);
    for (const std::string& text : st.actions) {
        scenes::SceneAction a;
        eng::CameraPose unused;
        if (!scenes::parseSceneAction(text, &a, &why) || a.verb == scenes::ActionVerb::Camera) continue;
        if (!scenes::applySceneAction(scene, state, a, &unused, &why)) {
            // The key existed when the tour was resolved; a run can still refuse it (a truck broken down).
            std::fprintf(stderr, "tour %s: %s.actions: %s\n", m_tour.name.c_str(), st.path.c_str(), why.c_str());
        }
    }
    m_step = step;
}

void TourPlayback::poseCamera(Session& s) {
    eng::CameraPose pose = poseAt(m_tour, m_tl, m_cursor);
    // follow(...): the path's framing, centred on the moving thing.
    if (const auto target = s.scene().followTarget()) pose.target = *target;
    s.camera.setPose(pose);
    s.camera.fitNearPlane();
}

void TourPlayback::frame(Session& s, double dt, FramePlan& p) {
    if (!m_tour.steps.empty() && !m_pending) {
        double t = m_t;
        if (playing && !black) t += dt;
        if (t >= m_tl.total && loop) {
            ++m_loops;
            jump(s, 0.0);  // back to the tour's start: a new World, a cross-fade when the scene differs
        } else {
            t = std::min(t, m_tl.total);
            const TourCursor c = cursorAt(m_tour, m_tl, t);
            if (c.step != m_step && m_tour.steps[static_cast<std::size_t>(c.step)].scene != s.sceneName()) {
                m_pending = true;  // hold this frame at the old step; afterRender snapshots it, endFrame switches
                m_pendingT = t;
            } else {
                m_t = t;
                m_cursor = c;
                enterStep(s, c.step);
            }
        }
        poseCamera(s);
    }
    m_fade = std::max(0.0, m_fade - dt / kCrossFadeS);
    const bool moving = playing && !black && !finished();
    p.dt = static_cast<float>(dt);
    p.shown = m_cursor.simTime;
    p.advanceTo = moving ? m_cursor.simTime : -1;
    p.maxTicks = 100000;  // the tour's clock is the truth: the world catches up within the frame
    p.speed = moving ? m_tl.speed[static_cast<std::size_t>(m_cursor.step)] : 0.0;
    p.constrainCamera = false;
    p.sceneUi = false;
}

void TourPlayback::afterRender(Session& s) {
    if (m_pending && !m_snapshotReady) {
        s.renderer->snapshotFrame();
        m_snapshotReady = true;
    }
}

void TourPlayback::endFrame(Session& s) {
    if (!m_pending || !m_snapshotReady) return;
    m_pending = false;
    m_snapshotReady = false;
    seek(s, m_pendingT);  // forward within the World, or a new one for a jump back
    m_fade = 1.0;
}

std::string TourPlayback::captionText(const Session& s) const {
    if (m_tour.steps.empty()) return {};
    const TourStep& st = m_tour.steps[static_cast<std::size_t>(m_cursor.step)];
    if (st.caption.empty()) return {};
    // The caption is a msgid (docs/tours.md): translated first, then its placeholders filled in the language's
    // number format (which follows a language switched since the tour began).
    return formatCaption(eng::trp(st.caption.c_str()), s.world->state(), m_cursor.simTime, eng::currentNumberFormat());
}

void TourPlayback::drawOverlay(Session& s, float bottomMarginPx) const {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 p0 = vp->Pos, size = vp->Size;
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    ImDrawList* bg = ImGui::GetBackgroundDrawList();
    // The old scene's last frame over the new one, fading out.
    if (m_fade > 0.0 && s.renderer->frameSnapshot() != 0) {
        const float a = static_cast<float>(m_fade * m_fade * (3.0 - 2.0 * m_fade));
        bg->AddImage(reinterpret_cast<ImTextureID>(s.renderer->frameSnapshot()), p0, p1, ImVec2(0, 1), ImVec2(1, 0),
                     rgba(255, 255, 255, a));
    }
    if (black) {
        ImGui::GetForegroundDrawList()->AddRectFilled(p0, p1, IM_COL32(0, 0, 0, 255));
        return;
    }
    // The tour's first moment fades in from black (a video's first frame, a restart, the kiosk's loop).
    if (m_t < kFadeInS) {
        const float u = static_cast<float>(m_t / kFadeInS);
        ImGui::GetForegroundDrawList()->AddRectFilled(p0, p1, rgba(0, 0, 0, 1.0f - u * u * (3.0f - 2.0f * u)));
    }
    if (m_tour.steps.empty()) return;
    const float alpha = m_cursor.captionAlpha;
    const std::string text = captionText(s);
    if (alpha <= 0.01f) return;
    const TourStep& st = m_tour.steps[static_cast<std::size_t>(m_cursor.step)];
    const std::string title = st.title.empty() ? std::string() : eng::tr(st.title.c_str());
    ImFont* cf = captionFont();
    ImFont* tf = titleFont();
    // The fonts are made for the screen's height at 1080p x the UI scale; a smaller window (a 720p window, a small
    // video) draws them smaller, in the same proportion to the picture.
    const float fit = std::clamp(size.y / (1080.0f * (s.gui ? s.gui->scale() : 1.0f)), 0.35f, 1.0f);
    const float cs = cf->FontSize * fit, ts = tf->FontSize * fit;
    const float pad = cs * 0.6f;
    const float maxW = std::min(size.x * 0.8f, cs * 34.0f);  // ~60 characters a line, as subtitles
    const std::vector<std::string> lines = text.empty() ? std::vector<std::string>{} : wrapLines(cf, cs, text, maxW);
    const float lineH = cs * 1.18f;
    const float titleH = title.empty() ? 0.0f : ts * 1.5f;
    const float bandH = titleH + lineH * static_cast<float>(lines.size()) + pad * 2.0f;
    const float bottom = p1.y - bottomMarginPx - size.y * 0.04f;
    float wMax = title.empty() ? 0.0f : tf->CalcTextSizeA(ts, 1e9f, 0.0f, title.c_str()).x;
    for (const std::string& l : lines) wMax = std::max(wMax, cf->CalcTextSizeA(cs, 1e9f, 0.0f, l.c_str()).x);
    const float bandW = wMax + pad * 3.0f;
    const float cx = p0.x + size.x * 0.5f;
    const ImVec2 b0(cx - bandW * 0.5f, bottom - bandH), b1(cx + bandW * 0.5f, bottom);
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    fg->AddRectFilled(b0, b1, rgba(12, 14, 18, 0.72f * alpha), cs * 0.3f);
    fg->AddRectFilled(ImVec2(b0.x, b0.y), ImVec2(b0.x + std::max(2.0f, cs * 0.12f), b1.y), rgba(214, 126, 62, alpha));
    float y = b0.y + pad;
    if (!title.empty()) {
        const float w = tf->CalcTextSizeA(ts, 1e9f, 0.0f, title.c_str()).x;
        fg->AddText(tf, ts, ImVec2(cx - w * 0.5f, y), rgba(232, 160, 98, alpha), title.c_str());
        y += titleH;
    }
    for (const std::string& l : lines) {
        const float w = cf->CalcTextSizeA(cs, 1e9f, 0.0f, l.c_str()).x;
        // A soft shadow keeps the text readable over bright snow or sky behind a translucent band.
        const float sh = std::max(1.0f, cs * 0.05f);
        fg->AddText(cf, cs, ImVec2(cx - w * 0.5f + sh, y + sh), rgba(0, 0, 0, 0.6f * alpha), l.c_str());
        fg->AddText(cf, cs, ImVec2(cx - w * 0.5f, y), rgba(245, 245, 240, alpha), l.c_str());
        y += lineH;
    }
}

}  // namespace app
