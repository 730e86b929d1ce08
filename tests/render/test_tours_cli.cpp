// `almalyk tours` as a user runs it (docs/tours.md): the built executable, a folder laid out like assets/ with a tour
// of their own (listed, tab-separated, exit 0), then the same folder with a broken tour beside it (named on stderr
// with its file, field or FILE:LINE:COLUMN and the closest known name, exit 2, the good tour still listed).
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Run {
    int rc = -1;
    std::string out, err;
};

std::string readText(const fs::path& p) {
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

Run almalyk(const std::string& args, const fs::path& dir) {
    const fs::path out = dir / "stdout.txt", err = dir / "stderr.txt";
    const std::string cmd = std::string("\"") + ALMALYK_EXE + "\" " + args + " > \"" + out.string() + "\" 2> \"" +
                            err.string() + "\"";
    const int status = std::system(cmd.c_str());
    return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, readText(out), readText(err)};
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("tours cli: almalyk tours on a good and a broken --assets folder") {
    const fs::path dir = fs::temp_directory_path() / ("almalyk_tours_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "assets" / "tours");
    const fs::path good = dir / "assets" / "tours" / "visitors.json";
    std::ofstream(good) << R"j({
      // A user's own tour: comments are allowed.
      "title": "Visitors' day",
      "steps": [
        { "scene": "overview", "camera": 1, "fly_s": 0, "dwell_s": 8, "caption": "It is {clock} in Almalyk" },
        { "scene": "pit", "camera": "ramp", "dwell_s": 9, "sim": { "speed": 120, "faults": "transport.crusher" },
          "actions": ["follow(truck:3)"], "caption": "{mine.trucks_queued:0} trucks queue" }
      ]
    })j";
    const std::string assets = "--assets \"" + (dir / "assets").string() + "\"";

    const Run ok = almalyk("tours " + assets, dir);
    CHECK_MESSAGE(ok.rc == 0, ok.err);
    CHECK(ok.err.empty());
    CHECK(ok.out.rfind("name\ttitle\tsteps\tduration_s\tfile\n", 0) == 0);
    CHECK(contains(ok.out, "\nvisitors\tVisitors' day\t2\t20\t" + good.string() + "\n"));  // 8 + (3 + 9) s

    std::ofstream(dir / "assets" / "tours" / "typo.json") << R"({"steps": [{"scene": "pit", "dwell_s": 5,
        "sim": {"set": {"mine.truks": 30}}}]})";
    std::ofstream(dir / "assets" / "tours" / "syntax.json") << "{\"steps\": [\n  {\"scene\": \"pit\"\n]}";
    const Run bad = almalyk("tours " + assets, dir);
    CHECK(bad.rc == 2);
    CHECK(contains(bad.out, "\nvisitors\tVisitors' day\t2\t20\t"));
    CHECK_FALSE(contains(bad.out, "typo"));
    CHECK(contains(bad.err, "almalyk tours: " + (dir / "assets" / "tours" / "typo.json").string() +
                                ": steps[0].sim.set.mine.truks: unknown parameter 'mine.truks'; did you mean mine.trucks"));
    CHECK(contains(bad.err, "almalyk tours: " + (dir / "assets" / "tours" / "syntax.json").string() + ":3:1: malformed JSON"));

    fs::remove_all(dir);
}
