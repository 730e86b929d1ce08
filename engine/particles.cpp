#include "engine/particles.h"

#include <algorithm>
#include <cmath>

namespace eng {

namespace {
// Default look per kind: linear colour + opacity; negative opacity marks additive kinds.
glm::vec4 defaultColor(ParticleKind k) {
    switch (k) {
        case ParticleKind::Dust: return {0.55f, 0.45f, 0.33f, 0.35f};
        case ParticleKind::Smoke: return {0.22f, 0.21f, 0.20f, 0.45f};
        case ParticleKind::Steam: return {0.92f, 0.93f, 0.95f, 0.35f};
        case ParticleKind::Bubbles: return {0.75f, 0.9f, 1.0f, 0.5f};
        case ParticleKind::Sparks: return {4.0f, 1.6f, 0.35f, 1.0f};
    }
    return {1, 1, 1, 1};
}
bool additive(ParticleKind k) { return k == ParticleKind::Sparks; }
}  // namespace

float ParticleSystem::rnd() {
    // splitmix64: tiny, seeded, identical on every run.
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<float>(z >> 40) / static_cast<float>(1ull << 24);
}

EmitterId ParticleSystem::addEmitter(const EmitterDesc& d) {
    m_emitters.push_back(d);
    m_accum.push_back(0.0f);
    return EmitterId{static_cast<std::uint32_t>(m_emitters.size())};
}

EmitterDesc& ParticleSystem::emitter(EmitterId id) {
    if (!id.valid() || id.id > m_emitters.size()) {
        m_dummy = EmitterDesc{};
        m_dummy.active = false;
        return m_dummy;
    }
    return m_emitters[id.id - 1];
}

void ParticleSystem::removeEmitter(EmitterId id) { emitter(id).active = false; }

void ParticleSystem::burst(EmitterId id, int count) {
    const EmitterDesc& d = emitter(id);
    if (!id.valid() || id.id > m_emitters.size()) return;
    for (int i = 0; i < count; ++i) spawn(d);
}

void ParticleSystem::clear() {
    m_particles.clear();
    m_gpu.clear();
}

void ParticleSystem::spawn(const EmitterDesc& d) {
    if (m_particles.size() >= kMaxParticles) return;
    Particle p;
    const float a = rnd() * 6.2831853f, r = std::sqrt(rnd()) * d.radius;
    p.pos = d.position + glm::vec3(std::cos(a) * r, 0.0f, std::sin(a) * r);
    const float j = glm::length(d.velocity) * d.spread + 0.3f;
    p.vel = d.velocity + glm::vec3(rnd() - 0.5f, rnd() - 0.5f, rnd() - 0.5f) * 2.0f * j;
    p.age = 0.0f;
    p.life = d.lifetime * (0.7f + 0.6f * rnd());
    p.size = d.size * (0.8f + 0.4f * rnd());
    p.color = d.color == glm::vec4(0.0f) ? defaultColor(d.kind) : d.color;
    p.kind = d.kind;
    m_particles.push_back(p);
}

void ParticleSystem::update(float dt) {
    dt = std::clamp(dt, 0.0f, 0.1f);
    for (std::size_t i = 0; i < m_emitters.size(); ++i) {
        const EmitterDesc& d = m_emitters[i];
        if (!d.active) continue;
        m_accum[i] += d.rate * m_budget * dt;
        while (m_accum[i] >= 1.0f) {
            spawn(d);
            m_accum[i] -= 1.0f;
        }
    }
    for (Particle& p : m_particles) {
        p.age += dt;
        glm::vec3 acc(0.0f);
        float drag = 0.4f;
        switch (p.kind) {
            case ParticleKind::Sparks: acc.y = -9.81f; drag = 0.2f; break;
            case ParticleKind::Bubbles: acc.y = 0.5f; drag = 2.0f; break;
            case ParticleKind::Smoke: case ParticleKind::Steam: acc.y = 0.6f; drag = 0.6f; break;
            case ParticleKind::Dust: acc.y = -0.15f; drag = 0.8f; break;
        }
        // Drag pulls toward the wind (bubbles ignore it: they rise in liquid).
        const glm::vec3 air = p.kind == ParticleKind::Bubbles ? glm::vec3(0.0f) : m_wind;
        p.vel += (acc + (air - p.vel) * drag) * dt;
        p.pos += p.vel * dt;
    }
    m_particles.erase(std::remove_if(m_particles.begin(), m_particles.end(),
                                     [](const Particle& p) { return p.age >= p.life; }),
                      m_particles.end());
    m_gpu.clear();
    m_gpu.reserve(m_particles.size());
    for (const Particle& p : m_particles) {
        const float t = p.age / p.life;
        const bool grows = p.kind == ParticleKind::Smoke || p.kind == ParticleKind::Steam || p.kind == ParticleKind::Dust;
        const float size = p.size * (grows ? 1.0f + 2.0f * t : 1.0f - 0.5f * t);
        // Fade in quickly, out slowly.
        const float env = std::min(1.0f, t * 8.0f) * (1.0f - t) * (1.0f - t);
        const float a = p.color.a * env;
        glm::vec4 c(glm::vec3(p.color) * a, additive(p.kind) ? 0.0f : a);
        m_gpu.push_back({glm::vec4(p.pos, size), c});
    }
}

}  // namespace eng
