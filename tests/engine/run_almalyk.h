// tests/engine/run_almalyk.h — the engine tests' way to run the program end to end in-process: app::parseAndRun
// (what main() calls) with stdout and stderr sent to files, as a shell would; and a small disk to fill.
// Use: const RunResult r = runAlmalyk({"sim", "--hours", "2", "--csv", path.c_str()}); CHECK(r.code == 0);
//      SmallDisk disk("tag"); ... write past 64 KiB under disk.dir: it fails with disk.reason ...
// Does NOT: start a process (a crash takes the test down with it) or open a window.
#pragma once
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <initializer_list>
#include <string>

struct RunResult {
    int code = -1;
    std::string out, err;
};

RunResult runAlmalyk(std::initializer_list<const char*> args);

// The whole file as bytes; "" when it cannot be read.
std::string slurp(const std::filesystem::path& p);

// A fresh empty folder under the system temp folder, named for this process and `tag`.
std::filesystem::path tempDir(const std::string& tag = "cli");

// A folder whose file system holds 64 KiB: a tmpfs mounted there where this process may mount (root), else a
// file-size limit of 64 KiB on this process (RLIMIT_FSIZE). Either way a write past 64 KiB really fails in the kernel;
// `reason` is the strerror a message must carry ("No space left on device" or "File too large").
struct SmallDisk {
    explicit SmallDisk(const std::string& tag);
    ~SmallDisk();
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    void readOnly();  // remounts the tmpfs read-only; only when mounted
    std::filesystem::path dir;
    bool mounted = false;
    std::string reason;

private:
    rlimit m_saved{};
    void (*m_oldXfsz)(int) = SIG_DFL;
};
