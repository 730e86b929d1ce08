// Golden-image render tests (tests/render/golden.h, docs/render_tests.md): every case of tests/render/golden_cases.json
// is shot and compared with tests/render/golden/<name>.png; a failure writes <name>.actual.png, <name>.diff.png and
// <name>.expected.png under build/render_out/golden/ and prints their paths. ctest runs these as the "golden" test.
// Regenerate the references with scripts/golden --update (ALMALYK_GOLDEN_UPDATE=1); ALMALYK_GOLDEN_ONLY=a,b runs only
// the named cases. Also here: the cases file's validation and the comparison itself on synthetic pictures.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <set>
#include <sstream>
#include <string>

#include "golden.h"
#include "render_shot.h"

namespace fs = std::filesystem;

namespace {

const fs::path kGoldenDir = fs::path(ALMALYK_SOURCE_DIR) / "tests" / "render" / "golden";
const fs::path kCasesFile = fs::path(ALMALYK_SOURCE_DIR) / "tests" / "render" / "golden_cases.json";

std::string loadError(const std::string& text) {
    std::string why;
    const auto cs = loadGoldenCases("bad_cases.json", &why, text);
    return cs ? std::string("(accepted)") : why;
}

bool wanted(const std::string& name) {
    const char* only = std::getenv("ALMALYK_GOLDEN_ONLY");
    if (!only || !*only) return true;
    std::stringstream ss(only);
    for (std::string n; std::getline(ss, n, ',');)
        if (n == name) return true;
    return false;
}

// A picture of w x h: a vertical edge at x = edge (dark left, light right) over a horizontal gradient.
RgbImage edgePicture(int w, int h, int edge) {
    RgbImage im{w, h, std::vector<unsigned char>(static_cast<std::size_t>(w) * h * 3)};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &im.px[(static_cast<std::size_t>(y) * w + x) * 3];
            p[0] = static_cast<unsigned char>(x < edge ? 40 : 200);
            p[1] = static_cast<unsigned char>(60 + y);
            p[2] = static_cast<unsigned char>(x < edge ? 90 : 150);
        }
    return im;
}

}  // namespace

TEST_CASE("golden cases file: a bad file is refused with a message naming the file, the case and the field") {
    const std::string ok = R"({"cases": [{"name": "a", "scene": "pit", "start": "2026-06-21T12:30:00+05:00"}]})";
    CHECK(loadError(ok) == "(accepted)");
    struct Bad {
        const char* text;
        const char* expect;  // a part the message must contain
    };
    const Bad bad[] = {
        {"{\"cases\": [", "bad_cases.json: not valid JSON"},
        {R"({"cases": []})", "bad_cases.json: cases: expected a non-empty array"},
        {R"({"casez": []})", "bad_cases.json: (top level): field \"casez\" is not known"},
        {R"({"cases": [{"scene": "pit"}]})", "bad_cases.json: cases[0]: field \"name\" is missing"},
        {R"({"cases": [{"name": "a", "start": "x"}]})", "cases[0] \"a\": field \"scene\" is missing"},
        {R"({"cases": [{"name": "a", "scene": "pit", "start": "x", "qualty": "low"}]})",
         "cases[0] \"a\": field \"qualty\" is not known (known: name, scene"},
        {R"({"cases": [{"name": "a", "scene": "pit", "start": "x", "quality": "auto"}]})",
         "cases[0] \"a\".quality: expected \"low\" or \"high\""},
        {R"({"cases": [{"name": "a", "scene": "pit", "start": "x", "size": "480*270"}]})",
         "cases[0] \"a\".size: expected \"WxH\""},
        {R"({"cases": [{"name": "a", "scene": "pit", "start": "x", "size": 480}]})",
         "cases[0] \"a\".size: expected a string, got 480"},
        {R"({"cases": [{"name": "a", "scene": "pit", "start": "x", "tolerance": {"max_fraction": 2}}]})",
         "cases[0] \"a\".tolerance.max_fraction: value 2 is out of range [0, 1]"},
        {R"({"cases": [{"name": "a", "scene": "pit", "start": "x", "tolerance": {"treshold": 3}}]})",
         "cases[0] \"a\".tolerance: field \"treshold\" is not known"},
        {R"({"cases": [{"name": "a", "scene": "pit", "start": "x", "ui": "yes"}]})",
         "cases[0] \"a\".ui: expected true or false"},
        {R"({"cases": [{"name": "a", "scene": "pit", "start": "x", "set": {"mine.trucks": [1]}}]})",
         "cases[0] \"a\".set.mine.trucks: expected a number or a string"},
        {R"({"cases": [{"name": "a", "scene": "pit", "start": "x", "args": "--out x.png"}]})",
         "cases[0] \"a\".args: \"--out\""},
        {R"({"cases": [{"name": "Pit Noon", "scene": "pit", "start": "x"}]})", "cases[0].name: \"Pit Noon\" is not"},
        {R"({"cases": [{"name": "a", "scene": "pit", "start": "x"}, {"name": "a", "scene": "pit", "start": "x"}]})",
         "cases[1] \"a\".name: a second case has this name"},
        {R"({"defaults": {"name": "x"}, "cases": [{"name": "a", "scene": "pit", "start": "x"}]})",
         "defaults: field \"name\" is not known"},
    };
    for (const Bad& b : bad) {
        const std::string msg = loadError(b.text);
        INFO("file: " << b.text << "\nmessage: " << msg);
        CHECK(msg.find(b.expect) != std::string::npos);
    }
    std::string why;
    CHECK_FALSE(loadGoldenCases("/nonexistent/golden_cases.json", &why));
    CHECK(why.find("/nonexistent/golden_cases.json: cannot read") == 0);

    // Defaults apply and a case overrides them field by field.
    const auto cs = loadGoldenCases("x.json", &why, R"({"defaults": {"size": "320x180", "quality": "high",
        "tolerance": {"threshold": 10}}, "cases": [{"name": "a", "scene": "pit", "start": "s", "camera": 2,
        "set": {"mine.trucks": 30}, "tolerance": {"max_fraction": 0.1}}]})");
    REQUIRE(cs);
    const GoldenCase& c = cs->cases.at(0);
    CHECK(c.width == 320);
    CHECK(c.height == 180);
    CHECK(c.quality == "high");
    CHECK(c.tolerance.threshold == 10);
    CHECK(c.tolerance.maxFraction == doctest::Approx(0.1));
    CHECK(shotArgs(c) == "--scene pit --size 320x180 --quality high --start s --camera \"2\" --set mine.trucks=30");
}

TEST_CASE("golden comparison: rasterisation noise passes, a shifted edge is tolerated, real changes fail") {
    const RgbImage ref = edgePicture(100, 60, 50);
    const GoldenTolerance t;  // the defaults the cases file uses

    GoldenDiff same = compareGolden(ref, ref, t);
    CHECK(same.pass(t));
    CHECK(same.fraction == 0.0);
    CHECK(same.meanError == 0.0);

    // Noise of +-6 on every other pixel (a dithering or rounding change) stays under the threshold after the blur.
    RgbImage noisy = ref;
    for (std::size_t i = 0; i < noisy.px.size(); i += 6) noisy.px[i] = static_cast<unsigned char>(noisy.px[i] + 6);
    CHECK(compareGolden(ref, noisy, t).pass(t));

    // The edge one pixel to the right: column 50 changes by 160 in red, 1/100 of the pixels. The 3x3 blur spreads
    // that to 160/3 = 53 over columns 49-51, still over the threshold of 24: 3/100 of the pixels. A case whose
    // edges may move by a pixel needs max_fraction above that; the default 0.005 refuses it.
    const RgbImage shifted = edgePicture(100, 60, 51);
    const GoldenDiff sd = compareGolden(ref, shifted, t);
    CHECK(sd.fraction == doctest::Approx(3.0 / 100.0));
    CHECK(std::abs(sd.maxError - 53) <= 1);  // 160 / 3, rounded per picture
    GoldenTolerance loose = t;
    loose.maxFraction = 0.035;
    CHECK(sd.pass(loose));
    CHECK_FALSE(sd.pass(t));

    // A real change: a quarter of the picture darker by 40 (a lost light, a wrong colour).
    RgbImage dark = ref;
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 50; ++x)
            for (int c = 0; c < 3; ++c) {
                unsigned char& v = dark.px[(static_cast<std::size_t>(y) * 100 + x) * 3 + c];
                v = static_cast<unsigned char>(std::max(0, v - 40));
            }
    const GoldenDiff dd = compareGolden(ref, dark, loose);
    CHECK_FALSE(dd.pass(loose));
    CHECK(dd.fraction > 0.2);
    // The diff picture marks the changed quarter red and leaves the far corner grey.
    CHECK(dd.image.px[(10 * 100 + 10) * 3 + 0] == 255);
    CHECK(dd.image.px[(10 * 100 + 10) * 3 + 1] == 0);
    CHECK(dd.image.px[(50 * 100 + 90) * 3 + 0] == dd.image.px[(50 * 100 + 90) * 3 + 1]);  // no difference: grey

    // A different size never passes.
    CHECK_FALSE(compareGolden(ref, edgePicture(99, 60, 50), loose).pass(loose));

    // The blur keeps a flat picture flat and a mean: an independent check of the box filter.
    const RgbImage blurred = boxBlur(ref, 1);
    long sumA = 0, sumB = 0;
    for (int y = 0; y < 60; ++y) sumA += ref.px[(y * 100 + 10) * 3 + 1], sumB += blurred.px[(y * 100 + 10) * 3 + 1];
    CHECK(std::abs(sumA - sumB) <= 60);  // green is a vertical ramp: a column's sum survives (edges clamp, +-1 rounding)
    CHECK(blurred.px[(30 * 100 + 20) * 3 + 0] == 40);
}

TEST_CASE("golden images: every case of tests/render/golden_cases.json matches its reference") {
    std::string why;
    const auto cases = loadGoldenCases(kCasesFile.string(), &why);
    REQUIRE_MESSAGE(cases, why);
    const bool update = std::getenv("ALMALYK_GOLDEN_UPDATE") && std::string(std::getenv("ALMALYK_GOLDEN_UPDATE")) == "1";
    const fs::path outDir = fs::path(ALMALYK_BINARY_DIR) / "render_out" / "golden";
    fs::create_directories(outDir);
    if (update) fs::create_directories(kGoldenDir);

    std::set<std::string> names;
    int ran = 0;
    for (const GoldenCase& c : cases->cases) {
        names.insert(c.name + ".png");
        if (!wanted(c.name)) continue;
        ++ran;
        const fs::path golden = kGoldenDir / (c.name + ".png");
        INFO("golden case \"" << c.name << "\": almalyk shot " << shotArgs(c));
        const Shot s = runShot(shotArgs(c), "golden/" + c.name);
        checkRenderedShot(s, c.width, c.height, 20);
        const RgbImage actual{s.w, s.h, s.px};
        if (update) {
            CHECK_MESSAGE(writeRgbPng(golden.string(), actual), "cannot write " << golden.string());
            MESSAGE("updated " << golden.string());
            continue;
        }
        RgbImage expected;
        if (!readRgbPng(golden.string(), expected)) {
            FAIL_CHECK("no reference picture " << golden.string() << " (scripts/golden --update makes it; the actual "
                                                "picture is " << (outDir / (c.name + ".png")).string() << ")");
            continue;
        }
        const GoldenDiff d = compareGolden(expected, actual, c.tolerance);
        const fs::path diffPng = outDir / (c.name + ".diff.png"), actualPng = outDir / (c.name + ".actual.png"),
                       expectedPng = outDir / (c.name + ".expected.png");
        for (const fs::path& p : {diffPng, actualPng, expectedPng}) fs::remove(p);
        if (!d.sizeMismatch) {
            std::ostringstream m;
            m << "golden \"" << c.name << "\": " << std::fixed << std::setprecision(3) << d.fraction * 100.0
              << " % over the threshold, mean error " << d.meanError << ", largest " << d.maxError;
            MESSAGE(m.str());
        }
        if (d.pass(c.tolerance)) continue;
        writeRgbPng(actualPng.string(), actual);
        writeRgbPng(expectedPng.string(), expected);
        if (!d.sizeMismatch) writeRgbPng(diffPng.string(), d.image);
        std::ostringstream msg;
        msg << "golden \"" << c.name << "\" differs from " << golden.string() << ":\n  ";
        if (d.sizeMismatch)
            msg << "size " << actual.w << 'x' << actual.h << ", reference " << expected.w << 'x' << expected.h;
        else
            msg << std::fixed << std::setprecision(2) << d.fraction * 100.0 << " % of pixels over " << c.tolerance.threshold << " (limit "
                << c.tolerance.maxFraction * 100.0 << " %), mean error " << d.meanError << " (limit "
                << c.tolerance.maxMeanError << "), largest " << d.maxError;
        msg << "\n  actual:   " << actualPng.string() << "\n  expected: " << expectedPng.string();
        if (!d.sizeMismatch) msg << "\n  diff:     " << diffPng.string() << " (red: over the threshold)";
        msg << "\n  if the change is intended: scripts/golden --update";
        FAIL_CHECK(msg.str());
    }
    CHECK(ran > 0);
    // Every reference belongs to a case (a renamed case leaves no stale picture behind); --update removes strays.
    if (fs::exists(kGoldenDir))
        for (const auto& e : fs::directory_iterator(kGoldenDir)) {
            const std::string f = e.path().filename().string();
            if (names.count(f)) continue;
            if (update && e.path().extension() == ".png") {
                fs::remove(e.path());
                MESSAGE("removed " << e.path().string() << " (no case of that name)");
            } else {
                CHECK_MESSAGE(names.count(f), e.path().string() << " belongs to no case in " << kCasesFile.string());
            }
        }
}
