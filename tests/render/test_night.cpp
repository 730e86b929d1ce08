// Night scenes read (issue 15): the moon lights the ground, lamps light what is under them, windows glow, stars show.
// References: the same view by day and on a moonless night, and the picture's own regions (a floodlit pool against
// the open floor around it), never a luma figure copied from the implementation.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/render/render_shot.h"

namespace {
// Mean Rec. 709 luma of a rectangle given in fractions of the picture.
double regionLuma(const Shot& s, double x0, double y0, double x1, double y1) {
    double sum = 0.0;
    int n = 0;
    for (int y = static_cast<int>(y0 * s.h); y < static_cast<int>(y1 * s.h); ++y)
        for (int x = static_cast<int>(x0 * s.w); x < static_cast<int>(x1 * s.w); ++x) {
            const unsigned char* p = &s.px[static_cast<std::size_t>((y * s.w + x) * 3)];
            sum += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
            ++n;
        }
    return n ? sum / n : 0.0;
}
// Pixels much brighter than all 8 neighbours at distance 2 (point lights: stars, lit windows).
int brightPoints(const Shot& s, double x0, double y0, double x1, double y1, int margin) {
    int count = 0;
    auto L = [&](int x, int y) {
        const unsigned char* p = &s.px[static_cast<std::size_t>((y * s.w + x) * 3)];
        return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
    };
    for (int y = std::max(2, static_cast<int>(y0 * s.h)); y < std::min(s.h - 2, static_cast<int>(y1 * s.h)); ++y)
        for (int x = std::max(2, static_cast<int>(x0 * s.w)); x < std::min(s.w - 2, static_cast<int>(x1 * s.w)); ++x) {
            const double c = L(x, y);
            bool peak = true;
            for (int dy = -2; dy <= 2 && peak; dy += 2)
                for (int dx = -2; dx <= 2 && peak; dx += 2)
                    if ((dx || dy) && L(x + dx, y + dy) + margin > c) peak = false;
            count += peak;
        }
    return count;
}
}  // namespace

TEST_CASE("a moonlit night: the pit's ground reads, darker than day, brighter than a moonless night") {
    // 21 June 2026, 22:00: the moon (49 % lit) stands 22 degrees up in the west; 22 June 02:00: it has set.
    const Shot day = runShot("--scene pit --size 480x270 --quality low --start 2026-06-21T12:00:00+05:00", "night_pit_day");
    const Shot moon = runShot("--scene pit --size 480x270 --quality low --start 2026-06-21T22:00:00+05:00", "night_pit_moon");
    const Shot dark = runShot("--scene pit --size 480x270 --quality low --start 2026-06-22T02:00:00+05:00", "night_pit_moonless");
    checkRenderedShot(day, 480, 270, 40);
    checkRenderedShot(moon, 480, 270, 40);
    checkRenderedShot(dark, 480, 270, 20);
    // The ground around the pit (lower third, outside the pit's ellipse).
    const double lDay = regionLuma(day, 0.0, 0.8, 0.25, 1.0), lMoon = regionLuma(moon, 0.0, 0.8, 0.25, 1.0),
                 lDark = regionLuma(dark, 0.0, 0.8, 0.25, 1.0);
    INFO("ground luma day " << lDay << ", moonlit " << lMoon << ", moonless " << lDark);
    CHECK(lMoon < 0.7 * lDay);
    CHECK(lMoon > 1.15 * lDark);
    CHECK(lMoon > 25.0);  // reads on a projector (the old night was ~5: black)
    CHECK(lDark > 10.0);  // the sky glow and starlight keep the relief
}

TEST_CASE("floodlights light the shovel and the ground under them, at both presets") {
    for (const char* q : {"low", "high"}) {
        const Shot s = runShot(std::string("--scene pit --camera 3 --size 480x270 --quality ") + q +
                                   " --start 2026-06-22T02:00:00+05:00", std::string("night_flood_") + q);
        checkRenderedShot(s, 480, 270, 40);
        // The shovel close-up centres the working face's mast: the pool around the shovel against the corners.
        const double pool = regionLuma(s, 0.4, 0.45, 0.65, 0.7);
        const double open = std::min(regionLuma(s, 0.0, 0.85, 0.15, 1.0), regionLuma(s, 0.85, 0.85, 1.0, 1.0));
        INFO(q << ": pool luma " << pool << ", open floor " << open);
        CHECK(pool > 2.0 * open);
        CHECK(pool > 60.0);
    }
}

TEST_CASE("a moonless night over the town: lit windows below, stars above") {
    const Shot s = runShot("--scene landscape --camera 1 --size 960x540 --quality high --start 2026-06-22T01:30:00+05:00", "night_town");
    const Shot day = runShot("--scene landscape --camera 1 --size 960x540 --quality high --start 2026-06-21T12:00:00+05:00", "night_town_day");
    checkRenderedShot(s, 960, 540, 40);
    checkRenderedShot(day, 960, 540, 40);
    const int stars = brightPoints(s, 0.0, 0.0, 1.0, 0.2, 12), starsDay = brightPoints(day, 0.0, 0.0, 1.0, 0.2, 12);
    const int windows = brightPoints(s, 0.4, 0.55, 0.9, 0.95, 25);
    INFO("stars " << stars << " (day " << starsDay << "), window points " << windows);
    CHECK(stars >= 5);
    CHECK(starsDay == 0);
    CHECK(windows >= 30);
}
