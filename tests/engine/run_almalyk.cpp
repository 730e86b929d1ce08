#include "run_almalyk.h"

#include <doctest/doctest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "app/cli.h"

std::string slurp(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::filesystem::path tempDir(const std::string& tag) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("almalyk_test_" + tag + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

RunResult runAlmalyk(std::initializer_list<const char*> args) {
    std::vector<std::string> storage{"almalyk"};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto dir = tempDir("run");
    const auto outPath = dir / "stdout.txt", errPath = dir / "stderr.txt";
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = ::dup(1), savedErr = ::dup(2);
    REQUIRE(std::freopen(outPath.c_str(), "w", stdout) != nullptr);
    REQUIRE(std::freopen(errPath.c_str(), "w", stderr) != nullptr);
    RunResult r;
    r.code = app::parseAndRun(static_cast<int>(storage.size()), argv.data());
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(savedOut, 1);
    ::dup2(savedErr, 2);
    ::close(savedOut);
    ::close(savedErr);
    r.out = slurp(outPath);
    r.err = slurp(errPath);
    std::filesystem::remove_all(dir);
    return r;
}

SmallDisk::SmallDisk(const std::string& tag) : dir(tempDir(tag)) {
    if (::mount("tmpfs", dir.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=64k") == 0) {
        mounted = true;
        reason = "No space left on device";
    } else {
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        rlimit small = m_saved;
        small.rlim_cur = 64 * 1024;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        m_oldXfsz = std::signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG instead of killing the process
        reason = "File too large";
    }
}

SmallDisk::~SmallDisk() {
    if (mounted) {
        ::umount2(dir.c_str(), MNT_DETACH);
    } else {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldXfsz);
    }
    std::filesystem::remove_all(dir);
}

void SmallDisk::readOnly() {
    REQUIRE(mounted);
    REQUIRE(::mount("tmpfs", dir.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=64k") == 0);
}
