// `almalyk shot` when its picture cannot be written (issue 16): exit 1 with the reason, never "wrote" and exit 0.
// The write path itself (a full disk leaves the previous PNG) is tested in tests/engine/test_screenshot.cpp.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;

TEST_CASE("shot --out onto a device that is full: exit 1, the reason, no 'wrote' (issue 16)") {
    // Before: stb ignored its fwrite errors: "almalyk shot: wrote ..." and exit 0 with nothing (or a fragment) written.
    const fs::path dir = fs::path(ALMALYK_BINARY_DIR) / "render_out" / "shot_full";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path png = dir / "full.png";
    fs::create_symlink("/dev/full", png);  // a .png name whose every write fails with ENOSPC
    const fs::path log = dir / "log.txt";
    const std::string cmd = std::string("\"") + ALMALYK_EXE + "\" shot --scene pit --size 160x90 --quality low --out \"" +
                            png.string() + "\" > \"" + log.string() + "\" 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream f(log);
    std::stringstream text;
    text << f.rdbuf();
    INFO(text.str());
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(text.str().find("almalyk shot: " + png.string() + ": write failed: No space left on device") !=
          std::string::npos);
    CHECK(text.str().find("wrote") == std::string::npos);
    fs::remove_all(dir);
}
