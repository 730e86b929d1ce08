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
