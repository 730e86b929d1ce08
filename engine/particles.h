// engine/particles.h — CPU-simulated, GPU-instanced particles: dust, smoke, steam, bubbles and sparks.
// Use: EmitterId e = renderer.particles().addEmitter({.kind=ParticleKind::Smoke, .position=stack, .rate=40});
//      renderer.particles().emitter(e).rate = 0;   renderer.particles().burst(e, 200);
//      the render loop calls update(dt) once per frame; the renderer draws them as camera-facing soft quads
//      (sparks and bubbles bright, additive-like; smoke/steam/dust alpha-blended, growing and fading).
// Deterministic: its own seeded generator (not the sim's) and the caller's dt, so shots are repeatable.
// Does NOT: collide, sort back-to-front, or simulate physics beyond drag, buoyancy/gravity and wind.
#pragma once
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace eng {

enum class ParticleKind { Dust, Smoke, Steam, Bubbles, Sparks };

struct EmitterDesc {
    ParticleKind kind = ParticleKind::Smoke;
    glm::vec3 position{0.0f};
    glm::vec3 velocity{0.0f, 2.0f, 0.0f};  // mean initial velocity, m/s
    float spread = 0.5f;      // velocity jitter as a fraction of |velocity| (plus 0.3 m/s)
    float radius = 1.0f;      // spawn disc radius, m
    float rate = 20.0f;       // particles per second (scaled by the quality budget)
    float lifetime = 6.0f;    // seconds
    float size = 2.0f;        // start size, m (smoke and steam grow to ~3x)
    glm::vec4 color{0.0f};    // linear rgb + opacity; all zero = the kind's default
    bool active = true;
};

struct EmitterId {
    std::uint32_t id = 0;
    bool valid() const { return id != 0; }
};

// What the GPU gets per particle (matches shaders/particles.vert attributes).
struct ParticleInstance {
    glm::vec4 posSize;   // xyz world position, w size in metres
    glm::vec4 color;     // premultiplied linear rgb, a = coverage (0 with rgb > 0 = additive)
};

class ParticleSystem {
public:
    EmitterId addEmitter(const EmitterDesc& d);
    EmitterDesc& emitter(EmitterId id);  // an invalid id gives a dummy (inactive) emitter, never a crash
    void removeEmitter(EmitterId id);
    void burst(EmitterId id, int count);
    void setWind(glm::vec3 w) { m_wind = w; }
    void setBudget(float fraction) { m_budget = fraction; }
    void update(float dt);
    void clear();
    const std::vector<ParticleInstance>& instances() const { return m_gpu; }
    std::size_t liveCount() const { return m_particles.size(); }

private:
    struct Particle {
        glm::vec3 pos, vel;
        float age, life, size;
        glm::vec4 color;
        ParticleKind kind;
    };
    void spawn(const EmitterDesc& d);
    float rnd();  // [0,1)
    std::vector<EmitterDesc> m_emitters;  // index = id - 1
    std::vector<float> m_accum;
    std::vector<Particle> m_particles;
    std::vector<ParticleInstance> m_gpu;
    EmitterDesc m_dummy;
    glm::vec3 m_wind{1.5f, 0.0f, 0.0f};
    float m_budget = 1.0f;
    std::uint64_t m_state = 0x9E3779B97F4A7C15ull;
    static constexpr std::size_t kMaxParticles = 20000;
};

}  // namespace eng
