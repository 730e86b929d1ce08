// Render test of the languages (docs/languages.md) under xvfb-run: the UI of every scene in Russian, Japanese and
// Arabic at 1920x1080 (the menu bar, the status line and the scene's panel in that language's fonts, built from its
// catalog: no font message in the log), and a language without a catalog refused with the list of known ones.
// The pictures stay in <build>/render_out/lang_<code>_<scene>.png for a reader of each language to look at.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <utility>
#include <string>

#include "render_shot.h"

namespace {

constexpr int kW = 1920, kH = 1080;

// The leftmost and rightmost columns of bright (text) pixels in rows [y0, y1) of the dark menu bar.
std::pair<int, int> textColumns(const Shot& s, int y0, int y1) {
    int lo = s.w, hi = -1;
    for (int y = y0; y < y1; ++y)
        for (int x = 0; x < s.w; ++x) {
            const unsigned char* p = &s.px[(static_cast<std::size_t>(y) * s.w + x) * 3];
            if (std::max({p[0], p[1], p[2]}) > 150) lo = std::min(lo, x), hi = std::max(hi, x);
        }
    return {lo, hi};
}

}  // namespace

TEST_CASE("languages: every scene's interface in ru, ja and ar at 1920x1080, fonts found, text changed") {
    for (const char* scene : {"overview", "landscape", "pit", "smelter", "hydrogen"}) {
        const std::string common = std::string("--scene ") + scene + " --ui --size 1920x1080 --quality low" +
                                   " --start 2026-06-21T11:00:00+05:00";
        const Shot en = runShot(common + " --lang en", std::string("lang_en_") + scene);
        checkRenderedShot(en, kW, kH, 40);
        for (const char* lang : {"ru", "ja", "ar"}) {
            const Shot s = runShot(common + " --lang " + lang, std::string("lang_") + lang + "_" + scene);
            INFO(scene << " " << lang << "\n" << s.log);
            checkRenderedShot(s, kW, kH, 40);
            CHECK(s.log.find("[fonts]") == std::string::npos);  // every family found
            // The menu bar's words are another language's: its row changes; the 3D view mostly does not.
            CHECK(changedFraction(s, en, 4, 22) > 0.02);
            // Arabic mirrors the panels to the right edge (tests/engine/test_gui_mirror.cpp): where the English panel
            // was and where the Arabic one is both change, so up to twice the area.
            CHECK(changedFraction(s, en, 0, kH) < (std::string(lang) == "ar" ? 0.8 : 0.5));
            // The menus start where the reader starts: at the left edge, and in Arabic at the right edge with
            // nothing in the bar's left third.
            const auto [lo, hi] = textColumns(s, 4, 18);
            INFO("menu text from x = " << lo << " to " << hi);
            if (std::string(lang) == "ar") {
                CHECK(hi > kW - 80);
                CHECK(lo > kW / 3);
            } else {
                CHECK(lo < 80);
                CHECK(hi < kW * 2 / 3);
            }
        }
    }
}

TEST_CASE("languages: --lang with a language that has no catalog exits 2 and lists the known codes") {
    const Shot s = runShot("--scene pit --size 64x64 --lang fr", "lang_fr");
    CHECK(s.rc == 2);
    CHECK(s.log.find("--lang 'fr': unknown language; known: en, ru, uz, de, ja, ko, ar") != std::string::npos);
}
