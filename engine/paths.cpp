#include "engine/paths.h"

#include <system_error>
#include <unistd.h>

namespace eng {

namespace fs = std::filesystem;

#ifndef ALMALYK_SOURCE_DIR
#define ALMALYK_SOURCE_DIR ""
#endif

Paths::Paths() : Paths(executableDir(), fs::path(ALMALYK_SOURCE_DIR)) {}

Paths::Paths(fs::path exeDir, fs::path sourceDir) : m_exeDir(std::move(exeDir)), m_sourceDir(std::move(sourceDir)) {}

void Paths::setAssetsOverride(const fs::path& dir) {
    std::error_code ec;
    m_assets = dir.empty() ? fs::path() : fs::absolute(dir, ec);
}

std::vector<fs::path> Paths::candidates(const std::string& relative) const {
    std::vector<fs::path> out;
    const fs::path rel(relative);
    // --assets DIR mirrors assets/, so "assets/tours/x.json" maps to DIR/tours/x.json.
    if (!m_assets.empty()) {
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

fs::path Paths::resolve(const std::string& relative) const {
    std::error_code ec;
    for (const auto& c : candidates(relative))
        if (fs::exists(c, ec)) return c.lexically_normal();
    return {};
}

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
