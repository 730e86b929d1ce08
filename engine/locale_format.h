// engine/locale_format.h — numbers, dates and times as each language writes them: the one formatter that captions,
// 3D labels and panels share, so a figure reads the same wherever it shows.
//   formatNumber(12345.6, 1, NumberFormat::forLanguage("ru")) -> "12 345,6" (no-break space; ru and uz group from
//   10 000, the Russian typographic rule: "1234,5"); de "1.234,5"; en, ja, ko, ar "1,234.5" (Arabic on screen keeps Western digits, as UAE signage does).
//   formatDateTime({2026,6,21,11,0}, "de") -> "21.06.2026 11:00"; ru, uz the same; en "21 Jun 2026 11:00";
//   ja "2026年6月21日 11:00"; ko "2026. 6. 21. 11:00"; ar "21/06/2026 11:00". Times are 24 h everywhere.
// Use: eng::formatNumber(v, 1) and eng::formatDateTime(d) follow the current language (engine/i18n.h); the
//   overloads with a NumberFormat or a code serve tests and offline rendering.
// Errors: none; a value that is not finite is "-"; an unknown language code formats as English.
// Does NOT: translate words (engine/i18n.h), know units (app/caption.h joins them) or convert time zones.
#pragma once
#include <cstdarg>
#include <cstddef>
#include <string>
#include <string_view>

namespace eng {

struct NumberFormat {
    std::string decimal = ".";     // "," in ru, uz, de
    std::string group = ",";       // thousands separator: "," en, "\u00a0" (no-break space) ru/uz, "." de
    double groupFrom = 1000.0;     // group digits from this magnitude up: en/de "4,117"; ru/uz 10000 ("4117", the
                                   // Russian typographic rule for four digits)
    std::string unitSpace = "\u00a0";  // between a number and its unit ("4,117 t/h"): no-break, a caption never
                                       // wraps between them
    std::string percentSpace;      // before "%": "" en ("12.5%"), no-break space ru/uz/de ("12,5 %")
    // The format of a language code ("en", "ru", "uz", "de", "ja", "ko", "ar"); unknown codes get English's.
    static NumberFormat forLanguage(std::string_view code);
};

// printf with the language's numbers: every %f/%F conversion goes through formatNumber (decimal comma and digit
// groups: "Ore %.0f t/h" with 4117 -> "Ore 4,117 t/h" en, "Ore 4.117 t/h" de; "%.1f" 12.5 -> "12,5" ru), %e/%g get
// the decimal separator only; integers, strings and everything else print as snprintf prints them. Width, the
// flags '-', '+' and ' ', and '*' are honoured; '0' pads with zeros only when no group separator was inserted.
// localSnprintf has snprintf's signature (it returns the full length; the text is cut to fit `size`), so a panel's
// std::snprintf(b, sizeof b, ...) becomes eng::localSnprintf(b, sizeof b, ...). For on-screen text only: a value
// sent to the simulation or written to a file keeps snprintf ("%.9g").
std::string formatPrintf(const NumberFormat& nf, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
std::string vformatPrintf(const NumberFormat& nf, const char* fmt, va_list args);
std::string formatf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));  // the current language
int localSnprintf(char* out, std::size_t size, const char* fmt, ...) __attribute__((format(printf, 3, 4)));

// A unit symbol as the current language writes it: "t/h" -> "т/ч" in Russian, "t/soat" in Uzbek; English, German,
// Japanese, Korean and Arabic keep the SI symbols (as their technical writing does). The symbols are msgids with
// msgctxt "unit" (kUnitSymbols in locale_format.cpp lists them); one not listed is returned as it is.
std::string unitSymbol(std::string_view si);

// "12,345.6" for (12345.6, 1 decimal) in English; "12 345,6" in Russian; "-" for NaN/inf.
std::string formatNumber(double value, int decimals, const NumberFormat& nf);
// The same in the current language.
std::string formatNumber(double value, int decimals);
// The current language's number format.
NumberFormat currentNumberFormat();

struct DateTimeParts {
    int year = 2026, month = 1, day = 1, hour = 0, minute = 0;
};
std::string formatDate(const DateTimeParts& d, std::string_view languageCode);
std::string formatDateTime(const DateTimeParts& d, std::string_view languageCode);
std::string formatDateTime(const DateTimeParts& d);  // the current language
// "11:00" (24 h in every language shipped).
std::string formatTime(const DateTimeParts& d);

}  // namespace eng
