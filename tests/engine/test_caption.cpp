// Captions with live values (app/caption.h, docs/tours.md "Captions"): number formats per language against
// hand-written strings, placeholder syntax errors with their messages, and captions filled from a real World's
// state, compared with the metric's value printed independently (snprintf, grouped by hand for its magnitude).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "app/caption.h"
#include "sim/metrics.h"
#include "sim/world.h"

namespace {

const std::string kNbsp = "\u00a0";

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string checkFails(const std::string& caption) {
    std::string why;
    CHECK_FALSE(app::checkCaption(caption, &why));
    return why;
}

// "1210.40" -> "1,210.40" for a number of exactly four digits before the point, written for that case only.
std::string fourDigits(const std::string& printed, const std::string& group, const std::string& decimal) {
    REQUIRE(printed.find('.') == 4);
    return printed.substr(0, 1) + group + printed.substr(1, 3) + decimal + printed.substr(5);
}

}  // namespace

TEST_CASE("numbers: English, German, Russian and Uzbek formats") {
    const app::NumberFormat en = app::NumberFormat::forLanguage("en");
    const app::NumberFormat de = app::NumberFormat::forLanguage("de");
    const app::NumberFormat ru = app::NumberFormat::forLanguage("ru");
    const app::NumberFormat uz = app::NumberFormat::forLanguage("uz");
    CHECK(app::formatNumber(1234.5, 1, en) == "1,234.5");
    CHECK(app::formatNumber(12345.6, 1, en) == "12,345.6");
    CHECK(app::formatNumber(4117.0, 0, en) == "4,117");
    CHECK(app::formatNumber(999.0, 0, en) == "999");
    CHECK(app::formatNumber(1234567.891, 2, en) == "1,234,567.89");
    CHECK(app::formatNumber(12345.6, 1, de) == "12.345,6");
    CHECK(app::formatNumber(4117.0, 0, de) == "4.117");
    CHECK(app::formatNumber(0.25, 2, de) == "0,25");
    CHECK(app::formatNumber(12345.6, 1, ru) == "12" + kNbsp + "345,6");
    CHECK(app::formatNumber(4117.0, 0, ru) == "4117");  // four digits stay together in Russian typography
    CHECK(app::formatNumber(1234567.0, 0, ru) == "1" + kNbsp + "234" + kNbsp + "567");
    CHECK(app::formatNumber(3.25, 2, uz) == "3,25");
    CHECK(app::formatNumber(98765.0, 0, uz) == "98" + kNbsp + "765");
}

TEST_CASE("numbers: rounding decides grouping and sign; non-finite is a dash; other languages") {
    const app::NumberFormat en = app::NumberFormat::forLanguage("en");
    CHECK(app::formatNumber(9999.96, 1, en) == "10,000.0");
    CHECK(app::formatNumber(999.6, 0, en) == "1,000");
    CHECK(app::formatNumber(-0.04, 1, en) == "0.0");
    CHECK(app::formatNumber(-1234.5, 1, en) == "-1,234.5");
    CHECK(app::formatNumber(std::nan(""), 2, en) == "-");
    CHECK(app::formatNumber(std::numeric_limits<double>::infinity(), 0, en) == "-");
    CHECK(app::formatNumber(1.0, 9, en) == "1.000000");  // decimals are at most 6
    for (const char* code : {"ja", "ko", "ar", "xx", "", "EN"})
        CHECK(app::formatNumber(12345.6, 1, app::NumberFormat::forLanguage(code)) == "12,345.6");
    // Locale-style codes take the language part.
    CHECK(app::formatNumber(12345.6, 1, app::NumberFormat::forLanguage("de_DE.UTF-8")) == "12.345,6");
    CHECK(app::formatNumber(12345.6, 1, app::NumberFormat::forLanguage("ru-RU")) == "12" + kNbsp + "345,6");
}

TEST_CASE("units as people write them") {
    CHECK(app::displayUnit("C") == "\u00b0C");
    CHECK(app::displayUnit("deg") == "\u00b0");
    CHECK(app::displayUnit("t/h") == "t/h");
    CHECK(app::displayUnit("kg/h") == "kg/h");
    CHECK(app::displayUnit("%") == "%");
    CHECK(app::displayUnit("m2") == "m\u00b2");
    CHECK(app::displayUnit("W/m2") == "W/m\u00b2");
    CHECK(app::displayUnit("Nm3/h") == "Nm\u00b3/h");
    CHECK(app::displayUnit("m2/(kg/d)") == "m\u00b2/(kg/d)");
    CHECK(app::displayUnit("MW") == "MW");
    CHECK(app::displayUnit("count").empty());
    CHECK(app::displayUnit("0/1").empty());
    CHECK(app::displayUnit("-").empty());
    const app::NumberFormat en = app::NumberFormat::forLanguage("en"), de = app::NumberFormat::forLanguage("de");
    CHECK(app::formatQuantity(4117.2, 0, "t/h", en) == "4,117" + kNbsp + "t/h");
    CHECK(app::formatQuantity(12.54, 1, "%", en) == "12.5%");
    CHECK(app::formatQuantity(12.54, 1, "%", de) == "12,5" + kNbsp + "%");
    CHECK(app::formatQuantity(63.24, 1, "deg", en) == "63.2\u00b0");
    CHECK(app::formatQuantity(1210.4, 1, "C", de) == "1.210,4" + kNbsp + "\u00b0C");
    CHECK(app::formatQuantity(7, 0, "count", en) == "7");
    CHECK(app::formatQuantity(std::nan(""), 1, "t/h", en) == "-");
}

TEST_CASE("caption syntax: placeholders, braces and the errors' messages") {
    using V = std::vector<std::string>;
    CHECK(app::captionPlaceholders("The pit moves {mine.ore_t_h:0} t/h at {clock}") == V{"mine.ore_t_h", "clock"});
    CHECK(app::captionPlaceholders("{{literal}} and {h2.photo_kg_h:1u}") == V{"h2.photo_kg_h"});
    CHECK(app::captionPlaceholders("no placeholders").empty());
    std::string why;
    CHECK(app::checkCaption("The pit moves {mine.ore_t_h:0} t/h; {h2.photo_kg_h:1u}; {smelter.bath_temp_c} at {clock}", &why));
    CHECK(app::checkCaption("{{ braces }} and {mine.ore_t_h:6u}", &why));
    CHECK(app::checkCaption("", &why));

    why = checkFails("The pit moves {mine.ore_th:0} t/h");
    CHECK(contains(why, "{mine.ore_th:0}: unknown metric 'mine.ore_th'; did you mean"));
    CHECK(contains(why, "mine.ore_t_h"));
    for (const char* bad : {"{mine.ore_t_h:x}", "{mine.ore_t_h:7}", "{mine.ore_t_h:1v}", "{mine.ore_t_h:}", "{mine.ore_t_h:12}",
                            "{mine.ore_t_h:u}"}) {
        why = checkFails(bad);
        CHECK_MESSAGE(contains(why, std::string(bad) + ": decimals must be 0..6, optionally followed by 'u'"), why);
    }
    CHECK(contains(checkFails("It moves {mine.ore_t_h:0 t/h"), "unclosed '{' at character 10"));
    CHECK(contains(checkFails("a } b"), "'}' at character 3 closes nothing"));
    CHECK(contains(checkFails("{} empty"), "{}: expected a metric name or clock"));
    CHECK(contains(checkFails("{clock:2}"), "{clock:2}: {clock} takes no format"));
    CHECK(contains(checkFails("{a{b}"), "unclosed '{' at character 1"));
}

TEST_CASE("captions from a real World's state match the metrics printed independently") {
    sim::World w(sim::makeParams(), 1, sim::defaultStartTime());  // 10:00 local
    w.advance(w.now() + 3 * sim::kHour + 5 * sim::kMinute, 1'000'000);
    const sim::State& s = w.state();
    const app::NumberFormat en = app::NumberFormat::forLanguage("en");
    const app::NumberFormat de = app::NumberFormat::forLanguage("de");
    const app::NumberFormat ru = app::NumberFormat::forLanguage("ru");

    CHECK(app::formatCaption("It is {clock} in Almalyk", s, w.now(), en) == "It is 13:05 in Almalyk");

    // The bath runs at 1,100-1,300 C: a four-digit number, grouped by the rule written out for it here.
    const double bath = sim::readMetric(s, "smelter.bath_temp_c");
    REQUIRE(bath >= 1000.0);
    REQUIRE(bath < 9999.0);
    char printed[64];
    std::snprintf(printed, sizeof printed, "%.2f", bath);  // the metric's own 2 decimals
    CHECK(app::formatCaption("Bath {smelter.bath_temp_c}.", s, w.now(), en) ==
          "Bath " + fourDigits(printed, ",", ".") + kNbsp + "\u00b0C.");
    CHECK(app::formatCaption("Bad {smelter.bath_temp_c}.", s, w.now(), de) ==
          "Bad " + fourDigits(printed, ".", ",") + kNbsp + "\u00b0C.");
    std::string ruBath = printed;
    ruBath[4] = ',';  // Russian: four digits stay together, decimal comma
    CHECK(app::formatCaption("{smelter.bath_temp_c}", s, w.now(), ru) == ruBath + kNbsp + "\u00b0C");

    // A percentage with one decimal, number only and with its unit.
    const double recovery = sim::readMetric(s, "concentrator.recovery_pct");
    REQUIRE(recovery > 10.0);
    REQUIRE(recovery < 100.0);
    std::snprintf(printed, sizeof printed, "%.1f", recovery);
    std::string deRecovery = printed;
    deRecovery[deRecovery.find('.')] = ',';
    CHECK(app::formatCaption("Recovery {concentrator.recovery_pct:1}", s, w.now(), en) == std::string("Recovery ") + printed);
    CHECK(app::formatCaption("Recovery {concentrator.recovery_pct:1u}", s, w.now(), en) == std::string("Recovery ") + printed + "%");
    CHECK(app::formatCaption("Ausbeute {concentrator.recovery_pct:1u}", s, w.now(), de) == "Ausbeute " + deRecovery + kNbsp + "%");

    // A count has no unit; braces escaped; an unknown name shows as {name?}, never fails.
    std::snprintf(printed, sizeof printed, "%.0f", sim::readMetric(s, "mine.trucks_working"));
    CHECK(app::formatCaption("{{{mine.trucks_working}}} trucks", s, w.now(), en) == std::string("{") + printed + "} trucks");
    CHECK(app::formatCaption("x {mine.nothing:1} y {mine.ore_t_h:9}", s, w.now(), en) == "x {mine.nothing:1?} y {mine.ore_t_h:9?}");
    CHECK(app::formatCaption("broken {mine.ore_t_h", s, w.now(), en) == "broken {mine.ore_t_h");
}
