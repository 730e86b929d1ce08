// engine/atomic_file: the previous file survives every failure — a full disk (a real 64 KiB tmpfs where this process
// may mount one, else a real file-size limit), a read-only file system, a failed rename, a killed writer — and the
// reason is in the message (issue 16, item 2).
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/atomic_file.h"
#include "run_almalyk.h"

namespace fs = std::filesystem;

namespace {

void put(const fs::path& p, const std::string& bytes) {
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f << bytes;
}

// Everything in a folder but `keep`: a temporary file left behind shows up here.
std::vector<std::string> othersIn(const fs::path& dir, const std::string& keep) {
    std::vector<std::string> v;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename() != keep) v.push_back(e.path().filename().string());
    return v;
}

}  // namespace

TEST_CASE("atomic file: replaces the target only at commit, keeps its permission bits, leaves no temporary file") {
    const fs::path dir = tempDir("atomic");
    const fs::path target = dir / "out.csv";
    put(target, "old\n");
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    {
        eng::AtomicFile f;
        std::string why;
        REQUIRE(f.open(target.string(), &why));
        f.stream() << "new " << 42 << '\n';
        CHECK(slurp(target) == "old\n");  // nothing reaches the target before commit
        CHECK(othersIn(dir, "out.csv").size() == 1);
        CHECK_MESSAGE(f.commit(&why), why);
    }
    CHECK(slurp(target) == "new 42\n");
    CHECK((fs::status(target).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(othersIn(dir, "out.csv").empty());

    // Abandoned without commit (an exception, an early return): the target stays, the temporary file goes.
    {
        eng::AtomicFile f;
        REQUIRE(f.open(target.string(), nullptr));
        f.write("partial", 7);
    }
    CHECK(slurp(target) == "new 42\n");
    CHECK(othersIn(dir, "out.csv").empty());

    // Through a link: the file it names is replaced and the link stays a link.
    const fs::path link = dir / "link.csv";
    fs::create_symlink(target, link);
    std::string why;
    CHECK_MESSAGE(eng::writeFileAtomic(link.string(), "via link\n", &why), why);
    CHECK(fs::is_symlink(link));
    CHECK(slurp(target) == "via link\n");
    fs::remove_all(dir);
}

TEST_CASE("atomic file: a full disk leaves the previous file whole and says why (issue 16)") {
    // Before: the CSV was truncated at the start, so a full disk replaced the previous file with a 64 KiB fragment cut
    // mid-row, and the message was only "write failed".
    SmallDisk disk("atomic_full");
    const fs::path target = disk.dir / "run.csv";
    const std::string previous(20 * 1024, 'p');
    put(target, previous);
    const std::string big(100 * 1024, 'n');
    std::string why;
    CHECK_FALSE(eng::writeFileAtomic(target.string(), big, &why));
    CHECK(why == target.string() + ": write failed: " + disk.reason);
    CHECK(slurp(target) == previous);
    CHECK(othersIn(disk.dir, "run.csv").empty());

    // The same through the stream, row by row: it goes bad, and commit reports the first failure.
    eng::AtomicFile f;
    REQUIRE(f.open(target.string(), &why));
    for (int i = 0; i < 10000; ++i) f.stream() << "2026-06-21T10:00:00+05:00,1.000,2.000,3.000\n";
    CHECK_FALSE(f.stream().good());
    CHECK(f.failed());
    CHECK_FALSE(f.commit(&why));
    CHECK(why.find(disk.reason) != std::string::npos);
    CHECK(slurp(target) == previous);
}

TEST_CASE("atomic file: /dev/full, a read-only file system and a failed rename each say why and keep the old file") {
    std::string why;
    // A target that is not a regular file is written in place (nothing to rename over), with the same checks.
    CHECK_FALSE(eng::writeFileAtomic("/dev/full", "x", &why));
    CHECK(why == "/dev/full: write failed: No space left on device");

    // A rename that fails for real: the target became a folder with a file in it between open and commit.
    const fs::path dir = tempDir("atomic_rename");
    const fs::path target = dir / "shot.png";
    eng::AtomicFile f;
    REQUIRE(f.open(target.string(), &why));
    f.write("png", 3);
    fs::create_directories(target);
    put(target / "keep.txt", "kept");
    CHECK_FALSE(f.commit(&why));
    CHECK(why == target.string() + ": rename failed: Is a directory");
    CHECK(slurp(target / "keep.txt") == "kept");
    CHECK(othersIn(dir, "shot.png").empty());
    fs::remove_all(dir);

    // A folder as the target is refused at open.
    const fs::path folder = tempDir("atomic_folder");
    CHECK_FALSE(eng::writeFileAtomic(folder.string(), "x", &why));
    CHECK(why == folder.string() + ": is a folder");
    fs::remove_all(folder);

    // A read-only file system refuses even root: a remounted tmpfs where that is possible, else a folder without write
    // permission for a user who is not root.
    SmallDisk disk("atomic_ro");
    put(disk.dir / "old.csv", "old");
    if (disk.mounted) {
        disk.readOnly();
        CHECK_FALSE(eng::writeFileAtomic((disk.dir / "old.csv").string(), "new", &why));
        CHECK(why == (disk.dir / "old.csv").string() + ": cannot create a file in its folder: Read-only file system");
    } else if (::geteuid() != 0) {
        fs::permissions(disk.dir, fs::perms::owner_read | fs::perms::owner_exec);
        CHECK_FALSE(eng::writeFileAtomic((disk.dir / "old.csv").string(), "new", &why));
        CHECK(why == (disk.dir / "old.csv").string() + ": cannot create a file in its folder: Permission denied");
        fs::permissions(disk.dir, fs::perms::owner_all);
    } else {  // root that may not mount: /proc takes no new files from anyone
        CHECK_FALSE(eng::writeFileAtomic("/proc/almalyk_test.csv", "new", &why));
        CHECK(why.rfind("/proc/almalyk_test.csv: cannot create a file in its folder: ", 0) == 0);
    }
    CHECK(slurp(disk.dir / "old.csv") == "old");
}

TEST_CASE("atomic file: a writer killed mid-file leaves the previous file as it was") {
    const fs::path dir = tempDir("atomic_kill");
    const fs::path target = dir / "run.csv";
    put(target, "the good run\n");
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        eng::AtomicFile f;
        if (!f.open(target.string(), nullptr)) ::_exit(3);
        for (int i = 0; i < 100000; ++i) f.write("a row that is cut short,", 24);
        ::raise(SIGKILL);  // no destructor, no commit: as `kill -9` or a power cut mid-run
        ::_exit(4);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(slurp(target) == "the good run\n");
    // What the killed writer leaves is its temporary file beside the target, named so that it is hidden and traceable.
    const auto left = othersIn(dir, "run.csv");
    REQUIRE(left.size() == 1);
    CHECK(left[0].rfind(".run.csv.tmp-" + std::to_string(child) + "-", 0) == 0);
    fs::remove_all(dir);
}

TEST_CASE("sameFile: one file under different spellings, links and hard links; different files apart") {
    const fs::path dir = tempDir("same_file");
    put(dir / "a.json", "{}");
    fs::create_directories(dir / "sub");
    fs::create_symlink(dir / "a.json", dir / "sub" / "link.json");
    fs::create_hard_link(dir / "a.json", dir / "hard.json");
    CHECK(eng::sameFile((dir / "a.json").string(), (dir / "sub" / ".." / "a.json").string()));
    CHECK(eng::sameFile((dir / "a.json").string(), (dir / "sub" / "link.json").string()));
    CHECK(eng::sameFile((dir / "hard.json").string(), (dir / "a.json").string()));
    CHECK(eng::sameFile((dir / "new.csv").string(), (dir / "sub" / ".." / "new.csv").string()));  // neither exists
    CHECK_FALSE(eng::sameFile((dir / "a.json").string(), (dir / "new.csv").string()));
    CHECK_FALSE(eng::sameFile((dir / "x.csv").string(), (dir / "y.csv").string()));
    fs::remove_all(dir);
}
