#include "engine/locale_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/i18n.h"

namespace eng {

namespace {

constexpr const char* kNoBreakSpace = "\u00a0";
constexpr int kMaxDecimals = 6;

// "1234567" -> "1,234,567" with the given separator.
std::string groupDigits(const std::string& digits, const std::string& sep) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

std::string codeOf(std::string_view code) {
    const Language* l = findLanguage(code);
    return l ? l->code : "en";
}

}  // namespace

NumberFormat NumberFormat::forLanguage(std::string_view code) {
    const std::string lang = codeOf(code);
    NumberFormat nf;  // English: "12,345.6", "4,117"; ja and ko write numbers the same way; ar keeps Western digits
    if (lang == "ru" || lang == "uz") {
        nf.decimal = ",";
        nf.group = kNoBreakSpace;
        nf.groupFrom = 10000.0;
        nf.percentSpace = kNoBreakSpace;
    } else if (lang == "de") {
        nf.decimal = ",";
        nf.group = ".";
        nf.percentSpace = kNoBreakSpace;
    }
    return nf;
}

std::string formatNumber(double value, int decimals, const NumberFormat& nf) {
    if (!std::isfinite(value)) return "-";
    if (decimals < 0) decimals = 0;
    if (decimals > kMaxDecimals) decimals = kMaxDecimals;
    char buf[512];  // 1.8e308 has 309 digits before the point
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    std::string text = buf;
    const std::size_t point = text.find('.');
    std::string whole = text.substr(0, point), frac = point == std::string::npos ? "" : text.substr(point + 1);
    // The rounded number decides both the grouping (9999.96 -> "10,000.0") and the sign (-0.04 -> "0.0").
    const bool zero = whole.find_first_not_of('0') == std::string::npos && frac.find_first_not_of('0') == std::string::npos;
    const double rounded = std::strtod(text.c_str(), nullptr);
    if (rounded >= nf.groupFrom) whole = groupDigits(whole, nf.group);
    std::string out = (value < 0 && !zero) ? "-" : "";
    out += whole;
    if (!frac.empty()) out += nf.decimal + frac;
    return out;
}

NumberFormat currentNumberFormat() { return NumberFormat::forLanguage(language()); }

std::string formatNumber(double value, int decimals) { return formatNumber(value, decimals, currentNumberFormat()); }

std::string formatTime(const DateTimeParts& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", d.hour, d.minute);
    return buf;
}

std::string formatDate(const DateTimeParts& d, std::string_view languageCode) {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string lang = codeOf(languageCode);
    char buf[64];
    if (lang == "de" || lang == "ru" || lang == "uz")
        std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d.day, d.month, d.year);
    else if (lang == "ja")
        std::snprintf(buf, sizeof buf, "%04d\u5e74%d\u6708%d\u65e5", d.year, d.month, d.day);  // 年 月 日
    else if (lang == "ko")
        std::snprintf(buf, sizeof buf, "%04d. %d. %d.", d.year, d.month, d.day);
    else if (lang == "ar")
        std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    else
        std::snprintf(buf, sizeof buf, "%d %s %04d", d.day, kMonths[(d.month + 11) % 12], d.year);
    return buf;
}

std::string formatDateTime(const DateTimeParts& d, std::string_view languageCode) {
    return formatDate(d, languageCode) + " " + formatTime(d);
}

std::string formatDateTime(const DateTimeParts& d) { return formatDateTime(d, language()); }

}  // namespace eng
