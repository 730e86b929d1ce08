// engine/paths.h — finds data files (shaders/, assets/) without trusting the current directory.
// Use: eng::Paths p; p.setAssetsOverride(opts.assetsDir); p.resolve("shaders/lit.frag") -> absolute path or "".
// Search order for "shaders/...": beside the executable (<exe>/shaders, <exe>/../share/almalyk/shaders), then the
// source tree (ALMALYK_SOURCE_DIR). For "assets/...": the --assets DIR first (its layout mirrors assets/), then the same.
// Errors: resolve() returns an empty path and whyMissing() lists every place tried, for the caller's message.
// Does NOT: read files, watch them, or fall back to the current working directory alone.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace eng {

class Paths {
public:
    // Roots default to the running executable's folder and the compiled-in source tree.
    Paths();
    Paths(std::filesystem::path exeDir, std::filesystem::path sourceDir);

    void setAssetsOverride(const std::filesystem::path& dir);  // --assets DIR ("" clears it)
    // Every candidate for a relative path such as "shaders/lit.frag" or "assets/tours/intro.json", in search order.
    std::vector<std::filesystem::path> candidates(const std::string& relative) const;
    // First candidate that exists, or "" when none does.
    std::filesystem::path resolve(const std::string& relative) const;
    // "not found: shaders/x.frag (tried /a/shaders/x.frag, /b/shaders/x.frag)"
    std::string whyMissing(const std::string& relative) const;

    // Shared instance configured once by the app (the render modes set the --assets override).
    static Paths& global();
    static std::filesystem::path executableDir();

private:
    std::filesystem::path m_exeDir, m_sourceDir, m_assets;
};

}  // namespace eng
