// sim/rng.h — seeded random streams. Each unit owns its own stream derived from (seed, stream name), so adding a
// draw in one unit never shifts another's sequence (design.md: determinism).
// Use: Rng r = Rng::stream(seed, "mine.truck.3"); r.exponential(mean).
// Does NOT: touch global state, the C library's generator, hardware entropy or the wall clock.
#pragma once
#include <cmath>
#include <cstdint>
#include <string_view>

namespace sim {

class Rng {
public:
    explicit Rng(std::uint64_t state = 0x9E3779B97F4A7C15ull) : m_state(state) {}

    static std::uint64_t mix(std::uint64_t z) {  // splitmix64 finaliser
        z += 0x9E3779B97F4A7C15ull;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    static Rng stream(std::uint64_t seed, std::string_view name) {
        std::uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a of the name
        for (char c : name) { h ^= static_cast<unsigned char>(c); h *= 0x100000001B3ull; }
        return Rng(mix(seed ^ mix(h)));
    }

    std::uint64_t next() {  // splitmix64: fast, passes BigCrush, trivially seedable
        m_state += 0x9E3779B97F4A7C15ull;
        return mix(m_state - 0x9E3779B97F4A7C15ull);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }               // [0,1)
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    double normal() {  // Box–Muller, one value per call (deterministic, no cached state)
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    // Lognormal with the given mean and coefficient of variation.
    double lognormal(double mean, double cv) {
        const double s2 = std::log(1.0 + cv * cv);
        return mean * std::exp(std::sqrt(s2) * normal() - 0.5 * s2);
    }
    std::uint64_t state() const { return m_state; }

private:
    std::uint64_t m_state;
};

}  // namespace sim
