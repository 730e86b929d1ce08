// Render test of a relocated program (engine/paths.h): `cmake --install` into a temporary prefix gives an executable
// that finds its shaders and models in <prefix>/share/almalyk and renders the same picture as the build tree's, with
// a clean log; the executable copied alone, without its data, stops with exit 1 and a message that lists where it
// looked, and never falls back to the source tree (it is not inside its build folder any more).
// The install's other parts (cmake/packaging.cmake): every data file of the tree is installed, the desktop entry
// validates and names the installed program and icon, the icons are real pictures of their sizes, and the manual
// page documents every mode and option the program's --help prints. scripts/install_test does the whole thing from
// a deleted copy of the tree, and the .deb.
#include <doctest/doctest.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <sys/wait.h>

#include <stb_image.h>

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

// `cmake --install` of this build into a fresh scratch prefix; REQUIREs that it worked.
fs::path installTo(const std::string& name) {
    const fs::path prefix = scratch(name);
    REQUIRE(run("\"" ALMALYK_CMAKE "\" --install \"" ALMALYK_BINARY_DIR "\" --prefix \"" + prefix.string() + "\" > \"" +
                (prefix / "install.log").string() + "\" 2>&1") == 0);
    return prefix;
}

// "PATH", quoted for the shell (built by appending: GCC 12 reports `"\"" + string` as a false -Wrestrict).
std::string quoted(const fs::path& p) {
    std::string q = "\"";
    q += p.string();
    q += '"';
    return q;
}

// stdout of a shell command (stderr joined).
std::string output(const std::string& cmd, int* rc = nullptr) {
    const fs::path f = fs::temp_directory_path() / "almalyk_install_output.txt";
    const int r = run(cmd + " > \"" + f.string() + "\" 2>&1");
    if (rc) *rc = r;
    std::string s = readText(f);
    fs::remove(f);
    return s;
}

}  // namespace

TEST_CASE("install: `cmake --install` to a prefix gives a program that renders like the build tree's") {
    const fs::path prefix = installTo("prefix");
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

TEST_CASE("install: every file of the tree's shaders/ and assets/ is installed, byte for byte") {
    const fs::path prefix = installTo("data");
    int files = 0;
    for (const char* folder : {"shaders", "assets"}) {
        const fs::path src = fs::path(ALMALYK_SOURCE_DIR) / folder;
        for (const auto& e : fs::recursive_directory_iterator(src)) {
            if (!e.is_regular_file()) continue;
            const fs::path rel = fs::relative(e.path(), src);
            const fs::path inst = prefix / "share" / "almalyk" / folder / rel;
            INFO(inst.string());
            REQUIRE(fs::exists(inst));
            CHECK(readText(inst) == readText(e.path()));
            ++files;
        }
    }
    CHECK(files > 40);  // shaders, models, tours, scenarios: the walk really found the data
    fs::remove_all(prefix);
}

TEST_CASE("install: the desktop entry validates and starts the installed program with the installed icon") {
    const fs::path prefix = installTo("desktop");
    const fs::path entry = prefix / "share" / "applications" / "almalyk.desktop";
    REQUIRE(fs::exists(entry));
    int rc = -1;
    const std::string report = output("desktop-file-validate " + quoted(entry), &rc);
    INFO("desktop-file-validate (desktop-file-utils): " << report);
    CHECK(rc == 0);
    CHECK(report.empty());  // not even a hint

    // Exec names the installed program (on the PATH as bin/almalyk) without arguments: the interactive window.
    const std::string text = readText(entry);
    std::smatch m;
    REQUIRE(std::regex_search(text, m, std::regex("\nExec=([^\n]*)\n")));
    CHECK(m[1].str() == "almalyk");
    CHECK(fs::exists(prefix / "bin" / m[1].str()));
    REQUIRE(std::regex_search(text, m, std::regex("\nIcon=([^\n]*)\n")));
    const std::string icon = m[1].str();
    const fs::path hicolor = prefix / "share" / "icons" / "hicolor";
    CHECK(fs::exists(hicolor / "scalable" / "apps" / (icon + ".svg")));
    for (int size : {48, 128, 256}) {
        const std::string dim = std::to_string(size) + "x" + std::to_string(size);
        CHECK_MESSAGE(fs::exists(hicolor / dim / "apps" / (icon + ".png")), dim);
    }
    fs::remove_all(prefix);
}

TEST_CASE("install: each PNG icon is a picture of its folder's size: a tile with transparent corners, many colours") {
    const fs::path prefix = installTo("icons");
    for (int size : {48, 128, 256}) {
        const std::string dim = std::to_string(size) + "x" + std::to_string(size);
        const fs::path png = prefix / "share" / "icons" / "hicolor" / dim / "apps" / "almalyk.png";
        INFO(png.string());
        int w = 0, h = 0, n = 0;
        unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 4);
        REQUIRE(px != nullptr);
        CHECK(w == size);
        CHECK(h == size);
        CHECK(n == 4);  // the file has an alpha channel
        auto at = [&](int x, int y) { return px + 4 * (static_cast<size_t>(y) * w + x); };
        for (const auto& c : std::array<std::array<int, 2>, 4>{{{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}}})
            CHECK(at(c[0], c[1])[3] == 0);      // the rounded tile leaves the corners clear
        CHECK(at(w / 2, h / 2)[3] == 255);      // and covers the middle
        std::set<unsigned> colours;
        for (int i = 0; i < w * h; ++i)
            if (px[4 * i + 3] == 255) colours.insert(px[4 * i] << 16 | px[4 * i + 1] << 8 | px[4 * i + 2]);
        CHECK(colours.size() > 60u);            // sky, sun, hills, benches: not a flat shape
        stbi_image_free(px);
    }
    fs::remove_all(prefix);
}

TEST_CASE("install: the manual page is clean roff and documents every mode and option --help prints") {
    const fs::path prefix = installTo("man");
    const fs::path page = prefix / "share" / "man" / "man1" / "almalyk.1.gz";
    REQUIRE(fs::exists(page));
    int rc = -1;
    const std::string roff = output("gzip -dc " + quoted(page), &rc);
    REQUIRE(rc == 0);
    const std::string warnings = output("gzip -dc " + quoted(page) + " | groff -man -ww -z", &rc);
    INFO("groff -man -ww: " << warnings);
    CHECK(rc == 0);
    CHECK(warnings.empty());

    // roff writes "--scene" as "\-\-scene".
    const std::string man = std::regex_replace(roff, std::regex(R"(\\-)"), "-");
    const std::string exe = quoted(prefix / "bin" / "almalyk");
    const std::string help = output(exe + " --help", &rc);
    REQUIRE(rc == 0);
    // The title line carries the version --version prints ("almalyk 0.1.0 (Almalyk Explorer)").
    const std::string version = output(exe + " --version");
    INFO("--version: " << version);
    REQUIRE(version.rfind("almalyk ", 0) == 0);
    CHECK(roff.find("\n.TH ALMALYK 1 \"") != std::string::npos);
    std::string title = "\"";
    title += version.substr(0, version.find(' ', 8));  // "almalyk 0.1.0"
    title += '"';
    CHECK(roff.find(title) != std::string::npos);
    std::vector<std::string> modes;
    const auto modesAt = help.find("\nModes:\n");
    REQUIRE(modesAt != std::string::npos);
    std::istringstream lines(help.substr(modesAt + 8));
    for (std::string line; std::getline(lines, line) && line.rfind("  ", 0) == 0;) modes.push_back(line.substr(2, line.find(' ', 2) - 2));
    CHECK(modes.size() >= 9);  // sim params metrics scenes faults tours shot bench video
    std::set<std::string> options;
    const std::regex option(R"(--[a-z][a-z0-9-]*)");
    auto collect = [&](const std::string& text) {
        for (std::sregex_iterator it(text.begin(), text.end(), option), end; it != end; ++it) options.insert(it->str());
    };
    collect(help);
    for (const std::string& mode : modes) {
        INFO(mode);
        std::string entry = "\n.B ";
        entry += mode;
        entry += '\n';
        CHECK(man.find(entry) != std::string::npos);  // its own entry under MODES
        collect(output(exe + " " + mode + " --help", &rc));
        CHECK(rc == 0);
    }
    CHECK(options.size() > 25);  // 29 on 2026-12-02
    for (const std::string& o : options) CHECK_MESSAGE(man.find(o) != std::string::npos, "the manual page lacks " << o);
    fs::remove_all(prefix);
}
