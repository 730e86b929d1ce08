// `almalyk video` and `almalyk bench --tour` end to end, as a user runs them: a short tour in a user's --assets
// folder (two scenes, a keyframed path, a caption with a live value) rendered to numbered PNGs twice gives the same
// frames byte for byte; a captioned frame has text in its caption band where the same tour without captions has
// none; bench --tour plays the whole tour and reports its scene change; wrong options exit 2 before rendering.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <stb_image.h>

namespace fs = std::filesystem;

namespace {

struct Run {
    int rc = -1;
    std::string out;
};

// Runs a shell command line with its output (both streams) captured.
Run runCmd(const std::string& line) {
    const fs::path log = fs::path(ALMALYK_BINARY_DIR) / "render_out" / "tour_video.log";
    fs::create_directories(log.parent_path());
    const std::string cmd = line + " > \"" + log.string() + "\" 2>&1";
    const int status = std::system(cmd.c_str());
    Run r;
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream f(log);
    std::stringstream ss;
    ss << f.rdbuf();
    r.out = ss.str();
    return r;
}

Run run(const std::string& args) { return runCmd(std::string("\"") + ALMALYK_EXE + "\" " + args); }

std::string readBytes(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

// A tour of 2 + 2.2 s: the overview from its first preset with a caption, then the pit on a keyframed path.
std::string shortTour(bool captions) {
    const std::string c1 = captions ? R"("caption": "The pit sends {mine.ore_t_h:0u} of ore",)" : "";
    const std::string c2 = captions ? R"("caption": "Kalmakyr at {clock}",)" : "";
    return R"({ "title": "Test tour", "start": "2026-06-21T11:00:00+05:00",
  "steps": [
    { "title": "Complex", "scene": "overview", "camera": 1, "fly_s": 0, "dwell_s": 2.0, )" + c1 + R"( "sim": { "speed": 60 } },
    { "title": "Pit", "scene": "pit", "fly_s": 0.5, "dwell_s": 1.7, )" + c2 + R"(
      "camera": { "keyframes": [
        { "t": 0, "target": [0, 600, 0], "yaw": 40, "pitch": 35, "distance": 2500 },
        { "t": 1.5, "target": [0, 600, 0], "yaw": 70, "pitch": 30, "distance": 1800 } ] } } ] })";
}

fs::path makeAssets(const std::string& name, bool captions) {
    const fs::path dir = fs::path(ALMALYK_BINARY_DIR) / "render_out" / name;
    fs::remove_all(dir);
    fs::create_directories(dir / "tours");
    std::ofstream(dir / "tours" / "short.json") << shortTour(captions);
    return dir;
}

std::vector<fs::path> frames(const fs::path& dir) {
    std::vector<fs::path> v;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".png") v.push_back(e.path());
    std::sort(v.begin(), v.end());
    return v;
}

struct Rgb {
    int w = 0, h = 0;
    std::vector<unsigned char> px;
};
Rgb load(const fs::path& p) {
    Rgb r;
    int n = 0;
    if (unsigned char* d = stbi_load(p.string().c_str(), &r.w, &r.h, &n, 3)) {
        r.px.assign(d, d + static_cast<std::size_t>(r.w) * r.h * 3);
        stbi_image_free(d);
    }
    return r;
}

// Pixels near white (all channels >= 225) in the band y0..y1 (fractions of the height), middle 80 % of the width.
long whitePixels(const Rgb& img, double y0, double y1) {
    long n = 0;
    for (int y = static_cast<int>(y0 * img.h); y < static_cast<int>(y1 * img.h); ++y)
        for (int x = img.w / 10; x < img.w * 9 / 10; ++x) {
            const unsigned char* p = &img.px[(static_cast<std::size_t>(y) * img.w + x) * 3];
            if (p[0] >= 225 && p[1] >= 225 && p[2] >= 225) ++n;
        }
    return n;
}

}  // namespace

TEST_CASE("video --out DIR/: the same frames on every run, captions burned into the band") {
    const fs::path assets = makeAssets("tour_video_assets", true);
    const fs::path a = fs::path(ALMALYK_BINARY_DIR) / "render_out" / "tour_video_a";
    const fs::path b = fs::path(ALMALYK_BINARY_DIR) / "render_out" / "tour_video_b";
    fs::remove_all(a);
    fs::remove_all(b);
    const std::string common = "video --assets \"" + assets.string() + "\" --tour short --size 480x270 --fps 10 --quality low";
    const Run r1 = run(common + " --out \"" + a.string() + "/\"");
    INFO(r1.out);
    REQUIRE(r1.rc == 0);
    const Run r2 = run(common + " --out \"" + b.string() + "/\"");
    INFO(r2.out);
    REQUIRE(r2.rc == 0);
    CHECK(r1.out.find("[gl] error") == std::string::npos);
    CHECK(r1.out.find("ETA") != std::string::npos);  // the progress line

    const auto fa = frames(a), fb = frames(b);
    // 4.2 s at 10 fps: 42 frames and the first, plus the one frame a scene change holds for its snapshot.
    CHECK(fa.size() >= 43);
    CHECK(fa.size() <= 45);
    REQUIRE(fa.size() == fb.size());
    int differing = 0;
    for (std::size_t i = 0; i < fa.size(); ++i)
        if (readBytes(fa[i]) != readBytes(fb[i])) ++differing;
    CHECK(differing == 0);
    // The frames move: the first and the last are different pictures (two scenes).
    CHECK(readBytes(fa.front()) != readBytes(fa.back()));

    // The same tour without captions: frame 11 (1.0 s: the caption has faded in, 0.8 s, and not yet begun to fade
    // out, the step's last 0.8 s) differs in the caption band, and the band holds near-white text only with the
    // caption.
    const fs::path plain = makeAssets("tour_video_plain", false);
    const fs::path c = fs::path(ALMALYK_BINARY_DIR) / "render_out" / "tour_video_c";
    fs::remove_all(c);
    const Run r3 = run("video --assets \"" + plain.string() + "\" --tour short --size 480x270 --fps 10 --quality low --out \"" +
                       c.string() + "/\"");
    INFO(r3.out);
    REQUIRE(r3.rc == 0);
    const auto fc = frames(c);
    REQUIRE(fc.size() > 10);
    const Rgb with = load(fa[10]), without = load(fc[10]);
    REQUIRE(with.w == 480);
    REQUIRE(without.w == 480);
    const long textWith = whitePixels(with, 0.70, 0.97), textWithout = whitePixels(without, 0.70, 0.97);
    CHECK(textWith > 150);
    CHECK(textWithout < textWith / 10);
    // Above the band the pictures are the same scene at the same moment: nearly equal.
    long diffAbove = 0;
    for (int y = 0; y < with.h / 2; ++y)
        for (int x = 0; x < with.w; ++x)
            for (int k = 0; k < 3; ++k) {
                const std::size_t i = (static_cast<std::size_t>(y) * with.w + x) * 3 + k;
                diffAbove += std::abs(static_cast<int>(with.px[i]) - static_cast<int>(without.px[i])) > 8 ? 1 : 0;
            }
    CHECK(diffAbove < with.w * with.h / 200);
}

TEST_CASE("bench --tour: the whole tour at its own pace, its scene change timed") {
    const fs::path assets = makeAssets("tour_bench_assets", true);
    const Run r = run("bench --assets \"" + assets.string() + "\" --tour short --size 320x180 --quality low");
    INFO(r.out);
    REQUIRE(r.rc == 0);
    CHECK(r.out.find("\"tour\":\"short\"") != std::string::npos);
    CHECK(r.out.find("\"scene_changes\":1") != std::string::npos);
    CHECK(r.out.find("\"scene_change_max_ms\"") != std::string::npos);
    // 4.2 s of tour at 60 frames a second.
    CHECK(r.out.find("\"frames\":253") != std::string::npos);
}

TEST_CASE("video: bad options exit 2 before anything is rendered, a missing encoder says what to do") {
    const fs::path assets = makeAssets("tour_video_bad", true);
    const std::string a = " --assets \"" + assets.string() + "\"";
    Run r = run("video" + a + " --out /tmp/x.mp4");
    CHECK(r.rc == 2);
    CHECK(r.out.find("--tour") != std::string::npos);
    r = run("video" + a + " --tour shrot --out /tmp/almalyk_x/");
    CHECK(r.rc == 2);
    CHECK(r.out.find("short") != std::string::npos);  // the closest tour name
    r = run("video" + a + " --tour short --fps 0 --out /tmp/almalyk_x/");
    CHECK(r.rc == 2);
    // Without ffmpeg on the PATH an .mp4 cannot be made: exit 1, naming the package and the PNG option.
    r = runCmd("env PATH=/nonexistent \"" + std::string(ALMALYK_EXE) + "\" video" + a +
               " --tour short --size 160x90 --out /tmp/almalyk_x.mp4");
    CHECK(r.rc == 1);
    CHECK(r.out.find("ffmpeg not found") != std::string::npos);
    CHECK(r.out.find("--out DIR/") != std::string::npos);
}

TEST_CASE("video --out FILE.mp4: ffmpeg makes an MP4 of every frame, the same bytes twice, nothing left behind") {
    // scripts/deps installs ffmpeg: the export a delegation's video team uses is tested, not skipped.
    REQUIRE(std::system("command -v ffmpeg > /dev/null 2>&1") == 0);
    const fs::path assets = makeAssets("tour_mp4_assets", true);
    const fs::path dir = fs::path(ALMALYK_BINARY_DIR) / "render_out" / "tour_mp4";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string common = "video --assets \"" + assets.string() + "\" --tour short --size 320x180 --fps 10 --quality low";
    const Run r1 = run(common + " --out \"" + (dir / "a.mp4").string() + "\"");
    INFO(r1.out);
    REQUIRE(r1.rc == 0);
    const Run r2 = run(common + " --out \"" + (dir / "b.mp4").string() + "\"");
    REQUIRE(r2.rc == 0);
    const std::string a = readBytes(dir / "a.mp4"), b = readBytes(dir / "b.mp4");
    REQUIRE(a.size() > 1000);
    CHECK(a.substr(4, 4) == "ftyp");  // an ISO base media file
    CHECK(a == b);
    CHECK_FALSE(fs::exists(dir / "a.mp4.part"));
    // ffprobe counts the frames the encoder received.
    const Run probe = runCmd("ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames "
                             "-of csv=p=0 \"" + (dir / "a.mp4").string() + "\"");
    REQUIRE(probe.rc == 0);
    const int n = std::atoi(probe.out.c_str());
    CHECK(n >= 43);
    CHECK(n <= 45);
}
