// engine/paths.h — finds data files (shaders/, assets/) relative to the running executable, never the current
// directory. Use: eng::Paths::global().setAssetsOverride(opts.assetsDir); Paths::global().resolve("shaders/lit.frag").
// Search order for "shaders/..." and "assets/...":
//   1. for "assets/...": the --assets DIR (its layout mirrors assets/, so "assets/tours/x.json" is DIR/tours/x.json);
//   2. beside the executable: <exe>/shaders/..., <exe>/assets/... (a copied or unpacked build);
//   3. the install layout: <exe>/../share/almalyk/shaders/... (`cmake --install` puts bin/almalyk there);
//   4. development only: the source tree, and only while the running executable lives inside the build folder it was
//      built in (ALMALYK_BINARY_DIR), so a copied or installed binary never silently reads the source tree.
// Errors: resolve() returns an empty path and whyMissing() lists every place tried, for the caller's message;
// checkData() says whether the built-in data is there at all (the app stops with exit 1 and that message if not).
// Does NOT: read files, watch them, or fall back to the current working directory.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace eng {

class Paths {
public:
    // The running executable's folder; the source tree only when that folder is inside the compiled-in build folder.
    Paths();
    // Explicit roots (tests): sourceDir, when not empty, is searched last whatever exeDir is.
    Paths(std::filesystem::path exeDir, std::filesystem::path sourceDir);

    void setAssetsOverride(const std::filesystem::path& dir);  // --assets DIR ("" clears it)
    // Every candidate for a relative path such as "shaders/lit.frag" or "assets/tours/intro.json", in search order.
    std::vector<std::filesystem::path> candidates(const std::string& relative) const;
    // First candidate that exists, or "" when none does.
    std::filesystem::path resolve(const std::string& relative) const;
    // The same without the --assets DIR: the built-in file, or "".
    std::filesystem::path resolveBuiltin(const std::string& relative) const;
    // "not found: shaders/x.frag (tried /a/shaders/x.frag, /b/shaders/x.frag)"
    std::string whyMissing(const std::string& relative) const;
    // True when the built-in shaders and model manifest are found; otherwise false and *why says where it looked.
    bool checkData(std::string* why) const;

    // Shared instance configured once by the app (the render modes set the --assets override).
    static Paths& global();
    static std::filesystem::path executableDir();
    // sourceDir when exeDir lies inside binaryDir (a development build run from its build folder), else "".
    static std::filesystem::path developmentSourceDir(const std::filesystem::path& exeDir,
                                                      const std::filesystem::path& binaryDir,
                                                      const std::filesystem::path& sourceDir);

private:
    std::vector<std::filesystem::path> candidates(const std::string& relative, bool withOverride) const;
    std::filesystem::path m_exeDir, m_sourceDir, m_assets;
};

}  // namespace eng
