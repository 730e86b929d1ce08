// Render test of the languages (docs/languages.md) under xvfb-run: the UI of every scene in Russian, Japanese and
// Arabic at 1920x1080 (the menu bar, the status line and the scene's panel in that language's fonts, built from its
// catalog: no font message in the log), and a language without a catalog refused with the list of known ones.
// The pictures stay in <build>/render_out/lang_<code>_<scene>.png for a reader of each language to look at.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "render_shot.h"

namespace {

constexpr int kW = 1920, kH = 1080;

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
        }
    }
}

TEST_CASE("languages: --lang with a language that has no catalog exits 2 and lists the known codes") {
    const Shot s = runShot("--scene pit --size 64x64 --lang fr", "lang_fr");
    CHECK(s.rc == 2);
    CHECK(s.log.find("--lang 'fr': unknown language; known: en, ru, uz, de, ja, ko, ar") != std::string::npos);
}
