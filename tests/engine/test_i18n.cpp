// Languages (engine/i18n, engine/locale_format, engine/bidi, engine/fonts) on the real catalogs: po/*.po as
// translators edit them and their .mo files as the build compiles them (<build>/share/almalyk/locale). That every
// extracted string is in every catalog is the `catalogs` ctest (cmake/i18n_check.cmake, a fresh xgettext run).
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "app/caption.h"
#include "app/ui.h"
#include "engine/bidi.h"
#include "engine/fonts.h"
#include "engine/i18n.h"
#include "engine/locale_format.h"
#include "sim/params.h"
#include "sim/world.h"

namespace {

namespace fs = std::filesystem;

struct PoEntry {
    std::string context, id, plural;
    std::vector<std::string> strs;  // msgstr, or msgstr[0..n-1]
    bool cFormat = false;
    int line = 0;
};

// A .po file's entries (the header, msgid "", left out). Enough of the format for our catalogs: the tools write
// one string per keyword line (--no-wrap).
std::vector<PoEntry> readPo(const fs::path& path) {
    std::vector<PoEntry> out;
    std::ifstream in(path);
    std::string line, flags;
    PoEntry cur;
    std::string* last = nullptr;
    int n = 0;
    auto unquote = [](const std::string& s) {
        std::string r;
        for (std::size_t i = s.find('"') + 1; i + 1 < s.size(); ++i) {
            if (s[i] == '\\' && i + 2 < s.size()) {
                const char c = s[++i];
                r += c == 'n' ? '\n' : c == 't' ? '\t' : c;
            } else {
                r += s[i];
            }
        }
        return r;
    };
    auto flush = [&] {
        if (!cur.id.empty()) out.push_back(cur);
        cur = PoEntry();
        last = nullptr;
    };
    while (std::getline(in, line)) {
        ++n;
        if (line.empty()) {
            flush();
            continue;
        }
        if (line.rfind("#,", 0) == 0) cur.cFormat = line.find(" c-format") != std::string::npos;
        if (line[0] == '#') continue;
        if (line.rfind("msgctxt ", 0) == 0) last = &(cur.context = unquote(line));
        else if (line.rfind("msgid_plural ", 0) == 0) last = &(cur.plural = unquote(line));
        else if (line.rfind("msgid ", 0) == 0) { cur.line = n; last = &(cur.id = unquote(line)); }
        else if (line.rfind("msgstr", 0) == 0) { cur.strs.push_back(unquote(line)); last = &cur.strs.back(); }
        else if (line[0] == '"' && last) *last += unquote(line);
    }
    flush();
    return out;
}

const fs::path kPo = fs::path(ALMALYK_SOURCE_DIR) / "po";
const char* const kCodes[] = {"en", "ru", "uz", "de", "ja", "ko", "ar"};

// "{mine.ore_t_h:0}" placeholders, sorted (a translation may move them, never change them).
std::vector<std::string> bracePlaceholders(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = s.find('{'); i != std::string::npos; i = s.find('{', i + 1)) {
        const std::size_t j = s.find('}', i);
        if (j == std::string::npos) break;
        out.push_back(s.substr(i, j - i + 1));
    }
    std::sort(out.begin(), out.end());
    return out;
}

// printf conversions in argument order, positional ones ("%2$s") put in their place: {"d", "s", ".1f"}.
std::vector<std::string> conversions(const std::string& s) {
    static const std::regex re(R"(%(?:(\d+)\$)?([-+ #0]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXfFeEgGaAcsp%]))");
    std::map<int, std::string> byPos;
    int next = 1;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
        if ((*it)[2] == "%") continue;
        const int pos = (*it)[1].matched ? std::stoi((*it)[1]) : next++;
        byPos[pos] = (*it)[2];
    }
    std::vector<std::string> out;
    for (const auto& [pos, conv] : byPos) out.push_back(conv);
    return out;
}

}  // namespace

TEST_CASE("i18n: every catalog translates every entry and keeps its placeholders and conversions") {
    const std::vector<PoEntry> pot = readPo(kPo / "almalyk.pot");
    REQUIRE(pot.size() > 300);
    for (const char* code : kCodes) {
        const fs::path file = kPo / (std::string(code) + ".po");
        const std::vector<PoEntry> po = readPo(file);
        CAPTURE(file);
        CHECK(po.size() == pot.size());
        for (const PoEntry& e : po) {
            CAPTURE(e.line);
            CAPTURE(e.id);
            REQUIRE_FALSE(e.strs.empty());
            for (const std::string& t : e.strs) {
                CHECK_MESSAGE(!t.empty(), "untranslated");
                // Tour captions' {metric:spec} and alarm texts' {v}/{l}: the same set in the translation.
                CHECK(bracePlaceholders(t) == bracePlaceholders(e.id));
                if (e.cFormat) CHECK(conversions(t) == conversions(e.plural.empty() || e.strs.size() == 1 ? e.id : e.plural));
            }
        }
    }
}

TEST_CASE("i18n: languages, codes and the environment's default") {
    REQUIRE(eng::findLanguage("de_DE.UTF-8") != nullptr);
    CHECK(std::string(eng::findLanguage("de_DE.UTF-8")->code) == "de");
    CHECK(std::string(eng::findLanguage("C")->code) == "en");
    CHECK(std::string(eng::findLanguage("uz@latin")->code) == "uz");
    CHECK(eng::findLanguage("fr") == nullptr);
    CHECK(eng::languageCodes() == "en, ru, uz, de, ja, ko, ar");
    CHECK(eng::findLanguage("ar")->rightToLeft);

    static std::map<std::string, std::string> env;
    auto get = [](const char* name) -> const char* {
        const auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
    };
    env = {};
    CHECK(eng::languageFromEnvironment(get) == "en");
    env = {{"LANG", "ru_RU.UTF-8"}};
    CHECK(eng::languageFromEnvironment(get) == "ru");
    env = {{"LANG", "ru_RU.UTF-8"}, {"LC_MESSAGES", "de_DE.UTF-8"}};
    CHECK(eng::languageFromEnvironment(get) == "de");
    env = {{"LANG", "ru_RU.UTF-8"}, {"LC_MESSAGES", "de_DE.UTF-8"}, {"LC_ALL", "ja_JP.UTF-8"}};
    CHECK(eng::languageFromEnvironment(get) == "ja");
    env = {{"LANGUAGE", "fr:ko:en"}, {"LANG", "de_DE.UTF-8"}};
    CHECK(eng::languageFromEnvironment(get) == "ko");  // the first known of the list
    env = {{"LANGUAGE", "ko"}, {"LC_ALL", "C"}};
    CHECK(eng::languageFromEnvironment(get) == "en");  // gettext ignores LANGUAGE in the C locale
    env = {{"LANG", "POSIX"}};
    CHECK(eng::languageFromEnvironment(get) == "en");
    env = {{"LANG", "fr_FR.UTF-8"}};
    CHECK(eng::languageFromEnvironment(get) == "en");
}

TEST_CASE("i18n: catalogs load without system locales; Russian plurals; unknown codes refused") {
    std::string why;
    REQUIRE_MESSAGE(eng::setLanguage("ru", &why), why);
    CHECK(eng::language() == "ru");
    CHECK(std::string(eng::tr("Pause")) == "Пауза");
    CHECK(std::string(eng::trc("alarm priority", "High")) == "Высокий");
    CHECK(std::string(eng::tr("not a msgid at all")) == "not a msgid at all");
    // One, few, many: 1, 21 -> form 0; 2 -> form 1; 5, 11, 111 -> form 2.
    CHECK(std::string(eng::trn("+%d more", "+%d more", 1)) == "+%d сигнал");
    CHECK(std::string(eng::trn("+%d more", "+%d more", 21)) == "+%d сигнал");
    CHECK(std::string(eng::trn("+%d more", "+%d more", 2)) == "+%d сигнала");
    CHECK(std::string(eng::trn("+%d more", "+%d more", 5)) == "+%d сигналов");
    CHECK(std::string(eng::trn("+%d more", "+%d more", 11)) == "+%d сигналов");
    CHECK(std::string(eng::trn("+%d more", "+%d more", 111)) == "+%d сигналов");
    CHECK(std::string(eng::trn("+%d more", "+%d more", 22)) == "+%d сигнала");
    REQUIRE(eng::setLanguage("de", &why));
    CHECK(std::string(eng::trn("+%d more", "+%d more", 1)) == "+%d weiterer Alarm");
    CHECK(std::string(eng::trn("+%d more", "+%d more", 2)) == "+%d weitere Alarme");

    CHECK_FALSE(eng::setLanguage("fr", &why));
    CHECK(why == "unknown language 'fr' (known: en, ru, uz, de, ja, ko, ar)");
    CHECK(eng::language() == "de");  // unchanged
    REQUIRE(eng::setLanguage("en", &why));
    CHECK(std::string(eng::tr("Pause")) == "Pause");
}

TEST_CASE("i18n: numbers, dates and times per language") {
    using eng::NumberFormat;
    const std::string nb = "\u00a0";
    CHECK(eng::formatNumber(12345.6, 1, NumberFormat::forLanguage("ru")) == "12" + nb + "345,6");
    CHECK(eng::formatNumber(1234.5, 1, NumberFormat::forLanguage("ru")) == "1234,5");  // four digits: not grouped
    CHECK(eng::formatNumber(12345.6, 1, NumberFormat::forLanguage("uz")) == "12" + nb + "345,6");
    CHECK(eng::formatNumber(1234.5, 1, NumberFormat::forLanguage("de")) == "1.234,5");
    for (const char* code : {"en", "ja", "ko", "ar"}) {
        CAPTURE(code);
        CHECK(eng::formatNumber(1234.5, 1, NumberFormat::forLanguage(code)) == "1,234.5");
    }
    const eng::DateTimeParts d{2026, 6, 21, 11, 0};
    CHECK(eng::formatDateTime(d, "en") == "21 Jun 2026 11:00");
    CHECK(eng::formatDateTime(d, "de") == "21.06.2026 11:00");
    CHECK(eng::formatDateTime(d, "ru") == "21.06.2026 11:00");
    CHECK(eng::formatDateTime(d, "uz") == "21.06.2026 11:00");
    CHECK(eng::formatDateTime(d, "ja") == "2026年6月21日 11:00");
    CHECK(eng::formatDateTime(d, "ko") == "2026. 6. 21. 11:00");
    CHECK(eng::formatDateTime(d, "ar") == "21/06/2026 11:00");
    std::string why;
    REQUIRE(eng::setLanguage("de", &why));
    CHECK(eng::formatNumber(0.76, 2) == "0,76");  // the current language's
    REQUIRE(eng::setLanguage("en", &why));
}

TEST_CASE("i18n: panel printf formats print their numbers in the language's format") {
    using eng::NumberFormat;
    const NumberFormat en = NumberFormat::forLanguage("en"), de = NumberFormat::forLanguage("de"),
                       ru = NumberFormat::forLanguage("ru");
    const std::string nb = "\u00a0";
    // English below a thousand: exactly what the C library's printf writes (an independent implementation).
    char ref[256];
    std::snprintf(ref, sizeof ref, "Truck %d (%s) %.0f t %+.1f %8.2f|%-7.1f|%05.1f %5.1f%% %e %g %zu %lld %x %c %%", 12,
                  "loaded", 231.4, 3.25, -7.125, 4.5, 9.75, 55.55, 0.000123, 0.5, std::size_t{42}, 9000000000LL, 255, 'Z');
    CHECK(eng::formatPrintf(en, "Truck %d (%s) %.0f t %+.1f %8.2f|%-7.1f|%05.1f %5.1f%% %e %g %zu %lld %x %c %%", 12,
                            "loaded", 231.4, 3.25, -7.125, 4.5, 9.75, 55.55, 0.000123, 0.5, std::size_t{42},
                            9000000000LL, 255, 'Z') == ref);
    std::snprintf(ref, sizeof ref, "[%*.*f] [%-*d] [%.3s]", 9, 3, 2.5, 4, 7, "abcdef");
    CHECK(eng::formatPrintf(en, "[%*.*f] [%-*d] [%.3s]", 9, 3, 2.5, 4, 7, "abcdef") == ref);
    // Translations reorder arguments with POSIX positions (po/ar.po does): the same as glibc's printf.
    std::snprintf(ref, sizeof ref, "%3$s %1$zu: %2$.1f t (%4$d %%)", std::size_t{3}, 12.25, "Ladle", 40);
    CHECK(eng::formatPrintf(en, "%3$s %1$zu: %2$.1f t (%4$d %%)", std::size_t{3}, 12.25, "Ladle", 40) == ref);
    CHECK(eng::formatPrintf(de, "%2$.1f t, %1$s", "Pfanne", 1234.5) == "1.234,5 t, Pfanne");
    // Written out by hand from the languages' rules (docs/languages.md): comma decimals, groups of three.
    CHECK(eng::formatPrintf(en, "Ore %.0f t/h", 4117.0) == "Ore 4,117 t/h");
    CHECK(eng::formatPrintf(de, "Ore %.0f t/h, %.1f %%", 4117.0, 12.5) == "Ore 4.117 t/h, 12,5 %");
    CHECK(eng::formatPrintf(ru, "%.1f kt, %.2f", 12345.6, -0.004) == "12" + nb + "345,6 kt, 0,00");
    CHECK(eng::formatPrintf(ru, "%.0f", 1234.0) == "1234");  // four digits: not grouped in Russian
    CHECK(eng::formatPrintf(de, "%.2e|%g", 12345.0, 0.25) == "1,23e+04|0,25");
    CHECK(eng::formatPrintf(de, "[%8.1f] [%-8.1f] [%+.1f]", 1234.5, 2.5, 2.5) == "[ 1.234,5] [2,5     ] [+2,5]");
    CHECK(eng::formatPrintf(de, "%.1f", std::nan("")) == "-");
    CHECK(eng::formatPrintf(de, "%d %s", 1234567, "x") == "1234567 x");  // integers (counts, ids) as printf writes them
    // snprintf's contract: the full length back, the text cut to the buffer on a whole UTF-8 character.
    std::string why;
    REQUIRE(eng::setLanguage("ru", &why));
    char small[6];
    CHECK(eng::localSnprintf(small, sizeof small, "%.1f", 12345.6) == 9);  // "12", U+00A0 (2 bytes), "345,6"
    CHECK(std::string(small) == "12" + nb + "3");  // five bytes and the terminator
    char cut[4];
    eng::localSnprintf(cut, sizeof cut, "%.1f", 12345.6);
    CHECK(std::string(cut) == "12");  // the no-break space would not fit whole
    CHECK(eng::formatf("%.2f", 0.76) == "0,76");
    REQUIRE(eng::setLanguage("en", &why));
    CHECK(eng::formatf("%.2f", 0.76) == "0.76");
}

TEST_CASE("i18n: unit symbols as each language writes them, in panels and captions") {
    std::string why;
    // Russian technical writing uses Cyrillic designations (GOST 8.417-2002, table of unit designations): т, ч, кг, МВт.
    REQUIRE(eng::setLanguage("ru", &why));
    CHECK(eng::unitSymbol("t/h") == "т/ч");
    CHECK(eng::unitSymbol("kg/h") == "кг/ч");
    CHECK(eng::unitSymbol("MW") == "МВт");
    CHECK(eng::unitSymbol("furlong") == "furlong");  // not a unit we show: as it is
    sim::World w(sim::makeParams(), 1, sim::defaultStartTime());
    const std::string caption = app::formatCaption("{mine.ore_t_h:0u}", w.state(), w.now(), eng::currentNumberFormat());
    CHECK(caption.size() > std::string("\u00a0т/ч").size());
    CHECK(caption.substr(caption.size() - std::string("\u00a0т/ч").size()) == "\u00a0т/ч");
    // Uzbek (Latin) writes the hour "soat" (t/soat, as the catalog's alarm texts do).
    REQUIRE(eng::setLanguage("uz", &why));
    CHECK(eng::unitSymbol("t/h") == "t/soat");
    // German, Japanese, Korean, Arabic and English keep the SI symbols.
    for (const char* code : {"en", "de", "ja", "ko", "ar"}) {
        REQUIRE(eng::setLanguage(code, &why));
        CAPTURE(code);
        CHECK(eng::unitSymbol("t/h") == "t/h");
        CHECK(eng::unitSymbol("MW") == "MW");
    }
    REQUIRE(eng::setLanguage("en", &why));
}

TEST_CASE("bidi: Arabic is joined into its presentation forms and reordered; numbers and formats keep their order") {
    // كتاب (book): kaf initial U+FEDB, teh medial U+FE98, alef final U+FE8E, beh isolated U+FE8F; shown right to
    // left, so the visual string starts with the last letter.
    CHECK(eng::utf8Decode(eng::bidiLine("كتاب", true)) == U"\uFE8F\uFE8E\uFE98\uFEDB");
    // سلام (peace): seen initial U+FEB3, lam + alef as one ligature (final form U+FEFC), meem isolated U+FEE1.
    CHECK(eng::utf8Decode(eng::bidiLine("سلام", true)) == U"\uFEE1\uFEFC\uFEB3");
    // A number inside Arabic text reads left to right, on the left of the word that precedes it.
    const std::u32string shown = eng::utf8Decode(eng::bidiLine("الشاحنة 42", true));
    CHECK(shown.substr(0, 3) == U"42 ");
    // A degree sign stays with its unit's letter; a line of figures and units alone reads left to right.
    CHECK(eng::bidiLine("الحرارة 1196 °C", true).find("°C") != std::string::npos);
    CHECK(eng::bidiLine("0 t، 0 %", true) == "0 t، 0 %");
    // Not a format: "12 % Cu" is text (no space flag), so nothing is isolated in it.
    CHECK(eng::bidiFormatLine("Cu 12 % النحاس", true) == eng::bidiLine("Cu 12 % النحاس", true));
    // Lines are shaped one by one (a line break never swaps their contents).
    CHECK(eng::bidiLine("كتاب\nسلام", true) == eng::bidiLine("كتاب", true) + "\n" + eng::bidiLine("سلام", true));
    // A printf conversion stays whole: "%.1f" must not come out as "1f.%".
    const std::string f = eng::bidiFormatLine("الخام %.1f t/h، %2$d", true);
    CHECK(f.find("%.1f") != std::string::npos);
    CHECK(f.find("%2$d") != std::string::npos);
    // A number and the unit after it are one quantity: read right to left, the ladle's mass comes first (rightmost),
    // then its temperature, each "57 t" and "1196 °C" left to right (the smelter's ladle label in po/ar.po).
    const std::string ladle = eng::bidiFormatLine("مغرفة %2$.0f t، %3$.0f °C", true);
    const std::size_t mass = ladle.find("%2$.0f t"), temp = ladle.find("%3$.0f °C");
    CHECK(mass != std::string::npos);
    CHECK(temp != std::string::npos);
    CHECK(temp < mass);  // visual order, left to right: the temperature on the left
    // The same for text already formatted (a 3D label): each figure keeps its unit on its right.
    const std::string label = eng::bidiLine("نحاس منفط 57 t، 1,196 °C، 99.5 %، -3.5 t/h", true);
    CHECK(label.find("57 t") != std::string::npos);
    CHECK(label.find("1,196 °C") != std::string::npos);
    CHECK(label.find("99.5 %") != std::string::npos);
    CHECK(label.find("-3.5 t/h") != std::string::npos);
    CHECK(label.find("-3.5 t/h") < label.find("99.5 %"));
    CHECK(label.find("1,196 °C") < label.find("57 t"));
    // A chemical formula after a figure is no unit: "SO₂" keeps its subscript.
    CHECK(eng::bidiLine("الملتقط 45 SO₂", true).find("SO₂") != std::string::npos);
    // Two conversions side by side are two isolates, read right to left: the second one on the left.
    const std::string two = eng::bidiFormatLine("نحاس %1$s %2$s", true);
    CHECK(two.find("%1$s %2$s") == std::string::npos);
    CHECK(two.find("%2$s") < two.find("%1$s"));
    // Left-to-right text is left as it is.
    CHECK(eng::bidiLine("Ore 3,960 t/h", false) == "Ore 3,960 t/h");
    // Every contextual form of the letters asked for, for the atlas.
    const std::u32string forms = eng::bidiShapedForms(U"ب");
    for (char32_t c : {U'\uFE8F', U'\uFE90', U'\uFE91', U'\uFE92'}) CHECK(forms.find(c) != std::u32string::npos);
}

TEST_CASE("fonts: every character of every catalog is in that language's atlas (no missing-glyph boxes)") {
    std::string why;
    for (const char* code : kCodes) {
        CAPTURE(code);
        REQUIRE_MESSAGE(eng::setLanguage(code, &why), why);
        const std::string mo = eng::catalogPath(code);
        REQUIRE_FALSE(mo.empty());
        ImGuiContext* ctx = ImGui::CreateContext();
        const auto t0 = std::chrono::steady_clock::now();
        app::buildUiFonts(1.0f);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        const eng::FontBuild& b = app::lastFontBuild();
        MESSAGE(std::string(code) << ": atlas " << b.width << "x" << b.height << ", " << b.glyphs << " glyphs, build " << b.ms
                     << " ms, with the catalog scan " << ms << " ms");
        CHECK(b.problems.empty());
        REQUIRE(b.fonts.size() == 3);
        const std::u32string chars = eng::catalogCharacters(mo);
        CHECK(chars.size() > 60);
        int missing = 0;
        for (ImFont* f : b.fonts) {
            for (char32_t c : chars) {
                // Line breaks and the format controls FriBidi leaves out are never drawn.
                if (c < 0x20 || c == 0xFEFF || (c >= 0x200B && c <= 0x200F) || (c >= 0x2066 && c <= 0x2069)) continue;
                if (!f->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
                    if (++missing < 10) MESSAGE("missing U+" << std::hex << static_cast<unsigned>(c));
                }
            }
        }
        CHECK(missing == 0);
        // Every language's own name, for the Language menu and the kiosk's buttons.
        for (const eng::Language& l : eng::languages()) {
            const std::string name = l.rightToLeft ? eng::bidiLine(l.nativeName, true) : l.nativeName;
            for (char32_t c : eng::utf8Decode(name)) CHECK(b.fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
        ImGui::DestroyContext(ctx);
    }
    REQUIRE(eng::setLanguage("en", &why));
}

TEST_CASE("fonts: fontconfig finds the families by name, with the collection's face index") {
    const auto dejavu = eng::findFontFamily("DejaVu Sans", false);
    REQUIRE(dejavu.has_value());
    CHECK(fs::exists(dejavu->file));
    const auto jp = eng::findFontFamily("Noto Sans CJK JP", false);
    const auto kr = eng::findFontFamily("Noto Sans CJK KR", false);
    REQUIRE(jp.has_value());
    REQUIRE(kr.has_value());
    CHECK(jp->file == kr->file);    // one .ttc ...
    CHECK(jp->index != kr->index);  // ... two faces
    CHECK_FALSE(eng::findFontFamily("No Such Font Family 1234", false).has_value());
}

TEST_CASE("i18n: a damaged catalog is refused with the reason or falls back to English, never a crash") {
    // The catalog fuzzer's first find (tests/fuzz/regressions/catalog/): one flipped bit in a valid .mo made
    // Boost.Locale throw "Bad mo-file format" from a plural lookup, and the uncaught exception ended the program.
    std::ifstream f(std::string(ALMALYK_SOURCE_DIR) + "/tests/fuzz/regressions/catalog/bad_mo_format.bin", std::ios::binary);
    const std::string input((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    REQUIRE(input.size() > 1);
    std::string why;
    const bool loaded = eng::setLanguageFromBytes("ru", input.substr(1), &why);
    if (!loaded) {
        CHECK(why.find("not a readable gettext catalog") != std::string::npos);
    } else {
        CHECK(std::string(eng::trn("%d alarm; the last answered in %.0f min (allowed %.0f)",
                                   "%d alarms; the last answered in %.0f min (allowed %.0f)", 5)).size() > 0);
        CHECK(eng::tr("Pause") != nullptr);
    }
    // The second: offsets that Boost.Locale followed past the end of the file (a strcmp on a wild pointer under
    // AddressSanitizer). Our own check of the .mo layout refuses it first, naming the fault.
    std::ifstream g(std::string(ALMALYK_SOURCE_DIR) + "/tests/fuzz/regressions/catalog/boost_strcmp_out_of_bounds.bin",
                    std::ios::binary);
    const std::string wild((std::istreambuf_iterator<char>(g)), std::istreambuf_iterator<char>());
    REQUIRE(wild.size() > 1);
    why.clear();
    CHECK_FALSE(eng::setLanguageFromBytes("ar", wild.substr(1), &why));
    CHECK(why.find("not a readable gettext catalog") != std::string::npos);
    // Truncated at every length: refused or readable, never thrown.
    for (std::size_t n = 0; n < input.size(); n += 7) {
        std::string w;
        if (eng::setLanguageFromBytes("ru", input.substr(1, n), &w)) (void)eng::trn("%d truck", "%d trucks", 3);
        else CHECK_FALSE(w.empty());
    }
    REQUIRE(eng::setLanguage("en", &why));
    // The real Russian catalog is loaded again from its file afterwards.
    REQUIRE(eng::setLanguage("ru", &why));
    CHECK(std::string(eng::tr("Pause")) == "Пауза");
    REQUIRE(eng::setLanguage("en", &why));
}
