// tests/fuzz/fuzz_common.h — what the libFuzzer targets share (docs/hardening.md).
// A target defines LLVMFuzzerTestOneInput, feeds the input to one parser of user files, and goes on through what the
// program does next with a parsed file (a scenario's timed commands, a tour's timeline and captions), so a value the
// parser lets through but the next stage cannot take is found too. A target never writes files, opens a window or
// keeps memory between inputs beyond fixed lookup data built once; a broken property calls fuzzFail (an abort, which
// libFuzzer reports as a crash and saves the input of).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace fuzz {

inline std::string text(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

// The input split at '\n' and '\0' (one argument, or one line, each).
inline std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> parts(1);
    for (char c : s) {
        if (c == '\n' || c == '\0')
            parts.emplace_back();
        else
            parts.back() += c;
    }
    return parts;
}

[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz property broken: %s\n", what.c_str());
    std::abort();
}

}  // namespace fuzz
