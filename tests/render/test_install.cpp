// Render test of a relocated program (engine/paths.h): `cmake --install` into a temporary prefix gives an executable
// that finds its shaders and models in <prefix>/share/almalyk and renders the same picture as the build tree's, with
// a clean log; the executable copied alone, without its data, stops with exit 1 and a message that lists where it
// looked, and never falls back to the source tree (it is not inside its build folder any more).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include "render_shot.h"

namespace fs = std::filesystem;

namespace {

const std::string kArgs = "--scene pit --size 320x180 --quality low --start 2026-06-21T11:00:00+05:00";

int run(const std::string& cmd) {
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string readText(const fs::path& p) {
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// `shot` run by another executable, from another working directory (the data must not be found through the cwd).
struct Relocated {
    int rc = -1;
    std::string log;
    bool wrote = false;
};
Relocated shotFrom(const fs::path& exe, const fs::path& png) {
    const fs::path log = png.string() + ".log";
    fs::remove(png);
    Relocated r;
    r.rc = run("cd / && \"" + exe.string() + "\" shot " + kArgs + " --out \"" + png.string() + "\" > \"" + log.string() + "\" 2>&1");
    r.log = readText(log);
    r.wrote = fs::exists(png);
    return r;
}

fs::path scratch(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("almalyk_install_" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

}  // namespace

TEST_CASE("install: `cmake --install` to a prefix gives a program that renders like the build tree's") {
    const fs::path prefix = scratch("prefix");
    REQUIRE(run("\"" ALMALYK_CMAKE "\" --install \"" ALMALYK_BINARY_DIR "\" --prefix \"" + prefix.string() + "\" > \"" +
                (prefix / "install.log").string() + "\" 2>&1") == 0);
    const fs::path exe = prefix / "bin" / "almalyk";
    REQUIRE(fs::exists(exe));
    CHECK(fs::exists(prefix / "share" / "almalyk" / "shaders" / "lit.frag"));
    CHECK(fs::exists(prefix / "share" / "almalyk" / "assets" / "models" / "models.json"));

    const fs::path png = prefix / "pit.png";
    const Relocated r = shotFrom(exe, png);
    INFO(r.log);
    CHECK(r.rc == 0);
    CHECK(r.log.find("warning") == std::string::npos);
    CHECK(r.log.find("error") == std::string::npos);
    CHECK(r.log.find(ALMALYK_SOURCE_DIR) == std::string::npos);  // nothing read from the source tree
    REQUIRE(r.wrote);

    // The same picture as the build tree's executable: same data, same fixed clock.
    const Shot here = runShot(kArgs, "install_reference");
    checkRenderedShot(here, 320, 180, 40);
    const fs::path refPng = fs::path(ALMALYK_BINARY_DIR) / "render_out" / "install_reference.png";
    CHECK(readText(png) == readText(refPng));
    fs::remove_all(prefix);
}

TEST_CASE("install: the executable copied without its data stops with exit 1 and says where it looked") {
    const fs::path dir = scratch("nodata");
    fs::create_directories(dir / "bin");
    const fs::path exe = dir / "bin" / "almalyk";
    fs::copy_file(ALMALYK_EXE, exe);
    fs::permissions(exe, fs::perms::owner_all, fs::perm_options::add);
    const Relocated r = shotFrom(exe, dir / "pit.png");
    INFO(r.log);
    CHECK(r.rc == 1);
    CHECK_FALSE(r.wrote);
    CHECK(r.log.find((dir / "bin" / "shaders").string()) != std::string::npos);                       // beside it
    CHECK(r.log.find((dir / "share" / "almalyk" / "shaders").string()) != std::string::npos);         // install layout
    CHECK(r.log.find(std::string(ALMALYK_SOURCE_DIR) + "/shaders") == std::string::npos);             // never the source
    fs::remove_all(dir);
}
