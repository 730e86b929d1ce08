// app/director_bench.cpp — `almalyk bench` as a director: each frame moves the camera along the scene's bench path
// (smoothstep between keyframes, or held at --camera), advances the sim by 1/60 s x60, and is timed from the end of
// the previous frame (the GPU's finish after the swap) to its own.
#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "app/directors.h"
#include "app/ui.h"
#include "engine/i18n.h"

namespace app {

namespace {
constexpr float kFixedDt = 1.0f / 60.0f;
using Clock = std::chrono::steady_clock;
}

BenchDirector::BenchDirector(const BenchOptions& o, Session& s, TourPlayback* tour) : m_o(o), m_tour(tour) {
    // --camera holds one preset for every frame (the cost of that view); otherwise the scene's scripted path.
    if (o.camera.empty() && !tour) m_path = s.scene().benchPath();
    m_clock = s.run.start;
    m_frames = o.frames;
    if (tour) {
        const int whole = static_cast<int>(std::ceil(tour->timeline().total / kFixedDt)) + 1;
        m_frames = o.framesGiven ? std::min(o.frames, whole) : whole;
    }
    m_lastScene = s.sceneName();
}

bool BenchDirector::running(const Session&) const { return m_frame < m_frames; }

FramePlan BenchDirector::plan(Session& s) {
    if (m_frame == 0) m_t0 = Clock::now();  // later frames are timed from the previous frame's end (input included)
    if (m_tour) {
        FramePlan p;
        m_tour->frame(s, m_frame == 0 ? 0.0 : kFixedDt, p);
        p.dt = kFixedDt;
        return p;
    }
    if (m_path.size() >= 2) {
        const float u = static_cast<float>(m_frame) / static_cast<float>(std::max(m_o.frames - 1, 1)) *
                        static_cast<float>(m_path.size() - 1);
        const std::size_t k = std::min(static_cast<std::size_t>(u), m_path.size() - 2);
        const float f = u - static_cast<float>(k);
        s.camera.setPose(eng::OrbitCamera::lerp(m_path[k], m_path[k + 1], f * f * (3.0f - 2.0f * f)));
    }
    m_clock += sim::fromSeconds(kFixedDt * kSpeed);
    FramePlan p;
    p.dt = kFixedDt;
    p.shown = m_clock;
    p.speed = kSpeed;
    p.advanceTo = m_clock;
    p.maxTicks = 10;
    return p;
}

void BenchDirector::drawUi(Session& s, const FramePlan&, const scenes::FrameInput&, std::vector<sim::Command>&) {
    if (m_tour) m_tour->drawOverlay(s);
}

void BenchDirector::afterRender(Session& s, const FramePlan&) {
    if (m_tour) m_tour->afterRender(s);
}

void BenchDirector::endFrame(Session& s, const FramePlan&) {
    if (m_tour) m_tour->endFrame(s);
    s.renderer->finish();
    const auto now = Clock::now();
    const double ms = std::chrono::duration<double, std::milli>(now - m_t0).count();
    m_stats.add(ms);
    m_t0 = now;
    // Start-up as a visitor waits for it: process start to the first frame on screen (window, GL, catalog, fonts,
    // the World, the scene's meshes and shaders).
    if (m_frame == 0) m_firstFrameMs = std::chrono::duration<double, std::milli>(now - processStart()).count();
    // A scene change is timed over the frames around it: the switch, the first frame of the new scene (its shadow
    // map and caches), and the cross-fade.
    if (s.sceneName() != m_lastScene) {
        m_lastScene = s.sceneName();
        ++m_sceneChanges;
        m_changeFrame = m_frame;
    }
    if (m_frame - m_changeFrame <= 3) m_changeMaxMs = std::max(m_changeMaxMs, ms);
    ++m_frame;
}

std::string BenchDirector::report(const Session& s) const {
    const eng::FrameSummary f = m_stats.summary();
    const glm::ivec2 fb = s.window->framebufferSize();
    const nlohmann::json j = {{"scene", s.sceneName()}, {"camera", m_o.camera.empty() ? "path" : m_o.camera},
                              {"frames", f.frames}, {"width", fb.x}, {"height", fb.y},
                              {"renderer", s.renderer->glRenderer()},
                              {"quality", eng::qualityName(s.renderer->quality().level)},
                              {"median_ms", f.medianMs}, {"p95_ms", f.p95Ms}, {"p99_ms", f.p99Ms}, {"max_ms", f.maxMs},
                              {"triangles", s.renderer->stats().triangles}, {"draw_calls", s.renderer->stats().drawCalls}};
    nlohmann::json out = j;
    const eng::FontBuild& fonts = lastFontBuild();
    out["lang"] = eng::language();
    out["first_frame_ms"] = m_firstFrameMs;
    out["font_atlas"] = std::to_string(fonts.width) + "x" + std::to_string(fonts.height);
    out["font_glyphs"] = fonts.glyphs;
    out["font_build_ms"] = fonts.ms;
    if (m_tour) {
        out["tour"] = m_tour->tour().name;
        out["tour_s"] = m_tour->time();
        out["scene_changes"] = m_sceneChanges;
        out["scene_change_max_ms"] = m_changeMaxMs;
        out["camera"] = "tour";
    }
    return out.dump();
}

}  // namespace app
