// engine/noise.h — the integer hash and lattice value noise every procedural texture and terrain uses (one copy).
// Use: float n = eng::noise::valueNoise(x, y, eng::noise::Fade::Quintic, eng::noise::hashLattice(seed));
//      tileable: valueNoise(x, y, Fade::Cubic, hashLattice(seed, 64, 64))  (the lattice wraps every 64 cells);
//      eng::noise::hash24(x, y, seed) / hash16(x, y): one lattice value in [0, 1].
// Deterministic and platform-independent (32-bit integer arithmetic; the interpolation is plain float maths).
// Does NOT: do gradient (Perlin/simplex) noise or octave sums (callers sum octaves their own way: rotated for
// terrain, doubled periods for tiling textures).
#pragma once
#include <cmath>
#include <cstdint>

namespace eng::noise {

// The lattice hash: x * 374761393 + y * 668265263 + seed * 2246822519, then xor-shift-multiply mixing.
inline std::uint32_t hashBits(int x, int y, int seed = 0) {
    std::uint32_t h = static_cast<std::uint32_t>(x) * 374761393u + static_cast<std::uint32_t>(y) * 668265263u +
                      static_cast<std::uint32_t>(seed) * 2246822519u;
    h = (h ^ (h >> 13)) * 1274126177u;
    return h ^ (h >> 16);
}
// 24 bits of the hash in [0, 1].
inline float hash24(int x, int y, int seed) {
    return static_cast<float>(hashBits(x, y, seed) & 0xFFFFFF) / static_cast<float>(0xFFFFFF);
}
// 16 bits of the hash (seed 0) in [0, 1].
inline float hash16(int x, int y) { return static_cast<float>(hashBits(x, y) & 0xFFFF) / 65535.0f; }

enum class Fade { Cubic, Quintic };  // 3t^2 - 2t^3 (C1), or 6t^5 - 15t^4 + 10t^3 (C2: no creases in terrain)

// hash24 on a lattice that wraps every periodX / periodY cells (0 = no wrap).
struct HashLattice {
    int seed = 0, periodX = 0, periodY = 0;
    float operator()(int x, int y) const {
        auto wrap = [](int i, int p) { return p > 0 ? ((i % p) + p) % p : i; };
        return hash24(wrap(x, periodX), wrap(y, periodY), seed);
    }
};
inline HashLattice hashLattice(int seed, int periodX = 0, int periodY = 0) { return {seed, periodX, periodY}; }

// Value noise at (px, py): the lattice values at the four corners of the cell, blended with the fade curve.
template <class Lattice>
float valueNoise(float px, float py, Fade fade, const Lattice& lattice) {
    const float fx = std::floor(px), fy = std::floor(py);
    const float ux = px - fx, uy = py - fy;
    const float sx = fade == Fade::Cubic ? ux * ux * (3.0f - 2.0f * ux) : ux * ux * ux * (ux * (ux * 6.0f - 15.0f) + 10.0f);
    const float sy = fade == Fade::Cubic ? uy * uy * (3.0f - 2.0f * uy) : uy * uy * uy * (uy * (uy * 6.0f - 15.0f) + 10.0f);
    const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
    const float a = lattice(x0, y0), b = lattice(x0 + 1, y0), c = lattice(x0, y0 + 1), d = lattice(x0 + 1, y0 + 1);
    // glm::mix's form (x * (1 - t) + y * t), so results match the scenes' former copies bit for bit.
    const float top = a * (1.0f - sx) + b * sx, bottom = c * (1.0f - sx) + d * sx;
    return top * (1.0f - sy) + bottom * sy;
}

}  // namespace eng::noise
