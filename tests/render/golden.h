// tests/render/golden.h — golden-image render tests as data: a JSON cases file (tests/render/golden_cases.json), each
// case an `almalyk shot` (scene, camera, start, size, quality, --ui, --set ...) compared with a committed reference
// PNG (tests/render/golden/<name>.png) under a tolerance; on failure the actual picture and an amplified diff image are
// written beside the other render outputs (build/render_out/golden/) and their paths printed. docs/render_tests.md.
// Use: std::string why; auto cs = loadGoldenCases(path, &why);  if (!cs) FAIL(why);
//      for (const GoldenCase& c : cs->cases) { Shot s = runShot(shotArgs(c), ...); GoldenDiff d = compareGolden(...); }
// Comparison: both pictures are box-blurred (radius blurRadius, 1 = 3x3) so a one-pixel shift of an edge or a
// rasteriser's different tie-break barely counts, then a pixel "differs" when any channel is off by more than
// threshold; the case fails when the differing fraction exceeds maxFraction or the mean absolute channel error (on the
// blurred pictures) exceeds maxMeanError.
// Errors: loadGoldenCases returns nullopt and a message naming the file, the case (index and name) and the field
//   ("golden_cases.json: cases[3] \"pit_noon\": field \"qualty\" is not known (known: ...)").
// Does NOT: run anything (runShot does) or decide where the goldens live (the test does: ALMALYK_SOURCE_DIR).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct GoldenTolerance {
    int threshold = 24;          // per-channel difference (0..255) after the blur above which a pixel differs
    double maxFraction = 0.005;  // most of the pixels that may differ (0..1)
    double maxMeanError = 2.0;   // most mean absolute channel error (0..255) after the blur
    int blurRadius = 1;          // box blur radius before comparing (0 = none, 1 = 3x3, 2 = 5x5)
};

struct GoldenCase {
    std::string name;            // file stem of the reference: [a-z0-9_-]+, unique
    std::string scene;           // --scene (required)
    std::string camera;          // --camera N|NAME; empty = the scene's first preset
    std::string start;           // --start ISO 8601 (required: a golden must not depend on a default)
    int width = 480, height = 270;
    std::string quality = "low"; // --quality low|high
    double warmupHours = 0.0;    // --warmup-hours
    bool ui = false;             // --ui
    std::string lang;            // --lang CODE; empty = English
    std::vector<std::pair<std::string, std::string>> sets;  // --set NAME=VALUE, in the file's order
    std::string extraArgs;       // "args": more shot options, appended as written
    GoldenTolerance tolerance;
};

struct GoldenCases {
    std::string file;
    std::vector<GoldenCase> cases;
};

// Reads and validates a cases file. `text` given: parsed instead of reading `file` (the file name still names it in
// messages). Every field is checked (type, range, format); unknown fields are refused, so a typo never silently
// leaves a default in place.
std::optional<GoldenCases> loadGoldenCases(const std::string& file, std::string* why,
                                           const std::optional<std::string>& text = std::nullopt);

// The `almalyk shot` options of a case, without --out.
std::string shotArgs(const GoldenCase& c);

struct RgbImage {
    int w = 0, h = 0;
    std::vector<unsigned char> px;  // RGB, row-major from the top
};

struct GoldenDiff {
    bool sizeMismatch = false;
    double fraction = 0.0;       // pixels over the threshold after the blur, 0..1
    double meanError = 0.0;      // mean absolute channel difference after the blur, 0..255
    int maxError = 0;            // largest channel difference after the blur
    RgbImage image;              // the diff picture: the actual picture dimmed to grey, the difference x8 in cyan,
                                 // pure red where a pixel is over the threshold
    bool pass(const GoldenTolerance& t) const {
        return !sizeMismatch && fraction <= t.maxFraction && meanError <= t.maxMeanError;
    }
};

// Box blur of radius r (clamped at the edges); r = 0 returns the picture unchanged.
RgbImage boxBlur(const RgbImage& in, int r);
GoldenDiff compareGolden(const RgbImage& expected, const RgbImage& actual, const GoldenTolerance& t);

// PNG I/O for the goldens (stb). readRgbPng: false when the file is missing or unreadable. writeRgbPng writes at
// zlib's highest level (the goldens are committed).
bool readRgbPng(const std::string& path, RgbImage& out);
bool writeRgbPng(const std::string& path, const RgbImage& img);
