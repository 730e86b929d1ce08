// Translation catalogs (.mo, compiled from a translator's .po): loaded from bytes as setLanguage loads the file
// (Boost.Locale's gettext reader), then what the program does with them: lookups of real msgids (plain, with a
// context, plural for many n), right-to-left shaping of whatever the catalog holds (the first input byte picks ar or
// ru), our own reader of the catalog's characters for the font atlas, and line breaking of the translations.
#include "engine/bidi.h"
#include "engine/i18n.h"
#include "engine/text_wrap.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const bool rtl = (data[0] & 1) != 0;
    const std::string bytes = fuzz::text(data + 1, size - 1);
    (void)eng::catalogCharactersOf(bytes, rtl);
    std::string why;
    if (!eng::setLanguageFromBytes(rtl ? "ar" : "ru", bytes, &why)) {
        if (why.empty()) fuzz::fail("setLanguageFromBytes refused without saying why");
        return 0;
    }
    const auto measure = [](std::string_view s) { return static_cast<float>(s.size()); };
    for (const char* id : {"Pause", "Score:", "Truck %d", "Trucks %s → %s", "Counted from %s", ""}) {
        const char* t = eng::tr(id);
        const char* p = eng::trp(id);
        if (!t || !p) fuzz::fail("a lookup returned null");
        (void)eng::wrapText(p, 12.0f, measure);
        (void)eng::display(p);
    }
    (void)eng::trc("alarm priority", "High");
    for (long n : {0L, 1L, 2L, 5L, 11L, 21L, 101L, -1L, 2147483647L})
        (void)eng::trn("%d alarm; the last answered in %.0f min (allowed %.0f)",
                       "%d alarms; the last answered in %.0f min (allowed %.0f)", n);
    eng::setLanguage("en", nullptr);
    return 0;
}
