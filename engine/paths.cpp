#include "engine/paths.h"

#include <system_error>

namespace eng {

namespace fs = std::filesystem;

// Compiled into this file only (engine/CMakeLists.txt): the development fallback, nothing else reads them.
#ifndef ALMALYK_SOURCE_DIR
#define ALMALYK_SOURCE_DIR ""
#endif
#ifndef ALMALYK_BINARY_DIR
#define ALMALYK_BINARY_DIR ""
#endif

Paths::Paths()
    : Paths(executableDir(), developmentSourceDir(executableDir(), fs::path(ALMALYK_BINARY_DIR), fs::path(ALMALYK_SOURCE_DIR))) {}

Paths::Paths(fs::path exeDir, fs::path sourceDir) : m_exeDir(std::move(exeDir)), m_sourceDir(std::move(sourceDir)) {}

fs::path Paths::developmentSourceDir(const fs::path& exeDir, const fs::path& binaryDir, const fs::path& sourceDir) {
    if (exeDir.empty() || binaryDir.empty() || sourceDir.empty()) return {};
    std::error_code ec1, ec2;
    const fs::path exe = fs::weakly_canonical(exeDir, ec1), bin = fs::weakly_canonical(binaryDir, ec2);
    if (ec1 || ec2) return {};
    // Inside means every component of bin starts exe (a sibling such as build-old/ next to build/ is not inside).
    auto e = exe.begin();
    for (auto b = bin.begin(); b != bin.end(); ++b, ++e) {
        if (b->empty() && std::next(b) == bin.end()) break;  // a trailing separator
        if (e == exe.end() || *e != *b) return {};
    }
    return sourceDir;
}

void Paths::setAssetsOverride(const fs::path& dir) {
    std::error_code ec;
    m_assets = dir.empty() ? fs::path() : fs::absolute(dir, ec);
}

std::vector<fs::path> Paths::candidates(const std::string& relative) const { return candidates(relative, true); }

std::vector<fs::path> Paths::candidates(const std::string& relative, bool withOverride) const {
    std::vector<fs::path> out;
    const fs::path rel(relative);
    if (withOverride && !m_assets.empty()) {
        auto it = rel.begin();
        if (it != rel.end() && *it == "assets") {
            fs::path rest;
            for (++it; it != rel.end(); ++it) rest /= *it;
            out.push_back(m_assets / rest);
        }
    }
    if (rel.is_absolute()) {
        out.push_back(rel);
        return out;
    }
    if (!m_exeDir.empty()) {
        out.push_back(m_exeDir / rel);
        out.push_back(m_exeDir / ".." / "share" / "almalyk" / rel);
    }
    if (!m_sourceDir.empty()) out.push_back(m_sourceDir / rel);
    return out;
}

namespace {
fs::path firstExisting(const std::vector<fs::path>& candidates) {
    std::error_code ec;
    for (const auto& c : candidates)
        if (fs::exists(c, ec)) return c.lexically_normal();
    return {};
}
}  // namespace

fs::path Paths::resolve(const std::string& relative) const { return firstExisting(candidates(relative, true)); }

fs::path Paths::resolveBuiltin(const std::string& relative) const { return firstExisting(candidates(relative, false)); }

std::string Paths::whyMissing(const std::string& relative) const {
    std::string s = "not found: " + relative + " (tried";
    bool first = true;
    for (const auto& c : candidates(relative)) {
        s += first ? " " : ", ";
        s += c.lexically_normal().string();
        first = false;
    }
    return s + ")";
}

bool Paths::checkData(std::string* why) const {
    // One file from each folder the program cannot run without.
    for (const char* probe : {"shaders/lit.vert", "assets/models/models.json"}) {
        if (!resolveBuiltin(probe).empty()) continue;
        if (why) {
            std::string tried;
            for (const auto& c : candidates(probe, false)) tried += (tried.empty() ? "" : ", ") + c.lexically_normal().string();
            *why = std::string("the program's data is missing: ") + probe + " not found (tried " + tried +
                   "); install with `cmake --install <build> --prefix DIR` (bin/almalyk, share/almalyk/shaders, "
                   "share/almalyk/assets) or copy shaders/ and assets/ next to the executable";
        }
        return false;
    }
    return true;
}

Paths& Paths::global() {
    static Paths p;
    return p;
}

fs::path Paths::executableDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

}  // namespace eng
