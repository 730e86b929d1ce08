// tests/render/render_shot.h — the render tests' one way to run `almalyk shot` and read back what it made.
// Use: const Shot s = runShot("--scene pit --size 320x180 --start 2026-06-21T12:30:00+05:00", "pit_noon");
//      REQUIRE(s.ok()); CHECK(meanLuma(s) > 90.0);
// runShot writes ALMALYK_BINARY_DIR/render_out/<name>.png and <name>.log (stdout and stderr), removing a stale PNG
// first so a failed run can never be judged on an old picture.
// Errors: none thrown; a run that fails leaves rc != 0 and px empty, and the log says why.
// Does NOT: pass --out (it adds it) or any other option; judge the picture (the tests do).
#pragma once
#include <string>
#include <vector>

struct Shot {
    int rc = -1;                     // the exit status; -1 when the process did not exit normally
    int w = 0, h = 0;                // 0 when no PNG could be read
    std::vector<unsigned char> px;   // RGB, row-major from the top
    std::string log;
    bool ok() const { return rc == 0 && w > 0; }
};

// Runs `almalyk shot <args> --out <png>` and loads the PNG (if any) and the log.
Shot runShot(const std::string& args, const std::string& name);
// Fraction of pixels in rows [y0, y1) that differ by more than 24 in any channel (two shots of one size).
double changedFraction(const Shot& a, const Shot& b, int y0, int y1);

// The checks every scene's picture must pass: exit 0, the asked size, no "[gl] error" or "[gl] warning" in the log,
// and not uniform (the spread between the darkest and brightest channel value exceeds minSpread). Doctest CHECKs;
// stops the test case (REQUIRE) when no picture of that size came back.
void checkRenderedShot(const Shot& s, int w, int h, int minSpread);

// Mean Rec. 709 luma (0..255) of rows [y0 * h, y1 * h); 0 when that range is empty.
double meanLuma(const Shot& s, double y0 = 0.0, double y1 = 1.0);
