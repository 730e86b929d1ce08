// app/director_bench.cpp — `almalyk bench` as a director: each frame moves the camera along the scene's bench path
// (smoothstep between keyframes, or held at --camera), advances the sim by 1/60 s x60, and is timed from the end of
// the previous frame (the GPU's finish after the swap) to its own.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/directors.h"

namespace app {

namespace {
constexpr float kFixedDt = 1.0f / 60.0f;
using Clock = std::chrono::steady_clock;
}

BenchDirector::BenchDirector(const BenchOptions& o, Session& s) : m_o(o) {
    // --camera holds one preset for every frame (the cost of that view); otherwise the scene's scripted path.
    if (o.camera.empty()) m_path = s.scene().benchPath();
    m_clock = s.run.start;
}

bool BenchDirector::running(const Session&) const { return m_frame < m_o.frames; }

FramePlan BenchDirector::plan(Session& s) {
    if (m_frame == 0) m_t0 = Clock::now();  // later frames are timed from the previous frame's end (input included)
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

void BenchDirector::endFrame(Session& s, const FramePlan&) {
    s.renderer->finish();
    const auto now = Clock::now();
    m_stats.add(std::chrono::duration<double, std::milli>(now - m_t0).count());
    m_t0 = now;
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
    return j.dump();
}

}  // namespace app
