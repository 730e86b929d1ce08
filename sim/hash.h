// sim/hash.h — the state hash (FNV-1a 64 over values in a fixed order). Two runs with the same parameters, seed and
// command log must produce the same hash; replay and rewind rely on it.
// Use: Hasher h; h.add(x); ... h.value(). Doubles are hashed by bit pattern (so -0.0 != 0.0; NaN shows up).
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace sim {

class Hasher {
public:
    void addBytes(const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) { m_h ^= p[i]; m_h *= 0x100000001B3ull; }
    }
    template <class T>
    requires std::is_arithmetic_v<T> || std::is_enum_v<T>
    void add(T v) { addBytes(&v, sizeof v); }
    void add(std::string_view s) { addBytes(s.data(), s.size()); }
    std::uint64_t value() const { return m_h; }

private:
    std::uint64_t m_h = 0xCBF29CE484222325ull;
};

}  // namespace sim
